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

/**
 * The fold per UTF-16 code unit: 0 keeps it, FOLD_REMOVED removes it, anything else is the
 * replacement code (Persian letters and Latin digits, never 0 or 0xffff).
 */
const FOLD_REMOVED = 0xffff;
const FOLDS = new Uint16Array(0x10000);
for (const [from, to] of Object.entries(LETTER_FOLDS)) FOLDS[from.charCodeAt(0)] = to.charCodeAt(0);
for (let d = 0; d < 10; d++) {
  FOLDS[0x06f0 + d] = 0x30 + d; // Persian digits → Latin
  FOLDS[0x0660 + d] = 0x30 + d; // Arabic-Indic digits → Latin
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
for (const [from, to] of REMOVED) for (let c = from; c <= to; c++) FOLDS[c] = FOLD_REMOVED;

/**
 * Code units after which `normalize("NFKC")` and `toLowerCase()` can be skipped (a press release is
 * almost all Persian letters, Latin digits and punctuation, and both calls cost as much as the fold).
 * NFKC_INERT: a text made only of these is its own NFKC — each is its own NFKC, is no combining mark,
 * is never the second part of a canonical decomposition (so nothing composes with what precedes it),
 * and decomposes, if at all, into a base that isn't either plus marks (آ ۀ أ: they compose back).
 * CASELESS: its own lower case (the one context rule, final sigma, concerns Σ, which isn't here).
 * test/unit/search-key-fast.test.ts checks both claims for every code unit against the runtime
 * (exported for it).
 */
const NFKC_INERT = 1;
const CASELESS = 2;
const CHAR_CLASS = new Uint8Array(0x10000);
export const NFKC_INERT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x009f], // ASCII, C1 controls (not NBSP: NFKC makes it a space)
  [0x00a1, 0x00a7],
  [0x00a9, 0x00a9],
  [0x00ab, 0x00ae], // « ¬ soft hyphen ®
  [0x00b0, 0x00b1],
  [0x00b6, 0x00b7],
  [0x00bb, 0x00bb], // »
  [0x00bf, 0x00ff], // ¿, Latin-1 letters
  [0x0600, 0x060f], // Arabic signs, ، (not 0610–061A: marks)
  [0x061b, 0x064a], // ؛ ؟, Arabic letters (آ أ ؤ إ ئ compose back; not 064B–065F: harakat)
  [0x0660, 0x066f], // Arabic-Indic digits, ٪
  [0x0671, 0x0674], // (not 0675–0678: compatibility forms)
  [0x0679, 0x06d5], // Persian/Urdu letters پ چ ژ ک گ ی ۀ
  [0x06ee, 0x06ff], // Persian digits
  [0x200b, 0x2010], // ZWSP, ZWNJ, ZWJ, LRM, RLM, hyphen (not 2011: NFKC makes it 2010)
  [0x2012, 0x2016], // dashes (not 2017)
  [0x2018, 0x2023], // quotes, dagger, bullet (not 2024–2026: leaders, ellipsis)
  [0x2027, 0x202e], // bidi embeddings and overrides (not 202F: narrow NBSP)
  [0x2030, 0x2032], // per mille, prime
  [0x2060, 0x206f], // word joiner, bidi isolates
];
for (const [from, to] of NFKC_INERT_RANGES) for (let c = from; c <= to; c++) CHAR_CLASS[c]! |= NFKC_INERT;
export const CASELESS_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x0040], // below A
  [0x005b, 0x00bf], // between Z and À
  [0x0600, 0x06ff], // Arabic
  [0x2000, 0x206f], // general punctuation
];
for (const [from, to] of CASELESS_RANGES) for (let c = from; c <= to; c++) CHAR_CLASS[c]! |= CASELESS;

/**
 * Letters folded: presentation forms and ligatures undone (NFKC), letter variants mapped, marks
 * and invisible controls removed, digits made Latin, lower case — but ZWNJ kept, since it marks
 * where a word's parts meet. One pass over the text with a table: this is indexing's hot loop.
 * The pass notes whether the text needed NFKC (then it is redone on the normalised text) and
 * whether it needs lower-casing.
 */
function foldLetters(text: string): string {
  let folded = foldPass(text);
  if (folded === undefined) folded = foldPass(text.normalize("NFKC"), true)!;
  return folded;
}

/** The fold of `s`, or undefined if `s` may not be its own NFKC (and `normalised` isn't set). */
function foldPass(s: string, normalised = false): string | undefined {
  let out = "";
  let kept = 0;
  let seen = NFKC_INERT | CASELESS;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    seen &= CHAR_CLASS[code]!;
    const to = FOLDS[code]!;
    if (to === 0) continue;
    out += s.slice(kept, i);
    if (to !== FOLD_REMOVED) out += String.fromCharCode(to);
    kept = i + 1;
  }
  if (!normalised && (seen & NFKC_INERT) === 0) return undefined;
  out = kept === 0 ? s : out + s.slice(kept);
  // The replacement letters and digits are caseless, so checking the input's code units is enough.
  return (seen & CASELESS) === 0 ? out.toLowerCase() : out;
}

