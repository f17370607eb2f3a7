/**
 * Bad input never produces a site: every problem of every file is reported at once, in Persian,
 * naming file and field; the build exits non-zero and the previous output stays as it was.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { build, buildOk, copyFixture, snapshotOutput } from "../helpers/build.ts";

/** A good site built once; each test breaks a copy of its content and rebuilds into the same output. */
let goodOut: string;
let goodFiles: Map<string, string>;

before(() => {
  goodOut = buildOk(copyFixture("basic")).out;
  goodFiles = snapshotOutput(goodOut);
});

function release(front: string, body = "متن خبر."): string {
  return `---\n${front}\n---\n${body}\n`;
}

/** Writes files into a fresh copy of the fixture, builds into the good output, and checks it failed cleanly. */
function failingBuild(files: Record<string, string>): string {
  const content = copyFixture("basic");
  for (const [file, source] of Object.entries(files)) writeFileSync(path.join(content, file), source);
  const result = build(content, { out: goodOut });
  assert.notEqual(result.code, 0, `build should fail:\n${result.stdout}`);
  assert.deepEqual(snapshotOutput(goodOut), goodFiles, "the previous output must be untouched");
  const parent = path.dirname(goodOut);
  assert.deepEqual(
    readdirSync(parent).filter((f) => f !== path.basename(goodOut)),
    [],
    "no staging folder may be left behind",
  );
  return result.stderr;
}

