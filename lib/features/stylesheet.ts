/**
 * The site stylesheet: `assets/css/main.css` and its imports, with the Vazirmatn `@font-face` rules
 * (lib/features/fonts.ts), through PostCSS (postcss-import, postcss-preset-env, cssnano) into one
 * minified file whose name carries a hash of its content, so hosts can cache it for a year.
 *
 * Right-to-left matters here: postcss-preset-env rewrites logical properties (`margin-inline-start`,
 * `float: inline-start` …) into left/right ones for old browsers, which would lay a Persian page out
 * backwards. package.json's browserslist (`baseline widely available`) already needs no such rewrite,
 * and every `logical-*` feature is also switched off here, so a wider list can't bring it back.
 *
 * PostCSS runs at most once per build and only when a source changed: the result is cached in memory
 * (dev-server rebuilds) and in `.cache/css/`, keyed by a hash of every source and the tools' versions.
 * Chapar's own stylesheet is also committed, built (`npm run stylesheet`, in `assets/prebuilt-css/`),
 * and used while its key matches: loading PostCSS and its plugins costs about two seconds of CPU in
 * every build whose cache is empty, for a file that changes only with the CSS or the tools.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { committedFor, contentHash, fromProject, writeFileAtomic, type OutputFile } from "./asset-files.ts";
import { buildFonts, fontsAtHand, type BuiltFonts, type FontOptions } from "./fonts.ts";

export interface StylesheetOptions {
  /** Entry CSS file; its `@import`s are inlined. Every `.css` file in its folder counts for the cache key. */
  entry: string;
  /** Site folder of the built stylesheet. */
  sitePath: string;
  /** File name before the hash: `main` → `main.<hash>.css`. */
  name: string;
  /** Font options (see fonts.ts), or `false` for no web font. */
  fonts: Partial<FontOptions> | false;
  /** Where built stylesheets are cached between builds. */
  cacheDir: string;
  /** The committed build of the stylesheet (`<name>.css`) and its manifest (`<name>.json`: the key it was made for). */
  prebuiltDir: string;
  /** Minified CSS put after the built stylesheet, outside PostCSS and its caches: the office's brand colours (brand.ts). */
  append: string;
}

export const defaults: StylesheetOptions = {
  entry: "assets/css/main.css",
  sitePath: "/assets/",
  name: "main",
  fonts: {},
  cacheDir: ".cache/css",
  prebuiltDir: "assets/prebuilt-css",
  append: "",
};

export interface BuiltStylesheet {
  /** Site path, e.g. `/assets/main.3f2a9c1b7d.css`. */
  sitePath: string;
  css: string;
  /** Everything to write into the output: the stylesheet, the fonts and their licence. */
  files: OutputFile[];
  /** Site paths of fonts to preload. */
  preloadFonts: string[];
}

/** The feature names of postcss-preset-env that turn logical properties and values into physical ones. */
export const LOGICAL_FEATURES = [
  "logical-properties-and-values",
  "float-clear-logical-values",
  "logical-resize",
  "logical-viewport-units",
  "logical-overflow",
  "logical-overscroll-behavior",
] as const;

const TOOLS = ["postcss", "postcss-import", "postcss-preset-env", "cssnano"] as const;

const memo = new Map<string, string>();

export async function buildStylesheet(options: Partial<StylesheetOptions> = {}): Promise<BuiltStylesheet> {
  const o = { ...defaults, ...options };
  const { fonts, fontFaces } = await fontsFor(o);
  const key = stylesheetKey(o, fontFaces);
  const memoKey = `${key}|${o.prebuiltDir}|${o.cacheDir}`;
  let css = memo.get(memoKey) ?? stylesheetAtHand(o, key);
  if (css === undefined) {
    css = await runPostcss(fromProject(o.entry), fontFaces);
    writeFileAtomic(cachedStylesheetPath(o, key), css);
  }
  memo.set(memoKey, css);
  css += o.append;

  const sitePath = `${o.sitePath}${o.name}.${contentHash([css])}.css`;
  return { sitePath, css, files: [{ sitePath, contents: css }, ...(fonts?.files ?? [])], preloadFonts: fonts?.preload ?? [] };
}

/**
 * Whether `buildStylesheet` would find the stylesheet and its fonts made already (committed or
 * cached), so that nothing needs PostCSS or subsetting. The build starts a thread to make them only
 * when it says no: a thread with nothing to do costs a small build ~0.1 s of its check.
 */
export function stylesheetIsBuilt(options: Partial<StylesheetOptions> = {}): boolean {
  const o = { ...defaults, ...options };
  const fonts = o.fonts === false ? undefined : fontsAtHand(o.fonts);
  if (o.fonts !== false && fonts === undefined) return false;
  return stylesheetAtHand(o, stylesheetKey(o, fonts?.fontFaceCss(o.sitePath) ?? "")) !== undefined;
}

