/** `/tag/<slug>/` (and `/page/n/`): releases with one tag, newest first. */
import { html } from "../../lib/render/html.ts";
import type { ListPage, TagInfo } from "../../lib/site/collections.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { baseLayout } from "../base.ts";
import { pageSuffix, pagination } from "../partials/pagination.ts";
import { releaseList } from "../partials/release-card.ts";
import { onePagePer, type PageData } from "./types.ts";
import { definePage, newestModified } from "../../lib/site/pages.ts";

type Entry = { tag: TagInfo; page: ListPage };

const data = {
  pagination: onePagePer("tagPages"),
  permalink: (d: PageData<Entry>) => d.entry.page.url,
};
export default definePage({ data, render, lastModified: ({ entry }) => newestModified(entry.tag.releases) });

function render({ chapar, entry }: PageData<Entry>): string {
  const { strings } = chapar.locale;
  const { tag, page } = entry;
  const title = `${strings.tagTitle(tag.name)}${pageSuffix(strings, page)}`;
  const body = html`<h1>${title}</h1>
${releaseList(chapar, page.releases, 2, { pictures: true })}
${pagination(chapar, page)}`;
  return baseLayout(
    chapar,
    {
      url: page.url,
      title,
      section: siteUrls.tags,
      crumbs: [{ label: strings.tags, url: siteUrls.tags }, { label: title }],
      bodyClass: "page-tag",
    },
    body,
  );
}
