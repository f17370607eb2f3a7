/**
 * Golden outputs: what the lint, the render transforms and the search keys give today on a fixed set
 * of inputs, committed in test/fixtures/golden/ and compared by test/unit/golden.test.ts. These three
 * were rewritten for speed and were long checked against frozen copies of their earlier code; the
 * copies' outputs are now these files. `npm run golden` (scripts/golden.ts) writes them again after an
 * intended change; review the diff of the small groups, which are stored whole.
 *
 * Every input is generated here (seeded) or read from a file the tests keep (the typography lint's
 * unit test texts), never from the sample site, so editing content/ changes no golden file. Large
 * groups store a short hash of each block of outputs instead of the outputs, to keep the files small;
 * the test then names the inputs of a block that differs and what they give now.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { escapeHtml } from "../../lib/render/html.ts";
import { compileGlossary, lintText } from "../../lib/text/lint-rules.ts";
import { fixSource, lintSource, maskInline } from "../../lib/text/lint.ts";
import { AMBIGUOUS_MI_WORDS, BUILT_IN_GLOSSARY, H_FINAL_WORDS, NOT_PLURAL } from "../../lib/text/persian-words.ts";
import { displayText, transformTextHtml } from "../../lib/text/render-transforms.ts";
import { foldForSearch, indexKeys, queryVariants } from "../../lib/text/search-key.ts";
import { corpusDefaults, generateCorpus } from "../../scripts/gen-corpus.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const GOLDEN_DIR = path.join(ROOT, "test/fixtures/golden");

/** Inputs and what to compute for each. */
export interface GoldenGroup<I = unknown> {
  name: string;
  inputs: I[];
  run(input: I): unknown;
  /** Outputs per stored hash; absent: every output is stored whole. */
  block?: number;
}

export interface GoldenSuite {
  /** The file's name in test/fixtures/golden/ (without `.json`). */
  name: string;
  groups(): GoldenGroup[];
}

/** What a golden file holds for one group. */
export interface GoldenRecord {
  count: number;
  /** Hash of the inputs: tells an input change (regenerate) from an output change (a regression?). */
  inputs: string;
  outputs?: unknown[];
  block?: number;
  digests?: string[];
}

export const digest = (value: unknown): string =>
  createHash("sha256")
    .update(JSON.stringify(value) ?? "undefined")
    .digest("hex")
    .slice(0, 12);

/** JSON can't hold `undefined`: outputs go through it the same way for writing and comparing. */
export const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? "null");

export function recordOf(group: GoldenGroup): GoldenRecord {
  const outputs = group.inputs.map((input) => asJson(group.run(input)));
  const record: GoldenRecord = { count: group.inputs.length, inputs: digest(group.inputs) };
  if (group.block === undefined) return { ...record, outputs };
  const digests: string[] = [];
  for (let i = 0; i < outputs.length; i += group.block) digests.push(digest(outputs.slice(i, i + group.block)));
  return { ...record, block: group.block, digests };
}

