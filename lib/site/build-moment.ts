/**
 * `CHAPAR_NOW`, the build's moment: read with the front matter's own date parser, so it takes exactly
 * the forms a release's `date` takes (Jalali `1405-09-20 17:59` is a Jalali date, in the site's zone)
 * and nothing else. `Date.parse` read that as the Gregorian year 1405 and published nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseReleaseDate } from "../dates/jalali.ts";
import { siteSchema } from "../content/site-data.ts";

export type BuildMoment = { ok: true; now: number } | { ok: false; message: string };

/** The moment `CHAPAR_NOW` names (wall time without an offset is in `timeZone`), or the clock's when unset. */
export function readBuildMoment(text: string | undefined, timeZone: string, clock: () => number = Date.now): BuildMoment {
  if (text === undefined || text.trim() === "") return { ok: true, now: clock() };
  const parsed = parseReleaseDate(text, timeZone);
  if (!parsed.ok) {
    return {
      ok: false,
      message: `متغیر CHAPAR_NOW («${text}») پذیرفته نشد: ${parsed.reason}. چیزی ساخته یا نوشته نشد.`,
    };
  }
  return { ok: true, now: parsed.date.instant };
}

/** The site's time zone from `_data/site.json` (its default when the file can't be read: the check reports that). */
export function siteTimeZone(contentDir: string): string {
  const fallback = siteSchema.shape.timeZone.parse(undefined);
  const file = path.join(contentDir, "_data", "site.json");
  if (!existsSync(file)) return fallback;
  try {
    const zone = siteSchema.shape.timeZone.safeParse((JSON.parse(readFileSync(file, "utf8")) as { timeZone?: unknown }).timeZone);
    return zone.success ? zone.data : fallback;
  } catch {
    return fallback;
  }
}
