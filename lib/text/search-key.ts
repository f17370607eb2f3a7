/**
 * Search keys for Persian text, used on both sides of the search: at build time over the indexed
 * release text, and in the reader's browser over the query (this module is bundled into the search
 * page's script, so it must stay free of Node imports).
 *
 * Pagefind has no Persian analyser: it doesn't fold Arabic ي/ك into Persian ی/ک, keeps ZWNJ inside
 * words and splits words only at spaces. So both sides are folded here to the same key, and the
 * three spellings of a compound — `هم‌اندیشی` (ZWNJ), `هماندیشی` (joined), `هم اندیشی` (spaced) —
 * are bridged from both ends (see `indexKeys` and `queryVariants`).
 *
 * Keys are never shown: displayed text keeps its ZWNJ and letters.
 */
import { toLatinDigits } from "./digits.ts";

const ZWNJ = "\u200c";

/** A word: letters, combining marks, digits, and the joiners that live inside Persian words. */
const WORD = /[\p{L}\p{M}\p{N}\u200c\u200d]+/gu;

/** Letters with several spellings in Persian text, mapped to one (as Lucene's Persian analyser does). */
const LETTER_FOLDS: Record<string, string> = {
  "\u064a": "\u06cc", // ي Arabic yeh → ی
  "\u0649": "\u06cc", // ى alef maksura → ی
  "\u0626": "\u06cc", // ئ yeh with hamza → ی (پائیز / پاییز)
  "\u0643": "\u06a9", // ك Arabic kaf → ک
  "\u0622": "\u0627", // آ → ا
  "\u0623": "\u0627", // أ → ا
  "\u0625": "\u0627", // إ → ا
  "\u0671": "\u0627", // ٱ → ا
  "\u0624": "\u0648", // ؤ → و
  "\u0629": "\u0647", // ة → ه
  "\u06c0": "\u0647", // ۀ → ه
  "\u06c1": "\u0647", // ہ → ه
  "\u06d5": "\u0647", // ە → ه
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "g");

/**
 * Removed from keys: harakat, superscript alef, Quranic marks, tatweel, ZWNJ/ZWJ, bidi controls,
 * zero-width space, soft hyphen, BOM.
 */
const DROPPED = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff]/g;

/**
 * The search key of a piece of text: presentation forms and ligatures undone (NFKC), letter variants
 * folded, marks and ZWNJ removed, digits made Latin, lower case. Spaces and punctuation are kept.
 */
export function foldForSearch(text: string): string {
  return toLatinDigits(
    text
      .normalize("NFKC")
      .replace(FOLDABLE, (c) => LETTER_FOLDS[c]!)
      .replace(DROPPED, ""),
  ).toLowerCase();
}

