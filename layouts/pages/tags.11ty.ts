/** `/tag/`: every tag, most used first, with its number of releases. */
import { html } from "../../lib/render/html.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { toPersianDigits } from "../../lib/text/digits.ts";
import { baseLayout } from "../base.ts";
import type { PageData } from "./types.ts";
import { definePage, newestModified } from "../../lib/site/pages.ts";

const data = { permalink: siteUrls.tags };
export default definePage({ data, render, lastModified: ({ chapar }) => newestModified(chapar.model.releases) });

function render({ chapar }: PageData): string {
  const { strings } = chapar.locale;
  const { urls } = chapar;
  const body = html`<h1>${strings.tagIndexTitle}</h1>
${
  chapar.model.tags.length === 0
    ? html`<p>${strings.noReleases}</p>`
    : html`<ul class="term-list term-cloud">
${chapar.model.tags.map((t) => html`<li><a href="${urls.href(t.url)}">${t.name}</a> <span class="count">(${toPersianDigits(t.releases.length)})</span></li>`)}
</ul>`
}`;
  return baseLayout(
    chapar,
    { url: siteUrls.tags, title: strings.tagIndexTitle, section: siteUrls.tags, crumbs: [{ label: strings.tags }], bodyClass: "page-tags" },
    body,
  );
}
