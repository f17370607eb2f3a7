/**
 * Publishing rules and press-release parts, built from `test/fixtures/publishing-rules` at the fixed
 * build moment (FIXED_NOW = جمعه ۶ آذر ۱۴۰۵، ساعت ۱۲:۰۰ in Tehran):
 * - drafts and a release dated one minute later appear in no file of the output (pages, lists,
 *   counts, tag/category/archive pages, feeds, sitemaps, search index — checked over every file);
 * - a release dated one minute earlier is published;
 * - a withdrawn release keeps its page (notice, noindex, no search body) and leaves everything else;
 * - corrections history and dateModified; type, dateline, issuer, contact, about, attachments, gallery;
 * - the dev preview (`CHAPAR_PREVIEW=1`) shows drafts and scheduled releases with their banners;
 * - bad press fields stop the build with Persian messages and leave the previous output untouched.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { before, describe, test } from "node:test";
import { build, buildOk, copyFixture, listOutput, readPage, ROOT, runScript, text } from "../helpers/build.ts";

const FIXTURE = "publishing-rules";

/** Every file of an output folder as text; gzip files (Pagefind's index) are read unzipped. */
function outputTexts(out: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const rel of listOutput(out)) {
    const bytes = readFileSync(path.join(out, rel));
    let content = bytes.toString("utf8");
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        content = gunzipSync(bytes).toString("utf8");
      } catch {
        // Not really gzip: keep the raw text.
      }
    }
    texts.set(rel, content);
  }
  return texts;
}

/** Output files (other than `except`) that mention any of `needles`, with the needle found. */
function filesMentioning(texts: Map<string, string>, needles: string[], except: string[] = []): string[] {
  const hits: string[] = [];
  for (const [rel, content] of texts) {
    if (except.includes(rel)) continue;
    for (const needle of needles) if (content.includes(needle)) hits.push(`${rel} ← ${needle}`);
  }
  return hits;
}

const DRAFT = { title: "پیش‌نویس محرمانه‌ی آزمایشی", path: "1405/08/draft/", tag: "برچسب-فقط-پیش‌نویس", file: "draft-secret.pdf" };
const SOON = { title: "خبر یک دقیقه پس از ساخت", path: "1405/09/soon/", tag: "برچسب-فقط-آینده" };
const WITHDRAWN = { title: "کنسرت لغوشده‌ی آزمایشی", path: "1405/08/withdrawn/", tag: "برچسب-فقط-برداشته" };

let prod: { out: string; stdout: string; texts: Map<string, string> };
let preview: string;

before(() => {
  const result = buildOk(copyFixture(FIXTURE));
  prod = { out: result.out, stdout: result.stdout, texts: outputTexts(result.out) };
  preview = buildOk(copyFixture(FIXTURE), { env: { CHAPAR_PREVIEW: "1" } }).out;
});

