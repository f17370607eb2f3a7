/**
 * Atom and JSON Feed for the whole site (`/feed.xml`, `/feed.json`) and for each category
 * (`/category/<key>/feed.xml`, `/category/<key>/feed.json`), plus the autodiscovery links for `<head>`.
 *
 * The feeds are Eleventy virtual templates written in TypeScript, not the Nunjucks templates of
 * @11ty/eleventy-plugin-rss's `feedPlugin`: those read Eleventy collections and `page.date` (a UTC
 * guess — Chapar's releases are not Eleventy templates and their dates carry the real Tehran
 * offset), and their JSON template escapes text for HTML, not JSON. The plugin still does the part
 * that is hard to get right: `convertHtmlToAbsoluteUrls` rewrites every URL in a release's body
 * against the release's absolute URL, so links and images work in any feed reader.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { ReleaseDate } from "../dates/jalali.ts";
import { isoWithOffset } from "../dates/jalali.ts";
import type { Release } from "../content/load.ts";
import { html, type SafeHtml } from "../render/html.ts";
import { htmlDepth } from "../render/html-depth.ts";
import { escapeXml } from "../render/xml.ts";
import type { CategoryInfo, ReleasePage, SiteModel } from "../site/collections.ts";
import type { ChaparData } from "../site/data.ts";
import { siteUrls, toUri } from "../site/urls.ts";
import { logoUrl, shareableImage } from "./seo.ts";

export interface FeedsOptions {
  /** Entries in each feed, newest first. Feed readers poll often; 20 covers days of news without heavy files. */
  entries: number;
}

export const defaults: FeedsOptions = { entries: 20 };

/** Site paths of the feeds (without the base path). */
export const feedPaths = {
  atom: "/feed.xml",
  json: "/feed.json",
  categoryAtom: (key: string) => `${siteUrls.category(key)}feed.xml`,
  categoryJson: (key: string) => `${siteUrls.category(key)}feed.json`,
} as const;

/** What one feed is about: its title, its HTML page and its releases (newest first). */
interface FeedScope {
  title: string;
  description: string;
  /** Site path of the HTML page this feed mirrors. */
  pageUrl: string;
  atomPath: string;
  jsonPath: string;
  /** Newest first; may hold drafts in the dev preview (they are skipped). */
  releases: Release[];
}

interface FeedEntry {
  page: ReleasePage;
  /** Absolute URL of the release (ASCII). */
  url: string;
  /** The release body, with every URL made absolute. */
  content: string;
  modified: ReleaseDate;
}

/** The newest `limit` published releases of a newest-first list (drafts only exist in the dev preview). */
export function feedReleases(chapar: Pick<ChaparData, "model">, releases: readonly Release[], limit: number): Release[] {
  const out: Release[] = [];
  for (const release of releases) {
    if (out.length >= limit) break;
    if (chapar.model.statusOf.get(release.url) === "published") out.push(release);
  }
  return out;
}

// Per build (the model is new on every build): release → its page, found without scanning. Keyed by the
// `releasePages` array, not the model: Eleventy hands templates the model behind a fresh Proxy on every
// access (its pagination wraps plain objects, not arrays), which made a model-keyed index rebuild each time.
const pageIndexes = new WeakMap<readonly ReleasePage[], Map<Release, ReleasePage>>();
function releasePageOf(model: SiteModel, release: Release): ReleasePage {
  let index = pageIndexes.get(model.releasePages);
  if (!index) pageIndexes.set(model.releasePages, (index = new Map(model.releasePages.map((p) => [p.release, p]))));
  return index.get(release)!;
}

/** Deepest HTML a release body may bring to the URL rewriting (which overflowed at ~10,000; bodies stay under ~40). */
export const MAX_FEED_HTML_DEPTH = 1000;

// A release in both the site feed and its category feed is made absolute once, and Atom and JSON share it.
const absoluteBodies = new WeakMap<Release, Promise<string>>();
function absoluteBody(chapar: ChaparData, release: Release): Promise<string> {
  const cached = absoluteBodies.get(release);
  if (cached) return cached;
  const base = toUri(chapar.urls.absolute(release.url));
  const image = release.image
    ? html`<p><img src="${chapar.urls.href(shareableImage(chapar, release.image.file).sitePath)}" alt="${release.image.alt}"></p>\n`.value
    : "";
  const body = absoluteHtml(release.file, image + release.html, base);
  absoluteBodies.set(release, body);
  return body;
}

