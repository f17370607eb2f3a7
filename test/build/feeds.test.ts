/**
 * Feeds, sitemaps and robots.txt of the `publishing` fixture, read back with a real XML parser and
 * JSON.parse: entries, order, Tehran offsets, absolute URLs (with and without a base path),
 * escaping, per-category content, and that drafts and scheduled releases never leak.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Release } from "../../lib/content/load.ts";
import { defaults as feedDefaults } from "../../lib/features/feeds.ts";
import { newsReleases, sitemapFiles, type BuiltPage } from "../../lib/features/sitemap.ts";
import { defaults as sitemapDefaults } from "../../lib/features/sitemap.ts";
import { createChaparData } from "../../lib/site/data.ts";
import { toUri } from "../../lib/site/urls.ts";
import { toPersianDigits } from "../../lib/text/digits.ts";
import { buildOk, copyFixture, fileFor, FIXTURES, listOutput, readPage } from "../helpers/build.ts";

/** 1404-09-06 12:00 in Tehran: `recent` (09:00 today) and `image` (yesterday 10:00) are news; `old-news` (49 h) is not. */
const NOW = "2025-11-27T12:00:00+03:30";
const ESCAPE_TITLE = 'عنوان با <تگ> & "گیومه" و </script>';
const BULK = 21;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (name) => ["entry", "category", "link", "url"].includes(name),
});

interface AtomEntry {
  title: { "#text": string } | string;
  link: { "@_href": string; "@_rel": string }[];
  id: string;
  published: string;
  updated: string;
  category: { "@_term": string; "@_label"?: string }[];
  summary?: { "#text": string };
  content: { "#text": string; "@_type": string };
}
interface Atom {
  "@_xml:lang": string;
  title: string;
  id: string;
  updated: string;
  link: { "@_href": string; "@_rel": string }[];
  entry?: AtomEntry[];
}
interface JsonFeed {
  version: string;
  title: string;
  language: string;
  home_page_url: string;
  feed_url: string;
  icon?: string;
  items: {
    id: string;
    url: string;
    title: string;
    content_html: string;
    summary?: string;
    image?: string;
    date_published: string;
    date_modified: string;
    tags: string[];
  }[];
}

function readXml(out: string, file: string): Record<string, unknown> {
  const xml = readFileSync(path.join(out, file), "utf8");
  assert.equal(XMLValidator.validate(xml), true, `${file} is not well-formed XML`);
  return parser.parse(xml) as Record<string, unknown>;
}
const atom = (out: string, file: string) => readXml(out, file).feed as Atom;
const json = (out: string, file: string) => JSON.parse(readFileSync(path.join(out, file), "utf8")) as JsonFeed;
const titleOf = (e: AtomEntry) => (typeof e.title === "string" ? e.title : e.title["#text"]);
const entries = (feed: Atom) => feed.entry ?? [];

/** The fixture plus 21 old releases in one category, so feeds have more than 20 candidates. */
function publishingWithBulk(): string {
  const content = copyFixture("publishing");
  mkdirSync(path.join(content, "releases/bulk"), { recursive: true });
  for (let i = 1; i <= BULK; i++) {
    const day = String(i).padStart(2, "0");
    writeFileSync(
      path.join(content, `releases/bulk/b${day}.md`),
      `---\ntitle: "خبر بایگانی ${toPersianDigits(i)}"\ndate: "1399-01-${day} 10:00"\ncategory: archive-notes\n---\nمتن خبر بایگانی ${i}.\n`,
    );
  }
  return content;
}

let out: string;
let baseOut: string;
before(() => {
  out = buildOk(publishingWithBulk(), { env: { CHAPAR_NOW: NOW } }).out;
  const based = copyFixture("publishing");
  const siteFile = path.join(based, "_data/site.json");
  writeFileSync(siteFile, readFileSync(siteFile, "utf8").replace('"https://example.ir/"', '"https://example.ir/press/"'));
  baseOut = buildOk(based, { env: { CHAPAR_NOW: NOW } }).out;
});

