/**
 * The bundled sample site (`content/`) built with the real build at the fixed test moment, and the
 * page of each page type that the reader tests look at. Where a type has many pages, the largest
 * file is taken: the most content is the likeliest to overflow, and the heaviest release page is
 * the one the weight budget must hold for.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { buildOk, fileFor, listOutput, ROOT } from "./build.ts";

export const SAMPLE_CONTENT = path.join(ROOT, "content");

export interface PageType {
  /** Short name, used in test names and screenshot file names. */
  name: string;
  /** Site path to open. */
  path: string;
  /** HTTP status the server answers with (the 404 page is served for a missing URL). */
  status: number;
}

export interface SampleSite {
  out: string;
  pageTypes: PageType[];
  /** Every release page's site path (withdrawn ones included). */
  releasePaths: string[];
}

const RELEASE = /^\d{4}\/\d{2}\/[^/]+\/index\.html$/;

/** Site path of an output file (`a/b/index.html` → `/a/b/`). */
function sitePathOf(file: string): string {
  return `/${file.replace(/index\.html$/, "")}`;
}

function largest(out: string, files: string[], what: string): string {
  if (files.length === 0) throw new Error(`the sample site has no ${what} page`);
  const sized = files.map((f) => ({ f, size: statSync(path.join(out, f)).size }));
  sized.sort((a, b) => b.size - a.size || (a.f < b.f ? -1 : 1));
  return sitePathOf(sized[0]!.f);
}

/** Builds `content/` into a temp folder and picks one page per page type. */
export function buildSampleSite(): SampleSite {
  const { out } = buildOk(SAMPLE_CONTENT);
  const html = listOutput(out).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
  const matching = (re: RegExp) => html.filter((f) => re.test(f));
  const releases = matching(RELEASE);
  const withdrawn = releases.filter((f) => /<meta name="robots" content="noindex">/.test(readHead(out, f)));
  const published = releases.filter((f) => !withdrawn.includes(f));

  const pageTypes: PageType[] = [
    { name: "home", path: "/", status: 200 },
    { name: "release", path: largest(out, published, "release"), status: 200 },
    ...(withdrawn.length > 0 ? [{ name: "release-withdrawn", path: largest(out, withdrawn, "withdrawn release"), status: 200 }] : []),
    { name: "category-index", path: "/category/", status: 200 },
    { name: "category", path: largest(out, matching(/^category\/[^/]+\/index\.html$/), "category"), status: 200 },
    { name: "tag-index", path: "/tag/", status: 200 },
    { name: "tag", path: largest(out, matching(/^tag\/[^/]+\/index\.html$/), "tag"), status: 200 },
    { name: "archive-index", path: "/archive/", status: 200 },
    { name: "archive-year", path: largest(out, matching(/^archive\/\d{4}\/index\.html$/), "archive year"), status: 200 },
    { name: "archive-month", path: largest(out, matching(/^archive\/\d{4}\/\d{2}\/index\.html$/), "archive month"), status: 200 },
    { name: "search", path: "/search/", status: 200 },
    { name: "404", path: "/no-such-page/", status: 404 },
  ];
  for (const t of pageTypes) {
    if (t.status === 200) statSync(fileFor(out, t.path)); // throws with the path if the page is missing
  }
  return { out, pageTypes, releasePaths: releases.map(sitePathOf) };
}

function readHead(out: string, file: string): string {
  const text = readFileSync(path.join(out, file), "utf8");
  return text.slice(0, text.indexOf("</head>"));
}

/** Files directly in a folder of the output (for the fonts and stylesheet). */
export function filesIn(out: string, folder: string): string[] {
  return readdirSync(path.join(out, folder)).sort();
}
