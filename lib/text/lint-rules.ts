/**
 * Persian typography rules. Each rule looks at one piece of prose (a line of a paragraph, a
 * front-matter value) in which code, URLs, e-mail addresses and Markdown syntax have already been
 * replaced by `MASK` characters, and reports what it finds with the text that should replace it.
 *
 * A finding is `fix: true` only when the replacement can't change the meaning (`کتاب ها` → `کتاب‌ها`);
 * anything that depends on what the author meant (`جلسهی`: silent «ه» or not?) is a suggestion.
 */
import { toPersianDigits } from "./digits.ts";
import { foldArabicLetters, ZWNJ } from "./persian.ts";
import { splitLostZwnj } from "./compound-words.ts";
import type { PersianDictionary } from "./persian-dictionary.ts";
import { AMBIGUOUS_MI_WORDS, H_FINAL_WORDS, HEH_FINAL_WORDS, isVerbAfterMi, NOT_PLURAL } from "./persian-words.ts";

/** Stands for a character the rules must not see or touch (code, URL, Markdown syntax). */
export const MASK = "\ufffc";

export const RULES = {
  "arabic-letters": "حرف عربی «ي» یا «ك» (یا «ى») به جای «ی» و «ک» فارسی",
  "arabic-teh-marbuta": "«ة» عربی در متن فارسی",
  "arabic-digits": "رقم عربی (٤٥٦) به جای رقم فارسی (۴۵۶)",
  "zwnj-mi": "پیشوند «می» و «نمی» با نیم‌فاصله به فعل می‌چسبد",
  "zwnj-plural": "پسوند «ها» و «های» با نیم‌فاصله به واژه می‌چسبد",
  "zwnj-comparative": "پسوند «تر» و «ترین» با نیم‌فاصله به صفت می‌چسبد",
  "zwnj-ezafe": "«ی» و «ای» پس از «ه» پایانی با نیم‌فاصله نوشته می‌شود",
  "zwnj-verb-ending": "«ام»، «ایم»، «اید» و «اند» پس از «ه» پایانی با نیم‌فاصله نوشته می‌شود",
  "zwnj-compound": "واژه‌ی مرکبی که نیم‌فاصله‌اش افتاده است (ثبتنام، ادارهکل)",
  "zwnj-stray": "نیم‌فاصله‌ی بی‌جا",
  glossary: "واژه‌ای که در واژه‌نامه شکل درست دیگری دارد",
  "latin-punctuation": "نشانه‌ی لاتین «,» «;» «?» کنار واژه‌ی فارسی",
  "space-before-punctuation": "فاصله پیش از نشانه‌ی نگارشی",
  "space-after-punctuation": "نبودِ فاصله پس از نشانه‌ی نگارشی یا بیرون پرانتز و گیومه",
  "space-inside-brackets": "فاصله درون پرانتز یا گیومه",
} as const;

export type RuleId = keyof typeof RULES;

export interface RuleFinding {
  rule: RuleId;
  /** Position of the text to replace, in the piece of prose given to `lintText`. */
  index: number;
  length: number;
  /** The suggested text for that range. */
  replacement: string;
  /** Safe to apply with `--fix`: cannot change the meaning. */
  fix: boolean;
  /** Persian explanation. */
  message: string;
}

/** Office and built-in glossary, compiled once per run. */
export interface CompiledGlossary {
  entries: ReadonlyMap<string, string>;
  /** The longest entry in words (`بین المللی` has two). */
  maxWords: number;
  /** First words of the entries with a space, so other words skip the phrase lookup. */
  phraseStarts: ReadonlySet<string>;
  /**
   * A bit per `glossaryHash` of every key and phrase start: words whose hash isn't set can't be in the
   * glossary, so most words are never sliced or looked up.
   */
  filter: Uint8Array;
  /** Words the office's glossary keeps as written (both sides the same): never a `zwnj-compound` finding. */
  accepted: ReadonlySet<string>;
}

// Character classes, by code (the rules run over every line of every release: no regex where a
// comparison does). Letters: Arabic-script letters; marks: harakat, part of a word.
const letterByCode = (c: number) =>
  (c >= 0x0621 && c <= 0x063a) ||
  (c >= 0x0641 && c <= 0x064a) ||
  c === 0x066e ||
  c === 0x066f ||
  (c >= 0x0671 && c <= 0x06d3) ||
  c === 0x06d5 ||
  c === 0x06ee ||
  c === 0x06ef ||
  (c >= 0x06fa && c <= 0x06fc) ||
  c === 0x06ff;
const markByCode = (c: number) => (c >= 0x064b && c <= 0x065f) || c === 0x0670;
/**
 * Classes as a table over U+0600–U+06FF, one load per character: bit 1 letter, bit 2 mark, bit 4 an
 * Arabic form (ي ك ى ة, letters: `arabicForms`), bit 8 an Arabic-Indic digit (not part of a word).
 */
