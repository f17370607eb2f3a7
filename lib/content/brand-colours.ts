/**
 * The office's accent colours (`accentColor`, `accentColorDark` in site.json) and their WCAG
 * contrast check. The accent is text on the page's background (links, the share buttons, the
 * archive's month counts), the background's colour is text on the accent (the skip link), and it
 * draws the focus ring and borders; the stylesheet never puts it on another colour (not on
 * `--color-surface`). So each accent is checked against the background of its colour scheme, as
 * text: under WCAG AA (4.5:1) is a build error naming the setting, the measured ratio and what is
 * needed; under AAA (7:1), which Chapar's own colours meet, a warning.
 *
 * The background colours are declared once, in the stylesheet (`assets/css/base.css`), and read
 * from there, so the check can't drift from what readers see.
 */
import { readFileSync } from "node:fs";
import { fromProject } from "../features/asset-files.ts";
import { toPersianDigits } from "../text/digits.ts";
import type { ContentProblem } from "./errors.ts";
import type { SiteSettings } from "./site-data.ts";

/** WCAG 2 AA for normal text: less is an error. */
export const MIN_TEXT_CONTRAST = 4.5;
/** WCAG 2 AAA for normal text: less is a warning. */
export const ENHANCED_TEXT_CONTRAST = 7;

export type ColourScheme = "light" | "dark";

/** The settings that choose an accent, by the colour scheme each is used in. */
export const ACCENT_SETTINGS = { light: "accentColor", dark: "accentColorDark" } as const satisfies Record<
  ColourScheme,
  keyof SiteSettings
>;

/** The page colour an accent is shown on, per colour scheme: `--color-bg`. */
export type PageBackgrounds = Record<ColourScheme, string>;

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

/** `--color-bg` of the light `:root` and of the dark-scheme block of the stylesheet's base. */
export function pageBackgrounds(css = readFileSync(fromProject("assets/css/base.css"), "utf8")): PageBackgrounds {
  const darkAt = css.indexOf("@media (prefers-color-scheme: dark)");
  if (darkAt < 0) throw new Error("base.css: no dark colour scheme block");
  const pick = (part: string, name: string): string => {
    const found = new RegExp(`--color-${name}:\\s*(#[0-9a-fA-F]{3,6})\\s*;`).exec(part)?.[1];
    if (!found) throw new Error(`base.css: --color-${name} not found as a hex colour`);
    return found;
  };
  return { light: pick(css.slice(0, darkAt), "bg"), dark: pick(css.slice(darkAt), "bg") };
}

/** `4.48` → `۴٫۴۸` (rounded down, so a ratio shown as enough is enough). */
function persianRatio(ratio: number): string {
  return toPersianDigits((Math.floor(ratio * 100) / 100).toFixed(2).replace(/\.?0+$/, "")).replace(".", "٫");
}

const SCHEME_WORDS: Record<ColourScheme, { scheme: string; fix: string }> = {
  light: { scheme: "روشن", fix: "رنگی تیره‌تر" },
  dark: { scheme: "تیره (dark mode)", fix: "رنگی روشن‌تر" },
};

/**
 * Problems with the accent colours of site.json: for each that is set, its contrast against the
 * background of its scheme if under 7:1 (an error under 4.5:1). `line` gives the setting's line in site.json.
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
    const against = backgrounds[scheme];
    const ratio = contrastRatio(colour, against);
    if (ratio >= ENHANCED_TEXT_CONTRAST) continue;
    const error = ratio < MIN_TEXT_CONTRAST;
    const at = line(setting);
    const words = SCHEME_WORDS[scheme];
    const measured = `رنگ ${setting === "accentColor" ? "اصلی سایت" : "اصلی سایت در حالت تیره"} (${setting}) «${colour}» روی زمینه‌ی صفحه در حالت ${words.scheme} (${against}) نسبت کنتراست ${persianRatio(ratio)}:۱ دارد؛`;
    problems.push({
      file,
      ...(at === undefined ? {} : { line: at }),
      field: setting,
      message: error
        ? `${measured} برای خوانایی متن دست‌کم ${persianRatio(MIN_TEXT_CONTRAST)}:۱ لازم است (WCAG AA). ${words.fix} برگزینید.`
        : `${measured} بس است (WCAG AA)، ولی رنگ‌های خود چاپار دست‌کم ${persianRatio(ENHANCED_TEXT_CONTRAST)}:۱ دارند (WCAG AAA) و برای کم‌بینایان خواناترند؛ ${words.fix} را بسنجید.`,
      severity: error ? "error" : "warning",
    });
  }
  return problems;
}
