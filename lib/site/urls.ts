/**
 * Every URL the site links to is built here, so the base path (`https://example.ir/press/`) is
 * respected everywhere. Site paths are written without the base (`/category/culture/`).
 */
export interface Urls {
  /** `/press/` or `/`. */
  basePath: string;
  /** `https://example.ir` (no trailing slash). */
  origin: string;
  /** A site path → the href to put in a page (base path included). */
  href(sitePath: string): string;
  /** A site path → the absolute URL (for canonical links, feeds, sitemaps). */
  absolute(sitePath: string): string;
}

export function createUrls(siteUrl: string): Urls {
  const url = new URL(siteUrl);
  const basePath = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  const origin = url.origin;
  const href = (sitePath: string) => `${basePath}${sitePath.replace(/^\/+/, "")}`;
  return { basePath, origin, href, absolute: (sitePath) => `${origin}${href(sitePath)}` };
}

/** `/category/culture/` + page 3 → `/category/culture/page/3/`; page 1 is the list's own URL. */
export function pagedUrl(listUrl: string, pageNumber: number): string {
  return pageNumber === 1 ? listUrl : `${listUrl}page/${pageNumber}/`;
}

export const siteUrls = {
  home: "/",
  /** A release: its Jalali year and month, then its slug (`/1404/03/workshop/`). */
  release: (jy: number, jm: number, slug: string) => `/${jy}/${String(jm).padStart(2, "0")}/${slug}/`,
  categories: "/category/",
  category: (key: string) => `/category/${key}/`,
  tags: "/tag/",
  tag: (slug: string) => `/tag/${slug}/`,
  archive: "/archive/",
  archiveYear: (jy: number) => `/archive/${jy}/`,
  archiveMonth: (jy: number, jm: number) => `/archive/${jy}/${String(jm).padStart(2, "0")}/`,
  search: "/search/",
  /** A file from the content folder (release image, logo), served as it is. */
  media: (file: string) => `/media/${file}`,
} as const;

/**
 * An IRI (`https://example.ir/tag/هم‌اندیشی/`) as a plain-ASCII URI, for places that must not carry raw
 * Unicode (sitemaps, feed ids, share links): every non-ASCII character (ZWNJ included) and space is
 * percent-encoded as UTF-8; `%` escapes already present are kept, so encoding twice changes nothing.
 */
export function toUri(iri: string): string {
  return iri.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run));
}
