/**
 * A damaged cache never changes what is published (lib/cache/): a flipped bit or a replaced word in
 * the memo file, a truncated memo, a truncated search bundle, a truncated image rendition or manifest
 * are each found, set aside and made again — the site is the one an undamaged cache gives, and the
 * build says what it rebuilt. Images are keyed by their bytes, and `CHAPAR_CACHE=off` writes no
 * image cache. A damaged image, and an SVG that could run code, are Persian errors naming the file.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MADE_BY_CHAPAR } from "../../lib/features/headers.ts";
import { describe, test } from "node:test";
import sharp from "sharp";
import { build, buildOk, copyFixture, listOutput, ROOT, tempDir } from "../helpers/build.ts";

function digest(dir: string): Map<string, Buffer> {
  return new Map(listOutput(dir).map((f) => [f, readFileSync(path.join(dir, f))]));
}

function assertSameOutput(expected: string, actual: string): void {
  const a = digest(expected);
  const b = digest(actual);
  assert.deepEqual([...b.keys()], [...a.keys()], "the same files");
  for (const [file, bytes] of a) assert.ok(b.get(file)?.equals(bytes), `${file} is the same as with an undamaged cache`);
}

/** The memo file of the one content folder built with `cacheDir`. */
function memoFile(cacheDir: string): string {
  const [file] = listOutput(cacheDir).filter((f) => f.endsWith("memo.v8"));
  assert.ok(file, "a memo file was written");
  return path.join(cacheDir, file);
}

const RELEASE_PAGE = "1401/02/spring/index.html";
// v8 stores Persian strings as UTF-16: this is how the rendered release's words sit in the memo file.
const WORD = "نمایشگاه";

describe("the memo file", () => {
  const env = (cacheDir: string) => ({ CHAPAR_CACHE_DIR: cacheDir, CHAPAR_SEARCH: "off" });

  for (const damage of [
    { name: "one flipped bit", change: (bytes: Buffer, at: number) => void (bytes[at + 6]! ^= 1) },
    {
      name: "a word replaced by another of the same length",
      change: (bytes: Buffer, at: number) => void Buffer.from("کتابخانه", "utf16le").copy(bytes, at),
    },
  ]) {
    test(`${damage.name} in a rendered release: the page shows the original text, and the build says it rebuilt it`, () => {
      const content = copyFixture("basic");
      const cacheDir = path.join(tempDir(), "cache");
      const first = buildOk(content, { env: env(cacheDir) });
      assert.ok(readFileSync(path.join(first.out, RELEASE_PAGE), "utf8").includes(WORD));
      const file = memoFile(cacheDir);
      const bytes = readFileSync(file);
      const at = bytes.indexOf(Buffer.from(WORD, "utf16le"));
      assert.ok(at > 0, "the word is in the memo");
      damage.change(bytes, at);
      writeFileSync(file, bytes);

      const again = buildOk(content, { env: env(cacheDir) });
      assertSameOutput(first.out, again.out);
      assert.match(again.stderr, new RegExp(`^\\d+ مورد از حافظه‌ی ساخت خراب بود؛ کنار گذاشته شد و از نو ساخته شد: ${file}$`, "m"));
      // Repaired: the next build has nothing to say.
      const third = buildOk(content, { env: env(cacheDir) });
      assert.doesNotMatch(third.stderr, /حافظه‌ی ساخت/);
    });
  }

  test("a truncated memo file is an empty cache, and the build says it rebuilt it", () => {
    const content = copyFixture("basic");
    const cacheDir = path.join(tempDir(), "cache");
    const first = buildOk(content, { env: env(cacheDir) });
    const file = memoFile(cacheDir);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const again = buildOk(content, { env: env(cacheDir) });
    assertSameOutput(first.out, again.out);
    assert.match(again.stderr, new RegExp(`^حافظه‌ی ساخت ناقص یا خراب بود؛ کنار گذاشته شد و از نو ساخته شد: ${file}$`, "m"));
  });
});

