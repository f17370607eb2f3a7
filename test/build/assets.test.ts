/**
 * Assets of a built site (fixture `assets`): the PostCSS stylesheet keeps logical properties, the
 * Vazirmatn subsets and their @font-face rules, release images as <picture>s, the base path in every
 * asset URL, `_headers`, the 404 page, determinism, and the Persian errors for unusable images.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import subsetFont from "subset-font";
import {
  buildFonts,
  fontsAtHand,
  fontSubsetsKey,
  PREBUILT_MANIFEST,
  prebuiltName,
  subsetCodePoints,
  subsetWoff2,
  defaults as fontDefaults,
} from "../../lib/features/fonts.ts";
import {
  buildStylesheet,
  freshStylesheet,
  LOGICAL_FEATURES,
  stylesheetIsBuilt,
  defaults as stylesheetDefaults,
} from "../../lib/features/stylesheet.ts";
import { build, buildOk, copyFixture, listOutput, readPage, ROOT, tempDir, text } from "../helpers/build.ts";

const content = copyFixture("assets");
const { out } = buildOk(content);
const pressContent = copyFixture("assets");
setSiteUrl(pressContent, "https://example.ir/press/");
const press = buildOk(pressContent).out;

function setSiteUrl(dir: string, url: string): void {
  const file = path.join(dir, "_data/site.json");
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), url }, null, 2));
}

const files = listOutput(out);
const cssFile = files.find((f) => /^assets\/main\.[0-9a-f]{10}\.css$/.test(f));
const css = cssFile ? readFileSync(path.join(out, cssFile), "utf8") : "";
const htmlFiles = files.filter((f) => f.endsWith(".html"));

/** Physical (left/right) properties and values — never in a right-to-left stylesheet. */
const PHYSICAL =
  /(?:^|[{;\s])(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)\b|(?:^|[{;\s])(?:left|right)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right)\b|border-(?:top|bottom)-(?:left|right)-radius/;

describe("stylesheet", () => {
  test("one minified, hashed stylesheet, linked from every page", () => {
    assert.ok(cssFile, `no hashed stylesheet in ${files.filter((f) => f.startsWith("assets/")).join(", ")}`);
    assert.equal(files.filter((f) => f.endsWith(".css")).length, 1);
    assert.ok(!css.includes("@import"), "imports are inlined");
    assert.ok(!/\n\s+\S/.test(css), "minified");
    for (const file of htmlFiles) {
      const doc = readPage(out, `/${file}`);
      const links = [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href"));
      assert.deepEqual(links, [`/${cssFile}`], file);
    }
  });

  test("keeps logical properties and has no left/right ones", () => {
    assert.match(css, /inline-start/);
    assert.match(css, /margin-inline/);
    assert.match(css, /padding-inline-start/);
    assert.doesNotMatch(css, PHYSICAL);
    // `dir` tricks that preset-env adds with its logical plugin.
    assert.doesNotMatch(css, /\[dir=(?:"|')?(?:rtl|ltr)/);
  });

  test("logical properties survive even an old browser list (the logical-* features are off)", async () => {
    const dir = tempDir("chapar-css-");
    mkdirSync(path.join(dir, "css"));
    writeFileSync(
      path.join(dir, "css/main.css"),
      ".a{margin-inline-start:1rem;padding-inline:2rem;inset-inline-end:0;float:inline-start;border-inline-start:1px solid;text-align:start;resize:block;block-size:10vb}",
    );
    const previous = process.env.BROWSERSLIST;
    process.env.BROWSERSLIST = "ie 11, safari 9";
    try {
      const built = await buildStylesheet({ entry: path.join(dir, "css/main.css"), cacheDir: path.join(dir, "cache"), fonts: false });
      assert.match(built.css, /margin-inline-start:1rem/);
      assert.match(built.css, /inset-inline-end:0/);
      assert.match(built.css, /float:inline-start/);
      assert.doesNotMatch(built.css, PHYSICAL);
    } finally {
      if (previous === undefined) delete process.env.BROWSERSLIST;
      else process.env.BROWSERSLIST = previous;
    }
    assert.ok(LOGICAL_FEATURES.includes("logical-properties-and-values"));
  });

  test("dark mode and a print style: no navigation or share links, link addresses printed", () => {
    assert.match(css, /@media \(prefers-color-scheme:dark\)/);
    const print = [...css.matchAll(/@media print\{/g)].map((m) => css.slice(m.index)).join(" ");
    assert.match(print, /\.site-nav[^{]*\{display:none!important/);
    assert.match(print, /\.share-links[,{]/);
    assert.match(print, /content:" \(" attr\(href\) "\)"/);
  });

  test("the committed stylesheet (assets/prebuilt-css, `npm run stylesheet`) is current and exactly what PostCSS makes now", async () => {
    const { css: fresh, key } = await freshStylesheet();
    const manifest = JSON.parse(readFileSync(path.join(ROOT, stylesheetDefaults.prebuiltDir, "main.json"), "utf8")) as { key: string };
    assert.equal(manifest.key, key, "run `npm run stylesheet`: a CSS source, the fonts, the browser list or a tool changed");
    assert.equal(readFileSync(path.join(ROOT, stylesheetDefaults.prebuiltDir, "main.css"), "utf8"), fresh);
    assert.equal(css, fresh, "the site's stylesheet is that file");
  });

  test("without a matching committed file PostCSS runs, its result is cached in .cache/css and used identically", async () => {
    const dir = tempDir();
    const options = { prebuiltDir: path.relative(ROOT, path.join(dir, "none")), cacheDir: path.relative(ROOT, path.join(dir, "cache")) };
    assert.equal(stylesheetIsBuilt(), true, "the committed stylesheet is made already");
    assert.equal(stylesheetIsBuilt(options), false, "neither committed nor cached: to be made");
    const built = await buildStylesheet(options);
    assert.equal(stylesheetIsBuilt(options), true, "cached now");
    assert.equal(built.sitePath, `/${cssFile}`);
    assert.equal(built.css, css);
    const cached = readdirSync(path.join(dir, "cache"));
    assert.deepEqual(
      cached.map((f) => readFileSync(path.join(dir, "cache", f), "utf8")),
      [css],
      "the built CSS is in the cache",
    );
    // A stale committed file (another key) is never used.
    mkdirSync(path.join(dir, "stale"));
    writeFileSync(path.join(dir, "stale/main.css"), "body{color:red}");
    writeFileSync(path.join(dir, "stale/main.json"), JSON.stringify({ key: "0000000000000000" }));
    assert.equal(
      stylesheetIsBuilt({
        prebuiltDir: path.relative(ROOT, path.join(dir, "stale")),
        cacheDir: path.relative(ROOT, path.join(dir, "empty")),
      }),
      false,
      "a stale committed file isn't the stylesheet",
    );
    const again = await buildStylesheet({ ...options, prebuiltDir: path.relative(ROOT, path.join(dir, "stale")) });
    assert.equal(again.css, css);
  });
});

describe("Vazirmatn", () => {
  test("the committed subsets (assets/fonts, `npm run fonts`) are current and exactly what subsetting makes now", async () => {
    const { key, source, pointsPerSubset } = fontSubsetsKey(fontDefaults);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, fontDefaults.prebuiltDir, PREBUILT_MANIFEST), "utf8")) as { key: string };
    assert.equal(manifest.key, key, "run `npm run fonts`: the subsets' code points, the font or subset-font changed");
    for (const [i, subset] of fontDefaults.subsets.entries()) {
      const committed = readFileSync(path.join(ROOT, fontDefaults.prebuiltDir, prebuiltName(fontDefaults, subset)));
      assert.ok(committed.equals(await subsetWoff2(source, pointsPerSubset[i]!)), subset.name);
    }
  });

  test("without a matching manifest the font is subset in the build, to the same files", async () => {
    const dir = tempDir();
    const fontOptions = { prebuiltDir: path.relative(ROOT, dir), cacheDir: path.relative(ROOT, path.join(dir, "cache")) };
    assert.equal(fontsAtHand(fontOptions), undefined, "not made yet");
    assert.equal(stylesheetIsBuilt({ fonts: fontOptions }), false, "nor the stylesheet that names them");
    const elsewhere = await buildFonts(fontOptions);
    assert.ok(existsSync(path.join(dir, "cache")), "subset into its own cache");
    const usual = await buildFonts();
    assert.deepEqual(
      fontsAtHand(fontOptions)?.fontFaceCss("/assets/"),
      usual.fontFaceCss("/assets/"),
      "at hand from the cache, the same rules",
    );
    assert.deepEqual(
      fontsAtHand()?.files.map((f) => f.sitePath),
      usual.files.map((f) => f.sitePath),
      "at hand from the committed subsets",
    );
    assert.deepEqual(
      elsewhere.files.map((f) => [f.sitePath, Buffer.from(f.contents ?? "").length]),
      usual.files.map((f) => [f.sitePath, Buffer.from(f.contents ?? "").length]),
    );
  });

  const fontFiles = files.filter((f) => f.startsWith("assets/fonts/") && f.endsWith(".woff2"));
  const faFile = fontFiles.find((f) => /vazirmatn-fa\.[0-9a-f]{10}\.woff2$/.test(f));
  const latinFile = fontFiles.find((f) => /vazirmatn-latin\.[0-9a-f]{10}\.woff2$/.test(f));

  test("a Persian file of at most 60 KB and a Latin file, with hashed names, and the OFL beside them", () => {
    assert.ok(faFile && latinFile, fontFiles.join(", "));
    assert.equal(fontFiles.length, 2);
    const faBytes = statSync(path.join(out, faFile)).size;
    assert.ok(faBytes <= 60 * 1024, `Persian subset is ${faBytes} bytes`);
    assert.ok(statSync(path.join(out, latinFile)).size < 60 * 1024);
    assert.match(readFileSync(path.join(out, "assets/fonts/OFL.txt"), "utf8"), /SIL OPEN FONT LICENSE/i);
  });

  test("keeps the weight axis (a variable font with fvar)", async () => {
    const sfnt = await subsetFont(readFileSync(path.join(out, faFile!)), null, { keepAllGlyphs: true, targetFormat: "sfnt" });
    const tables = sfnt.readUInt16BE(4);
    const tags = Array.from({ length: tables }, (_, i) => sfnt.toString("latin1", 12 + i * 16, 16 + i * 16));
    assert.ok(tags.includes("fvar") && tags.includes("gvar"), tags.join(" "));
  });

  test("@font-face: relative URLs, swap, disjoint unicode-ranges; the Persian file is preloaded on every page", () => {
    const faces = [...css.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1]!);
    assert.equal(faces.length, 2);
    for (const face of faces) {
      assert.match(face, /font-display:swap/);
      assert.match(face, /font-weight:100 900/);
      assert.match(face, /unicode-range:/);
      const url = /url\(([^)]*)\)/.exec(face)![1]!.replace(/["']/g, "");
      assert.ok(!url.startsWith("/") && !url.includes("//"), `relative URL, so the base path doesn't matter: ${url}`);
      assert.ok(existsSync(path.join(out, path.dirname(cssFile!), url)), url);
    }
    for (const file of htmlFiles) {
      const preloads = [...readPage(out, `/${file}`).querySelectorAll('link[rel="preload"]')];
      assert.equal(preloads.length, 1, file);
      const link = preloads[0]!;
      assert.equal(link.getAttribute("href"), `/${faFile}`);
      assert.equal(link.getAttribute("as"), "font");
      assert.equal(link.getAttribute("type"), "font/woff2");
      assert.ok(link.hasAttribute("crossorigin"));
    }
  });

  test("Persian text needs only the Persian file; Latin letters and digits only the Latin one", () => {
    const [fa, latin] = subsetCodePoints(fontDefaults.subsets).map((points) => new Set(points));
    assert.ok(![...fa!].some((c) => latin!.has(c)), "ranges overlap");
    const persian = "«هم‌اندیشی» در ۲۵ اردیبهشت ۱۴۰۱، ساعت ۱۰:۳۰؛ آیا پژوهشگران گزارش ژرف‌نگر را خوانده‌اند؟ (۱٬۲۳۴٫۵ تومان) — ٪۵۰. ـ ّ";
    for (const ch of persian)
      assert.ok(fa!.has(ch.codePointAt(0)!), `U+${ch.codePointAt(0)!.toString(16)} (${ch}) is not in the Persian file`);
    for (const ch of "Ali Rahbari 2025 é") if (ch !== " ") assert.ok(latin!.has(ch.codePointAt(0)!), ch);
  });
});

describe("images", () => {
  const doc = readPage(out, "/1404/08/concert/");
  const lead = doc.querySelector("figure.release-image")!;

  test("the lead image is a <picture> with AVIF and WebP sources, a JPEG <img> with width/height, eager", () => {
    assert.ok(lead, "lead figure");
    const types = [...lead.querySelectorAll("source")].map((s) => s.getAttribute("type"));
    assert.deepEqual(types, ["image/avif", "image/webp"]);
    const img = lead.querySelector("img")!;
    assert.match(img.getAttribute("src")!, /^\/assets\/images\/[0-9a-f]{12}-1440\.jpg$/);
    assert.equal(img.getAttribute("width"), "1440");
    assert.equal(img.getAttribute("height"), "900");
    assert.equal(img.getAttribute("alt"), "نمای تالار با نور آبی و زرد پیش از آغاز کنسرت");
    assert.equal(img.getAttribute("fetchpriority"), "high");
    assert.equal(img.getAttribute("loading"), null);
    const widths = img
      .getAttribute("srcset")!
      .split(", ")
      .map((c) => Number(/ (\d+)w$/.exec(c)![1]));
    assert.deepEqual(widths, [480, 960, 1440]);
    assert.ok(img.getAttribute("sizes"));
  });

  test("caption and credit under the lead image", () => {
    assert.equal(text(lead.querySelector("figcaption")), "تالار وحدت، یک ساعت پیش از اجرا عکس: مریم احمدی");
    assert.equal(text(lead.querySelector(".image-credit")), "عکس: مریم احمدی");
  });

  test("an inline image alone in its paragraph is a lazy figure captioned with its Markdown title", () => {
    const figure = doc.querySelector(".release-body figure.inline-figure")!;
    assert.ok(figure);
    assert.equal(figure.parentElement?.tagName, "DIV", "not inside a <p>");
    assert.equal(text(figure.querySelector("figcaption")), "شمار تماشاگران در چهار اجرای امسال");
    const img = figure.querySelector("img")!;
    assert.equal(img.getAttribute("loading"), "lazy");
    assert.equal(img.getAttribute("decoding"), "async");
    // 600 px wide: no width above the original is made.
    const widths = img
      .getAttribute("srcset")!
      .split(", ")
      .map((c) => Number(/ (\d+)w$/.exec(c)![1]));
    assert.ok(
      widths.every((w) => w <= 600),
      widths.join(),
    );
    assert.ok(Number(img.getAttribute("width")) <= 600);
  });

  test("an image inside a sentence stays in its paragraph, lazy; no marker is left anywhere", () => {
    const inline = doc.querySelector(".release-body p picture.inline-picture img")!;
    assert.ok(inline);
    assert.equal(inline.getAttribute("loading"), "lazy");
    for (const file of files.filter((f) => /\.(html|xml|json)$/.test(f))) {
      assert.ok(!readFileSync(path.join(out, file), "utf8").includes("chapar-image"), file);
    }
  });

  test("every rendition referenced exists, and only referenced ones are published (not the draft's)", () => {
    const referenced = new Set<string>();
    for (const file of htmlFiles) {
      for (const el of readPage(out, `/${file}`).querySelectorAll("img[srcset], source[srcset]")) {
        for (const candidate of el.getAttribute("srcset")!.split(",")) referenced.add(candidate.trim().split(" ")[0]!.slice(1));
      }
    }
    const published = files.filter((f) => f.startsWith("assets/images/"));
    assert.deepEqual([...referenced].sort(), published);
    assert.ok(
      published.some((f) => f.endsWith(".avif")) && published.some((f) => f.endsWith(".webp")) && published.some((f) => f.endsWith(".jpg")),
    );
  });
});

describe("base path /press/", () => {
  test("stylesheet, font preload, images and body links carry it; CSS font URLs stay relative", () => {
    const doc = readPage(press, "/1404/08/concert/");
    assert.match(doc.querySelector('link[rel="stylesheet"]')!.getAttribute("href")!, /^\/press\/assets\/main\.[0-9a-f]{10}\.css$/);
    assert.match(
      doc.querySelector('link[rel="preload"]')!.getAttribute("href")!,
      /^\/press\/assets\/fonts\/vazirmatn-fa\.[0-9a-f]{10}\.woff2$/,
    );
    for (const el of doc.querySelectorAll("img[srcset], source[srcset]")) {
      for (const candidate of el.getAttribute("srcset")!.split(",")) assert.match(candidate.trim(), /^\/press\/assets\/images\//);
    }
    for (const img of doc.querySelectorAll("img")) assert.match(img.getAttribute("src")!, /^\/press\/assets\/images\//);
    assert.ok(doc.querySelector('.release-body a[href="/press/1404/08/workshop/"]'), "a body link written from the root");
    const pressCss = listOutput(press).find((f) => f.endsWith(".css"))!;
    assert.equal(readFileSync(path.join(press, pressCss), "utf8"), css, "the same stylesheet: nothing in it depends on the base path");
  });

  test("_headers rules carry the base path", () => {
    const rules = readFileSync(path.join(press, "_headers"), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("/"));
    assert.ok(rules.length >= 3);
    for (const rule of rules) assert.ok(rule.startsWith("/press/"), rule);
  });
});

describe("_headers", () => {
  const headers = readFileSync(path.join(out, "_headers"), "utf8");
  const block = (pattern: string) => {
    const start = headers.indexOf(`\n${pattern}\n`);
    assert.ok(start >= 0, `no rule ${pattern}`);
    const rest = headers.slice(start + pattern.length + 2);
    return rest.slice(0, rest.search(/\n(?!\s)|$/));
  };

  test("short caching and security headers for everything; no unsafe-inline script", () => {
    const all = block("/*");
    assert.match(all, /Cache-Control: public, max-age=300/);
    assert.match(all, /X-Content-Type-Options: nosniff/);
    assert.match(all, /Referrer-Policy: /);
    assert.match(all, /X-Frame-Options: DENY/);
    assert.match(all, /Permissions-Policy: /);
    const csp = /Content-Security-Policy: (.*)/.exec(all)![1]!;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*/);
  });

  test("hashed assets immutable for a year, detached from the site-wide value (Cloudflare joins values)", () => {
    const assets = block("/assets/*");
    assert.match(assets, /^\s+! Cache-Control\n\s+Cache-Control: public, max-age=31536000, immutable$/m);
    assert.match(block("/assets/fonts/OFL.txt"), /! Cache-Control\n\s+Cache-Control: public, max-age=300/);
  });

  test("only the search page may compile WebAssembly (Pagefind)", () => {
    const search = block("/search/*");
    assert.match(search, /! Content-Security-Policy\n\s+Content-Security-Policy: .*script-src 'self' 'wasm-unsafe-eval'/);
  });
});

describe("404 page", () => {
  test("Persian, not indexed, without a canonical link, with absolute links", () => {
    const doc = readPage(out, "/404.html");
    assert.equal(doc.documentElement.getAttribute("lang"), "fa");
    assert.equal(doc.documentElement.getAttribute("dir"), "rtl");
    assert.equal(doc.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
    assert.equal(doc.querySelector('link[rel="canonical"]'), null);
    assert.match(text(doc.querySelector("h1")), /پیدا نشد/);
    for (const a of doc.querySelectorAll("a[href]")) assert.match(a.getAttribute("href")!, /^(\/|#|https?:|mailto:|tel:)/);
  });
});

describe("determinism", () => {
  test("building the same content again gives byte-identical asset files and pages", () => {
    const second = buildOk(content).out;
    const again = listOutput(second);
    assert.deepEqual(again, files);
    for (const file of files) {
      if (file.startsWith("pagefind/")) continue; // the search engineer's index: checked by its own tests
      assert.ok(readFileSync(path.join(second, file)).equals(readFileSync(path.join(out, file))), `${file} differs`);
    }
    rmSync(path.dirname(second), { recursive: true, force: true });
  });
});

describe("unusable images stop the build, name the release, and leave the previous output alone", () => {
  const cases = [
    {
      name: "a missing inline image",
      body: "متن.\n\n![نمودار](images/missing.png)\n",
      line: 8,
      message: /پرونده‌ی تصویر پیدا نشد: «images\/missing\.png»/,
    },
    { name: "an image from another site", body: "متن.\n\n![عکس](https://cdn.example.com/a.jpg)\n", line: 8, message: /بیرون از سایت است/ },
    { name: "an inline image without alt text", body: "متن.\n\n![](images/chart.png)\n", line: 8, message: /متن جایگزین ندارد/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const dir = copyFixture("assets");
      // A previous good output (a copy of the one built above) that the failed build must not touch.
      const target = path.join(tempDir(), "dist");
      cpSync(out, target, { recursive: true });
      const before = readFileSync(path.join(target, "index.html"));
      writeFileSync(
        path.join(dir, "releases/1404/bad.md"),
        `---\ntitle: "خبر با تصویر نادرست"\ndate: "1404-08-15"\ncategory: culture\n---\n${c.body}`,
      );
      const result = build(dir, { out: target });
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, new RegExp(`releases/1404/bad\\.md:${c.line}:`));
      assert.match(result.stderr, c.message);
      assert.ok(readFileSync(path.join(target, "index.html")).equals(before), "previous output untouched");
      assert.ok(!listOutput(path.dirname(target)).some((f) => f.includes(".tmp-")), "no staging folder left");
    });
  }

  test("a missing lead image names the release and the field", () => {
    const dir = copyFixture("assets");
    writeFileSync(
      path.join(dir, "releases/1404/bad.md"),
      `---\ntitle: "خبر با تصویر گم‌شده"\ndate: "1404-08-15"\ncategory: culture\nimage: images/nowhere.jpg\nimageAlt: "چیزی"\nimageCredit: "کسی"\n---\nمتن.\n`,
    );
    const result = build(dir);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /releases\/1404\/bad\.md:5:1 {2}فیلد «image»: پرونده‌ی تصویر پیدا نشد: «images\/nowhere\.jpg»/);
    assert.ok(!existsSync(result.out));
  });
});