/** Words as written (ZWNJ kept inside them), with where each starts and ends. */
function wordsOf(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Short words that belong to the next word but are often typed with a space instead of a ZWNJ
 * (`می شود`, `هم اندیشی`, `بی تفاوت`). Folded spelling.
 */
export const DETACHED_PREFIXES: ReadonlySet<string> = new Set(["می", "نمی", "هم", "بی", "نا"]);

/**
 * Endings that belong to the previous word but are often typed after a space (`کتاب ها`, `بزرگ تر`,
 * `خانه ی`). Folded spelling.
 */
export const DETACHED_SUFFIXES: ReadonlySet<string> = new Set([
  "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان",
  "تر", "ترین", "ی", "ای", "ام", "ات", "اش", "ایم", "اید", "اند",
]);

/**
 * The words to index for a text, as one space-separated string of keys: first every word's key in
 * order (`هم‌اندیشی` → `هماندیشی`), then the extra keys that bridge spellings — placed after the
 * text's own words so phrases in it stay adjacent:
 * - for a word with a ZWNJ, the key of each part (`هم اندیشی`), so a query typed with a space
 *   between the parts finds it, and `کتاب` finds `کتاب‌ها`;
 * - for two words separated only by spaces where the first is a detached prefix or the second a
 *   detached suffix (`هم اندیشی`, `کتاب ها`), their joined key (`هماندیشی`), so a query typed with a
 *   ZWNJ or joined finds text that was typed with a space.
 */
export function indexKeys(text: string): string {
  const words = wordsOf(text);
  const keys: string[] = [];
  const extras: string[] = [];
  words.forEach(({ word, end }, i) => {
    const key = foldForSearch(word);
    if (key === "") return;
    keys.push(key);
    if (word.includes(ZWNJ)) {
      for (const part of word.split(ZWNJ)) {
        const partKey = foldForSearch(part);
        if (partKey !== "" && partKey !== key) extras.push(partKey);
      }
    }
    const next = words[i + 1];
    if (next && /^\s+$/.test(text.slice(end, next.start))) {
      const nextKey = foldForSearch(next.word);
      if (nextKey !== "" && (DETACHED_PREFIXES.has(key) || DETACHED_SUFFIXES.has(nextKey))) extras.push(key + nextKey);
    }
  });
  return [...keys, ...extras].join(" ");
}

/** With more gaps than this, only a few variants are tried instead of every combination. */
const MAX_GAPS_FOR_ALL_VARIANTS = 3;

export interface QueryVariant {
  /** Space-separated keys. */
  keys: string;
  /** The reader's own spelling (folded): searched as Pagefind searches any query. */
  asTyped: boolean;
  /**
   * A ZWNJ word searched as separate words: only as an exact phrase (Pagefind's quoted search),
   * since its short parts (`هم`, `می`) would otherwise match words anywhere on a page.
   */
  phrase: boolean;
}

/**
 * The searches to run for what a reader typed, the typed spelling first. Every gap between word
 * parts — a space between words, or a ZWNJ inside a word — is tried both joined and apart, so
 * `هم اندیشی` also searches `هماندیشی`, and `نرم‌افزار` also searches the phrase `نرم افزار`.
 * The caller merges the results, and skips a variant of several words when one of its joined words
 * isn't in the index: Pagefind would replace that word by its longest known prefix (or drop it) and
 * so search for less than the reader typed.
 */
export function queryVariants(query: string): QueryVariant[] {
  // Parts in order, each with whether the gap before it was a ZWNJ (inside a word) or a space.
  const parts: { key: string; zwnjBefore: boolean }[] = [];
  for (const { word } of wordsOf(query)) {
    let inWord = false;
    for (const piece of word.split(ZWNJ)) {
      const key = foldForSearch(piece);
      if (key === "") continue;
      parts.push({ key, zwnjBefore: inWord });
      inWord = true;
    }
  }
  if (parts.length === 0) return [];

  const gaps = parts.length - 1;
  // `true` = the gap is joined. In the typed spelling, exactly the ZWNJ gaps are joined.
  const typed = parts.slice(1).map((p) => p.zwnjBefore);
  const patterns: boolean[][] = [typed];
  if (gaps <= MAX_GAPS_FOR_ALL_VARIANTS) {
    for (let mask = 0; mask < 1 << gaps; mask++) patterns.push(typed.map((_, g) => Boolean(mask & (1 << g))));
  } else {
    patterns.push(typed.map(() => false));
    typed.forEach((_, g) => patterns.push(typed.map((j, h) => (h === g ? !j : j))));
  }

  const seen = new Set<string>();
  const variants: QueryVariant[] = [];
  for (const joined of patterns) {
    const keys = parts.map((p, i) => (i === 0 ? "" : joined[i - 1] ? "" : " ") + p.key).join("");
    if (seen.has(keys)) continue;
    seen.add(keys);
    const asTyped = variants.length === 0;
    const splitsZwnj = typed.some((wasZwnj, g) => wasZwnj && !joined[g]);
    variants.push({ keys, asTyped, phrase: !asTyped && splitsZwnj });
  }
  return variants;
}
