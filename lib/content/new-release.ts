/**
 * What `npm run new` writes: a release file with today's Jalali date and time in the site's zone,
 * a slug from the title, and a front matter skeleton in which every field of the schema is either
 * filled in or present as a commented example with a Persian explanation.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { describeInstant, parseReleaseDate, type ReleaseDate } from "../dates/jalali.ts";
import { toLatinDigits } from "../text/digits.ts";
import { cleanText, slugify } from "../text/persian.ts";
import { PLACEHOLDER_BODY } from "./check.ts";
import { readContentFile } from "./content-path.ts";
import type { ContentProblem } from "./errors.ts";
import { loadPressData } from "./press.ts";
import { FIELD_DOCS, RELEASE_FIELDS, type SkeletonInput } from "./schema.ts";
import { categoriesSchema, siteSchema, type Categories, type SiteSettings } from "./site-data.ts";
import { displayPath } from "./errors.ts";
import { suggestionClause } from "./suggest.ts";

export interface NewReleaseOptions {
  contentDir: string;
  title: string;
  /** Category key; the first of categories.json when absent. */
  category?: string;
  tags?: string[];
  slug?: string;
  /** Any date form the schema accepts; default: `now`. */
  date?: string;
  draft?: boolean;
  /** The moment "today" means (`CHAPAR_NOW` in tests). */
  now: number;
}

export type NewReleaseResult =
  | { ok: true; file: string; absolute: string; category: string; categoryChosen: boolean }
  | { ok: false; message: string };

const SLUG = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

function readData(contentDir: string): { site: SiteSettings; categories: Categories } | { message: string } {
  const read = (name: string): unknown => {
    try {
      // A link that leaves the content folder is refused here as in the build (content-path.ts).
      return JSON.parse(readContentFile(contentDir, `_data/${name}`).toString("utf8"));
    } catch {
      return undefined;
    }
  };
  const site = siteSchema.safeParse(read("site.json"));
  const categories = categoriesSchema.safeParse(read("categories.json"));
  if (!site.success || !categories.success) {
    return {
      message: `تنظیمات سایت یا دسته‌ها در ${path.join(contentDir, "_data")} خوانده نشد؛ «npm run check» را اجرا کنید تا ببینید چه چیزی نادرست است`,
    };
  }
  return { site: site.data, categories: categories.data };
}

/** `1404-09-06 15:30` (or without the time) in the site's zone, Latin digits: what the schema reads best. */
function jalaliText(date: ReleaseDate, timeZone: string): string {
  const day = `${date.jy}-${String(date.jm).padStart(2, "0")}-${String(date.jd).padStart(2, "0")}`;
  return date.hasTime ? `${day} ${DateTime.fromMillis(date.instant, { zone: timeZone }).toFormat("HH:mm")}` : day;
}

export function createRelease(options: NewReleaseOptions): NewReleaseResult {
  const title = cleanText(options.title ?? "");
  if (title === "") return { ok: false, message: 'عنوان خبر لازم است؛ مانند: npm run new -- "برگزاری جشنواره‌ی تئاتر کودک"' };
  const data = readData(options.contentDir);
  if ("message" in data) return { ok: false, message: data.message };
  const { site, categories } = data;
  const keys = Object.keys(categories);
  const categoryList = keys.map((k) => `${k} (${categories[k]!.name})`).join("، ");

  const category = options.category?.trim() || keys[0]!;
  if (!Object.hasOwn(categories, category)) {
    const candidates = keys.flatMap((key) => [key, { text: categories[key]!.name, answer: key }]);
    const file = displayPath("_data/categories.json", { contentDir: options.contentDir });
    return {
      ok: false,
      message: `دسته‌ی «${category}» تعریف نشده است${suggestionClause(category, candidates, `دسته‌های مجاز (در ${file}): ${categoryList}`)}`,
    };
  }

  let date: ReleaseDate;
  if (options.date !== undefined) {
    const parsed = parseReleaseDate(options.date, site.timeZone);
    if (!parsed.ok) return { ok: false, message: `تاریخ «${options.date}» پذیرفته نشد: ${parsed.reason}` };
    date = parsed.date;
  } else {
    // Now, to the minute.
    date = describeInstant(Math.floor(options.now / 60_000) * 60_000, site.timeZone, true);
  }

  const slug = options.slug === undefined ? slugify(title) : toLatinDigits(options.slug.trim());
  if (!SLUG.test(slug))
    return {
      ok: false,
      message: `نامک «${options.slug}» درست نیست؛ فقط حرف، رقم و خط تیره (-) بی‌فاصله، مانند nowruz-concert یا کنسرت-نوروزی`,
    };

  const tags = (options.tags ?? []).map(cleanText).filter((t) => t !== "");
  const file = `releases/${date.jy}/${slug}.md`;
  const absolute = path.join(options.contentDir, file);
  if (existsSync(absolute)) {
    return { ok: false, message: `پرونده‌ی ${file} از پیش هست و بازنویسی نمی‌شود؛ نامک دیگری با --slug بدهید، مانند --slug ${slug}-2` };
  }

  // Types and contacts only name the choices in comments; their problems are `npm run check`'s to report.
  const problems: ContentProblem[] = [];
  const press = loadPressData(options.contentDir, site, problems);
  const text = skeleton({
    title,
    date: jalaliText(date, site.timeZone),
    category,
    categoryList,
    tags,
    draft: options.draft ?? false,
    timeZone: site.timeZone,
    slug,
    types: Object.keys(press.types),
    contacts: Object.keys(press.contacts),
  });
  mkdirSync(path.dirname(absolute), { recursive: true });
  try {
    // `wx`: fail rather than overwrite, even if the file appeared a moment ago.
    writeFileSync(absolute, text, { flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return { ok: false, message: `پرونده‌ی ${file} از پیش هست و بازنویسی نمی‌شود` };
    throw e;
  }
  return { ok: true, file, absolute, category, categoryChosen: options.category === undefined };
}

/** The front matter: each field of the schema with its Persian comment, set or commented out as an example (see `FieldDoc.skeleton`). */
export function skeleton(input: SkeletonInput): string {
  const lines = ["---"];
  for (const field of RELEASE_FIELDS) lines.push(...FIELD_DOCS[field].skeleton(input));
  lines.push("---", PLACEHOLDER_BODY, "");
  return lines.join("\n");
}