const CLASS = new Uint8Array(0x100);
for (let c = 0x600; c < 0x700; c++) {
  CLASS[c - 0x600] =
    (letterByCode(c) ? 1 : 0) |
    (markByCode(c) ? 2 : 0) |
    ("يكىة".includes(String.fromCharCode(c)) ? 4 : 0) |
    (c >= 0x0660 && c <= 0x0669 ? 8 : 0);
}
const LM_BITS = 3;
const ARABIC_FORM_BIT = 4;
const ARABIC_DIGIT_BIT = 8;
const classOf = (c: number) => (c >= 0x600 && c < 0x700 ? CLASS[c - 0x600]! : 0);
const isLetter = (c: number) => (classOf(c) & 1) !== 0;
const isLM = (c: number) => (classOf(c) & LM_BITS) !== 0;
const isFaDigit = (c: number) => c >= 0x06f0 && c <= 0x06f9;
const isSpace = (c: number) => c === 0x20 || c === 0xa0;
const ZWNJ_CODE = 0x200c;
const MASK_CODE = 0xfffc;
const LETTER_ONLY = /^[\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u064b-\u065f\u0670]+$/;
/** Letters that join only to the previous letter: after them a ZWNJ changes nothing visible. */
const NON_JOINING = new Set([..."اآأإؤدذرزژوةء"]);
const PERSIAN_ONLY = /[پچژگیک]/;
const ARABIC_SIGNS = /[\u064b-\u0652\u0629]/;

const PLURAL_SUFFIXES = ["هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "های", "ها"];
const PLURAL_SET = new Set(PLURAL_SUFFIXES);
const VERB_ENDINGS = new Set(["ام", "ایم", "اید", "اند"]);
const EZAFE = new Set(["ی", "ای"]);
const COMPARATIVE = new Set(["تر", "ترین"]);
const JOINED_VERB_ENDING = /^(.{2,}[تد]ه)(ام|اید|ایم|اند)$/;
const NONE: readonly string[] = [];
const NO_WORDS: ReadonlySet<string> = new Set();
/** What may follow a final «ه» in a word `joinedForms` looks at (ها، هایشان، جلسهی، رفتهاند…), by length. */
const JOINED_AFTER_HE: string[][] = [];
for (const s of ["ا", "ای", "ایی", "ایم", "ایت", "ایش", "ایمان", "ایتان", "ایشان", "ی", "ام", "ات", "اش", "اید", "اند"])
  (JOINED_AFTER_HE[s.length] ??= []).push(s);
const HE_CODE = 0x0647;
const MEEM_CODE = 0x0645;
const NOON_CODE = 0x0646;
const YEH_CODE = 0x06cc;

/** 3 if `text` has «نمی» at `start`, else 2 if it has «می», else 0 (char codes: this runs for every word). */
function miPrefixAt(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (c === NOON_CODE) return text.charCodeAt(start + 1) === MEEM_CODE && text.charCodeAt(start + 2) === YEH_CODE ? 3 : 0;
  return c === MEEM_CODE && text.charCodeAt(start + 1) === YEH_CODE ? 2 : 0;
}

/**
 * Whether `joinedForms` can report anything for the word `text[start, end)`, by char codes (no
 * slicing): its first ZWNJ-separated part is می/نمی with more after it (the prefix branch), or its last
 * part has at least two letters and then «ه» + one of `JOINED_AFTER_HE` (what the participle, plural
 * and «هی» branches all need: `رفتهاند`، `کتابها`، `جلسهی`).
 */
function isJoinedCandidate(
  text: string,
  start: number,
  end: number,
  firstEnd: number,
  lastStart: number,
  lastHe: number,
  mi: number,
): boolean {
  if (mi !== 0 && firstEnd - start > mi) return true;
  // No suffix has a «ه» after its first letter: only the word's last «ه» can begin one.
  const after = end - lastHe - 1;
  if (lastHe < lastStart + 2 || after < 1 || after >= JOINED_AFTER_HE.length) return false;
  for (const s of JOINED_AFTER_HE[after] ?? NONE) if (text.startsWith(s, lastHe + 1)) return true;
  return false;
}

/** The words `spacedSuffixes` looks for after a space, and what a word must be like to be one. */
const SPACED_WORDS = [...PLURAL_SET, ...COMPARATIVE, ...EZAFE, ...VERB_ENDINGS];
const SPACED_BY_LENGTH: string[][] = [];
/** First letters of `SPACED_WORDS`, over U+0600–U+06FF: most words are ruled out by it. */
const SPACED_FIRST = new Uint8Array(0x100);
for (const w of SPACED_WORDS) SPACED_FIRST[w.charCodeAt(0) - 0x600] = 1;
for (const w of SPACED_WORDS) (SPACED_BY_LENGTH[w.length] ??= []).push(w);
/** `text[start, end)` is one of `SPACED_WORDS` (compared in place, no slicing). */
function isSpacedWordAt(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 0x600 || first >= 0x700 || SPACED_FIRST[first - 0x600] === 0) return false;
  for (const w of SPACED_BY_LENGTH[end - start] ?? NONE) if (text.startsWith(w, start)) return true;
  return false;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Offsets or word indices, in an array reused from one `lintText` call to the next. */
class IndexList {
  items = new Int32Array(64);
  length = 0;
  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
}

/**
 * The words of the text being linted: runs of letters and marks, ZWNJ inside a word included
 * (`کتاب‌ها` is one word). Kept as offsets in reusable arrays, not one object and one string per
 * word: the lint sees every word of every release, and only a few words are ever looked at closely.
 * The one pass over the characters also notes, by char codes alone, the few places each rule has to
 * look at (the punctuation marks, the word pairs `spacedSuffixes` wants, the words `joinedForms` and
 * `glossaryRule` want); the rules slice text only there.
 * Module-level and reused: `lintText` is synchronous and not re-entrant.
 */
let wordStart = new Int32Array(512);
let wordEnd = new Int32Array(512);
/** Where the word's first ZWNJ-separated part ends (the word's end if it has no ZWNJ). */
let wordFirstEnd = new Int32Array(512);
let wordCount = 0;
/** Positions of the characters `punctuation` looks at. */
const punctAt = new IndexList();
/** Word `k` for each pair (k, k + 1) `spacedSuffixes` has to look at: after می/نمی, or before a suffix word. */
const spacedAt = new IndexList();
/** Words `joinedForms` has to look at (`isJoinedCandidate`). */
const joinedAt = new IndexList();
/** ZWNJs that aren't inside a word (every other one sits between two letters): all `strayZwnj` has to look at. */
const strayAt = new IndexList();
/** Whether the text has one of ي ك ى ة, or an Arabic-Indic digit (`arabicForms`). */
let seenClasses = 0;
/** Words `glossaryRule` has to look at: the word or one of its ZWNJ-separated parts passes the glossary's filter. */
const glossaryAt = new IndexList();

function wordsOf(text: string, glossary: CompiledGlossary | undefined): void {
  const n = text.length;
  let i = 0;
  let count = 0;
  punctAt.length = 0;
  spacedAt.length = 0;
  joinedAt.length = 0;
  glossaryAt.length = 0;
  strayAt.length = 0;
  let seen = 0;
  let previousMi = false;
  while (i < n) {
    const first = text.charCodeAt(i);
    const firstClass = classOf(first);
    if ((firstClass & LM_BITS) === 0) {
      if (first < 0x700 && PUNCT_TABLE[first] === 1) punctAt.push(i);
      else if (first === ZWNJ_CODE) strayAt.push(i);
      seen |= firstClass;
      i++;
      continue;
    }
    const start = i;
    let firstEnd = -1;
    let lastStart = start;
    let lastHe = -1;
    let inGlossary = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      const cClass = classOf(c);
      if ((cClass & LM_BITS) !== 0) {
        seen |= cClass;
        if (c === HE_CODE) lastHe = i;
        i++;
        continue;
      }
      if (c !== ZWNJ_CODE || i + 1 >= n) break;
      const d = text.charCodeAt(i + 1);
      const dClass = classOf(d);
      if ((dClass & LM_BITS) === 0) break;
      seen |= dClass;
      if (firstEnd < 0) firstEnd = i;
      if (glossary !== undefined && !inGlossary) inGlossary = mayBeInGlossary(glossary, text, lastStart, i);
      lastStart = i + 1;
      if (d === HE_CODE) lastHe = i + 1;
      i += 2;
    }
    if (count === wordStart.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(count * 2);
        b.set(a);
        return b;
      };
      wordStart = grow(wordStart);
      wordEnd = grow(wordEnd);
      wordFirstEnd = grow(wordFirstEnd);
    }
    if (firstEnd < 0) firstEnd = i;
    wordStart[count] = start;
    wordEnd[count] = i;
    wordFirstEnd[count] = firstEnd;
    const mi = miPrefixAt(text, start);
    if (count > 0 && (previousMi || isSpacedWordAt(text, start, i))) spacedAt.push(count - 1);
    previousMi = mi !== 0 && i - start === mi;
    if (isJoinedCandidate(text, start, i, firstEnd, lastStart, lastHe, mi)) joinedAt.push(count);
    // The whole word, or its last part if it has a ZWNJ (the others were tested above).
    if (
      glossary !== undefined &&
      (inGlossary || mayBeInGlossary(glossary, text, start, i) || (firstEnd < i && mayBeInGlossary(glossary, text, lastStart, i)))
    )
      glossaryAt.push(count);
    count++;
  }
  wordCount = count;
  seenClasses = seen;
}

