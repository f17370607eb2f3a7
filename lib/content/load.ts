/**
 * Reads an office's content folder: settings, categories and every release. Validates everything
 * and reports every problem of every file at once; returns typed releases with their Markdown
 * rendered and dates resolved, so nothing downstream parses a date or a file again.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Token } from "markdown-it";
import { buildCache } from "../cache/cache.ts";
import { localeFor } from "../locale/index.ts";
import { siteUrls } from "../site/urls.ts";
import { decodeText, type DecodedText } from "../text/encoding.ts";
import { hiddenCharFindings } from "../text/hidden-chars.ts";
import { walkContent } from "./content-files.ts";
import { resolveContentPath } from "./content-path.ts";
import { ContentError, showValue, type ContentProblem } from "./errors.ts";
import { loadOfficePages, PAGES_DIR, type OfficePage } from "./office-pages.ts";
import { fieldLine, parseFrontMatter, type FrontMatter } from "./front-matter.ts";
import { readContentJson } from "./json-file.ts";
import { resolveImageFile, resolveInlineImages } from "./image-refs.ts";
import { collectReleaseLinks, resolveReleaseLinks, type LinkTarget, type ReleaseLink } from "./links.ts";
import { depthProblem, emphasisProblem, type MarkdownLimitProblem, sizeProblem } from "./markdown-limits.ts";
import { releaseRenderOptions, renderMarkdown, type InlineImageRef, type RenderOptions } from "./markdown.ts";
import { loadPressData, resolvePressFiles, type PressData } from "./press.ts";
import { releaseSlug, releaseView, type Release } from "./release.ts";
import { tagUrlProblems } from "./tag-urls.ts";
import { crossFieldIssues, RELEASE_FIELDS, releaseSchema, type ReleaseData } from "./schema.ts";
import { categoriesSchema, siteSchema, type Categories, type SiteSettings } from "./site-data.ts";
import { missingFileClause } from "./suggest.ts";
import { unsafeSvgProblem } from "./svg-safety.ts";
import { provisionalUrl, rawFileRefs, type RawFileRefs } from "./unchecked-release.ts";
import { wallTimeWarnings } from "./wall-time-warnings.ts";
import { PERSIAN_ISSUES, schemaProblems, type Locate } from "./zod-problems.ts";
import { accentContrastProblems } from "./brand-colours.ts";

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

/** The content folder's files (sorted; junk, hidden files and links that leave left out): see content-files.ts. */
export function listFiles(dir: string): string[] {
  return walkContent(dir).files;
}

/** A required data file, parsed, with the position of its keys; undefined (and a problem) if missing or unreadable (json-file.ts). */
function readJson(contentDir: string, file: string, problems: ContentProblem[]): { input: unknown; locate: Locate } | undefined {
  const read = readContentJson(contentDir, file, problems);
  if (read !== "missing") return read && { input: read.input, locate: (at) => read.locate(at) ?? { line: 1 } };
  problems.push({
    file,
    message: "این پرونده پیدا نشد؛ تنظیمات سایت (site.json) و دسته‌ها (categories.json) در پوشه‌ی _data پوشه‌ی محتوا لازم‌اند",
    severity: "error",
  });
  return undefined;
}

/** The line of a front-matter field; a missing field points at the front matter's first line. */
function lineOf(keyLines: Map<string, number> | undefined, key: string | undefined): { line?: number } {
  if (keyLines === undefined) return {};
  return { line: (key === undefined ? undefined : keyLines.get(key)) ?? 1 };
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
  if (errors.length > 0 || !content) throw new ContentError([...errors, ...warnings], options);
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
    // A link that leaves the folder is found by the walk and by the office pages or a release that names it: said once.
    errors: uniqueProblems(problems.filter((p) => p.severity === "error")),
    warnings: [...problems.filter((p) => p.severity === "warning"), ...(content?.warnings ?? [])],
  });
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    problems.push({ file: ".", message: "پوشه‌ی محتوا پیدا نشد؛ CHAPAR_CONTENT را بررسی کنید (پیش‌فرض: content)", severity: "error" });
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
      timeZone: site.timeZone,
    },
    cache,
    inspect,
    problems,
    releases: [],
    addressClaims: [],
    keyLinesOf: new Map(),
    linksOf: new Map(),
  };
  const walked = walkContent(contentDir);
  problems.push(...walked.problems);
  for (const file of walked.files) {
    if (isReleaseFile(file, only, problems)) loadRelease(run, file);
  }
  problems.push(...duplicateUrlProblems(run.addressClaims));
  problems.push(...tagUrlProblems(run.releases, run.keyLinesOf));
  problems.push(...resolveReleaseLinks(run.linksOf, run.releases, { contentDir, siteUrl: site.url }));
  const officePages =
    only === undefined
      ? loadOfficePages(contentDir, { persianDigits: site.persianDigits, takenUrls: releaseUrls(run.releases) })
      : { pages: [], problems: [] };
  problems.push(...officePages.problems);
  return done({ contentDir, site, categories, releases: run.releases, officePages: officePages.pages, warnings: [] });
}