/**
 * `html` with every URL made absolute against `base`. The plugin walks the HTML tree recursively; the
 * loader bounds a body's depth (markdown-limits.ts), and anything deeper that got here another way is
 * refused here, naming the release's file, before the stack can overflow.
 */
export function absoluteHtml(file: string, html: string, base: string): Promise<string> {
  const depth = htmlDepth(html);
  if (depth > MAX_FEED_HTML_DEPTH)
    return Promise.reject(
      new Error(`${file}: متن این خبر ${depth} لایه‌ی HTML در هم دارد، بیش از ${MAX_FEED_HTML_DEPTH}؛ در خوراک نوشته نمی‌شود`),
    );
  // The plugin is untyped JavaScript; it resolves to the rewritten HTML string.
  return (convertHtmlToAbsoluteUrls(html, base) as Promise<unknown>).then((s) => String(s));
}

async function feedEntries(chapar: ChaparData, scope: FeedScope, limit: number): Promise<FeedEntry[]> {
  return Promise.all(
    feedReleases(chapar, scope.releases, limit).map(async (release) => ({
      page: releasePageOf(chapar.model, release),
      url: toUri(chapar.urls.absolute(release.url)),
      content: await absoluteBody(chapar, release),
      modified: release.modified,
    })),
  );
}

/**
 * The feed's own "updated": its newest entry's. An empty feed takes the newest release of the site,
 * and an empty site the build's moment, so an unchanged site keeps byte-identical feeds.
 */
function feedUpdated(chapar: ChaparData, entries: FeedEntry[]): string {
  let newest: ReleaseDate | undefined;
  for (const e of entries) if (!newest || e.modified.instant > newest.instant) newest = e.modified;
  if (newest) return newest.iso;
  const first = feedReleases(chapar, chapar.model.releases, 1)[0];
  return first ? first.modified.iso : isoWithOffset(chapar.now, chapar.site.timeZone);
}

export function atomFeed(chapar: ChaparData, scope: FeedScope, entries: FeedEntry[]): string {
  const { urls, site } = chapar;
  const org = site.organization;
  const abs = (sitePath: string) => escapeXml(toUri(urls.absolute(sitePath)));
  const logo = logoUrl(chapar);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(chapar.locale.lang)}">`,
    `  <title>${escapeXml(scope.title)}</title>`,
    scope.description ? `  <subtitle>${escapeXml(scope.description)}</subtitle>` : "",
    `  <link rel="self" type="application/atom+xml" href="${abs(scope.atomPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${abs(scope.pageUrl)}"/>`,
    `  <id>${abs(scope.atomPath)}</id>`,
    `  <updated>${feedUpdated(chapar, entries)}</updated>`,
    `  <author>`,
    `    <name>${escapeXml(org.name)}</name>`,
    `    <uri>${abs(siteUrls.home)}</uri>`,
    org.email ? `    <email>${escapeXml(org.email)}</email>` : "",
    `  </author>`,
    logo ? `  <logo>${escapeXml(logo)}</logo>` : "",
    `  <generator>Chapar</generator>`,
  ];
  for (const { page, url, content, modified } of entries) {
    const { release, category, tags } = page;
    lines.push(
      `  <entry>`,
      `    <title type="text">${escapeXml(release.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <id>${escapeXml(url)}</id>`,
      `    <published>${release.date.iso}</published>`,
      `    <updated>${modified.iso}</updated>`,
      `    <category term="${escapeXml(category.key)}" label="${escapeXml(category.name)}" scheme="${abs(siteUrls.categories)}"/>`,
      ...tags.map((t) => `    <category term="${escapeXml(t.name)}" scheme="${abs(siteUrls.tags)}"/>`),
      release.summary ? `    <summary type="text">${escapeXml(release.summary)}</summary>` : "",
      `    <content type="html">${escapeXml(content)}</content>`,
      `  </entry>`,
    );
  }
  lines.push(`</feed>`);
  return `${lines.filter((line) => line !== "").join("\n")}\n`;
}

