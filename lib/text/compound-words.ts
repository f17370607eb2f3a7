/**
 * Compounds whose ZWNJ was lost (`ثبتنام`, `ادارهکل`, `کیفیتبخشی`, `برنامهریزیهای`), found with the
 * Persian word list: a word the list lacks that splits into two words it has, at a letter that joins
 * the next one (after `ر` or `د` a ZWNJ changes nothing visible: `مرکزمحوری` is fine). Always a
 * suggestion, never a fix: a name or a new word the list lacks may split by chance.
 */
import type { PersianDictionary } from "./persian-dictionary.ts";
import { ZWNJ } from "./persian.ts";

/** Letters that join only to the previous letter: a ZWNJ after them is invisible. */
const NON_JOINING = new Set([..."اآأإؤدذرزژوةء"]);
/** Persian letters only: no Arabic forms (their own rule), marks or digits. */
const PLAIN_WORD = /^[\u0621-\u063a\u0641-\u0648\u067e\u0686\u0698\u06a9\u06af\u06cc]+$/;
/**
 * Two-letter words that begin compounds with a ZWNJ (`هم‌اندیشی`, `وب‌سایت`) or end them
 * (`اداره‌کل`). Other parts need three letters: the list holds many two-letter fragments (`جل`, `قی`).
 */
const SHORT_FIRST = new Set(["هم", "بی", "وب", "کم", "پس", "سه"]);
const SHORT_SECOND = new Set(["کل"]);
/**
 * Suffixes that are words in the list too but are written joined (`جشنواره`، `سوگواره`، `دانشمند`،
 * `دانشگاه`): a split before them is no lost ZWNJ. (After a silent «ه» they take one: the glossary
 * has `علاقه‌مند`.)
 */
const JOINED_SUFFIXES = new Set([
  "واره",
  "وار",
  "گاه",
  "گاهی",
  "گاهها",
  "گر",
  "گری",
  "ستان",
  "دان",
  "دانی",
  "مند",
  "مندی",
  "ناک",
  "کده",
  "بان",
  "وند",
  "زار",
  "سار",
]);
/** Plural endings kept apart from the split (`برنامهریزیهای` → `برنامه‌ریزی` + `‌های`). */
const PLURAL_ENDINGS = ["هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "های", "ها"];

/**
 * `part` (one ZWNJ-free piece of a word) with its lost ZWNJs put back, or undefined if the list knows
 * it, or it doesn't split into known words. A plural ending goes apart too when the stem is the
 * compound (`برنامهریزیهای`); when the stem is a known word the plural rules speak instead.
 */
export function splitLostZwnj(part: string, dictionary: PersianDictionary): string | undefined {
  const memo = dictionary.memo.get(part);
  if (memo !== undefined) return memo ?? undefined;
  const answer = split(part, dictionary) ?? null;
  dictionary.memo.set(part, answer);
  return answer ?? undefined;
}

function split(part: string, dictionary: PersianDictionary): string | undefined {
  if (part.length < 5 || !PLAIN_WORD.test(part) || dictionary.has(part)) return undefined;
  let stem = part;
  let ending = "";
  for (const plural of PLURAL_ENDINGS) {
    const before = part[part.length - plural.length - 1];
    if (part.endsWith(plural) && part.length - plural.length >= 5 && before !== undefined && !NON_JOINING.has(before)) {
      stem = part.slice(0, -plural.length);
      ending = `${ZWNJ}${plural}`;
      break;
    }
  }
  if (ending !== "" && dictionary.has(stem)) return undefined;
  // Of the splits into known words, those whose halves are whole words rather than forms of one
  // (`مرکزم`: "my centre"; `مهریزی`: a name) come first; among equals the longest second word wins
  // (`هم|اندیشی`, not `همان|دیشی`). If the best split is after `ز` or `ا` (`مرکز|محوری`), where a ZWNJ
  // changes nothing visible, the word is fine as written.
  let best: { text: string; strong: boolean; visible: boolean } | undefined;
  for (let i = 2; i <= stem.length - 2; i++) {
    const first = stem.slice(0, i);
    const second = stem.slice(i);
    if (!isPart(first, SHORT_FIRST, dictionary) || !isPart(second, SHORT_SECOND, dictionary) || PLURAL_ENDINGS.includes(second)) continue;
    if (JOINED_SUFFIXES.has(second)) continue;
    const strong = isWholeWord(first, SHORT_FIRST, dictionary) && isWholeWord(second, SHORT_SECOND, dictionary);
    if (best === undefined || (strong && !best.strong))
      best = { text: `${first}${ZWNJ}${second}${ending}`, strong, visible: !NON_JOINING.has(first[first.length - 1]!) };
  }
  return best?.visible ? best.text : undefined;
}

/** A word as such, not an inflected form: listed, or known in the plural too (`جلسه`: its plural isn't listed joined). */
function isWholeWord(word: string, short: ReadonlySet<string>, dictionary: PersianDictionary): boolean {
  return short.has(word) || word.endsWith("ه") || dictionary.has(`${word}ها`);
}

/**
 * A word that can be half of a compound: a known word, and for short ones a listed one or one the
 * list also has in the plural (the list holds fragments such as `وبی`، `زمی` that have none).
 */
function isPart(word: string, short: ReadonlySet<string>, dictionary: PersianDictionary): boolean {
  if (word.length < 3) return short.has(word);
  if (!dictionary.has(word)) return false;
  return word.length > 3 || short.has(word) || dictionary.has(`${word}ها`);
}
