/**
 * Every message in Persian, at the right line and column (issue 14), and the YAML alias bomb refused
 * at once (issue 15): YAML and JSON syntax errors, schema messages, the line a cross-field problem
 * points at, «منظورتان … بود؟», and paths printed so a terminal opens them. Each build fails, prints
 * the exact text, and leaves the previous output untouched.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { build, buildOk, copyFixture, FIXED_NOW, ROOT, runScript, tempDir, snapshotOutput } from "../helpers/build.ts";
import { yamlAliasBomb } from "../helpers/hostile.ts";

let goodOut: string;
let goodFiles: Map<string, string>;

before(() => {
  goodOut = buildOk(copyFixture("basic")).out;
  goodFiles = snapshotOutput(goodOut);
});

const release = (front: string) => `---\n${front}\n---\nمتن خبر.\n`;

/** Writes files into a fresh copy of the basic fixture and builds into the good output: it must fail and change nothing. */
function failingBuild(files: Record<string, string>): { stderr: string; content: string; ms: number } {
  const content = copyFixture("basic");
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), source);
  }
  const started = performance.now();
  const result = build(content, { out: goodOut });
  const ms = performance.now() - started;
  assert.notEqual(result.code, 0, `build should fail:\n${result.stdout}`);
  assert.deepEqual(snapshotOutput(goodOut), goodFiles, "the previous output must be untouched");
  assert.deepEqual(
    readdirSync(path.dirname(goodOut)).filter((f) => f !== path.basename(goodOut)),
    [],
    "no staging folder may be left behind",
  );
  return { stderr: result.stderr, content, ms };
}

/** The report's lines (the content is in a temporary folder outside the working directory: printed absolute). */
const reportLines = (stderr: string) => stderr.split("\n");