describe("site feeds", () => {
  test("Atom: xml:lang fa, newest first, the default length, no drafts or scheduled releases", () => {
    const feed = atom(out, "feed.xml");
    assert.equal(feed["@_xml:lang"], "fa");
    assert.equal(feed.title, "روابط عمومی «آزمون» & همکاران");
    assert.equal(feedDefaults.entries, 20);
    const list = entries(feed);
    assert.equal(list.length, 20, "6 releases + 21 bulk ones are capped at 20");
    const published = list.map((e) => Date.parse(e.published));
    for (let i = 1; i < published.length; i++) assert.ok(published[i - 1]! >= published[i]!, "newest first");
    assert.deepEqual(list.slice(0, 6).map(titleOf), [
      "دوره‌ی تازه‌ی آموزشی",
      "گشایش نمایشگاه عکس",
      "خبر سه روز پیش",
      ESCAPE_TITLE,
      "کارگاه پاییزی",
      "نمایشگاه بهاری",
    ]);
    for (const e of list) assert.ok(!["پیش‌نویس محرمانه", "خبر زمان‌بندی‌شده"].includes(titleOf(e)));
    assert.equal(feed.updated, "2025-11-27T09:00:00+03:30", "the feed's updated is its newest entry's");
  });

  test("dates are ISO 8601 with Tehran's real offset: +04:30 in a 1401 summer, +03:30 after 2022", () => {
    const byTitle = new Map(entries(atom(out, "feed.xml")).map((e) => [titleOf(e), e]));
    for (const e of byTitle.values()) {
      assert.match(e.published, ISO_WITH_OFFSET);
      assert.match(e.updated, ISO_WITH_OFFSET);
    }
    assert.equal(byTitle.get("نمایشگاه بهاری")!.published, "2022-05-15T10:30:00+04:30");
    assert.equal(byTitle.get("کارگاه پاییزی")!.published, "2022-09-23T09:00:00+03:30");
    assert.equal(byTitle.get("کارگاه پاییزی")!.updated, "2022-09-25T12:00:00+03:30", "updated comes from the front matter");
  });

  test("absolute URLs everywhere, and full content with its links made absolute", () => {
    const feed = atom(out, "feed.xml");
    assert.deepEqual(
      feed.link.map((l) => [l["@_rel"], l["@_href"]]),
      [
        ["self", "https://example.ir/feed.xml"],
        ["alternate", "https://example.ir/"],
      ],
    );
    const byTitle = new Map(entries(feed).map((e) => [titleOf(e), e]));
    const spring = byTitle.get("نمایشگاه بهاری")!;
    assert.equal(spring.id, "https://example.ir/1401/02/spring/");
    assert.equal(spring.link[0]!["@_href"], "https://example.ir/1401/02/spring/");
    assert.equal(spring.content["@_type"], "html");
    assert.match(spring.content["#text"], /<strong>امروز<\/strong>/, "the whole body, not a teaser");
    assert.match(
      spring.content["#text"],
      /href="https:\/\/example\.ir\/1401\/07\/autumn\/"/,
      "a relative link is resolved against the release URL",
    );
    assert.match(spring.content["#text"], /href="https:\/\/example\.org\/x"/);
    const image = byTitle.get("گشایش نمایشگاه عکس")!;
    // The lead image comes first, as its JPEG rendition (a plain <img> every feed reader shows).
    assert.match(
      image.content["#text"],
      /^<p><img src="https:\/\/example\.ir\/assets\/images\/[0-9a-f]+-120\.jpg" alt="نمایی از تالار نمایشگاه"><\/p>/,
    );
  });

  test('escaping: a title with < & " and </script> survives the round trip as text', () => {
    const e = entries(atom(out, "feed.xml")).find((x) => titleOf(x) === ESCAPE_TITLE);
    assert.ok(e, "the entry is found by its exact title");
    assert.equal(e.summary?.["#text"], "خلاصه با <b> و & نشانه");
    assert.match(e.content["#text"], /&lt;i&gt;HTML خام&lt;\/i&gt;/, "raw HTML in Markdown stays escaped text in the content");
    const raw = readFileSync(path.join(out, "feed.xml"), "utf8");
    assert.ok(!raw.includes("<تگ>"), "no unescaped markup from a title");
    const item = json(out, "feed.json").items.find((i) => i.title === ESCAPE_TITLE);
    assert.ok(item);
    assert.equal(item.summary, "خلاصه با <b> و & نشانه");
  });

  test("JSON Feed 1.1 mirrors the Atom feed", () => {
    const feed = json(out, "feed.json");
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.equal(feed.language, "fa");
    assert.equal(feed.home_page_url, "https://example.ir/");
    assert.equal(feed.feed_url, "https://example.ir/feed.json");
    assert.equal(feed.icon, "https://example.ir/media/images/logo.png");
    const a = entries(atom(out, "feed.xml"));
    assert.deepEqual(
      feed.items.map((i) => i.id),
      a.map((e) => e.id),
    );
    assert.deepEqual(
      feed.items.map((i) => i.date_published),
      a.map((e) => e.published),
    );
    assert.deepEqual(
      feed.items.map((i) => i.date_modified),
      a.map((e) => e.updated),
    );
    const image = feed.items.find((i) => i.title === "گشایش نمایشگاه عکس")!;
    assert.match(image.image ?? "", /^https:\/\/example\.ir\/assets\/images\/[0-9a-f]+-120\.jpg$/);
    assert.ok(existsSync(path.join(out, new URL(image.image!).pathname)), "the image is a built file");
    assert.deepEqual(image.tags, ["فرهنگی", "عکس", "نمایشگاه"]);
    for (const item of feed.items) assert.match(item.url, /^https:\/\/example\.ir\/[\x21-\x7e]*$/);
  });

  test("feeds are written byte-for-byte the same by a second build", () => {
    const again = buildOk(publishingWithBulk(), { env: { CHAPAR_NOW: NOW } }).out;
    for (const f of ["feed.xml", "feed.json", "category/culture/feed.xml", "sitemap.xml", "news-sitemap.xml", "robots.txt"]) {
      assert.equal(readFileSync(path.join(again, f), "utf8"), readFileSync(path.join(out, f), "utf8"), f);
    }
  });
});

