/**
 * Site header: the office's logo (if site.json names one) and the site name as one link home, and
 * the main navigation, with the current section marked. The logo's alt is the organisation's name,
 * or empty when the site name beside it in the same link already says it (no double announcement).
 */
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ChaparData } from "../../lib/site/data.ts";
import { siteUrls } from "../../lib/site/urls.ts";

/** The main navigation: each section's URL and the key of its label in the locale's strings. */
const NAV = [
  { url: siteUrls.home, label: "home" },
  { url: siteUrls.categories, label: "categories" },
  { url: siteUrls.tags, label: "tags" },
  { url: siteUrls.archive, label: "archive" },
  { url: siteUrls.search, label: "search" },
] as const;

/** The office's own pages marked `nav: true` (content/pages/), after Chapar's items, in their `order`. */
function officeNav(chapar: ChaparData): { url: string; label: string }[] {
  return chapar.content.officePages.filter((page) => page.nav).map((page) => ({ url: page.url, label: page.title }));
}

export function header(chapar: ChaparData, section: string | undefined): SafeHtml {
  const {
    urls,
    site,
    locale: { strings },
    assets: { logo },
  } = chapar;
  return html`<header class="site-header${logo ? " has-logo" : ""}">
<a class="site-name" href="${urls.href(siteUrls.home)}">${
    logo
      ? html`<img class="site-logo" src="${urls.href(logo.sitePath)}" width="${logo.width}" height="${logo.height}" alt="${site.name.includes(site.organization.name) ? "" : site.organization.name}"> `
      : ""
  }<span>${site.name}</span></a>
<nav class="site-nav" aria-label="${strings.mainNav}"><ul>
${[...NAV.map((item) => ({ url: item.url, label: strings[item.label] })), ...officeNav(chapar)].map(
  (item) => html`<li><a href="${urls.href(item.url)}"${item.url === section ? html` aria-current="page"` : ""}>${item.label}</a></li>`,
)}
</ul></nav>
</header>`;
}
