/**
 * Chapar's page templates as routes: every page a template in `layouts/pages` makes, as
 * `{ url, template, entry, lastModified, noindex }`, and its rendering. Shared by the production page
 * writer (lib/features/page-writer.ts), the sitemap and the dev server (lib/dev/server.ts), so all
 * of them see the same pages, made by the same modules.
 *
 * A Chapar page template declares itself: its default export is `definePage({ data, render, … })`.
 * `data` holds only `permalink` (a string, or a function of `{ chapar, <alias>: entry }`), optionally
 * a size-1 `pagination` over an array of the `chapar` data set (`onePagePer(...)` in
 * layouts/pages/types.ts) and `eleventyExcludeFromCollections`; `render` reads only its argument.
 * Such a page needs nothing from Eleventy, so Chapar renders it directly — but the object is also an
 * ordinary Eleventy 11ty.js template (`data` + `render`), so Eleventy renders the same bytes when
 * the page writer is off. The template also says what the sitemap and robots need to know of each
 * page (`lastModified`, `noindex`), so a new kind of page needs no edit anywhere else. A template
 * without the marker (one using layouts, computed data, filters, collections) is left to Eleventy.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Release } from "../content/load.ts";
import type { ReleaseDate } from "../dates/jalali.ts";
import type { ChaparData } from "./data.ts";

/** Template data of a Chapar page, as Eleventy reads it too. */
export interface PageTemplateData<Data = Record<string, unknown>> {
  pagination?: { data: string; size: number; alias?: string; addAllPagesToCollections?: boolean };
  permalink: string | ((data: Data) => string);
  eleventyExcludeFromCollections?: boolean;
}

/** What a page template declares (`Data` is what render receives: `{ chapar, entry }`). */
export interface PageDefinition<Data> {
  data: PageTemplateData<Data>;
  render(data: Data): string;
  /** The page's `lastmod` (sitemap): when its content last changed; none if not known. */
  lastModified?(data: Data): ReleaseDate | undefined;
  /** Search engines should not index the page (its head says so; the sitemap leaves it out). Default false. */
  noindex?: boolean | ((data: Data) => boolean);
}

const PAGE_MARK = Symbol.for("chapar.page");

/** A page definition marked as Chapar's: what `definePage` returns. */
export type DefinedPage<Data> = PageDefinition<Data> & { readonly [PAGE_MARK]: true };

/**
 * Declares a Chapar page template: `export default definePage({ data, render, lastModified?, noindex? })`.
 * The object is returned as it is (Eleventy's 11ty.js engine reads its `data` and calls its `render`),
 * marked so the page writer knows it may render it without Eleventy.
 */
export function definePage<Data>(page: PageDefinition<Data>): DefinedPage<Data> {
  return Object.assign(page, { [PAGE_MARK]: true as const });
}

/** The newest `modified` of a list of releases, computed once per list (many pages share one list). */
const newestOfList = new WeakMap<readonly Release[], ReleaseDate | undefined>();
export function newestModified(releases: readonly Release[]): ReleaseDate | undefined {
  if (newestOfList.has(releases)) return newestOfList.get(releases);
  let best: ReleaseDate | undefined;
  for (const r of releases) if (!best || r.modified.instant > best.instant) best = r.modified;
  newestOfList.set(releases, best);
  return best;
}

/** A page template's data, as the routes see it (the template's own `Data` type is erased here). */
type AnyData = Record<string, unknown>;

export interface PageTemplate {
  /** The module's path relative to the project (`layouts/pages/release.11ty.ts`). */
  file: string;
  page: PageDefinition<AnyData>;
}

export interface PageRoute {
  /** Site path as the permalink gives it (`/1401/02/x/`, `/404.html`), without the base path. */
  url: string;
  template: PageTemplate;
  /** The pagination entry (undefined for a single page). */
  entry: unknown;
  /** The pagination alias the entry is handed under (`entry`). */
  alias?: string;
  /** From the template's `lastModified`. */
  lastModified?: ReleaseDate;
  /** From the template's `noindex`. */
  noindex: boolean;
}

const ALLOWED_DATA_KEYS = new Set(["pagination", "permalink", "eleventyExcludeFromCollections"]);
const ALLOWED_PAGINATION_KEYS = new Set(["data", "size", "alias", "addAllPagesToCollections"]);

/**
 * Why a module is not a Chapar page template (and so stays with Eleventy), or undefined if it is one:
 * it must declare itself with `definePage`, and its data must need nothing from Eleventy.
 */
