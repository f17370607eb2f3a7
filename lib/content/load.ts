/**
 * Reads an office's content folder: settings, categories and every release. Validates everything
 * and reports every problem of every file at once; returns typed releases with their Markdown
 * rendered and dates resolved, so nothing downstream parses a date or a file again.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { Token } from "markdown-it";
import { buildCache } from "../cache/cache.ts";
import { localeFor } from "../locale/index.ts";
import { decodeUtf8 } from "../text/utf8.ts";
import { ContentError, showValue, type ContentProblem } from "./errors.ts";
import { loadOfficePages, PAGES_DIR, type OfficePage } from "./office-pages.ts";
import { parseFrontMatter, type FrontMatter } from "./front-matter.ts";
import { resolveImageFile, resolveInlineImages } from "./image-refs.ts";
import { collectReleaseLinks, resolveReleaseLinks, type ReleaseLink } from "./links.ts";
import { renderMarkdown, type InlineImageRef, type RenderOptions } from "./markdown.ts";
import { loadPressData, resolvePressFiles, type PressData } from "./press.ts";
import { releaseView, type Release } from "./release.ts";
import { crossFieldIssues, RELEASE_FIELDS, releaseSchema, type ReleaseData } from "./schema.ts";
import { categoriesSchema, siteSchema, type Categories, type SiteSettings } from "./site-data.ts";
import { unsafeSvgProblem } from "./svg-safety.ts";

/** The release as pages see it: derived from the schema, one handler per field (lib/content/release.ts). */
export type { Release };

export interface SiteContent {
  contentDir: string;
  site: SiteSettings;
  categories: Categories;
  /** Every valid release, drafts included, in file order. */
  releases: Release[];
  /** The office's own pages (content/pages/*.md), rendered by Eleventy: see office-pages.ts. */
  officePages: OfficePage[];
  warnings: ContentProblem[];
}

/** Files that may sit in the content folder besides releases: media that releases refer to. */
export const MEDIA_EXTENSIONS = new Set([
  ".jpg",
  ".jpeg",
  ".png",
  ".webp",
  ".avif",
  ".gif",
  ".svg",
  ".pdf",
  ".doc",
  ".docx",
  ".xls",
  ".xlsx",
  ".ppt",
  ".pptx",
  ".odt",
  ".zip",
  ".mp3",
  ".mp4",
]);

const DATA_DIR = "_data";

/** Lists files under `dir` (sorted, so every run sees the same order), skipping dot-files. */
export function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

function readJson(file: string, label: string, problems: ContentProblem[]): unknown {
  if (!existsSync(file)) {
    problems.push({ file: label, message: "این پرونده پیدا نشد؛ تنظیمات سایت و دسته‌ها در content/_data/ لازم‌اند", severity: "error" });
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    problems.push({ file: label, message: `JSON معتبر نیست: ${(e as Error).message}`, severity: "error" });
    return undefined;
  }
}

function zodProblems(file: string, error: z.ZodError, keyLines?: Map<string, number>, input?: Record<string, unknown>): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const issue of error.issues) {
    // Unknown keys inside a nested value (an `updates` entry…) carry their own message.
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) {
      for (const key of issue.keys) {
        const hint = closest(key, RELEASE_FIELDS);
        out.push({
          file,
          ...lineOf(keyLines, key),
          field: key,
          message: `این فیلد شناخته نشد${hint ? `؛ شاید منظورتان «${hint}» است` : ""}. فیلدهای مجاز: ${RELEASE_FIELDS.join("، ")}`,
          severity: "error",
        });
      }
      continue;
    }
    const field = issue.path.map(String).join(".");
    const top = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    const value = top !== undefined && input ? valueAt(input, issue.path) : undefined;
    out.push({
      file,
      // A field that is missing altogether points at the front matter's opening line.
      ...(keyLines ? { line: 1, ...lineOf(keyLines, top) } : {}),
      ...(field === "" ? {} : { field }),
      message: input && top !== undefined && value !== undefined ? `${issue.message} (مقدار فعلی: ${showValue(value)})` : issue.message,
      severity: "error",
    });
  }
  return out;
}

