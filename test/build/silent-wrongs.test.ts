/**
 * Inputs that were published wrong with no error (issues 14 and 15), each reproduced: tags written as
 * one text, files that aren't UTF-8, the untouched `npm run new` skeleton, a Jalali `CHAPAR_NOW`, a
 * build that would publish nothing, wall times that don't exist (or exist twice) in the site's zone,
 * control characters and unbalanced bidi controls. Exact Persian texts; on error the previous output
 * stays byte for byte.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import iconv from "iconv-lite";
import { build, buildOk, copyFixture, listOutput, readPage, runScript, contentRelative } from "../helpers/build.ts";

const check = (content: string, args: string[] = [], env: Record<string, string> = {}) =>
  runScript("scripts/check.ts", args, { CHAPAR_CONTENT: content, ...env });
const lines = (text: string) => contentRelative(text).split("\n");
const release = (front: string, body = "متن خبر.") => `---\n${front}\n---\n${body}\n`;

/** A built site, and a check that an output folder is exactly as it was. */
let goodOut: string;
let goodBytes: Map<string, Buffer>;
before(() => {
  goodOut = buildOk(copyFixture("basic")).out;
  goodBytes = new Map(listOutput(goodOut).map((f) => [f, readFileSync(path.join(goodOut, f))]));
});
function assertUntouched(out: string): void {
  assert.deepEqual(listOutput(out), [...goodBytes.keys()]);
  for (const [file, bytes] of goodBytes) assert.ok(readFileSync(path.join(out, file)).equals(bytes), file);
}

describe("tags written as one text", () => {
  test("an error that shows the list to write; --fix rewrites it into that list and shows the diff", () => {
    const content = copyFixture("basic");
    const file = path.join(content, "releases/1403/tags.md");
    writeFileSync(file, release('title: "نشست"\ndate: "1403-02-01"\ncategory: culture\ntags: "نشست, خبرنگاران، مدیرعامل"'));
    const checked = check(content);
    assert.equal(checked.code, 1);
    assert.ok(
      lines(checked.stdout).includes(
        'releases/1403/tags.md:5:1  فیلد «tags»: برچسب‌ها باید فهرست باشند، نه یک متن (این‌طور همه‌ی آن یک برچسب می‌شود)؛ به این شکل بنویسید: tags: ["نشست", "خبرنگاران", "مدیرعامل"] («npm run check -- --fix» خودش درستش می‌کند) (مقدار فعلی: «نشست, خبرنگاران، مدیرعامل»)',
      ),
      checked.stdout,
    );
    const fixed = check(content, ["--fix"]);
    assert.equal(fixed.code, 0, fixed.stdout);
    assert.match(
      fixed.stdout,
      /--- releases\/1403\/tags\.md\n\+\+\+ releases\/1403\/tags\.md\n@@ -5,1 \+5,1 @@\n-tags: "نشست, خبرنگاران، مدیرعامل"\n\+tags: \["نشست", "خبرنگاران", "مدیرعامل"\]/,
    );
    assert.match(readFileSync(file, "utf8"), /^tags: \["نشست", "خبرنگاران", "مدیرعامل"\]$/m);
  });

  test("the build refuses a tags text (it published one tag /tag/نشست-خبرنگاران-مدیرعامل/) and the output stays", () => {
    const content = copyFixture("basic");
    writeFileSync(
      path.join(content, "releases/1403/tags.md"),
      release('title: "نشست"\ndate: "1403-02-01"\ncategory: culture\ntags: نشست، خبرنگاران، مدیرعامل'),
    );
    const result = build(content, { out: goodOut });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /releases\/1403\/tags\.md:5:1 {2}فیلد «tags»: برچسب‌ها باید فهرست باشند، نه یک متن/);
    assertUntouched(goodOut);
  });
});

