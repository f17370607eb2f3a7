/**
 * The page writer: Chapar renders its own page templates (layouts/pages, see lib/site/pages.ts) and
 * writes them itself, instead of handing 10,000+ size-1 paginations to Eleventy.
 *
 * Why: for each paginated page Eleventy clones and proxies the data cascade, computes the permalink
 * through its template machinery, checks the output directory and keeps the page's content in its
 * results — about 0.5 ms and tens of KB per page, which at 10,000 releases was most of the build
 * after the content itself (docs/notes/performance.md has the profiles). The templates are the same
 * modules called with the same `{ chapar, entry }`, so the HTML is byte-identical (a build test
 * compares both ways); Eleventy still runs everything else (feeds, sitemaps, assets, headers and any
 * template that needs Eleventy), and the pages written here are added to Eleventy's `results`, so
 * `eleventy.after` steps that list built pages (the sitemap) see them.
 *
 * Mode `off` (or `CHAPAR_PAGE_WRITER=off` when the configuration gives none) hands every template
 * back to Eleventy (for comparisons and debugging); `skip` writes no pages at all (the dev server
 * renders them on request and runs Eleventy only for everything else).
 */
/// <reference path="./page-files-thread.mjs" />
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { linkPreviousFile, NO_PAGE_REUSE, type PageReuse } from "../cache/page-reuse.ts";
import { recordNestedPhase } from "../perf/timings.ts";
import { folderMaker } from "./asset-files.ts";
import type { ChaparData } from "../site/data.ts";
import { outputFileOf, renderRoute, type PageRoute, type PageTemplate } from "../site/pages.ts";

export interface PageWriterOptions {
  /** The build's data set. */
  data: ChaparData;
  /** Chapar's page templates (lib/site/pages.ts `loadPageTemplates`): Eleventy is told to ignore them. */
  templates: readonly PageTemplate[];
  /** Every page they make from `data` (`pageRoutes`). */
  routes: readonly PageRoute[];
  /**
   * `write`: Chapar writes its pages; `off`: Eleventy renders every template as usual; `skip`: nobody
   * writes them (the dev server). `CHAPAR_PAGE_WRITER` sets it when no option does.
   */
  mode: "write" | "off" | "skip";
  /** Sees the pages as they are rendered (the search step); none by default. */
  observer: PageObserver;
  /**
   * A second thread writes the files while this one renders, when there is a second core and no
   * observer is using it for the pages it watches (the search step). `CHAPAR_THREADS=1` turns it off
   * when no option does. docs/notes/performance.md items 15 and 43.
   */
  writerThread: boolean;
  /** Which pages the previous build's output already holds (lib/cache/page-reuse.ts); none by default. */
  reuse: PageReuse;
}

function modeFromEnv(env: NodeJS.ProcessEnv): PageWriterOptions["mode"] | undefined {
  const value = env.CHAPAR_PAGE_WRITER;
  return value === "off" || value === "skip" || value === "write" ? value : undefined;
}

/** A page as Eleventy lists it in `eleventy.after`'s `results`. */
export interface WrittenPage {
  url: string;
  inputPath: string;
  outputPath: string;
  /** The page's HTML, read back from disk on demand (15,000 pages are not kept in memory). */
  readonly content: string;
}

/**
 * Sees pages as the writer renders them, without reading them back from disk: the search step takes
 * the release pages' text from here, and starts indexing as soon as it has them all.
 */
export interface PageObserver {
  /** Pages the observer needs: rendered before all others (the files written are the same). */
  wants(url: string): boolean;
  /** A wanted page, as rendered. */
  page(url: string, html: string): void;
  /** Every wanted page was handed over. */
  done(): void;
  /**
   * Called once before any page is rendered, with the fingerprint of each page's inputs by URL
   * (lib/cache/page-reuse.ts; absent for pages that have none): an observer that already has what
   * it would make from pages with these inputs stops wanting them, and they need not be rendered.
   */
  plan?(fingerprints: ReadonlyMap<string, string>): void;
}

/** An observer that wants no page (a step with nothing to watch in this build). */
export const NO_PAGES_WANTED: PageObserver = { wants: () => false, page() {}, done() {} };

/** Where rendered pages go: written at once, or handed to a thread that writes them. */
export interface PageFiles {
  /** `file` is absolute; its folder may not exist yet. */
  write(file: string, html: string): void;
  /** Puts the previous build's file `from` at `file` (a hard link, or a copy). */
  link(file: string, from: string): void;
  /** Resolves when every page handed over is on disk; rejects with the first write error. */
  close(): Promise<void>;
}

/** Writes each page at once, on this thread. */
export function pageFilesHere(): PageFiles {
  const makeFolder = folderMaker();
  return {
    write(file, html) {
      makeFolder(file);
      writeFileSync(file, html);
    },
    link(file, from) {
      makeFolder(file);
      linkPreviousFile(from, file);
    },
    close: async () => {},
  };
}

