/**
 * Search: after every production build, Pagefind indexes the release pages of the staged output,
 * and the `/search/` page's script (assets/js/search.ts) queries that index in the reader's browser.
 *
 * Only the element marked `data-pagefind-body` on release pages is indexed (list pages, drafts and
 * scheduled releases never are — the latter aren't built in production). Persian needs help that
 * Pagefind lacks: the page's text nodes are replaced, in the copy handed to Pagefind only, by their
 * folded search keys (lib/text/search-key.ts); the files on disk are untouched. Result titles,
 * dates and excerpts come from metadata given here with their original spelling, since Pagefind's
 * own excerpt would show the folded keys.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import * as pagefind from "pagefind";
import { formatLongDate } from "../dates/format.ts";
import { escapeHtml } from "../render/html.ts";
import type { ChaparData } from "../site/data.ts";
import { indexKeys } from "../text/search-key.ts";

export interface SearchOptions {
  /** Folder in the output for Pagefind's bundle (index, wasm, pagefind.js); a site path segment. */
  bundleDir: string;
  /** Characters of body text used as a result's excerpt when a release has no summary. */
  excerptLength: number;
  /** The one language of the index; must match the pages' `lang` (mixed values split the index). */
  language: string;
}

export const defaults: SearchOptions = { bundleDir: "pagefind", excerptLength: 220, language: "fa" };

/**
 * Left out of the output: Pagefind's ready-made UIs (the search page has its own) and its web worker
 * (the page's script searches on the main thread; see assets/js/search.ts).
 */
const UNUSED_BUNDLE_FILES = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|pagefind-worker\.js|playground\/.*)$/;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the entities our templates and markdown-it write (named basics and numeric). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? " ";
  });
}

/** Text of an HTML fragment: tags become spaces (so words in adjacent blocks don't run together). */
export function htmlToText(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}

/** The outer HTML of the element carrying `data-pagefind-body`, or undefined if the page has none. */
export function pagefindBody(page: string): string | undefined {
  const marker = page.search(/<[a-z][a-z0-9]*\b[^>]*\sdata-pagefind-body[\s=>]/i);
  if (marker < 0) return undefined;
  const tag = /^<([a-z][a-z0-9]*)/i.exec(page.slice(marker))![1]!.toLowerCase();
  // Walk to the matching end tag, counting nested elements of the same name.
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  tags.lastIndex = marker;
  let depth = 0;
  for (let m = tags.exec(page); m; m = tags.exec(page)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return page.slice(marker, m.index + m[0].length);
  }
  return undefined;
}

/**
 * The same markup with every text node replaced by its search keys (tags and attributes kept, and
 * the whitespace at a node's edges, so `انتشار: <time>` doesn't become one word).
 */
export function foldTextNodes(fragment: string): string {
  return fragment.replace(/>([^<]+)</g, (_, text: string) => {
    const keys = indexKeys(decodeEntities(text));
    const before = /^\s/.test(text) ? " " : "";
    const after = /\s$/.test(text) ? " " : "";
    return `>${before}${escapeHtml(keys)}${keys === "" ? "" : after}<`;
  });
}

function excerptOf(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The document Pagefind indexes for one release: its folded body and its metadata as displayed. */
function indexDocument(body: string, meta: Record<string, string>, language: string): string {
  const metaTags = Object.entries(meta)
    .map(([key, value]) => `<meta data-pagefind-meta="${key}[content]" content="${escapeHtml(value)}">`)
    .join("");
  return `<!doctype html><html lang="${language}"><head>${metaTags}</head><body>${foldTextNodes(body)}</body></html>`;
}

export class SearchIndexError extends Error {}

function check(errors: string[], what: string): void {
  if (errors.length > 0) throw new SearchIndexError(`نمایه‌ی جستجو ساخته نشد (${what}):\n${errors.join("\n")}`);
}

/**
 * The build step: indexes the release pages written to `outputDir` and writes Pagefind's bundle to
 * `<outputDir>/<bundleDir>/`. Returns how many pages were indexed. Throws SearchIndexError (Persian
 * message) when a page can't be indexed, so the build stops before the swap.
 * `CHAPAR_SEARCH=off` skips the index (the benchmark's "without search" build; nothing else changes).
 */
export async function indexForSearch(outputDir: string, data: ChaparData, options: Partial<SearchOptions> = {}): Promise<{ pages: number }> {
  if (process.env.CHAPAR_SEARCH === "off") return { pages: 0 };
  const { bundleDir, excerptLength, language } = { ...defaults, ...options };
  const { site, model } = data;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  check(errors, "راه‌اندازی Pagefind");
  if (!index) throw new SearchIndexError("نمایه‌ی جستجو ساخته نشد: Pagefind راه‌اندازی نشد.");
  try {
    // In model order (newest first), so the index is the same on every build of the same input.
    // Pages are sent without waiting for each answer, so Pagefind parses while the next is folded.
    const added: { file: string; result: ReturnType<typeof index.addHTMLFile> }[] = [];
    for (const { release, category } of model.releasePages) {
      const file = path.join(outputDir, decodeURI(release.url), "index.html");
      const body = pagefindBody(readFileSync(file, "utf8"));
      if (body === undefined) throw new SearchIndexError(`صفحه‌ی خبر ${release.url} (${release.file}) نشانه‌ی data-pagefind-body ندارد؛ قالب layouts/pages/release.11ty.ts را بررسی کنید.`);
      const meta: Record<string, string> = {
        title: release.title,
        date: formatLongDate(release.date.instant, site.timeZone),
        category: category.name,
        excerpt: release.summary ?? excerptOf(htmlToText(release.html), excerptLength),
      };
      const result = index.addHTMLFile({ url: release.url, content: indexDocument(body, meta, language) });
      result.catch(() => undefined); // awaited below; if this loop throws first, the service is closed
      added.push({ file: release.file, result });
    }
    for (const { file, result } of added) check((await result).errors, file);
    const files = await index.getFiles();
    check(files.errors, "نوشتن نمایه");
    for (const { path: rel, content } of files.files) {
      if (UNUSED_BUNDLE_FILES.test(rel)) continue;
      const target = path.join(outputDir, bundleDir, rel);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    return { pages: model.releasePages.length };
  } finally {
    await pagefind.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The search page's script, for layouts/pages/search*.11ty.ts.

export interface SearchScript {
  /** Site path with a content hash, e.g. `/assets/search.3f2a9c1b7d.js`. */
  sitePath: string;
  code: string;
}

let script: SearchScript | undefined;

/**
 * assets/js/search.ts bundled for the browser, with the folding code it shares with the build
 * (lib/text/search-key.ts); computed once per process. Synchronous, so a template's permalink can
 * use the hashed name.
 */
export function searchScript(): SearchScript {
  if (script) return script;
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL("../../assets/js/search.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 10);
  script = { sitePath: `/assets/search.${hash}.js`, code };
  return script;
}
