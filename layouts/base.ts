/**
 * The document shell every page shares: `<html>` in the site's language and direction, head, skip link, header,
 * breadcrumbs, `<main>`, footer. Pages pass their content and metadata; extension points
 * (`extendHead`, `extendFooter`, and the office developer's `extend/` folder: lib/site/extensions.ts)
 * let an office add markup or replace the header and footer without forking the layout.
 */
import { html, type SafeHtml } from "../lib/render/html.ts";
import type { ReleasePage } from "../lib/site/collections.ts";
import type { ChaparData } from "../lib/site/data.ts";
import { breadcrumbs, type Crumb } from "./partials/breadcrumbs.ts";
import { footer } from "./partials/footer.ts";
import { head } from "./partials/head.ts";
import { header } from "./partials/header.ts";

export interface PageMeta {
  /** Site path of this page (without the base path). */
  url: string;
  /** Page title; the site name alone on the home page. */
  title?: string;
  description?: string;
  /** The navigation item to mark as current. */
  section?: string;
  crumbs: Crumb[];
  /** Release pages: drives `og:type` article, article dates and the NewsArticle JSON-LD. */
  release?: ReleasePage;
  /** The category this page belongs to (its feeds are linked in the head); releases use their own. */
  category?: { key: string; name: string };
  /** Ask search engines not to index this page (`<meta name="robots" content="noindex">`): withdrawn releases. */
  noindex?: boolean;
  /** `false`: no canonical link (the 404 page: it is served at every missing URL, so it has none). */
  canonical?: false;
  extendHead?: SafeHtml;
  extendFooter?: SafeHtml;
  bodyClass?: string;
}

export function baseLayout(chapar: ChaparData, page: PageMeta, content: SafeHtml): string {
  const { locale } = chapar;
  return `<!doctype html>\n${html`<html lang="${locale.lang}" dir="${locale.dir}">
${head(chapar, page)}
<body${page.bodyClass ? html` class="${page.bodyClass}"` : ""}>
<a class="skip-link" href="#main">${locale.strings.skipLink}</a>
${chapar.extensions.header ?? header(chapar, page.section)}
${breadcrumbs(chapar, page.crumbs)}
<main id="main" tabindex="-1">
${content}
</main>
${chapar.extensions.footer ?? footer(chapar, page.extendFooter)}
</body>
</html>
`}`;
}