test("a truncated search shard in the cache is not copied into the site: it is indexed again", () => {
  const content = copyFixture("basic");
  const cacheDir = path.join(tempDir(), "cache");
  const first = buildOk(content, { env: { CHAPAR_CACHE_DIR: cacheDir } });
  // One sealed bundle per shard (Jalali year): search/<year>/<key>/ beside its seal <key>.json (and
  // inputs.key, which names it by its pages' fingerprints).
  const store = path.join(path.dirname(memoFile(cacheDir)), "search");
  const shard = path.join(store, "1401");
  const [bundle] = readdirSync(shard, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  assert.ok(bundle, "a search shard was kept");
  const files = listOutput(path.join(shard, bundle)).filter((f) => f.endsWith(".pf_index") || f.endsWith(".js"));
  const victim = path.join(shard, bundle, files[0]!);
  truncateSync(victim, 7);

  const again = buildOk(content, { env: { CHAPAR_CACHE_DIR: cacheDir } });
  assertSameOutput(path.join(first.out, "pagefind"), path.join(again.out, "pagefind"));
  assert.match(
    again.stderr,
    new RegExp(`^نمایه‌ی جست‌وجوی ذخیره‌شده‌ی سال 1401 ناقص یا خراب بود؛ کنار گذاشته شد و از نو ساخته شد: ${shard}$`, "m"),
  );
});

describe("the image cache", () => {
  const hall = path.join(ROOT, "test/fixtures/assets/releases/1404/images/hall.jpg");
  const rendition = (out: string, suffix: string) => {
    const name = readdirSync(path.join(out, "assets/images")).filter((f) => f.endsWith(suffix));
    assert.equal(name.length, 1, `one ${suffix} rendition: ${name.join()}`);
    return path.join(out, "assets/images", name[0]!);
  };

  test("an image replaced by another of the same size and time gets new renditions", async () => {
    const content = copyFixture("assets");
    const cacheDir = path.join(tempDir(), "cache");
    const image = path.join(content, "releases/1404/images/hall.jpg");
    // Two different photos of exactly the same length: the mirror image, and the original, padded
    // with a JPEG comment segment to the longer one's length.
    const original = readFileSync(hall);
    const mirrored = await sharp(original).flop().jpeg().toBuffer();
    const pad = (jpeg: Buffer, length: number) => {
      const extra = length - jpeg.length;
      if (extra === 0) return jpeg;
      assert.ok(extra >= 4 && extra < 65_535);
      const segment = Buffer.alloc(extra);
      segment.writeUInt16BE(0xfffe, 0);
      segment.writeUInt16BE(extra - 2, 2);
      return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
    };
    const length = Math.max(original.length, mirrored.length) + 4;
    const [a, b] = [pad(original, length), pad(mirrored, length)];
    writeFileSync(image, a);
    const time = new Date("2025-01-01T00:00:00Z");
    utimesSync(image, time, time);
    const first = buildOk(content, { env: { CHAPAR_CACHE_DIR: cacheDir, CHAPAR_SEARCH: "off" } });
    // Only the lead photo is 1440 px wide (the chart is 600).
    const before = readFileSync(rendition(first.out, "-1440.jpg"));

    writeFileSync(image, b);
    utimesSync(image, time, time);
    assert.equal(statSync(image).size, a.length);
    const second = buildOk(content, { env: { CHAPAR_CACHE_DIR: cacheDir, CHAPAR_SEARCH: "off" } });
    assert.ok(!readFileSync(rendition(second.out, "-1440.jpg")).equals(before), "the new photo's renditions are published");
    const fresh = buildOk(content, { env: { CHAPAR_CACHE: "off", CHAPAR_SEARCH: "off" } });
    assertSameOutput(fresh.out, second.out);
  });

  test("a truncated rendition and a truncated manifest are made again, and the build says so", () => {
    const content = copyFixture("assets");
    const cacheDir = path.join(tempDir(), "cache");
    const env = { CHAPAR_CACHE_DIR: cacheDir, CHAPAR_SEARCH: "off" };
    const first = buildOk(content, { env });
    const images = path.join(path.dirname(memoFile(cacheDir)), "images");
    const manifests = readdirSync(images).filter((f) => f.endsWith(".json"));
    assert.equal(manifests.length, 2, "hall.jpg and chart.png");
    // hall.jpg's 960 px JPEG is cut short; chart.png's manifest too.
    const hallRendition = readdirSync(path.join(images, "files")).find((f) => f.endsWith("-960.jpg"))!;
    truncateSync(path.join(images, "files", hallRendition), 100);
    const chartManifest = manifests.find((m) => !m.startsWith(hallRendition.slice(0, 12)))!;
    truncateSync(path.join(images, chartManifest), 10);

    const again = buildOk(content, { env });
    assertSameOutput(first.out, again.out);
    const repaired = (file: string) =>
      new RegExp(`^نسخه‌های ساخته‌شده‌ی تصویر «${file}» در حافظه‌ی ساخت ناقص یا خراب بود؛ کنار گذاشته شد و از نو ساخته شد\\.$`, "m");
    assert.match(again.stderr, repaired("releases/1404/images/hall.jpg"));
    assert.match(again.stderr, repaired("releases/1404/images/chart.png"));
  });

  test("CHAPAR_CACHE=off writes no image cache, anywhere", () => {
    const content = copyFixture("assets");
    const cacheDir = path.join(tempDir(), "cache");
    // A photo no other build has seen, so that no cache anywhere could already hold it.
    const unique = Buffer.from(`${process.pid}-${Date.now()}`);
    writeFileSync(
      path.join(content, "releases/1404/images/hall.jpg"),
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0, unique.length + 2]), unique, readFileSync(hall).subarray(2)]),
    );
    const projectImages = path.join(ROOT, ".cache/images");
    const projectBefore = existsSync(projectImages) ? readdirSync(projectImages).length : 0;
    const result = buildOk(content, { env: { CHAPAR_CACHE: "off", CHAPAR_CACHE_DIR: cacheDir, CHAPAR_SEARCH: "off" } });
    assert.ok(readdirSync(path.join(result.out, "assets/images")).length > 0, "renditions are published");
    assert.equal(existsSync(cacheDir), false, "nothing in CHAPAR_CACHE_DIR");
    assert.equal(existsSync(projectImages) ? readdirSync(projectImages).length : 0, projectBefore, "nothing in the project's .cache/");
  });
});

