/**
 * `sitemap.xml` (every public page, with `lastmod`), the Google News sitemap `news-sitemap.xml`
 * (releases of the last two days before the build's moment) and `robots.txt` naming both.
 *
 * Written after Eleventy has built the pages, from the list of pages it really wrote — so a page added
 * by any other template is listed without this module knowing about it — with each page's `lastmod`
 * and `noindex` as its route declares them (the page templates' `definePage`, lib/site/pages.ts: a
 * release's `updated` or `date`; a list page's newest release, since a new release shifts every page
 * of its list). A built page without a route (one Eleventy renders from a template of its own) is
 * listed without `lastmod`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Release } from "../content/load.ts";
import type { ReleaseDate } from "../dates/jalali.ts";
import { escapeXml } from "../render/xml.ts";
import type { SiteModel } from "../site/collections.ts";
import type { ChaparData } from "../site/data.ts";
import { toUri } from "../site/urls.ts";

export interface SitemapOptions {
  /** How far before the build's moment a release still belongs in the News sitemap (Google: two days). */
  newsWindowHours: number;
  /** Most releases in the News sitemap (Google reads at most 1,000). */
  newsLimit: number;
  /** Most URLs in one sitemap file (the protocol's limit is 50,000); beyond it `sitemap.xml` becomes an index. */
  urlsPerSitemap: number;
}

export const defaults: SitemapOptions = { newsWindowHours: 48, newsLimit: 1000, urlsPerSitemap: 50_000 };

export const sitemapPaths = { sitemap: "/sitemap.xml", news: "/news-sitemap.xml", robots: "/robots.txt" } as const;

/** A page Eleventy wrote: its site path and the file. */
export interface BuiltPage {
  url: string;
  outputPath: string;
}

/** What a page says of itself (a route of lib/site/pages.ts, or any page of another plugin). */
export interface PageMetadata {
  url: string;
  /** `lastmod`; absent: none. */
  lastModified?: ReleaseDate;
  /** Left out of the sitemap. */
  noindex: boolean;
}

