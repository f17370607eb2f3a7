/**
 * The office's own pages («درباره‌ی ما», «تماس»…): Markdown files in `content/pages/`, read and
 * validated here with the releases (their problems are reported in the same round), then rendered by
 * Eleventy's Markdown templates (lib/features/office-pages.ts). An office adds one without code.
 *
 * Content authors are not trusted: every file is real-path-checked to stay inside the content folder
 * (content-path.ts: a symlink pointing out is refused), size-limited, and its permalink may not leave the site or take
 * a URL that Chapar's own pages or a release use.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isJunkFile } from "./content-files.ts";
import { readContentFile, resolveContentPath } from "./content-path.ts";
import type { ContentProblem } from "./errors.ts";
import { fieldLine, parseFrontMatter } from "./front-matter.ts";
import { PERSIAN_ISSUES, schemaProblems, type Locate } from "./zod-problems.ts";
import { decodeText } from "../text/encoding.ts";
import { hiddenCharFindings } from "../text/hidden-chars.ts";
import { slugify } from "../text/persian.ts";
import { chaparMarkdown } from "./markdown.ts";
import { depthProblem, emphasisProblem, MAX_MARKDOWN_BYTES } from "./markdown-limits.ts";
import { displayText } from "../text/render-transforms.ts";
import { siteUrls } from "../site/urls.ts";

/** The folder, inside the content folder, that holds the office's pages. */
export const PAGES_DIR = "pages";

/** A page file larger than this is refused (a page is prose; this keeps a mistake from stalling the build). */
export const MAX_PAGE_BYTES = MAX_MARKDOWN_BYTES;

/**
 * A folder-like site path: starts and ends with `/`; each segment starts with a letter or digit and
 * holds letters, digits, ZWNJ, `-` and `_` only — so no `..`, no query, and no name of one of Chapar's
 * files (`feed.xml`, `_headers`), which all have a dot or start with `_`.
 */
const PERMALINK = /^\/(?:[\p{L}\p{N}][\p{L}\p{M}\p{N}_\u200c-]*\/)+$/u;

export const officePageSchema = z
  .object(
    {
      title: z.string({ error: "عنوان (title) لازم است و باید متن باشد" }).trim().min(1, "عنوان (title) خالی است"),
      permalink: z
        .string({ error: "نشانی (permalink) باید متن باشد، مانند /about/" })
        .refine((url) => PERMALINK.test(url), "نشانی (permalink) باید با / شروع و تمام شود و فقط حرف، رقم، - و _ داشته باشد، مانند /about/")
        .optional(),
      nav: z.boolean({ error: "nav باید true یا false باشد" }).default(false),
      description: z.string({ error: "توضیح (description) باید متن باشد" }).optional(),
      order: z.number({ error: "ترتیب (order) باید عدد باشد" }).int("ترتیب (order) باید عدد صحیح باشد").optional(),
    },
    { error: (i) => (i.code === "unrecognized_keys" ? undefined : "سرآغاز صفحه باید فهرستی از فیلدها به شکل «نام: مقدار» باشد") },
  )
  .strict();

/** The front-matter fields a page may have, from the schema's shape (declared once). */
export const OFFICE_PAGE_FIELDS = Object.keys(officePageSchema.shape);

export interface OfficePage {
  /** Path relative to the content folder, e.g. `pages/about.md`. */
  file: string;
  /** As shown (the render-time letter/digit transforms applied). */
  title: string;
  description?: string;
  /** Site path without the base path, e.g. `/about/`. */
  url: string;
  /** Listed in the header's navigation. */
  nav: boolean;
  /** Navigation order (smaller first; then by file name). */
  order: number;
  /** The Markdown body (front matter removed), rendered by Eleventy. */
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
}

export interface OfficePagesLoad {
  /** Valid pages, sorted by `order` then file name (the header's order). */
  pages: OfficePage[];
  problems: ContentProblem[];
}

/**
 * First path segments that Chapar's own pages and files use: a page may not take a URL under them.
 * Release URLs begin with a year (`/1403/…`), so a permalink starting with digits is refused as well.
 */
const RESERVED_SEGMENTS = new Set([
  ...[siteUrls.categories, siteUrls.tags, siteUrls.archive, siteUrls.search, siteUrls.media("")].map((url) => url.split("/")[1]!),
  // The home page's later pages (`pagedUrl("/", 2)` → `/page/2/`), the hashed assets, the search index.
  "page",
  "assets",
  "pagefind",
]);

function isReserved(url: string): boolean {
  const first = url.split("/")[1] ?? "";
  return url === siteUrls.home || RESERVED_SEGMENTS.has(first) || /^\p{Nd}+$/u.test(first);
}