describe("damaged and dangerous images are Persian errors naming the file; the previous output stays", () => {
  /** A previous output the failed build must not touch (a Chapar output: its `_headers` says so). */
  function previousOutput(): { out: string; unchanged: () => void } {
    const out = path.join(tempDir(), "dist");
    mkdirSync(out);
    writeFileSync(path.join(out, "index.html"), "previous");
    writeFileSync(path.join(out, "_headers"), `${MADE_BY_CHAPAR}\n`);
    return {
      out,
      unchanged: () => {
        assert.deepEqual(readdirSync(out).sort(), ["_headers", "index.html"]);
        assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), "previous");
        assert.ok(!readdirSync(path.dirname(out)).some((f) => f.includes(".tmp-")), "no staging folder left");
      },
    };
  }

  test("a truncated JPEG", () => {
    const content = copyFixture("assets");
    const image = path.join(content, "releases/1404/images/hall.jpg");
    truncateSync(image, Math.floor(statSync(image).size * 0.6));
    const previous = previousOutput();
    const result = build(content, { out: previous.out, env: { CHAPAR_CACHE: "off", CHAPAR_SEARCH: "off" } });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /\/releases\/1404\/images\/hall\.jpg {2}تصویر خراب یا ناقص است و آماده نشد؛ در خبر releases\/1404\/concert\.md آمده است: پرونده را دوباره از منبعش بگیرید یا با یک ویرایشگر تصویر دوباره ذخیره کنید$/m,
    );
    assert.match(result.stderr, /^1 خطا در محتوا؛ ساخت سایت انجام نشد و خروجی قبلی دست نخورد\.$/m);
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    previous.unchanged();
  });

  const SCRIPTED = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>';
  const refused = (shown: string) =>
    `تصویر SVG «${shown}» چیزی دارد که در مرورگر اجرا می‌شود (<script>)؛ چاپار آن را منتشر نمی‌کند: SVG را بی‌اسکریپت، بی‌رویداد و بی‌پیوند javascript: دوباره ذخیره کنید یا PNG بدهید`;
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  test("an SVG with a script as a gallery photo, an attachment, a lead image or an inline image", () => {
    const content = copyFixture("assets");
    writeFileSync(path.join(content, "releases/1404/images/evil.svg"), SCRIPTED);
    writeFileSync(
      path.join(content, "releases/1404/svg.md"),
      `---\ntitle: "خبر با SVG"\ndate: "1404-08-15"\ncategory: culture\nimage: images/evil.svg\nimageAlt: "نمودار"\nimageCredit: "کسی"\nattachments:\n  - file: images/evil.svg\n    title: "نمودار"\ngallery:\n  - file: images/evil.svg\n    alt: "نمودار"\n---\nمتن.\n`,
    );
    writeFileSync(
      path.join(content, "releases/1404/svg-inline.md"),
      `---\ntitle: "خبر با SVG در متن"\ndate: "1404-08-16"\ncategory: culture\n---\nمتن.\n\n![نمودار](images/evil.svg)\n`,
    );
    const previous = previousOutput();
    const result = build(content, { out: previous.out, env: { CHAPAR_SEARCH: "off" } });
    assert.equal(result.code, 1);
    const lines = [
      `releases/1404/svg-inline.md:8:1  ${refused("images/evil.svg")}`,
      `releases/1404/svg.md:9:1  فیلد «attachments.0.file»: ${refused("images/evil.svg")}`,
      `releases/1404/svg.md:12:1  فیلد «gallery.0.file»: ${refused("images/evil.svg")}`,
      `releases/1404/svg.md:5:1  فیلد «image»: ${refused("images/evil.svg")}`,
    ];
    for (const line of lines) assert.match(result.stderr, new RegExp(`/${literal(line)}$`, "m"));
    previous.unchanged();
  });

  test("an SVG logo or favicon with an event handler", () => {
    const onload = '<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'//x\')"><circle r="4"/></svg>';
    const message = (shown: string) =>
      `تصویر SVG «${shown}» چیزی دارد که در مرورگر اجرا می‌شود (on…= (رویداد))؛ چاپار آن را منتشر نمی‌کند: SVG را بی‌اسکریپت، بی‌رویداد و بی‌پیوند javascript: دوباره ذخیره کنید یا PNG بدهید`;

    const logo = copyFixture("assets");
    writeFileSync(path.join(logo, "logo.svg"), onload);
    const site = path.join(logo, "_data/site.json");
    const settings = JSON.parse(readFileSync(site, "utf8")) as { organization: Record<string, unknown> };
    settings.organization.logo = "logo.svg";
    writeFileSync(site, JSON.stringify(settings));
    const previous = previousOutput();
    const withLogo = build(logo, { out: previous.out, env: { CHAPAR_SEARCH: "off" } });
    assert.equal(withLogo.code, 1);
    assert.match(withLogo.stderr, new RegExp(`/_data/site\\.json  فیلد «organization\\.logo»: ${literal(message("logo.svg"))}$`, "m"));
    previous.unchanged();

    const favicon = copyFixture("assets");
    writeFileSync(path.join(favicon, "favicon.svg"), onload);
    const withFavicon = build(favicon, { out: previous.out, env: { CHAPAR_SEARCH: "off" } });
    assert.equal(withFavicon.code, 1);
    assert.match(withFavicon.stderr, new RegExp(`/favicon\\.svg  ${literal(message("favicon.svg"))}$`, "m"));
    previous.unchanged();
  });
});