/** The value at a path in the front matter (`updates.0.date`), to quote the author's own text. */
function valueAt(input: Record<string, unknown>, at: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of at) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The line of a front-matter field; a missing field points at the front matter's first line. */
function lineOf(keyLines: Map<string, number> | undefined, key: string | undefined): { line?: number } {
  if (keyLines === undefined) return {};
  return { line: (key === undefined ? undefined : keyLines.get(key)) ?? 1 };
}

/** The nearest allowed name to a mistyped one (edit distance ≤ 2), for "did you mean". */
function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export interface LoadOptions {
  contentDir: string;
}

/** What `checkContent` hands to an inspector for each release file whose front matter could be read. */
export interface ReleaseInspection {
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  /** Hash of the file's bytes: with `file`, a key for caching what an inspector derives from the file alone. */
  hash: string;
  /** The whole file as read (front matter included). */
  source: string;
  frontMatter: FrontMatter;
  /** The valid release, when the file passed the schema. */
  release?: Release;
  /** markdown-it's tokens of the body (lines relative to the body), when the body was rendered. */
  tokens?: Token[];
}

export interface CheckOptions extends LoadOptions {
  /**
   * Called once per release file with readable front matter, while the file is at hand (so extra
   * checks — links, alt text, typography — don't read or parse it again). Problems it returns are
   * reported with the loader's own.
   */
  inspect?: (input: ReleaseInspection) => ContentProblem[] | undefined;
  /**
   * Only these release files (content-relative paths) are loaded; the others are skipped as if absent.
   * For a build's helper thread, which parses part of the files into the shared cache (lib/parallel/parallel-check.ts).
   */
  only?: ReadonlySet<string>;
}

export interface ContentCheck {
  /** The loaded content; present whenever site.json and categories.json were usable (even with release errors). */
  content?: SiteContent;
  errors: ContentProblem[];
  warnings: ContentProblem[];
}

/** Loads and validates everything; throws `ContentError` listing every error if there is any. */
export function loadContent(options: LoadOptions): SiteContent {
  const { content, errors, warnings } = checkContent(options);
  if (errors.length > 0 || !content) throw new ContentError([...errors, ...warnings]);
  return content;
}

/**
 * Loads and validates everything and RETURNS every problem (errors and warnings) instead of throwing,
 * for `npm run check` and the build's own report. `content` holds the valid releases only.
 */
export function checkContent({ contentDir, inspect, only }: CheckOptions): ContentCheck {
  const problems: ContentProblem[] = [];
  const done = (content?: SiteContent): ContentCheck => ({
    ...(content ? { content } : {}),
    errors: problems.filter((p) => p.severity === "error"),
    warnings: [...problems.filter((p) => p.severity === "warning"), ...(content?.warnings ?? [])],
  });
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    problems.push({ file: contentDir, message: "پوشه‌ی محتوا پیدا نشد", severity: "error" });
    return done();
  }
  const settings = readSettings(contentDir, problems);
  if (settings === undefined) return done();
  const { site, categories, press } = settings;

  const cache = buildCache(contentDir);
  cache.begin();
  const run: LoadRun = {
    contentDir,
    site,
    press,
    fileContext: {
      schema: releaseSchema({ timeZone: site.timeZone, categories, press }),
      siteUrl: site.url,
      persianDigits: site.persianDigits,
    },
    cache,
    inspect,
    problems,
    releases: [],
    keyLinesOf: new Map(),
    linksOf: new Map(),
  };
  for (const file of listFiles(contentDir)) {
    if (isReleaseFile(file, only, problems)) loadRelease(run, file);
  }
  problems.push(...duplicateUrlProblems(run.releases, run.keyLinesOf));
  problems.push(...resolveReleaseLinks(run.linksOf, run.releases, { contentDir, siteUrl: site.url }));
  const officePages =
    only === undefined
      ? loadOfficePages(contentDir, { persianDigits: site.persianDigits, takenUrls: releaseUrls(run.releases) })
      : { pages: [], problems: [] };
  problems.push(...officePages.problems);
  return done({ contentDir, site, categories, releases: run.releases, officePages: officePages.pages, warnings: [] });
}

/**
 * site.json, categories.json (both required), the organisation's logo, types.json and contacts.json.
 * Problems are appended to `problems`; `undefined` when any of them is an error (releases can't be checked then).
 */