/**
 * The search key of a piece of text: letters folded as above and ZWNJ removed, so `هم‌اندیشی`,
 * `هماندیشی` and `هم‌اندیشي` are one key. Spaces and punctuation are kept.
 */
export function foldForSearch(text: string): string {
  return foldLetters(text).replace(ZWNJS, "");
}

/**
 * A test of one UTF-16 code unit against a character class, answered from a table filled as code
 * units are met: a regex per character is slow, and a whole table up front costs 65,536 regex runs.
 */
function codeUnitClass(pattern: RegExp): (code: number) => boolean {
  const known = new Uint8Array(0x10000); // 0 unknown, 1 in the class, 2 not
  return (code) => {
    let answer = known[code]!;
    if (answer === 0) {
      answer = pattern.test(String.fromCharCode(code)) ? 1 : 2;
      known[code] = answer;
    }
    return answer === 1;
  };
}

/** A word character: a letter, combining mark or digit, or ZWNJ/ZWJ (which live inside Persian words). */
const isWordChar = codeUnitClass(/[\p{L}\p{M}\p{N}\u200c\u200d]/u);
/** `\s`. */
const isSpace = codeUnitClass(/\s/);

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
  "ها",
  "های",
  "هایی",
  "هایم",
  "هایت",
  "هایش",
  "هایمان",
  "هایتان",
  "هایشان",
  "تر",
  "ترین",
  "ی",
  "ای",
  "ام",
  "ات",
  "اش",
  "ایم",
  "اید",
  "اند",
]);

/** Longer keys can't be in the sets: most words skip the two lookups. */
const LONGEST_PREFIX = Math.max(...[...DETACHED_PREFIXES].map((p) => p.length));
const LONGEST_SUFFIX = Math.max(...[...DETACHED_SUFFIXES].map((p) => p.length));

/**
 * The words to index for a text, as one space-separated string of keys: first every word's key in
 * order (`هم‌اندیشی` → `هماندیشی`), then the extra keys that bridge spellings — placed after the
 * text's own words so phrases in it stay adjacent:
 * - for a word with a ZWNJ, the key of each part (`هم اندیشی`), so a query typed with a space
 *   between the parts finds it, and `کتاب` finds `کتاب‌ها`;
 * - for two words separated only by spaces where the first is a detached prefix or the second a
 *   detached suffix (`هم اندیشی`, `کتاب ها`), their joined key (`هماندیشی`), so a query typed with a
 *   ZWNJ or joined finds text that was typed with a space.
 * A word whose key is empty (only ZWNJs) adds nothing and bridges nothing. Built in one scan of the
 * folded text, without a list of words (indexing runs this on every text node of every release).
 */
export function indexKeys(text: string): string {
  const s = foldLetters(text);
  const n = s.length;
  let keys = "";
  /** Each extra key with a space before it. */
  let extras = "";
  /** The previous word's key ("" for none, or a word of only ZWNJs). */
  let prevKey = "";
  let i = 0;
  while (i < n) {
    // The gap before the word: does it hold only whitespace?
    let spacesOnly = true;
    let code = s.charCodeAt(i);
    while (!isWordChar(code)) {
      if (spacesOnly && !isSpace(code)) spacesOnly = false;
      if (++i === n) return keys + extras;
      code = s.charCodeAt(i);
    }
    const start = i;
    let hasZwnj = false;
    do {
      if (code === 0x200c) hasZwnj = true;
      code = ++i < n ? s.charCodeAt(i) : -1;
    } while (i < n && isWordChar(code));
    const word = s.slice(start, i);
    const key = hasZwnj ? word.replace(ZWNJS, "") : word;
    if (key !== "") {
      if (
        prevKey !== "" &&
        spacesOnly &&
        ((prevKey.length <= LONGEST_PREFIX && DETACHED_PREFIXES.has(prevKey)) ||
          (key.length <= LONGEST_SUFFIX && DETACHED_SUFFIXES.has(key)))
      ) {
        extras += ` ${prevKey}${key}`;
      }
      keys = keys === "" ? key : `${keys} ${key}`;
      if (hasZwnj) for (const part of word.split(ZWNJ)) if (part !== "") extras += ` ${part}`;
    }
    prevKey = key;
  }
  return keys + extras;
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
    for (let g = 0; g < typed.length; g++) patterns.push(typed.map((j, h) => (h === g ? !j : j)));
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
