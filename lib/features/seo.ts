/**
 * Metadata for search engines and link previews, as `<head>` markup: Open Graph and Twitter card tags,
 * and JSON-LD (`NewsArticle` on releases, `BreadcrumbList` wherever there are breadcrumbs,
 * `Organization` and `WebSite` on the home page). The canonical link and meta description are written
 * by the head partial itself. Everything is derived from the page's data; nothing is computed over
 * all releases here, so it costs the same on the 10th and the 10,000th page.
 */
import { html, raw, type SafeHtml } from "../render/html.ts";
import type { ReleasePage } from "../site/collections.ts";
import type { ChaparData } from "../site/data.ts";
import type { Rendition } from "./images.ts";
import { siteUrls, toUri } from "../site/urls.ts";

/** The Open Graph locale (`og:locale`) and the JSON-LD `inLanguage` are the site's locale's (`chapar.locale`). */
export interface SeoOptions {
  /** The office's X (Twitter) account, e.g. `@sepidar`, for `twitter:site`; none by default. */
  twitterSite?: string;
}

export const defaults: SeoOptions = {};

/** What the SEO markup needs from a page (the layout's `PageMeta` satisfies it). */
export interface SeoPage {
  /** Site path of the page. */
  url: string;
  /** The page's own title (none on the home page: the site name is used). */
  title?: string;
  description?: string;
  /** Breadcrumb trail below "home"; the last one is the page itself. */
  crumbs: readonly { label: string; url?: string }[];
  /** Set on release pages. */
  release?: ReleasePage;
  /** False on pages that have no canonical URL of their own (the 404 page): no `og:url` either. */
  canonical?: boolean;
}

/** JSON for a `<script>` element: `<` (and `>`, `&`) escaped, so no text can close the script or open a comment. */
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;
const SCRIPT_ESCAPES: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

export function jsonForScript(value: unknown): string {
  // One pass (this runs for every page's JSON-LD).
  return JSON.stringify(value).replace(SCRIPT_UNSAFE, (c) => SCRIPT_ESCAPES[c]!);
}

type JsonLd = Record<string, unknown>;

function organizationLd(chapar: ChaparData, full: boolean): JsonLd {
  const { site } = chapar;
  const org = site.organization;
  const home = toUri(chapar.urls.absolute(siteUrls.home));
  const logo = logoUrl(chapar);
  return {
    "@type": "Organization",
    "@id": `${home}#organization`,
    name: org.name,
    url: home,
    ...(logo ? { logo: { "@type": "ImageObject", url: logo } } : {}),
    ...(full && org.about ? { description: org.about } : {}),
    ...(full && org.email ? { email: org.email } : {}),
    ...(full && org.phone ? { telephone: org.phone } : {}),
    ...(full && org.address ? { address: org.address } : {}),
  };
}

/** The organisation's logo as a file of the content folder (`images/logo.png`), if it has one. */
export function logoFile(site: ChaparData["site"]): string | undefined {
  const logo = site.organization.logo;
  return logo === undefined ? undefined : logo.replace(/^\/+/, "");
}

/** Absolute URL of the logo (it is published under /media/ like release images). */
export function logoUrl(chapar: ChaparData): string | undefined {
  const file = logoFile(chapar.site);
  return file === undefined ? undefined : toUri(chapar.urls.absolute(siteUrls.media(file)));
}

/**
 * A release image as one plain file for link previews and feed readers: the widest JPEG rendition
 * (every crawler and reader takes JPEG, and it is at most a few hundred KB), else the original as
 * published under /media/ (before images are processed, or if JPEG is not among the formats).
 */
export function shareableImage(chapar: ChaparData, file: string): { sitePath: string; width?: number; height?: number } {
  const processed = chapar.assets.images.get(file);
  let jpeg: Rendition | undefined;
  for (const r of processed?.renditions ?? []) if (r.format === "jpeg" && (!jpeg || r.width > jpeg.width)) jpeg = r;
  if (processed && jpeg) return { sitePath: `${processed.sitePath}${jpeg.name}`, width: jpeg.width, height: jpeg.height };
  return { sitePath: siteUrls.media(file) };
}

interface PreviewImage {
  url: string;
  alt: string;
  /** A photo worth a large card (the release's image), not the logo. */
  large: boolean;
  width?: number;
  height?: number;
}

/** The picture a link preview should show: the release's image, else the organisation's logo. */
function previewImage(chapar: ChaparData, page: SeoPage): PreviewImage | undefined {
  const image = page.release?.release.image;
  if (image) {
    const { sitePath, ...size } = shareableImage(chapar, image.file);
    return { url: toUri(chapar.urls.absolute(sitePath)), alt: image.alt, large: true, ...size };
  }
  const logo = logoUrl(chapar);
  return logo ? { url: logo, alt: chapar.site.organization.name, large: false } : undefined;
}

