/** `/category/<key>/` (and `/page/n/`): one category's releases, newest first. */
import { html } from "../../lib/render/html.ts";
import type { CategoryInfo, ListPage } from "../../lib/site/collections.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { subscribeLinks } from "../../lib/features/feeds.ts";
import { baseLayout } from "../base.ts";
import { pageSuffix, pagination } from "../partials/pagination.ts";
import { releaseList } from "../partials/release-card.ts";
import { onePagePer, type PageData } from "./types.ts";
import { definePage, newestModified } from "../../lib/site/pages.ts";

type Entry = { category: CategoryInfo; page: ListPage };

const data = {
  pagination: onePagePer("categoryPages"),
  permalink: (d: PageData<Entry>) => d.entry.page.url,
};
export default definePage({ data, render, lastModified: ({ entry }) => newestModified(entry.category.releases) });

function render({ chapar, entry }: PageData<Entry>): string {
  const { strings } = chapar.locale;
  const { category, page } = entry;
  const title = `${category.name}${pageSuffix(strings, page)}`;
  const body = html`<h1>${title}</h1>
${category.description ? html`<p class="term-description">${category.description}</p>` : ""}
${page.releases.length > 0 ? releaseList(chapar, page.releases, 2, { pictures: true }) : html`<p>${strings.noReleases}</p>`}
${pagination(chapar, page)}
${subscribeLinks(chapar, category)}`;
  return baseLayout(
    chapar,
    {
      url: page.url,
      title,
      description: category.description,
      category,
      section: siteUrls.categories,
      crumbs: [
        { label: strings.categories, url: siteUrls.categories },
        page.pageNumber > 1 ? { label: category.name, url: category.url } : { label: category.name },
        ...(page.pageNumber > 1 ? [{ label: pageSuffix(strings, page).replace(/^ — /, "") }] : []),
      ],
      bodyClass: "page-category",
    },
    body,
  );
}
