/**
 * Search: in every production build, Pagefind indexes the release pages as they are rendered (the
 * page writer hands them over; a worker thread folds them and runs Pagefind's CLI while the rest of
 * the site is written), one bundle per Jalali year (lib/features/search-shards.ts) so that a build
 * indexes only the years whose pages changed; the `/search/` page's script (assets/js/search.ts)
 * loads them all and merges them in the reader's browser.
 *
 * Only the element marked `data-pagefind-body` on release pages is indexed (list pages, drafts and
 * scheduled releases never are — the latter aren't built in production). Persian needs help that
 * Pagefind lacks: the page's text nodes are replaced, in the copy handed to Pagefind only, by their
 * folded search keys (lib/text/search-key.ts, lib/features/search-documents.ts); the site's files are untouched. Result titles,
 * dates and excerpts come from metadata given here with their original spelling, since Pagefind's
 * own excerpt would show the folded keys.
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, buildSync, type BuildOptions } from "esbuild";
import { shardKeyOfInputs, takeShard } from "../cache/search-shard-store.ts";
import { startTsWorker } from "../parallel/ts-worker.ts";
import { formatLongDate } from "../dates/format.ts";
import type { ReleasePage } from "../site/collections.ts";
import type { ChaparData } from "../site/data.ts";
import { NO_PAGES_WANTED, type PageObserver } from "./page-writer.ts";
import type { RenderedReleasePage } from "./search-documents.ts";
import { searchShards, shardOf } from "./search-shards.ts";
import type { SearchWorkerData, SearchWorkerMessage, SearchWorkerResult } from "./search-worker.ts";

export { decodeEntities, foldTextNodes, htmlToText, pagefindBody } from "./search-documents.ts";

export interface SearchOptions {
  /** Folder in the output for Pagefind's bundle (pagefind.js, one folder per shard); a site path segment. */
  bundleDir: string;
  /** Characters of body text used as a result's excerpt when a release has no summary. */
  excerptLength: number;
  /**
   * Pagefind runs at a time (one per shard being indexed). Each takes memory in proportion to its
   * shard (~300 MiB for 1,000 releases) and already uses every core; at 10,000 releases two at once
   * took the cold build's process tree to 1.55 GiB for no gain on two cores, one keeps it near 1.2 GiB
   * (docs/notes/performance.md, item 45).
   */
  indexers: number;
  /**
   * Postings per index chunk in each shard (Pagefind's `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`; 20,000 is
   * its default). A reader's search downloads the chunk holding each of its words from every shard, so
   * smaller chunks cost the reader less — but Pagefind finds a word's extensions and its fallback
   * prefix only in the chunk it loads, so smaller chunks changed which releases a search finds
   * (2,000 and 6,000 both did at 10k; docs/notes/performance.md, item 45). Part of every shard's key.
   */
  chunkSize: number;
  /** Where the build records Pagefind's process (lib/build/output.ts), so that it never outlives a killed build. */
  childRecords?: string;
  /** The shard cache (lib/cache/search-index.ts): its folder, and the code's key; none: every shard is indexed. */
  shardCache?: { folder: string; codeKey: string };
  /** How pages are split into shards (lib/features/search-shards.ts); a test makes one index of all of them with it. */
  shardOf?: (page: ReleasePage) => string;
}

export const defaults: SearchOptions = { bundleDir: "pagefind", excerptLength: 220, indexers: 1, chunkSize: 20_000 };

/** Release pages are handed to the worker in batches of this many (one message each). */
const BATCH = 64;
/** Version of the shard key's recipe: bump when what a shard's bundle depends on changes outside the code key. */
const SHARD_FORMAT = "search-shard-1";

export class SearchIndexError extends Error {}

