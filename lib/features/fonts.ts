/**
 * Vazirmatn, self-hosted: the variable font from the npm `vazirmatn` package, subset (weight axis kept)
 * into a Persian file and a small Latin file whose `unicode-range`s do not overlap, so a Persian page
 * downloads the Latin file only if it has Latin text. Subsetting (harfbuzz wasm) takes about a second,
 * so its result is cached in `.cache/fonts/`, keyed by the source font's bytes and the ranges.
 * The OFL licence is shipped beside the fonts.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { committedFor, contentHash, fromProject, writeFileAtomic, type OutputFile } from "./asset-files.ts";

/** One subset: a file with these code points and an `@font-face` rule limited to them. */
export interface FontSubset {
  /** Used in the file name, e.g. `fa` → `vazirmatn-fa.<hash>.woff2`. */
  name: string;
  /** Inclusive code point ranges. */
  ranges: readonly (readonly [number, number])[];
  /** Preload it (`<link rel="preload">`): the file every page needs. */
  preload: boolean;
}

export interface FontOptions {
  /** CSS family name the stylesheet uses. */
  family: string;
  /** The variable woff2 to subset. */
  source: string;
  /** Licence text shipped beside the fonts, and its name there. */
  licence: { source: string; name: string };
  /** The `font-weight` range of the variable font's `wght` axis. */
  weightRange: readonly [number, number];
  /** Subsets, each with its own code points. A code point listed twice belongs to the first subset. */
  subsets: readonly FontSubset[];
  /** Site folder of the font files. */
  sitePath: string;
  /** Where subsets are cached between builds. */
  cacheDir: string;
  /**
   * Subsets made ahead of time and committed (`npm run fonts`), used when their manifest's key is this
   * build's key (same font, code points and subsetting tool): subsetting and woff2 compression take
   * about a second of every build whose cache is empty, for files that only change with these options.
   */
  prebuiltDir: string;
}

const range = (from: number, to = from) => [from, to] as const;

/**
 * What Persian text needs: space and ASCII punctuation (every Persian sentence has them, so they must
 * not pull in the Latin file), « » and typographic punctuation, the Arabic letters Persian uses with
 * its own پ چ ژ ک گ ی ۀ, short vowels and hamza marks, Persian and Arabic-Indic digits with their
 * separators (٫ ٬ ٪, which Intl's fa-IR output uses), ZWNJ and the bidi controls.
 */
export const PERSIAN_RANGES = [
  range(0x20, 0x2f),
  range(0x3a, 0x40),
  range(0x5b, 0x60),
  range(0x7b, 0x7e),
  range(0xa0),
  range(0xab),
  range(0xbb),
  range(0xd7),
  range(0xf7),
  range(0x60c),
  range(0x61b),
  range(0x61f),
  range(0x621, 0x63a),
  range(0x640, 0x655),
  range(0x660, 0x66d),
  range(0x670),
  range(0x67e),
  range(0x686),
  range(0x698),
  range(0x6a9),
  range(0x6af),
  range(0x6c0),
  range(0x6cc),
  range(0x6f0, 0x6f9),
  range(0x200c, 0x200f),
  range(0x2010, 0x2027),
  range(0x2030),
  range(0x2039, 0x203a),
  range(0x2066, 0x2069),
] as const;

/** Latin letters and digits, Latin-1, and the few symbols Western text uses (€ ™ −). */
export const LATIN_RANGES = [
  range(0x30, 0x39),
  range(0x41, 0x5a),
  range(0x61, 0x7a),
  range(0xa1, 0xff),
  range(0x131),
  range(0x152, 0x153),
  range(0x2bb, 0x2bc),
  range(0x2c6),
  range(0x2da),
  range(0x2dc),
  range(0x20ac),
  range(0x2122),
  range(0x2212),
  range(0x2215),
  range(0xfffd),
] as const;

