/**
 * A warning for each front-matter date whose wall time doesn't exist in the site's zone or happens
 * twice there (lib/dates/wall-time.ts): the release is published, at a moment the author must hear.
 */
import { parseReleaseDate } from "../dates/jalali.ts";
import type { ContentProblem } from "./errors.ts";

const CLOCK_TIME = /\d:\d\d/;
const WITH_OFFSET = /(?:Z|[+-]\d\d:?\d\d)$/i;

export function wallTimeWarnings(
  file: string,
  data: Record<string, unknown>,
  keyLines: Map<string, number>,
  timeZone: string,
): ContentProblem[] {
  const dates: [field: string, raw: unknown][] = [
    ["date", data.date],
    ["updated", data.updated],
    ...(Array.isArray(data.updates)
      ? data.updates.map((u, i): [string, unknown] => [`updates.${i}.date`, (u as Record<string, unknown> | null)?.date])
      : []),
    ["withdrawn.date", (data.withdrawn as Record<string, unknown> | null | undefined)?.date],
  ];
  const out: ContentProblem[] = [];
  for (const [field, raw] of dates) {
    // Only a value with a clock time can name a skipped or repeated hour: the rest isn't parsed again.
    // A written offset names one instant: nothing can be skipped or repeated either.
    if (typeof raw !== "string" || !CLOCK_TIME.test(raw) || WITH_OFFSET.test(raw.trim())) continue;
    const parsed = parseReleaseDate(raw, timeZone);
    if (!parsed.ok || parsed.note === undefined) continue;
    out.push({ file, line: keyLines.get(field.split(".")[0]!) ?? 1, field, message: parsed.note, severity: "warning" });
  }
  return out;
}
