/**
 * Display strings for dates, in the site's locale. Built from `Intl.DateTimeFormat(locale.intlLocale)
 * .formatToParts` with the locale's calendar and numbering system and the site's zone always passed
 * (never the machine's), assembled in Persian order: `یکشنبه ۲۵ اردیبهشت ۱۴۰۱`.
 * (`dateStyle: 'full'` puts the year first with an ASCII comma, so we don't use it.)
 */
import { JALALI_MONTH_NAMES } from "./jalali.ts";
import type { Locale } from "../locale/types.ts";
import { toPersianDigits } from "../text/digits.ts";

/** What dates need from a locale (lib/locale/). */
export type DateLocale = Pick<Locale, "intlLocale" | "calendar" | "numberingSystem">;

export interface DateParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

/** One locale's formatter in one zone, and the parts it has formatted. */
interface ZoneDates {
  formatter: Intl.DateTimeFormat;
  // A release's date is shown on its page and on every list it appears in (often ten times or more per
  // build): formatToParts runs once per instant, locale and zone. Results are small and immutable (frozen).
  parts: Map<number, DateParts>;
}

// Creating an Intl.DateTimeFormat costs far more than using one: one per locale and zone, kept. Locales
// are the registry's objects (lib/locale/index.ts), so they key the cache themselves.
const cache = new WeakMap<DateLocale, Map<string, ZoneDates>>();

function zoneDates(locale: DateLocale, timeZone: string): ZoneDates {
  let zones = cache.get(locale);
  if (!zones) cache.set(locale, (zones = new Map()));
  let dates = zones.get(timeZone);
  if (!dates) {
    const formatter = new Intl.DateTimeFormat(locale.intlLocale, {
      timeZone,
      calendar: locale.calendar,
      numberingSystem: locale.numberingSystem,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    zones.set(timeZone, (dates = { formatter, parts: new Map() }));
  }
  return dates;
}

export function dateParts(instant: number, timeZone: string, locale: DateLocale): DateParts {
  const dates = zoneDates(locale, timeZone);
  let cached = dates.parts.get(instant);
  if (!cached) dates.parts.set(instant, (cached = Object.freeze(formatParts(dates.formatter, instant))));
  return cached;
}

function formatParts(formatter: Intl.DateTimeFormat, instant: number): DateParts {
  const parts: Partial<Record<string, string>> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return {
    weekday: parts.weekday ?? "",
    day: parts.day ?? "",
    month: parts.month ?? "",
    year: parts.year ?? "",
    hour: parts.hour ?? "",
    minute: parts.minute ?? "",
  };
}

/** `یکشنبه ۲۵ اردیبهشت ۱۴۰۱` */
export function formatLongDate(instant: number, timeZone: string, locale: DateLocale): string {
  const p = dateParts(instant, timeZone, locale);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** `۲۵ اردیبهشت ۱۴۰۱` */
export function formatDate(instant: number, timeZone: string, locale: DateLocale): string {
  const p = dateParts(instant, timeZone, locale);
  return `${p.day} ${p.month} ${p.year}`;
}

/** `یکشنبه ۲۵ اردیبهشت ۱۴۰۱، ساعت ۱۰:۳۰` */
export function formatDateTime(instant: number, timeZone: string, locale: DateLocale): string {
  const p = dateParts(instant, timeZone, locale);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}، ساعت ${p.hour}:${p.minute}`;
}

/** `اردیبهشت ۱۴۰۱` — for archive headings (the archive is by Jalali month); from the month number, not from Intl. */
export function formatJalaliMonth(jy: number, jm: number): string {
  return `${JALALI_MONTH_NAMES[jm - 1] ?? ""} ${toPersianDigits(jy)}`;
}
