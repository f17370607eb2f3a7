/** A release page: `/<jalali-year>/<month>/<slug>/`. */
import { dateParts, formatLongDate } from "../../lib/dates/format.ts";
import { html, raw } from "../../lib/render/html.ts";
import type { ReleasePage } from "../../lib/site/collections.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { baseLayout } from "../base.ts";
import { releaseList } from "../partials/release-card.ts";
import { afterReleaseBody, issuedBy, leadParagraph, releaseTypeLabel, withdrawalNotice } from "../partials/press-release.ts";
import { leadImage } from "../partials/release-image.ts";
import { statusBanner } from "../partials/release-status.ts";
import { shareLinks } from "../partials/share.ts";
import { onePagePer, type PageData } from "./types.ts";
import { definePage } from "../../lib/site/pages.ts";

const data = {
  pagination: onePagePer("releasePages"),
  permalink: (d: PageData<ReleasePage>) => d.entry.release.url,
  eleventyExcludeFromCollections: true,
};
export default definePage({ data, render, lastModified: ({ entry }) => entry.release.modified });

function render({ chapar, entry }: PageData<ReleasePage>): string {
  const { strings } = chapar.locale;
  const { release, category, tags, newer, older, related } = entry;
  const { urls, site } = chapar;
  const tz = site.timeZone;
  const time = dateParts(release.date.instant, tz, chapar.locale);
  // Only this article is indexed for search (lib/features/search.ts); a withdrawn release is not.
  const body = html`<article class="release"${entry.status === "withdrawn" ? "" : html` data-pagefind-body`}>
<header class="release-header">
${statusBanner(chapar, release)}
${withdrawalNotice(chapar, release)}
<p class="release-category"><a href="${urls.href(category.url)}">${category.name}</a>${releaseTypeLabel(release)}</p>
<h1>${release.title}</h1>
<p class="release-meta">
<span>${strings.publishedOn}: <time datetime="${release.date.iso}">${formatLongDate(release.date.instant, tz, chapar.locale)}</time>${
    release.date.hasTime ? html`<span class="release-time">، ${strings.hour} ${time.hour}:${time.minute}</span>` : ""
  }</span>
${release.updated ? html`<span>${strings.updatedOn}: <time datetime="${release.updated.iso}">${formatLongDate(release.updated.instant, tz, chapar.locale)}</time></span>` : ""}
${issuedBy(strings, release)}
</p>
${leadParagraph(release)}
</header>
${leadImage(chapar, release)}
<div class="release-body">
${raw(release.html)}
</div>
${afterReleaseBody(chapar, release)}
${tags.length > 0 ? html`<footer class="release-tags"><h2>${strings.tagsHeading}</h2><ul>${tags.map((t) => html`<li><a href="${urls.href(t.url)}" rel="tag">${t.name}</a></li>`)}</ul></footer>` : ""}
</article>
${entry.status === "withdrawn" ? "" : shareLinks(chapar, release)}
${
  newer || older
    ? html`<nav class="release-nav" aria-label="${strings.otherReleases}"><ul>
${newer ? html`<li class="release-nav-newer"><span>${strings.newerRelease}</span> <a href="${urls.href(newer.url)}" rel="next">${newer.title}</a></li>` : ""}
${older ? html`<li class="release-nav-older"><span>${strings.olderRelease}</span> <a href="${urls.href(older.url)}" rel="prev">${older.title}</a></li>` : ""}
</ul></nav>`
    : ""
}
${related.length > 0 ? html`<section class="related" aria-labelledby="related-heading"><h2 id="related-heading">${strings.related}</h2>${releaseList(chapar, related, 3)}</section>` : ""}`;
  return baseLayout(
    chapar,
    {
      url: release.url,
      title: release.title,
      description: release.summary,
      section: siteUrls.categories,
      crumbs: [
        { label: strings.categories, url: siteUrls.categories },
        { label: category.name, url: category.url },
        { label: release.title },
      ],
      release: entry,
      // A withdrawn release stays reachable by its old links but search engines should drop it.
      noindex: entry.status === "withdrawn",
      bodyClass: "page-release",
    },
    body,
  );
}
