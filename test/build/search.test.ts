/**
 * The search index and page as built (no browser): what Pagefind indexed, that displayed pages keep
 * their spelling, one `lang` site-wide, and that only the search page has a script.
 * (test/browser/search.test.ts types queries into the page.)
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { before, describe, test } from "node:test";
import { indexForSearch, SearchIndexError } from "../../lib/features/search.ts";
import { createChaparData } from "../../lib/site/data.ts";
import { buildOk, FIXED_NOW, FIXTURES, listOutput, readPage, tempDir, text, type BuildResult } from "../helpers/build.ts";

const ZWNJ = "\u200c";
const PUBLISHED = [
  "/1402/05/control/",
  "/1402/08/spaced/",
  "/1402/09/book-week/",
  "/1402/11/latin-digits/",
  "/1404/01/persian-digits/",
  "/1404/02/zwnj/",
  "/1404/03/joined/",
  "/1404/04/نمایشگاه-کتاب-کودکان/",
];

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** The index's shards (one folder per Jalali year), as the search page lists them. */
function shardsOf(out: string): string[] {
  const form = readPage(out, "/search/").querySelector("form[data-pagefind-shards]");
  return (form?.getAttribute("data-pagefind-shards") ?? "").split(" ").filter(Boolean);
}

/** Pagefind's per-page records of every shard: gzip, a `pagefind_dcd` signature, then JSON. */
function fragments(out: string): Fragment[] {
  return shardsOf(out).flatMap((shard) => {
    const dir = path.join(out, "pagefind", shard, "fragment");
    return readdirSync(dir).map((f) => {
      const raw = gunzipSync(readFileSync(path.join(dir, f))).toString("utf8");
      assert.ok(raw.startsWith("pagefind_dcd"), f);
      return JSON.parse(raw.slice("pagefind_dcd".length)) as Fragment;
    });
  });
}

let site: BuildResult;
before(() => {
  site = buildOk(path.join(FIXTURES, "search"));
});

