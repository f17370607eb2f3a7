/**
 * The Persian edition, Chapar's default: its interface strings (fa.strings.ts) and the settings that
 * write, date and number Persian pages (Intl's `fa-IR` with the Persian calendar and Persian digits).
 */
import { searchStrings, strings } from "./fa.strings.ts";
import type { Locale } from "./types.ts";

export const fa: Locale = {
  code: "fa",
  lang: "fa",
  dir: "rtl",
  intlLocale: "fa-IR",
  ogLocale: "fa_IR",
  calendar: "persian",
  numberingSystem: "arabext",
  strings,
  searchStrings,
};
