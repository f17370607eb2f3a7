/**
 * Link check over built output (lib/features/link-check.ts): every internal URL in every file of the
 * output — page links, images and srcsets, stylesheet, preloads, scripts, feeds, sitemaps, canonical
 * and Open Graph URLs, CSS url()s — leads to a built file, with and without a base path. Then the
 * checker itself is shown to catch each kind of broken link.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { checkLinks, formatBrokenLinks } from "../../lib/features/link-check.ts";
import { buildOk, copyContent, copyFixture, listOutput, ROOT, tempDir } from "../helpers/build.ts";

/** A copy of a content tree (a fixture's name, or an absolute path) with another site URL. */
function withSiteUrl(content: string, url: string): string {
  const dir = path.isAbsolute(content) ? copyContent(content) : copyFixture(content);
  const file = path.join(dir, "_data/site.json");
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), url }, null, 2));
  return dir;
}

function assertAllResolve(out: string, siteUrl: string): void {
  const result = checkLinks(out, { siteUrl });
  assert.deepEqual(result.broken, [], `broken links:\n${formatBrokenLinks(result.broken)}`);
  const kinds = listOutput(out).filter((f) => /\.(html|xml|json|txt|css)$/.test(f)).length;
  assert.equal(result.files, kinds, "every text file was read");
  assert.ok(result.checked > 100, `only ${result.checked} URLs checked`);
}

describe("every internal URL in the output resolves", () => {
  for (const siteUrl of ["https://example.ir/", "https://example.ir/press/"]) {
    test(`fixture "assets" at ${siteUrl}`, () => {
      const out = buildOk(withSiteUrl("assets", siteUrl)).out;
      assertAllResolve(out, siteUrl);
      // The checker saw the kinds of URL this fixture has (not vacuously green).
      const home = readFileSync(path.join(out, "index.html"), "utf8");
      assert.match(home, /rel="stylesheet"/);
      assert.ok(listOutput(out).some((f) => f.startsWith("assets/images/")));
    });
  }

  for (const siteUrl of [undefined, "https://example.ir/press/"]) {
    test(`the sample site (content/) at ${siteUrl ?? "its own URL"}`, () => {
      const sample = path.join(ROOT, "content");
      const dir = siteUrl ? withSiteUrl(sample, siteUrl) : copyContent(sample);
      const url = (JSON.parse(readFileSync(path.join(dir, "_data/site.json"), "utf8")) as { url: string }).url;
      assertAllResolve(buildOk(dir).out, url);
    });
  }
});

describe("the checker catches broken links", () => {
  const page = (body: string, head = "") =>
    `<!doctype html><html lang="fa"><head><title>t</title>${head}</head><body><main id="main">${body}</main></body></html>`;

  function site(files: Record<string, string>): string {
    const dir = path.join(tempDir("chapar-links-"), "dist");
    for (const [file, contents] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), contents);
    }
    return dir;
  }

  test("each kind of broken URL is reported; good ones are not", () => {
    const dir = site({
      "index.html": page(
        `<a href="/a/">ok</a> <a href="/missing/">x</a> <a href="a/#top">ok</a> <a href="/a/#nowhere">x</a> <a href="#main">ok</a>
<img src="/img/1.jpg" srcset="/img/1.jpg 480w, /img/2.jpg 960w" alt=""> <a href="https://other.example/x">external</a>
<a href="mailto:a@b.ir">mail</a> <a href="https://example.ir/feed.xml">x</a>`,
        `<link rel="stylesheet" href="/s.css"><link rel="canonical" href="https://example.ir/">`,
      ),
      "a/index.html": page(`<h2 id="top">t</h2>`),
      "img/1.jpg": "jpeg",
      "s.css": `@font-face{src:url(fonts/f.woff2)}`,
      "sitemap.xml": `<urlset><url><loc>https://example.ir/a/</loc></url><url><loc>https://example.ir/gone/</loc></url></urlset>`,
      "404.html": page(`<a href="a/">relative</a> <a href="/a/">ok</a>`),
      _headers: "/*\n  X: y\n",
    });
    const { broken } = checkLinks(dir, { siteUrl: "https://example.ir/" });
    const found = broken.map((b) => `${b.file} ${b.url}`).sort();
    assert.deepEqual(found, [
      "404.html a/",
      "index.html /a/#nowhere",
      "index.html /img/2.jpg",
      "index.html /missing/",
      "index.html https://example.ir/feed.xml",
      "s.css fonts/f.woff2",
      "sitemap.xml https://example.ir/gone/",
    ]);
  });

  test("with a base path, a link that leaves it is broken", () => {
    const dir = site({
      "index.html": page(
        `<a href="/press/">ok</a> <a href="/">x</a> <a href="/a/">x</a> <img src="/press/i.png" alt=""> <a href="https://example.ir/shop/">the office's own site</a>`,
      ),
      "i.png": "png",
    });
    const { broken } = checkLinks(dir, { siteUrl: "https://example.ir/press/" });
    assert.deepEqual(
      broken.map((b) => [b.url, b.reason]),
      [
        ["/", "outside the base path /press/"],
        ["/a/", "outside the base path /press/"],
      ],
    );
  });

  test("Persian paths, raw or percent-encoded, resolve to their folders", () => {
    const encoded = encodeURI("/tag/هم‌اندیشی/");
    const dir = site({
      "index.html": page(`<a href="/tag/هم‌اندیشی/">raw</a> <a href="${encoded}">encoded</a>`),
      "tag/هم‌اندیشی/index.html": page("t"),
      "feed.xml": `<feed><link href="https://example.ir${encoded}"/></feed>`,
    });
    assert.deepEqual(checkLinks(dir, { siteUrl: "https://example.ir/" }).broken, []);
  });
});
