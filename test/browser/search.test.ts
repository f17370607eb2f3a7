/**
 * Search in a real browser: the search fixture is built with the real build (Pagefind included),
 * served on 127.0.0.1 with the site's own `_headers` (so its Content-Security-Policy applies), and
 * Persian queries are typed into the search box. Each spelling variant must find the same releases.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { buildOk, copyFixture, FIXTURES } from "../helpers/build.ts";
import { assertNoProblems, launchBrowser, openWatchedPage, serveStatic, type StaticServer } from "../helpers/browser.ts";

const ZWNJ = "\u200c";

/** Release URLs of the search fixture, grouped by what should find them. */
const COMPOUND = ["/1404/02/zwnj/", "/1404/03/joined/", "/1402/08/spaced/"];
const BOOK = ["/1404/04/نمایشگاه-کتاب-کودکان/", "/1402/09/book-week/"];
const YEAR_1403 = ["/1404/01/persian-digits/", "/1402/11/latin-digits/"];

/** Served with a strict policy when the build wrote no `_headers` (search must work under CSP anyway). */
const FALLBACK_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

async function serve(out: string, basePath = "/"): Promise<StaticServer> {
  const hasHeaders = existsSync(path.join(out, "_headers"));
  return serveStatic(out, {
    basePath,
    headersFile: hasHeaders,
    ...(hasHeaders ? {} : { headers: { "content-security-policy": FALLBACK_CSP } }),
  });
}

/** Types a query into the search box, submits it, and returns the result links' site paths. */
async function search(page: Page, site: StaticServer, query: string): Promise<string[]> {
  const box = page.getByLabel("واژه‌های جستجو");
  await box.fill("");
  await box.pressSequentially(query);
  await box.press("Enter");
  await page.waitForFunction((q) => document.querySelector<HTMLElement>("#search-results")?.dataset.query === q, query.trim());
  const hrefs = await page.locator("#search-results a").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return hrefs.map((href) => {
    const decoded = decodeURI(href);
    assert.ok(decoded.startsWith(site.basePath), `${decoded} is outside the base path ${site.basePath}`);
    return `/${decoded.slice(site.basePath.length)}`;
  });
}

const sorted = (list: string[]) => [...list].sort();

