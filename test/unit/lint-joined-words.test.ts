/**
 * Joined words (ZWNJ lost on the way, as a press officer's copy-paste does): the words of a real
 * release (test/fixtures/lint/seed-joined-words.json), the rules that need no word list (`ها` after a
 * final «ه»), those that use it (compounds, plurals and «ی» made certain), and no false alarm on the
 * sample site, the test fixtures and the authors' guide.
 */
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { loadGlossary } from "../../lib/text/glossary.ts";
import { lintText } from "../../lib/text/lint-rules.ts";
import { fixSource, lintSource } from "../../lib/text/lint.ts";
import { openPersianDictionary } from "../../lib/text/persian-dictionary.ts";
import { ZWNJ } from "../../lib/text/persian.ts";
import { copyContent, runScript, tempDir } from "../helpers/build.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const Z = ZWNJ;
const dictionary = openPersianDictionary();
const { glossary } = loadGlossary(path.join(ROOT, "content"));

interface SeedWords {
  words: { joined: string; correct: string }[];
}
const seed = JSON.parse(readFileSync(path.join(ROOT, "test/fixtures/lint/seed-joined-words.json"), "utf8")) as SeedWords;

/** `[found, suggestion, fix]` of one rule's findings in a line, with the word list. */
function only(text: string, rule: string, withList = true): [string, string, boolean][] {
  return lintText(text, glossary, withList ? dictionary : undefined)
    .filter((f) => f.rule === rule)
    .map((f) => [text.slice(f.index, f.index + f.length), f.replacement, f.fix]);
}

describe("the joined words of a real release", () => {
  test("25 of its 26 joined words are found with the right correction (همفکری is also written joined)", () => {
    const text = seed.words.map((w) => w.joined).join(" و ");
    const corrected = new Map(lintText(text, glossary, dictionary).map((f) => [text.slice(f.index, f.index + f.length), f.replacement]));
    const found = seed.words.filter((w) => corrected.get(w.joined) === w.correct).map((w) => w.joined);
    const missed = seed.words.filter((w) => !found.includes(w.joined)).map((w) => w.joined);
    assert.ok(found.length >= 12, `found ${found.length}`);
    assert.deepEqual(missed, ["همفکری"]);
  });

  test("--fix applies the certain ones and leaves the compounds for a person", () => {
    const body = seed.words.map((w) => w.joined).join(" و ");
    const { output } = fixSource({ source: `---\ntitle: نشست\n---\n${body}\n`, glossary, dictionary });
    const fixed = new Set(output.split("\n")[3]!.split(" و "));
    const applied = seed.words.filter((w) => fixed.has(w.correct)).map((w) => w.joined);
    assert.deepEqual(applied, [
      "جلسهی",
      "هماندیشی",
      "چشمانداز",
      "فعالیتهای",
      "زمینهی",
      "همافزایی",
      "پتانسیلهای",
      "سختافزاری",
      "نرمافزاری",
      "زمینههای",
      "کارگاههای",
      "حوزههای",
      "خواستههای",
      "دغدغهها",
      "پاسخهای",
      "حوزهی",
    ]);
  });
});

describe("compounds whose ZWNJ was lost (with the word list)", () => {
  test("a word the list lacks that splits into two known words is a suggestion", () => {
    assert.deepEqual(only("ثبتنام و ادارهکل و روابطعمومی و برنامهریزیهای و کیفیتبخشی و محیطزیست", "zwnj-compound"), [
      ["ثبتنام", `ثبت${Z}نام`, false],
      ["ادارهکل", `اداره${Z}کل`, false],
      ["روابطعمومی", `روابط${Z}عمومی`, false],
      ["برنامهریزیهای", `برنامه${Z}ریزی${Z}های`, false],
      ["کیفیتبخشی", `کیفیت${Z}بخشی`, false],
      ["محیطزیست", `محیط${Z}زیست`, false],
    ]);
  });

  test("the message names the word and the fix", () => {
    const [finding] = lintSource({ source: "---\ntitle: x\n---\nفرم ثبتنام\n", dictionary });
    assert.equal(finding?.message, "«ثبتنام» در واژه‌نامه‌ی فارسی نیست؛ اگر واژه‌ای مرکب است، با نیم‌فاصله نوشته می‌شود");
    assert.equal(finding?.suggestion, `ثبت${Z}نام`);
  });

  test("known joined words, joined suffixes, an invisible ZWNJ (after ز) and new words are left alone", () => {
    const words = "کتابخانه دانشگاه پیشرفت جشنواره سوگواره دانشمند مرکزمحوری سیدعلی وبینار میلیون همفکری";
    assert.deepEqual(lintText(words, glossary, dictionary), []);
  });

  test("a word the office's glossary keeps as written (both sides the same) is never flagged", () => {
    const content = tempDir();
    mkdirSync(path.join(content, "_data"));
    writeFileSync(path.join(content, "_data/glossary.json"), '{ "ثبتنام": "ثبتنام" }\n');
    const office = loadGlossary(content);
    assert.deepEqual(office.problems, []);
    assert.deepEqual(
      lintText("فرم ثبتنام و ادارهکل", office.glossary, dictionary).map((f) => f.replacement),
      [`اداره${Z}کل`],
    );
  });

  test("words written right give no finding with the list either", () => {
    const prose = [
      `میز و میلیون‌ها تومان در میدان شهر برای میهمانان و میزبانان هزینه شد؛ تنها آنها و اینها ماندند.`,
      `با توجهی ویژه، گروهی از مدیران سازماندهی و فرماندهی برنامه را بر عهده گرفتند و آگهی آن منتشر شد.`,
      `بزرگترین دفتر و کبوتر و دختر؛ کتاب‌ها و فعالیت‌های مؤسسه می‌شود و نمی‌توان گفت که رفته‌اند.`,
      `خانه‌ای بزرگ‌تر از جلسه‌ی پیش؟ آری! گفت‌وگو، هم‌اندیشی و به‌روزرسانی نرم‌افزار.`,
      `ثبت‌نام در کارگاه‌های اداره‌کل روابط‌عمومی و برنامه‌ریزی‌های دهه‌ی گذشته؛ شبهات و سهام و الهام.`,
    ];
    for (const line of prose) assert.deepEqual(lintText(line, glossary, dictionary), [], line);
  });
});

