/**
 * The locales Chapar ships, by the code site.json names them with. Persian is the default and, for
 * now, the only one; a new language is a file like fa.ts registered here.
 */
import { fa } from "./fa.ts";
import type { Locale } from "./types.ts";

export type { Locale, SearchStrings, UiStrings } from "./types.ts";

export const locales: Readonly<Record<string, Locale>> = { [fa.code]: fa };

/** The locale of sites whose site.json names none. */
export const defaultLocaleCode = fa.code;

export function isLocaleCode(code: string): boolean {
  return Object.hasOwn(locales, code);
}

/** The locale site.json chose (validated there: lib/content/site-data.ts); throws for an unknown code. */
export function localeFor(code: string = defaultLocaleCode): Locale {
  const locale = locales[code];
  if (!locale) throw new Error(`unknown locale "${code}" (known: ${Object.keys(locales).join(", ")})`);
  return locale;
}
