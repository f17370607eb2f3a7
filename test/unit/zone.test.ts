/**
 * lib/dates/zone.ts: the cached zones must give exactly what luxon gives with the zone name — offsets,
 * ISO strings, wall time → instant (including gaps and repeated hours) — at every transition ±1 minute
 * (and ±1 s, ±1 ms) and at many other instants, 1990–2035 plus the old LMT transitions.
 * Independent of the machine zone (run under TZ=UTC and TZ=America/Los_Angeles).
 */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { DateTime, IANAZone, Settings } from "luxon";
import { toJalaali } from "jalaali-js";
import { zoneFor } from "../../lib/dates/zone.ts";
import { describeInstant, isoWithOffset, jalaliDay, parseReleaseDate } from "../../lib/dates/jalali.ts";

const ZONES = ["Asia/Tehran", "America/Los_Angeles", "Asia/Kathmandu", "Europe/London", "Australia/Lord_Howe"];
const DAY = 86_400_000;
const MINUTE = 60_000;

/** Offset changes between `from` and `to`, found by a daily scan and bisection to the millisecond (plain luxon). */
function transitions(name: string, from: number, to: number): number[] {
  const plain = IANAZone.create(name);
  const out: number[] = [];
  let prev = plain.offset(from);
  for (let t = from + DAY; t <= to; t += DAY) {
    const o = plain.offset(t);
    if (o !== prev) {
      let lo = t - DAY;
      let hi = t;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (plain.offset(mid) === prev) lo = mid;
        else hi = mid;
      }
      out.push(hi);
      prev = o;
    }
  }
  return out;
}

