/** The home page and its later pages: every public release, newest first (`/`, `/page/2/` …). */
import { html } from "../../lib/render/html.ts";
import type { ListPage } from "../../lib/site/collections.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { baseLayout } from "../base.ts";
import { pageSuffix, pagination } from "../partials/pagination.ts";
import { releaseList } from "../partials/release-card.ts";
import { onePagePer, type PageData } from "./types.ts";
import { definePage, newestModified } from "../../lib/site/pages.ts";

const data = {
  pagination: onePagePer("homePages"),
  permalink: (d: PageData<ListPage>) => d.entry.url,
};
export default definePage({ data, render, lastModified: ({ chapar }) => newestModified(chapar.model.releases) });

function render({ chapar, entry }: PageData<ListPage>): string {
  const { strings } = chapar.locale;
  const first = entry.pageNumber === 1;
  const body = html`<h1${first ? html` class="visually-hidden"` : ""}>${first ? chapar.site.name : `${strings.latestReleases}${pageSuffix(strings, entry)}`}</h1>
${first && chapar.site.description ? html`<p class="site-description">${chapar.site.description}</p>` : ""}
${first ? html`<h2 class="list-heading">${strings.latestReleases}</h2>` : ""}
${entry.releases.length > 0 ? releaseList(chapar, entry.releases, first ? 3 : 2, { pictures: true, featureFirst: first }) : html`<p>${strings.noReleases}</p>`}
${pagination(chapar, entry)}`;
  return baseLayout(
    chapar,
    {
      url: entry.url,
      ...(first ? {} : { title: `${strings.latestReleases}${pageSuffix(strings, entry)}` }),
      section: siteUrls.home,
      crumbs: first ? [] : [{ label: `${strings.latestReleases}${pageSuffix(strings, entry)}` }],
      bodyClass: "page-home",
    },
    body,
  );
}
