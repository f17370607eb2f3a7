/**
 * Checking a content folder without building it: `npm run check`, and the first step of
 * `npm run build`. Everything the loader validates (schema, dates, categories, types, contacts,
 * duplicate addresses, links between releases, image and attachment files) comes from the loader
 * itself (`checkContent`); this step adds what only an editor needs to hear about — image alt text
 * that says nothing, the placeholder text of `npm run new`, and the Persian typography lint — and, for
 * `--fix`, computes the safe typography fixes of each file (writing them is the caller's business).
 */
import type { Token } from "markdown-it";
import { buildCache } from "../cache/cache.ts";
import { loadGlossary } from "../text/glossary.ts";
import { openPersianDictionary } from "../text/persian-dictionary.ts";
import { fixSource, frontMatterValues, lintSource, type LintFinding } from "../text/lint.ts";
import { readContentFile } from "./content-path.ts";
import type { ContentProblem } from "./errors.ts";
import type { FrontMatter } from "./front-matter.ts";
import { checkContent, type ReleaseInspection, type SiteContent } from "./load.ts";
import { siteSchema } from "./site-data.ts";
import { SKELETON_TEXTS, skeletonTextProblems } from "./skeleton-texts.ts";
import { fixTagsText } from "./tags-text.ts";

export type TypographyLevel = "warning" | "error" | "off";

export interface Options {
  /** The content folder (`CHAPAR_CONTENT`). */
  contentDir: string;
  /** How typography findings count; overrides site.json `typographyLint` (default there: `"warning"`). */
  typography?: TypographyLevel;
  /** Also compute the safe typography fixes of every release file. */
  fix?: boolean;
  /** Only these release files (a build's helper thread; see lib/parallel/parallel-check.ts). */
  only?: ReadonlySet<string>;
}

export const defaults: Required<Omit<Options, "contentDir" | "typography" | "only">> = { fix: false };

export interface FileFix {
  /** Content-relative path. */
  file: string;
  before: string;
  after: string;
  applied: LintFinding[];
  /** Fixes of the YAML itself, described in Persian (a tags text made a list: lib/content/tags-text.ts). */
  rewritten: string[];
}

export interface SiteCheck {
  /** The loaded content (valid releases), when site.json and categories.json were usable. */
  content?: SiteContent;
  errors: ContentProblem[];
  warnings: ContentProblem[];
  /** Files whose safe fixes change them (with `fix`). */
  fixes: FileFix[];
  /** Release files looked at. */
  files: number;
}

/** The body text `npm run new` writes; a release still holding it isn't finished (see skeleton-texts.ts). */
export const PLACEHOLDER_BODY = SKELETON_TEXTS.body;