export function jsonFeed(chapar: ChaparData, scope: FeedScope, entries: FeedEntry[]): string {
  const { urls, site } = chapar;
  const abs = (sitePath: string) => toUri(urls.absolute(sitePath));
  const logo = logoUrl(chapar);
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: scope.title,
    home_page_url: abs(scope.pageUrl),
    feed_url: abs(scope.jsonPath),
    ...(scope.description ? { description: scope.description } : {}),
    ...(logo ? { icon: logo } : {}),
    language: chapar.locale.lang,
    authors: [{ name: site.organization.name, url: abs(siteUrls.home) }],
    items: entries.map(({ page, url, content, modified }) => {
      const { release, category, tags } = page;
      return {
        id: url,
        url,
        title: release.title,
        content_html: content,
        ...(release.summary ? { summary: release.summary } : {}),
        ...(release.image ? { image: abs(shareableImage(chapar, release.image.file).sitePath) } : {}),
        date_published: release.date.iso,
        date_modified: modified.iso,
        tags: [category.name, ...tags.map((t) => t.name)],
        language: chapar.locale.lang,
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function siteScope(chapar: ChaparData): FeedScope {
  return {
    title: chapar.site.name,
    description: chapar.site.description,
    pageUrl: siteUrls.home,
    atomPath: feedPaths.atom,
    jsonPath: feedPaths.json,
    releases: chapar.model.releases,
  };
}

function categoryScope(chapar: ChaparData, category: CategoryInfo): FeedScope {
  return {
    title: chapar.locale.strings.categoryFeedTitle(category.name, chapar.site.name),
    description: category.description,
    pageUrl: category.url,
    atomPath: feedPaths.categoryAtom(category.key),
    jsonPath: feedPaths.categoryJson(category.key),
    releases: category.releases,
  };
}

/** `<link rel="alternate">` for the site's feeds, and for the category's when the page belongs to one. */
export function feedLinks(chapar: ChaparData, category?: { key: string; name: string }): SafeHtml {
  const { urls, site, locale } = chapar;
  const link = (type: string, title: string, sitePath: string) =>
    html`<link rel="alternate" type="${type}" title="${title}" href="${urls.href(sitePath)}">`;
  return html`${link("application/atom+xml", locale.strings.feedAtom(site.name), feedPaths.atom)}
${link("application/feed+json", locale.strings.feedJson(site.name), feedPaths.json)}${
  category
    ? html`
${link("application/atom+xml", locale.strings.feedAtom(category.name), feedPaths.categoryAtom(category.key))}
${link("application/feed+json", locale.strings.feedJson(category.name), feedPaths.categoryJson(category.key))}`
    : ""
}`;
}

/** Visible links to the feeds: the site's (footer) or a category's (its page), for readers to subscribe. */
export function subscribeLinks(chapar: ChaparData, category?: { key: string }): SafeHtml {
  const { urls, locale } = chapar;
  const [atom, json] = category
    ? [feedPaths.categoryAtom(category.key), feedPaths.categoryJson(category.key)]
    : [feedPaths.atom, feedPaths.json];
  return html`<p class="feed-links">${category ? locale.strings.subscribeCategory : locale.strings.feeds}: <a href="${urls.href(atom)}" type="application/atom+xml">Atom</a> · <a href="${urls.href(json)}" type="application/feed+json">JSON Feed</a></p>`;
}

type FeedFormat = "atom" | "json";
type PageData = { category: CategoryInfo };

/** Eleventy plugin: four virtual templates (site Atom/JSON, category Atom/JSON paginated over categories). */
export function feeds(eleventyConfig: UserConfig, options: { data: ChaparData } & Partial<FeedsOptions>): void {
  const { data: chapar, ...rest } = options;
  const { entries: limit } = { ...defaults, ...rest };
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`feeds: entries must be a positive integer, got ${limit}`);

  const render = async (format: FeedFormat, chapar: ChaparData, scope: FeedScope) => {
    const entries = await feedEntries(chapar, scope, limit);
    return format === "atom" ? atomFeed(chapar, scope, entries) : jsonFeed(chapar, scope, entries);
  };

  for (const format of ["atom", "json"] as const) {
    const sitePath = format === "atom" ? feedPaths.atom : feedPaths.json;
    eleventyConfig.addTemplate(`chapar-feed-site-${format}.11ty.ts`, {
      data: { permalink: sitePath, eleventyExcludeFromCollections: true },
      render: () => render(format, chapar, siteScope(chapar)),
    });
    eleventyConfig.addTemplate(`chapar-feed-category-${format}.11ty.ts`, {
      data: {
        pagination: { data: "chapar.model.categories", size: 1, alias: "category", addAllPagesToCollections: false },
        permalink: ({ category }: PageData) =>
          format === "atom" ? feedPaths.categoryAtom(category.key) : feedPaths.categoryJson(category.key),
        eleventyExcludeFromCollections: true,
      },
      render: ({ category }: PageData) => render(format, chapar, categoryScope(chapar, category)),
    });
  }
}
