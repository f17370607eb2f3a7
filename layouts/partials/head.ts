/**
 * `<head>`: title, description, canonical URL, the Persian font's preload, stylesheet, feed autodiscovery, Open Graph / Twitter /
 * JSON-LD (lib/features/seo.ts), and the `extendHead` extension point.
 */
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ChaparData } from "../../lib/site/data.ts";
import { toUri } from "../../lib/site/urls.ts";
import { feedLinks } from "../../lib/features/feeds.ts";
import { seoHead } from "../../lib/features/seo.ts";
import type { PageMeta } from "../base.ts";

export function head(chapar: ChaparData, page: PageMeta): SafeHtml {
  const { site, urls } = chapar;
  const title = page.title === undefined ? site.name : `${page.title} | ${site.name}`;
  const description = page.description || site.description;
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${description ? html`<meta name="description" content="${description}">` : ""}
${page.canonical === false ? "" : html`<link rel="canonical" href="${toUri(urls.absolute(page.url))}">`}
${page.noindex ? html`<meta name="robots" content="noindex">` : ""}
${chapar.assets.preloadFonts.map(
  (font) => html`<link rel="preload" href="${urls.href(font)}" as="font" type="font/woff2" crossorigin>
`,
)}<link rel="stylesheet" href="${urls.href(chapar.assets.stylesheet)}">
${chapar.assets.favicon ? html`<link rel="icon" href="${urls.href(chapar.assets.favicon.sitePath)}" type="${chapar.assets.favicon.type}">` : ""}
${feedLinks(chapar, page.category ?? page.release?.category)}
${seoHead(chapar, page)}
${chapar.extensions.head ?? ""}${page.extendHead ?? ""}
</head>`;
}