describe("category feeds", () => {
  const expected: Record<string, string[]> = {
    culture: ["گشایش نمایشگاه عکس", ESCAPE_TITLE, "نمایشگاه بهاری"],
    education: ["دوره‌ی تازه‌ی آموزشی", "خبر سه روز پیش", "کارگاه پاییزی"],
  };

  test("each category's Atom and JSON feeds hold only its releases, newest first", () => {
    for (const [key, titles] of Object.entries(expected)) {
      const feed = atom(out, `category/${key}/feed.xml`);
      assert.equal(feed["@_xml:lang"], "fa");
      assert.equal(feed.id, `https://example.ir/category/${key}/feed.xml`);
      assert.deepEqual(entries(feed).map(titleOf), titles, key);
      for (const e of entries(feed)) assert.equal(e.category[0]!["@_term"], key);
      const j = json(out, `category/${key}/feed.json`);
      assert.deepEqual(
        j.items.map((i) => i.title),
        titles,
      );
      assert.equal(j.home_page_url, `https://example.ir/category/${key}/`);
    }
    assert.equal(atom(out, "category/culture/feed.xml").title, "فرهنگی — روابط عمومی «آزمون» & همکاران");
  });

  test("a category with more releases than the limit is cut at 20, newest first", () => {
    const list = entries(atom(out, "category/archive-notes/feed.xml"));
    assert.equal(list.length, 20);
    assert.equal(titleOf(list[0]!), `خبر بایگانی ${toPersianDigits(BULK)}`);
    assert.equal(titleOf(list[19]!), "خبر بایگانی ۲");
    assert.equal(list[0]!.published, "2020-04-09T10:00:00+04:30");
  });
});

describe("autodiscovery", () => {
  const alternates = (sitePath: string) =>
    [...readPage(out, sitePath).querySelectorAll('head link[rel="alternate"]')].map(
      (l) => `${l.getAttribute("type")} ${l.getAttribute("href")}`,
    );
  const site = ["application/atom+xml /feed.xml", "application/feed+json /feed.json"];
  const culture = ["application/atom+xml /category/culture/feed.xml", "application/feed+json /category/culture/feed.json"];

  test("the site's feeds on every page; a category's on its pages and its releases", () => {
    assert.deepEqual(alternates("/"), site);
    assert.deepEqual(alternates("/tag/"), site);
    assert.deepEqual(alternates("/archive/1401/"), site);
    assert.deepEqual(alternates("/category/culture/"), [...site, ...culture]);
    assert.deepEqual(alternates("/1401/02/spring/"), [...site, ...culture]);
    assert.deepEqual(alternates("/1401/07/autumn/"), [
      ...site,
      "application/atom+xml /category/education/feed.xml",
      "application/feed+json /category/education/feed.json",
    ]);
  });

  test("every linked feed exists, and category pages show a visible subscribe link", () => {
    for (const a of alternates("/1401/02/spring/")) assert.ok(existsSync(path.join(out, a.split(" ")[1]!)), a);
    const links = [...readPage(out, "/category/culture/").querySelectorAll("main .feed-links a")].map((a) => a.getAttribute("href"));
    assert.deepEqual(links, ["/category/culture/feed.xml", "/category/culture/feed.json"]);
  });
});