describe("search index", () => {
  test("holds exactly the published releases, one shard per Jalali year: no drafts, scheduled, withdrawn or list pages", () => {
    // Newest first: the first shard is the one the page loads Pagefind's WebAssembly from.
    assert.deepEqual(shardsOf(site.out), ["1404", "1402"]);
    assert.deepEqual(
      listOutput(path.join(site.out, "pagefind")).filter((f) => !f.includes("/")),
      ["pagefind.js"],
    );
    let pages = 0;
    for (const shard of shardsOf(site.out)) {
      const entry = JSON.parse(readFileSync(path.join(site.out, "pagefind", shard, "pagefind-entry.json"), "utf8")) as {
        languages: Record<string, { page_count: number }>;
      };
      // One language: mixed lang values would split the index.
      assert.deepEqual(Object.keys(entry.languages), ["fa"]);
      pages += entry.languages.fa!.page_count;
    }
    assert.equal(pages, PUBLISHED.length);
    for (const f of fragments(site.out)) assert.ok(decodeURI(f.url).startsWith(`/${f.url.split("/")[1]}/`));
    // Pagefind's CLI percent-encodes what isn't ASCII in a page's path (a link works either way).
    assert.deepEqual(
      fragments(site.out)
        .map((f) => decodeURI(f.url))
        .sort(),
      [...PUBLISHED].sort(),
    );
    assert.ok(fragments(site.out).some((f) => f.url === encodeURI("/1404/04/نمایشگاه-کتاب-کودکان/")));
  });

  test("indexed text is folded (no ZWNJ, Persian letters, Latin digits); result metadata keeps the spelling", () => {
    const byUrl = new Map(fragments(site.out).map((f) => [f.url, f]));
    for (const f of byUrl.values()) {
      assert.doesNotMatch(f.content, /[\u200c\u064a\u0643\u06f0-\u06f9]/, f.url);
    }
    const zwnj = byUrl.get("/1404/02/zwnj/")!;
    assert.match(zwnj.content, /هماندیشی/);
    assert.equal(zwnj.meta.title, `نشست هم${ZWNJ}اندیشی مدیران موزه${ZWNJ}ها`);
    assert.equal(zwnj.meta.excerpt, `مدیران موزه${ZWNJ}ها در نخستین نشست هم${ZWNJ}اندیشی گرد آمدند.`);
    assert.equal(zwnj.meta.category, "موزه");
    assert.match(zwnj.meta.date!, /۱۰ اردیبهشت ۱۴۰۴$/);
    assert.match(byUrl.get("/1402/11/latin-digits/")!.content, /\b1403\b/);
    assert.match(byUrl.get("/1404/01/persian-digits/")!.content, /\b1403\b/);
    // Without a summary, the excerpt is the start of the body, as written.
    assert.equal(byUrl.get("/1402/08/spaced/")!.meta.excerpt, `جلسه${ZWNJ}ی هم اندیشی هنرمندان جوان در تالار شهر برگزار شد.`);
  });

  test("the boilerplate shared by every release (data-pagefind-ignore) is not indexed", () => {
    for (const f of fragments(site.out)) assert.doesNotMatch(f.content, /دربارهنما/, f.url);
  });

  test("the pages themselves keep ZWNJ and Latin digits (the fixture turns persianDigits off)", () => {
    assert.equal(text(readPage(site.out, "/1404/02/zwnj/").querySelector("h1")), `نشست هم${ZWNJ}اندیشی مدیران موزه${ZWNJ}ها`);
    assert.match(text(readPage(site.out, "/1402/11/latin-digits/").querySelector(".release-body")), /1403/);
  });

  test("only what the search page uses of Pagefind's bundle is shipped: one pagefind.js, one WebAssembly module", () => {
    const files = listOutput(path.join(site.out, "pagefind"));
    assert.deepEqual(
      files.filter((f) => /(^|\/)pagefind\.js$/.test(f)),
      ["pagefind.js"],
    );
    // In the first shard, the primary one (the merged shards use its module).
    assert.deepEqual(
      files.filter((f) => /wasm\.[a-z]+\.pagefind$/.test(f)).map((f) => f.replace(/wasm\.[a-z]+/, "wasm")),
      ["1404/wasm.pagefind"],
    );
    assert.deepEqual(
      files.filter((f) => /ui|highlight|worker|playground/.test(f)),
      [],
    );
  });
});