describe("drafts and scheduled releases never reach a production build", () => {
  test("no file of the output names a draft: title, URL, its only tag or its attachment", () => {
    assert.deepEqual(filesMentioning(prod.texts, [DRAFT.title, DRAFT.path, DRAFT.tag, DRAFT.file]), []);
    assert.equal(existsSync(path.join(prod.out, DRAFT.path)), false);
  });

  test("a release dated one minute after the build's moment is withheld everywhere", () => {
    assert.deepEqual(filesMentioning(prod.texts, [SOON.title, SOON.path, SOON.tag]), []);
    assert.equal(existsSync(path.join(prod.out, SOON.path)), false);
  });

  test("a release dated one minute before the build's moment is published and listed", () => {
    const page = readPage(prod.out, "/1405/09/just-now/");
    assert.equal(text(page.querySelector("h1")), "خبر یک دقیقه پیش از ساخت");
    const home = readPage(prod.out, "/");
    assert.ok([...home.querySelectorAll(".release-card a")].some((a) => a.getAttribute("href") === "/press/1405/09/just-now/"));
    for (const [rel, content] of prod.texts) {
      if (/(^|\/)feed\.(xml|json)$/.test(rel) && !rel.startsWith("category/education"))
        assert.match(content, /1405\/09\/just-now\//, `${rel} lists the published release`);
    }
  });

  test("the build names what it withheld, with the scheduled time in Persian", () => {
    assert.match(prod.stdout, /^4 خبر منتشر شد/m);
    assert.match(prod.stdout, /کنار گذاشته شد \(پیش‌نویس\): releases\/1405\/draft\.md/);
    assert.match(prod.stdout, /کنار گذاشته شد \(زمان‌بندی‌شده برای جمعه ۶ آذر ۱۴۰۵، ساعت ۱۲:۰۱\): releases\/1405\/soon\.md/);
    assert.match(prod.stdout, /برداشته‌شده .*: releases\/1405\/withdrawn\.md/);
  });
});

describe("npm run check lists what is scheduled and when", () => {
  test("the release one minute ahead, with its Persian date and time; not the draft", () => {
    const result = runScript("scripts/check.ts", [], { CHAPAR_CONTENT: copyFixture(FIXTURE) });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /زمان‌بندی‌شده \(1\)/);
    assert.match(result.stdout, /releases\/1405\/soon\.md {2}جمعه ۶ آذر ۱۴۰۵، ساعت ۱۲:۰۱ {2}«خبر یک دقیقه پس از ساخت»/);
    assert.doesNotMatch(result.stdout, /draft\.md|just-now\.md/);
  });
});

