/** Breadcrumbs: where this page sits in the site, the current page last and unlinked. */
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ChaparData } from "../../lib/site/data.ts";

export interface Crumb {
  label: string;
  /** Site path; the last crumb (the current page) has none. */
  url?: string;
}

export function breadcrumbs(chapar: ChaparData, trail: Crumb[]): SafeHtml {
  if (trail.length === 0) return html``;
  const { strings } = chapar.locale;
  const all: Crumb[] = [{ label: strings.home, url: "/" }, ...trail];
  return html`<nav class="breadcrumbs" aria-label="${strings.breadcrumbs}"><ol>
${all.map((c, i) =>
  i === all.length - 1 || c.url === undefined
    ? html`<li><span aria-current="page">${c.label}</span></li>`
    : html`<li><a href="${chapar.urls.href(c.url)}">${c.label}</a></li>`,
)}
</ol></nav>`;
}
