/**
 * Persian display strings for dates. Built from `Intl.DateTimeFormat('fa-IR').formatToParts` with the
 * site's zone always passed (never the machine's), assembled in Persian order: `یکشنبه ۲۵ اردیبهشت ۱۴۰۱`.
 * (`dateStyle: 'full'` puts the year first with an ASCII comma, so we don't use it.)
 */
import { JALALI_MONTH_NAMES } from "./jalali.ts";
import { toPersianDigits } from "../text/digits.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("fa-IR", {
      timeZone,
      calendar: "persian",
      numberingSystem: "arabext",
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface PersianDateParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

// A release's date is shown on its page and on every list it appears in (often ten times or more per build):
// formatToParts runs once per instant and zone. Results are small and immutable (frozen).
const partsCache = new Map<string, Map<number, PersianDateParts>>();

export function persianDateParts(instant: number, timeZone: string): PersianDateParts {
  let byInstant = partsCache.get(timeZone);
  if (!byInstant) partsCache.set(timeZone, (byInstant = new Map()));
  let cached = byInstant.get(instant);
  if (!cached) byInstant.set(instant, (cached = Object.freeze(formatParts(instant, timeZone))));
  return cached;
}

function formatParts(instant: number, timeZone: string): PersianDateParts {
  const parts: Partial<Record<string, string>> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
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
export function formatLongDate(instant: number, timeZone: string): string {
  const p = persianDateParts(instant, timeZone);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** `۲۵ اردیبهشت ۱۴۰۱` */
export function formatDate(instant: number, timeZone: string): string {
  const p = persianDateParts(instant, timeZone);
  return `${p.day} ${p.month} ${p.year}`;
}

/** `یکشنبه ۲۵ اردیبهشت ۱۴۰۱، ساعت ۱۰:۳۰` */
export function formatDateTime(instant: number, timeZone: string): string {
  const p = persianDateParts(instant, timeZone);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}، ساعت ${p.hour}:${p.minute}`;
}

/** `اردیبهشت ۱۴۰۱` — for archive headings; from the Jalali month number, not from Intl. */
export function formatJalaliMonth(jy: number, jm: number): string {
  return `${JALALI_MONTH_NAMES[jm - 1] ?? ""} ${toPersianDigits(jy)}`;
}
