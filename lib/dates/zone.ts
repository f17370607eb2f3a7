/**
 * Time zones for luxon with memoised offsets.
 *
 * luxon's `IANAZone.offset(ts)` runs `Intl.DateTimeFormat#formatToParts` on every call, and every
 * `DateTime.fromObject`/`fromMillis` asks for one to three offsets: that was most of luxon's cost in
 * a build (profile in docs/notes/perf-session2-zones.md). `zoneFor(name)` gives a zone that luxon
 * treats exactly like the zone name (same type, name, validity, ISO strings), with offsets cached
 * per UTC hour.
 */
import { Info, IANAZone, type Zone } from "luxon";

const HOUR_MS = 3_600_000;
/** Marks an hour in which the offset changes: its instants are computed one by one. */
const CHANGES = null;
/** Marks an hour asked about once so far. */
const SEEN_ONCE: unique symbol = Symbol("seen once");

/**
 * An `IANAZone` with memoised offsets. Two caches, both exact:
 * - per instant: luxon asks the same instant again and again (the guess in `fromObject` is the instant
 *   `fromMillis` gets next), so an instant's offset is computed once;
 * - per UTC hour [kH, (k+1)H), once a second instant in that hour is asked: used only when the offsets
 *   at kH and at (k+1)H are equal. A zone's transitions are far more than an hour apart, so equal ends
 *   mean no transition inside (a transition exactly at (k+1)H makes them differ, and then hour k is
 *   computed per instant — never wrong, only slower). Verifying costs two offsets, so an hour that is
 *   asked only once (most release dates) isn't verified.
 * Anything luxon reads besides `offset` (type "iana", name, isUniversal false, offsetName, equals) is
 * inherited unchanged.
 */
class CachedIANAZone extends IANAZone {
  private readonly atInstant = new Map<number, number>();
  /** Offset (minutes) at the start of UTC hour k. */
  private readonly atHourStart = new Map<number, number>();
  /** Offset (minutes) throughout UTC hour k, CHANGES, or SEEN_ONCE (asked once, not verified yet). */
  private readonly inHour = new Map<number, number | typeof CHANGES | typeof SEEN_ONCE>();

  override offset(ts: number): number {
    // NaN and infinite instants go to luxon as they are (it answers NaN).
    if (!Number.isFinite(ts)) return super.offset(ts);
    const hour = Math.floor(ts / HOUR_MS);
    let known = this.inHour.get(hour);
    if (typeof known === "number") return known;
    const exact = this.atInstant.get(ts);
    if (exact !== undefined) return exact;
    if (known === SEEN_ONCE) {
      const start = this.offsetAtHour(hour);
      known = start === this.offsetAtHour(hour + 1) ? start : CHANGES;
      this.inHour.set(hour, known);
      if (known !== CHANGES) return known;
    } else if (known === undefined) {
      this.inHour.set(hour, SEEN_ONCE);
    }
    const offset = super.offset(ts);
    this.atInstant.set(ts, offset);
    return offset;
  }

  private offsetAtHour(hour: number): number {
    const ts = hour * HOUR_MS;
    let offset = this.atHourStart.get(hour) ?? this.atInstant.get(ts);
    if (offset === undefined) {
      offset = super.offset(ts);
      this.atHourStart.set(hour, offset);
    }
    return offset;
  }
}

const zones = new Map<string, Zone | string>();

/**
 * What to pass to luxon as `{ zone }` for a zone name: a cached IANA zone when luxon would use an
 * `IANAZone` for that name, otherwise the name itself ("UTC", "UTC+04:30", invalid names), so luxon
 * resolves it exactly as before.
 */
export function zoneFor(name: string): Zone | string {
  let zone = zones.get(name);
  if (zone === undefined) {
    const plain = Info.normalizeZone(name);
    zone = plain instanceof IANAZone && plain.isValid ? new CachedIANAZone(name) : name;
    zones.set(name, zone);
  }
  return zone;
}
