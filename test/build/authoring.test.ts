/**
 * The authors' commands, run as an author runs them (child processes, CHAPAR_CONTENT pointing at a
 * copy of the `authoring` fixture): `npm run new`, `npm run check`, `npm run check -- --fix`, and the
 * build running the same checks first.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { RELEASE_FIELDS } from "../../lib/content/schema.ts";
import { ZWNJ } from "../../lib/text/persian.ts";
import { build, buildOk, copyFixture, readPage, runScript, text } from "../helpers/build.ts";

const Z = ZWNJ;
const newRelease = (content: string, args: string[], env: Record<string, string> = {}) =>
  runScript("scripts/new.ts", args, { CHAPAR_CONTENT: content, ...env });
const check = (content: string, args: string[] = [], env: Record<string, string> = {}) =>
  runScript("scripts/check.ts", args, { CHAPAR_CONTENT: content, ...env });
const release = (front: string, body: string) => `---\n${front}\n---\n${body}`;
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

describe("npm run new", () => {
  // 2025-03-20T21:00Z is 00:30 on 1 Farvardin 1404 in Tehran (and still 20 March in UTC and Los Angeles).
  const NOWRUZ = { CHAPAR_NOW: "2025-03-20T21:00:00Z" };

  test("creates releases/<Jalali year>/<slug>.md with the date and time in the site's zone", () => {
    const content = copyFixture("authoring");
    const result = newRelease(content, ["جشنواره‌ی تئاتر کودک", "--category", "education", "--tags", "تئاتر،کودک, نمایش"], NOWRUZ);
    assert.equal(result.code, 0, result.stderr);
    const file = path.join(content, "releases/1404/جشنواره-ی-تئاتر-کودک.md");
    assert.ok(existsSync(file), result.stdout);
    assert.match(result.stdout, /releases\/1404\/جشنواره-ی-تئاتر-کودک\.md/);
    const source = readFileSync(file, "utf8");
    assert.match(source, /^title: "جشنواره‌ی تئاتر کودک"$/m);
    assert.match(source, /^date: "1404-01-01 00:30"$/m);
    assert.match(source, /^category: education$/m);
    assert.match(source, /^tags: \["تئاتر", "کودک", "نمایش"\]$/m);
    assert.match(source, /^draft: false$/m);
  });

  test("the skeleton has every field of the schema, set or commented, each with a Persian comment", () => {
    const content = copyFixture("authoring");
    assert.equal(newRelease(content, ["خبر"], NOWRUZ).code, 0);
    const source = readFileSync(path.join(content, "releases/1404/خبر.md"), "utf8");
    for (const field of RELEASE_FIELDS) assert.match(source, new RegExp(`^(# )?${field}:`, "m"), field);
    const lines = source.split("\n");
    for (const field of RELEASE_FIELDS) {
      const at = lines.findIndex((l) => new RegExp(`^(# )?${field}:`).test(l));
      assert.match(lines[at - 1] ?? "", /^# .*[\u0600-\u06ff]/, `comment before ${field}`);
    }
  });

  test("--slug, --date and --draft; the new file passes the check (only the placeholder warning)", () => {
    const content = copyFixture("authoring");
    const result = newRelease(content, ["نشست خبری", "--slug", "press-meeting", "--date", "۱۴۰۳/۰۹/۱۰ ۰۹:۳۰", "--draft"]);
    assert.equal(result.code, 0, result.stderr);
    const source = readFileSync(path.join(content, "releases/1403/press-meeting.md"), "utf8");
    assert.match(source, /^date: "1403-09-10 09:30"$/m);
    assert.match(source, /^draft: true$/m);
    assert.match(source, /^category: culture$/m, "the first category when none is given");
    const checked = check(content);
    assert.equal(checked.code, 0, checked.stdout);
    assert.match(checked.stdout, /releases\/1403\/press-meeting\.md:\d+:1 {2}متن نمونه‌ی «npm run new» هنوز در خبر مانده است/);
    assert.match(checked.stdout, /نتیجه: 0 خطا، 1 هشدار در 3 پرونده‌ی خبر/);
  });

  test("never overwrites a file: Persian error, non-zero exit, file unchanged", () => {
    const content = copyFixture("authoring");
    const file = path.join(content, "releases/1403/opening.md");
    const before = readFileSync(file, "utf8");
    const result = newRelease(content, ["گشایش", "--slug", "opening", "--date", "1403-02-01"]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /پرونده‌ی releases\/1403\/opening\.md از پیش هست و بازنویسی نمی‌شود/);
    assert.equal(readFileSync(file, "utf8"), before);
  });

  test("an unknown category lists the valid keys and writes nothing", () => {
    const content = copyFixture("authoring");
    const result = newRelease(content, ["خبر", "--category", "sport"], NOWRUZ);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /دسته‌ی «sport» تعریف نشده است/);
    assert.match(result.stderr, /culture \(فرهنگی\)، education \(آموزشی\)/);
    assert.deepEqual(readdirSync(path.join(content, "releases/1404")), ["second-day.md"]);
  });

  test("no title, a bad date or a bad slug: Persian errors, nothing written", () => {
    const content = copyFixture("authoring");
    const noTitle = newRelease(content, []);
    assert.notEqual(noTitle.code, 0);
    assert.match(noTitle.stderr, /عنوان خبر لازم است/);
    const badDate = newRelease(content, ["خبر", "--date", "1404-12-30"]);
    assert.notEqual(badDate.code, 0);
    assert.match(badDate.stderr, /اسفند 1404 29 روز دارد/);
    const badSlug = newRelease(content, ["خبر", "--slug", "a b"]);
    assert.notEqual(badSlug.code, 0);
    assert.match(badSlug.stderr, /نامک «a b» درست نیست/);
    assert.deepEqual(readdirSync(path.join(content, "releases")).sort(), ["1403", "1404"]);
    assert.deepEqual(readdirSync(path.join(content, "releases/1404")), ["second-day.md"]);
  });
});

describe("npm run check", () => {
  test("clean content: exit 0 and a summary", () => {
    const result = check(copyFixture("authoring"));
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /نتیجه: 0 خطا، 0 هشدار در 2 پرونده‌ی خبر/);
  });

  test("errors and warnings in separate groups, file:line:column, exit 1", () => {
    const content = copyFixture("authoring");
    // A title-less release; a release with typography findings, a vague alt text and broken links.
    writeFileSync(path.join(content, "releases/1403/untitled.md"), release('date: "1403-03-01"\ncategory: culture', "متن خبر.\n"));
    writeFileSync(
      path.join(content, "releases/1403/typos.md"),
      release(
        'title: "كتاب ها"\ndate: "1403-03-02"\ncategory: culture\nimage: photo.png\nimageAlt: "IMG_2041.jpg"',
        "این خبر ، درباره‌ی کتاب ها است.\n\nبه [خبر گمشده](../1402/missing.md) و [نشانی نادرست](/1404/02/second-day/) نگاه کنید.\n\n![تصویر](photo.png)\n",
      ),
    );
    writeFileSync(path.join(content, "releases/1403/photo.png"), Buffer.from(PNG_1X1, "base64"));
    const result = check(content);
    assert.equal(result.code, 1, result.stdout);
    const out = result.stdout;
    const errors = out.slice(out.indexOf("خطاها"), out.indexOf("هشدارها"));
    const warnings = out.slice(out.indexOf("هشدارها"), out.indexOf("نتیجه:"));
    assert.match(errors, /^خطاها \(3\):$/m);
    assert.match(errors, /^\S*\/releases\/1403\/untitled\.md:1:1 {2}فیلد «title»: عنوان لازم است/m);
    assert.match(errors, /^\S*\/releases\/1403\/typos\.md:10:16 {2}پیوند به خبری که نیست: «\.\.\/1402\/missing\.md»/m);
    assert.match(
      errors,
      /^\S*\/releases\/1403\/typos\.md:10:53 {2}پیوند به خبری که در این سایت نیست: «\/1404\/02\/second-day\/»؛ منظورتان «\/1404\/01\/second-day\/» بود؟/m,
    );
    assert.match(warnings, /^\S*\/releases\/1403\/typos\.md:2:9 {2}«ي» و «ك» عربی‌اند/m);
    assert.match(
      warnings,
      /^\S*\/releases\/1403\/typos\.md:2:9 {2}«ها» با نیم‌فاصله به واژه می‌چسبد، نه با فاصله → پیشنهاد: «كتاب‌ها» \[zwnj-plural\]$/m,
    );
    assert.match(warnings, /^\S*\/releases\/1403\/typos\.md:6:12 {2}متن جایگزین «IMG_2041\.jpg» نام پرونده است/m);
    assert.match(
      warnings,
      /^\S*\/releases\/1403\/typos\.md:8:8 {2}پیش از «،» فاصله نمی‌آید → پیشنهاد: «خبر،» \[space-before-punctuation\]$/m,
    );
    assert.match(warnings, /^\S*\/releases\/1403\/typos\.md:8:20 {2}«ها» با نیم‌فاصله/m);
    assert.match(warnings, /^\S*\/releases\/1403\/typos\.md:12:1 {2}متن جایگزین «تصویر» چیزی درباره‌ی تصویر نمی‌گوید/m);
    assert.match(out, /^نتیجه: 3 خطا، 6 هشدار در 4 پرونده‌ی خبر\. پیش از ساخت سایت، خطاها را درست کنید\.$/m);
  });

  test('typographyLint: "error" (site.json) or --typography=error makes findings errors; off silences them', () => {
    const content = copyFixture("authoring");
    writeFileSync(
      path.join(content, "releases/1403/typos.md"),
      release('title: "خبر"\ndate: "1403-03-02"\ncategory: culture', "کتاب ها.\n"),
    );
    assert.equal(check(content).code, 0);
    const strict = check(content, ["--typography=error"]);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /^خطاها \(1\):\n\S*\/releases\/1403\/typos\.md:6:1 {2}«ها»/m);
    assert.match(check(content, ["--typography=off"]).stdout, /0 خطا، 0 هشدار/);
    const site = path.join(content, "_data/site.json");
    writeFileSync(site, readFileSync(site, "utf8").replace('"pageSize": 10', '"pageSize": 10, "typographyLint": "error"'));
    assert.equal(check(content).code, 1);
  });

  test("a broken glossary.json is an error with its line", () => {
    const content = copyFixture("authoring");
    writeFileSync(path.join(content, "_data/glossary.json"), '{\n  "وبسایت": ["وب‌سایت"]\n}\n');
    const result = check(content);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^\S*\/_data\/glossary\.json:2:1 {2}برای «وبسایت» شکل درست باید متن باشد/m);
  });

  test("duplicate addresses are errors naming both files", () => {
    const content = copyFixture("authoring");
    writeFileSync(
      path.join(content, "releases/second-day.md"),
      release('title: "تکراری"\ndate: "1404-01-20"\ncategory: culture\nslug: second-day', "متن.\n"),
    );
    const result = check(content);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /releases\/second-day\.md:5:1 {2}فیلد «slug»: نشانی \/1404\/01\/second-day\/ با خبر «releases\/1404\/second-day\.md» یکی شده است/,
    );
  });
});

describe("npm run check -- --fix", () => {
  const body = [
    "این خبر ، درباره‌ی كتاب ها و هماندیشی است و در وبسایت می آید.",
    "",
    "کد `كتاب ها , ?` و نشانی https://example.ir/كتاب_ها?a=1,2 و رایانامه‌ی info@example.ir ، تمام.",
    "",
    "```",
    "كتاب ها ,  می شود",
    "```",
    "",
    "    كتاب ها  indented",
    "",
    "جلسهی مدیران و کتابها.",
    "",
  ].join("\n");

  test("applies the safe fixes, shows a diff, leaves code and URLs byte-identical and the ambiguous as warnings", () => {
    const content = copyFixture("authoring");
    const file = path.join(content, "releases/1403/typos.md");
    writeFileSync(file, release('title: "كتاب ها"\ndate: "1403-03-02"\ncategory: culture', body));
    const result = check(content, ["--fix"]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const after = readFileSync(file, "utf8").split("\n");
    assert.equal(after[1], `title: "کتاب${Z}ها"`);
    assert.equal(
      after[5],
      `این خبر، درباره‌ی کتاب${Z}ها و هم${Z}اندیشی است و در وب${Z}سایت می${Z}آید.`,
      "glossary entries (built-in and the office's) applied",
    );
    assert.equal(after[7], "کد `كتاب ها , ?` و نشانی https://example.ir/كتاب_ها?a=1,2 و رایانامه‌ی info@example.ir ، تمام.");
    assert.deepEqual(after.slice(9, 14), ["```", "كتاب ها ,  می شود", "```", "", "    كتاب ها  indented"]);
    // The word list knows «جلسه» and not «جلسهی»: its «ه» is silent, the ZWNJ certain.
    assert.equal(after[15], `جلسه${Z}ی مدیران و کتابها.`);
    // The diff: the file, and each changed line before and after.
    assert.match(
      result.stdout,
      /^--- releases\/1403\/typos\.md\n\+\+\+ releases\/1403\/typos\.md\n@@ -2,1 \+2,1 @@\n-title: "كتاب ها"\n\+title: "کتاب‌ها"\n@@ -6,1 \+6,1 @@\n-این خبر ، /m,
    );
    assert.match(result.stdout, /^\d+ اصلاح در 1 پرونده انجام شد\.$/m);
    // What's left: the warning that needs a person.
    assert.match(result.stdout, /typos\.md:16:17 {2}«ها» بی‌نیم‌فاصله به واژه چسبیده است/);
    assert.match(result.stdout, /نتیجه: 0 خطا، 1 هشدار/);
  });

  test("running it again changes nothing", () => {
    const content = copyFixture("authoring");
    const file = path.join(content, "releases/1403/typos.md");
    writeFileSync(file, release('title: "كتاب ها"\ndate: "1403-03-02"\ncategory: culture', body));
    check(content, ["--fix"]);
    const once = readFileSync(file, "utf8");
    const again = check(content, ["--fix"]);
    assert.match(again.stdout, /اصلاح بی‌خطری برای انجام نبود/);
    assert.equal(readFileSync(file, "utf8"), once);
  });

  test("clean files are not touched (byte for byte)", () => {
    const content = copyFixture("authoring");
    const files = ["releases/1403/opening.md", "releases/1404/second-day.md"].map((f) => path.join(content, f));
    const before = files.map((f) => readFileSync(f));
    check(content, ["--fix"]);
    assert.deepEqual(
      files.map((f) => readFileSync(f)),
      before,
    );
  });
});

describe("npm run build runs the same checks", () => {
  test("typography findings are warnings: the site is built, the count is printed", () => {
    const content = copyFixture("authoring");
    writeFileSync(
      path.join(content, "releases/1403/typos.md"),
      release('title: "كتاب ها در سال 1403"\ndate: "1403-03-02"\ncategory: culture', "کتاب ها.\n"),
    );
    const result = buildOk(content);
    assert.match(result.stderr, /3 هشدار نگارشی و متن جایگزین تصویر؛ برای دیدن آن‌ها و اصلاح خودکار: npm run check/);
    // Render-time transforms on the built page: title letters and digits; the file is unchanged.
    assert.equal(text(readPage(result.out, "/1403/03/typos/").querySelector("h1")), "کتاب ها در سال ۱۴۰۳");
  });

  test('with typographyLint "error" a finding stops the build', () => {
    const content = copyFixture("authoring");
    writeFileSync(
      path.join(content, "releases/1403/typos.md"),
      release('title: "خبر"\ndate: "1403-03-02"\ncategory: culture', "کتاب ها.\n"),
    );
    const site = path.join(content, "_data/site.json");
    writeFileSync(site, readFileSync(site, "utf8").replace('"pageSize": 10', '"pageSize": 10, "typographyLint": "error"'));
    const result = build(content);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /releases\/1403\/typos\.md:6:1 {2}«ها» با نیم‌فاصله/);
    assert.match(result.stderr, /^1 خطا در محتوا؛ ساخت سایت انجام نشد/m);
    assert.equal(existsSync(result.out), false);
  });

  test("links between releases: .md links become addresses (base path included); body text transformed, code and URLs not", () => {
    const { out } = buildOk(copyFixture("authoring"));
    const page = readPage(out, "/1403/02/opening/");
    const body = page.querySelector(".release-body")!;
    const links = [...body.querySelectorAll("a")].map((a) => [a.getAttribute("href"), text(a)]);
    assert.deepEqual(links, [
      ["https://example.ir/register/2024", "https://example.ir/register/2024"],
      ["mailto:press@example.ir", "press@example.ir"],
      ["/press/1404/01/second-day/", "خبر بعدی"],
      ["/press/1404/01/second-day/", "همان خبر با نشانی"],
    ]);
    assert.match(body.innerHTML, /از ۲۰ تا ۲۵ اردیبهشت/);
    assert.match(body.innerHTML, /<bdi>iPhone 15<\/bdi> و <bdi>COVID-19<\/bdi> و <bdi>20 MB<\/bdi> و <code>npm run build 12<\/code>/);
    assert.equal(text(body.querySelector("pre")), "كتاب 12 ها");
    assert.equal(
      readPage(out, "/1404/01/second-day/").querySelector(".release-body a")?.getAttribute("href"),
      "/press/1403/02/opening/#%D8%A2%D8%BA%D8%A7%D8%B2",
    );
  });
});