function readSettings(
  contentDir: string,
  problems: ContentProblem[],
): { site: SiteSettings; categories: Categories; press: PressData } | undefined {
  const siteRaw = readJson(path.join(contentDir, DATA_DIR, "site.json"), `${DATA_DIR}/site.json`, problems);
  const categoriesRaw = readJson(path.join(contentDir, DATA_DIR, "categories.json"), `${DATA_DIR}/categories.json`, problems);
  const siteParsed = siteRaw === undefined ? undefined : siteSchema.safeParse(siteRaw);
  const categoriesParsed = categoriesRaw === undefined ? undefined : categoriesSchema.safeParse(categoriesRaw);
  if (siteParsed && !siteParsed.success) problems.push(...zodProblems(`${DATA_DIR}/site.json`, siteParsed.error));
  if (categoriesParsed && !categoriesParsed.success) problems.push(...zodProblems(`${DATA_DIR}/categories.json`, categoriesParsed.error));
  if (!siteParsed?.success || !categoriesParsed?.success) return undefined;
  const site = siteParsed.data;
  checkLogo(contentDir, site, problems);
  const press = loadPressData(contentDir, site, problems);
  if (problems.some((p) => p.severity === "error")) return undefined;
  return { site, categories: categoriesParsed.data, press };
}

/** The logo is published as it is (og:image, JSON-LD, feeds), so it must be a file in the content folder. */
function checkLogo(contentDir: string, site: SiteSettings, problems: ContentProblem[]): void {
  const logo = site.organization.logo;
  if (logo === undefined) return;
  const logoFile = path.posix.normalize(logo.replace(/^\/+/, ""));
  if (logoFile.startsWith("..") || !existsSync(path.join(contentDir, logoFile)) || !statSync(path.join(contentDir, logoFile)).isFile()) {
    problems.push({
      file: `${DATA_DIR}/site.json`,
      field: "organization.logo",
      message: `پرونده‌ی نشان سازمان (logo) پیدا نشد: ${showValue(logo)} (نشانی نسبت به پوشه‌ی محتواست، مانند images/logo.png)`,
      severity: "error",
    });
    return;
  }
  const unsafe = unsafeSvgProblem(path.join(contentDir, logoFile), logo);
  if (unsafe !== undefined)
    problems.push({ file: `${DATA_DIR}/site.json`, field: "organization.logo", message: unsafe, severity: "error" });
}

/**
 * Whether a content file is a release to load: `.md` outside `_data/` (and in `only`, when given).
 * Media files are left for the releases that use them; any other kind of file is reported.
 */
function isReleaseFile(file: string, only: ReadonlySet<string> | undefined, problems: ContentProblem[]): boolean {
  if (file.startsWith(`${DATA_DIR}/`) || file.startsWith(`${PAGES_DIR}/`) || (only !== undefined && !only.has(file))) return false;
  const ext = path.extname(file).toLowerCase();
  if (ext === ".md") return true;
  if (!MEDIA_EXTENSIONS.has(ext)) {
    problems.push({
      file,
      message: `پرونده‌ای با این نوع (${ext || "بی‌پسوند"}) در پوشه‌ی محتوا جایی ندارد؛ خبرها پرونده‌ی ‎.md هستند و پیوست‌ها از این نوع‌ها: ${[...MEDIA_EXTENSIONS].join(" ")}`,
      severity: "error",
    });
  }
  return false;
}

/** One load's settings and what it collects, shared by every release file's `loadRelease`. */
interface LoadRun {
  contentDir: string;
  site: SiteSettings;
  press: PressData;
  fileContext: ReleaseFileContext;
  cache: ReturnType<typeof buildCache>;
  inspect: CheckOptions["inspect"];
  problems: ContentProblem[];
  releases: Release[];
  keyLinesOf: Map<Release, Map<string, number>>;
  /** Links to other releases, checked (and `.md` links rewritten) once every release is known. */
  linksOf: Map<Release, ReleaseLink[]>;
}

/**
 * One release file: parse and validate it (memoized by the build cache), resolve the files it names
 * (lead image, attachments, gallery, inline images), make its `Release`, and hand it to the inspector.
 * Its problems go to `run.problems`; the release joins `run.releases` only when it has none.
 */
