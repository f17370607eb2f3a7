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

/** The files a raw front matter names, in the shape `resolvePressFiles` takes; items without a file text are left out (the schema reports them). */
export interface RawFileRefs {
  image?: string;
  files: Pick<ReleaseData, "attachments" | "gallery">;
}

const asList = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((x): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x)) : [];
const nonEmpty = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";
const textOr = (value: unknown) => (typeof value === "string" ? value : "");

export function rawFileRefs(data: Record<string, unknown>): RawFileRefs {
  // Positions are kept (a placeholder item for one without a file) so messages name the right item number.
  const attachments = asList(data.attachments).map((a) => ({ file: nonEmpty(a.file) ? a.file.trim() : "", title: textOr(a.title) }));
  const gallery = asList(data.gallery).map((g) => ({ file: nonEmpty(g.file) ? g.file.trim() : "", alt: textOr(g.alt) }));
  return {
    ...(nonEmpty(data.image) ? { image: data.image.trim() } : {}),
    files: { attachments: attachments.filter((a) => a.file !== ""), gallery: gallery.filter((g) => g.file !== "") },
  };
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