function uniqueProblems(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.column, p.field, p.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * site.json, categories.json (both required), the organisation's logo, types.json and contacts.json.
 * Problems are appended to `problems`; `undefined` when any of them is an error (releases can't be checked then).
 */
function readSettings(
  contentDir: string,
  problems: ContentProblem[],
): { site: SiteSettings; categories: Categories; press: PressData } | undefined {
  const siteRaw = readJson(contentDir, `${DATA_DIR}/site.json`, problems);
  const categoriesRaw = readJson(contentDir, `${DATA_DIR}/categories.json`, problems);
  const siteParsed = siteRaw && siteSchema.safeParse(siteRaw.input, PERSIAN_ISSUES);
  const categoriesParsed = categoriesRaw && categoriesSchema.safeParse(categoriesRaw.input, PERSIAN_ISSUES);
  if (siteParsed && !siteParsed.success) problems.push(...schemaProblems(`${DATA_DIR}/site.json`, siteParsed.error, siteRaw));
  if (categoriesParsed && !categoriesParsed.success)
    problems.push(...schemaProblems(`${DATA_DIR}/categories.json`, categoriesParsed.error, categoriesRaw));
  if (!siteParsed?.success || !categoriesParsed?.success) return undefined;
  const site = siteParsed.data;
  checkLogo(contentDir, site, problems);
  problems.push(...accentContrastProblems(site, `${DATA_DIR}/site.json`, (setting) => siteRaw?.locate([setting])?.line));
  const press = loadPressData(contentDir, site, problems, siteRaw?.locate);
  if (problems.some((p) => p.severity === "error")) return undefined;
  return { site, categories: categoriesParsed.data, press };
}

/** The logo is published as it is (og:image, JSON-LD, feeds), so it must be a file in the content folder. */
function checkLogo(contentDir: string, site: SiteSettings, problems: ContentProblem[]): void {
  const logo = site.organization.logo;
  if (logo === undefined) return;
  const logoFile = path.posix.normalize(logo.replace(/^\/+/, ""));
  const resolved = resolveContentPath(contentDir, logoFile);
  if ("error" in resolved) {
    problems.push({
      file: `${DATA_DIR}/site.json`,
      field: "organization.logo",
      message:
        resolved.reason === "link"
          ? resolved.error
          : `پرونده‌ی نشان سازمان (logo) پیدا نشد: ${showValue(logo)} (نشانی نسبت به پوشه‌ی محتواست، مانند images/logo.png)${logoFile.startsWith("..") ? "" : missingFileClause(contentDir, logoFile, logo)}`,
      severity: "error",
    });
    return;
  }
  const unsafe = unsafeSvgProblem(resolved.real, logo);
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
  /** The address of every release file whose date and slug are valid, in file order, for the duplicate check. */
  addressClaims: AddressClaim[];
  /** The field lines of each valid release, for checks across releases (tag URLs). */
  keyLinesOf: Map<Release, Map<string, number>>;
  /** Links to other releases, checked (and `.md` links rewritten) once every release is known. */
  linksOf: Map<LinkTarget, ReleaseLink[]>;
}

/** A release file's address, claimed whether or not the file has other errors. */
interface AddressClaim {
  file: string;
  url: string;
  /** The `slug` line (or 1), where the message points. */
  line: number;
}

/**
 * One release file: parse and validate it (memoized by the build cache), resolve the files it names
 * (lead image, attachments, gallery, inline images), make its `Release`, and hand it to the inspector.
 * Every check runs whatever else failed (from the raw front matter when the schema failed), so an
 * author sees all of a file's problems in one run. Its problems go to `run.problems`; the release
 * joins `run.releases` only when it has none.
 */
function loadRelease(run: LoadRun, file: string): void {
  const { contentDir, problems, inspect } = run;
  // The file alone → front matter, schema, rendered body: pure, so memoized by the build cache.
  const read = readReleaseFile(run.cache.readFile("release-file", contentDir, file));
  // A fresh parse also hands over its front matter and tokens, so this build's inspectors don't redo them.
  let fresh: { frontMatter?: FrontMatter; tokens?: Token[] } = {};
  const parsedFile = run.cache.memo("release-file", `${file}\0${read.hash}`, () => {
    if (!read.decoded.ok) return { problems: [encodingProblem(file, read.decoded)] };
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
  const fileProblems: ContentProblem[] = [];
  const addFileProblem = (field: string, message: string) =>
    fileProblems.push({
      file,
      line: nestedLine(read.source, field) ?? lineOf(keyLines, field.split(".")[0]).line ?? 1,
      field,
      message,
      severity: "error",
    });
  const locale = localeFor(run.site.locale);
  const parts = parsedFile.valid ?? parsedFile.unchecked;
  if (parts === undefined) {
    inspectFile();
    return;
  }
  // Lead image, attachments, gallery, inline images: from the valid fields, or the raw ones.
  const refs = parsedFile.valid
    ? { image: parsedFile.valid.data.image, files: parsedFile.valid.data, unnamed: new Set<string>() }
    : parsedFile.unchecked!.refs;
  const pressFiles = resolvePressFiles(file, refs.files, contentDir, locale);
  for (const p of pressFiles.problems) if (!refs.unnamed.has(p.field)) addFileProblem(p.field, p.message);
  let imageFile: string | undefined;
  if (refs.image !== undefined) {
    const resolved = resolveImageFile(contentDir, file, refs.image);
    if ("error" in resolved) addFileProblem("image", resolved.error);
    else imageFile = resolved.file;
  }
  const inline = resolveInlineImages(contentDir, file, parts.rendered.images, bodyLine);
  for (const p of inline.problems) fileProblems.push({ file, line: p.line, message: p.message, severity: "error" });
  problems.push(...fileProblems);

  const slugLine = keyLines.get("slug") ?? 1;
  if (parsedFile.valid === undefined || fileProblems.length > 0) {
    // No release to publish, but its links and address are still checked against the others.
    const address = parsedFile.valid
      ? {
          url: siteUrls.release(
            parsedFile.valid.data.date.jy,
            parsedFile.valid.data.date.jm,
            releaseSlug(parsedFile.valid.data.slug, file),
          ),
        }
      : parsedFile.unchecked!.address;
    if ("url" in address) run.addressClaims.push({ file, url: address.url, line: slugLine });
    else problems.push({ file, line: keyLines.get("date") ?? 1, field: "date", message: address.skipped, severity: "warning" });
    if (parts.links.length > 0) run.linksOf.set({ file, url: "", html: "" }, parts.links);
    inspectFile();
    return;
  }
  const { data: r, rendered, links } = parsedFile.valid;
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
  run.addressClaims.push({ file, url: release.url, line: slugLine });
  run.keyLinesOf.set(release, keyLines);
  if (links.length > 0) run.linksOf.set(release, links);
  inspectFile(release);
}

/** The line of a nested field (`gallery.1.file`), for a problem found after the cached parse (the front matter is read again: errors only). */
function nestedLine(source: string, field: string): number | undefined {
  const fm = parseFrontMatter(source);
  return fm.ok
    ? fieldLine(
        fm.value,
        field.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
      )
    : undefined;
}

/** A file that isn't UTF-8 (lib/text/encoding.ts), as a problem of that file. */
function encodingProblem(file: string, decoded: Exclude<DecodedText, { ok: true }>): ContentProblem {
  return { file, ...(decoded.line === undefined ? {} : { line: decoded.line }), message: decoded.message, severity: "error" };
}

/** Each release URL with the file that has it (the first, if two share one: that is reported separately), for office pages' collisions. */
function releaseUrls(releases: readonly Release[]): Map<string, string> {
  const urls = new Map<string, string>();
  for (const release of releases) if (!urls.has(release.url)) urls.set(release.url, release.file);
  return urls;
}

/** Two releases may not claim one URL: name both files (a file with other errors claims its address too). */
function duplicateUrlProblems(claims: readonly AddressClaim[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byUrl = new Map<string, AddressClaim>();
  for (const claim of claims) {
    const other = byUrl.get(claim.url);
    if (other) {
      problems.push({
        file: claim.file,
        line: claim.line,
        message: `نشانی ${claim.url} با خبر «${other.file}» یکی شده است؛ برای یکی از آن دو نامک (slug) دیگری بنویسید`,
        field: "slug",
        severity: "error",
      });
    } else byUrl.set(claim.url, claim);
  }
  return problems;
}

/** What the per-file parse depends on besides the file: all of it comes from `_data/` (part of the cache key). */
export interface ReleaseFileContext {
  schema: ReturnType<typeof releaseSchema>;
  siteUrl: string;
  persianDigits: boolean;
  timeZone: string;
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
  /** When the schema failed: what can be checked all the same (files named, inline images, links, address). */
  unchecked?: {
    refs: RawFileRefs;
    rendered: { images: InlineImageRef[] };
    links: ReleaseLink[];
    address: { url: string } | { skipped: string };
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
  const tooBig = sizeProblem(Buffer.byteLength(source), "خبر");
  if (tooBig) return { parsed: { problems: [{ file, message: tooBig.message, severity: "error" }] } };
  const fm = parseFrontMatter(source);
  // Invisible control and bidi characters anywhere in the file (lib/text/hidden-chars.ts).
  const hidden = hiddenCharFindings(source).map((f): ContentProblem => ({ file, ...f, severity: "error" }));
  if (!fm.ok) {
    const { ok: _, ...where } = fm;
    return { parsed: { problems: [{ file, ...where, severity: "error" }, ...hidden] } };
  }
  const { data, body, keyLines, bodyLine } = fm.value;
  const parsed = ctx.schema.safeParse(data, PERSIAN_ISSUES);
  const locate: Locate = (at) => ({ line: fieldLine(fm.value, at) ?? 1 });
  const crossField = crossFieldIssues(data).map(
    (i): ContentProblem => ({ file, ...locate([i.at ?? i.field]), field: i.field, message: i.message, severity: "error" }),
  );
  const notes = [...hidden, ...wallTimeWarnings(file, data, keyLines, ctx.timeZone)];
  // A hostile body is refused before markdown-it sees it (time): the front matter's problems are still
  // reported, the body's own checks (links, lint) are skipped with it.
  const limit = emphasisProblem(body);
  if (limit) {
    const fields = [
      ...(parsed.success ? [] : schemaProblems(file, parsed.error, { locate, input: data, fields: RELEASE_FIELDS })),
      ...crossField,
    ];
    return { parsed: { problems: [...fields, ...notes, markdownLimitProblem(file, bodyLine, limit)] } };
  }
  const renderOptions = (r?: ReleaseData): RenderOptions => releaseRenderOptions(ctx, r);
  if (!parsed.success || crossField.length > 0) {
    // The body is rendered all the same: its images and links are checked in this run too.
    const rendered = renderMarkdown(body, renderOptions());
    const fieldProblems = parsed.success ? [] : schemaProblems(file, parsed.error, { locate, input: data, fields: RELEASE_FIELDS });
    return {
      parsed: {
        problems: [...fieldProblems, ...crossField, ...notes],
        frontMatter: { keyLines, bodyLine, renderOptions: renderOptions() },
        unchecked: {
          refs: rawFileRefs(data),
          rendered: { images: rendered.images },
          links: collectReleaseLinks(file, rendered.tokens, bodyLine, body, ctx.siteUrl),
          address: provisionalUrl(file, data, ctx.timeZone, !fieldProblems.some((p) => p.field === "slug")),
        },
      },
      frontMatter: fm.value,
    };
  }
  const options = renderOptions(parsed.data);
  const rendered = renderMarkdown(body, options);
  const tooDeep = depthProblem(rendered.tokens);
  if (tooDeep) return { parsed: { problems: [markdownLimitProblem(file, bodyLine, tooDeep)] } };
  return {
    parsed: {
      problems: notes,
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

function markdownLimitProblem(file: string, bodyLine: number, limit: MarkdownLimitProblem): ContentProblem {
  return { file, ...(limit.line === undefined ? {} : { line: bodyLine + limit.line - 1 }), message: limit.message, severity: "error" };
}

/** A release file's bytes and hash; its text is decoded only when something needs it. */
interface ReleaseFileRead {
  hash: string;
  /** The bytes as UTF-8 text, or why they aren't (lib/text/encoding.ts). */
  readonly decoded: DecodedText;
  /** The text (only asked for once `decoded` was fine). */
  readonly source: string;
}

function readReleaseFile({ hash, bytes }: { hash: string; bytes(): Buffer }): ReleaseFileRead {
  let decoded: DecodedText | undefined;
  return {
    hash,
    get decoded() {
      return (decoded ??= decodeText(bytes()));
    },
    get source() {
      const text = this.decoded;
      if (!text.ok) throw new Error("a release file that isn't UTF-8 has no text");
      return text.text;
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
