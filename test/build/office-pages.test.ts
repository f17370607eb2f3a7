/**
 * The office's own pages (content/pages/*.md) built by Eleventy's Markdown templates in Chapar's
 * layout, and the office developer's extension folder (extend/): checked on the parsed output.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { checkLinks } from "../../lib/features/link-check.ts";
import { build, buildOk, copyFixture, FIXTURES, listOutput, readPage, runScript, tempDir, text } from "../helpers/build.ts";

const SITE_URL = "https://example.ir/press/";

describe("office pages", () => {
  let out: string;
  before(() => {
    out = buildOk(copyFixture("office-pages")).out;
  });

  test("a page is rendered from its Markdown in Chapar's shell", () => {
    const doc = readPage(out, "/about/");
    assert.equal(doc.documentElement.getAttribute("lang"), "fa");
    assert.equal(doc.documentElement.getAttribute("dir"), "rtl");
    assert.equal(text(doc.querySelector("title")), "درباره‌ی ما | سایت آزمایشی صفحه‌ها");
    assert.equal(doc.querySelector('meta[name="description"]')?.getAttribute("content"), "معرفی مؤسسه‌ی آزمایشی");
    assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), `${SITE_URL}about/`);
    assert.equal(text(doc.querySelector("main h1")), "درباره‌ی ما");
    // Chapar's render transforms: Persian digits in prose.
    assert.match(text(doc.querySelector("main .release-body p")), /۱۳۸۶/);
    // A root link gets the base path.
    assert.ok(doc.querySelector('main a[href="/press/privacy/"]'));
    assert.ok(doc.querySelector("footer.site-footer"));
  });

  test("raw HTML and template syntax in a page are shown as text, never run", () => {
    const html = readFileSync(path.join(out, "about/index.html"), "utf8");
    const doc = readPage(out, "/about/");
    assert.equal(doc.querySelectorAll("main script").length, 0);
    assert.match(html, /&lt;script&gt;alert\(&quot;office&quot;\)&lt;\/script&gt;/);
    assert.match(text(doc.querySelector("main")), /\{\{ "liquid" \| upcase \}\} \{% raw %\}/);
  });

  test("nav: true pages are in every page's header, in their order; others are not", () => {
    for (const sitePath of ["/", "/about/", "/privacy/", "/1403/01/nowruz/"]) {
      const links = [...readPage(out, sitePath).querySelectorAll(".site-nav a")].map((a) => a.getAttribute("href"));
      assert.deepEqual(links.slice(-2), ["/press/media-kit/", "/press/about/"], sitePath);
      assert.ok(!links.includes("/press/privacy/"), sitePath);
    }
    assert.equal(readPage(out, "/about/").querySelector('.site-nav a[aria-current="page"]')?.getAttribute("href"), "/press/about/");
  });

  test("the permalink defaults to the file's name; pages are in the sitemap; links resolve", () => {
    assert.equal(text(readPage(out, "/media-kit/").querySelector("main h1")), "بسته‌ی رسانه‌ای");
    const sitemap = readFileSync(path.join(out, "sitemap.xml"), "utf8");
    for (const page of ["about/", "media-kit/", "privacy/"]) assert.ok(sitemap.includes(`<loc>${SITE_URL}${page}</loc>`), page);
    assert.deepEqual(checkLinks(out, { siteUrl: SITE_URL }).broken, []);
  });
});

describe("office page errors", () => {
  test("bad front matter, collisions and escapes are reported together, in Persian, and nothing is written", () => {
    const content = copyFixture("office-pages");
    const pages = path.join(content, "pages");
    writeFileSync(path.join(pages, "no-title.md"), `---\nnav: true\ndescription: "بی‌عنوان"\n---\nمتن.\n`);
    writeFileSync(path.join(pages, "bad-nav.md"), `---\ntitle: "صفحه"\nnav: "yes"\ncolour: red\n---\nمتن.\n`);
    writeFileSync(path.join(pages, "search.md"), `---\ntitle: "جست‌وجوی ما"\npermalink: /search/\n---\nمتن.\n`);
    writeFileSync(path.join(pages, "twin.md"), `---\ntitle: "دوقلو"\n\npermalink: /about/\n---\nمتن.\n`);
    writeFileSync(path.join(pages, "release.md"), `---\ntitle: "هم‌نشانی خبر"\npermalink: /1403/01/nowruz/\n---\nمتن.\n`);
    writeFileSync(path.join(pages, "escape.md"), `---\ntitle: "بیرون"\npermalink: /../../etc/\n---\nمتن.\n`);
    const outside = path.join(tempDir("chapar-outside-"), "secret.md");
    writeFileSync(outside, `---\ntitle: "راز"\n---\nمتن بیرونی.\n`);
    symlinkSync(outside, path.join(pages, "linked.md"));
    const out = path.join(tempDir(), "dist");
    const result = build(content, { out });
    assert.notEqual(result.code, 0);
    const err = result.stderr;
    assert.match(err, /pages\/no-title\.md:1:1 {2}فیلد «title»: عنوان \(title\) لازم است/);
    assert.match(err, /pages\/bad-nav\.md:3:1 {2}فیلد «nav»: nav باید true یا false باشد \(مقدار فعلی: «yes»\)/);
    assert.match(err, /pages\/bad-nav\.md:4:1 {2}فیلد «colour»: این فیلد شناخته نشد/);
    assert.match(err, /pages\/search\.md:3:1 {2}فیلد «permalink»: نشانی \/search\/ از آنِ صفحه‌های خود چاپار است/);
    assert.match(err, /pages\/twin\.md:4:1 {2}فیلد «permalink»: نشانی \/about\/ با «pages\/about\.md» یکی شده است/);
    assert.match(err, /pages\/release\.md:3:1 {2}فیلد «permalink»: نشانی \/1403\/01\/nowruz\/ از آنِ صفحه‌های خود چاپار است/);
    assert.match(err, /pages\/escape\.md:3:1 {2}فیلد «permalink»: نشانی \(permalink\) باید با \/ شروع و تمام شود/);
    assert.ok(err.includes(`pages/linked.md  «pages/linked.md» پیوندی (symlink) به «${outside}» است که بیرون از پوشه‌ی محتواست`));
    assert.ok(!err.includes("متن بیرونی"));
    assert.equal(existsSync(out), false, "nothing may be written");
    // `npm run check` reports the same problems, with the releases' in the same round.
    writeFileSync(path.join(content, "releases/1403/nowruz.md"), `---\ndate: "1403-01-01"\ncategory: culture\n---\nمتن.\n`);
    const check = runScript("scripts/check.ts", [], { CHAPAR_CONTENT: content });
    assert.notEqual(check.code, 0);
    const reported = `${check.stdout}\n${check.stderr}`;
    assert.match(reported, /releases\/1403\/nowruz\.md.*فیلد «title»/);
    assert.match(reported, /pages\/twin\.md:4:1 {2}فیلد «permalink»/);
    assert.ok(reported.includes("pages/linked.md  «pages/linked.md» پیوندی (symlink) به"));
  });

  test("pages get the releases' typography lint", () => {
    const content = copyFixture("office-pages");
    writeFileSync(path.join(content, "pages/books.md"), `---\ntitle: "کتاب ها"\n---\nمتن.\n`);
    const check = runScript("scripts/check.ts", [], { CHAPAR_CONTENT: content });
    assert.match(`${check.stdout}\n${check.stderr}`, /pages\/books\.md:2:9 {2}«ها» با نیم‌فاصله.*\[zwnj-plural\]/);
  });

  test("a pages folder that links outside the content folder is refused", () => {
    const content = copyFixture("office-pages");
    const elsewhere = path.join(tempDir("chapar-outside-"), "pages");
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, "secret.md"), `---\ntitle: "راز"\n---\nمتن.\n`);
    const linked = path.join(tempDir("chapar-content-"), "content");
    copyFixtureWithout(content, linked);
    symlinkSync(elsewhere, path.join(linked, "pages"));
    const result = build(linked, { out: path.join(tempDir(), "dist") });
    assert.notEqual(result.code, 0);
    assert.ok(result.stderr.includes(`pages  «pages» پیوندی (symlink) به «${elsewhere}» است که بیرون از پوشه‌ی محتواست`), result.stderr);
  });
});

/** A copy of a content folder without its pages/ (to put a symlink in its place). */
function copyFixtureWithout(from: string, to: string): void {
  for (const file of listOutput(from).filter((f) => !f.startsWith("pages/"))) {
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    writeFileSync(path.join(to, file), readFileSync(path.join(from, file)));
  }
}

describe("extension folder", () => {
  test("extend-head, extend-footer and a header override appear on release and office pages", () => {
    const { out } = buildOk(copyFixture("office-pages"), { env: { CHAPAR_EXTEND: path.join(FIXTURES, "extend") } });
    for (const sitePath of ["/1403/01/nowruz/", "/about/", "/"]) {
      const doc = readPage(out, sitePath);
      assert.equal(
        doc.querySelector('head meta[name="google-site-verification"]')?.getAttribute("content"),
        "chapar-extend-test",
        sitePath,
      );
      assert.equal(text(doc.querySelector("header.office-header")), "سربرگ ویژه‌ی دفتر", sitePath);
      assert.equal(doc.querySelector("header.site-header"), null, sitePath);
      assert.equal(text(doc.querySelector("footer.site-footer .office-footer-note")), "یادداشت پانویس دفتر", sitePath);
    }
  });
});