describe("release front matter: YAML and schema messages at the line that needs the fix", () => {
  let stderr: string;
  let content: string;
  let ms: number;
  before(() => {
    ({ stderr, content, ms } = failingBuild({
      "releases/colon.md": release('title: نشست خبری: روز اول\ndate: "1403-01-10"\ncategory: culture'),
      "releases/quote.md": release('title: "نشست\ndate: "1403-01-10"\ncategory: culture'),
      "releases/bomb.md": release(`title: "خبر"\ndate: "1403-01-10"\ncategory: culture\ntags:\n${yamlAliasBomb()}`),
      "releases/alt.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: culture\nimage: photo.jpg\ntags: [الف]'),
      "releases/persian-category.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: فرهنگی'),
      "releases/typo-category.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: cultur'),
      "releases/field.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: culture\ntages: [الف]'),
      "releases/image.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: culture\nimage: images/hal.jpg\nimageAlt: "تالار"'),
      "releases/images/hall.jpg": "",
      "releases/update.md": release(
        'title: "خبر"\ndate: "1403-01-10"\ncategory: culture\nupdates:\n  - date: "1403-01-11"\n    note: "یک"\n  - date: "1403-01-12"\n    notes: "دو"',
      ),
    }));
  });

  const expectLine = (line: string) => assert.ok(reportLines(stderr).includes(line), `missing:\n${line}\nin:\n${stderr}`);

  test("an unquoted colon in a headline: its column, and the line in quotes", () => {
    expectLine(
      `${content}/releases/colon.md:2:17  سرآغاز (YAML) خوانده نشد: مقدار «title» دونقطه («:») دارد و YAML آن را آغاز فیلدی تازه می‌خواند؛ مقدار را میان گیومه بگذارید → پیشنهاد: «title: "نشست خبری: روز اول"»`,
    );
  });

  test("an unclosed quote: the line that opened it", () => {
    expectLine(
      `${content}/releases/quote.md:2:8  سرآغاز (YAML) خوانده نشد: گیومه‌ی «"» در آغاز مقدار «title» در همین خط بسته نشده است؛ در پایان مقدار آن را ببندید → پیشنهاد: «title: "نشست"»`,
    );
  });

  test("a YAML alias bomb: one Persian error naming the file, at once", () => {
    expectLine(
      `${content}/releases/bomb.md:7:11  سرآغاز (YAML) خوانده نشد: ارجاع YAML («*نام») و لنگر («&نام») در سرآغاز پذیرفته نیست؛ مقدار را کامل بنویسید، و اگر «*» یا «&» بخشی از متن است، مقدار را میان گیومه بگذارید`,
    );
    assert.doesNotMatch(stderr, /RangeError|Invalid string length/);
    // The whole failing build (a process start included); before: 26 s and 2.7 GB, then a crash.
    assert.ok(ms < 30_000, `${ms} ms`);
  });

  test("a missing imageAlt points at the image line", () => {
    expectLine(
      `${content}/releases/alt.md:5:1  فیلد «imageAlt»: وقتی تصویر (image) دارید، متن جایگزین آن (imageAlt) لازم است: آنچه در تصویر دیده می‌شود`,
    );
  });

  test("a category's Persian name, or a typo: «منظورتان … بود؟» with the key", () => {
    expectLine(
      `${content}/releases/persian-category.md:4:1  فیلد «category»: این دسته تعریف نشده است؛ منظورتان «culture» بود؟ دسته‌های مجاز (در _data/categories.json): culture، education، empty (مقدار فعلی: «فرهنگی»)`,
    );
    expectLine(
      `${content}/releases/typo-category.md:4:1  فیلد «category»: این دسته تعریف نشده است؛ منظورتان «culture» بود؟ دسته‌های مجاز (در _data/categories.json): culture، education، empty (مقدار فعلی: «cultur»)`,
    );
  });

  test("an unknown field: the same wording", () => {
    expectLine(
      `${content}/releases/field.md:5:1  فیلد «tages»: این فیلد شناخته نشد؛ منظورتان «tags» بود؟ فیلدهای مجاز: title، date، category، tags، summary، slug، updated، image، imageAlt، imageCaption، imageCredit، draft، type، location، from، contact، updates، withdrawn، attachments، gallery`,
    );
  });

  test("a missing image file: the nearest file of its folder", () => {
    expectLine(
      `${content}/releases/image.md:5:1  فیلد «image»: پرونده‌ی تصویر پیدا نشد: «images/hal.jpg» (نشانی نسبت به همین پرونده‌ی خبر است)؛ منظورتان «images/hall.jpg» بود؟`,
    );
  });

  test("a nested problem points at its own line", () => {
    expectLine(`${content}/releases/update.md:8:1  فیلد «updates.1.note»: شرح به‌روزرسانی (note) لازم است: چه چیزی تغییر کرد`);
    expectLine(
      `${content}/releases/update.md:9:1  فیلد «updates.1»: کلید «notes» در هر به‌روزرسانی شناخته نشد؛ منظورتان «note» بود؟ کلیدهای مجاز: date، note`,
    );
  });

  test("the report names the content folder in use", () => {
    expectLine(`پوشه‌ی محتوا: ${content}`);
    // alt.md's missing photo too: every check runs on a file whatever else failed on it.
    expectLine(`${content}/releases/alt.md:5:1  فیلد «image»: پرونده‌ی تصویر پیدا نشد: «photo.jpg» (نشانی نسبت به همین پرونده‌ی خبر است)`);
    expectLine("11 خطا در محتوا؛ ساخت سایت انجام نشد و خروجی قبلی دست نخورد.");
  });
});

