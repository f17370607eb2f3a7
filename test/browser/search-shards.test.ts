/**
 * The sharded index is as good as one index, in a real browser, on a generated 10,000-release site:
 * the search page as the reader gets it (one Pagefind bundle per Jalali year, merged by
 * `mergeIndex`) and the same page over one Pagefind index of the same folded documents find the
 * same releases for every query of a fixed set (ranking may differ: each shard scores with its own
 * statistics, so only the sets are compared). It also measures what a reader's first query costs
 * both ways — bytes of the search bundle downloaded, and time to the first result — and holds the
 * sharded one to at most 1.5× the single index (a `todo` for now: time is met, bytes are not). The
 * figures are printed to the test log (docs/notes/performance.md, item 45). Runs once: 8.5–15 minutes
 * on a 2-core machine shared with other builds, most of it generating, building and indexing the site
 * twice.
 */
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { corpusDefaults, generateCorpus } from "../../scripts/gen-corpus.ts";
import { indexForSearch } from "../../lib/features/search.ts";
import { createChaparData } from "../../lib/site/data.ts";
import { buildOk, FIXED_NOW, tempDir } from "../helpers/build.ts";
import { launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";

const ZWNJ = "\u200c";
const RELEASES = 10_000;

/** Persian words, ZWNJ/joined/spaced spellings, Arabic ی/ک, Persian and Latin digits, category names, several words. */
const QUERIES = [
  "جشنواره",
  "نمایشگاه",
  "کتابخانه",
  "كتابخانه",
  "خوشنویسی",
  "فرهنگسرا",
  "داوطلبان",
  "شهریار",
  "ورامین",
  `می${ZWNJ}شود`,
  "میشود",
  "می شود",
  `هم${ZWNJ}اندیشی`,
  "هماندیشی",
  "هم اندیشی",
  `برنامه${ZWNJ}ریزی`,
  "برنامهریزی",
  "برنامه ریزی",
  `کتاب${ZWNJ}خوانی`,
  "کتابخوانی",
  "کتاب خوانی",
  "فرهنگی",
  "فرهنگي",
  "داوري",
  "كودكان",
  "۱۴۰۳",
  "1403",
  "۳۰۸",
  "308",
  "66",
  `جشنواره${ZWNJ}ها`,
  "نشر و کتاب",
  `اطلاعیه${ZWNJ}ها`,
  "نمایشگاه عکس",
  "شب شعر",
  "رئیس کتابخانه",
  `کارگاه داستان${ZWNJ}نویسی`,
  "جشن نوروزی",
  "تئاتر کودک",
  "مؤسسه",
];
/**
 * Known gap: a word that some years' pages have and others' don't. Pagefind answers a word that no
 * indexed word starts with by its longest known prefix (PR #315); one index does that only when no
 * page has the word, but a shard without it does it on its own, so those years add pages with the
 * prefix (`1403` → `140`…). Here the sharded search finds every release one index finds, plus those.
 */
const PREFIX_FALLBACK = new Set(["۱۴۰۳", "1403"]);
/** First queries whose download and time are measured (a common word; several words with ZWNJ variants). */
const FIRST_QUERIES = ["جشنواره", `کارگاه داستان${ZWNJ}نویسی`];
const RUNS = 3;

/** Fragment id → release URL, from a bundle's fragment files (every shard's). */
function fragmentUrls(bundle: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const shard of readdirSync(bundle, { withFileTypes: true })) {
    if (!shard.isDirectory()) continue;
    const dir = path.join(bundle, shard.name, "fragment");
    for (const file of readdirSync(dir)) {
      const raw = gunzipSync(readFileSync(path.join(dir, file))).toString("utf8");
      urls.set(file.replace(/\.pf_fragment$/, ""), decodeURI((JSON.parse(raw.slice("pagefind_dcd".length)) as { url: string }).url));
    }
  }
  return urls;
}