function breadcrumbLd(chapar: ChaparData, page: SeoPage): JsonLd | undefined {
  if (page.crumbs.length === 0) return undefined;
  const trail = [{ label: chapar.locale.strings.home, url: siteUrls.home as string | undefined }, ...page.crumbs];
  const items: JsonLd[] = [];
  trail.forEach((crumb, i) => {
    const last = i === trail.length - 1;
    // A crumb without a link that is not the page itself can't be a list item (it needs a URL).
    if (!last && crumb.url === undefined) return;
    items.push({
      "@type": "ListItem",
      position: items.length + 1,
      name: crumb.label,
      item: toUri(chapar.urls.absolute(last ? page.url : crumb.url!)),
    });
  });
  return { "@type": "BreadcrumbList", itemListElement: items };
}

function newsArticleLd(chapar: ChaparData, page: SeoPage, entry: ReleasePage): JsonLd {
  const { release, category, tags } = entry;
  const url = toUri(chapar.urls.absolute(release.url));
  const image = previewImage(chapar, page);
  const organization = organizationLd(chapar, false);
  return {
    "@type": "NewsArticle",
    "@id": `${url}#article`,
    headline: release.title,
    ...(release.summary ? { description: release.summary } : {}),
    ...(image ? { image: [image.url] } : {}),
    datePublished: release.date.iso,
    dateModified: release.modified.iso,
    inLanguage: chapar.locale.lang,
    articleSection: category.name,
    ...(tags.length > 0 ? { keywords: tags.map((t) => t.name) } : {}),
    author: organization,
    publisher: organization,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
  };
}

function websiteLd(chapar: ChaparData): JsonLd {
  const home = toUri(chapar.urls.absolute(siteUrls.home));
  return {
    "@type": "WebSite",
    "@id": `${home}#website`,
    name: chapar.site.name,
    ...(chapar.site.description ? { description: chapar.site.description } : {}),
    url: home,
    inLanguage: chapar.locale.lang,
    publisher: { "@id": `${home}#organization` },
  };
}

/** Open Graph, Twitter card and JSON-LD markup for one page's `<head>`. */
export function seoHead(chapar: ChaparData, page: SeoPage, options: Partial<SeoOptions> = {}): SafeHtml {
  const { twitterSite } = { ...defaults, ...options };
  const { site, urls, locale } = chapar;
  const entry = page.release;
  const title = page.title ?? site.name;
  const description = page.description || site.description;
  const url = toUri(urls.absolute(page.url));
  const image = previewImage(chapar, page);
  const isHome = page.url === siteUrls.home;

  const graph: JsonLd[] = [];
  if (entry) graph.push(newsArticleLd(chapar, page, entry));
  if (isHome) graph.push(organizationLd(chapar, true), websiteLd(chapar));
  const crumbs = breadcrumbLd(chapar, page);
  if (crumbs) graph.push(crumbs);

  const meta = (property: string, content: string | undefined) =>
    content ? html`<meta property="${property}" content="${content}">\n` : "";
  const named = (name: string, content: string | undefined) => (content ? html`<meta name="${name}" content="${content}">\n` : "");

  return html`${meta("og:locale", locale.ogLocale)}${meta("og:type", entry ? "article" : "website")}${meta("og:site_name", site.name)}${meta("og:title", title)}${meta(
    "og:description",
    description,
  )}${page.canonical === false ? "" : meta("og:url", url)}${
    image
      ? [
          meta("og:image", image.url),
          meta("og:image:width", image.width?.toString()),
          meta("og:image:height", image.height?.toString()),
          meta("og:image:alt", image.alt),
        ]
      : ""
  }${
    entry
      ? [
          meta("article:published_time", entry.release.date.iso),
          meta("article:modified_time", entry.release.modified.iso),
          meta("article:section", entry.category.name),
          entry.tags.map((t) => meta("article:tag", t.name)),
        ]
      : ""
  }${named("twitter:card", image?.large ? "summary_large_image" : "summary")}${named("twitter:site", twitterSite)}${named("twitter:title", title)}${named(
    "twitter:description",
    description,
  )}${image ? [named("twitter:image", image.url), named("twitter:image:alt", image.alt)] : ""}${
    graph.length > 0
      ? html`<script type="application/ld+json">${raw(jsonForScript({ "@context": "https://schema.org", "@graph": graph }))}</script>`
      : ""
  }`;
}
