/** `/404.html`: the Persian "not found" page that hosts serve with status 404. */
import { html } from "../../lib/render/html.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { baseLayout } from "../base.ts";
import type { PageData } from "./types.ts";
import { definePage } from "../../lib/site/pages.ts";

const data = { permalink: "/404.html" };
export default definePage({ data, render, noindex: true });

function render({ chapar }: PageData): string {
  const { strings } = chapar.locale;
  const body = html`<h1>${strings.notFoundTitle}</h1>
<p>${strings.notFoundText}</p>
<p><a href="${chapar.urls.href(siteUrls.home)}">${strings.backHome}</a> · <a href="${chapar.urls.href(siteUrls.archive)}">${strings.archive}</a></p>`;
  return baseLayout(
    chapar,
    { url: "/404.html", title: strings.notFoundTitle, crumbs: [], bodyClass: "page-404", noindex: true, canonical: false },
    body,
  );
}