describe("data files: JSON syntax and schema messages in Persian, at their line", () => {
  test("a trailing comma in site.json", () => {
    const { stderr, content } = failingBuild({
      "_data/site.json": '{\n  "name": "سایت",\n  "url": "https://example.ir/",\n  "organization": { "name": "مؤسسه" },\n}\n',
    });
    assert.ok(
      reportLines(stderr).includes(
        `${content}/_data/site.json:4:38  JSON خوانده نشد: پس از آخرین مورد ویرگول («,») نمی‌آید؛ آن را پاک کنید`,
      ),
      stderr,
    );
    assert.doesNotMatch(stderr, /Unexpected token|in JSON at position/);
  });

  test("site.json without organization and with a wrong pageSize; categories.json an array", () => {
    const { stderr, content } = failingBuild({
      "_data/site.json": '{\n  "name": "سایت",\n  "url": "https://example.ir/",\n  "pageSize": 0\n}\n',
      "_data/categories.json": '[\n  "culture"\n]\n',
    });
    const lines = reportLines(stderr);
    for (const line of [
      `${content}/_data/site.json:4:3  فیلد «pageSize»: اندازه‌ی صفحه (pageSize) دست‌کم 1 است (مقدار فعلی: «0»)`,
      `${content}/_data/site.json:1:1  فیلد «organization»: مشخصات سازمان (organization) لازم است؛ مانند "organization": {"name": "روابط عمومی مؤسسه"}`,
      `${content}/_data/categories.json:1:1  categories.json باید مجموعه‌ای از «کلید: دسته» میان {…} باشد؛ مانند {"culture": {"name": "فرهنگی"}}`,
    ])
      assert.ok(lines.includes(line), `missing:\n${line}\nin:\n${stderr}`);
    assert.doesNotMatch(stderr, /Invalid input|expected object/);
  });

  test("types.json with a missing comma; contacts.json with an unquoted key", () => {
    const { stderr, content } = failingBuild({
      "_data/types.json": '{\n  "news": "خبر"\n  "announcement": "اطلاعیه"\n}\n',
      "_data/contacts.json": '{\n  press: { "name": "دفتر", "phone": "021-1" }\n}\n',
    });
    const lines = reportLines(stderr);
    for (const line of [
      `${content}/_data/types.json:2:16  JSON خوانده نشد: میان دو مورد ویرگول («,») لازم است؛ در پایان این مورد «,» بگذارید`,
      `${content}/_data/contacts.json:2:3  JSON خوانده نشد: نام کلید باید میان گیومه‌ی دوتایی باشد: "press"`,
    ])
      assert.ok(lines.includes(line), `missing:\n${line}\nin:\n${stderr}`);
  });

  test("an unknown type or contact: «منظورتان … بود؟» by key or by label", () => {
    const { stderr, content } = failingBuild({
      "_data/types.json": '{ "news": "خبر", "announcement": "اطلاعیه" }',
      "_data/contacts.json": '{ "press-office": { "name": "دفتر روابط عمومی", "phone": "021-1" } }',
      "releases/type.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: culture\ntype: اطلاعیه‌ها\ncontact: press-ofice'),
    });
    const lines = reportLines(stderr);
    for (const line of [
      `${content}/releases/type.md:5:1  فیلد «type»: این نوع خبر تعریف نشده است؛ منظورتان «announcement» بود؟ نوع‌های مجاز (در _data/types.json): news (خبر)، announcement (اطلاعیه) (مقدار فعلی: «اطلاعیه‌ها»)`,
      `${content}/releases/type.md:6:1  فیلد «contact»: این مسئول تماس تعریف نشده است؛ منظورتان «press-office» بود؟ شناسه‌های مجاز (در _data/contacts.json): press-office (دفتر روابط عمومی) (مقدار فعلی: «press-ofice»)`,
    ])
      assert.ok(lines.includes(line), `missing:\n${line}\nin:\n${stderr}`);
  });
});

describe("paths a terminal can open", () => {
  test("relative to where the command was run, with the content folder as CHAPAR_CONTENT named it", () => {
    const content = copyFixture("basic");
    writeFileSync(path.join(content, "releases/colon.md"), release('title: نشست خبری: روز اول\ndate: "1403-01-10"\ncategory: culture'));
    const cwd = path.dirname(content);
    const result = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(ROOT, "scripts/check.ts")], {
      cwd,
      env: {
        ...process.env,
        CHAPAR_CONTENT: path.basename(content),
        CHAPAR_NOW: FIXED_NOW,
        CHAPAR_CACHE_DIR: path.join(tempDir(), "cache"),
      },
      encoding: "utf8",
    });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^basic\/releases\/colon\.md:2:17 {2}سرآغاز \(YAML\) خوانده نشد: /m);
  });
});

describe("npm run new", () => {
  test("a category's Persian name: the key to give, and the categories file in use", () => {
    const content = copyFixture("basic");
    const result = runScript("scripts/new.ts", ["خبر", "--category", "آموزشی"], { CHAPAR_CONTENT: content });
    assert.notEqual(result.code, 0);
    assert.match(
      result.stderr,
      new RegExp(
        `دسته‌ی «آموزشی» تعریف نشده است؛ منظورتان «education» بود؟ دسته‌های مجاز \\(در ${content}/_data/categories\\.json\\): culture \\(فرهنگی\\)`,
      ),
    );
  });
});