/** Word `k` as an object, for the few words a rule looks at closely. */
function wordAt(text: string, k: number): Word {
  const start = wordStart[k]!;
  const end = wordEnd[k]!;
  return { text: text.slice(start, end), start, end };
}

/** Only spaces (at least one) between `from` and `to`. */
function spaceGap(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** A few bits of a word's length and first and last letters: collisions only cost a lookup. */
const glossaryHash = (text: string, start: number, end: number) =>
  (((end - start) & 0xf) << 12) | ((text.charCodeAt(start) & 0x3f) << 6) | (text.charCodeAt(end - 1) & 0x3f);
/** Whether `text[start, end)` may be a glossary key or phrase start (a superset: false is certain). */
const mayBeInGlossary = (glossary: CompiledGlossary, text: string, start: number, end: number) =>
  glossary.filter[glossaryHash(text, start, end)] === 1;

export function compileGlossary(entries: ReadonlyMap<string, string>, accepted: ReadonlySet<string> = new Set()): CompiledGlossary {
  let maxWords = 1;
  const phraseStarts = new Set<string>();
  const filter = new Uint8Array(1 << 16);
  for (const key of entries.keys()) {
    const words = key.split(" ");
    maxWords = Math.max(maxWords, words.length);
    if (words.length > 1) phraseStarts.add(words[0]!);
    // An empty key or phrase start matches no word (words aren't empty): nothing to mark.
    if (key !== "") filter[glossaryHash(key, 0, key.length)] = 1;
    if (words.length > 1 && words[0] !== "") filter[glossaryHash(words[0]!, 0, words[0]!.length)] = 1;
  }
  return { entries, maxWords, phraseStarts, filter, accepted };
}

/** All findings in one piece of prose (already masked). */
export function lintText(text: string, glossary?: CompiledGlossary, dictionary?: PersianDictionary): RuleFinding[] {
  if (!/[\u0600-\u06ff\u200c]/.test(text)) return [];
  const out: RuleFinding[] = [];
  const withGlossary = glossary !== undefined && glossary.entries.size > 0;
  wordsOf(text, withGlossary ? glossary : undefined);
  arabicForms(text, out);
  spacedSuffixes(text, out);
  const accepted = glossary?.accepted ?? NO_WORDS;
  joinedForms(text, out, dictionary, accepted);
  strayZwnj(text, out);
  if (withGlossary) glossaryRule(text, glossary, out);
  if (dictionary !== undefined) compoundWords(text, dictionary, accepted, out);
  punctuation(text, out);
  // Most prose has no finding: skip the filter and sort (and their arrays).
  if (out.length === 0) return out;
  // Never touch a masked character (code, URL…).
  return out
    .filter((f) => !text.slice(f.index, f.index + f.length).includes(MASK))
    .sort((a, b) => a.index - b.index || b.length - a.length);
}

function arabicForms(text: string, out: RuleFinding[]): void {
  // No Persian-only letter but Arabic signs (harakat, ة, several ال…): an Arabic quotation; leave it.
  const arabicLetters = (seenClasses & ARABIC_FORM_BIT) !== 0;
  // Word objects only for the rare text with Arabic letters.
  const words: Word[] = [];
  if (arabicLetters) for (let k = 0; k < wordCount; k++) words.push(wordAt(text, k));
  const arabicQuote =
    arabicLetters && !PERSIAN_ONLY.test(text) && (ARABIC_SIGNS.test(text) || words.filter((w) => w.text.startsWith("ال")).length >= 2);
  if (arabicLetters && !arabicQuote) {
    for (const w of words) {
      if (/[\u064a\u0643\u0649]/.test(w.text)) {
        out.push({
          rule: "arabic-letters",
          index: w.start,
          length: w.end - w.start,
          replacement: foldArabicLetters(w.text),
          fix: true,
          message: "«ي» و «ك» عربی‌اند؛ در فارسی «ی» و «ک» بنویسید",
        });
      }
      if (w.text.includes("\u0629")) {
        out.push({
          rule: "arabic-teh-marbuta",
          index: w.start,
          length: w.end - w.start,
          replacement: w.text.replace(/\u0629/g, "ه"),
          fix: false,
          message: "«ة» عربی است؛ در فارسی معمولاً «ه» (یا «ت») نوشته می‌شود",
        });
      }
    }
  }
  if ((seenClasses & ARABIC_DIGIT_BIT) === 0) return;
  for (const m of text.matchAll(/[\u0660-\u0669]+/g)) {
    out.push({
      rule: "arabic-digits",
      index: m.index,
      length: m[0].length,
      replacement: toPersianDigits(m[0]),
      fix: true,
      message: "رقم عربی است؛ رقم فارسی بنویسید (۴ ۵ ۶ به جای ٤ ٥ ٦)",
    });
  }
}

/** Suffixes and prefixes written as separate words: `می شود`، `کتاب ها`، `بزرگ تر`، `خانه ای`، `رفته اند`. */
function spacedSuffixes(text: string, out: RuleFinding[]): void {
  // A pair matters only after می/نمی or before a suffix word: `wordsOf` noted those pairs.
  for (let j = 0; j < spacedAt.length; j++) {
    const i = spacedAt.items[j]!;
    const a = wordAt(text, i);
    const b = wordAt(text, i + 1);
    const interesting =
      a.text === "می" ||
      a.text === "نمی" ||
      PLURAL_SET.has(b.text) ||
      COMPARATIVE.has(b.text) ||
      EZAFE.has(b.text) ||
      VERB_ENDINGS.has(b.text);
    if (!interesting || !spaceGap(text, a.end, b.start)) continue;
    const joined = `${a.text}${ZWNJ}${b.text}`;
    const range = { index: a.start, length: b.end - a.start };
    const lastPart = a.text.slice(a.text.lastIndexOf(ZWNJ) + 1);

    if (a.text === "می" || a.text === "نمی") {
      const verb = isVerbAfterMi(b.text.split(ZWNJ)[0]!);
      out.push({
        rule: "zwnj-mi",
        ...range,
        replacement: joined,
        fix: verb,
        message: verb
          ? `«${a.text}» با نیم‌فاصله به فعل می‌چسبد، نه با فاصله`
          : `اگر «${b.text}» فعل است، «${a.text}» با نیم‌فاصله به آن می‌چسبد`,
      });
      continue;
    }
    if (PLURAL_SET.has(b.text) && lastPart.length >= 2) {
      out.push({
        rule: "zwnj-plural",
        ...range,
        replacement: joined,
        fix: true,
        message: `«${b.text}» با نیم‌فاصله به واژه می‌چسبد، نه با فاصله`,
      });
      continue;
    }
    if (b.text === "تر" || b.text === "ترین") {
      if (a.text === "بیش" || a.text === "کم") {
        // بیشتر، کمتر: established joined forms.
        out.push({
          rule: "zwnj-comparative",
          ...range,
          replacement: `${a.text}${b.text}`,
          fix: true,
          message: `«${a.text}${b.text}» پیوسته نوشته می‌شود`,
        });
        continue;
      }
      const next = i + 2 < wordCount ? wordAt(text, i + 2) : undefined;
      // `تر` alone is also an adjective ("wet"); before `از` it can only be the comparative.
      const sure = b.text === "ترین" || (next !== undefined && next.text === "از" && spaceGap(text, b.end, next.start));
      out.push({
        rule: "zwnj-comparative",
        ...range,
        replacement: joined,
        fix: sure,
        message: sure
          ? `«${b.text}» با نیم‌فاصله به صفت می‌چسبد، نه با فاصله`
          : `اگر «${b.text}» پسوند صفت برتر است، با نیم‌فاصله به «${a.text}» بچسبد`,
      });
      continue;
    }
    if (lastPart.endsWith("ه") && lastPart.length >= 3) {
      if (b.text === "ی" || b.text === "ای") {
        out.push({
          rule: "zwnj-ezafe",
          ...range,
          replacement: joined,
          fix: true,
          message: `«${b.text}» پس از «ه» پایانی با نیم‌فاصله نوشته می‌شود`,
        });
      } else if (VERB_ENDINGS.has(b.text)) {
        out.push({
          rule: "zwnj-verb-ending",
          ...range,
          replacement: joined,
          fix: true,
          message: `«${b.text}» پس از «ه» پایانی با نیم‌فاصله نوشته می‌شود`,
        });
      }
    }
  }
}

/**
 * Words where a ZWNJ was lost: `میشود`، `کتابها`، `جلسهی`، `رفتهاند`. Verbs after `می`, and «ها» after a
 * final «ه» (`دغدغهها`) are fixed; with the word list (`dictionary`) also the plurals and «ی» whose
 * stem it knows and whose other reading it doesn't (`فعالیتهای`: no `فعالیته`; `جلسهی`: `جلسه` is a
 * word, `جلسهی` isn't, so its «ه» is silent). The rest are suggestions.
 */
function joinedForms(text: string, out: RuleFinding[], dictionary: PersianDictionary | undefined, accepted: ReadonlySet<string>): void {
  // Every pattern below starts with می/نمی or ends in one of these suffixes: `wordsOf` noted the few such words.
  for (let j = 0; j < joinedAt.length; j++) {
    const w = wordAt(text, joinedAt.items[j]!);
    const parts = w.text.split(ZWNJ);
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const rest = parts
      .slice(1)
      .map((p) => `${ZWNJ}${p}`)
      .join("");

    // Prefix می / نمی.
    const prefix = first.startsWith("نمی") ? "نمی" : first.startsWith("می") ? "می" : undefined;
    if (prefix !== undefined && first.length > prefix.length) {
      const stem = first.slice(prefix.length);
      if (isVerbAfterMi(stem)) {
        const ambiguous = AMBIGUOUS_MI_WORDS.has(first);
        out.push({
          rule: "zwnj-mi",
          index: w.start,
          length: w.end - w.start,
          replacement: `${prefix}${ZWNJ}${stem}${rest}`,
          fix: !ambiguous,
          message: ambiguous
            ? `اگر «${first}» فعل است، «${prefix}» با نیم‌فاصله از آن جدا می‌شود`
            : `«${prefix}» با نیم‌فاصله از فعل جدا می‌شود، نه پیوسته`,
        });
        continue;
      }
    }
    if (parts.length > 1 && first === last) continue;
    const lastStart = w.end - last.length;
    const at = { index: lastStart, length: last.length };

    // Past participle + ام/اید/ایم/اند: رفتهاند → رفته‌اند.
    const verbEnding = JOINED_VERB_ENDING.exec(last);
    if (verbEnding && !(dictionary?.has(last) ?? false)) {
      out.push({
        rule: "zwnj-verb-ending",
        ...at,
        replacement: `${verbEnding[1]}${ZWNJ}${verbEnding[2]}`,
        fix: false,
        message: `«${verbEnding[2]}» پس از «ه» پایانی با نیم‌فاصله نوشته می‌شود، نه پیوسته`,
      });
      continue;
    }

    // Plural ها / های…: کتابها → کتاب‌ها (a warning: تنها، انتها… only look like plurals).
    const suffix = PLURAL_SUFFIXES.find((s) => last.endsWith(s));
    if (suffix !== undefined && !NOT_PLURAL.has(last)) {
      const stem = last.slice(0, -suffix.length);
      const lastLetter = stem[stem.length - 1];
      if (stem.length >= 2 && lastLetter !== undefined && !NON_JOINING.has(lastLetter) && LETTER_ONLY.test(stem)) {
        // A compound's plural (برنامهریزیهای): a stem the word list lacks may split into two words.
        const compound =
          dictionary !== undefined && !dictionary.has(stem) && !accepted.has(last) ? splitLostZwnj(last, dictionary) : undefined;
        out.push(compound !== undefined ? compoundFinding(at, last, compound) : pluralFinding(at, stem, suffix, dictionary));
        continue;
      }
    }

    // ی after a silent final ه: جلسهی → جلسه‌ی (in توجهی the ه is a consonant).
    if (last.length >= 4 && last.endsWith("هی")) {
      const base = last.slice(0, -1);
      if (silentFinalHe(base)) {
        // The list knows `جلسه` but not `جلسهی`: the «ه» is silent (it has `توجهی`، `فقهی`).
        const sure = (dictionary?.has(base) ?? false) && !(dictionary?.has(last) ?? true);
        out.push({
          rule: "zwnj-ezafe",
          ...at,
          replacement: `${base}${ZWNJ}ی`,
          fix: sure,
          message: sure
            ? `«ی» پس از «ه» پایانیِ «${base}» با نیم‌فاصله نوشته می‌شود`
            : `اگر «ه» در «${base}» خوانده نمی‌شود، «ی» با نیم‌فاصله نوشته می‌شود`,
        });
        continue;
      }
    }

    // ام/ات/اش/ایم/اید/اند after a silent final ه (خانهام، برنامهاش): only with the list, which tells
    // `برنامه` is a word and `برنامهاش` isn't (it has `شبهات`، `سهام`).
    if (dictionary !== undefined) {
      const clitic = CLITICS.find((c) => last.endsWith(`ه${c}`));
      const base = clitic === undefined ? "" : last.slice(0, -clitic.length);
      if (clitic !== undefined && base.length >= 3 && silentFinalHe(base) && dictionary.has(base) && !dictionary.has(last)) {
        out.push({
          rule: "zwnj-verb-ending",
          ...at,
          replacement: `${base}${ZWNJ}${clitic}`,
          fix: false,
          message: `«${clitic}» پس از «ه» پایانی با نیم‌فاصله نوشته می‌شود، نه پیوسته`,
        });
      }
    }
  }
}

/** ام/ات/اش… that join a word after its final «ه» (longest first). */
const CLITICS = ["ایم", "اید", "اند", "ام", "ات", "اش"];

/** Whether a word's final «ه» can be silent: not after ا/آ/و (`راه`، `کوه`), not a known h-word, not the stem ده (`سازماندهی`). */
function silentFinalHe(base: string): boolean {
  const beforeHe = base[base.length - 2]!;
  const deh = base.endsWith("ده") && base[base.length - 3] !== "ا";
  return !"اآو".includes(beforeHe) && !H_FINAL_WORDS.has(base) && !deh && base !== "آگه";
}

function compoundFinding(at: { index: number; length: number }, word: string, compound: string): RuleFinding {
  return {
    rule: "zwnj-compound",
    ...at,
    replacement: compound,
    fix: false,
    message: `«${word}» در واژه‌نامه‌ی فارسی نیست؛ اگر واژه‌ای مرکب است، با نیم‌فاصله نوشته می‌شود`,
  };
}

/**
 * A joined plural. After a final «ه» (`دغدغهها`، `کارگاههای`) the ZWNJ is certain, unless «های» may be
 * «ه» + «ای» (`دهه‌ای` or `ده‌های`); after another letter (`فعالیتهای`) the word list decides: a
 * known stem without a known `…ه` is a plural for sure; without the list it is a suggestion.
 */
function pluralFinding(
  at: { index: number; length: number },
  stem: string,
  suffix: string,
  dictionary: PersianDictionary | undefined,
): RuleFinding {
  const replacement = `${stem}${ZWNJ}${suffix}`;
  // «های…» read as «ه» + «ای…»: `خانهای` is `خان‌های` or `خانه‌ای`.
  const heReading = suffix.startsWith("های") ? `${stem}ه` : undefined;
  const heWord =
    heReading !== undefined &&
    (dictionary !== undefined ? dictionary.has(heReading) : stem.endsWith("ه") ? HEH_FINAL_WORDS.has(heReading) : true);
  const sure = stem.endsWith("ه")
    ? !heWord
    : dictionary !== undefined && stem.length >= 3 && suffix.length >= 3 && dictionary.has(stem) && !heWord;
  const alternative =
    heReading !== undefined && heWord ? `؛ یا اگر «${heReading}» با «ای» است: «${heReading}${ZWNJ}${suffix.slice(1)}»` : "";
  return {
    rule: "zwnj-plural",
    ...at,
    replacement,
    fix: sure,
    message: sure ? `«${suffix}» با نیم‌فاصله به «${stem}» می‌چسبد، نه پیوسته` : `«${suffix}» بی‌نیم‌فاصله به واژه چسبیده است${alternative}`,
  };
}

/** Compounds whose ZWNJ was lost (`ثبتنام`، `ادارهکل`), in the parts of words no other rule reported. */
function compoundWords(text: string, dictionary: PersianDictionary, accepted: ReadonlySet<string>, out: RuleFinding[]): void {
  // Parts already reported (a glossary entry, a plural) are left to that finding.
  const reported = out.map((f) => [f.index, f.index + f.length] as const);
  const free = (from: number, to: number) => !reported.some(([a, b]) => a < to && from < b);
  for (let k = 0; k < wordCount; k++) {
    const start = wordStart[k]!;
    const end = wordEnd[k]!;
    if (end - start < 5) continue;
    let from = start;
    for (let p = start; p <= end; p++) {
      if (p < end && text.charCodeAt(p) !== ZWNJ_CODE) continue;
      if (p - from >= 5) {
        const part = text.slice(from, p);
        const compound = splitLostZwnj(part, dictionary);
        if (compound !== undefined && !accepted.has(part) && free(from, p))
          out.push(compoundFinding({ index: from, length: p - from }, part, compound));
      }
      from = p + 1;
    }
  }
}

/**
 * A ZWNJ beside a space (`می‌ شود`: one ZWNJ is meant), doubled, or at a word's edge (next to a
 * space, a line edge, punctuation or Latin text). Next to a masked character (code) it is left alone.
 */
function strayZwnj(text: string, out: RuleFinding[]): void {
  // A ZWNJ between two letters (nearly all of them) is a run of one with nothing to report: only the
  // others, which `wordsOf` listed, in order, skipping those of a run already looked at.
  let next = 0;
  for (let j = 0; j < strayAt.length; j++) {
    const i = strayAt.items[j]!;
    if (i < next) continue;
    // The run of ZWNJs and spaces around this ZWNJ.
    let from = i;
    let to = i;
    while (from > 0 && (text.charCodeAt(from - 1) === ZWNJ_CODE || isSpace(text.charCodeAt(from - 1)))) from--;
    while (to < text.length && (text.charCodeAt(to) === ZWNJ_CODE || isSpace(text.charCodeAt(to)))) to++;
    const run = text.slice(from, to);
    const before = from > 0 ? text.charCodeAt(from - 1) : -1;
    const after = to < text.length ? text.charCodeAt(to) : -1;
    if (isLM(before) && isLM(after)) {
      if (run.length > 1) {
        const zwnjs = run.split(ZWNJ).length - 1;
        out.push({
          rule: "zwnj-stray",
          index: from,
          length: run.length,
          replacement: ZWNJ,
          fix: true,
          message: zwnjs === run.length ? "نیم‌فاصله‌ی تکراری" : "فاصله کنار نیم‌فاصله؛ یکی بس است: نیم‌فاصله",
        });
      }
    } else if (!keepsZwnj(codeAt(text, i - 1)) || !keepsZwnj(codeAt(text, i + 1))) {
      // Remove only the ZWNJs of the run; its spaces stay.
      let z = i;
      while (text.charCodeAt(z + 1) === ZWNJ_CODE) z++;
      let y = i;
      while (y > 0 && text.charCodeAt(y - 1) === ZWNJ_CODE) y--;
      out.push({
        rule: "zwnj-stray",
        index: y,
        length: z - y + 1,
        replacement: "",
        fix: true,
        message: "نیم‌فاصله‌ی بی‌جا در آغاز یا پایان واژه",
      });
      next = z + 1;
      continue;
    }
    next = to;
  }
}

function glossaryFinding(glossary: CompiledGlossary, index: number, end: number, wrong: string, out: RuleFinding[]): boolean {
  const right = glossary.entries.get(wrong);
  if (right === undefined || right === wrong) return false;
  out.push({
    rule: "glossary",
    index,
    length: end - index,
    replacement: right,
    fix: true,
    message: `«${wrong}» در واژه‌نامه شکل نادرست است`,
  });
  return true;
}

/** Glossary entries, looked up per word (and per run of words, for entries with a space). */
function glossaryRule(text: string, glossary: CompiledGlossary, out: RuleFinding[]): void {
  // Only the words `wordsOf` found in the glossary's filter (the others can't match); after a phrase,
  // the phrase's other words are skipped.
  let next = 0;
  for (let j = 0; j < glossaryAt.length; j++) {
    let i = glossaryAt.items[j]!;
    if (i < next) continue;
    const start = wordStart[i]!;
    const end = wordEnd[i]!;
    // Longest first: a phrase, then the whole word, then each ZWNJ-separated part (`بهروزرسانی‌ها`).
    // A word the filter rules out is neither a phrase start nor a key.
    if (mayBeInGlossary(glossary, text, start, end)) {
      const word = text.slice(start, end);
      let matched = false;
      if (glossary.phraseStarts.has(word)) {
        for (let n = Math.min(glossary.maxWords, wordCount - i); n > 1 && !matched; n--) {
          const lastEnd = wordEnd[i + n - 1]!;
          const phrase = text.slice(start, lastEnd);
          if (/^[^ ]+(?: [^ ]+)+$/.test(phrase) && glossaryFinding(glossary, start, lastEnd, phrase, out)) {
            matched = true;
            i += n - 1;
          }
        }
      }
      next = i + 1;
      if (matched || glossaryFinding(glossary, start, end, word, out)) continue;
    }
    if (wordFirstEnd[i] === end) continue; // no ZWNJ
    let offset = start;
    for (let p = start; p <= end; p++) {
      if (p < end && text.charCodeAt(p) !== ZWNJ_CODE) continue;
      if (mayBeInGlossary(glossary, text, offset, p)) glossaryFinding(glossary, offset, p, text.slice(offset, p), out);
      offset = p + 1;
    }
  }
}

const LATIN_TO_PERSIAN: Record<string, string> = { ",": "،", ";": "؛", "?": "؟" };
const MARK_NAMES: Record<string, string> = { "(": "پرانتز باز", ")": "پرانتز بسته", "«": "گیومه‌ی باز «", "»": "گیومه‌ی بسته »" };
/** `«،»`, or a name for marks that read badly between guillemets. */
const named = (mark: string) => MARK_NAMES[mark] ?? `«${mark}»`;
/** Characters `punctuation` looks at: `، ؛ ؟ ! . : , ; ? ( ) « »`. */
const PUNCT_TABLE = new Uint8Array(0x700);
for (const c of "،؛؟!.:,;?()«»") PUNCT_TABLE[c.charCodeAt(0)] = 1;
const SENTENCE_MARKS = new Set([..."،؛؟!.:,;?"].map((c) => c.charCodeAt(0)));
const PERSIAN_MARKS = new Set([..."،؛؟!"].map((c) => c.charCodeAt(0)));
const AFTER_MARK = new Set([..."«»()]"].map((c) => c.charCodeAt(0)));
const BEFORE_CLOSING = new Set([...".،؛؟!"].map((c) => c.charCodeAt(0)));
const OPENING = new Set([0x28, 0xab]); // ( «
const CLOSING = new Set([0x29, 0xbb]); // ) »
const codeAt = (text: string, i: number) => (i >= 0 && i < text.length ? text.charCodeAt(i) : -1);
const keepsZwnj = (c: number) => isLM(c) || isFaDigit(c) || c === MASK_CODE;

/**
 * Punctuation and spacing, in one pass over the characters:
 * Latin `, ; ?` after a Persian letter; spaces before punctuation (`سلام .`, `سلام ،دنیا`); no space
 * after `، ؛ ؟ !` (and `.` `:` between two Persian words, not in `ه.ش`); no space around brackets and
 * quotes on the outside (`گفت«`, `»و`); spaces inside them (`( متن )`).
 */
function punctuation(text: string, out: RuleFinding[]): void {
  const n = text.length;
  // Only where `wordsOf` found one of the marks.
  for (let k = 0; k < punctAt.length; k++) {
    const i = punctAt.items[k]!;
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    const prev = codeAt(text, i - 1);
    const next = codeAt(text, i + 1);
    if (c === 0x2c || c === 0x3b || c === 0x3f) {
      // , ; ?
      const listComma = c === 0x2c && isFaDigit(prev) && isSpace(next) && isLM(codeAt(text, i + 2));
      if (isLM(prev) || listComma) {
        const persian = LATIN_TO_PERSIAN[ch]!;
        out.push({
          rule: "latin-punctuation",
          index: i,
          length: 1,
          replacement: persian,
          fix: true,
          message: `در متن فارسی «${persian}» بنویسید، نه «${ch}»`,
        });
      }
    }
    if (SENTENCE_MARKS.has(c) && isSpace(prev)) {
      let from = i - 1;
      while (from > 0 && isSpace(text.charCodeAt(from - 1))) from--;
      const before = codeAt(text, from - 1);
      const okAfter = next === -1 || isSpace(next) || AFTER_MARK.has(next) || next === MASK_CODE || isLetter(next);
      if ((isLM(before) || isFaDigit(before)) && okAfter) {
        out.push({
          rule: "space-before-punctuation",
          index: from,
          length: i + 1 - from,
          replacement: ch,
          fix: true,
          message: `پیش از «${ch}» فاصله نمی‌آید`,
        });
      }
    }
    // A Persian mark before a letter, or a Latin full stop or colon with two letters on each side (a space left out).
    const joinsWords =
      (PERSIAN_MARKS.has(c) && isLetter(next)) ||
      ((c === 0x2e || c === 0x3a) && isLM(prev) && isLM(codeAt(text, i - 2)) && isLetter(next) && isLetter(codeAt(text, i + 2)));
    const closesBeforeWord = !joinsWords && CLOSING.has(c) && isLetter(next);
    if (joinsWords || closesBeforeWord) {
      out.push({
        rule: "space-after-punctuation",
        index: i,
        length: 1,
        replacement: `${ch} `,
        fix: true,
        message: joinsWords ? `پس از «${ch}» یک فاصله لازم است` : `پس از ${named(ch)} و پیش از واژه‌ی بعد یک فاصله لازم است`,
      });
    }
    if (OPENING.has(c)) {
      if (isLM(prev))
        out.push({
          rule: "space-after-punctuation",
          index: i,
          length: 1,
          replacement: ` ${ch}`,
          fix: true,
          message: `پیش از ${named(ch)} یک فاصله لازم است`,
        });
      let to = i + 1;
      while (to < n && isSpace(text.charCodeAt(to))) to++;
      const after = codeAt(text, to);
      if (to > i + 1 && (isLetter(after) || isFaDigit(after))) {
        out.push({
          rule: "space-inside-brackets",
          index: i,
          length: to - i,
          replacement: ch,
          fix: true,
          message: `پس از ${named(ch)} فاصله نمی‌آید`,
        });
      }
    }
    if (CLOSING.has(c) && isSpace(prev)) {
      let from = i - 1;
      while (from > 0 && isSpace(text.charCodeAt(from - 1))) from--;
      const before = codeAt(text, from - 1);
      if (isLM(before) || isFaDigit(before) || BEFORE_CLOSING.has(before)) {
        out.push({
          rule: "space-inside-brackets",
          index: from,
          length: i + 1 - from,
          replacement: ch,
          fix: true,
          message: `پیش از ${named(ch)} فاصله نمی‌آید`,
        });
      }
    }
  }
}