/** Every hit of a query as the search page's own code finds it (its module, already loaded by the page), as fragment ids. */
async function hitIds(page: Page, query: string): Promise<string[]> {
  return page.evaluate(async (q) => {
    const script = document.querySelector<HTMLScriptElement>("script[type=module][src]")!.src;
    const form = document.querySelector<HTMLFormElement>("form[data-pagefind-bundle]")!;
    const search = (await import(script)) as {
      loadPagefind(bundle: string, shards: string[], basePath: string): Promise<unknown>;
      searchAll(api: unknown, query: string): Promise<{ id: string }[]>;
    };
    const api = await search.loadPagefind(
      form.dataset.pagefindBundle!,
      (form.dataset.pagefindShards ?? "").split(" ").filter(Boolean),
      form.dataset.basePath ?? "/",
    );
    return (await search.searchAll(api, q)).map((hit) => hit.id);
  }, query);
}

interface FirstQuery {
  bytes: number;
  ms: number;
  requests: number;
}

/** A reader's first query in a fresh browser context (nothing cached): bundle bytes downloaded and time to the first result. */
async function firstQuery(browser: Browser, site: StaticServer, query: string): Promise<FirstQuery> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<number>[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/pagefind/")) bodies.push(response.body().then((b) => b.length));
  });
  const started = performance.now();
  await page.goto(site.url(`/search/?q=${encodeURIComponent(query)}`));
  await page.waitForSelector("#search-results li");
  const ms = performance.now() - started;
  await page.waitForLoadState("networkidle");
  const sizes = await Promise.all(bodies);
  await context.close();
  return { bytes: sizes.reduce((a, b) => a + b, 0), ms, requests: sizes.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe(`search over ${RELEASES.toLocaleString("en")} releases: shards merged in the browser against one index`, () => {
  let sharded: StaticServer;
  let single: StaticServer;
  let browser: Browser;
  let shardedUrls: Map<string, string>;
  let singleUrls: Map<string, string>;
  const started = performance.now();

  before(async () => {
    const work = tempDir("chapar-shards-");
    const content = path.join(work, "content");
    generateCorpus({ count: RELEASES, out: content, ...corpusDefaults });
    const out = buildOk(content, { env: { CHAPAR_CACHE: "off" } }).out;
    // One index of the same pages, folded the same way: the search step with every page in one shard.
    const data = createChaparData({ contentDir: content, preview: false, now: Date.parse(FIXED_NOW), assets: {} });
    await indexForSearch(out, data, { bundleDir: "pagefind-single", shardOf: () => "all" });
    // The same site, its search page naming that one shard and its bundle in the same place.
    const singleRoot = path.join(work, "single");
    mkdirSync(path.join(singleRoot, "search"), { recursive: true });
    for (const name of readdirSync(out)) {
      if (name === "search" || name === "pagefind" || name === "pagefind-single") continue;
      symlinkSync(path.join(out, name), path.join(singleRoot, name));
    }
    symlinkSync(path.join(out, "pagefind-single"), path.join(singleRoot, "pagefind"));
    const searchPage = readFileSync(path.join(out, "search/index.html"), "utf8");
    assert.match(searchPage, /data-pagefind-shards="1404 1403 [0-9 ]+ 1395"/);
    writeFileSync(
      path.join(singleRoot, "search/index.html"),
      searchPage.replace(/data-pagefind-shards="[^"]*"/, 'data-pagefind-shards="all"'),
    );
    sharded = await serveStatic(out, { headersFile: true });
    single = await serveStatic(singleRoot, { headersFile: true });
    shardedUrls = fragmentUrls(path.join(out, "pagefind"));
    singleUrls = fragmentUrls(path.join(out, "pagefind-single"));
    assert.equal(shardedUrls.size, singleUrls.size, "both indexes hold every published release");
    browser = await launchBrowser();
    console.log(`# site generated, built and indexed both ways in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
  after(async () => {
    await browser?.close();
    await sharded?.close();
    await single?.close();
    console.log(`# search-shards browser test: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  });

  test(`${QUERIES.length} queries find the same releases in the shards as in one index`, async () => {
    const open = async (site: StaticServer) => {
      const page = await browser.newPage();
      await page.goto(site.url("/search/"));
      return page;
    };
    const [a, b] = await Promise.all([open(sharded), open(single)]);
    const differing: string[] = [];
    for (const query of QUERIES) {
      const found = (await hitIds(a, query)).map((id) => shardedUrls.get(id)!);
      const expected = (await hitIds(b, query)).map((id) => singleUrls.get(id)!);
      assert.equal(new Set(found).size, found.length, `«${query}»: each release once`);
      const sortedFound = [...found].sort();
      const sortedExpected = [...expected].sort();
      if (PREFIX_FALLBACK.has(query)) {
        const missing = sortedExpected.filter((u) => !found.includes(u));
        assert.deepEqual(missing, [], `«${query}»: every release one index finds`);
        console.log(
          `# «${query}»: ${found.length} releases (one index: ${expected.length}; the extra ones from years without the word, see PREFIX_FALLBACK)`,
        );
        continue;
      }
      if (JSON.stringify(sortedFound) !== JSON.stringify(sortedExpected)) {
        const missing = sortedExpected.filter((u) => !found.includes(u));
        const extra = sortedFound.filter((u) => !expected.includes(u));
        differing.push(
          `«${query}»: ${found.length} vs ${expected.length}; missing ${missing.slice(0, 3).join(" ")}; extra ${extra.slice(0, 3).join(" ")}`,
        );
      }
      console.log(`# «${query}»: ${found.length} releases (one index: ${expected.length})`);
    }
    assert.deepEqual(differing, [], "the same releases for every query");
    await a.close();
    await b.close();
  });

  for (const query of FIRST_QUERIES) {
    // Not met yet in bytes (1.68× and 2.46× measured): every shard sends its own chunk for each word,
    // and smaller chunks, which would fix it, change what Pagefind finds (docs/notes/performance.md, item 45).
    const todo = "bytes over 1.5×: one index chunk per word from every shard";
    test(`a reader's first query «${query}»: sharded ≤ 1.5× one index in bytes and in time to the first result`, { todo }, async () => {
      const runs = { sharded: [] as FirstQuery[], single: [] as FirstQuery[] };
      // Alternated, so that a busy machine weighs on both alike.
      for (let i = 0; i < RUNS; i++) {
        runs.sharded.push(await firstQuery(browser, sharded, query));
        runs.single.push(await firstQuery(browser, single, query));
      }
      const bytes = { sharded: median(runs.sharded.map((r) => r.bytes)), single: median(runs.single.map((r) => r.bytes)) };
      const ms = { sharded: median(runs.sharded.map((r) => r.ms)), single: median(runs.single.map((r) => r.ms)) };
      const requests = { sharded: median(runs.sharded.map((r) => r.requests)), single: median(runs.single.map((r) => r.requests)) };
      console.log(
        `# first query «${query}»: sharded ${(bytes.sharded / 1024).toFixed(0)} KiB in ${requests.sharded} requests, ${ms.sharded.toFixed(0)} ms; ` +
          `one index ${(bytes.single / 1024).toFixed(0)} KiB in ${requests.single} requests, ${ms.single.toFixed(0)} ms ` +
          `(×${(bytes.sharded / bytes.single).toFixed(2)} bytes, ×${(ms.sharded / ms.single).toFixed(2)} time; medians of ${RUNS}; ` +
          `times ${runs.sharded.map((r) => r.ms.toFixed(0)).join("/")} vs ${runs.single.map((r) => r.ms.toFixed(0)).join("/")})`,
      );
      assert.ok(bytes.sharded <= 1.5 * bytes.single, `bytes: ${bytes.sharded} > 1.5 × ${bytes.single}`);
      // Time on a shared machine wobbles: 100 ms of slack over the ratio.
      assert.ok(ms.sharded <= 1.5 * ms.single + 100, `time: ${ms.sharded.toFixed(0)} ms > 1.5 × ${ms.single.toFixed(0)} ms + 100`);
    });
  }
});