/** Hands pages to the writer thread (lib/features/page-files-thread.mjs) in batches of `batchSize`. */
export function pageFilesOnThread(batchSize = 32): PageFiles {
  // A bare thread: none of the build's --import preloads (Eleventy, tsx…), which would take it half a second to load.
  const worker = new Worker(new URL("./page-files-thread.mjs", import.meta.url), { execArgv: [] });
  let error: string | undefined;
  let closed: () => void = () => {};
  worker.on("message", (message: { error?: string; closed?: boolean }) => {
    if (message.error !== undefined) error ??= message.error;
    if (message.closed) closed();
  });
  const exited = new Promise<void>((_, reject) => {
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`page writer thread stopped (exit code ${code})`)));
  });
  exited.catch(() => undefined);
  let batch: string[] = [];
  const add = (op: "w" | "l", file: string, payload: string) => {
    batch.push(op, file, payload);
    if (batch.length >= 3 * batchSize) {
      worker.postMessage(batch);
      batch = [];
    }
  };
  return {
    write: (file, html) => add("w", file, html),
    link: (file, from) => add("l", file, from),
    async close() {
      if (batch.length > 0) worker.postMessage(batch);
      batch = [];
      worker.postMessage("close");
      try {
        await Promise.race([new Promise<void>((resolve) => (closed = resolve)), exited]);
      } finally {
        await worker.terminate();
      }
      if (error !== undefined) throw new Error(`page writer: ${error}`);
    },
  };
}

/**
 * Writes every page of `routes` (of the data set `chapar`) into `outputDir` through `files`, the
 * pages the observer wants first; returns the pages as Eleventy results. The caller closes `files`
 * (a thread may still be writing) before anything reads the pages from disk.
 */
export function writePages(
  chapar: ChaparData,
  routes: readonly PageRoute[],
  outputDir: string,
  {
    takenUrls = new Set(),
    observer = NO_PAGES_WANTED,
    files = pageFilesHere(),
    reuse = NO_PAGE_REUSE,
  }: { takenUrls?: ReadonlySet<string>; observer?: PageObserver; files?: PageFiles; reuse?: PageReuse } = {},
): WrittenPage[] {
  const fingerprints = routes.map((route) => reuse.fingerprint(route));
  if (observer.plan) {
    const byUrl = new Map<string, string>();
    for (const [index, route] of routes.entries()) if (fingerprints[index] !== undefined) byUrl.set(route.url, fingerprints[index]);
    if (byUrl.size > 0) observer.plan(byUrl);
  }
  // Pages the observer wants come first; `results` keep the template order all the same.
  const first: number[] = [];
  const then: number[] = [];
  for (const [index, route] of routes.entries()) (observer.wants(route.url) ? first : then).push(index);
  if (first.length === 0) observer.done();
  const written: WrittenPage[] = new Array(routes.length);
  const owners = new Map<string, string>();
  try {
    [...first, ...then].forEach((index, position) => {
      const route = routes[index]!;
      const rel = outputFileOf(route.url);
      const previous = owners.get(rel) ?? (takenUrls.has(rel) ? "Eleventy" : undefined);
      if (previous !== undefined) throw new Error(`Output conflict: ${route.template.file} and ${previous} both write ${route.url}`);
      owners.set(rel, route.template.file);
      const outputPath = path.join(outputDir, rel);
      // A page whose inputs are unchanged is the previous build's file (verified), rendered only for the observer.
      const fingerprint = fingerprints[index];
      const reusable = fingerprint === undefined ? undefined : reuse.previousFile(rel, fingerprint);
      if (reusable === undefined || position < first.length) {
        const html = renderRoute(chapar, route);
        if (reusable === undefined) files.write(outputPath, html);
        if (position < first.length) {
          observer.page(route.url, html);
          if (position === first.length - 1) observer.done();
        }
      }
      if (reusable !== undefined) files.link(outputPath, reusable);
      reuse.record(rel, fingerprint, reusable !== undefined);
      written[index] = {
        url: route.url,
        inputPath: `./${route.template.file}`,
        outputPath,
        get content() {
          return readFileSync(outputPath, "utf8");
        },
      };
    });
  } catch (error) {
    files.close().catch(() => undefined); // stop the writer thread; the build reports `error`
    throw error;
  }
  return written;
}

/** Eleventy plugin: takes over Chapar's page templates and writes their pages after Eleventy's own work. */
export function pageWriter(
  eleventyConfig: UserConfig,
  options: Pick<PageWriterOptions, "data" | "templates" | "routes"> & Partial<PageWriterOptions>,
): void {
  const { data, templates, routes } = options;
  const mode = options.mode ?? modeFromEnv(process.env) ?? "write";
  const observer = options.observer ?? NO_PAGES_WANTED;
  const reuse = options.reuse ?? NO_PAGE_REUSE;
  if (mode === "off") return;
  for (const template of templates) eleventyConfig.ignores.add(template.file);
  if (mode === "skip") return;
  // Handlers run one after another in the order they were added, so a later `eleventy.after` step
  // (the sitemap) sees these pages in `results`.
  eleventyConfig.setEventEmitterMode("sequential");
  // The second core writes the files, unless the search step is using it for the pages it watches.
  const writerThread =
    (options.writerThread ?? process.env.CHAPAR_THREADS !== "1") &&
    os.availableParallelism() >= 2 &&
    !routes.some((route) => observer.wants(route.url));
  eleventyConfig.on(
    "eleventy.after",
    async ({ directories, results }: { directories: { output: string }; results: { outputPath: string | false }[] }) => {
      const out = directories.output;
      const taken = new Set<string>();
      for (const r of results) if (typeof r.outputPath === "string") taken.add(path.relative(out, r.outputPath).split(path.sep).join("/"));
      const started = performance.now();
      const files = writerThread ? pageFilesOnThread() : pageFilesHere();
      const written = writePages(data, routes, out, { takenUrls: taken, observer, files, reuse });
      await files.close();
      results.push(...written);
      recordNestedPhase("pages", performance.now() - started);
    },
  );
}