export function notAPageTemplate(module: Record<string, unknown>): string | undefined {
  const page = module.default as Partial<DefinedPage<AnyData>> | undefined;
  if (typeof page !== "object" || page === null || page[PAGE_MARK] !== true) return "not declared with definePage()";
  const data = page.data as Record<string, unknown> | undefined;
  if (typeof page.render !== "function") return "no render function";
  if (typeof data !== "object" || data === null) return "no data object";
  for (const key of Object.keys(data)) if (!ALLOWED_DATA_KEYS.has(key)) return `data.${key} is Eleventy's business`;
  if (typeof data.permalink !== "string" && typeof data.permalink !== "function") return "no permalink";
  const pagination = data.pagination as Record<string, unknown> | undefined;
  if (pagination !== undefined) {
    for (const key of Object.keys(pagination)) if (!ALLOWED_PAGINATION_KEYS.has(key)) return `pagination.${key} is Eleventy's business`;
    if (pagination.size !== 1) return "pagination size is not 1";
    if (typeof pagination.data !== "string" || !pagination.data.startsWith("chapar.")) return "pagination is not over the chapar data set";
    if (pagination.addAllPagesToCollections === true) return "pagination adds its pages to collections";
  }
  return undefined;
}

export interface TemplateSet {
  /** Templates Chapar renders itself. */
  pages: PageTemplate[];
  /** Template files (relative to the project) left to Eleventy, with the reason. */
  others: { file: string; reason: string }[];
}

/** Imports every `*.11ty.ts` module of `dir` (relative to `root`) and sorts them into Chapar pages and others. */
export async function loadPageTemplates(root: string, dir = "layouts/pages"): Promise<TemplateSet> {
  const set: TemplateSet = { pages: [], others: [] };
  const files = readdirSync(path.join(root, dir))
    .filter((name) => name.endsWith(".11ty.ts"))
    .sort();
  // Imported together: one by one, each waited for its own round trips to tsx's loader thread.
  const modules = await Promise.all(
    files.map((name) => import(pathToFileURL(path.join(root, dir, name)).href) as Promise<Record<string, unknown>>),
  );
  for (const [i, name] of files.entries()) {
    const file = `${dir}/${name}`;
    const module = modules[i]!;
    const reason = notAPageTemplate(module);
    if (reason) set.others.push({ file, reason });
    else set.pages.push({ file, page: module.default as PageDefinition<AnyData> });
  }
  return set;
}

/** `chapar.model.releasePages` → that array of the data set. */
function resolveDataPath(chapar: ChaparData, dataPath: string): unknown[] {
  let value: unknown = { chapar };
  for (const key of dataPath.split(".")) {
    value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
  }
  if (!Array.isArray(value)) throw new Error(`pagination data ${dataPath} is not an array`);
  return value;
}

function templateData(chapar: ChaparData, route: Pick<PageRoute, "entry" | "alias">): Record<string, unknown> {
  return route.alias === undefined ? { chapar } : { chapar, [route.alias]: route.entry };
}

/** Every page the templates make from this data set, in template order then entry order. */
export function pageRoutes(chapar: ChaparData, templates: readonly PageTemplate[]): PageRoute[] {
  const routes: PageRoute[] = [];
  for (const template of templates) {
    const {
      data: { pagination, permalink },
      lastModified,
      noindex,
    } = template.page;
    const entries = pagination ? resolveDataPath(chapar, pagination.data) : [undefined];
    const alias = pagination ? (pagination.alias ?? "pagination") : undefined;
    for (const entry of entries) {
      const at = { entry, ...(alias === undefined ? {} : { alias }) };
      const data = templateData(chapar, at);
      const modified = lastModified?.(data);
      routes.push({
        url: typeof permalink === "string" ? permalink : permalink(data),
        template,
        ...at,
        ...(modified === undefined ? {} : { lastModified: modified }),
        noindex: typeof noindex === "function" ? noindex(data) : noindex === true,
      });
    }
  }
  return routes;
}

/** The page's text, exactly as the template renders it. */
export function renderRoute(chapar: ChaparData, route: PageRoute): string {
  return route.template.page.render(templateData(chapar, route));
}

/** The output file of a site path: `/x/` → `x/index.html`, `/404.html` → `404.html` (as Eleventy writes them). */
export function outputFileOf(url: string): string {
  const rel = url.replace(/^\/+/, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}