export function checkSite(options: Options): SiteCheck {
  const { contentDir, fix } = { ...defaults, ...options };
  const glossary = loadGlossary(contentDir);
  // The word list is read on its first lookup only: a run whose files all come from the cache never reads it.
  const lintWith = { glossary: glossary.glossary, dictionary: openPersianDictionary() };
  const typography: ContentProblem[] = [];
  const fixes: FileFix[] = [];
  let files = 0;

  // What one file yields depends on its bytes, the glossary and the rules (the cache's data and code
  // keys), so the build cache keeps it; `--fix` always works on the file itself.
  const cache = buildCache(contentDir);
  // The site's own setting, read ahead with the loader's schema, so "off" skips the work, not just the report.
  const lintOn = (options.typography ?? configuredTypography(contentDir)) !== "off";
  const inspectFile = (input: ReleaseInspection): { problems: ContentProblem[]; typography: ContentProblem[] } => {
    // Read through the input once: its source, front matter and tokens are computed on first use.
    const { file, source, frontMatter } = input;
    const tokens = input.tokens;
    const problems = [...altTextWarnings(file, source, frontMatter, tokens), ...skeletonTextProblems(file, source, frontMatter)];
    return { problems, typography: lintOn ? lintFile(file, source, frontMatter, tokens) : [] };
  };
  const lintFile = (file: string, source: string, frontMatter?: FrontMatter, tokens?: Token[]): ContentProblem[] =>
    lintSource({ source, ...(frontMatter ? { frontMatter } : {}), ...(tokens ? { tokens } : {}), ...lintWith }).map((f) => ({
      file,
      line: f.line,
      column: f.column,
      message: `${f.message}${f.fix ? "" : " (بررسی کنید؛ خودکار اصلاح نمی‌شود)"}`,
      suggestion: f.suggestion,
      rule: f.rule,
      severity: "warning",
    }));
  const fixFile = (file: string, source: string, frontMatter?: FrontMatter) => {
    // With the lint off, only the YAML fixes below are made.
    const fixed = lintOn ? fixSource({ source, ...(frontMatter ? { frontMatter } : {}), ...lintWith }) : { output: source, applied: [] };
    // After the typography fixes (which may have made a Latin comma Persian): both split the list.
    const after = fixTagsText(fixed.output);
    const rewritten = after === fixed.output ? [] : ["برچسب‌ها به فهرست YAML"];
    if (after !== source) fixes.push({ file, before: source, after, applied: fixed.applied, rewritten });
  };
  const inspect = (input: ReleaseInspection): ContentProblem[] => {
    files++;
    const key = `${input.file}\0${input.hash}\0${input.release === undefined ? "invalid" : "valid"}\0${lintOn ? "lint" : "no-lint"}`;
    const result = fix ? inspectFile(input) : cache.memo("check-file", key, () => inspectFile(input));
    typography.push(...result.typography);
    if (fix) fixFile(input.file, input.source, input.frontMatter);
    return result.problems;
  };

  const loaded = checkContent({ contentDir, inspect, ...(options.only ? { only: options.only } : {}) });
  // The office's own pages (content/pages/) get the same lint and fixes; they are few, so read again here.
  for (const page of lintOn ? (loaded.content?.officePages ?? []) : []) {
    const source = readContentFile(contentDir, page.file).toString("utf8");
    typography.push(...lintFile(page.file, source));
    if (fix) fixFile(page.file, source);
  }
  const level: TypographyLevel = options.typography ?? loaded.content?.site.typographyLint ?? "warning";
  const lint =
    level === "off" ? [] : typography.map((p) => ({ ...p, severity: level === "error" ? ("error" as const) : ("warning" as const) }));
  const errors = [...glossary.problems, ...loaded.errors, ...lint.filter((p) => p.severity === "error")];
  const warnings = [...loaded.warnings, ...lint.filter((p) => p.severity === "warning")];
  return {
    ...(loaded.content ? { content: loaded.content } : {}),
    errors: sortProblems(errors),
    warnings: sortProblems(warnings),
    fixes,
    files,
  };
}

/** site.json's `typographyLint`, if the file is readable and valid (otherwise the loader reports it). */
function configuredTypography(contentDir: string): TypographyLevel | undefined {
  try {
    const parsed = siteSchema.safeParse(JSON.parse(readContentFile(contentDir, "_data/site.json").toString("utf8")));
    return parsed.success ? parsed.data.typographyLint : undefined;
  } catch {
    return undefined;
  }
}

/** File, then line, then column: the order an author reads them in. */
function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) =>
      a.p.file < b.p.file
        ? -1
        : a.p.file > b.p.file
          ? 1
          : (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i,
    )
    .map(({ p }) => p);
}

// ---------------------------------------------------------------------------------------------
// Alt text

/** Alt texts that describe nothing: a screen-reader user hears only "image". */
const EMPTY_ALTS = new Set([
  "تصویر",
  "عکس",
  "تصویر خبر",
  "عکس خبر",
  "عکس تزئینی",
  "تصویر تزئینی",
  "image",
  "photo",
  "picture",
  "img",
  "pic",
]);
const FILE_NAME_ALT =
  /\.(?:jpe?g|png|gif|webp|avif|svg|tiff?|heic)$|^(?:img|dsc|dscn|dcim|image|photo|pic|screenshot|whatsapp)[-_ ]?\d+|^[\w-]*\d{4,}[\w-]*$/i;