/** Pagefind's executable from its npm package (the one its Node API runs too). */
function pagefindBinary(): string {
  const require = createRequire(import.meta.url);
  const platform = process.platform === "win32" ? "windows" : process.platform;
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${platform === "windows" ? ".exe" : ""}`);
    } catch {
      // try the next name
    }
  }
  throw new SearchIndexError(
    `نمایه‌ی جستجو ساخته نشد: برنامه‌ی Pagefind برای ${platform}-${process.arch} نصب نیست (npm ci را دوباره اجرا کنید).`,
  );
}

/** The version of the Pagefind binary (its package's), part of every shard's key. */
function pagefindVersion(binary: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(path.dirname(binary), "..", "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export interface SearchIndexResult {
  /** Release pages indexed. */
  pages: number;
  /** Shards of the index (Jalali years), and those Pagefind indexed in this build (the rest came from the cache). */
  shards?: number;
  indexedShards?: string[];
  /** Release pages whose shard was copied by their fingerprints, so the search step didn't need them rendered. */
  pagesNotNeeded?: number;
  /** When Pagefind started, in ms from the process's start, and how long it ran (absent when it didn't). */
  pagefindStart?: number;
  pagefindMs?: number;
}

/** A search index being built alongside the rest of the build. */
export interface SearchIndexJob {
  /** Give to the page writer (`observeWrittenPages`): it hands over release pages as it renders them. */
  readonly observer: PageObserver;
  /**
   * Waits for the bundle in `<outputDir>/<bundleDir>/`. Release pages the observer didn't see (pages
   * Eleventy wrote itself) are read from `outputDir` first. Throws SearchIndexError (Persian message)
   * when a page can't be indexed, so the build stops before the swap.
   */
  finish(): Promise<SearchIndexResult>;
  /** Stops the work and removes what it wrote (the build failed elsewhere). */
  cancel(): Promise<void>;
}

/**
 * Starts the search step: a worker thread sorts release pages into shards as the page writer renders
 * them, and copies or indexes each shard once it is complete (lib/features/search-worker.ts).
 * `CHAPAR_SEARCH=off` skips the index (the benchmark's "without search" build; nothing else changes).
 */
export function startSearchIndex(outputDir: string, data: ChaparData, options: Partial<SearchOptions> = {}): SearchIndexJob {
  const { bundleDir, excerptLength, indexers, chunkSize, childRecords, shardCache } = { ...defaults, ...options };
  const shardFor = options.shardOf ?? shardOf;
  const { site, model, locale } = data;
  // The one language of the index is the pages' `lang` (mixed values would split the index).
  const language = locale.lang;
  if (process.env.CHAPAR_SEARCH === "off") {
    return { observer: NO_PAGES_WANTED, finish: async () => ({ pages: 0 }), cancel: async () => {} };
  }
  const releaseOf = new Map(model.releasePages.map((page) => [page.release.url, page]));
  const shardNames = searchShards(model, shardFor);
  const urlsOf = new Map(shardNames.map((name) => [name, [] as string[]]));
  for (const page of model.releasePages) urlsOf.get(shardFor(page))!.push(page.release.url);
  const seen = new Set<string>();
  const errors: string[] = [];
  const docsDir = `${path.resolve(outputDir)}.search`;
  rmSync(docsDir, { recursive: true, force: true });
  const binary = pagefindBinary();
  const workerData: SearchWorkerData = {
    docsDir,
    bundleDir: path.resolve(outputDir, bundleDir),
    language,
    excerptLength,
    binary,
    shards: shardNames.map((name) => ({ name, urls: urlsOf.get(name)! })),
    indexers: Math.max(1, indexers),
    chunkSize,
    keyPrefix: JSON.stringify([SHARD_FORMAT, pagefindVersion(binary), language, excerptLength, chunkSize, shardCache?.codeKey ?? ""]),
  };
  if (shardCache !== undefined) workerData.store = shardCache.folder;
  /** Shards copied from the cache by their pages' fingerprints (`plan`): their pages aren't wanted. */
  const known = new Set<string>();
  const knownUrls = new Set<string>();
  const damagedBeforehand: string[] = [];
  if (childRecords !== undefined) workerData.childRecords = childRecords;
  const worker = startTsWorker(new URL("./search-worker.ts", import.meta.url), { workerData });
  const result = new Promise<SearchWorkerResult>((resolve, reject) => {
    worker.on("message", (message: SearchWorkerResult) => resolve(message));
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`search worker stopped (exit code ${code})`)));
  });
  result.catch(() => undefined); // awaited by finish(); a cancelled job's rejection is expected
  let batch: RenderedReleasePage[] = [];
  const post = (message: SearchWorkerMessage) => worker.postMessage(message);
  const flush = () => {
    if (batch.length > 0) post({ type: "pages", pages: batch });
    batch = [];
  };
  let ended = false;

  const wanted = () => releaseOf.size - knownUrls.size;
  const observer: PageObserver = {
    // Every release page, but those of shards already copied by their pages' fingerprints.
    wants: (url) => releaseOf.has(url) && !knownUrls.has(url),
    plan(fingerprints) {
      if (shardCache === undefined || seen.size > 0) return;
      const inputsKeys: Record<string, string> = {};
      for (const name of shardNames) {
        const urls = urlsOf.get(name)!;
        const hash = createHash("sha1").update(`${workerData.keyPrefix}\0`);
        let complete = true;
        for (const url of [...urls].sort()) {
          const fingerprint = fingerprints.get(url);
          if (fingerprint === undefined) complete = false;
          hash.update(`${url}\0${fingerprint}\0`);
        }
        if (!complete) continue;
        const inputsKey = hash.digest("base64url");
        inputsKeys[name] = inputsKey;
        const key = shardKeyOfInputs(shardCache.folder, name, inputsKey);
        if (key === undefined) continue;
        const taken = takeShard(shardCache.folder, name, key, path.join(workerData.bundleDir, name));
        if (taken === "damaged") damagedBeforehand.push(name);
        if (taken !== "copied") continue;
        known.add(name);
        for (const url of urls) knownUrls.add(url);
      }
      post({ type: "plan", known: [...known], inputsKeys });
    },
    page(url, html) {
      const entry = releaseOf.get(url);
      if (!entry || seen.has(url) || knownUrls.has(url)) return;
      seen.add(url);
      const { release, category } = entry;
      // The worker takes the indexed part out of the page and makes the excerpt: this thread only sends.
      const rendered: RenderedReleasePage = {
        url: release.url,
        file: release.file,
        page: html,
        title: release.title,
        date: formatLongDate(release.date.instant, site.timeZone, locale),
        category: category.name,
      };
      if (release.summary !== undefined) rendered.summary = release.summary;
      else rendered.bodyHtml = release.html;
      batch.push(rendered);
      if (batch.length >= BATCH) flush();
    },
    done() {
      if (ended) return;
      ended = true;
      flush();
      // Shards are keyed and indexed with their documents in URL order, so the bundle is the same whatever order they came in.
      if (errors.length === 0 && seen.size === wanted()) post({ type: "end" });
    },
  };

  const cancel = async () => {
    await worker.terminate();
    rmSync(docsDir, { recursive: true, force: true });
  };

  return {
    observer,
    cancel,
    async finish() {
      if (!ended) {
        // Pages written by Eleventy itself (CHAPAR_PAGE_WRITER=off), or a caller indexing a folder.
        for (const [url, { release }] of releaseOf) {
          if (seen.has(url) || knownUrls.has(url)) continue;
          let page: string;
          try {
            page = readFileSync(path.join(outputDir, decodeURI(url), "index.html"), "utf8");
          } catch {
            errors.push(`صفحه‌ی خبر ${url} (${release.file}) ساخته نشد و در نمایه‌ی جستجو نیامد.`);
            continue;
          }
          observer.page(url, page);
        }
        observer.done();
      }
      if (errors.length > 0 || seen.size !== wanted()) {
        await cancel();
        if (errors.length === 0) errors.push("همه‌ی صفحه‌های خبر به نمایه‌ی جستجو نرسیدند.");
        throw new SearchIndexError(`نمایه‌ی جستجو ساخته نشد:\n${errors.join("\n")}`);
      }
      let outcome: SearchWorkerResult;
      try {
        outcome = await result;
      } catch (e) {
        await cancel();
        throw new SearchIndexError(`نمایه‌ی جستجو ساخته نشد: ${e instanceof Error ? e.message : String(e)}`);
      }
      await worker.terminate();
      for (const shard of [...damagedBeforehand, ...outcome.damaged]) {
        const folder = shardCache === undefined ? shard : path.join(shardCache.folder, shard);
        console.warn(`نمایه‌ی جست‌وجوی ذخیره‌شده‌ی سال ${shard} ناقص یا خراب بود؛ کنار گذاشته شد و از نو ساخته شد: ${folder}`);
      }
      if (outcome.problems.length > 0 || outcome.errors.length > 0) {
        rmSync(workerData.bundleDir, { recursive: true, force: true });
        const [heading, lines] =
          outcome.problems.length > 0
            ? ["نمایه‌ی جستجو ساخته نشد", outcome.problems]
            : ["نمایه‌ی جستجو ساخته نشد (Pagefind)", outcome.errors];
        throw new SearchIndexError(`${heading}:\n${lines.join("\n")}`);
      }
      const indexResult: SearchIndexResult = {
        pages: outcome.pages + knownUrls.size,
        shards: shardNames.length,
        indexedShards: outcome.indexed,
        pagesNotNeeded: knownUrls.size,
      };
      // For CHAPAR_TIMINGS: when Pagefind started (ms from this process's start) and how long it ran.
      if (outcome.pagefindStarted > 0) {
        indexResult.pagefindStart = Math.round(outcome.pagefindStarted - performance.timeOrigin);
        indexResult.pagefindMs = outcome.pagefindMs;
      }
      return indexResult;
    },
  };
}

/**
 * The search step over pages already written to `outputDir`: indexes its release pages and writes
 * Pagefind's bundle to `<outputDir>/<bundleDir>/`. Returns how many pages were indexed.
 */
export async function indexForSearch(
  outputDir: string,
  data: ChaparData,
  options: Partial<SearchOptions> = {},
): Promise<SearchIndexResult> {
  return startSearchIndex(outputDir, data, options).finish();
}

// ---------------------------------------------------------------------------------------------
// The search page's script, for layouts/pages/search*.11ty.ts.

export interface SearchScript {
  /** Site path with a content hash, e.g. `/assets/search.3f2a9c1b7d.js`. */
  sitePath: string;
  code: string;
}

let script: SearchScript | undefined;
let preparing: Promise<void> | undefined;

/** How the search page's script is bundled (exported for the test that both paths give the same bytes). */
export const searchScriptBuild: BuildOptions & { write: false } = {
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
};

function scriptOf(code: string): SearchScript {
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 10);
  return { sitePath: `/assets/search.${hash}.js`, code };
}

/**
 * assets/js/search.ts bundled for the browser, with the folding code it shares with the build
 * (lib/text/search-key.ts); computed once per process. Synchronous, so a template's permalink can
 * use the hashed name.
 */
export function searchScript(): SearchScript {
  script ??= scriptOf(buildSync(searchScriptBuild).outputFiles[0]!.text);
  return script;
}

/**
 * Bundles the search page's script in esbuild's own process while this one does other work, so that
 * `searchScript()` later finds it ready: the synchronous call waits ~60 ms for esbuild (the build
 * starts this before its check). The same options give the same bytes either way (tested).
 */
export function prepareSearchScript(): Promise<void> {
  preparing ??= build(searchScriptBuild).then((result) => {
    script ??= scriptOf(result.outputFiles[0]!.text);
  });
  return preparing;
}