describe("sitemap.xml", () => {
  const locs = (o: string, file = "sitemap.xml") =>
    ((readXml(o, file).urlset as { url?: { loc: string; lastmod?: string }[] }).url ?? []).map((u) => [u.loc, u.lastmod] as const);

  test("lists every public page (list pages included) and nothing else, URL-encoded", () => {
    const pages = listOutput(out)
      .filter((f) => f.endsWith("index.html"))
      .map((f) => `https://example.ir${encodeURI(`/${f.slice(0, -"index.html".length)}`)}`)
      .sort();
    const listed = locs(out).map(([loc]) => loc);
    assert.deepEqual([...listed].sort(), pages);
    assert.ok(listed.includes("https://example.ir/page/2/"), "paginated list pages are listed");
    assert.ok(listed.includes(`https://example.ir/tag/${encodeURIComponent("هم-اندیشی")}/`));
    assert.ok(!listed.some((l) => l.endsWith("/404.html")));
    for (const loc of listed) assert.match(loc, /^[\x21-\x7e]+$/, "plain ASCII");
    assert.ok(!listed.some((l) => l.includes("draft") || l.includes("future")));
  });

  test("lastmod: a release's updated or date; a list's newest release", () => {
    const lastmod = new Map(locs(out));
    assert.equal(lastmod.get("https://example.ir/1401/07/autumn/"), "2022-09-25T12:00:00+03:30");
    assert.equal(lastmod.get("https://example.ir/1401/02/spring/"), "2022-05-15T10:30:00+04:30");
    assert.equal(lastmod.get("https://example.ir/"), "2025-11-27T09:00:00+03:30");
    assert.equal(lastmod.get("https://example.ir/page/2/"), "2025-11-27T09:00:00+03:30");
    assert.equal(lastmod.get("https://example.ir/category/culture/"), "2025-11-26T10:00:00+03:30");
    assert.equal(lastmod.get("https://example.ir/archive/1401/"), "2022-09-25T12:00:00+03:30");
    assert.equal(lastmod.get(`https://example.ir/tag/${encodeURIComponent("کارگاه")}/`), "2022-09-25T12:00:00+03:30");
  });

  test("more URLs than fit in one file turn sitemap.xml into an index of parts", () => {
    const chapar = createChaparData({
      contentDir: path.join(FIXTURES, "publishing"),
      preview: false,
      now: Date.parse(NOW),
      assets: { stylesheet: "" },
    });
    const pages: BuiltPage[] = chapar.model.releasePages.map((p) => ({ url: p.release.url, outputPath: `x${p.release.url}index.html` }));
    const files = sitemapFiles(chapar, pages, [], { ...sitemapDefaults, urlsPerSitemap: 4 });
    assert.deepEqual([...files.keys()].sort(), ["/news-sitemap.xml", "/robots.txt", "/sitemap-1.xml", "/sitemap-2.xml", "/sitemap.xml"]);
    const index = parser.parse(files.get("/sitemap.xml")!) as { sitemapindex: { sitemap: { loc: string }[] } };
    assert.deepEqual(
      index.sitemapindex.sitemap.map((s) => s.loc),
      ["https://example.ir/sitemap-1.xml", "https://example.ir/sitemap-2.xml"],
    );
  });
});

describe("news sitemap", () => {
  test("releases of the two days before CHAPAR_NOW, newest first, with publication fa and the site's name", () => {
    const doc = readXml(out, "news-sitemap.xml").urlset as { url: { loc: string; "news:news": Record<string, unknown> }[] };
    assert.deepEqual(
      doc.url.map((u) => u.loc),
      ["https://example.ir/1404/09/recent/", "https://example.ir/1404/09/image/"],
    );
    const news = doc.url[0]!["news:news"] as {
      "news:publication": { "news:name": string; "news:language": string };
      "news:publication_date": string;
      "news:title": string;
    };
    assert.equal(news["news:publication"]["news:name"], "روابط عمومی «آزمون» & همکاران");
    assert.equal(news["news:publication"]["news:language"], "fa");
    assert.equal(news["news:publication_date"], "2025-11-27T09:00:00+03:30");
    assert.equal(news["news:title"], "دوره‌ی تازه‌ی آموزشی");
  });

  test("a later build moment leaves an empty (still valid) news sitemap", () => {
    const later = buildOk(copyFixture("publishing"), { env: { CHAPAR_NOW: "2025-12-10T12:00:00+03:30" } }).out;
    const doc = readXml(later, "news-sitemap.xml").urlset as { url?: unknown[] };
    assert.equal(doc.url, undefined);
  });

  test("at most 1,000 releases, newest first, none after the build's moment", () => {
    const now = Date.parse(NOW);
    const releases = Array.from(
      { length: 1300 },
      (_, i) => ({ url: `/r/${i}/`, date: { instant: now + 3_600_000 - i * 60_000 } }) as unknown as Release,
    );
    const statusOf = new Map(releases.map((r, i) => [r.url, i === 100 ? ("draft" as const) : ("published" as const)]));
    const picked = newsReleases({ model: { releases, statusOf } as never, now }, sitemapDefaults);
    assert.equal(picked.length, 1000);
    assert.ok(picked.every((r) => r.date.instant <= now));
    assert.ok(!picked.some((r) => r.url === "/r/100/"), "a release that is not published is skipped");
    assert.equal(picked[0]!.url, "/r/60/", "the first release at or before now");
  });
});

