/** `/archive/<jalali-year>/`: that year's twelve months (partials/month-grid.ts), each with its number of releases. */
import { html } from "../../lib/render/html.ts";
import type { ArchiveYear } from "../../lib/site/collections.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { toPersianDigits } from "../../lib/text/digits.ts";
import { baseLayout } from "../base.ts";
import { monthGrid } from "../partials/month-grid.ts";
import { onePagePer, type PageData } from "./types.ts";
import { definePage, newestModified } from "../../lib/site/pages.ts";

const data = {
  pagination: onePagePer("archiveYears"),
  permalink: (d: PageData<ArchiveYear>) => d.entry.url,
};
export default definePage({ data, render, lastModified: ({ entry }) => newestModified(entry.months.flatMap((m) => m.releases)) });

function render({ chapar, entry }: PageData<ArchiveYear>): string {
  const { strings } = chapar.locale;
  const title = strings.archiveYearTitle(toPersianDigits(entry.jy));
  const body = html`<h1>${title}</h1>
${monthGrid(chapar, entry)}`;
  return baseLayout(
    chapar,
    {
      url: entry.url,
      title,
      section: siteUrls.archive,
      crumbs: [{ label: strings.archive, url: siteUrls.archive }, { label: toPersianDigits(entry.jy) }],
      bodyClass: "page-archive-year",
    },
    body,
  );
}