describe("plurals, «ی» and ام/اش after a final ه", () => {
  test("«ها» after a final ه is certain, without the list too", () => {
    for (const withList of [false, true]) {
      assert.deepEqual(only("دغدغهها و کارگاههای و حوزههای", "zwnj-plural", withList), [
        ["دغدغهها", `دغدغه${Z}ها`, true],
        ["کارگاههای", `کارگاه${Z}های`, true],
        ["حوزههای", `حوزه${Z}های`, true],
      ]);
    }
  });

  test("«های» after ه of a word ending in هه is a suggestion naming both readings", () => {
    const [finding] = lintText("دههای", glossary);
    assert.equal(finding?.fix, false);
    assert.equal(finding?.message, `«های» بی‌نیم‌فاصله به واژه چسبیده است؛ یا اگر «دهه» با «ای» است: «دهه${Z}ای»`);
  });

  test("with the list, a known stem without a known «…ه» makes «های» certain; «خانهای» stays a question", () => {
    assert.deepEqual(only("فعالیتهای و پاسخهای و خانهای", "zwnj-plural"), [
      ["فعالیتهای", `فعالیت${Z}های`, true],
      ["پاسخهای", `پاسخ${Z}های`, true],
      ["خانهای", `خان${Z}های`, false],
    ]);
    assert.deepEqual(only("فعالیتهای", "zwnj-plural", false), [["فعالیتهای", `فعالیت${Z}های`, false]]);
    const [house] = lintText("خانهای", glossary, dictionary);
    assert.equal(house?.message, `«های» بی‌نیم‌فاصله به واژه چسبیده است؛ یا اگر «خانه» با «ای» است: «خانه${Z}ای»`);
  });

  test("with the list, «ی» after a silent ه is certain; a consonant ه is left alone", () => {
    assert.deepEqual(only("جلسهی مدیران و زمینهی کار", "zwnj-ezafe"), [
      ["جلسهی", `جلسه${Z}ی`, true],
      ["زمینهی", `زمینه${Z}ی`, true],
    ]);
    for (const word of ["توجهی", "راهی", "گروهی", "آگاهی", "سازماندهی", "آگهی", "مشابهی", "ماهی", "فقهی"]) {
      assert.deepEqual(lintText(`این ${word} است`, glossary, dictionary), [], word);
    }
  });

  test("with the list, ام/ات/اش after a silent ه are suggestions; شبهات and سهام are words", () => {
    assert.deepEqual(only("خانهام و برنامهاش و شبهات و سهام", "zwnj-verb-ending"), [
      ["خانهام", `خانه${Z}ام`, false],
      ["برنامهاش", `برنامه${Z}اش`, false],
    ]);
  });
});

describe("no false alarm", () => {
  /** The sample site's pages and releases, the test fixtures' releases and the authors' guide. */
  function texts(): string[] {
    const md = (dir: string) =>
      (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
        .filter((f) => f.endsWith(".md") && !f.includes("golden"))
        .map((f) => path.join(ROOT, dir, f));
    return [...md("content"), ...md("test/fixtures"), path.join(ROOT, "docs/guide-fa.md"), path.join(ROOT, "README.md")];
  }

  test("the word list adds no finding to the sample content, the fixtures and docs/guide-fa.md", () => {
    const files = texts();
    assert.ok(files.length > 40, `${files.length} files`);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const source = text.startsWith("---\n") ? text : `---\ntitle: x\n---\n${text}`;
      const key = (f: { offset: number; rule: string; replacement: string }) => `${f.offset} ${f.rule} ${f.replacement}`;
      const without = new Set(lintSource({ source, glossary }).map(key));
      const added = lintSource({ source, glossary, dictionary }).filter((f) => !without.has(key(f)));
      assert.deepEqual(
        added.map((f) => `${f.line}:${f.column} ${f.original}`),
        [],
        path.relative(ROOT, file),
      );
    }
  });
});

describe("npm run check", () => {
  test("reports a lost compound ZWNJ as a warning with its fix, and --fix leaves it", () => {
    const content = copyContent(path.join(ROOT, "test/fixtures/basic"));
    const releases = path.join(content, "releases");
    const first = (readdirSync(releases, { recursive: true }) as string[]).filter((f) => f.endsWith(".md")).sort()[0]!;
    const file = path.join(releases, first);
    writeFileSync(file, `${readFileSync(file, "utf8").trimEnd()}\n\nفرم ثبتنام و دغدغهها.\n`);
    const check = runScript("scripts/check.ts", [], { CHAPAR_CONTENT: content });
    assert.match(
      check.stdout,
      /«ثبتنام» در واژه‌نامه‌ی فارسی نیست؛ اگر واژه‌ای مرکب است، با نیم‌فاصله نوشته می‌شود \(بررسی کنید؛ خودکار اصلاح نمی‌شود\) → پیشنهاد: «ثبت‌نام» \[zwnj-compound\]/,
    );
    const fixed = runScript("scripts/check.ts", ["--fix"], { CHAPAR_CONTENT: content });
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(readFileSync(file, "utf8"), new RegExp(`فرم ثبتنام و دغدغه${Z}ها\\.`));
  });
});