describe("robots.txt", () => {
  test("names both sitemaps by absolute URL", () => {
    const robots = readFileSync(path.join(out, "robots.txt"), "utf8");
    assert.match(robots, /^User-agent: \*$/m);
    assert.match(robots, /^Sitemap: https:\/\/example\.ir\/sitemap\.xml$/m);
    assert.match(robots, /^Sitemap: https:\/\/example\.ir\/news-sitemap\.xml$/m);
  });
});

describe("base path (https://example.ir/press/)", () => {
  const PRESS = "https://example.ir/press/";
  const under = (url: string, what: string) => assert.ok(url.startsWith(PRESS), `${what}: ${url}`);

  test("every URL in the feeds carries the base path", () => {
    for (const file of ["feed.xml", "category/culture/feed.xml", "category/education/feed.xml"]) {
      const feed = atom(baseOut, file);
      for (const l of feed.link) under(l["@_href"], file);
      under(feed.id, file);
      for (const e of entries(feed)) {
        under(e.id, file);
        for (const l of e.link) under(l["@_href"], file);
        for (const m of e.content["#text"].matchAll(/(?:href|src)="([^"]+)"/g))
          if (!m[1]!.startsWith("https://example.org/")) under(m[1]!, `${file} content`);
      }
    }
    const spring = entries(atom(baseOut, "category/culture/feed.xml")).find((e) => titleOf(e) === "نمایشگاه بهاری")!;
    assert.match(spring.content["#text"], /href="https:\/\/example\.ir\/press\/1401\/07\/autumn\/"/);
    for (const file of ["feed.json", "category/culture/feed.json"]) {
      const feed = json(baseOut, file);
      under(feed.home_page_url, file);
      under(feed.feed_url, file);
      under(feed.icon!, file);
      for (const item of feed.items) {
        under(item.url, file);
        if (item.image) under(item.image, file);
      }
    }
  });

  test("sitemaps and robots.txt carry the base path", () => {
    for (const file of ["sitemap.xml", "news-sitemap.xml"]) {
      const urls = (readXml(baseOut, file).urlset as { url?: { loc: string }[] }).url ?? [];
      assert.ok(urls.length > 0, file);
      for (const u of urls) under(u.loc, file);
    }
    const robots = readFileSync(path.join(baseOut, "robots.txt"), "utf8");
    assert.match(robots, /^Sitemap: https:\/\/example\.ir\/press\/sitemap\.xml$/m);
    assert.match(robots, /^Sitemap: https:\/\/example\.ir\/press\/news-sitemap\.xml$/m);
  });

  test("canonical, og:url, JSON-LD and autodiscovery links carry the base path", () => {
    for (const sitePath of ["/", "/1404/09/image/", "/category/culture/", "/tag/عکس/"]) {
      const doc = readPage(baseOut, sitePath);
      const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute("href")!;
      assert.equal(canonical, `${PRESS.slice(0, -1)}${toUri(sitePath)}`);
      assert.equal(doc.querySelector('meta[property="og:url"]')!.getAttribute("content"), canonical);
      for (const l of doc.querySelectorAll('link[rel="alternate"]')) assert.match(l.getAttribute("href")!, /^\/press\//);
      const ld = doc.querySelector('script[type="application/ld+json"]');
      if (ld)
        for (const m of (ld.textContent ?? "").matchAll(/"(https?:\/\/[^"]+)"/g))
          if (m[1] !== "https://schema.org") under(m[1]!, `${sitePath} JSON-LD`);
    }
    const image = readPage(baseOut, "/1404/09/image/").querySelector('meta[property="og:image"]')!.getAttribute("content")!;
    assert.match(image, /^https:\/\/example\.ir\/press\/assets\/images\/[0-9a-f]+-120\.jpg$/);
    assert.ok(existsSync(fileFor(baseOut, new URL(image).pathname.replace(/^\/press/, ""))));
  });
});
