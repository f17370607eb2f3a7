/**
 * Every tag becomes a URL (`/tag/<slug>/`), and different tags must not share one. Spellings that differ
 * only in what tag identity folds (ZWNJ, spaces, case, ي/ك, digits) are one tag, as before; spellings
 * that differ in punctuation the URL drops (`Node.js`, `nodejs`) are refused rather than silently
 * merged, and a tag with no letter or digit (`---`, `!!!`) has no URL at all.
 */
import { tagKey, tagSpelling } from "../text/persian.ts";
import type { ContentProblem } from "./errors.ts";
import type { Release } from "./release.ts";

/** Problems of the tags of all releases (in load order: the first spelling of a tag is the reference). */
export function tagUrlProblems(releases: readonly Release[], keyLinesOf: Map<Release, Map<string, number>>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const firstOf = new Map<string, { tag: string; spelling: string; file: string }>();
  for (const release of releases) {
    const at = { file: release.file, line: keyLinesOf.get(release)?.get("tags") ?? 1, field: "tags", severity: "error" as const };
    const reported = new Set<string>();
    for (const tag of release.tags) {
      const key = tagKey(tag);
      if (key === "") {
        problems.push({
          ...at,
          message: `برچسب «${tag}» حرف یا رقمی ندارد و نشانی‌ای برایش ساخته نمی‌شود؛ آن را بردارید یا واژه‌ای به جایش بنویسید`,
        });
        continue;
      }
      const spelling = tagSpelling(tag);
      const first = firstOf.get(key);
      if (!first) firstOf.set(key, { tag, spelling, file: release.file });
      else if (first.spelling !== spelling && !reported.has(spelling)) {
        reported.add(spelling);
        const where = first.file === release.file ? "در همین پرونده" : `در «${first.file}»`;
        problems.push({
          ...at,
          message: `برچسب «${tag}» و برچسب «${first.tag}» (${where}) فقط در نشانه‌ها فرق دارند و یک صفحه و یک نشانی می‌گیرند؛ اگر یک برچسب‌اند یکسان بنویسید، وگرنه با واژه‌ای از هم جدایشان کنید`,
        });
      }
    }
  }
  return problems;
}
