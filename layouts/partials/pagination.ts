/** Previous/next links between the pages of a list, and "page n of m". */
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ListPage } from "../../lib/site/collections.ts";
import type { ChaparData } from "../../lib/site/data.ts";
import type { UiStrings } from "../../lib/locale/types.ts";
import { toPersianDigits } from "../../lib/text/digits.ts";

export function pagination(chapar: ChaparData, page: ListPage): SafeHtml {
  if (page.totalPages <= 1) return html``;
  const {
    urls,
    locale: { strings },
  } = chapar;
  return html`<nav class="pagination" aria-label="${strings.pagination}">
${page.previousUrl ? html`<a rel="prev" href="${urls.href(page.previousUrl)}">${strings.previousPage}</a>` : ""}
<span class="pagination-position">${strings.page(toPersianDigits(page.pageNumber), toPersianDigits(page.totalPages))}</span>
${page.nextUrl ? html`<a rel="next" href="${urls.href(page.nextUrl)}">${strings.nextPage}</a>` : ""}
</nav>`;
}

/** " — صفحه‌ی ۲ از ۵" for titles of pages after the first. */
export function pageSuffix(strings: UiStrings, page: ListPage): string {
  return page.pageNumber > 1 ? ` — ${strings.page(toPersianDigits(page.pageNumber), toPersianDigits(page.totalPages))}` : "";
}