describe("files that aren't UTF-8", () => {
  const TEXT = release('title: "گشایش نمایشگاه"\ndate: "1403-02-01"\ncategory: culture', "نمایشگاه کتاب امروز گشایش یافت.");
  const FIX_HINT = "«npm run check -- --fix» آن را به UTF-8 تبدیل می‌کند، یا در ویرایشگر با «ذخیره با رمزگذاری UTF-8» دوباره ذخیره‌اش کنید";

  test("Windows-1256, UTF-16 LE without BOM and UTF-16 BE with BOM: named, and --fix converts them", () => {
    const content = copyFixture("basic");
    const at = (name: string) => path.join(content, "releases/1403", name);
    // Windows-1256 has the Arabic yeh (ي), not the Persian one: what such files hold.
    writeFileSync(at("cp1256.md"), iconv.encode(TEXT.replaceAll("ی", "ي"), "win1256"));
    writeFileSync(at("utf16.md"), iconv.encode(TEXT.replace("1403-02-01", "1403-02-02"), "utf16le"));
    writeFileSync(at("utf16bom.md"), iconv.encode(TEXT.replace("1403-02-01", "1403-02-03"), "utf16be", { addBOM: true }));
    const checked = check(content);
    assert.equal(checked.code, 1);
    const out = lines(checked.stdout);
    for (const expected of [
      `releases/1403/cp1256.md:2:1  این پرونده با رمزگذاری Windows-1256 ذخیره شده است (فارسی ویندوزهای قدیمی)، نه UTF-8؛ ${FIX_HINT}`,
      `releases/1403/utf16.md  این پرونده با رمزگذاری UTF-16 (LE) ذخیره شده است، نه UTF-8؛ ${FIX_HINT}`,
      `releases/1403/utf16bom.md  این پرونده با رمزگذاری UTF-16 (BE) ذخیره شده است، نه UTF-8؛ ${FIX_HINT}`,
    ])
      assert.ok(out.includes(expected), `missing ${expected}\n${checked.stdout}`);

    const fixed = check(content, ["--fix"]);
    assert.equal(fixed.code, 0, fixed.stdout);
    for (const expected of [
      "releases/1403/cp1256.md: از رمزگذاری Windows-1256 به UTF-8 تبدیل شد",
      "releases/1403/utf16.md: از رمزگذاری UTF-16 LE به UTF-8 تبدیل شد",
      "releases/1403/utf16bom.md: از رمزگذاری UTF-16 BE به UTF-8 تبدیل شد",
      "3 پرونده به UTF-8 تبدیل شد.",
    ])
      assert.ok(lines(fixed.stdout).includes(expected), `missing ${expected}\n${fixed.stdout}`);
    // Converted, and then the lint's own fix made the Arabic yeh Persian.
    assert.equal(readFileSync(at("cp1256.md"), "utf8"), TEXT);
    assert.equal(readFileSync(at("utf16bom.md"), "utf8"), TEXT.replace("1403-02-01", "1403-02-03"));
  });

  test("Latin-1 is an error at the line of the first bad byte; the build writes nothing and no U+FFFD is published", () => {
    const content = copyFixture("basic");
    writeFileSync(
      path.join(content, "releases/1403/latin1.md"),
      Buffer.from('---\ntitle: "Café"\ndate: "1403-02-04"\ncategory: culture\n---\nx\n', "latin1"),
    );
    const result = build(content, { out: goodOut });
    assert.equal(result.code, 1);
    assert.ok(
      lines(result.stderr).includes(
        "releases/1403/latin1.md:2:1  این پرونده UTF-8 نیست (نخستین بایت نادرست در همین خط است)؛ آن را در ویرایشگر با «ذخیره با رمزگذاری UTF-8» دوباره ذخیره کنید",
      ),
      result.stderr,
    );
    assertUntouched(goodOut);
  });

  test("office pages and _data JSON files too", () => {
    const content = copyFixture("basic");
    mkdirSync(path.join(content, "pages"));
    writeFileSync(path.join(content, "pages/about.md"), iconv.encode(release('title: "درباره‌ی ما"'), "utf16le", { addBOM: true }));
    writeFileSync(path.join(content, "_data/types.json"), iconv.encode('{ "news": "خبر" }', "win1256"));
    const checked = check(content);
    assert.equal(checked.code, 1);
    assert.ok(
      lines(checked.stdout).includes(
        `_data/types.json:1:1  این پرونده با رمزگذاری Windows-1256 ذخیره شده است (فارسی ویندوزهای قدیمی)، نه UTF-8؛ ${FIX_HINT}`,
      ),
      checked.stdout,
    );
    const fixed = check(content, ["--fix"]);
    assert.ok(lines(fixed.stdout).includes("_data/types.json: از رمزگذاری Windows-1256 به UTF-8 تبدیل شد"), fixed.stdout);
    assert.ok(lines(fixed.stdout).includes("pages/about.md: از رمزگذاری UTF-16 LE به UTF-8 تبدیل شد"), fixed.stdout);
    assert.equal(readFileSync(path.join(content, "_data/types.json"), "utf8"), '{ "news": "خبر" }');
    assert.equal(fixed.code, 0, fixed.stdout);
  });

  test("a UTF-16 office page is named as UTF-16", () => {
    const content = copyFixture("basic");
    mkdirSync(path.join(content, "pages"));
    writeFileSync(path.join(content, "pages/about.md"), iconv.encode(release('title: "درباره‌ی ما"'), "utf16le"));
    const checked = check(content);
    assert.ok(
      lines(checked.stdout).includes(`pages/about.md  این پرونده با رمزگذاری UTF-16 (LE) ذخیره شده است، نه UTF-8؛ ${FIX_HINT}`),
      checked.stdout,
    );
  });
});