export const defaults: FontOptions = {
  family: "Vazirmatn",
  source: "node_modules/vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2",
  licence: { source: "node_modules/vazirmatn/OFL.txt", name: "OFL.txt" },
  weightRange: [100, 900],
  subsets: [
    { name: "fa", ranges: PERSIAN_RANGES, preload: true },
    { name: "latin", ranges: LATIN_RANGES, preload: false },
  ],
  sitePath: "/assets/fonts/",
  cacheDir: ".cache/fonts",
  prebuiltDir: "assets/fonts",
};

/** The manifest beside prebuilt subsets: the key they were made for. */
export const PREBUILT_MANIFEST = "subsets.json";

export interface BuiltFace {
  subset: string;
  /** Site path of the woff2 file (hashed name). */
  sitePath: string;
  /** The `unicode-range` value, e.g. `U+20-2F,U+3A-40`. */
  unicodeRange: string;
  preload: boolean;
  bytes: number;
}

export interface BuiltFonts {
  faces: BuiltFace[];
  /** Font files and the licence. */
  files: OutputFile[];
  /** `@font-face` rules with URLs relative to a stylesheet in the site folder `fromDir`. */
  fontFaceCss(fromDir: string): string;
  /** Site paths to preload. */
  preload: string[];
}

/** The code points of each subset (a code point goes to the first subset that lists it), sorted. */
export function subsetCodePoints(subsets: readonly FontSubset[]): number[][] {
  const taken = new Set<number>();
  return subsets.map((subset) => {
    const points: number[] = [];
    for (const [from, to] of subset.ranges) {
      for (let c = from; c <= to; c++) if (!taken.has(c)) points.push(c);
    }
    for (const c of points) taken.add(c);
    return [...new Set(points)].sort((a, b) => a - b);
  });
}

/** `[0x20,…,0x2f,0x3a]` → `U+20-2F,U+3A`. */
export function toUnicodeRange(points: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
    const from = points[i]!.toString(16).toUpperCase();
    const to = points[j]!.toString(16).toUpperCase();
    parts.push(i === j ? `U+${from}` : `U+${from}-${to}`);
    i = j + 1;
  }
  return parts.join(",");
}

const memo = new Map<string, Promise<BuiltFonts>>();

/** What the subsets' bytes depend on, as one key: the font, each subset's code points, the tool's version. */
export function fontSubsetsKey(o: FontOptions): { key: string; source: Buffer; pointsPerSubset: number[][] } {
  const source = readFileSync(fromProject(o.source));
  const pointsPerSubset = subsetCodePoints(o.subsets);
  const key = contentHash(
    [source, JSON.stringify({ subsets: o.subsets.map((s) => s.name), pointsPerSubset, tool: subsetFontVersion() })],
    16,
  );
  return { key, source, pointsPerSubset };
}

/** A subset's file name in the prebuilt folder, e.g. `vazirmatn-fa.woff2`. */
export function prebuiltName(o: FontOptions, subset: FontSubset): string {
  return `${o.family.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${subset.name}.woff2`;
}

/** Subsets one font: woff2 bytes of the given code points. */
export async function subsetWoff2(source: Buffer, points: readonly number[]): Promise<Buffer> {
  // Loaded only when needed: harfbuzz's and woff2's wasm are the slow part.
  const { default: subsetFont } = await import("subset-font");
  return subsetFont(source, String.fromCodePoint(...points), { targetFormat: "woff2" });
}

export function buildFonts(options: Partial<FontOptions> = {}): Promise<BuiltFonts> {
  const o = { ...defaults, ...options };
  const { key, source, pointsPerSubset } = fontSubsetsKey(o);
  const memoKey = `${key}|${o.sitePath}|${o.family}|${o.licence.source}|${o.weightRange.join("-")}|${o.prebuiltDir}|${o.cacheDir}`;
  let built = memo.get(memoKey);
  if (!built) {
    built = makeFonts(o, source, pointsPerSubset, key);
    memo.set(memoKey, built);
    built.catch(() => memo.delete(memoKey));
  }
  return built;
}

