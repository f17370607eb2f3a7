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
 * A URL slug that keeps Persian letters (no lossy Latin transliteration): letters are folded
 * (ي→ی, ك→ک), digits become Latin, ZWNJ and spaces become nothing and `-` respectively,
 * punctuation is dropped, Latin letters are lower-cased. Never empty: falls back to `fallback`.
 */
export function slugify(text: string, fallback = "untitled"): string {
  const slug = toLatinDigits(foldArabicLetters(text.normalize("NFC")))
    .replace(MARKS, "")
    .replace(INVISIBLES, "")
    .replace(new RegExp(ZWNJ, "g"), "")
    .toLowerCase()
    // "İ".toLowerCase() is "i" + U+0307; drop that dot rather than cut the word in two.
    .replace(/\u0307/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? fallback : slug;
}

/**
 * The identity of a tag: spellings that differ only in ي/ك, ZWNJ or spacing, case or digits are
 * one tag (`هم‌اندیشی`, `هماندیشی`, `هم اندیشی`).
 */
export function tagKey(text: string): string {
  return slugify(text, "").replace(/-/g, "");
}

/** Collapses runs of whitespace and trims (ZWNJ kept). */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