describe("the untouched npm run new skeleton", () => {
  test("a non-draft release with the placeholder body is an error; a draft gets a warning", () => {
    const content = copyFixture("authoring");
    const made = runScript("scripts/new.ts", ["نشست خبری", "--slug", "meeting", "--date", "1403-09-10 09:30"], { CHAPAR_CONTENT: content });
    assert.equal(made.code, 0, made.stderr);
    const file = path.join(content, "releases/1403/meeting.md");
    const source = readFileSync(file, "utf8");
    const bodyLine = lines(source).indexOf("متن خبر را اینجا بنویسید.") + 1;
    const checked = check(content);
    assert.equal(checked.code, 1, checked.stdout);
    assert.ok(
      lines(checked.stdout).includes(
        `releases/1403/meeting.md:${bodyLine}:1  متن نمونه‌ی «npm run new» هنوز در خبر مانده است؛ متن خبر را جای آن بنویسید (خبری که پیش‌نویس نیست با آن منتشر نمی‌شود) [placeholder]`,
      ),
      checked.stdout,
    );
    // An uncommented example with its instruction text is the same mistake.
    writeFileSync(
      file,
      source
        .replace("# updates:\n#   - date:", "updates:\n  - date:")
        .replace('#     note: "چه چیزی تغییر کرد"', '    note: "چه چیزی تغییر کرد"'),
    );
    const noteLine = lines(readFileSync(file, "utf8")).findIndex((l) => l.includes('note: "چه چیزی تغییر کرد"')) + 1;
    const again = check(content);
    assert.ok(
      lines(again.stdout).includes(
        `releases/1403/meeting.md:${noteLine}:12  متن راهنمای «npm run new» («چه چیزی تغییر کرد») هنوز در خبر مانده است؛ متن خودتان را جای آن بنویسید (خبری که پیش‌نویس نیست با آن منتشر نمی‌شود) [placeholder]`,
      ),
      again.stdout,
    );
    writeFileSync(file, readFileSync(file, "utf8").replace("draft: false", "draft: true"));
    const draft = check(content);
    assert.equal(draft.code, 0, draft.stdout);
    assert.match(draft.stdout, /^هشدارها \(2\):$/m);
  });
});