describe("search in the browser", () => {
  let out: string;
  let site: StaticServer;
  let browser: Browser;

  before(async () => {
    out = buildOk(path.join(FIXTURES, "search")).out;
    site = await serve(out);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test("every spelling variant finds the same releases, and only those", async () => {
    const { page, problems } = await openWatchedPage(browser);
    await page.goto(site.url("/search/"));
    const cases: [string, string[]][] = [
      [`هم${ZWNJ}اندیشی`, COMPOUND], // with ZWNJ
      ["هماندیشی", COMPOUND], // joined
      ["هم اندیشی", COMPOUND], // a space where the ZWNJ belongs
      ["كتاب", BOOK], // Arabic kaf
      ["کتاب", BOOK], // Persian kaf
      ["پيام وزير", BOOK], // Arabic yeh
      ["پیام وزیر", BOOK], // Persian yeh
      ["۱۴۰۳", YEAR_1403], // Persian digits
      ["1403", YEAR_1403], // Latin digits
      ["١٤٠٣", YEAR_1403], // Arabic-Indic digits
    ];
    for (const [query, expected] of cases) {
      assert.deepEqual(sorted(await search(page, site, query)), sorted(expected), `query «${query}»`);
      const status = await page.locator("#search-status").textContent();
      assert.match(status ?? "", new RegExp(`^${["۰", "۱", "۲", "۳", "۴"][expected.length]} خبر`), `status for «${query}»: ${status}`);
    }
    assertNoProblems(problems);
    await page.context().close();
  });

  test("drafts, scheduled and withdrawn releases are never found", async () => {
    const { page, problems } = await openWatchedPage(browser);
    await page.goto(site.url("/search/"));
    // Words only they contain, then words they share with published releases. (Pagefind answers an
    // unknown word with its longest known prefix, so "nothing found" can't be asserted in general;
    // test/build/search.test.ts checks the index holds exactly the published releases.)
    const withheld = ["/1404/05/draft/", "/1405/12/scheduled/", "/1404/06/withdrawn/"];
    for (const word of [`پیش${ZWNJ}نویس${ZWNJ}نما`, `آینده${ZWNJ}نما`, `برداشته${ZWNJ}نما`, `هم${ZWNJ}اندیشی`, "کتاب", "لغو"]) {
      const found = await search(page, site, word);
      assert.deepEqual(
        found.filter((url) => withheld.includes(url)),
        [],
        `«${word}» found ${found.join(", ")}`,
      );
    }
    assertNoProblems(problems);
    await page.context().close();
  });

  test("a result link opens the release (Persian path), and ?q= in the address runs the search", async () => {
    const { page, problems } = await openWatchedPage(browser);
    await page.goto(site.url(`/search/?q=${encodeURIComponent("كتاب كودكان")}`));
    await page.waitForFunction(() => document.querySelector<HTMLElement>("#search-results")?.dataset.query !== undefined);
    assert.equal(await page.getByLabel("واژه‌های جستجو").inputValue(), "كتاب كودكان");
    const link = page.locator("#search-results a").first();
    const title = await link.textContent();
    await link.click();
    await page.waitForURL((url) => decodeURI(url.pathname) === "/1404/04/نمایشگاه-کتاب-کودکان/");
    assert.equal(await page.locator("h1").textContent(), title);
    assertNoProblems(problems);
    await page.context().close();
  });

  test("the header links to the search page; pages other than search load no script", async () => {
    const { page, problems } = await openWatchedPage(browser);
    const scripts: string[] = [];
    page.on("request", (req) => {
      if (req.resourceType() === "script") scripts.push(req.url());
    });
    await page.goto(site.url("/"));
    await page.goto(site.url("/1404/02/zwnj/"));
    assert.deepEqual(scripts, []);
    await page.getByRole("navigation", { name: "پیمایش اصلی" }).getByRole("link", { name: "جستجو" }).click();
    await page.waitForURL(site.url("/search/"));
    assert.ok(
      scripts.some((s) => /\/assets\/search\.[0-9a-f]{10}\.js$/.test(s)),
      scripts.join("\n"),
    );
    assertNoProblems(problems);
    await page.context().close();
  });

  test("without JavaScript: a labelled GET form to the search page and a Persian note", async () => {
    const { page, problems } = await openWatchedPage(browser, { javaScriptEnabled: false });
    await page.goto(site.url("/search/"));
    const form = page.getByRole("search");
    assert.equal(await form.getAttribute("method"), "get");
    const box = page.getByLabel("واژه‌های جستجو");
    await box.fill("کتاب");
    await box.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "کتاب");
    assert.match((await page.locator(".search-note").textContent()) ?? "", /جاوااسکریپت/);
    assert.ok(await page.locator(".search-note").isVisible());
    assert.equal(await page.locator("#search-results li").count(), 0);
    assertNoProblems(problems);
    await page.context().close();
  });
});

describe("search under a base path", () => {
  let site: StaticServer;
  let browser: Browser;

  before(async () => {
    const content = copyFixture("search");
    const siteFile = path.join(content, "_data/site.json");
    const settings = JSON.parse(readFileSync(siteFile, "utf8")) as { url: string };
    settings.url = "https://example.ir/press/";
    writeFileSync(siteFile, JSON.stringify(settings));
    site = await serve(buildOk(content).out, "/press/");
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test("the index loads from the base path and results link inside it", async () => {
    const { page, problems } = await openWatchedPage(browser);
    await page.goto(site.url("/search/"));
    assert.equal(await page.getByRole("search").getAttribute("action"), "/press/search/");
    assert.deepEqual(sorted(await search(page, site, "هم اندیشی")), sorted(COMPOUND));
    assert.ok(site.requests.some((r) => r.path.startsWith("/press/pagefind/pagefind.js") && r.status === 200));
    await page.locator("#search-results a").first().click();
    await page.waitForURL((url) => url.pathname.startsWith("/press/1404/") || url.pathname.startsWith("/press/1402/"));
    assert.equal(await page.locator("article[data-pagefind-body]").count(), 1);
    assertNoProblems(problems);
    await page.context().close();
  });
});
