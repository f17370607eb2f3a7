/**
 * Head metadata of the `publishing` fixture: meta description, Open Graph, Twitter card and JSON-LD
 * (parsed, not pattern-matched), the `</script>` escape, share links without scripts, and the
 * organisation logo's Persian error.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { jsonForScript } from "../../lib/features/seo.ts";
import { toUri } from "../../lib/site/urls.ts";
import { build, buildOk, copyFixture, fileFor, listOutput, readPage } from "../helpers/build.ts";

const NOW = "2025-11-27T12:00:00+03:30";
const SITE_NAME = "روابط عمومی «آزمون» & همکاران";
const SITE_DESCRIPTION = "خبرهای آزمایشی برای خوراک‌ها، نقشه‌ی سایت و پیش‌نمایش پیوندها";
const ESCAPE_TITLE = 'عنوان با <تگ> & "گیومه" و </script>';
const LOGO = "https://example.ir/media/images/logo.png";

let out: string;
/** The release image as previews show it: its (only, 120 px: never upscaled) JPEG rendition. */
let IMAGE: string;
before(() => {
  out = buildOk(copyFixture("publishing"), { env: { CHAPAR_NOW: NOW } }).out;
  const jpegs = readdirSync(path.join(out, "assets/images")).filter((f) => f.endsWith(".jpg"));
  assert.equal(jpegs.length, 1);
  IMAGE = `https://example.ir/assets/images/${jpegs[0]}`;
});

const meta = (doc: Document, key: string): string | null =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content") ?? null;
const metas = (doc: Document, key: string): string[] =>
  [...doc.querySelectorAll(`meta[property="${key}"]`)].map((m) => m.getAttribute("content") ?? "");

type Node = Record<string, unknown> & { "@type": string };
function jsonLd(doc: Document): Node[] {
  const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')];
  assert.ok(scripts.length <= 1, "one JSON-LD block per page");
  if (scripts.length === 0) return [];
  const data = JSON.parse(scripts[0]!.textContent ?? "") as { "@context": string; "@graph": Node[] };
  assert.equal(data["@context"], "https://schema.org");
  return data["@graph"];
}
const ofType = (nodes: Node[], type: string) => nodes.find((n) => n["@type"] === type);
type Crumb = { position: number; name: string; item: string };
const crumbItems = (nodes: Node[]): Crumb[] =>
  (ofType(nodes, "BreadcrumbList") as { itemListElement: Crumb[] } | undefined)?.itemListElement ?? [];

describe("every page", () => {
  test("has a canonical URL, a description, Open Graph and Twitter tags; its JSON-LD parses", () => {
    const pages = listOutput(out).filter((f) => f.endsWith("index.html"));
    assert.ok(pages.length > 20);
    for (const file of pages) {
      const sitePath = `/${file.slice(0, -"index.html".length)}`;
      const doc = readPage(out, sitePath);
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href");
      assert.equal(canonical, `https://example.ir${toUri(sitePath)}`, file);
      assert.ok(meta(doc, "description"), `${file}: meta description`);
      assert.equal(meta(doc, "og:locale"), "fa_IR", file);
      assert.equal(meta(doc, "og:site_name"), SITE_NAME, file);
      assert.equal(meta(doc, "og:url"), canonical, file);
      assert.ok(meta(doc, "og:title"), file);
      assert.ok(meta(doc, "og:description"), file);
      assert.equal(meta(doc, "og:image"), sitePath.match(/^\/1404\/09\/image\/$/) ? IMAGE : LOGO, file);
      assert.ok(["summary", "summary_large_image"].includes(meta(doc, "twitter:card") ?? ""), file);
      assert.equal(meta(doc, "twitter:title"), meta(doc, "og:title"), file);
      jsonLd(doc);
      // No inline script anywhere (CSP forbids them); JSON-LD is a data block. Only the search page loads code.
      for (const s of doc.querySelectorAll("script")) {
        if (s.getAttribute("type") === "application/ld+json") continue;
        assert.ok(s.hasAttribute("src") && (s.textContent ?? "").trim() === "", `${file}: inline script`);
        assert.equal(sitePath, "/search/", `${file}: only the search page loads JavaScript`);
      }
    }
  });
});

