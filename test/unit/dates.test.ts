/**
 * Jalali dates: parsing front-matter dates in Asia/Tehran, validity, formatting, and a day-by-day
 * cross-check of jalaali-js against the runtime's ICU for Jalali years 1390–1410.
 *
 * Every expectation here is independent of the machine's zone: run with TZ=UTC, TZ=America/Los_Angeles
 * and TZ=Asia/Tehran; all must pass.
 */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { isLeapJalaaliYear, jalaaliMonthLength } from "jalaali-js";
import { parseReleaseDate, isoWithOffset, type ReleaseDate } from "../../lib/dates/jalali.ts";
import { formatDate, formatDateTime, formatJalaliMonth, formatLongDate } from "../../lib/dates/format.ts";
import { fa } from "../../lib/locale/fa.ts";

const TEHRAN = "Asia/Tehran";

/** Parses or fails the test with the reason. */
function mustParse(input: unknown): ReleaseDate {
  const result = parseReleaseDate(input, TEHRAN);
  if (!result.ok) assert.fail(`expected ${JSON.stringify(input)} to parse, got: ${result.reason}`);
  return result.date;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

interface Vector {
  input: string;
  iso: string;
  jy: number;
  jm: number;
  jd: number;
  hasTime: boolean;
  note: string;
}

const GOLDEN: readonly Vector[] = [
  // Nowruz 1404 and the last day of leap 1403.
  { input: "2025-03-20", iso: "2025-03-20T00:00:00+03:30", jy: 1403, jm: 12, jd: 30, hasTime: false, note: "30 Esfand of leap 1403" },
  { input: "2025-03-21", iso: "2025-03-21T00:00:00+03:30", jy: 1404, jm: 1, jd: 1, hasTime: false, note: "Nowruz 1404" },
  { input: "1403-12-30", iso: "2025-03-20T00:00:00+03:30", jy: 1403, jm: 12, jd: 30, hasTime: false, note: "1403 is leap" },
  { input: "1404-12-29", iso: "2026-03-20T00:00:00+03:30", jy: 1404, jm: 12, jd: 29, hasTime: false, note: "last day of common 1404" },
  {
    input: "2026-03-20",
    iso: "2026-03-20T00:00:00+03:30",
    jy: 1404,
    jm: 12,
    jd: 29,
    hasTime: false,
    note: "Gregorian side of the same day",
  },
  { input: "1408-12-30", iso: "2030-03-20T00:00:00+03:30", jy: 1408, jm: 12, jd: 30, hasTime: false, note: "1408 is leap" },
  { input: "1399-12-30", iso: "2021-03-20T00:00:00+03:30", jy: 1399, jm: 12, jd: 30, hasTime: false, note: "1399 is leap" },
  { input: "1395-12-30", iso: "2017-03-20T00:00:00+03:30", jy: 1395, jm: 12, jd: 30, hasTime: false, note: "1395 is leap" },
  { input: "2021-03-21", iso: "2021-03-21T00:00:00+03:30", jy: 1400, jm: 1, jd: 1, hasTime: false, note: "Nowruz 1400" },
  // Instants with Z land on the Tehran day; offset-less times are Tehran wall time.
  {
    input: "2024-03-19T23:30:00Z",
    iso: "2024-03-20T03:00:00+03:30",
    jy: 1403,
    jm: 1,
    jd: 1,
    hasTime: true,
    note: "UTC evening is Nowruz in Tehran",
  },
  {
    input: "2024-03-19T23:30:00",
    iso: "2024-03-19T23:30:00+03:30",
    jy: 1402,
    jm: 12,
    jd: 29,
    hasTime: true,
    note: "offset-less = Tehran wall time",
  },
  {
    input: "2024-03-20T03:00:00+03:30",
    iso: "2024-03-20T03:00:00+03:30",
    jy: 1403,
    jm: 1,
    jd: 1,
    hasTime: true,
    note: "same instant as the Z vector",
  },
  { input: "1402-12-29 23:59", iso: "2024-03-19T23:59:00+03:30", jy: 1402, jm: 12, jd: 29, hasTime: true, note: "last minute of 1402" },
  {
    input: "1403-01-01 00:15",
    iso: "2024-03-20T00:15:00+03:30",
    jy: 1403,
    jm: 1,
    jd: 1,
    hasTime: true,
    note: "Nowruz just after midnight",
  },
  // DST era (until Shahrivar 1401): +04:30 in summer.
  { input: "1401-02-25 10:30", iso: "2022-05-15T10:30:00+04:30", jy: 1401, jm: 2, jd: 25, hasTime: true, note: "DST era" },
  { input: "1401-02-25T10:30", iso: "2022-05-15T10:30:00+04:30", jy: 1401, jm: 2, jd: 25, hasTime: true, note: "T separator" },
  { input: "1401-02-25 10:30:45", iso: "2022-05-15T10:30:45+04:30", jy: 1401, jm: 2, jd: 25, hasTime: true, note: "with seconds" },
  {
    input: "۱۴۰۱-۰۲-۲۵ ۱۰:۳۰",
    iso: "2022-05-15T10:30:00+04:30",
    jy: 1401,
    jm: 2,
    jd: 25,
    hasTime: true,
    note: "Persian digits with a time",
  },
  { input: "1401/02/25", iso: "2022-05-15T00:00:00+04:30", jy: 1401, jm: 2, jd: 25, hasTime: false, note: "slashes" },
  { input: "۱۴۰۱/۰۲/۲۵", iso: "2022-05-15T00:00:00+04:30", jy: 1401, jm: 2, jd: 25, hasTime: false, note: "Persian digits" },
  { input: "١٤٠١-٠٢-٢٥", iso: "2022-05-15T00:00:00+04:30", jy: 1401, jm: 2, jd: 25, hasTime: false, note: "Arabic-Indic digits" },
  { input: "  1401-02-25  ", iso: "2022-05-15T00:00:00+04:30", jy: 1401, jm: 2, jd: 25, hasTime: false, note: "surrounding spaces" },
  { input: "1401-2-5", iso: "2022-04-25T00:00:00+04:30", jy: 1401, jm: 2, jd: 5, hasTime: false, note: "unpadded month and day" },
  { input: "2022-05-15T10:30:00+04:30", iso: "2022-05-15T10:30:00+04:30", jy: 1401, jm: 2, jd: 25, hasTime: true, note: "ISO with offset" },
  {
    input: "2022-05-15T10:30:00+0430",
    iso: "2022-05-15T10:30:00+04:30",
    jy: 1401,
    jm: 2,
    jd: 25,
    hasTime: true,
    note: "offset without colon",
  },
  { input: "2022-05-15T10:30:00-07:00", iso: "2022-05-15T22:00:00+04:30", jy: 1401, jm: 2, jd: 25, hasTime: true, note: "negative offset" },
  { input: "2022-05-15T10:30:00Z", iso: "2022-05-15T15:00:00+04:30", jy: 1401, jm: 2, jd: 25, hasTime: true, note: "Z in DST era" },
  {
    input: "2022-05-14T20:00:00Z",
    iso: "2022-05-15T00:30:00+04:30",
    jy: 1401,
    jm: 2,
    jd: 25,
    hasTime: true,
    note: "UTC day 14 May, Tehran day 15 May",
  },
  { input: "2021-07-01T12:00:00Z", iso: "2021-07-01T16:30:00+04:30", jy: 1400, jm: 4, jd: 10, hasTime: true, note: "summer 2021" },
  {
    input: "1400-01-01 12:00:00.5",
    iso: "2021-03-21T12:00:00.500+03:30",
    jy: 1400,
    jm: 1,
    jd: 1,
    hasTime: true,
    note: "fraction of a second",
  },
  // DST starts at 24:00 on 1 Farvardin (1401 = 2022).
  { input: "1401-01-01", iso: "2022-03-21T00:00:00+03:30", jy: 1401, jm: 1, jd: 1, hasTime: false, note: "Nowruz 1401 still +03:30" },
  { input: "2022-03-21T23:59:59", iso: "2022-03-21T23:59:59+03:30", jy: 1401, jm: 1, jd: 1, hasTime: true, note: "last second before DST" },
  { input: "1401-01-02 01:00", iso: "2022-03-22T01:00:00+04:30", jy: 1401, jm: 1, jd: 2, hasTime: true, note: "first DST wall time" },
  // Both sides of the abolition of DST (2022-09-21T19:30Z).
  { input: "1401-06-30 12:00", iso: "2022-09-21T12:00:00+04:30", jy: 1401, jm: 6, jd: 30, hasTime: true, note: "last DST day" },
  { input: "2022-09-21T19:29:59Z", iso: "2022-09-21T23:59:59+04:30", jy: 1401, jm: 6, jd: 30, hasTime: true, note: "last DST second" },
  {
    input: "2022-09-21T19:30:00Z",
    iso: "2022-09-21T23:00:00+03:30",
    jy: 1401,
    jm: 6,
    jd: 30,
    hasTime: true,
    note: "clocks back to 23:00, still 30 Shahrivar",
  },
  { input: "1401-06-31", iso: "2022-09-22T00:00:00+03:30", jy: 1401, jm: 6, jd: 31, hasTime: false, note: "31 Shahrivar exists" },
  { input: "2022-09-22", iso: "2022-09-22T00:00:00+03:30", jy: 1401, jm: 6, jd: 31, hasTime: false, note: "Gregorian side" },
  { input: "1401-07-01 12:00", iso: "2022-09-23T12:00:00+03:30", jy: 1401, jm: 7, jd: 1, hasTime: true, note: "after abolition" },
  { input: "1402-06-31 23:00", iso: "2023-09-22T23:00:00+03:30", jy: 1402, jm: 6, jd: 31, hasTime: true, note: "no fall-back any more" },
  {
    input: "2023-07-01T12:00:00Z",
    iso: "2023-07-01T15:30:00+03:30",
    jy: 1402,
    jm: 4,
    jd: 10,
    hasTime: true,
    note: "summer 2023 is +03:30",
  },
  // Gregorian inputs.
  { input: "2024-02-29", iso: "2024-02-29T00:00:00+03:30", jy: 1402, jm: 12, jd: 10, hasTime: false, note: "Gregorian leap day" },
  { input: "2000-01-01", iso: "2000-01-01T00:00:00+03:30", jy: 1378, jm: 10, jd: 11, hasTime: false, note: "Y2K" },
  { input: "1390-01-01 12:00", iso: "2011-03-21T12:00:00+03:30", jy: 1390, jm: 1, jd: 1, hasTime: true, note: "Nowruz 1390" },
];

describe("parseReleaseDate golden table (Asia/Tehran)", () => {
  test("has at least 35 vectors", () => {
    assert.ok(GOLDEN.length >= 35, `only ${GOLDEN.length} vectors`);
  });

  for (const v of GOLDEN) {
    test(`${JSON.stringify(v.input)} → ${v.iso} (${v.note})`, () => {
      const d = mustParse(v.input);
      assert.deepEqual(
        { iso: d.iso, jy: d.jy, jm: d.jm, jd: d.jd, hasTime: d.hasTime },
        { iso: v.iso, jy: v.jy, jm: v.jm, jd: v.jd, hasTime: v.hasTime },
      );
      // The instant and the ISO string must describe the same moment.
      assert.equal(d.instant, Date.parse(v.iso));
    });
  }

  test("Latin, Persian and Arabic-Indic digits and both separators give the same instant", () => {
    const instants = ["1401-02-25", "1401/02/25", "۱۴۰۱/۰۲/۲۵", "١٤٠١-٠٢-٢٥", "۱۴۰۱-۰۲-۲۵"].map((s) => mustParse(s).instant);
    assert.equal(new Set(instants).size, 1);
  });

  test("a Jalali date and its Gregorian twin are the same instant", () => {
    assert.equal(mustParse("1401-02-25 10:30").instant, mustParse("2022-05-15T10:30:00+04:30").instant);
    assert.equal(mustParse("1403-12-30").instant, mustParse("2025-03-20").instant);
  });

  test("a wall time skipped by the spring DST jump stays on its Jalali day", () => {
    // 2022-03-22 00:00–00:59 did not exist in Tehran; whatever luxon picks, the day must be 2 Farvardin.
    const d = mustParse("1401-01-02 00:30");
    assert.deepEqual([d.jy, d.jm, d.jd], [1401, 1, 2]);
    assert.match(d.iso, /^2022-03-22T0[01]:30:00\+0[34]:30$/);
  });

  test("an ambiguous wall time in the autumn fall-back hour stays on its Jalali day", () => {
    // 2021-09-21 23:00–23:59 happened twice in Tehran (+04:30, then +03:30).
    const d = mustParse("1400-06-30 23:30");
    assert.deepEqual([d.jy, d.jm, d.jd], [1400, 6, 30]);
    assert.match(d.iso, /^2021-09-21T23:30:00\+0[34]:30$/);
  });
});

describe("parseReleaseDate rejects invalid input with a Persian reason", () => {
  const PERSIAN_LETTER = /[\u0600-\u06ff]/;
  const cases: ReadonlyArray<{ label: string; input: unknown; mentions: readonly string[] }> = [
    { label: "1404-12-30 (1404 is common)", input: "1404-12-30", mentions: ["اسفند", "1404", "29"] },
    { label: "1407-12-30 (1407 is common)", input: "1407-12-30", mentions: ["اسفند", "1407", "29"] },
    { label: "1401-07-31 (Mehr has 30 days)", input: "1401-07-31", mentions: ["مهر", "31", "30"] },
    { label: "1401-02-00 (day zero)", input: "1401-02-00", mentions: ["روز", "اردیبهشت"] },
    { label: "1401-13-01 (month 13)", input: "1401-13-01", mentions: ["ماه", "13"] },
    { label: "1401-00-10 (month 0)", input: "1401-00-10", mentions: ["ماه", "0"] },
    { label: "2023-02-29 (not a Gregorian leap year)", input: "2023-02-29", mentions: ["میلادی", "29", "28"] },
    { label: "1401-02-25 25:00 (hour 25)", input: "1401-02-25 25:00", mentions: ["ساعت"] },
    { label: "1401-02-25 24:00 (hour 24)", input: "1401-02-25 24:00", mentions: ["ساعت"] },
    { label: "1401-02-25 10:61 (minute 61)", input: "1401-02-25 10:61", mentions: ["ساعت"] },
    { label: "hello", input: "hello", mentions: ["قالب"] },
    { label: "empty string", input: "", mentions: ["قالب"] },
    { label: "null", input: null, mentions: ["نامعتبر"] },
    { label: "undefined", input: undefined, mentions: ["نامعتبر"] },
    { label: "a Date object", input: new Date(Date.UTC(2022, 4, 15)), mentions: ["متن", "گیومه"] },
    { label: "an array", input: [1401, 2, 25], mentions: ["نامعتبر"] },
    { label: "an object", input: { year: 1401 }, mentions: ["نامعتبر"] },
  ];

  for (const c of cases) {
    test(c.label, () => {
      const result = parseReleaseDate(c.input, TEHRAN);
      assert.equal(result.ok, false, `expected ${c.label} to be rejected`);
      if (result.ok) return;
      assert.match(result.reason, PERSIAN_LETTER);
      for (const m of c.mentions) assert.ok(result.reason.includes(m), `reason ${JSON.stringify(result.reason)} lacks ${m}`);
    });
  }

  test("1404-12-30 names Esfand 1404 and its 29 days", () => {
    const result = parseReleaseDate("1404-12-30", TEHRAN);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.reason, /اسفند 1404 29 روز/);
  });
});

