/** `/archive/<jalali-year>/<month>/` (and `/page/n/`): that month's releases, newest first. */
import { html } from "../../lib/render/html.ts";
import { formatJalaliMonth } from "../../lib/dates/format.ts";
import type { ArchiveMonth, ListPage } from "../../lib/site/collections.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { toPersianDigits } from "../../lib/text/digits.ts";
import { baseLayout } from "../base.ts";
import { pageSuffix, pagination } from "../partials/pagination.ts";
import { releaseList } from "../partials/release-card.ts";
import { onePagePer, type PageData } from "./types.ts";
import { definePage, newestModified } from "../../lib/site/pages.ts";

type Entry = { month: ArchiveMonth; page: ListPage };

const data = {
  pagination: onePagePer("archiveMonthPages"),
  permalink: (d: PageData<Entry>) => d.entry.page.url,
};
export default definePage({ data, render, lastModified: ({ entry }) => newestModified(entry.month.releases) });

function render({ chapar, entry }: PageData<Entry>): string {
  const { strings } = chapar.locale;
  const { month, page } = entry;
  const monthName = formatJalaliMonth(month.jy, month.jm);
  const title = `${strings.archiveMonthTitle(monthName)}${pageSuffix(strings, page)}`;
  const body = html`<h1>${title}</h1>
${releaseList(chapar, page.releases, 2, { pictures: true })}
${pagination(chapar, page)}`;
  return baseLayout(
    chapar,
    {
      url: page.url,
      title,
      section: siteUrls.archive,
      crumbs: [
        { label: strings.archive, url: siteUrls.archive },
        { label: toPersianDigits(month.jy), url: siteUrls.archiveYear(month.jy) },
        { label: monthName },
      ],
      bodyClass: "page-archive-month",
    },
    body,
  );
}