function cachedStylesheetPath(o: StylesheetOptions, key: string): string {
  return path.join(fromProject(o.cacheDir), `${key}.css`);
}

/** The stylesheet made for `key` without PostCSS: the committed one if its manifest says `key`, else the cached one, if any. */
function stylesheetAtHand(o: StylesheetOptions, key: string): string | undefined {
  const prebuilt = prebuiltStylesheet(o, key);
  if (prebuilt !== undefined) return prebuilt;
  const cached = cachedStylesheetPath(o, key);
  return existsSync(cached) ? readFileSync(cached, "utf8") : undefined;
}

/** What the built stylesheet depends on, as one key: every CSS source, the fonts' rules, the browser list, the tools' versions. */
export function stylesheetKey(o: StylesheetOptions, fontFaces: string): string {
  const entry = fromProject(o.entry);
  const sources = cssFiles(path.dirname(entry)).flatMap((file) => [path.relative(path.dirname(entry), file), readFileSync(file, "utf8")]);
  return contentHash(
    [...sources, fontFaces, JSON.stringify([browserslist(), process.env.BROWSERSLIST ?? null]), ...TOOLS.map(version), o.entry],
    16,
  );
}

/** The fonts (none when `fonts` is false) and their `@font-face` rules, relative to the stylesheet. */
async function fontsFor(o: StylesheetOptions): Promise<{ fonts: BuiltFonts | undefined; fontFaces: string }> {
  const fonts = o.fonts === false ? undefined : await buildFonts(o.fonts);
  return { fonts, fontFaces: fonts?.fontFaceCss(o.sitePath) ?? "" };
}

/** The committed stylesheet, if its manifest was made for `key`. */
function prebuiltStylesheet(o: StylesheetOptions, key: string): string | undefined {
  const dir = fromProject(o.prebuiltDir);
  return committedFor(path.join(dir, `${o.name}.json`), key) ? readFileSync(path.join(dir, `${o.name}.css`), "utf8") : undefined;
}

/** The stylesheet as PostCSS makes it now, whatever is cached or committed, with its key. */
export async function freshStylesheet(options: Partial<StylesheetOptions> = {}): Promise<{ css: string; key: string }> {
  const o = { ...defaults, ...options };
  const { fontFaces } = await fontsFor(o);
  return { css: await runPostcss(fromProject(o.entry), fontFaces), key: stylesheetKey(o, fontFaces) };
}

/** `npm run stylesheet`: writes the fresh stylesheet and its key to the prebuilt folder; returns the two files. */
export async function writePrebuiltStylesheet(options: Partial<StylesheetOptions> = {}): Promise<string[]> {
  const o = { ...defaults, ...options };
  const { css, key } = await freshStylesheet(o);
  const dir = fromProject(o.prebuiltDir);
  const files = [path.join(dir, `${o.name}.css`), path.join(dir, `${o.name}.json`)];
  writeFileAtomic(files[0]!, css);
  writeFileAtomic(files[1]!, `${JSON.stringify({ key, entry: o.entry }, null, 2)}\n`);
  return files;
}

async function runPostcss(entry: string, fontFaces: string): Promise<string> {
  // Loaded only when the cache misses: these modules take longer to load than the cached CSS to read.
  const [{ default: postcss }, { default: postcssImport }, { default: presetEnv }, { default: cssnano }] = await Promise.all([
    import("postcss"),
    import("postcss-import"),
    import("postcss-preset-env"),
    import("cssnano"),
  ]);
  const prependFontFaces = {
    postcssPlugin: "chapar-font-faces",
    Once: (root: import("postcss").Root) => void root.prepend(postcss.parse(fontFaces)),
  };
  const result = await postcss([
    postcssImport(),
    prependFontFaces,
    presetEnv({ features: Object.fromEntries(LOGICAL_FEATURES.map((f) => [f, false])) }),
    cssnano({ preset: "default" }),
  ]).process(readFileSync(entry, "utf8"), { from: entry, map: false });
  return result.css;
}

function cssFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...cssFiles(full));
    else if (entry.name.endsWith(".css")) out.push(full);
  }
  return out;
}

function browserslist(): unknown {
  try {
    return (JSON.parse(readFileSync(fromProject("package.json"), "utf8")) as { browserslist?: unknown }).browserslist ?? null;
  } catch {
    return null;
  }
}

function version(pkg: string): string {
  try {
    return `${pkg}@${(JSON.parse(readFileSync(fromProject(`node_modules/${pkg}/package.json`), "utf8")) as { version: string }).version}`;
  } catch {
    return `${pkg}@?`;
  }
}