describe("every day of Jalali 1390–1410 (jalaali-js vs the runtime's ICU)", () => {
  test("parse round-trips and Intl's persian calendar agrees", () => {
    const intl = new Intl.DateTimeFormat("fa-IR", {
      timeZone: TEHRAN,
      calendar: "persian",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    const problems: string[] = [];
    let days = 0;
    let previousGregorianDay: number | undefined;
    const leapYears: number[] = [];

    for (let jy = 1390; jy <= 1410; jy++) {
      let yearLength = 0;
      for (let jm = 1; jm <= 12; jm++) {
        const length = jalaaliMonthLength(jy, jm);
        yearLength += length;
        for (let jd = 1; jd <= length; jd++) {
          days++;
          const input = `${jy}-${pad2(jm)}-${pad2(jd)} 12:00`;
          const result = parseReleaseDate(input, TEHRAN);
          if (!result.ok) {
            problems.push(`${input}: rejected (${result.reason})`);
            continue;
          }
          const d = result.date;
          if (d.jy !== jy || d.jm !== jm || d.jd !== jd) problems.push(`${input}: round-trip gave ${d.jy}-${d.jm}-${d.jd}`);

          const parts: Partial<Record<string, string>> = {};
          for (const p of intl.formatToParts(d.instant)) parts[p.type] = p.value;
          const iy = Number(parts.year);
          const im = Number(parts.month);
          const id = Number(parts.day);
          if (iy !== jy || im !== jm || id !== jd) problems.push(`${input}: Intl says ${parts.year}-${parts.month}-${parts.day}`);

          // Noon always exists in Tehran, and consecutive Jalali days are consecutive Gregorian days.
          const match = /^(\d{4})-(\d{2})-(\d{2})T12:00:00\+0[34]:30$/.exec(d.iso);
          if (!match) {
            problems.push(`${input}: unexpected iso ${d.iso}`);
            continue;
          }
          const gregorianDay = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
          if (previousGregorianDay !== undefined && gregorianDay !== previousGregorianDay + 1) {
            problems.push(`${input}: Gregorian ${d.iso} does not follow the previous day`);
          }
          previousGregorianDay = gregorianDay;
        }
      }
      if (yearLength === 366) leapYears.push(jy);
      if (yearLength !== (isLeapJalaaliYear(jy) ? 366 : 365)) problems.push(`${jy}: ${yearLength} days`);
    }

    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
    assert.ok(days > 7600, `only ${days} days checked`);
    // The official table (University of Tehran Geophysics Institute) for this range.
    assert.deepEqual(leapYears, [1391, 1395, 1399, 1403, 1408]);
  });
});

describe("Persian date formatting", () => {
  const ordibehesht25 = mustParse("1401-02-25 10:30").instant;

  test("formatLongDate: weekday, day, month, year in Persian order and digits", () => {
    assert.equal(formatLongDate(ordibehesht25, TEHRAN, fa), "یکشنبه ۲۵ اردیبهشت ۱۴۰۱");
  });

  test("formatDate", () => {
    assert.equal(formatDate(ordibehesht25, TEHRAN, fa), "۲۵ اردیبهشت ۱۴۰۱");
  });

  test("formatDateTime", () => {
    assert.equal(formatDateTime(ordibehesht25, TEHRAN, fa), "یکشنبه ۲۵ اردیبهشت ۱۴۰۱، ساعت ۱۰:۳۰");
  });

  test("Nowruz just after midnight", () => {
    assert.equal(formatLongDate(mustParse("1403-01-01 00:15").instant, TEHRAN, fa), "چهارشنبه ۱ فروردین ۱۴۰۳");
  });

  test("formatJalaliMonth", () => {
    assert.equal(formatJalaliMonth(1403, 1), "فروردین ۱۴۰۳");
    assert.equal(formatJalaliMonth(1401, 2), "اردیبهشت ۱۴۰۱");
    assert.equal(formatJalaliMonth(1404, 12), "اسفند ۱۴۰۴");
  });

  test("no Latin digits or bidi marks leak into the strings", () => {
    for (const s of [formatLongDate(ordibehesht25, TEHRAN, fa), formatDateTime(ordibehesht25, TEHRAN, fa), formatJalaliMonth(1403, 1)]) {
      assert.doesNotMatch(s, /[0-9\u200e\u200f\u061c]/, s);
    }
  });

  test("an instant just after midnight in Tehran formats as the Tehran day, whatever TZ is", () => {
    // 2022-05-14T20:00Z is 00:30 on 15 May in Tehran, but still 14 May in UTC and Los Angeles.
    const instant = Date.UTC(2022, 4, 14, 20, 0);
    assert.equal(formatDate(instant, TEHRAN, fa), "۲۵ اردیبهشت ۱۴۰۱");
    assert.equal(formatLongDate(instant, TEHRAN, fa), "یکشنبه ۲۵ اردیبهشت ۱۴۰۱");
    // The zone argument is what decides the day.
    assert.equal(formatDate(instant, "UTC", fa), "۲۴ اردیبهشت ۱۴۰۱");
  });

  test("an instant just before midnight in Tehran stays on that Tehran day", () => {
    // 23:50 on 25 Ordibehesht in Tehran is already 26 Ordibehesht in Tokyo.
    const instant = mustParse("1401-02-25 23:50").instant;
    assert.equal(formatDate(instant, TEHRAN, fa), "۲۵ اردیبهشت ۱۴۰۱");
    assert.equal(formatDate(instant, "Asia/Tokyo", fa), "۲۶ اردیبهشت ۱۴۰۱");
  });

  test("the last day of a leap year formats as 30 Esfand", () => {
    assert.equal(formatDate(mustParse("1403-12-30 12:00").instant, TEHRAN, fa), "۳۰ اسفند ۱۴۰۳");
  });
});

describe("isoWithOffset", () => {
  test("summer 2021 is +04:30 (DST)", () => {
    assert.equal(isoWithOffset(Date.UTC(2021, 6, 1, 12, 0), TEHRAN), "2021-07-01T16:30:00+04:30");
  });

  test("summer 2023 is +03:30 (DST abolished)", () => {
    assert.equal(isoWithOffset(Date.UTC(2023, 6, 1, 12, 0), TEHRAN), "2023-07-01T15:30:00+03:30");
  });

  test("winter 2021 is +03:30", () => {
    assert.equal(isoWithOffset(Date.UTC(2021, 0, 15, 12, 0), TEHRAN), "2021-01-15T15:30:00+03:30");
  });
});