describe("CHAPAR_NOW", () => {
  test("a Jalali moment is read as Jalali, in the site's zone (it was the Gregorian year 1405: nothing published)", () => {
    const result = buildOk(copyFixture("basic"), { env: { CHAPAR_NOW: "1405-09-20 17:59" } });
    assert.match(result.stdout, /^5 خبر منتشر شد در /m);
    // 1403's releases are out; 1499's isn't.
    assert.match(result.stdout, /کنار گذاشته شد \(زمان‌بندی‌شده برای پنجشنبه ۱ فروردین ۱۴۹۹، ساعت ۰۰:۰۰\): releases\/1403\/future\.md/);
  });

  test("anything the front matter wouldn't take is a Persian error before anything is written", () => {
    const result = build(copyFixture("basic"), { out: goodOut, env: { CHAPAR_NOW: "yesterday" } });
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr.trim(),
      "متغیر CHAPAR_NOW («yesterday») پذیرفته نشد: قالب تاریخ شناخته نشد. قالب درست: یک تاریخ شمسی مانند 1401-02-25 یا 1401/02/25 (با رقم فارسی یا لاتین، با ساعت دلخواه مانند 1401-02-25 10:30)، یا تاریخ میلادی مانند 2022-05-15 یا 2022-05-15T10:30:00+04:30. چیزی ساخته یا نوشته نشد.",
    );
    assertUntouched(goodOut);
  });
});

describe("a build that would publish nothing", () => {
  test("stops with the reason and leaves the output; --allow-empty builds it", () => {
    const content = copyFixture("basic");
    const result = build(content, { out: goodOut, env: { CHAPAR_NOW: "2020-01-01" } });
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr.split("\n").slice(-4).join("\n").trim(),
      [
        "هیچ خبری منتشر نمی‌شد: از 7 خبر پوشه‌ی محتوا، 1 پیش‌نویس و 6 زمان‌بندی‌شده (تاریخشان پس از زمان ساخت، چهارشنبه ۱۱ دی ۱۳۹۸، ساعت ۰۰:۰۰) است.",
        "اگر CHAPAR_NOW را تنظیم کرده‌اید، آن را بررسی کنید؛ اگر سایتی بی‌خبر را واقعاً می‌خواهید: npm run build -- --allow-empty",
        "ساخت سایت انجام نشد و خروجی قبلی دست نخورد.",
      ].join("\n"),
    );
    assertUntouched(goodOut);
    const allowed = runScript("scripts/build.ts", ["--allow-empty"], {
      CHAPAR_CONTENT: content,
      CHAPAR_OUTPUT: path.join(path.dirname(goodOut), "empty"),
      CHAPAR_NOW: "2020-01-01",
    });
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /^0 خبر منتشر شد در /m);
  });
});

describe("wall times the site's zone skips or repeats (Tehran had DST until 2022)", () => {
  test("a skipped hour says where it moved; a repeated one says which was taken; the page shows that moment", () => {
    const content = copyFixture("basic");
    writeFileSync(path.join(content, "releases/1403/gap.md"), release('title: "نوروز"\ndate: "1400-01-02 00:30"\ncategory: culture'));
    writeFileSync(path.join(content, "releases/1403/repeat.md"), release('title: "پاییز"\ndate: "1400-06-30 23:30"\ncategory: culture'));
    const result = buildOk(content);
    const out = lines(result.stderr);
    assert.ok(
      out.includes(
        "releases/1403/gap.md:3:1  فیلد «date»: ساعت 00:30 در «1400-01-02 00:30» در منطقه‌ی زمانی Asia/Tehran وجود ندارد (ساعت رسمی آن شب یک ساعت جلو کشیده شد)؛ 01:30 (+04:30) منتشر می‌شود. اگر ساعت دیگری منظورتان است، آن را بنویسید",
      ),
      result.stderr,
    );
    assert.ok(
      out.includes(
        "releases/1403/repeat.md:3:1  فیلد «date»: ساعت 23:30 در «1400-06-30 23:30» در منطقه‌ی زمانی Asia/Tehran دو بار آمده است (ساعت رسمی آن شب یک ساعت به عقب برگشت: یک بار +04:30، یک بار +03:30)؛ دومین (+03:30) در نظر گرفته شد. برای دیگری، ساعت را با اختلاف بنویسید، مانند 2021-09-21T23:30:00+04:30",
      ),
      result.stderr,
    );
    const page = readPage(result.out, "/1400/01/gap/");
    assert.equal(page.querySelector("time[datetime]")?.getAttribute("datetime"), "2021-03-22T01:30:00+04:30");
  });
});

