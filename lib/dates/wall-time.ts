/**
 * Wall times that don't name exactly one instant in the site's zone. Where clocks were put forward
 * (Tehran had daylight saving time until 2022: 1 Farvardin 00:00 became 01:00) a time in the skipped
 * hour doesn't exist, and luxon moves it forward; where they were put back (30 Shahrivar 24:00 became
 * 23:00) the hour before is repeated, and luxon takes the second one. Neither is wrong enough to
 * refuse, but the author must hear which moment was published.
 */
import { DateTime } from "luxon";

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const HOUR_MS = 3_600_000;
const pad = (n: number) => String(n).padStart(2, "0");
const clock = (t: { hour: number; minute: number }) => `${pad(t.hour)}:${pad(t.minute)}`;

/**
 * A Persian note when `written` (read in `taken`'s zone as `taken`) was moved or had two readings;
 * undefined when the wall time is an ordinary one. `shown` is the date as the author wrote it.
 */
export function wallTimeNote(taken: DateTime, written: WallTime, shown: string): string | undefined {
  const zone = taken.zoneName ?? "";
  if (taken.hour !== written.hour || taken.minute !== written.minute || taken.day !== written.day) {
    return `ساعت ${clock(written)} در «${shown}» در منطقه‌ی زمانی ${zone} وجود ندارد (ساعت رسمی آن شب یک ساعت جلو کشیده شد)؛ ${clock(taken)} (${taken.toFormat("ZZ")}) منتشر می‌شود. اگر ساعت دیگری منظورتان است، آن را بنویسید`;
  }
  // The same wall time an hour earlier in absolute time, under the offset before the change.
  for (const shift of [-HOUR_MS, HOUR_MS]) {
    const other = DateTime.fromMillis(taken.toMillis() + shift, { zone: taken.zone });
    if (other.hour === written.hour && other.minute === written.minute && other.day === written.day && other.offset !== taken.offset) {
      const [first, second] = shift < 0 ? [other, taken] : [taken, other];
      const which = taken === first ? "نخستین" : "دومین";
      return `ساعت ${clock(written)} در «${shown}» در منطقه‌ی زمانی ${zone} دو بار آمده است (ساعت رسمی آن شب یک ساعت به عقب برگشت: یک بار ${first.toFormat("ZZ")}، یک بار ${second.toFormat("ZZ")})؛ ${which} (${taken.toFormat("ZZ")}) در نظر گرفته شد. برای دیگری، ساعت را با اختلاف بنویسید، مانند ${taken.toFormat("yyyy-MM-dd")}T${clock(written)}:00${(taken === first ? second : first).toFormat("ZZ")}`;
    }
  }
  return undefined;
}
