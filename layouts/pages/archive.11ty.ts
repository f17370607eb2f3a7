/** `/archive/`: every Jalali year with releases, newest first, as a row of its twelve months (partials/month-grid.ts). */
import { html } from "../../lib/render/html.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { toPersianDigits } from "../../lib/text/digits.ts";
import { baseLayout } from "../base.ts";
import { monthGrid } from "../partials/month-grid.ts";
import type { PageData } from "./types.ts";
import { definePage, newestModified } from "../../lib/site/pages.ts";

const data = { permalink: siteUrls.archive };
export default definePage({ data, render, lastModified: ({ chapar }) => newestModified(chapar.model.releases) });

function render({ chapar }: PageData): string {
  const { strings } = chapar.locale;
  const { urls } = chapar;
  const body = html`<h1>${strings.archiveTitle}</h1>
${
  chapar.model.archiveYears.length === 0
    ? html`<p>${strings.noReleases}</p>`
    : chapar.model.archiveYears.map(
        (y) => html`<section class="archive-year" aria-labelledby="year-${y.jy}">
<h2 id="year-${y.jy}"><a href="${urls.href(y.url)}">${toPersianDigits(y.jy)}</a> <span class="count">(${strings.releasesCount(toPersianDigits(y.count))})</span></h2>
${monthGrid(chapar, y)}
</section>`,
      )
}`;
  return baseLayout(
    chapar,
    {
      url: siteUrls.archive,
      title: strings.archiveTitle,
      section: siteUrls.archive,
      crumbs: [{ label: strings.archive }],
      bodyClass: "page-archive",
    },
    body,
  );
}