/**
 * Reads and validates `content/pages/*.md`. `takenUrls` are the URLs already claimed (the releases'):
 * a page claiming one of them, a reserved Chapar URL or another page's URL is an error.
 */
export function loadOfficePages(
  contentDir: string,
  options: { persianDigits: boolean; takenUrls: ReadonlyMap<string, string> },
): OfficePagesLoad {
  const problems: ContentProblem[] = [];
  const pages: OfficePage[] = [];
  // Made on the first page: only to measure a body's nesting before Eleventy renders it.
  let markdown: ReturnType<typeof chaparMarkdown> | undefined;
  const dir = path.join(contentDir, PAGES_DIR);
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) return { pages, problems };
    entries = readdirSync(dir)
      .filter((name) => !name.startsWith(".") && !isJunkFile(name))
      .sort();
  } catch {
    return { pages, problems };
  }
  const folder = resolveContentPath(contentDir, PAGES_DIR, "any");
  if ("error" in folder) return { pages, problems: [{ file: PAGES_DIR, message: folder.error, severity: "error" }] };
  const byUrl = new Map<string, string>();
  for (const name of entries) {
    const file = `${PAGES_DIR}/${name}`;
    const error = (message: string, extra: Partial<ContentProblem> = {}) => problems.push({ file, ...extra, message, severity: "error" });
    if (path.extname(name).toLowerCase() !== ".md") {
      error("در پوشه‌ی صفحه‌ها فقط پرونده‌ی ‎.md جا دارد");
      continue;
    }
    const resolved = resolveContentPath(contentDir, file);
    if ("error" in resolved) {
      error(resolved.reason === "link" ? resolved.error : "در پوشه‌ی صفحه‌ها فقط پرونده‌ی ‎.md جا دارد");
      continue;
    }
    if (statSync(resolved.real).size > MAX_PAGE_BYTES) {
      error(`این صفحه بزرگ‌تر از ${MAX_PAGE_BYTES / 1024} کیلوبایت است`);
      continue;
    }
    const text = decodeText(readContentFile(contentDir, file));
    if (!text.ok) {
      error(text.message, text.line === undefined ? {} : { line: text.line });
      continue;
    }
    const hidden = hiddenCharFindings(text.text);
    for (const f of hidden) error(f.message, { line: f.line, column: f.column });
    const fm = parseFrontMatter(text.text);
    if (hidden.length > 0) continue;
    if (!fm.ok) {
      const { ok: _, message, ...where } = fm;
      error(message, where);
      continue;
    }
    const { data, body, bodyLine, keyLines } = fm.value;
    const hostile = emphasisProblem(body) ?? depthProblem((markdown ??= chaparMarkdown()).parse(body, {}));
    if (hostile) {
      error(hostile.message, hostile.line === undefined ? {} : { line: bodyLine + hostile.line - 1 });
      continue;
    }
    const lineOf = (key: string | undefined) => ({ line: (key !== undefined && keyLines.get(key)) || 1 });
    const parsed = officePageSchema.safeParse(data, PERSIAN_ISSUES);
    if (!parsed.success) {
      const locate: Locate = (at) => ({ line: fieldLine(fm.value, at) ?? 1 });
      problems.push(...schemaProblems(file, parsed.error, { locate, input: data, fields: OFFICE_PAGE_FIELDS }));
      continue;
    }
    const page = parsed.data;
    const url = page.permalink ?? `/${slugify(path.basename(name, path.extname(name)))}/`;
    const at = { ...lineOf(page.permalink === undefined ? undefined : "permalink"), field: "permalink" };
    const claimedBy = byUrl.get(url) ?? options.takenUrls.get(url);
    if (isReserved(url)) {
      error(`نشانی ${url} از آنِ صفحه‌های خود چاپار است (خبرها، دسته‌ها، برچسب‌ها، بایگانی، جست‌وجو)؛ نشانی دیگری در permalink بنویسید`, at);
      continue;
    }
    if (claimedBy !== undefined) {
      error(`نشانی ${url} با «${claimedBy}» یکی شده است؛ برای این صفحه نشانی دیگری در permalink بنویسید`, at);
      continue;
    }
    byUrl.set(url, file);
    pages.push({
      file,
      title: displayText(page.title, { persianDigits: options.persianDigits }),
      ...(page.description === undefined ? {} : { description: displayText(page.description, { persianDigits: options.persianDigits }) }),
      url,
      nav: page.nav,
      order: page.order ?? 0,
      body,
      bodyLine,
    });
  }
  pages.sort((a, b) => a.order - b.order || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { pages, problems };
}