describe("search page", () => {
  test("a GET form labelled in Persian, to itself, with a note for readers without JavaScript", () => {
    const doc = readPage(site.out, "/search/");
    const form = doc.querySelector('form[role="search"]')!;
    assert.equal(form.getAttribute("action"), "/search/");
    assert.equal(form.getAttribute("method"), "get");
    assert.equal(form.getAttribute("data-pagefind-bundle"), "/pagefind/");
    assert.equal(form.getAttribute("data-pagefind-shards"), "1404 1402");
    const input = form.querySelector("input[name=q]")!;
    assert.equal(text(form.querySelector(`label[for="${input.getAttribute("id")}"]`)), "واژه‌های جستجو");
    assert.match(text(doc.querySelector("noscript")), /جاوااسکریپت/);
    assert.equal(doc.documentElement.getAttribute("lang"), "fa");
  });

  test("its script is a hashed file of this site (never inline)", () => {
    const doc = readPage(site.out, "/search/");
    const scripts = [...doc.querySelectorAll("script")].filter((s) => s.getAttribute("type") !== "application/ld+json");
    assert.equal(scripts.length, 1);
    const src = scripts[0]!.getAttribute("src")!;
    assert.match(src, /^\/assets\/search\.[0-9a-f]{10}\.js$/);
    assert.equal(scripts[0]!.getAttribute("type"), "module");
    const code = readFileSync(path.join(site.out, src), "utf8");
    assert.match(code, /pagefind\.js/);
  });

  test("every other page ships no JavaScript, and every page has one lang value and a link to search", () => {
    for (const file of listOutput(site.out).filter((f) => f.endsWith(".html"))) {
      const doc = readPage(site.out, `/${file}`);
      assert.equal(doc.documentElement.getAttribute("lang"), "fa", file);
      const scripts = [...doc.querySelectorAll("script")].filter((s) => s.getAttribute("type") !== "application/ld+json");
      if (file === "search/index.html") continue;
      assert.deepEqual(
        scripts.map((s) => s.outerHTML),
        [],
        file,
      );
      assert.ok(doc.querySelector('header a[href="/search/"]'), `${file}: no link to /search/ in the header`);
    }
  });

  test("under a base path the form, the bundle and the script live inside it", () => {
    const content = path.join(tempDir("chapar-content-"), "search");
    mkdirSync(content);
    for (const f of listOutput(path.join(FIXTURES, "search"))) {
      const target = path.join(content, f);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(path.join(FIXTURES, "search", f)));
    }
    const siteFile = path.join(content, "_data/site.json");
    writeFileSync(siteFile, readFileSync(siteFile, "utf8").replace('"https://example.ir/"', '"https://example.ir/press/"'));
    const built = buildOk(content);
    const doc = readPage(built.out, "/search/");
    const form = doc.querySelector('form[role="search"]')!;
    assert.equal(form.getAttribute("action"), "/press/search/");
    assert.equal(form.getAttribute("data-pagefind-bundle"), "/press/pagefind/");
    assert.match(doc.querySelector("script[src]")!.getAttribute("src")!, /^\/press\/assets\/search\.[0-9a-f]{10}\.js$/);
    assert.ok(existsSync(path.join(built.out, "pagefind/pagefind.js")));
    // The index stores site paths; the script derives the base from where the bundle is.
    assert.ok(fragments(built.out).every((f) => !f.url.startsWith("/press/")));
  });
});

describe("indexing step", () => {
  test("a site with no published release has no shard: the search page lists none (its script answers «no results» without Pagefind)", () => {
    const content = path.join(tempDir("chapar-content-"), "search");
    for (const f of listOutput(path.join(FIXTURES, "search"))) {
      const target = path.join(content, f);
      mkdirSync(path.dirname(target), { recursive: true });
      const text = readFileSync(path.join(FIXTURES, "search", f), "utf8");
      // Every release a draft: nothing is published.
      const draft = /^draft:.*$/m.test(text) ? text.replace(/^draft:.*$/m, "draft: true") : text.replace(/^---\n/, "---\ndraft: true\n");
      writeFileSync(target, f.endsWith(".md") ? draft : text);
    }
    const built = buildOk(content, { args: ["--allow-empty"] });
    assert.ok(existsSync(path.join(built.out, "search/index.html")));
    assert.deepEqual(shardsOf(built.out), []);
    assert.equal(readPage(built.out, "/search/").querySelector("form")!.getAttribute("data-pagefind-shards"), "");
    assert.equal(existsSync(path.join(built.out, "pagefind")), false);
  });

  test("a release page without data-pagefind-body stops the build with a Persian message", async () => {
    const data = createChaparData({ contentDir: path.join(FIXTURES, "search"), preview: false, now: Date.parse(FIXED_NOW), assets: {} });
    const out = tempDir();
    for (const { release } of data.model.releasePages) {
      const file = path.join(out, release.url, "index.html");
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `<!doctype html><html lang="fa"><body><article><h1>${release.title}</h1></article></body></html>`);
    }
    await assert.rejects(indexForSearch(out, data), (e: unknown) => {
      assert.ok(e instanceof SearchIndexError);
      assert.match(e.message, /نشانه‌ی data-pagefind-body ندارد/);
      assert.match(e.message, /releases\/[a-z-]+\.md/);
      return true;
    });
    assert.equal(existsSync(path.join(out, "pagefind")), false);
  });
});
