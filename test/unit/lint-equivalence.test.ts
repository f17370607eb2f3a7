/**
 * The typography lint was rewritten for speed (word offsets in typed arrays, char-code pre-filters,
 * fewer passes over the masking): its findings must stay exactly what they were. This compares the
 * current `lintText` and `lintSource` with the frozen copy in test/fixtures/lint-old/ (the code as it
 * was before), deep-equal and in the same order, over every release in content/, the texts of the lint
 * unit tests, and a few thousand generated lines and releases built to hit every rule and its edges.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { compileGlossary, lintText } from "../../lib/text/lint-rules.ts";
import { fixSource, lintSource, maskInline } from "../../lib/text/lint.ts";
import { AMBIGUOUS_MI_WORDS, BUILT_IN_GLOSSARY, H_FINAL_WORDS, NOT_PLURAL } from "../../lib/text/persian-words.ts";
import { fixSource as fixSourceOld, lintSource as lintSourceOld, maskInline as maskInlineOld } from "../fixtures/lint-old/lint-old.ts";
import { compileGlossary as compileGlossaryOld, lintText as lintTextOld } from "../fixtures/lint-old/lint-rules-old.ts";

const root = path.resolve(import.meta.dirname, "../..");
const Z = "\u200c";

const builtIn = new Map(Object.entries(BUILT_IN_GLOSSARY));
/** An office glossary with what the built-in one lacks: phrases of 2 and 3 words, a key with a ZWNJ, a switched-off entry. */
const office = new Map([
  ...builtIn,
  ["بین المللی", `بین${Z}المللی`],
  ["روابط عمومی کل", "روابط‌عمومی کل"],
  ["فرهنگ سرا", "فرهنگسرا"],
  // A word of a phrase that is a key itself: skipped after the phrase matched.
  ["سرا", "سرای"],
  [`نرم${Z}افزار`, "نرم‌افزار"],
  ["همانطور", "همان‌طور"],
  ["ایمیل", "ایمیل"],
  ["دبیرخانه", "دبیرخانه‌ی جشنواره"],
]);
const glossaries = [
  { name: "none", now: undefined, old: undefined },
  { name: "built-in", now: compileGlossary(builtIn), old: compileGlossaryOld(builtIn) },
  { name: "office", now: compileGlossary(office), old: compileGlossaryOld(office) },
];

function sameText(text: string, where: string): void {
  for (const g of glossaries) assert.deepStrictEqual(lintText(text, g.now), lintTextOld(text, g.old), `${where} (glossary: ${g.name}): ${JSON.stringify(text)}`);
}

function sameSource(source: string, where: string): number {
  let findings = 0;
  for (const g of glossaries) {
    const old = lintSourceOld({ source, ...(g.old ? { glossary: g.old } : {}) });
    assert.deepStrictEqual(lintSource({ source, ...(g.now ? { glossary: g.now } : {}) }), old, `${where} (glossary: ${g.name})`);
    findings += old.length;
  }
  return findings;
}

function releaseFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...releaseFiles(p));
    else if (p.endsWith(".md")) out.push(p);
  }
  return out;
}

/** Deterministic pseudo-random numbers (mulberry32): the same texts on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  ...`کتاب خانه جلسه برنامه هفته دوره روز شهر فرهنگسرا فرهنگسراها کتابها روزهای هنرهای نهادهای دستاوردهای آگاهی گروهی
  میراث میزبان میدان میلیون میز میان نمایش نمایشگاه نمی می شود شد کند توان دانم رفتند گوید گیرد توانند داشت بود
  میشود میشد نمیتوان میرفتند میگوید میکنند نمیدانم میدانی میتوانند میخواهد میشده میآید نمیشود
  رفته شده گفته نوشته رفتهاند شدهاند نوشتهایم گفتهاید آمدهام جلسهی برنامهی خانهی هفتهی استفادهی سازماندهی فرماندهی
  توجهی مشابهی آگهی راهی کوهی دهی بزرگ کوچک بیش کم تر ترین بهتر ها های هایی هایم هایش هایشان هایتان هایمان ی ای ام ایم اید اند
  از و در به با که این آن را تا است هم همان بین المللی روابط عمومی کل فرهنگ سرا نرم افزار همانطور ایمیل دبیرخانه
  سرها پرها دهها لبهی سههای کمتر رفتهام شدهاند
  ال الکتاب الرحمن بسم كتاب عربي مصطفى دائرة مدرسة كودك تهرانی ب ن ه آ`.split(/\s+/),
  ...Object.keys(BUILT_IN_GLOSSARY),
  ...Object.values(BUILT_IN_GLOSSARY),
  ...NOT_PLURAL,
  ...H_FINAL_WORDS,
  ...AMBIGUOUS_MI_WORDS,
  `کتاب${Z}ها`,
  `می${Z}شود`,
  `نمی${Z}توان`,
  `برنامه${Z}ها`,
  `جلسه${Z}ی`,
  `رفته${Z}اند`,
  `بهروزرسانی${Z}ها`,
  `می${Z}${Z}شود`,
  `کتاب${Z}`,
  `${Z}ها`,
  "بِسْمِ",
  "اللهِ",
  "مُحَمَّد",
  "٤٥",
  "١٠",
  "۱۴۰۳",
  "12",
  "abc",
  "Chapar",
  "ه.ش",
  "`code`",
  "\ufffc",
  "\ufffc\ufffc",
  "https://example.org/a.b",
  "info@example.org",
];
const SEPARATORS = [" ", " ", " ", " ", "  ", "\u00a0", Z, `${Z} `, ` ${Z}`, `${Z}${Z}`, "", "\ufffc", " \ufffc "];
const MARKS = [..."،؛؟!.:,;?()«»"].concat(["", "", "", "", "", ""]);

/** A line of words, separators and punctuation, with a bias to the rules' edges. */
function line(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const n = 1 + Math.floor(next() * 16);
  let out = next() < 0.1 ? pick(SEPARATORS) : "";
  for (let i = 0; i < n; i++) {
    const mark = pick(MARKS);
    const before = next() < 0.1 ? pick(SEPARATORS) : "";
    out += next() < 0.3 && mark !== "" ? `${before}${mark}${pick(WORDS)}` : `${pick(WORDS)}${before}${mark}`;
    out += pick(SEPARATORS);
  }
  return out;
}

