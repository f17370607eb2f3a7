/**
 * The built site on a real CDN runtime: Cloudflare's local Pages server (`wrangler pages dev`) serves
 * the output of the `assets` fixture, and each kind of URL is fetched to see the headers it really
 * gets — not what `_headers` says. Cloudflare joins the values of every matching rule, so a hashed
 * file must come back with ONE Cache-Control value. Then the same with the site under `/press/`.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { defaults as headerDefaults } from "../../lib/features/headers.ts";
import { strings } from "../../lib/locale/fa.strings.ts";
import { buildOk, copyFixture, listOutput, tempDir } from "../helpers/build.ts";
import { servePages, type LocalPages } from "../helpers/cdn.ts";

const SHORT = headerDefaults.shortCache;
const LONG = headerDefaults.longCache;

const root = buildOk(copyFixture("assets")).out;
const pressContent = copyFixture("assets");
const siteJson = path.join(pressContent, "_data/site.json");
writeFileSync(siteJson, JSON.stringify({ ...JSON.parse(readFileSync(siteJson, "utf8")), url: "https://example.ir/press/" }));
const pressOut = buildOk(pressContent).out;

// A host serves the site under /press/ when its publish folder holds the output in press/ and the
// `_headers` and `_redirects` files (whose rules already carry /press/) at its top — as docs/deploying.md says.
const publish = path.join(tempDir("chapar-publish-"), "public");
mkdirSync(publish);
cpSync(pressOut, path.join(publish, "press"), { recursive: true });
renameSync(path.join(publish, "press/_headers"), path.join(publish, "_headers"));
renameSync(path.join(publish, "press/_redirects"), path.join(publish, "_redirects"));

const files = listOutput(root);
const find = (pattern: RegExp) => {
  const file = files.find((f) => pattern.test(f));
  assert.ok(file, `no file matching ${pattern}`);
  return `/${file}`;
};

let site: LocalPages | undefined;
let pressSite: LocalPages | undefined;

before(async () => {
  [site, pressSite] = await Promise.all([servePages(root), servePages(publish)]);
});
after(async () => {
  await Promise.all([site?.stop(), pressSite?.stop()]);
});

async function get(server: LocalPages | undefined, sitePath: string): Promise<{ status: number; headers: Headers; body: string }> {
  assert.ok(server, "wrangler is not running");
  const response = await fetch(`${server.origin}${encodeURI(sitePath)}`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function assertSecurity(headers: Headers, where: string): void {
  const csp = headers.get("content-security-policy") ?? "";
  assert.match(csp, /(^|; )script-src 'self'(;|$)/, `${where}: CSP ${csp}`);
  assert.doesNotMatch(csp, /unsafe-inline/, where);
  assert.equal(headers.get("x-content-type-options"), "nosniff", where);
  assert.equal(headers.get("referrer-policy"), "strict-origin-when-cross-origin", where);
  assert.equal(headers.get("x-frame-options"), "DENY", where);
  assert.match(headers.get("permissions-policy") ?? "", /camera=\(\)/, where);
}

describe("Cloudflare Pages (wrangler pages dev), site at the root", { timeout: 180_000 }, () => {
  test("pages: short caching and the security headers", async () => {
    for (const sitePath of ["/", "/1404/08/concert/", "/category/culture/", "/archive/1404/"]) {
      const { status, headers } = await get(site, sitePath);
      assert.equal(status, 200, sitePath);
      assert.match(headers.get("content-type") ?? "", /^text\/html/, sitePath);
      assert.equal(headers.get("cache-control"), SHORT, sitePath);
      assertSecurity(headers, sitePath);
      assert.doesNotMatch(headers.get("content-security-policy")!, /wasm-unsafe-eval/, sitePath);
    }
  });

  test("hashed CSS, fonts and images: one immutable Cache-Control for a year", async () => {
    const cases: [string, RegExp][] = [
      [find(/^assets\/main\.[0-9a-f]{10}\.css$/), /^text\/css/],
      [find(/^assets\/fonts\/vazirmatn-fa\.[0-9a-f]{10}\.woff2$/), /^font\/woff2/],
      [find(/^assets\/fonts\/vazirmatn-latin\.[0-9a-f]{10}\.woff2$/), /^font\/woff2/],
      [find(/^assets\/images\/[0-9a-f]{12}-\d+\.avif$/), /^image\/avif/],
      [find(/^assets\/images\/[0-9a-f]{12}-\d+\.webp$/), /^image\/webp/],
      [find(/^assets\/images\/[0-9a-f]{12}-\d+\.jpg$/), /^image\/jpeg/],
    ];
    for (const [sitePath, type] of cases) {
      const { status, headers } = await get(site, sitePath);
      assert.equal(status, 200, sitePath);
      assert.match(headers.get("content-type") ?? "", type, sitePath);
      assert.equal(headers.get("cache-control"), LONG, `${sitePath}: the site-wide value must be detached, not joined`);
      assert.equal(headers.get("x-content-type-options"), "nosniff", sitePath);
    }
  });

  test("the font licence, feeds, sitemaps and robots.txt: short caching", async () => {
    const paths = [
      "/assets/fonts/OFL.txt",
      ...["/feed.xml", "/feed.json", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt"].filter((p) => files.includes(p.slice(1))),
    ];
    for (const sitePath of paths) {
      const { status, headers } = await get(site, sitePath);
      assert.equal(status, 200, sitePath);
      assert.equal(headers.get("cache-control"), SHORT, sitePath);
    }
  });

  test("the search page alone may compile WebAssembly", {
    skip: !files.includes("search/index.html") && "no search page in this build",
  }, async () => {
    const { status, headers } = await get(site, "/search/");
    assert.equal(status, 200);
    const csp = headers.get("content-security-policy") ?? "";
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /,/, "one policy, not two joined");
  });

  test("a missing page gets status 404 with the Persian 404 page", async () => {
    const { status, headers, body } = await get(site, "/1404/08/no-such-release/");
    assert.equal(status, 404);
    assert.match(headers.get("content-type") ?? "", /^text\/html/);
    assert.match(body, /<html lang="fa" dir="rtl">/);
    assert.ok(body.includes(strings.notFoundTitle), "the Persian title");
    assert.match(body, /<meta name="robots" content="noindex">/);
    assertSecurity(headers, "404");
  });

  test("an old URL (a tag whose ZWNJ was dropped) answers 301 to the page's URL now (_redirects)", async () => {
    const old = await get(site, "/tag/هماندیشی/");
    assert.equal(old.status, 301);
    assert.equal(decodeURI(new URL(old.headers.get("location") ?? "", site!.origin).pathname), "/tag/هم-اندیشی/");
    assert.equal((await get(site, "/tag/هم-اندیشی/")).status, 200);
  });

  test("_headers itself is not served", async () => {
    const { status, body } = await get(site, "/_headers");
    assert.notEqual(status, 200);
    assert.ok(!body.includes("Content-Security-Policy"), "the rules are not readable");
  });
});

describe("Cloudflare Pages, site under /press/", { timeout: 180_000 }, () => {
  test("pages short, hashed assets immutable, 404 in Persian — all under /press/", async () => {
    const page = await get(pressSite, "/press/1404/08/concert/");
    assert.equal(page.status, 200);
    assert.equal(page.headers.get("cache-control"), SHORT);
    assertSecurity(page.headers, "/press/ page");
    const css = /href="(\/press\/assets\/main\.[0-9a-f]{10}\.css)"/.exec(page.body)?.[1];
    const font = /href="(\/press\/assets\/fonts\/vazirmatn-fa\.[0-9a-f]{10}\.woff2)"/.exec(page.body)?.[1];
    const image = /srcset="(\/press\/assets\/images\/[^ ]+) /.exec(page.body)?.[1];
    for (const sitePath of [css, font, image]) {
      assert.ok(sitePath, "asset URL in the page");
      const asset = await get(pressSite, sitePath);
      assert.equal(asset.status, 200, sitePath);
      assert.equal(asset.headers.get("cache-control"), LONG, sitePath);
    }
    const missing = await get(pressSite, "/press/no-such-page/");
    assert.equal(missing.status, 404);
    assert.ok(missing.body.includes(strings.notFoundTitle));
    assert.match(missing.body, /href="\/press\/assets\/main\.[0-9a-f]{10}\.css"/, "the 404 page's stylesheet works at any depth");
    const old = await get(pressSite, "/press/tag/هماندیشی/");
    assert.equal(old.status, 301);
    assert.equal(decodeURI(new URL(old.headers.get("location") ?? "", pressSite!.origin).pathname), "/press/tag/هم-اندیشی/");
  });
});
