/**
 * Page weight as a CDN would send it: a built HTML file plus the stylesheets it links, each
 * compressed on its own (gzip level 9 and brotli quality 11, as CDNs serve text), fonts and images
 * excluded. Budgets live here so the tests and `npm run audit` report the same numbers.
 */
import { readFileSync, statSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { fileFor } from "./build.ts";

/** Budgets from issue 5, in bytes (1 KB = 1000 B, the stricter reading). */
export const BUDGETS = {
  /** A release page's HTML + CSS, compressed, fonts excluded. */
  releaseHtmlCss: 30_000,
  /** The home page's HTML + CSS, compressed, fonts and images excluded (issue 18: with its cards' pictures). */
  homeHtmlCss: 40_000,
  /** The Persian font file. */
  persianFont: 60_000,
} as const;

export interface CompressedSize {
  raw: number;
  gzip: number;
  brotli: number;
}

export function compressedSize(bytes: Buffer): CompressedSize {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

function add(a: CompressedSize, b: CompressedSize): CompressedSize {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

export interface PageWeight {
  sitePath: string;
  html: CompressedSize;
  /** Site paths of the linked stylesheets. */
  stylesheets: string[];
  css: CompressedSize;
  total: CompressedSize;
  /** `<script>` elements that are not data (`application/ld+json` is data, not JavaScript). */
  scripts: string[];
  /** Other ways a page could run or fetch JavaScript: `on…` attributes, `javascript:` URLs, script preloads. */
  otherJavaScript: string[];
  /** Fonts the page preloads (site paths). */
  preloadedFonts: string[];
}

/** The file of a site path in the output, with the base path removed. */
function outputFile(out: string, href: string, basePath: string): string {
  const pathname = new URL(href, "http://site.invalid/").pathname;
  if (!pathname.startsWith(basePath)) throw new Error(`${href} is outside the base path ${basePath}`);
  return fileFor(out, `/${decodeURIComponent(pathname.slice(basePath.length))}`);
}

/** Weighs one built page (its HTML and linked CSS) and lists anything that would run JavaScript. */
export function pageWeight(out: string, sitePath: string, basePath = "/"): PageWeight {
  const htmlBytes = readFileSync(fileFor(out, sitePath));
  const { document } = parseHTML(htmlBytes.toString("utf8"));
  const stylesheets = [...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => l.getAttribute("href") ?? "");
  let css: CompressedSize = { raw: 0, gzip: 0, brotli: 0 };
  for (const href of stylesheets) css = add(css, compressedSize(readFileSync(outputFile(out, href, basePath))));
  const html = compressedSize(htmlBytes);

  const scripts = [...document.querySelectorAll("script")]
    .filter((s) => (s.getAttribute("type") ?? "").toLowerCase() !== "application/ld+json")
    .map((s) => s.outerHTML.slice(0, 120));
  const otherJavaScript: string[] = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) otherJavaScript.push(`${el.tagName.toLowerCase()} ${attr.name}`);
      if (/^\s*javascript:/i.test(attr.value))
        otherJavaScript.push(`${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 40)}"`);
    }
  }
  for (const link of document.querySelectorAll(
    'link[rel~="modulepreload"], link[rel~="preload"][as="script"], link[rel~="serviceworker"]',
  )) {
    otherJavaScript.push(link.outerHTML);
  }
  const preloadedFonts = [...document.querySelectorAll('link[rel~="preload"][as="font"]')].map((l) => l.getAttribute("href") ?? "");

  return { sitePath, html, stylesheets, css, total: add(html, css), scripts, otherJavaScript, preloadedFonts };
}

/** Size in bytes of a file the site serves (an href as written in the page). */
export function servedFileSize(out: string, href: string, basePath = "/"): number {
  return statSync(outputFile(out, href, basePath)).size;
}

/** `12,345 B (12.3 KB)` */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString("en-US")} B (${(bytes / 1000).toFixed(1)} KB)`;
}