describe("release pages", () => {
  test("Open Graph article tags with Tehran offsets, section and tags; large Twitter card with the image", () => {
    const doc = readPage(out, "/1404/09/image/");
    assert.equal(meta(doc, "og:type"), "article");
    assert.equal(meta(doc, "og:title"), "گشایش نمایشگاه عکس");
    assert.equal(meta(doc, "description"), "نمایشگاه عکس دیروز گشایش یافت.", "the lead");
    assert.equal(meta(doc, "og:description"), "نمایشگاه عکس دیروز گشایش یافت.");
    assert.equal(meta(doc, "article:published_time"), "2025-11-26T10:00:00+03:30");
    assert.equal(meta(doc, "article:modified_time"), "2025-11-26T10:00:00+03:30");
    assert.equal(meta(doc, "article:section"), "فرهنگی");
    assert.deepEqual(metas(doc, "article:tag"), ["عکس", "نمایشگاه"]);
    assert.equal(meta(doc, "og:image"), IMAGE);
    assert.match(IMAGE, /-120\.jpg$/);
    assert.equal(meta(doc, "og:image:width"), "120");
    assert.equal(meta(doc, "og:image:height"), "80");
    assert.equal(meta(doc, "og:image:alt"), "نمایی از تالار نمایشگاه");
    assert.equal(meta(doc, "twitter:card"), "summary_large_image");
    assert.equal(meta(doc, "twitter:image"), IMAGE);
    assert.ok(existsSync(fileFor(out, new URL(IMAGE).pathname)), "og:image points to a built file");
    assert.ok(existsSync(fileFor(out, new URL(LOGO).pathname)), "the logo is published");
  });

  test("a 1401 release carries +04:30, and updated becomes modified_time", () => {
    assert.equal(meta(readPage(out, "/1401/02/spring/"), "article:published_time"), "2022-05-15T10:30:00+04:30");
    const autumn = readPage(out, "/1401/07/autumn/");
    assert.equal(meta(autumn, "article:published_time"), "2022-09-23T09:00:00+03:30");
    assert.equal(meta(autumn, "article:modified_time"), "2022-09-25T12:00:00+03:30");
    assert.equal(meta(autumn, "twitter:card"), "summary", "no release image: the logo, as a small card");
  });

  test("NewsArticle JSON-LD: headline, description, image, dates, fa, the organisation as author and publisher", () => {
    const nodes = jsonLd(readPage(out, "/1401/07/autumn/"));
    type Org = { "@type": string; name: string; url: string; logo: unknown };
    const article = ofType(nodes, "NewsArticle") as Node & { author: Org; publisher: Org };
    assert.ok(article);
    assert.equal(article.headline, "کارگاه پاییزی");
    assert.equal(article.description, "کارگاه پاییزی در نخستین روز مهر برگزار شد.");
    assert.deepEqual(article.image, [LOGO]);
    assert.equal(article.datePublished, "2022-09-23T09:00:00+03:30");
    assert.equal(article.dateModified, "2022-09-25T12:00:00+03:30");
    assert.equal(article.inLanguage, "fa");
    assert.equal(article.articleSection, "آموزشی");
    assert.deepEqual(article.mainEntityOfPage, { "@type": "WebPage", "@id": "https://example.ir/1401/07/autumn/" });
    for (const who of [article.author, article.publisher]) {
      assert.equal(who["@type"], "Organization");
      assert.equal(who.name, "مؤسسه‌ی آزمون");
      assert.equal(who.url, "https://example.ir/");
      assert.deepEqual(who.logo, { "@type": "ImageObject", url: LOGO });
    }
    assert.deepEqual(ofType(jsonLd(readPage(out, "/1404/09/image/")), "NewsArticle")!.image, [IMAGE]);
  });

  test("BreadcrumbList follows the visible breadcrumbs, ending at the page itself", () => {
    assert.deepEqual(
      crumbItems(jsonLd(readPage(out, "/1401/02/spring/"))).map((i) => [i.position, i.name, i.item]),
      [
        [1, "خانه", "https://example.ir/"],
        [2, "دسته‌ها", "https://example.ir/category/"],
        [3, "فرهنگی", "https://example.ir/category/culture/"],
        [4, "نمایشگاه بهاری", "https://example.ir/1401/02/spring/"],
      ],
    );
  });

  test("a title with </script> can't close the JSON-LD script: < is written as \\u003c", () => {
    const file = fileFor(out, "/1403/05/escape/");
    const source = readFileSync(file, "utf8");
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(source);
    assert.ok(block, "the JSON-LD block");
    assert.ok(!block[1]!.includes("<"), "no raw < inside the block");
    assert.match(block[1]!, /\\u003c\/script\\u003e/);
    // The first </script> in the file really ends the block: what it holds is the whole JSON document.
    const data = JSON.parse(block[1]!) as { "@graph": Node[] };
    assert.equal(ofType(data["@graph"], "NewsArticle")!.headline, ESCAPE_TITLE);
    assert.equal(ofType(data["@graph"], "NewsArticle")!.description, "خلاصه با <b> و & نشانه");
    const doc = readPage(out, "/1403/05/escape/");
    assert.equal(meta(doc, "og:title"), ESCAPE_TITLE, "attribute escaping round-trips");
    assert.equal(doc.querySelectorAll("script").length, 1);
  });

  test("jsonForScript escapes every character that could end a script or start a comment", () => {
    const s = jsonForScript({ t: "</script><!-- & \u2028" });
    assert.ok(!/[<>&\u2028]/.test(s));
    assert.deepEqual(JSON.parse(s), { t: "</script><!-- & \u2028" });
  });
});

