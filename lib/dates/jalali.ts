/**
 * The one place where front-matter dates become instants and instants become Jalali calendar days.
 *
 * Conversion and validity use jalaali-js (it matches the official Tehran table; ICU's Persian calendar
 * has changed between versions). Wall times are read in the site's time zone with luxon — never the
 * machine's — so `TZ=America/Los_Angeles` builds the same site as `TZ=Asia/Tehran`.
 */
import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from "jalaali-js";
import { DateTime } from "luxon";
import { toLatinDigits } from "../text/digits.ts";
import { wallTimeNote } from "./wall-time.ts";
import { zoneFor } from "./zone.ts";

/** A front-matter date after parsing: the instant plus the calendar facts every page needs. */
export interface ReleaseDate {
  /** Milliseconds since the epoch. */
  instant: number;
  /** ISO 8601 with the real offset of that instant in the site's zone, e.g. `2022-05-15T10:30:00+04:30`. */
  iso: string;
  /** Jalali year, month (1–12) and day, in the site's zone. */
  jy: number;
  jm: number;
  jd: number;
  /** Whether the author gave a time of day (otherwise the date means that day's 00:00). */
  hasTime: boolean;
}

/** `note`: the written wall time doesn't name exactly one instant in the zone (see lib/dates/wall-time.ts). */
export type DateParseResult = { ok: true; date: ReleaseDate; note?: string } | { ok: false; reason: string };

/** Years below this are Jalali; Jalali years now are around 1400, Gregorian ones around 2000. */
const JALALI_YEAR_LIMIT = 1700;

const DATE_PATTERN =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:[T\s]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export const JALALI_MONTH_NAMES = [
  "فروردین",
  "اردیبهشت",
  "خرداد",
  "تیر",
  "مرداد",
  "شهریور",
  "مهر",
  "آبان",
  "آذر",
  "دی",
  "بهمن",
  "اسفند",
] as const;

/** The accepted forms, in Persian, for error messages. */
export const DATE_FORMS_HELP =
  "یک تاریخ شمسی مانند 1401-02-25 یا 1401/02/25 (با رقم فارسی یا لاتین، با ساعت دلخواه مانند 1401-02-25 10:30)، یا تاریخ میلادی مانند 2022-05-15 یا 2022-05-15T10:30:00+04:30";

function gregorianMonthLength(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a front-matter date. `raw` is what YAML gave us: the schema keeps dates as strings
 * (no YAML timestamps), so `2022-05-15` never became UTC midnight on the way here.
 */
export function parseReleaseDate(raw: unknown, timeZone: string): DateParseResult {
  if (raw instanceof Date) {
    // Only reachable if a caller parsed YAML with timestamps; refuse rather than guess the zone.
    return { ok: false, reason: 'تاریخ باید متن باشد؛ آن را میان گیومه بنویسید، مانند "1401-02-25"' };
  }
  if (typeof raw !== "string" && typeof raw !== "number") {
    return { ok: false, reason: `تاریخ خالی یا نامعتبر است. قالب درست: ${DATE_FORMS_HELP}` };
  }
  const text = toLatinDigits(String(raw)).trim();
  const m = DATE_PATTERN.exec(text);
  if (!m) return { ok: false, reason: `قالب تاریخ شناخته نشد. قالب درست: ${DATE_FORMS_HELP}` };
  const [, ys, ms, ds, hs, mins, ss, fracs, offset] = m;
  const year = Number(ys);
  const month = Number(ms);
  const day = Number(ds);
  const hour = hs === undefined ? 0 : Number(hs);
  const minute = mins === undefined ? 0 : Number(mins);
  const second = ss === undefined ? 0 : Number(ss);
  const millisecond = fracs === undefined ? 0 : Number(fracs.padEnd(3, "0"));
  const hasTime = hs !== undefined;

  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: "ساعت نامعتبر است؛ ساعت از 00:00 تا 23:59 است" };
  }

  let gy: number;
  let gm: number;
  let gd: number;
  if (year < JALALI_YEAR_LIMIT) {
    if (month < 1 || month > 12) {
      return { ok: false, reason: `ماه ${month} وجود ندارد؛ ماه‌های شمسی از 1 تا 12 هستند` };
    }
    if (!isValidJalaaliDate(year, month, day)) {
      const length = jalaaliMonthLength(year, month);
      const name = JALALI_MONTH_NAMES[month - 1];
      return { ok: false, reason: `روز ${day} در ${name} ${year} وجود ندارد؛ ${name} ${year} ${length} روز دارد` };
    }
    ({ gy, gm, gd } = toGregorian(year, month, day));
  } else {
    if (month < 1 || month > 12) {
      return { ok: false, reason: `ماه ${month} وجود ندارد؛ ماه‌های میلادی از 1 تا 12 هستند` };
    }
    const length = gregorianMonthLength(year, month);
    if (day < 1 || day > length) {
      return { ok: false, reason: `روز ${day} در ماه ${month} سال ${year} میلادی وجود ندارد؛ این ماه ${length} روز دارد` };
    }
    [gy, gm, gd] = [year, month, day];
  }

  // Without an offset the author meant wall time in the site's zone.
  const zone = offset === undefined ? zoneFor(timeZone) : offset.toUpperCase() === "Z" ? "UTC" : `UTC${normaliseOffset(offset)}`;
  const dt = DateTime.fromObject({ year: gy, month: gm, day: gd, hour, minute, second, millisecond }, { zone });
  if (!dt.isValid) return { ok: false, reason: `تاریخ نامعتبر است (${dt.invalidExplanation ?? ""})` };
  const date = describeInstant(dt.toMillis(), timeZone, hasTime);
  // Only a written wall time can be skipped or repeated; a date alone names the day, whatever its first hour.
  const note = offset === undefined && hasTime ? wallTimeNote(dt, { year: gy, month: gm, day: gd, hour, minute }, text) : undefined;
  return note === undefined ? { ok: true, date } : { ok: true, date, note };
}

function normaliseOffset(offset: string): string {
  return offset.includes(":") ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** An instant's wall-clock day in a zone, and its ISO 8601 string with the offset of that instant. */
function localFacts(instant: number, timeZone: string): { iso: string; year: number; month: number; day: number } {
  const local = DateTime.fromMillis(instant, { zone: zoneFor(timeZone) });
  const iso = local.toISO({ suppressMilliseconds: true });
  if (iso === null) throw new Error(`cannot format ${instant} in ${timeZone}`);
  return { iso, year: local.year, month: local.month, day: local.day };
}

/** The calendar facts of an instant in a zone. */
export function describeInstant(instant: number, timeZone: string, hasTime = true): ReleaseDate {
  const { iso, year, month, day } = localFacts(instant, timeZone);
  const { jy, jm, jd } = toJalaali(year, month, day);
  return { instant, iso, jy, jm, jd, hasTime };
}

/** ISO 8601 with the offset that the zone really had at that instant (Tehran: +04:30 in old summers). */
export function isoWithOffset(instant: number, timeZone: string): string {
  return localFacts(instant, timeZone).iso;
}

/** Checks that a time zone name is one the runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.local().setZone(timeZone).isValid;
}

/** Jalali calendar day of an instant, as `{ jy, jm, jd }`. */
export function jalaliDay(instant: number, timeZone: string): { jy: number; jm: number; jd: number } {
  const { year, month, day } = localFacts(instant, timeZone);
  return toJalaali(year, month, day);
}