/** The prebuilt folder, if its manifest was made for `key`. */
function prebuiltFor(o: FontOptions, key: string): string | undefined {
  const dir = fromProject(o.prebuiltDir);
  return committedFor(path.join(dir, PREBUILT_MANIFEST), key) ? dir : undefined;
}

function subsetFontVersion(): string {
  try {
    return (JSON.parse(readFileSync(fromProject("node_modules/subset-font/package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

async function makeFonts(o: FontOptions, source: Buffer, pointsPerSubset: number[][], key: string): Promise<BuiltFonts> {
  const prebuilt = prebuiltFor(o, key);
  const subsetBytes: Buffer[] = [];
  for (const [i, subset] of o.subsets.entries()) {
    let bytes = subsetAtHand(o, key, subset, prebuilt);
    if (bytes === undefined) {
      bytes = await subsetWoff2(source, pointsPerSubset[i]!);
      writeFileAtomic(subsetCachePath(o, key, subset), bytes);
    }
    subsetBytes.push(bytes);
  }
  return assembleFonts(o, pointsPerSubset, subsetBytes);
}

/**
 * The fonts when every subset is already made (committed or cached), without subsetting anything;
 * undefined when one would have to be made. The build asks before starting a thread to make them.
 */
export function fontsAtHand(options: Partial<FontOptions> = {}): BuiltFonts | undefined {
  const o = { ...defaults, ...options };
  const { key, pointsPerSubset } = fontSubsetsKey(o);
  const prebuilt = prebuiltFor(o, key);
  const subsetBytes: Buffer[] = [];
  for (const subset of o.subsets) {
    const bytes = subsetAtHand(o, key, subset, prebuilt);
    if (bytes === undefined) return undefined;
    subsetBytes.push(bytes);
  }
  return assembleFonts(o, pointsPerSubset, subsetBytes);
}

function subsetCachePath(o: FontOptions, key: string, subset: FontSubset): string {
  return path.join(fromProject(o.cacheDir), key, `${subset.name}.woff2`);
}

/** A subset's bytes from the prebuilt folder (if it was made for this key) or the cache, if there. */
function subsetAtHand(o: FontOptions, key: string, subset: FontSubset, prebuilt: string | undefined): Buffer | undefined {
  const ready = prebuilt ? path.join(prebuilt, prebuiltName(o, subset)) : undefined;
  if (ready && existsSync(ready)) return readFileSync(ready);
  const cached = subsetCachePath(o, key, subset);
  return existsSync(cached) ? readFileSync(cached) : undefined;
}

/** Faces, files and `@font-face` rules from each subset's bytes. */
function assembleFonts(o: FontOptions, pointsPerSubset: number[][], subsetBytes: Buffer[]): BuiltFonts {
  const baseName = o.family.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const faces: BuiltFace[] = [];
  const files: OutputFile[] = [];
  for (const [i, subset] of o.subsets.entries()) {
    const bytes = subsetBytes[i]!;
    const sitePath = `${o.sitePath}${baseName}-${subset.name}.${contentHash([bytes])}.woff2`;
    faces.push({
      subset: subset.name,
      sitePath,
      unicodeRange: toUnicodeRange(pointsPerSubset[i]!),
      preload: subset.preload,
      bytes: bytes.byteLength,
    });
    files.push({ sitePath, contents: bytes });
  }
  files.push({ sitePath: `${o.sitePath}${o.licence.name}`, contents: readFileSync(fromProject(o.licence.source)) });
  const [minWeight, maxWeight] = o.weightRange;
  return {
    faces,
    files,
    preload: faces.filter((f) => f.preload).map((f) => f.sitePath),
    fontFaceCss: (fromDir) =>
      faces
        .map(
          (f) =>
            `@font-face{font-family:"${o.family}";src:url("${path.posix.relative(fromDir, f.sitePath)}") format("woff2");` +
            `font-weight:${minWeight} ${maxWeight};font-style:normal;font-display:swap;unicode-range:${f.unicodeRange}}`,
        )
        .join("\n"),
  };
}
