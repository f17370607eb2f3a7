/**
 * The fast `indexKeys`/`foldForSearch` (lib/text/search-key.ts) give exactly what the previous
 * implementation gave (kept frozen in search-key-frozen.ts), and the shortcuts they take — no NFKC,
 * no lower-casing for texts made of certain code units — are checked for every code unit against the
 * runtime's own `normalize` and `toLowerCase`.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import * as frozen from "./search-key-frozen.ts";
import { CASELESS_RANGES, NFKC_INERT_RANGES, foldForSearch, indexKeys, queryVariants } from "../../lib/text/search-key.ts";

function codesIn(ranges: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) out.push(c);
  return out;
}

function same(text: string): void {
  assert.equal(indexKeys(text), frozen.indexKeys(text), `indexKeys(${JSON.stringify(text)})`);
  assert.equal(foldForSearch(text), frozen.foldForSearch(text), `foldForSearch(${JSON.stringify(text)})`);
}

describe("NFKC and lower-case shortcuts", () => {
  test("a text of NFKC_INERT code units is its own NFKC (structural check over all code points, and all pairs)", () => {
    // Code points that follow the first one in some canonical decomposition: only these can compose
    // with what precedes them.
    const combiners = new Set<number>();
    for (let x = 0; x <= 0x10ffff; x++) {
      if (x >= 0xd800 && x <= 0xdfff) continue;
      const d = [...String.fromCodePoint(x).normalize("NFD")];
      for (let i = 1; i < d.length; i++) combiners.add(d[i]!.codePointAt(0)!);
    }
    const mark = /\p{M}/u;
    const inert = codesIn(NFKC_INERT_RANGES);
    for (const c of inert) {
      const s = String.fromCharCode(c);
      const hex = c.toString(16);
      assert.ok(c < 0xd800 || c > 0xdfff, `${hex} is a surrogate`);
      assert.equal(s.normalize("NFKC"), s, `${hex} changes under NFKC`);
      assert.ok(!mark.test(s), `${hex} is a mark`);
      assert.ok(!combiners.has(c), `${hex} composes with what precedes it`);
      const d = [...s.normalize("NFD")];
      assert.ok(!combiners.has(d[0]!.codePointAt(0)!), `${hex} decomposes into a combiner`);
      for (const rest of d.slice(1)) assert.ok(mark.test(rest), `${hex} decomposes into a non-mark after its base`);
    }
    const all = inert.map((c) => String.fromCharCode(c));
    for (const a of all) for (const b of all) if ((a + b).normalize("NFKC") !== a + b) assert.fail(`${JSON.stringify(a + b)} changes under NFKC`);
  });

  test("CASELESS code units are their own lower case", () => {
    for (const c of codesIn(CASELESS_RANGES)) {
      const s = String.fromCharCode(c);
      assert.equal(s.toLowerCase(), s, c.toString(16));
    }
  });
});

/** A small deterministic generator, so failures are reproducible. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ZWNJ = "\u200c";
const TOKENS: string[] = [
  // Words, including detached prefixes and suffixes and ZWNJ compounds.
  "کتاب", "ها", "های", "تر", "ترین", "ی", "ای", "اند", "می", "نمی", "هم", "بی", "نا", "اندیشی", "شود", "نرم", "افزار",
  `هم${ZWNJ}اندیشی`, `کتاب${ZWNJ}ها`, `${ZWNJ}ها`, `ها${ZWNJ}`, ZWNJ, `${ZWNJ}${ZWNJ}`, "\u200d", `می${ZWNJ}\u200dشود`,
  "كتاب", "يك", "مصطفى", "پائیز", "آموزش", "أحمد", "إيران", "ؤ", "علامة", "خانهٔ", "ۀ", "ہ", "ە", "ٱ", "كِتـــاب",
  "\u0627\u0653", "\u0648\u0654", "\u064a\u0654", "\u0627\u0655", // alef + maddah etc.: compose under NFKC
  "\u064b", "\u064e\u0650", "\u0651\u064e", "\u0670", "\u06d6", "\u0640",
  "\ufedb\ufe98\ufe8e\ufe8f", "\ufb8e", "\ufbfc", "\ufef5", "\ufdf2", "\ufe8d", "\ufeff", "\ufc5e", // presentation forms
  "۱۴۰۳", "١٤٠٣", "1403", "٪", "۰", "Chapar", "CHAPAR", "Straße", "ÀÉÎ", "e\u0301", "\u00e9", "Σ", "ΟΔΟΣ", "İ", "ﬁ", "Ⅻ", "①", "ｶ",
  "\u1100\u1161", "\ud835\udc00", "😀", "\ud800", // Hangul jamo, math bold A, emoji, lone surrogate
  // Separators and punctuation.
  " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", "\u202f", "\u3000", "\u2028", "\u200b", "\u200e", "\u200f", "\u202b", "\u2067", "\u00ad",
  "،", "؛", "؟", ".", "!", "«", "»", "—", "-", "(", ")", ":", "\u2011", "…",
];

function generated(count: number, seed: number): string[] {
  const random = lcg(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = "";
    const length = Math.floor(random() * 14);
    for (let j = 0; j < length; j++) s += TOKENS[Math.floor(random() * TOKENS.length)]!;
    out.push(s);
  }
  return out;
}

function contentTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|ya?ml|json)$/.test(e.name)) {
        const text = readFileSync(p, "utf8");
        out.push(text, ...text.split("\n"), ...text.split(/\n\n+/));
      }
    }
  };
  walk("content");
  return out;
}

describe("indexKeys and foldForSearch: same output as the frozen implementation", () => {
  test("content/ files, whole, by paragraph and by line", () => {
    const texts = contentTexts();
    assert.ok(texts.length > 100);
    for (const t of texts) same(t);
  });

  test("generated text: ZWNJ, Arabic letters, harakat, presentation forms, digits, Latin, mixed spaces", () => {
    for (const t of generated(30_000, 1)) same(t);
  });

  test("every code unit alone, inside a compound and between words", () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      same(ch);
      same(`هم${ch}اندیشی کتاب${ch}ها ${ch}می شود${ch}`);
    }
  });

  test("queryVariants is unchanged", () => {
    for (const t of generated(3_000, 2)) assert.deepEqual(queryVariants(t), frozen.queryVariants(t), JSON.stringify(t));
  });
});
