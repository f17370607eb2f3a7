/**
 * What a language edition of the site is: its interface strings and the settings the build needs to
 * write, date and number its pages. One `Locale` per language (lib/locale/fa.ts); site.json chooses
 * one with `"locale"` (lib/locale/index.ts) and it reaches templates and features as `chapar.locale`.
 */
import type { searchStrings, strings } from "./fa.strings.ts";

/** A Persian string's type widened to any text, keeping each function's parameters. */
type AnyText<T> = T extends string ? string : T extends (...args: infer A) => string ? (...args: A) => string : T;

/**
 * The interface strings, typed from the Persian file: every locale provides every key the Persian
 * one has (same functions, same parameters), in its own words.
 */
export type UiStrings = { readonly [K in keyof typeof strings]: AnyText<(typeof strings)[K]> };

/** What the search page's script says (bundled into assets/js/search.ts). */
export type SearchStrings = { readonly [K in keyof typeof searchStrings]: AnyText<(typeof searchStrings)[K]> };

export interface Locale {
  /** The key site.json names it by (`"locale": "fa"`). */
  code: string;
  /** BCP 47 language of the pages: `<html lang>`, the feeds, JSON-LD `inLanguage`, Pagefind's index. */
  lang: string;
  /** Writing direction of the pages (`<html dir>`). */
  dir: "rtl" | "ltr";
  /** Locale given to Intl for dates and numbers, e.g. `fa-IR`. */
  intlLocale: string;
  /** Open Graph `og:locale` (language_TERRITORY), e.g. `fa_IR`. */
  ogLocale: string;
  /** Intl calendar of displayed dates, e.g. `persian`. */
  calendar: string;
  /** Intl numbering system of displayed dates and numbers, e.g. `arabext` (Persian digits). */
  numberingSystem: string;
  strings: UiStrings;
  searchStrings: SearchStrings;
}