/** Every rule, with the fix flags it can have, that the generated lines must reach. */
const EVERY_RULE_AND_FIX = [
  "arabic-digits true",
  "arabic-letters true",
  "arabic-teh-marbuta false",
  "glossary true",
  "latin-punctuation true",
  "space-after-punctuation true",
  "space-before-punctuation true",
  "space-inside-brackets true",
  "zwnj-comparative false",
  "zwnj-comparative true",
  "zwnj-ezafe false",
  "zwnj-ezafe true",
  "zwnj-mi false",
  "zwnj-mi true",
  "zwnj-plural false",
  "zwnj-plural true",
  "zwnj-stray true",
  "zwnj-verb-ending false",
  "zwnj-verb-ending true",
];

describe("the lint finds exactly what it found before the rewrite", () => {
  test("every release in content/ (lintSource, fixSource)", () => {
    const files = releaseFiles(path.join(root, "content"));
    assert.ok(files.length > 0);
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      sameSource(source, file);
      assert.deepStrictEqual(fixSource({ source, glossary: glossaries[1]!.now! }), fixSourceOld({ source, glossary: glossaries[1]!.old! }), file);
    }
  });

  test("the texts of the typography lint unit tests", () => {
    // Every string literal of that file (`${Z}` and `${"…"}` filled in), as prose, as a release body and as it is.
    const testSource = readFileSync(path.join(root, "test/unit/typography-lint.test.ts"), "utf8");
    const texts = new Set<string>();
    for (const m of testSource.matchAll(/"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      const text = m[1] !== undefined ? (JSON.parse(`"${m[1]}"`) as string) : m[2]!.replaceAll("${Z}", Z).replaceAll("${ZWNJ}", Z).replace(/\\n/g, "\n");
      texts.add(text);
    }
    assert.ok(texts.size > 100, `${texts.size} texts`);
    for (const text of texts) {
      for (const l of text.split("\n")) sameText(l, "test text line");
      sameText(text, "test text");
      assert.equal(maskInline(text), maskInlineOld(text));
      sameSource(text.startsWith("---") ? text : `---\ntitle: "${text.split("\n")[0]!.replace(/["\\]/g, "")}"\ndate: 1403-01-10\n---\n${text}\n`, "test text as a release");
    }
  });

  test("generated lines (lintText) and their masking (maskInline)", () => {
    const next = random(6);
    let findings = 0;
    const rules = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const text = line(next);
      sameText(text, `line ${i}`);
      for (const f of lintTextOld(text, glossaries[2]!.old)) {
        findings++;
        rules.add(`${f.rule} ${f.fix}`);
      }
      const markup = text.replace(/\ufffc/g, () => ["`x`", "[پیوند](https://a.ir/(b))", "![تصویر](c.png)", "&amp;", "\\*", "<span>", "<https://a.ir>", "]["][Math.floor(next() * 8)]!);
      assert.equal(maskInline(markup), maskInlineOld(markup), JSON.stringify(markup));
    }
    // The generator must reach the rules: a few thousand findings, not a handful.
    assert.ok(findings > 4000, `${findings} findings`);
    assert.deepEqual([...rules].sort(), EVERY_RULE_AND_FIX);
  });

  test("generated releases (lintSource)", () => {
    const next = random(1403);
    let findings = 0;
    for (let i = 0; i < 300; i++) {
      const l = () => line(next).replace(/\ufffc/g, "").replace(/["\\]/g, "");
      const body = [
        l(),
        `## ${l()}`,
        `- ${l()}\n- ${l()}`,
        `> ${l()}`,
        `${l()} \`کد ها\` [${l()}](https://example.org/${i}) ${l()}`,
        `| ${l().replace(/\|/g, "")} | ${l().replace(/\|/g, "")} |\n|---|---|\n| ${l().replace(/\|/g, "")} | یک |`,
        "```\nکتاب ها می شود\n```",
        `${l()}\n${l()}\\\n${l()}`,
        `1. ${l()} info@example.org &amp; ${l()}`,
      ]
        .filter(() => next() < 0.8)
        .join("\n\n");
      const source = `---\ntitle: "${l()}"\nsummary: ${l().replace(/[:#]/g, "")}\ndate: 1403-01-10\ncategory: culture\ntags: ["${l()}", ${l().replace(/[,[\]{}:#]/g, "") || "x"}]\n---\n${body}\n`;
      findings += sameSource(source, `release ${i}: ${source}`);
    }
    assert.ok(findings > 1000, `${findings} findings`);
  });
});