/** Which built pages belong in the sitemap: HTML pages, not `noindex` (the 404 page, withdrawn releases), not drafts. */
export function sitemapPages(pages: readonly BuiltPage[], metadata: ReadonlyMap<string, PageMetadata>, model: SiteModel): string[] {
  const urls = new Set<string>();
  for (const page of pages) {
    if (!page.url || !page.outputPath.endsWith(".html")) continue;
    if (metadata.get(page.url)?.noindex === true) continue;
    // In the dev preview drafts and scheduled releases have pages; they are still not public.
    const status = model.statusOf.get(page.url);
    if (status !== undefined && status !== "published") continue;
    urls.add(page.url);
  }
  return [...urls].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const XML_HEAD = `<?xml version="1.0" encoding="utf-8"?>`;

export function sitemapXml(chapar: ChaparData, urls: readonly string[], metadata: ReadonlyMap<string, PageMetadata>): string {
  const lines = [XML_HEAD, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`];
  for (const url of urls) {
    const date = metadata.get(url)?.lastModified;
    lines.push(`<url><loc>${escapeXml(toUri(chapar.urls.absolute(url)))}</loc>${date ? `<lastmod>${date.iso}</lastmod>` : ""}</url>`);
  }
  lines.push(`</urlset>`, "");
  return lines.join("\n");
}

export function sitemapIndexXml(chapar: ChaparData, files: readonly { sitePath: string; lastmod?: ReleaseDate }[]): string {
  const lines = [XML_HEAD, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`];
  for (const f of files) {
    lines.push(
      `<sitemap><loc>${escapeXml(toUri(chapar.urls.absolute(f.sitePath)))}</loc>${f.lastmod ? `<lastmod>${f.lastmod.iso}</lastmod>` : ""}</sitemap>`,
    );
  }
  lines.push(`</sitemapindex>`, "");
  return lines.join("\n");
}

/** Published releases dated within the window before `now`, newest first, at most `limit`. */
export function newsReleases(
  chapar: Pick<ChaparData, "model" | "now">,
  options: Pick<SitemapOptions, "newsWindowHours" | "newsLimit">,
): Release[] {
  const from = chapar.now - options.newsWindowHours * 3_600_000;
  const out: Release[] = [];
  // `releases` is newest first: stop at the first one older than the window.
  for (const release of chapar.model.releases) {
    if (out.length >= options.newsLimit || release.date.instant <= from) break;
    if (release.date.instant > chapar.now || chapar.model.statusOf.get(release.url) !== "published") continue;
    out.push(release);
  }
  return out;
}

export function newsSitemapXml(chapar: ChaparData, releases: readonly Release[]): string {
  const lines = [
    XML_HEAD,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`,
  ];
  const name = escapeXml(chapar.site.name);
  for (const release of releases) {
    lines.push(
      `<url><loc>${escapeXml(toUri(chapar.urls.absolute(release.url)))}</loc><news:news><news:publication><news:name>${name}</news:name><news:language>${escapeXml(chapar.locale.lang)}</news:language></news:publication><news:publication_date>${release.date.iso}</news:publication_date><news:title>${escapeXml(release.title)}</news:title></news:news></url>`,
    );
  }
  lines.push(`</urlset>`, "");
  return lines.join("\n");
}

export function robotsTxt(chapar: ChaparData): string {
  const abs = (sitePath: string) => toUri(chapar.urls.absolute(sitePath));
  return ["User-agent: *", "Disallow:", "", `Sitemap: ${abs(sitemapPaths.sitemap)}`, `Sitemap: ${abs(sitemapPaths.news)}`, ""].join("\n");
}

/** Every file this feature writes, as site path → text. */
export function sitemapFiles(
  chapar: ChaparData,
  pages: readonly BuiltPage[],
  routes: readonly PageMetadata[],
  options: SitemapOptions,
): Map<string, string> {
  const files = new Map<string, string>();
  const metadata = new Map(routes.map((route) => [route.url, route]));
  const urls = sitemapPages(pages, metadata, chapar.model);
  if (urls.length <= options.urlsPerSitemap) {
    files.set(sitemapPaths.sitemap, sitemapXml(chapar, urls, metadata));
  } else {
    const parts: { sitePath: string; lastmod?: ReleaseDate }[] = [];
    for (let i = 0; i * options.urlsPerSitemap < urls.length; i++) {
      const chunk = urls.slice(i * options.urlsPerSitemap, (i + 1) * options.urlsPerSitemap);
      const sitePath = `/sitemap-${i + 1}.xml`;
      let lastmod: ReleaseDate | undefined;
      for (const u of chunk) {
        const d = metadata.get(u)?.lastModified;
        if (d && (!lastmod || d.instant > lastmod.instant)) lastmod = d;
      }
      files.set(sitePath, sitemapXml(chapar, chunk, metadata));
      parts.push(lastmod ? { sitePath, lastmod } : { sitePath });
    }
    files.set(sitemapPaths.sitemap, sitemapIndexXml(chapar, parts));
  }
  files.set(sitemapPaths.news, newsSitemapXml(chapar, newsReleases(chapar, options)));
  files.set(sitemapPaths.robots, robotsTxt(chapar));
  return files;
}

/**
 * Eleventy plugin: writes the sitemaps and robots.txt once the pages are built. `routes`: what the
 * pages say of themselves (Chapar's page routes; a plugin adding pages of its own adds theirs).
 */
export function sitemap(
  eleventyConfig: UserConfig,
  options: { data: ChaparData; routes: readonly PageMetadata[] } & Partial<SitemapOptions>,
): void {
  const { data, routes, ...rest } = options;
  const settings = { ...defaults, ...rest };
  eleventyConfig.on("eleventy.after", ({ directories, results }: { directories: { output: string }; results: BuiltPage[] }) => {
    for (const [sitePath, text] of sitemapFiles(data, results, routes, settings)) {
      const file = path.join(directories.output, sitePath);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  });
}
