/**
 * The layout of the office's own pages (content/pages/*.md), called by Eleventy through the
 * office-pages plugin (lib/features/office-pages.ts) with the Markdown it rendered: the shared shell,
 * the page's title as its heading, and the body with the releases' typography.
 */
import { html, raw, type SafeHtml } from "../lib/render/html.ts";
import type { OfficePage } from "../lib/content/office-pages.ts";
import type { ChaparData } from "../lib/site/data.ts";
import { baseLayout } from "./base.ts";

export function officePageLayout(chapar: ChaparData, page: OfficePage, body: string): string {
  const content: SafeHtml = html`<article class="office-page">
<h1>${page.title}</h1>
<div class="release-body">
${raw(body)}</div>
</article>`;
  return baseLayout(
    chapar,
    {
      url: page.url,
      title: page.title,
      ...(page.description === undefined ? {} : { description: page.description }),
      section: page.url,
      crumbs: [{ label: page.title }],
    },
    content,
  );
}