describe("invisible characters", () => {
  const CONTROL = (code: string) =>
    `نویسه‌ی کنترلی نامرئی ${code} در متن است (معمولاً از رونوشت‌برداری از جای دیگر)؛ صفحه را نامعتبر می‌کند: آن را پاک کنید`;
  const BIDI = (code: string, name: string) =>
    `نویسه‌ی نامرئی جهت‌دهی ${code} (${name}) در این خط بسته نشده است؛ ترتیب نمایش نوشته‌ی پس از آن را وارونه یا جابه‌جا می‌کند (در عنوان صفحه، خوراک و جست‌وجو هم): آن را پاک کنید`;

  test("control characters and unbalanced bidi controls in title, summary and body are errors at their position", () => {
    const content = copyFixture("basic");
    writeFileSync(
      path.join(content, "releases/1403/hidden.md"),
      release(
        'title: "خبر \u202Eمهم"\ndate: "1403-02-01"\ncategory: culture\nsummary: "لید\u007F با \u2067جدا"',
        "متن\u0001 خبر با \u001B[31m رنگ و \uFFFE.\n\nبا \u202Bجهت درست\u202C و \u2068جداشده\u2069 پذیرفته است.",
      ),
    );
    const result = build(content, { out: goodOut });
    assert.equal(result.code, 1);
    const out = lines(result.stderr);
    for (const expected of [
      `releases/1403/hidden.md:2:13  ${BIDI("U+202E", "RLO")}`,
      `releases/1403/hidden.md:5:14  ${CONTROL("U+007F")}`,
      `releases/1403/hidden.md:5:19  ${BIDI("U+2067", "RLI")}`,
      `releases/1403/hidden.md:7:4  ${CONTROL("U+0001")}`,
      `releases/1403/hidden.md:7:13  ${CONTROL("U+001B")}`,
      `releases/1403/hidden.md:7:25  ${CONTROL("U+FFFE")}`,
    ])
      assert.ok(out.includes(expected), `missing ${expected}\n${result.stderr}`);
    assert.match(result.stderr, /^6 خطا در محتوا/m);
    assertUntouched(goodOut);
  });

  test("in the data files too: a site name with an unclosed U+202E, written as it is or as a \\u escape", () => {
    const content = copyFixture("basic");
    const sitePath = path.join(content, "_data/site.json");
    const site = readFileSync(sitePath, "utf8");
    writeFileSync(sitePath, site.replace(/"name": "/, '"name": "\u202E'));
    const categoriesPath = path.join(content, "_data/categories.json");
    writeFileSync(categoriesPath, readFileSync(categoriesPath, "utf8").replace(/"name": "/, '"name": "\\u202e'));
    const result = build(content, { out: goodOut });
    assert.equal(result.code, 1);
    const out = lines(result.stderr);
    for (const file of ["_data/site.json", "_data/categories.json"])
      assert.ok(
        out.some((line) => line.startsWith(`${file}:`) && line.endsWith(BIDI("U+202E", "RLO"))),
        `missing ${file}\n${result.stderr}`,
      );
    assertUntouched(goodOut);
  });
});