/** A small deterministic generator, so failures are reproducible. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FROM_1990 = Date.UTC(1990, 0, 1);
const TO_2035 = Date.UTC(2035, 11, 31);

function instantsFor(name: string): number[] {
  const out: number[] = [];
  const all = [...transitions(name, Date.UTC(1880, 0, 1), FROM_1990), ...transitions(name, FROM_1990, TO_2035)];
  assert.ok(all.length > 0, `no transitions found for ${name}`);
  for (const t of all) {
    for (const d of [
      0,
      1,
      -1,
      1000,
      -1000,
      MINUTE,
      -MINUTE,
      30 * MINUTE,
      -30 * MINUTE,
      60 * MINUTE,
      -60 * MINUTE,
      2 * 60 * MINUTE,
      -2 * 60 * MINUTE,
    ]) {
      out.push(t + d);
    }
  }
  const random = lcg(name.length * 7919);
  for (let i = 0; i < 4000; i++) out.push(Math.floor(FROM_1990 + random() * (TO_2035 - FROM_1990)));
  // Whole hours and minutes too: they sit on the cache's hour boundaries.
  for (let i = 0; i < 1000; i++) out.push(Math.floor((FROM_1990 + random() * (TO_2035 - FROM_1990)) / MINUTE) * MINUTE);
  return out;
}

describe("zoneFor: same as luxon with the zone name", () => {
  for (const name of ZONES) {
    test(`${name}: offsets, ISO strings, Jalali days at transitions and random instants`, () => {
      const plain = IANAZone.create(name);
      const cached = zoneFor(name);
      assert.ok(typeof cached !== "string", "an IANA name gets a cached zone");
      for (const t of instantsFor(name)) {
        assert.equal(cached.offset(t), plain.offset(t), `offset of ${name} at ${new Date(t).toISOString()}`);
        const a = DateTime.fromMillis(t, { zone: cached });
        const b = DateTime.fromMillis(t, { zone: name });
        assert.equal(a.toISO(), b.toISO());
        assert.equal(a.toISO({ suppressMilliseconds: true }), b.toISO({ suppressMilliseconds: true }));
        assert.equal(a.toISO({ extendedZone: true }), b.toISO({ extendedZone: true }));
        assert.equal(a.zoneName, b.zoneName);
        assert.equal(a.isOffsetFixed, b.isOffsetFixed);
        assert.equal(a.setZone(name).toISO(), b.toISO());
        assert.equal(isoWithOffset(t, name), b.toISO({ suppressMilliseconds: true }));
        assert.deepEqual(jalaliDay(t, name), toJalaali(b.year, b.month, b.day));
      }
    });

    test(`${name}: wall time → instant around transitions (gaps, repeated hours) and at random`, () => {
      const cached = zoneFor(name);
      const plain = IANAZone.create(name);
      const walls: DateTime[] = [];
      for (const t of instantsFor(name)) {
        // The wall time at t in each of the offsets around it, so both sides of a gap or overlap are asked.
        for (const o of new Set([plain.offset(t - 3 * 60 * MINUTE), plain.offset(t), plain.offset(t + 3 * 60 * MINUTE)])) {
          walls.push(DateTime.fromMillis(t + o * MINUTE, { zone: "UTC" }));
        }
      }
      for (const w of walls) {
        const fields = {
          year: w.year,
          month: w.month,
          day: w.day,
          hour: w.hour,
          minute: w.minute,
          second: w.second,
          millisecond: w.millisecond,
        };
        const a = DateTime.fromObject(fields, { zone: cached });
        const b = DateTime.fromObject(fields, { zone: name });
        assert.equal(a.isValid, b.isValid);
        assert.equal(a.toMillis(), b.toMillis(), `${name} ${JSON.stringify(fields)}`);
        assert.equal(a.toISO(), b.toISO());
      }
    });
  }

  test("parseReleaseDate/describeInstant match the plain-luxon computation in every zone", () => {
    const random = lcg(42);
    for (const name of ZONES) {
      for (let i = 0; i < 2000; i++) {
        const t = FROM_1990 + random() * (TO_2035 - FROM_1990);
        const w = DateTime.fromMillis(Math.floor(t / MINUTE) * MINUTE, { zone: "UTC" });
        const raw = `${w.toFormat("yyyy-MM-dd")}${i % 3 === 0 ? "" : w.toFormat(" HH:mm")}`;
        const parsed = parseReleaseDate(raw, name);
        const ref = DateTime.fromObject(
          { year: w.year, month: w.month, day: w.day, hour: i % 3 === 0 ? 0 : w.hour, minute: i % 3 === 0 ? 0 : w.minute },
          { zone: name },
        );
        assert.ok(parsed.ok);
        assert.equal(parsed.date.instant, ref.toMillis(), `${name} ${raw}`);
        assert.equal(parsed.date.iso, ref.toISO({ suppressMilliseconds: true }));
        assert.deepEqual({ jy: parsed.date.jy, jm: parsed.date.jm, jd: parsed.date.jd }, toJalaali(ref.year, ref.month, ref.day));
        assert.deepEqual(describeInstant(ref.toMillis(), name, true), { ...parsed.date, hasTime: true });
      }
    }
  });

  test("parseReleaseDate gives plain luxon's instant, ISO and day in gaps, repeated hours and around every transition, whatever the offset now", () => {
    const now = Settings.now;
    try {
      // luxon starts from the zone's offset at the current time: try a northern winter and summer "now".
      for (const fixedNow of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)]) {
        Settings.now = () => fixedNow;
        for (const name of ZONES) {
          const plain = IANAZone.create(name);
          for (const t of instantsFor(name)) {
            for (const o of new Set([plain.offset(t - 3 * 60 * MINUTE), plain.offset(t), plain.offset(t + 3 * 60 * MINUTE)])) {
              const w = DateTime.fromMillis(t + o * MINUTE, { zone: "UTC" });
              if (w.year < 1700) continue; // Jalali years: another path to the same instant, tested above
              const raw = w.toFormat("yyyy-MM-dd HH:mm:ss.SSS");
              const instant = DateTime.fromObject(
                { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second, millisecond: w.millisecond },
                { zone: name },
              ).toMillis();
              // The facts are the instant's (in a gap, fromObject's own DateTime keeps the later offset).
              const ref = DateTime.fromMillis(instant, { zone: name });
              const parsed = parseReleaseDate(raw, name);
              assert.ok(parsed.ok, raw);
              assert.equal(parsed.date.instant, ref.toMillis(), `${name} ${raw}`);
              assert.equal(parsed.date.iso, ref.toISO({ suppressMilliseconds: true }), `${name} ${raw}`);
              assert.deepEqual({ jy: parsed.date.jy, jm: parsed.date.jm, jd: parsed.date.jd }, toJalaali(ref.year, ref.month, ref.day));
            }
          }
        }
      }
    } finally {
      Settings.now = now;
    }
  });

  test("dates written with an offset, and zones luxon doesn't treat as IANA zones, still go through luxon", () => {
    for (const [raw, zone] of [
      ["2022-05-15T10:30:00+04:30", "Asia/Tehran"],
      ["2022-05-15 10:30Z", "Asia/Tehran"],
      ["1401-02-25 10:30", "UTC"],
      ["1401-02-25 10:30", "UTC+03:30"],
    ] as const) {
      const parsed = parseReleaseDate(raw, zone);
      assert.ok(parsed.ok, raw);
      const ref = DateTime.fromMillis(parsed.date.instant, { zone });
      assert.equal(parsed.date.iso, ref.toISO({ suppressMilliseconds: true }));
    }
    const parsed = parseReleaseDate("1401-02-25 10:30", "UTC+03:30");
    assert.ok(parsed.ok);
    assert.equal(parsed.date.iso, "2022-05-15T10:30:00+03:30");
  });

  test("names luxon doesn't treat as IANA zones are passed through unchanged", () => {
    assert.equal(zoneFor("UTC"), "UTC");
    assert.equal(zoneFor("utc+04:30"), "utc+04:30");
    assert.equal(zoneFor("Not/AZone"), "Not/AZone");
    assert.equal(isoWithOffset(0, "UTC"), DateTime.fromMillis(0, { zone: "UTC" }).toISO({ suppressMilliseconds: true }));
    assert.equal(DateTime.fromMillis(0, { zone: zoneFor("Not/AZone") }).isValid, false);
    // Europe/London at +00:00 stays "+00:00" (an IANA zone is never "universal"), not "Z".
    assert.equal(isoWithOffset(Date.UTC(2024, 0, 1), "Europe/London"), "2024-01-01T00:00:00+00:00");
  });
});