const cases: { name: string; files: Record<string, string>; expect: RegExp[] }[] = [
  {
    name: "a release without a title",
    files: { "releases/bad.md": release('date: "1403-01-10"\ncategory: culture') },
    expect: [/releases\/bad\.md/, /فیلد «title»/, /عنوان لازم است/],
  },
  {
    name: "an empty title",
    files: { "releases/bad.md": release('title: "   "\ndate: "1403-01-10"\ncategory: culture') },
    expect: [/releases\/bad\.md:2:1/, /فیلد «title»/],
  },
  {
    name: "a release without a date",
    files: { "releases/bad.md": release('title: "خبر"\ncategory: culture') },
    expect: [/فیلد «date»/, /تاریخ لازم است/],
  },
  {
    name: "30 Esfand in a common year (1404-12-30)",
    files: { "releases/bad.md": release('title: "خبر"\ndate: "1404-12-30"\ncategory: culture') },
    expect: [/releases\/bad\.md:3:1/, /فیلد «date»/, /اسفند 1404 29 روز/, /«1404-12-30»/],
  },
  {
    name: "31 Mehr (1401-07-31)",
    files: { "releases/bad.md": release('title: "خبر"\ndate: 1401-07-31\ncategory: culture') },
    expect: [/فیلد «date»/, /مهر 1401 30 روز/],
  },
  {
    name: "month 13 (1401-13-01)",
    files: { "releases/bad.md": release('title: "خبر"\ndate: "1401-13-01"\ncategory: culture') },
    expect: [/فیلد «date»/, /ماه 13 وجود ندارد/],
  },
  {
    name: "a date in no known form",
    files: { "releases/bad.md": release('title: "خبر"\ndate: "دیروز"\ncategory: culture') },
    expect: [/فیلد «date»/, /قالب تاریخ شناخته نشد/, /1401-02-25/],
  },
  {
    name: "an unknown category lists the valid keys",
    files: { "releases/bad.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: cultur') },
    expect: [/فیلد «category»/, /«cultur»/, /culture، education، empty/],
  },
  {
    name: "an image without alt text",
    files: { "releases/bad.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: culture\nimage: photo.jpg') },
    expect: [/releases\/bad\.md:5:1 {2}فیلد «imageAlt»/, /متن جایگزین/],
  },
  {
    name: "an image file that does not exist",
    files: { "releases/bad.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: culture\nimage: missing.jpg\nimageAlt: "عکس"') },
    expect: [/releases\/bad\.md:5:1/, /فیلد «image»/, /پیدا نشد/, /missing\.jpg/],
  },
  {
    name: "two releases with one URL name both files",
    files: {
      "releases/1401/twin.md": release('title: "یک"\ndate: "1401-02-10"\ncategory: culture'),
      "releases/twin.md": release('title: "دو"\ndate: "1401-02-11"\ncategory: culture'),
    },
    expect: [/\/1401\/02\/twin\//, /releases\/1401\/twin\.md/, /releases\/twin\.md/],
  },
  {
    name: "a misspelt field gets a suggestion",
    files: { "releases/bad.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: culture\ntages: [الف]') },
    expect: [/فیلد «tages»/, /این فیلد شناخته نشد؛ منظورتان «tags» بود؟ فیلدهای مجاز: title، /],
  },
  {
    name: "broken YAML points at its line",
    files: { "releases/bad.md": release('title: "خبر\ndate: "1403-01-10"\ncategory: culture') },
    expect: [/releases\/bad\.md:2:8 {2}سرآغاز \(YAML\) خوانده نشد: گیومه‌ی «"» در آغاز مقدار «title» در همین خط بسته نشده است/],
  },
  {
    name: "a Markdown file without front matter",
    files: { "releases/bad.md": "# فقط متن\n" },
    expect: [/releases\/bad\.md:1:1/, /سرآغاز/],
  },
  {
    name: "draft that is not true/false",
    files: { "releases/bad.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: culture\ndraft: شاید') },
    expect: [/فیلد «draft»/, /true یا false/],
  },
  {
    name: "a slug with spaces",
    files: { "releases/bad.md": release('title: "خبر"\ndate: "1403-01-10"\ncategory: culture\nslug: "a b"') },
    expect: [/فیلد «slug»/, /خط تیره/],
  },
  {
    name: "updated before date",
    files: { "releases/bad.md": release('title: "خبر"\ndate: "1403-01-10"\nupdated: "1402-01-10"\ncategory: culture') },
    expect: [/فیلد «updated»/, /پیش از تاریخ انتشار/],
  },
  {
    name: "a stray file type in content/",
    files: { "releases/notes.txt": "یادداشت" },
    expect: [/releases\/notes\.txt/, /جایی ندارد/],
  },
  {
    name: "invalid site settings",
    files: { "_data/site.json": '{ "name": "", "url": "example.ir", "organization": { "name": "x" } }' },
    expect: [/_data\/site\.json/, /نام سایت نباید خالی باشد/, /http/],
  },
  {
    name: "an accent colour too light for text on the light page (WCAG AA)",
    files: {
      "_data/site.json": '{ "name": "x", "url": "https://example.ir/", "organization": { "name": "x" },\n  "accentColor": "#7fb3bf" }',
    },
    expect: [/_data\/site\.json:2/, /\(accentColor\) «#7fb3bf»/, /نسبت کنتراست ۲٫۲۴:۱/, /دست‌کم ۴٫۵:۱ لازم است/, /تیره‌تر برگزینید/],
  },
  {
    name: "a dark-mode accent colour too dark for the dark page",
    files: {
      "_data/site.json": '{ "name": "x", "url": "https://example.ir/", "organization": { "name": "x" }, "accentColorDark": "#0b5c6b" }',
    },
    expect: [/\(accentColorDark\) «#0b5c6b»/, /حالت تیره/, /نسبت کنتراست ۲٫۳۳:۱/, /روشن‌تر برگزینید/],
  },
  {
    name: "an accent colour that is not a colour",
    files: { "_data/site.json": '{ "name": "x", "url": "https://example.ir/", "organization": { "name": "x" }, "accentColor": "green" }' },
    expect: [/accentColor/, /#rrggbb/],
  },
  {
    name: "a category key that isn't Latin",
    files: { "_data/categories.json": '{ "فرهنگ": { "name": "فرهنگ" } }' },
    expect: [/_data\/categories\.json/, /کلید دسته/],
  },
];

describe("bad input: error text, exit code, previous output untouched", () => {
  for (const c of cases) {
    test(c.name, () => {
      const stderr = failingBuild(c.files);
      for (const pattern of c.expect) assert.match(stderr, pattern);
      assert.match(stderr, /خطا در محتوا؛ ساخت سایت انجام نشد/);
    });
  }

  test("every problem of every file is reported in one run", () => {
    const stderr = failingBuild({
      "releases/a.md": release('date: "1404-12-30"\ncategory: nope'),
      "releases/b.md": release('title: "ب"\ndate: "1401-07-31"\ncategory: culture\nimage: x.png'),
    });
    for (const pattern of [/a\.md.*«title»/, /a\.md.*«date»/, /a\.md.*«category»/, /b\.md.*«date»/, /b\.md.*«imageAlt»/, /b\.md.*«image»/])
      assert.match(stderr, pattern);
    // The missing image too, in the same run as the bad date (test/build/one-round.test.ts has the full case).
    assert.match(stderr, /^6 خطا در محتوا/m);
  });

  test("a failed first build leaves no output folder at all", () => {
    const content = copyFixture("basic");
    writeFileSync(path.join(content, "releases/bad.md"), release('title: "خبر"'));
    const out = path.join(path.dirname(goodOut), "..", `fresh-${process.pid}`, "dist");
    const result = build(content, { out });
    assert.notEqual(result.code, 0);
    assert.equal(existsSync(out), false);
    rmSync(path.dirname(out), { recursive: true, force: true });
  });
});

describe("YAML dates never leak through as UTC or as Gregorian years", () => {
  test("unquoted 2022-05-15 is Tehran midnight and unquoted 1401-02-25 is Jalali", () => {
    const content = copyFixture("basic");
    writeFileSync(path.join(content, "releases/unquoted-g.md"), release("title: میلادی\ndate: 2022-05-16\ncategory: culture"));
    writeFileSync(path.join(content, "releases/unquoted-j.md"), release("title: شمسی\ndate: 1401-02-27\ncategory: culture"));
    const { out } = buildOk(content);
    const g = readFileSync(path.join(out, "1401/02/unquoted-g/index.html"), "utf8");
    assert.match(g, /datetime="2022-05-16T00:00:00\+04:30">دوشنبه ۲۶ اردیبهشت ۱۴۰۱</);
    const j = readFileSync(path.join(out, "1401/02/unquoted-j/index.html"), "utf8");
    assert.match(j, /datetime="2022-05-17T00:00:00\+04:30">سه‌شنبه ۲۷ اردیبهشت ۱۴۰۱</);
  });
});
