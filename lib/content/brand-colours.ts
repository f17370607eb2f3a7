/**
 * The office's accent colours (`accentColor`, `accentColorDark` in site.json) and their WCAG
 * contrast check. The accent draws links, the focus ring and the share buttons' text, on the page's
 * background and on its surface colour (cards, the copy box); the skip link and the current month
 * of the archive put the background's colour on the accent. So each accent is checked against both
 * background colours of its colour scheme, as text (WCAG AA: 4.5:1); a colour that fails is a build
 * error naming the setting, the measured ratio and what is needed.
 *
 * The background colours are declared once, in the stylesheet (`assets/css/base.css`), and read
 * from there, so the check can't drift from what readers see.
 */
import { readFileSync } from "node:fs";
import { fromProject } from "../features/asset-files.ts";
import { toPersianDigits } from "../text/digits.ts";
import type { ContentProblem } from "./errors.ts";
import type { SiteSettings } from "./site-data.ts";

/** WCAG 2 AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

export type ColourScheme = "light" | "dark";

/** The settings that choose an accent, by the colour scheme each is used in. */
export const ACCENT_SETTINGS = { light: "accentColor", dark: "accentColorDark" } as const satisfies Record<
  ColourScheme,
  keyof SiteSettings
>;

/** The page colours an accent is shown on, per colour scheme: `--color-bg` and `--color-surface`. */
export type PageBackgrounds = Record<ColourScheme, { bg: string; surface: string }>;

export const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#abc` or `#aabbcc` → [r, g, b] in 0–255. */
export function parseHex(colour: string): [number, number, number] {
  if (!HEX_COLOUR.test(colour)) throw new Error(`not a hex colour: ${colour}`);
  const hex = colour.length === 4 ? [...colour.slice(1)].map((c) => c + c).join("") : colour.slice(1);
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance. */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = parseHex(colour).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `--color-bg` and `--color-surface` of the light `:root` and of the dark-scheme block of the stylesheet's base. */
export function pageBackgrounds(css = readFileSync(fromProject("assets/css/base.css"), "utf8")): PageBackgrounds {
  const darkAt = css.indexOf("@media (prefers-color-scheme: dark)");
  if (darkAt < 0) throw new Error("base.css: no dark colour scheme block");
  const pick = (part: string, name: string): string => {
    const found = new RegExp(`--color-${name}:\\s*(#[0-9a-fA-F]{3,6})\\s*;`).exec(part)?.[1];
    if (!found) throw new Error(`base.css: --color-${name} not found as a hex colour`);
    return found;
  };
  const light = css.slice(0, darkAt);
  const dark = css.slice(darkAt);
  return {
    light: { bg: pick(light, "bg"), surface: pick(light, "surface") },
    dark: { bg: pick(dark, "bg"), surface: pick(dark, "surface") },
  };
}

/** `4.48` → `۴٫۴۸` (rounded down, so a ratio shown as enough is enough). */
function persianRatio(ratio: number): string {
  return toPersianDigits((Math.floor(ratio * 100) / 100).toFixed(2).replace(/\.?0+$/, "")).replace(".", "٫");
}

const SCHEME_WORDS: Record<ColourScheme, { scheme: string; fix: string }> = {
  light: { scheme: "روشن", fix: "رنگی تیره‌تر" },
  dark: { scheme: "تیره (dark mode)", fix: "رنگی روشن‌تر" },
};

const BACKGROUND_WORDS = { bg: "زمینه‌ی صفحه", surface: "زمینه‌ی کارت‌ها و دکمه‌ها" } as const;

/**
 * Problems with the accent colours of site.json: for each that is set, its lowest contrast against
 * the backgrounds of its scheme, if under 4.5:1. `line` gives the setting's line in site.json.
 */
export function accentContrastProblems(
  site: Pick<SiteSettings, "accentColor" | "accentColorDark">,
  file: string,
  line: (setting: string) => number | undefined = () => undefined,
  backgrounds: PageBackgrounds = pageBackgrounds(),
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const scheme of ["light", "dark"] as const) {
    const setting = ACCENT_SETTINGS[scheme];
    const colour = site[setting];
    if (colour === undefined) continue;
    const worst = (["bg", "surface"] as const)
      .map((where) => ({ where, against: backgrounds[scheme][where], ratio: contrastRatio(colour, backgrounds[scheme][where]) }))
      .sort((a, b) => a.ratio - b.ratio)[0]!;
    if (worst.ratio >= MIN_TEXT_CONTRAST) continue;
    const at = line(setting);
    problems.push({
      file,
      ...(at === undefined ? {} : { line: at }),
      field: setting,
      message: `رنگ ${setting === "accentColor" ? "اصلی سایت" : "اصلی سایت در حالت تیره"} (${setting}) «${colour}» روی ${BACKGROUND_WORDS[worst.where]} در حالت ${SCHEME_WORDS[scheme].scheme} (${worst.against}) نسبت کنتراست ${persianRatio(worst.ratio)}:۱ دارد؛ برای خوانایی متن دست‌کم ${persianRatio(MIN_TEXT_CONTRAST)}:۱ لازم است (WCAG AA). ${SCHEME_WORDS[scheme].fix} برگزینید.`,
      severity: "error",
    });
  }
  return problems;
}
