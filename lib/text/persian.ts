/**
 * Persian text rules shared by slugs, tag identity and search keys.
 * ZWNJ (U+200C) is never removed from displayed text — only from keys.
 */
import { toLatinDigits } from "./digits.ts";

export const ZWNJ = "\u200c";

/** Arabic letter forms that Persian writes differently: ي→ی, ى→ی, ك→ک, and the hamza-less ة stays. */
export function foldArabicLetters(text: string): string {
  return text.replace(/[\u064a\u0649]/g, "\u06cc").replace(/\u0643/g, "\u06a9");
}

/** Harakat, tatweel and other marks that don't change a word's identity. */
const MARKS = /[\u064b-\u065f\u0670\u0640]/g;
/** Invisible bidi and joining controls other than ZWNJ. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists invisible marks one by one (ZWJ among them, on purpose), no joined sequence
const INVISIBLES = /[\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Symbols that tell tags apart and would vanish with the rest of the punctuation: spelled out, so
 * `C++`, `C#` and `C` get three URLs. Only after a letter or digit (`#نوروز`, a hashtag, is `نوروز`).
 */
const SPELLED_OUT: readonly [RegExp, string][] = [
  [/(?<=[\p{L}\p{N}]\+*)\+/gu, " plus "],
  [/(?<=[\p{L}\p{N}])#/gu, " sharp "],
];

/** The text folded for URLs and identity: NFC, ي/ك, Latin digits, no marks or invisibles, lower case (ZWNJ kept). */
export function foldForUrl(text: string): string {
  return (
    toLatinDigits(foldArabicLetters(text.normalize("NFC")))
      .replace(MARKS, "")
      .replace(INVISIBLES, "")
      .toLowerCase()
      // "İ".toLowerCase() is "i" + U+0307; drop that dot rather than cut the word in two.
      .replace(/\u0307/g, "")
  );
}

/**
 * A URL slug that keeps Persian letters (no lossy Latin transliteration): letters are folded
 * (ي→ی, ك→ک), digits become Latin, Latin letters are lower-cased, `+`/`#` after a word are spelled
 * out, and every run of anything else — spaces, punctuation and ZWNJ — becomes one `-`.
 * A ZWNJ becomes `-`, not nothing: `چهره‌های` joined would read as another word (`چهرههای`); a
 * hyphen, unlike a ZWNJ kept in the URL, is visible, typeable and survives copy-paste (docs/deploying.md).
 * Never empty: falls back to `fallback`.
 */
export function slugify(text: string, fallback = "untitled"): string {
  let folded = foldForUrl(text);
  for (const [symbol, word] of SPELLED_OUT) folded = folded.replace(symbol, word);
  const slug = folded.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
  return slug === "" ? fallback : slug;
}

/**
 * The identity of a tag: spellings that differ only in ي/ك, ZWNJ or spacing, case or digits are
 * one tag (`هم‌اندیشی`, `هماندیشی`, `هم اندیشی`). Empty when the tag has no letter or digit.
 */
export function tagKey(text: string): string {
  return slugify(text, "").replace(/-/g, "");
}

/**
 * A tag as written, with only what never tells two tags apart folded away (tagKey's folding, minus
 * its loss of punctuation): spaces, ZWNJ, dashes, underscores, quotes, brackets and a hashtag's `#`. Two tags with
 * one `tagKey` but different spellings here (`Node.js`, `nodejs`) would share a page: an error.
 */
export function tagSpelling(text: string): string {
  return foldForUrl(text)
    .replace(/(?<![\p{L}\p{N}])#/gu, "")
    .replace(/[\s\u200c\p{Pd}\p{Pc}\p{Ps}\p{Pe}\p{Pi}\p{Pf}«»]+/gu, "");
}

/** Collapses runs of whitespace and trims (ZWNJ kept). */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