describe("a withdrawn release keeps its page and leaves everything else", () => {
  const own = `${WITHDRAWN.path}index.html`;

  test("its page carries the notice with date and reason, before the title", () => {
    const page = readPage(prod.out, `/${WITHDRAWN.path}`);
    const notice = page.querySelector(".withdrawal-notice");
    assert.ok(notice, "withdrawal notice");
    assert.match(text(notice), /این خبر برداشته شده است/);
    assert.match(text(notice), /تاریخ برداشتن: شنبه ۲۳ آبان ۱۴۰۵، ساعت ۱۸:۰۰/);
    assert.match(text(notice), /دلیل: کنسرت به دلیل بیماری نوازنده لغو شد/);
    assert.equal(notice.querySelector("time")?.getAttribute("datetime"), "2026-11-14T18:00:00+03:30");
    const html = prod.texts.get(own)!;
    assert.ok(html.indexOf("withdrawal-notice") < html.indexOf("<h1>"), "the notice comes before the title");
    // The body stays readable: withdrawal is done in the open.
    assert.match(text(page.querySelector(".release-body")), /کنسرت گروه آزمایشی/);
  });

  test("noindex, no search body, no share links, no neighbours or related releases", () => {
    const page = readPage(prod.out, `/${WITHDRAWN.path}`);
    assert.equal(page.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
    assert.equal(page.querySelector("[data-pagefind-body]"), null);
    assert.equal(page.querySelector(".share-links"), null);
    assert.equal(page.querySelector(".release-nav"), null);
    assert.equal(page.querySelector(".related"), null);
  });

  test("no other file names it: lists, counts, tags, archives, feeds, sitemaps, search", () => {
    assert.deepEqual(filesMentioning(prod.texts, [WITHDRAWN.title, WITHDRAWN.path, WITHDRAWN.tag], [own]), []);
  });

  test("counts leave it out", () => {
    const home = readPage(prod.out, "/");
    assert.equal(home.querySelectorAll(".release-list > li").length, 4);
    const education = readPage(prod.out, "/category/education/");
    assert.deepEqual(
      [...education.querySelectorAll(".release-card h2 a")].map((a) => text(a)),
      ["آغاز دوره‌ی قصه‌گویی"],
    );
    const month = readPage(prod.out, "/archive/1405/08/");
    assert.equal(month.querySelectorAll(".release-list > li").length, 3);
  });

  test("its neighbours link past it", () => {
    const full = readPage(prod.out, "/1405/08/full/");
    assert.equal(full.querySelector(".release-nav-newer a")?.getAttribute("href"), "/press/1405/08/statement/");
  });

  test("its attachment stays with its page", () => {
    assert.ok(existsSync(path.join(prod.out, "media/releases/1405/files/withdrawn-programme.pdf")));
  });
});

describe("corrections: history on the page and dateModified", () => {
  test("the history lists every update oldest first with Persian dates and <time datetime>", () => {
    const page = readPage(prod.out, "/1405/08/full/");
    const section = page.querySelector("section.release-updates");
    assert.ok(section, "updates section");
    assert.equal(text(section.querySelector("h2")), "به‌روزرسانی‌ها");
    const items = [...section.querySelectorAll("li")];
    assert.deepEqual(
      items.map((li) => [li.querySelector("time")?.getAttribute("datetime"), text(li)]),
      [
        ["2026-11-12T00:00:00+03:30", "پنجشنبه ۲۱ آبان ۱۴۰۵: نام یکی از عکاسان درست شد."],
        ["2026-11-13T09:30:00+03:30", "جمعه ۲۲ آبان ۱۴۰۵، ساعت ۰۹:۳۰: ساعت بازدید روزهای جمعه اصلاح شد."],
      ],
    );
  });

  test("without `updated`, the newest update is the release's modification date", () => {
    const page = readPage(prod.out, "/1405/08/full/");
    const meta = text(page.querySelector(".release-meta"));
    assert.match(meta, /به‌روزرسانی: جمعه ۲۲ آبان ۱۴۰۵/);
    const ld = [...page.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? "").join("");
    assert.match(ld, /"dateModified":"2026-11-13T09:30:00\+03:30"/);
    assert.match(ld, /"datePublished":"2026-11-11T10:00:00\+03:30"/);
  });

  test("a release without corrections has no history and dateModified = datePublished", () => {
    const page = readPage(prod.out, "/1405/08/plain/");
    assert.equal(page.querySelector(".release-updates"), null);
    const ld = [...page.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? "").join("");
    assert.match(ld, /"dateModified":"2026-11-01T00:00:00\+03:30"/);
  });
});

describe("a press release, not a blog post", () => {
  test("type label: by key, by Persian label, and the site's default", () => {
    assert.equal(text(readPage(prod.out, "/1405/08/full/").querySelector(".release-type")), "اطلاعیه");
    assert.equal(text(readPage(prod.out, "/1405/08/statement/").querySelector(".release-type")), "بیانیه");
    assert.equal(text(readPage(prod.out, "/1405/08/plain/").querySelector(".release-type")), "خبر");
    // …and in lists, beside the date and category.
    const card = [...readPage(prod.out, "/").querySelectorAll(".release-card")].find((c) =>
      c.querySelector('a[href="/press/1405/08/full/"]'),
    );
    assert.equal(text(card?.querySelector(".release-card-meta .release-type")), "اطلاعیه");
  });

  test("the dateline opens the lead", () => {
    const lead = readPage(prod.out, "/1405/08/full/").querySelector(".lead");
    assert.equal(text(lead?.querySelector(".dateline")), "تهران —");
    assert.match(text(lead), /^تهران — نمایشگاه عکس «محله‌ی من»/);
    assert.equal(readPage(prod.out, "/1405/08/plain/").querySelector(".dateline"), null);
  });

  test("the issuing office: `from`, or the organisation", () => {
    assert.equal(text(readPage(prod.out, "/1405/08/plain/").querySelector(".release-from")), "صادرکننده: روابط عمومی مؤسسه‌ی آزمایشی");
    assert.equal(text(readPage(prod.out, "/1405/08/statement/").querySelector(".release-from")), "صادرکننده: دفتر مدیرعامل مؤسسه‌ی آزمایشی");
  });

  test("media contact: by id, inline, and the site's default; Persian digits, tel: and mailto: links", () => {
    const full = readPage(prod.out, "/1405/08/full/").querySelector(".media-contact address");
    assert.match(text(full), /کاوه مرادی، دبیر جشنواره/);
    assert.equal(full?.querySelector('a[href^="tel:"]')?.getAttribute("href"), "tel:+989120001122");
    assert.equal(text(full?.querySelector('a[href^="tel:"]')), "+۹۸ ۹۱۲ ۰۰۰ ۱۱۲۲");
    assert.equal(full?.querySelector('a[href^="mailto:"]'), null);

    const statement = readPage(prod.out, "/1405/08/statement/").querySelector(".media-contact address");
    assert.match(text(statement), /سارا کریمی، سخنگوی مؤسسه/);
    assert.equal(statement?.querySelector('a[href^="mailto:"]')?.getAttribute("href"), "mailto:spokesperson@example.ir");
    assert.equal(statement?.querySelector('a[href^="tel:"]'), null);

    const plain = readPage(prod.out, "/1405/08/plain/").querySelector(".media-contact address");
    assert.match(text(plain), /مریم احمدی، مسئول روابط عمومی/);
    assert.equal(text(plain?.querySelector('a[href^="tel:"]')), "۰۲۱-۶۶۴۶۱۲۳۴");
  });

  test("the organisation's boilerplate under «درباره‌ی …»", () => {
    const about = readPage(prod.out, "/1405/08/plain/").querySelector(".about-org");
    assert.equal(text(about?.querySelector("h2")), "درباره‌ی روابط عمومی مؤسسه‌ی آزمایشی");
    assert.equal(text(about?.querySelector("p")), "مؤسسه‌ی آزمایشی از سال ۱۳۹۰ برنامه‌های فرهنگی برگزار می‌کند.");
  });

  test("after the body, in order: corrections, gallery, attachments, about, contact", () => {
    const html = prod.texts.get("1405/08/full/index.html")!;
    const order = [
      'class="release-body"',
      'class="release-updates"',
      'class="gallery"',
      'class="attachments"',
      'class="about-org"',
      'class="media-contact"',
    ].map((m) => html.indexOf(m));
    assert.ok(
      order.every((i) => i > 0),
      `all parts present: ${order.join(",")}`,
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
  });

  test("attachments are copied byte for byte and listed with kind and Persian size", () => {
    const page = readPage(prod.out, "/1405/08/full/");
    const items = [...page.querySelectorAll(".attachments li")];
    assert.deepEqual(
      items.map((li) => [
        li.querySelector("a")?.getAttribute("href"),
        text(li.querySelector("a")),
        text(li.querySelector(".attachment-meta")),
      ]),
      [
        ["/press/media/releases/1405/files/programme.pdf", "برنامه‌ی کامل نمایشگاه", "(PDF، ۱٫۵ کیلوبایت)"],
        ["/press/media/releases/1405/files/poster.docx", "متن پوستر", "(Word، ۲٫۵ کیلوبایت)"],
      ],
    );
    for (const file of ["programme.pdf", "poster.docx"]) {
      const source = readFileSync(path.join(ROOT, "test/fixtures", FIXTURE, "releases/1405/files", file));
      assert.deepEqual(readFileSync(path.join(prod.out, "media/releases/1405/files", file)), source);
    }
  });

  test("the gallery is a script-free grid of linked photos with size, alt and caption", () => {
    const page = readPage(prod.out, "/1405/08/full/");
    const gallery = page.querySelector("section.gallery");
    assert.ok(gallery);
    assert.equal(text(gallery.querySelector("h2")), "نگارخانه");
    const items = [...gallery.querySelectorAll("ul.gallery-grid > li")];
    assert.equal(items.length, 2);
    const photos = items.map((li) => {
      const link = li.querySelector("figure > a");
      const img = link?.querySelector("img");
      return {
        href: link?.getAttribute("href"),
        alt: img?.getAttribute("alt"),
        size: `${img?.getAttribute("width")}x${img?.getAttribute("height")}`,
        caption: li.querySelector("figcaption") ? text(li.querySelector("figcaption")) : undefined,
      };
    });
    assert.deepEqual(photos, [
      {
        href: "/press/media/releases/1405/photos/street.png",
        alt: "کودکان در کوچه‌ای با دیوارهای آجری بازی می‌کنند",
        size: "40x30",
        caption: "کوچه‌ای در محله‌ی سنگلج",
      },
      { href: "/press/media/releases/1405/photos/bakery.jpg", alt: "نانوای سالخورده کنار تنور", size: "30x40", caption: undefined },
    ]);
    // Each link leads to the full-size file, which is in the output.
    for (const { href } of photos) assert.ok(existsSync(path.join(prod.out, href!.replace(/^\/press\//, ""))), `${href} exists`);
    // Thumbnails come from the lead-image pipeline: a <picture> whose every file was written.
    for (const img of gallery.querySelectorAll("img")) {
      assert.equal(img.parentElement?.tagName.toLowerCase(), "picture");
      assert.match(img.getAttribute("sizes") ?? "", /rem/);
      const sources = [
        img.getAttribute("src"),
        ...[...gallery.querySelectorAll("source, img")].flatMap((el) =>
          (el.getAttribute("srcset") ?? "").split(", ").map((c) => c.split(" ")[0]),
        ),
      ];
      for (const src of sources) if (src) assert.ok(existsSync(path.join(prod.out, src.replace(/^\/press\//, ""))), `${src} exists`);
    }
    assert.equal(gallery.querySelector("script"), null);
    assert.doesNotMatch(gallery.outerHTML, /\son[a-z]+=/i);
  });

  test("the grid is laid out by CSS with logical properties only", () => {
    const css = readFileSync(path.join(ROOT, "assets/css/press.css"), "utf8");
    assert.match(css, /\.gallery-grid\s*{[^}]*display:\s*grid/);
    assert.doesNotMatch(css, /\b(left|right)\b/);
    const built = [...prod.texts].find(([rel]) => rel.endsWith(".css"))?.[1] ?? "";
    assert.match(built, /gallery-grid/);
  });
});

describe("dev preview (CHAPAR_PREVIEW=1): drafts and scheduled releases with banners", () => {
  test("a draft has a page with the «پیش‌نویس» banner", () => {
    const page = readPage(preview, `/${DRAFT.path}`);
    assert.match(text(page.querySelector(".status-banner.status-draft")), /^پیش‌نویس/);
    assert.ok(existsSync(path.join(preview, "media/releases/1405/files", DRAFT.file)), "its attachment too");
  });

  test("a scheduled release has a page with the «زمان‌بندی‌شده» banner and its time", () => {
    const page = readPage(preview, `/${SOON.path}`);
    assert.match(
      text(page.querySelector(".status-banner.status-scheduled")),
      /^زمان‌بندی‌شده — این خبر از جمعه ۶ آذر ۱۴۰۵، ساعت ۱۲:۰۱ در سایت منتشر می‌شود/,
    );
  });

  test("the whole-output scan that finds nothing in production finds them here", () => {
    const texts = outputTexts(preview);
    assert.ok(filesMentioning(texts, [DRAFT.title]).length > 1, "draft page and lists");
    assert.ok(filesMentioning(texts, [SOON.path]).length > 1, "scheduled page and lists");
  });

  test("both are listed with compact banners; the withdrawn release still is not", () => {
    const home = readPage(preview, "/");
    const cards = [...home.querySelectorAll(".release-card")];
    const banner = (href: string) => text(cards.find((c) => c.querySelector(`a[href="${href}"]`))?.querySelector(".status-banner"));
    assert.equal(banner(`/press/${DRAFT.path}`), "پیش‌نویس");
    assert.equal(banner(`/press/${SOON.path}`), "زمان‌بندی‌شده");
    assert.equal(
      cards.some((c) => c.querySelector(`a[href="/press/${WITHDRAWN.path}"]`)),
      false,
    );
  });
});

describe("bad press fields stop the build; the previous output stays", () => {
  let goodOut: string;
  let goodFiles: Map<string, string>;

  before(() => {
    goodOut = buildOk(copyFixture(FIXTURE)).out;
    goodFiles = outputTexts(goodOut);
  });

  const release = (name: string, front: string) => [
    `releases/1405/${name}.md`,
    `---\ntitle: "خبر ${name}"\ndate: "1405-08-20"\ncategory: culture\n${front}\n---\nمتن خبر.\n`,
  ];

  test("unknown type and contact, missing attachment, withdrawn without reason, malformed updates", () => {
    const content = copyFixture(FIXTURE);
    const files = [
      release("bad-type", "type: pressrelease"),
      release("bad-contact", "contact: pres-office"),
      release("bad-attachment", "attachments:\n  - file: files/missing.pdf\n    title: برنامه"),
      release("bad-withdrawn", 'withdrawn:\n  date: "1405-08-23"'),
      release("bad-updates", 'updates:\n  - date: "1405-13-01"\n    note: اصلاح\n  - note: بی‌تاریخ'),
    ];
    for (const [file, source] of files) writeFileSync(path.join(content, file!), source!);
    const result = build(content, { out: goodOut });
    assert.notEqual(result.code, 0, `build should fail:\n${result.stdout}`);
    const expected = [
      /releases\/1405\/bad-type\.md:5:1 +فیلد «type»: این نوع خبر تعریف نشده است؛ نوع‌های مجاز .*news \(خبر\).*«pressrelease»/,
      /releases\/1405\/bad-contact\.md:5:1 +فیلد «contact»: این مسئول تماس تعریف نشده است؛ منظورتان «press-office» بود؟ شناسه‌های مجاز .*press-office \(مریم احمدی\).*«pres-office»/,
      /releases\/1405\/bad-attachment\.md:6:1 +فیلد «attachments\.0\.file»: پرونده‌ی پیوست 1 پیدا نشد: «files\/missing\.pdf»/,
      /releases\/1405\/bad-withdrawn\.md:5:1 +فیلد «withdrawn\.reason»: دلیل برداشتن خبر \(reason\) لازم است/,
      /releases\/1405\/bad-updates\.md:6:1 +فیلد «updates\.0\.date»: ماه 13 وجود ندارد.*«1405-13-01»/,
      /releases\/1405\/bad-updates\.md:8:1 +فیلد «updates\.1\.date»: /,
      /^6 خطا در محتوا؛ ساخت سایت انجام نشد و خروجی قبلی دست نخورد\.$/m,
    ];
    for (const pattern of expected) assert.match(result.stderr, pattern);
    assert.deepEqual(outputTexts(goodOut), goodFiles, "the previous output must be untouched");
    assert.deepEqual(
      readdirSync(path.dirname(goodOut)).filter((f) => f !== path.basename(goodOut)),
      [],
      "no staging folder may be left behind",
    );
  });

  test("an unknown defaultContact in site.json", () => {
    const content = copyFixture(FIXTURE);
    const site = JSON.parse(readFileSync(path.join(content, "_data/site.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(path.join(content, "_data/site.json"), JSON.stringify({ ...site, defaultContact: "nobody" }));
    const result = build(content, { out: goodOut });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /_data\/site\.json:1:225 +فیلد «defaultContact»: مسئول تماس پیش‌فرض «nobody» .*press-office \(مریم احمدی\)/);
    assert.deepEqual(outputTexts(goodOut), goodFiles, "the previous output must be untouched");
  });
});