function loadRelease(run: LoadRun, file: string): void {
  const { contentDir, problems, inspect } = run;
  // The file alone → front matter, schema, rendered body: pure, so memoized by the build cache.
  const read = readReleaseFile(run.cache.readFile("release-file", contentDir, file));
  // A fresh parse also hands over its front matter and tokens, so this build's inspectors don't redo them.
  let fresh: { frontMatter?: FrontMatter; tokens?: Token[] } = {};
  const parsedFile = run.cache.memo("release-file", `${file}\0${read.hash}`, () => {
    const { parsed, ...extras } = parseReleaseFileWithTokens(file, read.source, run.fileContext);
    fresh = extras;
    return parsed;
  });
  problems.push(...parsedFile.problems);
  if (parsedFile.frontMatter === undefined) return;
  const { keyLines, bodyLine, renderOptions } = parsedFile.frontMatter;
  // What inspectors get; source, front matter and tokens are re-derived only if one asks (a cached check doesn't).
  const inspectFile = (release?: Release) => {
    if (inspect)
      problems.push(...(inspect(lazyInspection(file, read, release === undefined ? undefined : renderOptions, release, fresh)) ?? []));
  };
  if (parsedFile.valid === undefined) {
    // The body can still be checked (links, typography) while the front matter is being fixed.
    inspectFile();
    return;
  }
  const { data: r, rendered, links } = parsedFile.valid;
  const pressFiles = resolvePressFiles(file, r, contentDir, localeFor(run.site.locale));
  for (const p of pressFiles.problems) {
    problems.push({ file, ...lineOf(keyLines, p.field.split(".")[0]), field: p.field, message: p.message, severity: "error" });
  }
  let imageFile: string | undefined;
  if (r.image !== undefined) {
    const resolved = resolveImageFile(contentDir, file, r.image);
    if ("error" in resolved) {
      problems.push({ file, ...lineOf(keyLines, "image"), field: "image", message: resolved.error, severity: "error" });
      inspectFile();
      return;
    }
    imageFile = resolved.file;
  }
  if (pressFiles.problems.length > 0) {
    inspectFile();
    return;
  }
  const inline = resolveInlineImages(contentDir, file, rendered.images, bodyLine);
  if (inline.problems.length > 0) {
    for (const p of inline.problems) problems.push({ file, line: p.line, message: p.message, severity: "error" });
    inspectFile();
    return;
  }
  const release = releaseView(
    r,
    {
      file,
      firstParagraph: rendered.firstParagraph,
      imageFile,
      attachments: pressFiles.attachments,
      gallery: pressFiles.gallery,
      site: run.site,
      press: run.press,
    },
    { html: rendered.html, inlineImages: inline.images },
  );
  run.releases.push(release);
  run.keyLinesOf.set(release, keyLines);
  if (links.length > 0) run.linksOf.set(release, links);
  inspectFile(release);
}

/** Two releases may not claim one URL: name both files. */
/** Each release URL with the file that has it (the first, if two share one: that is reported separately), for office pages' collisions. */
function releaseUrls(releases: readonly Release[]): Map<string, string> {
  const urls = new Map<string, string>();
  for (const release of releases) if (!urls.has(release.url)) urls.set(release.url, release.file);
  return urls;
}

function duplicateUrlProblems(releases: readonly Release[], keyLinesOf: Map<Release, Map<string, number>>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byUrl = new Map<string, Release>();
  for (const release of releases) {
    const other = byUrl.get(release.url);
    if (other) {
      problems.push({
        file: release.file,
        line: keyLinesOf.get(release)?.get("slug") ?? 1,
        message: `نشانی ${release.url} با خبر «${other.file}» یکی شده است؛ برای یکی از آن دو نامک (slug) دیگری بنویسید`,
        field: "slug",
        severity: "error",
      });
    } else byUrl.set(release.url, release);
  }
  return problems;
}

/** What the per-file parse depends on besides the file: all of it comes from `_data/` (part of the cache key). */
export interface ReleaseFileContext {
  schema: ReturnType<typeof releaseSchema>;
  siteUrl: string;
  persianDigits: boolean;
}

/**
 * Everything known about a release file from its own bytes: problems, and — when the front matter is
 * readable — its field lines, and — when it is valid — the parsed fields, the rendered body and the
 * links to other releases. Plain data, so the build cache can keep it between builds.
 */