/** Deterministic pseudo-random numbers (mulberry32): the same inputs on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Markdown files of a seeded generated corpus (the benchmark's generator), in a stable order. */
function corpusSources(count: number): string[] {
  const out = mkdtempSync(path.join(os.tmpdir(), "chapar-golden-"));
  try {
    generateCorpus({ ...corpusDefaults, count, out });
    return readdirSync(out, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map((f) => readFileSync(path.join(out, f), "utf8"));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// ——— The typography lint (lib/text/lint.ts, lint-rules.ts) ———

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
export function lintLine(next: () => number): string {
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

/** 4,000 generated lines, each with a markup variant (for the masking). */
export function lintLines(): { text: string; markup: string }[] {
  const next = random(6);
  const out: { text: string; markup: string }[] = [];
  for (let i = 0; i < 4000; i++) {
    const text = lintLine(next);
    const markup = text.replace(
      /\ufffc/g,
      () =>
        ["`x`", "[پیوند](https://a.ir/(b))", "![تصویر](c.png)", "&amp;", "\\*", "<span>", "<https://a.ir>", "]["][Math.floor(next() * 8)]!,
    );
    out.push({ text, markup });
  }
  return out;
}

function lintReleases(): string[] {
  const next = random(1403);
  const out: string[] = [];
  for (let i = 0; i < 300; i++) {
    const l = () =>
      lintLine(next)
        .replace(/\ufffc/g, "")
        .replace(/["\\]/g, "");
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
    out.push(
      `---\ntitle: "${l()}"\nsummary: ${l().replace(/[:#]/g, "")}\ndate: 1403-01-10\ncategory: culture\ntags: ["${l()}", ${l().replace(/[,[\]{}:#]/g, "") || "x"}]\n---\n${body}\n`,
    );
  }
  return out;
}

/** Every string literal of the typography lint's unit test (`${Z}` filled in). */
function lintTestTexts(): string[] {
  const testSource = readFileSync(path.join(ROOT, "test/unit/typography-lint.test.ts"), "utf8");
  const texts = new Set<string>();
  for (const m of testSource.matchAll(/"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    // The test file's template literals are read as text: `${Z}` in them stands for a ZWNJ.
    const placeholders = ["Z", "ZWNJ"].map((name) => `\${${name}}`);
    texts.add(
      m[1] !== undefined
        ? (JSON.parse(`"${m[1]}"`) as string)
        : placeholders.reduce((t, p) => t.replaceAll(p, Z), m[2]!).replace(/\\n/g, "\n"),
    );
  }
  return [...texts];
}

export const glossaries = [undefined, compileGlossary(builtIn), compileGlossary(office)];
const lintTextAll = (text: string) => glossaries.map((g) => lintText(text, g));
const lintSourceAll = (source: string) => glossaries.map((g) => lintSource({ source, ...(g ? { glossary: g } : {}) }));
const asRelease = (text: string) =>
  text.startsWith("---") ? text : `---\ntitle: "${text.split("\n")[0]!.replace(/["\\]/g, "")}"\ndate: 1403-01-10\n---\n${text}\n`;

export const lintSuite: GoldenSuite = {
  name: "lint",
  groups: () => [
    {
      name: "unit test texts: lines and whole (lintText, three glossaries), masking, as a release (lintSource)",
      inputs: lintTestTexts(),
      run: (text: string) => ({
        lines: text.split("\n").map(lintTextAll),
        text: lintTextAll(text),
        mask: maskInline(text),
        release: lintSourceAll(asRelease(text)),
      }),
      block: 1,
    },
    {
      name: "generated lines (lintText, three glossaries) and their markup (maskInline)",
      inputs: lintLines(),
      run: ({ text, markup }: { text: string; markup: string }) => [lintTextAll(text), maskInline(markup)],
      block: 4,
    },
    { name: "generated releases (lintSource, three glossaries)", inputs: lintReleases(), run: lintSourceAll, block: 1 },
    {
      name: "a generated corpus (lintSource, three glossaries; fixSource, built-in glossary)",
      inputs: corpusSources(150),
      run: (source: string) => [lintSourceAll(source), fixSource({ source, glossary: glossaries[1]! })],
      block: 1,
    },
  ],
};

// ——— The render transforms (lib/text/render-transforms.ts) ———

const TRANSFORM_OPTIONS = [
  { persianDigits: true, isolateLatin: true },
  { persianDigits: false, isolateLatin: true },
  { persianDigits: true, isolateLatin: false },
  { persianDigits: false, isolateLatin: false },
];
const transformAll = (text: string) =>
  TRANSFORM_OPTIONS.map((o) => [
    displayText(text, o),
    transformTextHtml(text, o, escapeHtml, true),
    transformTextHtml(text, o, escapeHtml, false),
  ]);

function transformRandomTexts(): string[] {
  const pieces = [
    "ي",
    "ى",
    "ك",
    "ی",
    "ک",
    "٤",
    "۴",
    "4",
    "19",
    "a",
    "Z",
    "@",
    ".",
    ":",
    "/",
    "www.",
    "http://",
    "x@y.ir",
    " ",
    "\u00a0",
    "<",
    "&",
    '"',
    "«",
    "»",
    "\u200c",
    "😀",
    "\u06ff",
    "\u0700",
    "\u0649\u0643",
    "iPhone 15",
    "C++",
    "-",
    "(",
    ")",
    "،",
    "کتاب",
  ];
  let seed = 1403;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const out: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    let text = "";
    for (let n = next(12); n > 0; n--) text += pieces[next(pieces.length)];
    out.push(text);
  }
  return out;
}

export const renderTransformsSuite: GoldenSuite = {
  name: "render-transforms",
  groups: () => [
    {
      name: "corners: e-mail addresses and URLs without Latin letters, digits beside Latin runs",
      inputs: [
        "1@2.3",
        "با ۰۹۱۲@9.ir تماس",
        "19@4.4 و ٤",
        "2024 iPhone 15",
        "ك ي ى ٤ 4",
        "",
        " ",
        "<a&b>",
        "www.1.ir",
        "http://1.2",
        "ایمیل info@example.ir و https://example.ir/a?b=1",
      ],
      run: transformAll,
    },
    {
      name: "random text of letters, digits, URLs, e-mail addresses and markup characters",
      inputs: transformRandomTexts(),
      run: transformAll,
      block: 10,
    },
    { name: "every line of a generated corpus", inputs: corpusSources(150).flatMap((s) => s.split("\n")), run: transformAll, block: 10 },
  ],
};

// ——— The search keys (lib/text/search-key.ts) ———

/** A small deterministic generator (LCG), so the inputs are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ZWNJ = "\u200c";
const SEARCH_TOKENS: string[] = [
  // Words, including detached prefixes and suffixes and ZWNJ compounds.
  "کتاب",
  "ها",
  "های",
  "تر",
  "ترین",
  "ی",
  "ای",
  "اند",
  "می",
  "نمی",
  "هم",
  "بی",
  "نا",
  "اندیشی",
  "شود",
  "نرم",
  "افزار",
  `هم${ZWNJ}اندیشی`,
  `کتاب${ZWNJ}ها`,
  `${ZWNJ}ها`,
  `ها${ZWNJ}`,
  ZWNJ,
  `${ZWNJ}${ZWNJ}`,
  "\u200d",
  `می${ZWNJ}\u200dشود`,
  "كتاب",
  "يك",
  "مصطفى",
  "پائیز",
  "آموزش",
  "أحمد",
  "إيران",
  "ؤ",
  "علامة",
  "خانهٔ",
  "ۀ",
  "ہ",
  "ە",
  "ٱ",
  "كِتـــاب",
  "\u0627\u0653",
  "\u0648\u0654",
  "\u064a\u0654",
  "\u0627\u0655", // alef + maddah etc.: compose under NFKC
  "\u064b",
  "\u064e\u0650",
  "\u0651\u064e",
  "\u0670",
  "\u06d6",
  "\u0640",
  "\ufedb\ufe98\ufe8e\ufe8f",
  "\ufb8e",
  "\ufbfc",
  "\ufef5",
  "\ufdf2",
  "\ufe8d",
  "\ufeff",
  "\ufc5e", // presentation forms
  "۱۴۰۳",
  "١٤٠٣",
  "1403",
  "٪",
  "۰",
  "Chapar",
  "CHAPAR",
  "Straße",
  "ÀÉÎ",
  "e\u0301",
  "\u00e9",
  "Σ",
  "ΟΔΟΣ",
  "İ",
  "ﬁ",
  "Ⅻ",
  "①",
  "ｶ",
  "\u1100\u1161",
  "\ud835\udc00",
  "😀",
  "\ud800", // Hangul jamo, math bold A, emoji, lone surrogate
  // Separators and punctuation.
  " ",
  " ",
  " ",
  "  ",
  "\n",
  "\n\n",
  "\t",
  "\u00a0",
  "\u2009",
  "\u202f",
  "\u3000",
  "\u2028",
  "\u200b",
  "\u200e",
  "\u200f",
  "\u202b",
  "\u2067",
  "\u00ad",
  "،",
  "؛",
  "؟",
  ".",
  "!",
  "«",
  "»",
  "—",
  "-",
  "(",
  ")",
  ":",
  "\u2011",
  "…",
];

export function searchTexts(count: number, seed: number): string[] {
  const next = lcg(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = "";
    const length = Math.floor(next() * 14);
    for (let j = 0; j < length; j++) s += SEARCH_TOKENS[Math.floor(next() * SEARCH_TOKENS.length)]!;
    out.push(s);
  }
  return out;
}

const keysOf = (text: string) => [indexKeys(text), foldForSearch(text)];

export const searchKeySuite: GoldenSuite = {
  name: "search-key",
  groups: () => [
    {
      name: "corners (indexKeys, foldForSearch)",
      inputs: [
        "",
        " ",
        `هم${ZWNJ}اندیشی کتاب${ZWNJ}ها می شود`,
        "كتاب يك مصطفى",
        "نمی‌شود کتاب‌های ها",
        "CHAPAR Straße İ ﬁ ①",
        "\u0627\u0653 \ufedb\ufe98\ufe8e\ufe8f",
        "😀\ud800",
      ],
      run: keysOf,
    },
    {
      name: "a generated corpus: files whole, by paragraph and by line (indexKeys, foldForSearch)",
      inputs: corpusSources(100).flatMap((text) => [text, ...text.split("\n"), ...text.split(/\n\n+/)]),
      run: keysOf,
      block: 10,
    },
    {
      name: "generated text: ZWNJ, Arabic letters, harakat, presentation forms, digits, Latin, mixed spaces",
      inputs: searchTexts(30_000, 1),
      run: keysOf,
      block: 25,
    },
    {
      name: "every code unit alone, inside a compound and between words",
      inputs: Array.from({ length: 0x10000 }, (_, c) => c),
      run: (c: number) => {
        const ch = String.fromCharCode(c);
        return [keysOf(ch), keysOf(`هم${ch}اندیشی کتاب${ch}ها ${ch}می شود${ch}`)];
      },
      block: 256,
    },
    { name: "queryVariants", inputs: searchTexts(3_000, 2), run: (text: string) => queryVariants(text), block: 10 },
  ],
};

export const suites: GoldenSuite[] = [lintSuite, renderTransformsSuite, searchKeySuite];

export const goldenFile = (suite: GoldenSuite): string => path.join(GOLDEN_DIR, `${suite.name}.json`);
