/**
 * The site's look as built (issue 18): the office's logo and colours from site.json (and a site
 * without them unchanged), the archive as Jalali month grids with the build moment's month marked,
 * list cards with pictures of the lead images, the home page's first release featured.
 */
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { brandCss } from "../../lib/features/brand.ts";
import { buildOk, copyFixture, readPage, ROOT } from "../helpers/build.ts";

const BRAND = { accentColor: "#1d5e3a", accentColorDark: "#8fd3a8" };

function withSettings(content: string, change: (site: Record<string, unknown>) => void): string {
  const file = path.join(content, "_data/site.json");
  const site = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  change(site);
  writeFileSync(file, JSON.stringify(site, null, 2));
  return content;
}

function stylesheetOf(out: string): string {
  const name = readdirSync(path.join(out, "assets")).find((f) => /^main\.[0-9a-f]+\.css$/.test(f));
  assert.ok(name, "the stylesheet is written");
  return readFileSync(path.join(out, "assets", name), "utf8");
}

describe("the office's brand", () => {
  let plainOut: string;
  let brandOut: string;
  before(() => {
    plainOut = buildOk(copyFixture("assets")).out;
    const content = copyFixture("assets");
    mkdirSync(path.join(content, "images"));
    copyFileSync(path.join(ROOT, "content/images/logo.svg"), path.join(content, "images/logo.svg"));
    withSettings(content, (site) => {
      Object.assign(site, BRAND);
      (site.organization as Record<string, unknown>).logo = "images/logo.svg";
    });
    brandOut = buildOk(content).out;
  });

  test("without logo or colours: no logo in the header, and the stylesheet has no brand rules", () => {
    const header = readPage(plainOut, "/").querySelector(".site-header")!;
    assert.equal(header.querySelector("img"), null);
    assert.equal(header.querySelector("a.site-name")?.textContent, "سایت آزمایشی دارایی‌ها");
    assert.ok(!stylesheetOf(plainOut).endsWith(brandCss(BRAND)));
  });

  test("the logo: in the header beside the site name, sized, the organisation's name as alt, published under /media/", () => {
    const link = readPage(brandOut, "/").querySelector(".site-header a.site-name")!;
    const logo = link.querySelector("img.site-logo")!;
    assert.equal(logo.getAttribute("src"), "/media/images/logo.svg");
    // The site name here doesn't say the organisation's name, so the logo does (the sample site's does: alt="").
    assert.equal(logo.getAttribute("alt"), "مؤسسه‌ی آزمایشی دارایی‌ها");
    assert.equal(logo.getAttribute("height"), "44");
    assert.equal(logo.getAttribute("width"), "44", "a square logo is as wide as tall");
    assert.equal(link.textContent?.trim(), "سایت آزمایشی دارایی‌ها");
    assert.ok(existsSync(path.join(brandOut, "media/images/logo.svg")), "the logo file is published where og:image points");
  });

  test("the colours: the same stylesheet with the office's custom properties appended (light, dark, and black on paper)", () => {
    const plain = stylesheetOf(plainOut);
    const branded = stylesheetOf(brandOut);
    assert.equal(branded, plain + brandCss(BRAND));
    assert.match(
      branded,
      /:root\{--color-accent:#1d5e3a;--color-accent-strong:#1d5e3a\}@media \(prefers-color-scheme:dark\)\{:root\{--color-accent:#8fd3a8/,
    );
  });
});

describe("the archive as Jalali month grids", () => {
  let out: string;
  before(() => {
    // The build moment in Tir 1403 (site time zone): a month of a year with releases, without releases of its own.
    out = buildOk(copyFixture("basic"), { env: { CHAPAR_NOW: "1403-04-10 12:00" } }).out;
  });

  test("every year with releases: twelve months in order, Farvardin first; months with releases are links with a Persian count", () => {
    const doc = readPage(out, "/archive/");
    const years = [...doc.querySelectorAll("section.archive-year")];
    assert.deepEqual(
      years.map((y) => y.querySelector("h2 a")?.textContent),
      ["۱۴۰۳", "۱۴۰۲", "۱۴۰۱"],
    );
    for (const year of years) {
      const months = [...year.querySelectorAll("ol.month-grid > li")];
      assert.equal(months.length, 12);
      assert.equal(months[0]!.querySelector(".month-name")?.textContent, "فروردین");
      assert.equal(months[11]!.querySelector(".month-name")?.textContent, "اسفند");
    }
    const y1403 = years[0]!;
    const farvardin = y1403.querySelector("ol.month-grid > li:first-child a.month")!;
    assert.equal(farvardin.getAttribute("href"), "/archive/1403/01/");
    assert.equal(farvardin.querySelector(".month-count")?.textContent, "۱ خبر");
    assert.equal(y1403.querySelector("ol.month-grid")?.getAttribute("aria-label"), "ماه‌های سال ۱۴۰۳");
  });

  test("a month without releases is plain text that says so: no link, nothing focusable", () => {
    const grid = readPage(out, "/archive/").querySelector("section.archive-year ol.month-grid")!;
    const ordibehesht = grid.querySelectorAll("li")[1]!;
    assert.equal(ordibehesht.querySelector("a"), null);
    assert.equal(ordibehesht.querySelector("[tabindex]"), null);
    assert.equal(ordibehesht.querySelector(".month-empty .month-count")?.textContent, "بدون خبر");
  });

  test("the build moment's month is marked, on the archive and on its year page; no other", () => {
    for (const page of ["/archive/", "/archive/1403/"]) {
      const current = [...readPage(out, page).querySelectorAll('[aria-current="date"]')];
      assert.equal(current.length, 1, page);
      assert.equal(current[0]!.querySelector(".month-name")?.textContent, "تیر");
      assert.equal(current[0]!.tagName, "SPAN", "Tir 1403 has no releases: marked, and still not a link");
    }
    assert.equal(readPage(out, "/archive/1401/").querySelector('[aria-current="date"]'), null);
  });

  test("a year page shows its year's grid", () => {
    const doc = readPage(out, "/archive/1401/");
    assert.equal(doc.querySelectorAll("ol.month-grid > li").length, 12);
    assert.equal(doc.querySelectorAll("ol.month-grid a.month").length, 2);
  });
});

describe("cards with pictures", () => {
  let out: string;
  before(() => {
    const content = copyFixture("assets");
    // A second culture release with a picture, older than the concert: the second card of its list.
    writeFileSync(
      path.join(content, "releases/1404/exhibition.md"),
      '---\ntitle: "نمایشگاه عکس تالار"\ndate: "1404-07-01 10:00"\ncategory: culture\nimage: images/hall.jpg\nimageAlt: "تالار"\n---\nمتن.\n',
    );
    out = buildOk(content).out;
  });

  test("home: the newest release featured, with its lead image (loaded at once) and its lead", () => {
    const first = readPage(out, "/").querySelector(".release-list > li:first-child article")!;
    assert.ok(first.classList.contains("release-card-featured"));
    const img = first.querySelector("picture.release-card-image img")!;
    assert.equal(img.getAttribute("alt"), "", "the title link beside it names the release");
    assert.ok(img.getAttribute("width") && img.getAttribute("height"), "width and height reserve the box");
    assert.equal(img.getAttribute("loading"), null);
    assert.ok(first.querySelector(".release-card-summary")?.textContent?.includes("ارکستر جوانان"));
  });

  test("a list page: a thumbnail for a release with a lead image (lazy below the first), a plain text card without one", () => {
    const cards = [...readPage(out, "/category/culture/").querySelectorAll(".release-list article")];
    const [concert, exhibition] = cards;
    assert.ok(concert!.classList.contains("has-thumb"));
    assert.equal(concert!.querySelector(".release-thumb img")?.getAttribute("loading"), null, "the first card is on screen");
    const lazy = exhibition!.querySelector(".release-thumb img")!;
    assert.equal(lazy.getAttribute("loading"), "lazy");
    assert.equal(lazy.getAttribute("decoding"), "async");
    assert.equal(lazy.getAttribute("alt"), "");
    assert.ok(lazy.getAttribute("width") && lazy.getAttribute("height"));
    const month = [...readPage(out, "/archive/1404/08/").querySelectorAll(".release-list article")];
    const workshop = month.find((c) => c.textContent?.includes("کارگاه عروسک‌سازی"))!;
    assert.ok(!workshop.classList.contains("has-thumb"));
    assert.equal(workshop.querySelector("picture, img"), null, "a release without an image stays a text card");
    assert.ok(readPage(out, "/tag/موسیقی/").querySelector(".release-thumb img"), "tag pages show them too");
  });

  test("the related releases under a release stay text only", () => {
    const doc = readPage(out, "/1404/07/exhibition/");
    const related = doc.querySelector(".related");
    if (related) assert.equal(related.querySelector("picture"), null);
  });
});
