/** Builds the `basic` fixture once and checks pages, URLs, counts, pagination, archives and escaping. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildOk, FIXTURES, listOutput, readPage, text, type BuildResult } from "../helpers/build.ts";

let site: BuildResult;
before(() => {
  site = buildOk(path.join(FIXTURES, "basic"));
});

const releaseUrls = ["/1401/02/spring/", "/1401/06/autumn/", "/1402/12/last-night/", "/1403/01/nowruz/", "/1403/05/custom-slug/"];

function hrefs(doc: Document, selector: string): string[] {
  return [...doc.querySelectorAll(selector)].map((a) => a.getAttribute("href") ?? "");
}

describe("pages and URLs", () => {
  test("every release has its page at /<jalali-year>/<month>/<slug>/", () => {
    for (const url of releaseUrls) readPage(site.out, url);
  });

  test("the HTML pages are exactly the site's pages: nothing stray, nothing missing", () => {
    const pages = listOutput(site.out).filter((f) => f.endsWith(".html"));
    const expected = [
      "404.html",
      "index.html",
      "page/2/index.html",
      "page/3/index.html",
      ...releaseUrls.map((u) => `${u.slice(1)}index.html`),
      "category/index.html",
      "category/culture/index.html",
      "category/culture/page/2/index.html",
      "category/education/index.html",
      "category/empty/index.html",
      "tag/index.html",
      "tag/نمایشگاه/index.html",
      "tag/نوروز/index.html",
      "tag/هم-اندیشی/index.html",
      "tag/هم-اندیشی/page/2/index.html",
      "archive/index.html",
      "archive/1401/index.html",
      "archive/1401/02/index.html",
      "archive/1401/06/index.html",
      "archive/1402/index.html",
      "archive/1402/12/index.html",
      "archive/1403/index.html",
      "archive/1403/01/index.html",
      "archive/1403/05/index.html",
    ];
    // Other features may add pages (search, …); these must all be there, and no release page may be extra.
    for (const page of expected) assert.ok(pages.includes(page), `missing ${page}`);
    const releasePages = pages.filter((p) => /^\d{4}\/\d{2}\//.test(p));
    assert.deepEqual(releasePages.sort(), releaseUrls.map((u) => `${u.slice(1)}index.html`).sort());
  });

  test('every page is <html lang="fa" dir="rtl"> with landmarks and a skip link first', () => {
    for (const file of listOutput(site.out).filter((f) => f.endsWith(".html"))) {
      const doc = readPage(site.out, `/${file}`);
      const root = doc.documentElement;
      assert.equal(root.getAttribute("lang"), "fa", file);
      assert.equal(root.getAttribute("dir"), "rtl", file);
      assert.ok(doc.querySelector("header"), `${file}: header`);
      assert.ok(doc.querySelector("main#main"), `${file}: main`);
      assert.ok(doc.querySelector("footer"), `${file}: footer`);
      const firstLink = doc.querySelector("body a");
      assert.equal(firstLink?.getAttribute("href"), "#main", `${file}: skip link first`);
      assert.equal(doc.querySelectorAll("h1").length, 1, `${file}: one h1`);
    }
  });

  test("drafts and scheduled releases are not built", () => {
    const all = listOutput(site.out)
      .filter((f) => f.endsWith(".html") || f.endsWith(".xml") || f.endsWith(".json"))
      .map((f) => readFileSync(path.join(site.out, f), "utf8"))
      .join("\n");
    assert.ok(!all.includes("پیش‌نویس محرمانه"));
    assert.ok(!all.includes("خبر آینده"));
    assert.match(site.stdout, /releases\/1403\/draft\.md/);
    assert.match(site.stdout, /releases\/1403\/future\.md/);
  });
});

describe("release page", () => {
  test("title, Jalali date with weekday and real offset, category, tags, body", () => {
    const doc = readPage(site.out, "/1401/02/spring/");
    assert.equal(text(doc.querySelector("h1")), "نمایشگاه بهاری");
    const time = doc.querySelector(".release-meta time");
    assert.equal(time?.getAttribute("datetime"), "2022-05-15T10:30:00+04:30");
    assert.equal(text(time), "یکشنبه ۲۵ اردیبهشت ۱۴۰۱");
    assert.match(text(doc.querySelector(".release-meta")), /ساعت ۱۰:۳۰/);
    assert.equal(doc.querySelector(".release-category a")?.getAttribute("href"), "/category/culture/");
    assert.deepEqual(
      [...doc.querySelectorAll(".release-tags a")].map((a) => text(a)),
      ["هم‌اندیشی", "نمایشگاه"],
    );
    assert.equal(doc.querySelector(".release-body strong")?.textContent, "امروز");
  });

  test("the lead is the summary, or else the first paragraph", () => {
    assert.equal(text(readPage(site.out, "/1403/01/nowruz/").querySelector(".lead")), "خلاصه‌ی دستی پیام نوروزی");
    assert.equal(
      text(readPage(site.out, "/1401/02/spring/").querySelector(".lead")),
      "به گزارش روابط عمومی، نمایشگاه بهاری امروز گشایش یافت.",
    );
  });

  test("newer and older neighbours, and related releases of the same category", () => {
    const doc = readPage(site.out, "/1402/12/last-night/");
    assert.deepEqual(hrefs(doc, ".release-nav a"), ["/1403/01/nowruz/", "/1401/06/autumn/"]);
    assert.deepEqual(hrefs(doc, ".related h3 a"), ["/1403/01/nowruz/", "/1401/02/spring/"]);
  });

  test("front-matter text is escaped: a <script> title shows as text", () => {
    const file = readFileSync(path.join(site.out, "1403/05/custom-slug/index.html"), "utf8");
    assert.ok(!file.includes("<script>alert(1)"));
    const doc = readPage(site.out, "/1403/05/custom-slug/");
    assert.equal(doc.querySelectorAll("main script").length, 0);
    assert.equal(text(doc.querySelector("h1")), 'عنوان با <script>alert(1)</script> & "گیومه"');
    assert.equal(text(doc.querySelector(".lead")), "<b>درشت</b>");
    assert.equal(doc.querySelector(".release-body i"), null, "raw HTML in Markdown is shown as text");
  });

  test("Nowruz just after midnight is in Farvardin of the new year; 23:30 on the last night is not", () => {
    const nowruz = readPage(site.out, "/1403/01/nowruz/").querySelector(".release-meta time");
    assert.equal(nowruz?.getAttribute("datetime"), "2024-03-20T00:15:00+03:30");
    assert.equal(text(nowruz), "چهارشنبه ۱ فروردین ۱۴۰۳");
    const lastNight = readPage(site.out, "/1402/12/last-night/").querySelector(".release-meta time");
    assert.equal(lastNight?.getAttribute("datetime"), "2024-03-19T23:30:00+03:30");
    assert.equal(text(lastNight), "سه‌شنبه ۲۹ اسفند ۱۴۰۲");
  });
});

describe("lists and pagination", () => {
  test("home: newest first, page size from site.json, numbered pages", () => {
    const first = readPage(site.out, "/");
    assert.deepEqual(hrefs(first, ".release-list h3 a"), ["/1403/05/custom-slug/", "/1403/01/nowruz/"]);
    assert.equal(first.querySelector('.pagination a[rel="next"]')?.getAttribute("href"), "/page/2/");
    assert.equal(first.querySelector('.pagination a[rel="prev"]'), null);
    const second = readPage(site.out, "/page/2/");
    assert.deepEqual(hrefs(second, ".release-list h2 a"), ["/1402/12/last-night/", "/1401/06/autumn/"]);
    assert.equal(text(second.querySelector(".pagination-position")), "صفحه‌ی ۲ از ۳");
    const third = readPage(site.out, "/page/3/");
    assert.deepEqual(hrefs(third, ".release-list h2 a"), ["/1401/02/spring/"]);
    assert.equal(third.querySelector('.pagination a[rel="next"]'), null);
  });

  test("categories: index with Persian counts, paginated category pages, empty category", () => {
    const index = readPage(site.out, "/category/");
    const items = [...index.querySelectorAll(".term-list li")].map((li) => text(li));
    assert.match(items[0] ?? "", /^فرهنگی \(۳ خبر\)/);
    assert.match(items[1] ?? "", /^آموزشی \(۲ خبر\)/);
    assert.match(items[2] ?? "", /^بی‌خبر \(۰ خبر\)/);
    const culture = readPage(site.out, "/category/culture/");
    assert.equal(text(culture.querySelector("h1")), "فرهنگی");
    assert.equal(text(culture.querySelector(".term-description")), "خبرهای فرهنگی");
    assert.deepEqual(hrefs(culture, ".release-list h2 a"), ["/1403/01/nowruz/", "/1402/12/last-night/"]);
    assert.deepEqual(hrefs(readPage(site.out, "/category/culture/page/2/"), ".release-list h2 a"), ["/1401/02/spring/"]);
  });

  test("tags: ZWNJ, joined and spaced spellings of one tag are one tag, shown with its ZWNJ", () => {
    const index = readPage(site.out, "/tag/");
    const first = index.querySelector(".term-list li");
    assert.equal(text(first?.querySelector("a")), "هم‌اندیشی");
    assert.equal(first?.querySelector("a")?.getAttribute("href"), "/tag/هم-اندیشی/");
    assert.match(text(first), /\(۳\)/);
    const tag = readPage(site.out, "/tag/هم-اندیشی/");
    assert.equal(text(tag.querySelector("h1")), "برچسب: هم‌اندیشی");
    assert.deepEqual(hrefs(tag, ".release-list h2 a"), ["/1403/01/nowruz/", "/1401/06/autumn/"]);
    assert.deepEqual(hrefs(readPage(site.out, "/tag/هم-اندیشی/page/2/"), ".release-list h2 a"), ["/1401/02/spring/"]);
  });

  test("Jalali archive: years, months with Persian names and counts, month pages; no empty months", () => {
    const archive = readPage(site.out, "/archive/");
    assert.deepEqual(
      [...archive.querySelectorAll(".archive-year h2")].map((h) => text(h)),
      ["۱۴۰۳ (۲ خبر)", "۱۴۰۲ (۱ خبر)", "۱۴۰۱ (۲ خبر)"],
    );
    const y1401 = readPage(site.out, "/archive/1401/");
    // The year's twelve months in calendar order; only those with releases are links.
    assert.deepEqual(
      [...y1401.querySelectorAll(".month-grid a")].map((a) => text(a)),
      ["اردیبهشت ۱ خبر", "شهریور ۱ خبر"],
    );
    assert.deepEqual(hrefs(y1401, ".month-grid a"), ["/archive/1401/02/", "/archive/1401/06/"]);
    const month = readPage(site.out, "/archive/1401/06/");
    assert.equal(text(month.querySelector("h1")), "بایگانی شهریور ۱۴۰۱");
    // 2022-09-21T19:30Z is 23:00 on 30 Shahrivar in Tehran: it belongs to month 06, not 07.
    assert.deepEqual(hrefs(month, ".release-list h2 a"), ["/1401/06/autumn/"]);
    assert.ok(!listOutput(site.out).includes("archive/1401/03/index.html"));
  });

  test("visible numbers use Persian digits; URLs use Latin digits", () => {
    const doc = readPage(site.out, "/archive/1403/");
    const visible = text(doc.querySelector("main"));
    assert.ok(!/[0-9]/.test(visible), `Latin digit in: ${visible}`);
    assert.ok(hrefs(doc, "main a").every((h) => /^[/a-z0-9\u0600-\u06ff-]*$/.test(h)));
  });
});

describe("the lead", () => {
  test("without a summary the first paragraph is the lead once, in place — not repeated above the body", () => {
    const doc = readPage(site.out, "/1401/02/spring/");
    const leads = [...doc.querySelectorAll(".lead")];
    assert.equal(leads.length, 1);
    assert.equal(leads[0]?.parentElement?.classList.contains("release-body"), true);
    assert.equal(doc.querySelectorAll(".release-body p").length, 2);
  });

  test("with a summary the lead stands above the body, which keeps all its paragraphs", () => {
    const doc = readPage(site.out, "/1403/01/nowruz/");
    assert.equal(doc.querySelectorAll(".lead").length, 1);
    assert.equal(doc.querySelector(".release-body .lead"), null);
  });
});
