/**
 * What can still be checked of a release whose front matter failed the schema, so that every problem
 * of a file is reported in one run: the files it names (lead image, attachments, gallery) read from
 * the raw front matter, and the address it would have — which needs a valid date and slug, and says
 * so when it can't be checked.
 */
import { parseReleaseDate } from "../dates/jalali.ts";
import { siteUrls } from "../site/urls.ts";
import { releaseSlug } from "./release.ts";
import type { ReleaseData } from "./schema.ts";

/** The files a raw front matter names, in the shape `resolvePressFiles` takes. */
export interface RawFileRefs {
  image?: string;
  files: Pick<ReleaseData, "attachments" | "gallery">;
  /** Items that name no file (`attachments.2.file`): the schema reports them, so "file not found" would repeat it. */
  unnamed: Set<string>;
}

const asList = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.map((x) => (x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : {}))
    : [];
const fileText = (value: unknown) => (typeof value === "string" ? value.trim() : "");
const textOr = (value: unknown) => (typeof value === "string" ? value : "");

export function rawFileRefs(data: Record<string, unknown>): RawFileRefs {
  // Every item keeps its position, so messages name the right item number.
  const attachments = asList(data.attachments).map((a) => ({ file: fileText(a.file), title: textOr(a.title) }));
  const gallery = asList(data.gallery).map((g) => ({ file: fileText(g.file), alt: textOr(g.alt) }));
  const unnamed = new Set([
    ...attachments.flatMap((a, i) => (a.file === "" ? [`attachments.${i}.file`] : [])),
    ...gallery.flatMap((g, i) => (g.file === "" ? [`gallery.${i}.file`] : [])),
  ]);
  const image = fileText(data.image);
  return { ...(image === "" ? {} : { image }), files: { attachments, gallery }, unnamed };
}

/** The release's address (`/1403/05/slug/`), or why it can't be known: what the duplicate-address check needs. */
export function provisionalUrl(
  file: string,
  data: Record<string, unknown>,
  timeZone: string,
  slugIsValid: boolean,
): { url: string } | { skipped: string } {
  const date = parseReleaseDate(data.date, timeZone);
  if (!date.ok) return { skipped: "بررسی یکتایی نشانی انجام نشد چون تاریخ نامعتبر است؛ پس از درست کردن تاریخ دوباره بررسی می‌شود" };
  if (!slugIsValid) return { skipped: "بررسی یکتایی نشانی انجام نشد چون نامک (slug) نامعتبر است" };
  const slug = releaseSlug(typeof data.slug === "string" ? data.slug.trim() : undefined, file);
  return { url: siteUrls.release(date.date.jy, date.date.jm, slug) };
}
