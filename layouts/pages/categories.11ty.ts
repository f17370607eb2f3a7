/** `/category/`: every category with its description and number of releases. */
import { html } from "../../lib/render/html.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { toPersianDigits } from "../../lib/text/digits.ts";
import { baseLayout } from "../base.ts";
import type { PageData } from "./types.ts";
import { definePage, newestModified } from "../../lib/site/pages.ts";

const data = { permalink: siteUrls.categories };
export default definePage({ data, render, lastModified: ({ chapar }) => newestModified(chapar.model.releases) });

function render({ chapar }: PageData): string {
  const { strings } = chapar.locale;
  const { urls } = chapar;
  const body = html`<h1>${strings.categoryIndexTitle}</h1>
<ul class="term-list">
${chapar.model.categories.map(
  (c) =>
    html`<li><a href="${urls.href(c.url)}">${c.name}</a> <span class="count">(${strings.releasesCount(toPersianDigits(c.releases.length))})</span>${
      c.description ? html`<p>${c.description}</p>` : ""
    }</li>`,
)}
</ul>`;
  return baseLayout(
    chapar,
    {
      url: siteUrls.categories,
      title: strings.categoryIndexTitle,
      section: siteUrls.categories,
      crumbs: [{ label: strings.categories }],
      bodyClass: "page-categories",
    },
    body,
  );
}