function altProblem(alt: string, src: string | undefined): string | undefined {
  const text = alt.trim();
  if (text === "") return undefined; // A missing alt is the loader's error, not a warning.
  const base = src
    ?.split("/")
    .pop()
    ?.replace(/\.[^.]+$/, "");
  if (EMPTY_ALTS.has(text.toLowerCase()) || EMPTY_ALTS.has(text.replace(/[\s\u200c]+/g, " "))) {
    return `متن جایگزین «${text}» چیزی درباره‌ی تصویر نمی‌گوید؛ بنویسید در تصویر چه دیده می‌شود (مانند «مدیر مؤسسه در آیین گشایش نمایشگاه»)`;
  }
  if (FILE_NAME_ALT.test(text) || (base !== undefined && base !== "" && text.toLowerCase() === base.toLowerCase())) {
    return `متن جایگزین «${text}» نام پرونده است، نه شرح تصویر؛ بنویسید در تصویر چه دیده می‌شود`;
  }
  return undefined;
}

function altTextWarnings(file: string, source: string, frontMatter: FrontMatter, tokens: Token[] | undefined): ContentProblem[] {
  const out: ContentProblem[] = [];
  const warn = (line: number, column: number, message: string) =>
    out.push({ file, line, column, message, severity: "warning", rule: "image-alt" });

  // Front matter: `imageAlt` (of `image`) and each gallery item's `alt` (of its `file`).
  const values = frontMatterValues(source, frontMatter);
  const image = frontMatter.data.image;
  for (const [i, v] of values.entries()) {
    if (v.key === "imageAlt") {
      const message = altProblem(v.text, typeof image === "string" ? image : undefined);
      if (message) warn(v.line, v.column, message);
    } else if (v.key === "alt") {
      const sibling = values.slice(Math.max(0, i - 3), i + 4).find((w) => w.key === "file" && w.field === v.field);
      const message = altProblem(v.text, sibling?.text);
      if (message) warn(v.line, v.column, message);
    }
  }

  // Body images: `![alt](src)`.
  if (tokens) {
    const lines = source.split("\n");
    const bodyStart = frontMatter.bodyLine - 1;
    for (const token of tokens) {
      if (token.type !== "inline" || !token.map) continue;
      for (const child of token.children ?? []) {
        if (child.type !== "image") continue;
        const message = altProblem(child.content, String(child.attrGet("src") ?? ""));
        if (!message) continue;
        const at = findInLines(lines, bodyStart + token.map[0], bodyStart + token.map[1], `![${child.content}`);
        warn(at.line, at.column, message);
      }
    }
  }
  return out;
}

function findInLines(lines: string[], from: number, to: number, needle: string): { line: number; column: number } {
  for (let i = from; i < to; i++) {
    const at = lines[i]?.indexOf(needle) ?? -1;
    if (at >= 0) return { line: i + 1, column: [...lines[i]!.slice(0, at)].length + 1 };
  }
  return { line: from + 1, column: 1 };
}

/**
 * A unified diff without context lines. Fixes never add or remove a line, so line N before is line N
 * after; consecutive changed lines form one hunk.
 */
export function lineDiff(file: string, before: string, after: string): string {
  const a = before.split("\n");
  const b = after.split("\n");
  const out = [`--- ${file}`, `+++ ${file}`];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    let end = i;
    while (end + 1 < a.length && a[end + 1] !== b[end + 1]) end++;
    const count = end - i + 1;
    out.push(`@@ -${i + 1},${count} +${i + 1},${count} @@`);
    for (let k = i; k <= end; k++) out.push(`-${a[k]}`);
    for (let k = i; k <= end; k++) out.push(`+${b[k]}`);
    i = end;
  }
  return out.join("\n");
}