describe("share links", () => {
  test("plain links to Telegram, WhatsApp, X and email, and the address in a read-only field", () => {
    const doc = readPage(out, "/1401/02/spring/");
    const box = doc.querySelector(".share-links");
    assert.ok(box, "the share block");
    const url = "https://example.ir/1401/02/spring/";
    const links = [...box.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "");
    assert.equal(links.length, 4);
    const [telegram, whatsapp, x, email] = links.map((l) => new URL(l));
    assert.equal(telegram!.origin + telegram!.pathname, "https://t.me/share/url");
    assert.equal(telegram!.searchParams.get("url"), url);
    assert.equal(telegram!.searchParams.get("text"), "نمایشگاه بهاری");
    assert.equal(whatsapp!.origin, "https://wa.me");
    assert.equal(whatsapp!.searchParams.get("text"), `نمایشگاه بهاری\n${url}`);
    assert.equal(x!.origin + x!.pathname, "https://x.com/intent/post");
    assert.equal(x!.searchParams.get("url"), url);
    assert.equal(email!.protocol, "mailto:");
    assert.equal(email!.searchParams.get("subject"), "نمایشگاه بهاری");
    assert.match(email!.searchParams.get("body") ?? "", /https:\/\/example\.ir\/1401\/02\/spring\//);
    // The address to copy: shown whole as text, left-to-right and isolated from the Persian around it.
    const shown = box.querySelector("p.share-copy bdi.share-url")!;
    assert.equal(shown.textContent, url);
    assert.equal(shown.getAttribute("dir"), "ltr");
    assert.equal(box.querySelector(".share-copy-label")?.textContent, "پیوند این خبر (برای رونوشت برگزینید)");
    assert.deepEqual(
      [...box.querySelectorAll("a")].map((a) => a.textContent),
      ["تلگرام", "واتس‌اپ", "ایکس", "رایانامه"],
    );
  });

  test("only release pages have them", () => {
    assert.equal(readPage(out, "/").querySelector(".share-links"), null);
    assert.equal(readPage(out, "/category/culture/").querySelector(".share-links"), null);
  });
});

describe("home and list pages", () => {
  test("the home page: website, Organization (with logo and contacts) and WebSite JSON-LD, no breadcrumbs", () => {
    const doc = readPage(out, "/");
    assert.equal(meta(doc, "og:type"), "website");
    assert.equal(meta(doc, "og:title"), SITE_NAME);
    assert.equal(meta(doc, "description"), SITE_DESCRIPTION);
    const nodes = jsonLd(doc);
    assert.deepEqual(
      nodes.map((n) => n["@type"]),
      ["Organization", "WebSite"],
    );
    const org = ofType(nodes, "Organization")!;
    assert.equal(org.name, "مؤسسه‌ی آزمون");
    assert.equal(org.url, "https://example.ir/");
    assert.deepEqual(org.logo, { "@type": "ImageObject", url: LOGO });
    assert.equal(org.email, "press@example.ir");
    assert.equal(org.telephone, "021-5555");
    const site = ofType(nodes, "WebSite")!;
    assert.equal(site.name, SITE_NAME);
    assert.equal(site.url, "https://example.ir/");
    assert.equal(site.inLanguage, "fa");
    assert.deepEqual(site.publisher, { "@id": org["@id"] });
    assert.equal(meta(readPage(out, "/page/2/"), "og:type"), "website");
    assert.equal(ofType(jsonLd(readPage(out, "/page/2/")), "Organization"), undefined, "only on the home page itself");
  });

  test("a category page: its description, or the site's when it has none; breadcrumbs in JSON-LD", () => {
    const culture = readPage(out, "/category/culture/");
    assert.equal(meta(culture, "description"), "خبرهای فرهنگی");
    assert.equal(meta(culture, "og:type"), "website");
    assert.deepEqual(
      crumbItems(jsonLd(culture)).map((i) => i.item),
      ["https://example.ir/", "https://example.ir/category/", "https://example.ir/category/culture/"],
    );
    assert.equal(meta(readPage(out, "/category/education/"), "description"), SITE_DESCRIPTION);
    assert.equal(crumbItems(jsonLd(readPage(out, "/tag/عکس/"))).at(-1)!.item, `https://example.ir/tag/${encodeURIComponent("عکس")}/`);
  });
});

describe("bad input", () => {
  test("a logo file that doesn't exist stops the build with a Persian message; the previous output stays", () => {
    const previous = readFileSync(path.join(out, "index.html"), "utf8");
    const content = copyFixture("publishing");
    const siteFile = path.join(content, "_data/site.json");
    writeFileSync(siteFile, readFileSync(siteFile, "utf8").replace('"images/logo.png"', '"images/no-such-logo.png"'));
    const result = build(content, { out, env: { CHAPAR_NOW: NOW } });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /_data\/site\.json/);
    assert.match(result.stderr, /پرونده‌ی نشان سازمان \(logo\) پیدا نشد/);
    assert.match(result.stderr, /images\/no-such-logo\.png/);
    assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), previous);
    assert.deepEqual(readdirSync(path.dirname(out)), [path.basename(out)], "no staging folder left");
  });
});
