/**
 * Reads an office's content folder: settings, categories and every release. Validates everything
 * and reports every problem of every file at once; returns typed releases with their Markdown
 * rendered and dates resolved, so nothing downstream parses a date or a file again.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { ReleaseDate } from "../dates/jalali.ts";
import { slugify } from "../text/persian.ts";
import { ContentError, showValue, type ContentProblem } from "./errors.ts";
import { parseFrontMatter } from "./front-matter.ts";
import { renderMarkdown } from "./markdown.ts";
import { crossFieldIssues, RELEASE_FIELDS, releaseSchema } from "./schema.ts";
import { categoriesSchema, siteSchema, type Categories, type SiteSettings } from "./site-data.ts";

export interface Release {
  /** Path relative to the content folder, with `/` separators: the release's identity in messages. */
  file: string;
  title: string;
  date: ReleaseDate;
  updated?: ReleaseDate;
  category: string;
  /** Tags as written (after trimming); identity and slugs are decided by the collections. */
  tags: string[];
  /** The lead: `summary`, or else the first paragraph's text. */
  summary: string;
  slug: string;
  /** Site-relative URL without the base path, e.g. `/1401/02/nowruz-concert/`. */
  url: string;
  image?: { file: string; alt: string };
  draft: boolean;
  /** The body as HTML (escaped Markdown: no raw HTML). */
  html: string;
}

export interface SiteContent {
  contentDir: string;
  site: SiteSettings;
  categories: Categories;
  /** Every valid release, drafts included, in file order. */
  releases: Release[];
  warnings: ContentProblem[];
}

/** Files that may sit in the content folder besides releases: media that releases refer to. */
export const MEDIA_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".zip", ".mp3", ".mp4"]);

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
    if (issue.code === "unrecognized_keys") {
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
    const value = top !== undefined && input ? input[top] : undefined;
    out.push({
      file,
      ...lineOf(keyLines, top),
      ...(field === "" ? {} : { field }),
      message: input && top !== undefined && value !== undefined ? `${issue.message} (مقدار فعلی: ${showValue(value)})` : issue.message,
      severity: "error",
    });
  }
  return out;
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

/** Loads and validates everything; throws `ContentError` listing every error if there is any. */
export function loadContent({ contentDir }: LoadOptions): SiteContent {
  const problems: ContentProblem[] = [];
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    throw new ContentError([{ file: contentDir, message: "پوشه‌ی محتوا پیدا نشد", severity: "error" }]);
  }

  const siteRaw = readJson(path.join(contentDir, DATA_DIR, "site.json"), `${DATA_DIR}/site.json`, problems);
  const categoriesRaw = readJson(path.join(contentDir, DATA_DIR, "categories.json"), `${DATA_DIR}/categories.json`, problems);
  const siteParsed = siteRaw === undefined ? undefined : siteSchema.safeParse(siteRaw);
  const categoriesParsed = categoriesRaw === undefined ? undefined : categoriesSchema.safeParse(categoriesRaw);
  if (siteParsed && !siteParsed.success) problems.push(...zodProblems(`${DATA_DIR}/site.json`, siteParsed.error));
  if (categoriesParsed && !categoriesParsed.success) problems.push(...zodProblems(`${DATA_DIR}/categories.json`, categoriesParsed.error));
  if (!siteParsed?.success || !categoriesParsed?.success) throw new ContentError(problems);
  const site = siteParsed.data;
  const categories = categoriesParsed.data;

  const schema = releaseSchema({ timeZone: site.timeZone, categories });
  const releases: Release[] = [];
  const warnings: ContentProblem[] = [];

  for (const file of listFiles(contentDir)) {
    if (file.startsWith(`${DATA_DIR}/`)) continue;
    const ext = path.extname(file).toLowerCase();
    if (ext !== ".md") {
      if (!MEDIA_EXTENSIONS.has(ext)) {
        problems.push({
          file,
          message: `پرونده‌ای با این نوع (${ext || "بی‌پسوند"}) در پوشه‌ی محتوا جایی ندارد؛ خبرها پرونده‌ی ‎.md هستند و پیوست‌ها از این نوع‌ها: ${[...MEDIA_EXTENSIONS].join(" ")}`,
          severity: "error",
        });
      }
      continue;
    }
    const absolute = path.join(contentDir, file);
    const fm = parseFrontMatter(readFileSync(absolute, "utf8"));
    if (!fm.ok) {
      problems.push({ file, ...(fm.line === undefined ? {} : { line: fm.line }), message: fm.message, severity: "error" });
      continue;
    }
    const { data, body, keyLines } = fm.value;
    const parsed = schema.safeParse(data);
    const crossField = crossFieldIssues(data).map((i): ContentProblem => ({ file, ...lineOf(keyLines, i.field), field: i.field, message: i.message, severity: "error" }));
    if (!parsed.success || crossField.length > 0) {
      if (!parsed.success) problems.push(...zodProblems(file, parsed.error, keyLines, data));
      problems.push(...crossField);
      continue;
    }
    const r = parsed.data;
    let image: Release["image"];
    if (r.image !== undefined) {
      const imageFile = path.posix.normalize(path.posix.join(path.posix.dirname(file), r.image));
      if (imageFile.startsWith("..") || !existsSync(path.join(contentDir, imageFile))) {
        problems.push({ file, ...lineOf(keyLines, "image"), field: "image", message: `پرونده‌ی تصویر پیدا نشد: ${showValue(r.image)} (نشانی نسبت به همین پرونده‌ی خبر است)`, severity: "error" });
        continue;
      }
      image = { file: imageFile, alt: r.imageAlt ?? "" };
    }
    const rendered = renderMarkdown(body);
    const slug = r.slug ?? slugify(path.basename(file, ext));
    const release: Release = {
      file,
      title: r.title,
      date: r.date,
      category: r.category,
      tags: r.tags,
      summary: r.summary ?? rendered.firstParagraph,
      slug,
      url: `/${r.date.jy}/${String(r.date.jm).padStart(2, "0")}/${slug}/`,
      draft: r.draft,
      html: rendered.html,
    };
    if (r.updated) release.updated = r.updated;
    if (image) release.image = image;
    releases.push(release);
  }

  // Two releases may not claim one URL: name both files.
  const byUrl = new Map<string, Release>();
  for (const release of releases) {
    const other = byUrl.get(release.url);
    if (other) {
      problems.push({
        file: release.file,
        message: `نشانی ${release.url} با خبر «${other.file}» یکی شده است؛ برای یکی از آن دو نامک (slug) دیگری بنویسید`,
        field: "slug",
        severity: "error",
      });
    } else byUrl.set(release.url, release);
  }

  if (problems.some((p) => p.severity === "error")) throw new ContentError([...problems, ...warnings]);
  return { contentDir, site, categories, releases, warnings };
}