export interface ParsedReleaseFile {
  problems: ContentProblem[];
  frontMatter?: { keyLines: Map<string, number>; bodyLine: number; renderOptions: RenderOptions };
  valid?: {
    data: ReleaseData;
    rendered: { html: string; firstParagraph: string; images: InlineImageRef[] };
    links: ReleaseLink[];
  };
}

/** Front matter, schema and Markdown of one release file: the pure part of loading it (see the build cache). */
export function parseReleaseFile(file: string, source: string, ctx: ReleaseFileContext): ParsedReleaseFile {
  return parseReleaseFileWithTokens(file, source, ctx).parsed;
}

/** The same, also handing back what isn't kept in the cache (front matter, tokens) for this build's inspectors. */
function parseReleaseFileWithTokens(
  file: string,
  source: string,
  ctx: ReleaseFileContext,
): { parsed: ParsedReleaseFile; frontMatter?: FrontMatter; tokens?: Token[] } {
  const fm = parseFrontMatter(source);
  if (!fm.ok)
    return {
      parsed: { problems: [{ file, ...(fm.line === undefined ? {} : { line: fm.line }), message: fm.message, severity: "error" }] },
    };
  const { data, body, keyLines, bodyLine } = fm.value;
  const parsed = ctx.schema.safeParse(data);
  const crossField = crossFieldIssues(data).map(
    (i): ContentProblem => ({ file, ...lineOf(keyLines, i.field), field: i.field, message: i.message, severity: "error" }),
  );
  const renderOptions = (r?: ReleaseData): RenderOptions => ({
    basePath: new URL(ctx.siteUrl).pathname,
    persianDigits: ctx.persianDigits,
    // Without a summary the first paragraph is the lead, with the dateline (`location`) before it.
    ...(r !== undefined && r.summary === undefined ? { leadInBody: r.location === undefined ? {} : { dateline: r.location } } : {}),
  });
  if (!parsed.success || crossField.length > 0) {
    return {
      parsed: {
        problems: [...(parsed.success ? [] : zodProblems(file, parsed.error, keyLines, data)), ...crossField],
        frontMatter: { keyLines, bodyLine, renderOptions: renderOptions() },
      },
      frontMatter: fm.value,
    };
  }
  const options = renderOptions(parsed.data);
  const rendered = renderMarkdown(body, options);
  return {
    parsed: {
      problems: [],
      frontMatter: { keyLines, bodyLine, renderOptions: options },
      valid: {
        data: parsed.data,
        rendered: { html: rendered.html, firstParagraph: rendered.firstParagraph, images: rendered.images },
        links: collectReleaseLinks(file, rendered.tokens, bodyLine, body, ctx.siteUrl),
      },
    },
    frontMatter: fm.value,
    tokens: rendered.tokens,
  };
}

/** A release file's bytes and hash; its text is decoded only when something needs it. */
interface ReleaseFileRead {
  hash: string;
  readonly source: string;
}

function readReleaseFile({ hash, bytes }: { hash: string; bytes(): Buffer }): ReleaseFileRead {
  let source: string | undefined;
  return {
    hash,
    get source() {
      return (source ??= decodeUtf8(bytes()));
    },
  };
}

/**
 * The inspector's view of a file. Source, front matter and tokens are computed on first use, so an
 * inspector that answers from its own cache costs nothing; `renderOptions` is given when the body was
 * rendered (the tokens are then the rendered body's, exactly as markdown.ts made them).
 */
function lazyInspection(
  file: string,
  read: ReleaseFileRead,
  renderOptions: RenderOptions | undefined,
  release: Release | undefined,
  fresh: { frontMatter?: FrontMatter; tokens?: Token[] } = {},
): ReleaseInspection {
  let frontMatter = fresh.frontMatter;
  let tokens = fresh.tokens;
  const inspection: ReleaseInspection = {
    file,
    hash: read.hash,
    get source() {
      return read.source;
    },
    get frontMatter() {
      if (frontMatter === undefined) {
        const fm = parseFrontMatter(read.source);
        if (!fm.ok) throw new Error(`${file}: front matter changed while loading`);
        frontMatter = fm.value;
      }
      return frontMatter;
    },
    get tokens() {
      if (renderOptions === undefined) return undefined;
      return (tokens ??= renderMarkdown(this.frontMatter.body, renderOptions).tokens);
    },
  };
  if (release) inspection.release = release;
  return inspection;
}
