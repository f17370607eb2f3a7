/**
 * The documents Pagefind indexes, one per release page: the page's `data-pagefind-body` element with
 * every text node replaced by its folded search keys (lib/text/search-key.ts), and the result's
 * metadata as readers see it. Pure string work, shared by the build's main thread (which takes the
 * bodies out of the rendered pages) and the search worker (which folds and writes them).
 */
import { escapeHtml } from "../render/html.ts";
import { indexKeys } from "../text/search-key.ts";

/** A rendered release page, as the build's main thread hands it to the search worker. */
export interface RenderedReleasePage {
  /** Site path of the page (no base path). */
  url: string;
  /** The release file, for error messages. */
  file: string;
  /** The whole page. */
  page: string;
  title: string;
  /** The date as displayed. */
  date: string;
  category: string;
  summary?: string;
  /** The release's rendered body, for an excerpt when it has no summary. */
  bodyHtml?: string;
}

/**
 * The search source of a rendered release page, or the Persian message saying why it has none.
 * Without a summary, a result's excerpt is the start of the body text, `excerptLength` characters.
 */
export function searchSourceOf(rendered: RenderedReleasePage, excerptLength: number): SearchSource | string {
  const body = pagefindBody(rendered.page);
  if (body === undefined) {
    return `صفحه‌ی خبر ${rendered.url} (${rendered.file}) نشانه‌ی data-pagefind-body ندارد؛ قالب layouts/pages/release.11ty.ts را بررسی کنید.`;
  }
  const meta: Record<string, string> = {
    title: rendered.title,
    date: rendered.date,
    category: rendered.category,
    excerpt: rendered.summary ?? excerptOf(htmlToText(rendered.bodyHtml ?? ""), excerptLength),
  };
  return { url: rendered.url, file: rendered.file, body, meta };
}

/** A release page's part of the index, before folding. */
export interface SearchSource {
  /** Site path of the page (no base path), e.g. `/1404/02/slug/`. */
  url: string;
  /** The release file, for error messages. */
  file: string;
  /** Outer HTML of the page's `data-pagefind-body` element. */
  body: string;
  /** Result metadata, shown with its original spelling (title, date, category, excerpt). */
  meta: Record<string, string>;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the entities our templates and markdown-it write (named basics and numeric). */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
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
  return decodeEntities(fragment.replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/** The outer HTML of the element carrying `data-pagefind-body`, or undefined if the page has none. */
export function pagefindBody(page: string): string | undefined {
  const marker = page.search(/<[a-z][a-z0-9]*\b[^>]*\sdata-pagefind-body[\s=>]/i);
  if (marker < 0) return undefined;
  const tag = /^<([a-z][a-z0-9]*)/i.exec(page.slice(marker, marker + 32))![1]!.toLowerCase();
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

const SPACE = /\s/;
const ONLY_SPACE = /^\s+$/;

/**
 * The same markup with every text node replaced by its search keys (tags and attributes kept, and
 * the whitespace at a node's edges, so `انتشار: <time>` doesn't become one word).
 */
export function foldTextNodes(fragment: string): string {
  return fragment.replace(/>([^<]+)</g, (_, text: string) => {
    // Half the text nodes of a page are the whitespace between tags: no keys, one space kept.
    if (ONLY_SPACE.test(text)) return "> <";
    // Keys are letters, marks and digits separated by spaces: nothing in them needs escaping.
    const keys = indexKeys(decodeEntities(text));
    const before = SPACE.test(text[0]!) ? " " : "";
    const after = SPACE.test(text[text.length - 1]!) ? " " : "";
    return `>${before}${keys}${keys === "" ? "" : after}<`;
  });
}

/** The start of a text, cut at a word boundary, for a result's excerpt. */
export function excerptOf(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The document Pagefind indexes for one release: its folded body and its metadata as displayed. */
export function indexDocument(source: SearchSource, language: string): string {
  const metaTags = Object.entries(source.meta)
    .map(([key, value]) => `<meta data-pagefind-meta="${key}[content]" content="${escapeHtml(value)}">`)
    .join("");
  return `<!doctype html><html lang="${language}"><head>${metaTags}</head><body>${foldTextNodes(source.body)}</body></html>`;
}
