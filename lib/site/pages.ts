/**
 * Chapar's page templates as routes: every page a template in `layouts/pages` makes, as
 * `{ url, template, entry }`, and its rendering. Shared by the production page writer
 * (lib/features/page-writer.ts) and the dev server (scripts/dev.ts), so both produce the same HTML
 * from the same modules.
 *
 * A "Chapar page template" is an 11ty.js module in TypeScript whose `data` holds only `permalink` (a
 * string, or a function of `{ chapar, <alias>: entry }`), optionally a size-1 `pagination` over an array
 * of the `chapar` data set (`onePagePer(...)` in layouts/pages/types.ts) and
 * `eleventyExcludeFromCollections`, and whose `render` reads only its argument (not `this`). Such a
 * page needs nothing from Eleventy, so Chapar renders it directly. A template using anything else
 * (layouts, computed data, filters, collections) is left to Eleventy.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ChaparData } from "./data.ts";

/** Template data of a Chapar page, as Eleventy reads it too. */
export interface PageTemplateData {
  pagination?: { data: string; size: number; alias?: string; addAllPagesToCollections?: boolean };
  permalink: string | ((data: Record<string, unknown>) => string);
  eleventyExcludeFromCollections?: boolean;
}

export interface PageTemplate {
  /** The module's path relative to the project (`layouts/pages/release.11ty.ts`). */
  file: string;
  data: PageTemplateData;
  render(data: Record<string, unknown>): string;
}

export interface PageRoute {
  /** Site path as the permalink gives it (`/1401/02/x/`, `/404.html`), without the base path. */
  url: string;
  template: PageTemplate;
  /** The pagination entry (undefined for a single page). */
  entry: unknown;
  /** The pagination alias the entry is handed under (`entry`). */
  alias?: string;
}

const ALLOWED_DATA_KEYS = new Set(["pagination", "permalink", "eleventyExcludeFromCollections"]);
const ALLOWED_PAGINATION_KEYS = new Set(["data", "size", "alias", "addAllPagesToCollections"]);

/** Why a module is not a Chapar page template (and so stays with Eleventy), or undefined if it is one. */
export function notAPageTemplate(module: Record<string, unknown>): string | undefined {
  const data = module.data as Record<string, unknown> | undefined;
  if (typeof module.render !== "function") return "no render function";
  if (/\bthis\b/.test(String(module.render))) return "render uses `this` (Eleventy's filters or shortcodes)";
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
  const modules = await Promise.all(files.map((name) => import(pathToFileURL(path.join(root, dir, name)).href) as Promise<Record<string, unknown>>));
  for (const [i, name] of files.entries()) {
    const file = `${dir}/${name}`;
    const module = modules[i]!;
    const reason = notAPageTemplate(module);
    if (reason) set.others.push({ file, reason });
    else set.pages.push({ file, data: module.data as PageTemplateData, render: module.render as PageTemplate["render"] });
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
    const { pagination, permalink } = template.data;
    const entries = pagination ? resolveDataPath(chapar, pagination.data) : [undefined];
    const alias = pagination ? (pagination.alias ?? "pagination") : undefined;
    for (const entry of entries) {
      const route: PageRoute = { url: "", template, entry, ...(alias === undefined ? {} : { alias }) };
      route.url = typeof permalink === "string" ? permalink : permalink(templateData(chapar, route));
      routes.push(route);
    }
  }
  return routes;
}

/** The page's text, exactly as the template renders it. */
export function renderRoute(chapar: ChaparData, route: PageRoute): string {
  return route.template.render(templateData(chapar, route));
}

/** The output file of a site path: `/x/` → `x/index.html`, `/404.html` → `404.html` (as Eleventy writes them). */
export function outputFileOf(url: string): string {
  const rel = url.replace(/^\/+/, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}
