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
const ZWNJ = "\u200c";
const ZWNJS = /\u200c/g;

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

/** Every character the fold changes: code → replacement code, or -1 to remove it. */
const CHAR_FOLDS = new Map<number, number>();
for (const [from, to] of Object.entries(LETTER_FOLDS)) CHAR_FOLDS.set(from.charCodeAt(0), to.charCodeAt(0));
for (let d = 0; d < 10; d++) {
  CHAR_FOLDS.set(0x06f0 + d, 0x30 + d); // Persian digits → Latin
  CHAR_FOLDS.set(0x0660 + d, 0x30 + d); // Arabic-Indic digits → Latin
}
const REMOVED: [number, number][] = [
  [0x064b, 0x065f], // harakat and other Arabic marks
  [0x0670, 0x0670], // superscript alef
  [0x06d6, 0x06ed], // Quranic marks
  [0x0640, 0x0640], // tatweel
  [0x200b, 0x200b], // zero-width space
  [0x200d, 0x200f], // ZWJ, LRM, RLM (ZWNJ is kept until the key is made: it separates a word's parts)
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2066, 0x2069], // bidi isolates
  [0x00ad, 0x00ad], // soft hyphen
  [0xfeff, 0xfeff], // BOM
];
for (const [from, to] of REMOVED) for (let c = from; c <= to; c++) CHAR_FOLDS.set(c, -1);

/**
 * Letters folded: presentation forms and ligatures undone (NFKC), letter variants mapped, marks
 * and invisible controls removed, digits made Latin, lower case — but ZWNJ kept, since it marks
 * where a word's parts meet. One pass over the text with a table: this is indexing's hot loop.
 */
function foldLetters(text: string): string {
  const s = text.normalize("NFKC");
  let out = "";
  let kept = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) continue;
    const to = CHAR_FOLDS.get(code);
    if (to === undefined) continue;
    out += s.slice(kept, i);
    if (to >= 0) out += String.fromCharCode(to);
    kept = i + 1;
  }
  return (out + s.slice(kept)).toLowerCase();
}

/**
 * The search key of a piece of text: letters folded as above and ZWNJ removed, so `هم‌اندیشی`,
 * `هماندیشی` and `هم‌اندیشي` are one key. Spaces and punctuation are kept.
 */
export function foldForSearch(text: string): string {
  return foldLetters(text).replace(ZWNJS, "");
}

/** A word character: a letter, combining mark or digit, or ZWNJ/ZWJ (which live inside Persian words). */
const WORD_CHAR = /[\p{L}\p{M}\p{N}\u200c\u200d]/u;
/** WORD_CHAR per UTF-16 code unit, filled as met (0 unknown, 1 word, 2 not): a regex per character is slow. */
const wordCharCache = new Uint8Array(0x10000);

function isWordChar(code: number): boolean {
  let known = wordCharCache[code]!;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wordCharCache[code] = known;
  }
  return known === 1;
}

/** Words as written (ZWNJ kept inside them), with where each starts and ends. */
function wordsOf(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isWordChar(text.charCodeAt(i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      out.push({ word: text.slice(start, i), start, end: i });
      start = -1;
    }
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
  const folded = foldLetters(text);
  const words = wordsOf(folded);
  const keys: string[] = [];
  const extras: string[] = [];
  words.forEach(({ word, end }, i) => {
    const key = word.replace(ZWNJS, "");
    if (key === "") return;
    keys.push(key);
    if (key !== word) {
      for (const part of word.split(ZWNJ)) if (part !== "") extras.push(part);
    }
    const next = words[i + 1];
    if (next && /^\s+$/.test(folded.slice(end, next.start))) {
      const nextKey = next.word.replace(ZWNJS, "");
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
