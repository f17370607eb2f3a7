/**
 * A Jalali year as a calendar row: the twelve months in order (Farvardin first, so on the right in a
 * right-to-left page), each a link with its count of releases when it has any, and plain text
 * saying «بدون خبر» when it has none (not a link, so not a Tab stop). The month the build's moment
 * falls in (site time zone) is marked `aria-current="date"`. A list: screen readers announce its
 * twelve items, and CSS lays it out as a grid of 3, 4 or 6 columns.
 */
import { JALALI_MONTH_NAMES, jalaliDay } from "../../lib/dates/jalali.ts";
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ArchiveYear } from "../../lib/site/collections.ts";
import type { ChaparData } from "../../lib/site/data.ts";
import { toPersianDigits } from "../../lib/text/digits.ts";

export function monthGrid(chapar: ChaparData, year: ArchiveYear): SafeHtml {
  const { strings } = chapar.locale;
  const now = jalaliDay(chapar.now, chapar.site.timeZone);
  const byMonth = new Map(year.months.map((m) => [m.jm, m]));
  return html`<ol class="month-grid" aria-label="${strings.archiveMonthsOf(toPersianDigits(year.jy))}">
${JALALI_MONTH_NAMES.map((name, i) => {
  const jm = i + 1;
  const month = byMonth.get(jm);
  const current = now.jy === year.jy && now.jm === jm ? html` aria-current="date"` : "";
  return month
    ? html`<li><a class="month" href="${chapar.urls.href(month.url)}"${current}><span class="month-name">${name}</span> <span class="month-count">${strings.releasesCount(toPersianDigits(month.releases.length))}</span></a></li>`
    : html`<li><span class="month month-empty"${current}><span class="month-name">${name}</span> <span class="month-count">${strings.archiveMonthEmpty}</span></span></li>`;
})}
</ol>`;
}
