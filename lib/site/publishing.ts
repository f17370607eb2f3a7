/**
 * Publishing rules: whether a release is public at the build's moment. Drafts never are; a release
 * dated after the build's moment is scheduled (a later build — the nightly rebuild — publishes it);
 * a withdrawn release keeps its page but leaves every list. Used by the collections and by
 * `npm run check` (which lists what is scheduled and when).
 */
import type { Release } from "../content/load.ts";
import { formatDateTime } from "../dates/format.ts";
import { fa } from "../locale/fa.ts";

/**
 * - `published`: listed everywhere.
 * - `draft` / `scheduled`: left out of `npm run build`; shown with a banner by `npm run dev`.
 * - `withdrawn`: its page stays (with the notice, `noindex`), but it leaves lists, counts, feeds,
 *   sitemaps, search and neighbour/related links.
 */
export type ReleaseStatus = "published" | "draft" | "scheduled" | "withdrawn";

/** A draft stays a draft whatever its date; a release not yet out can't be withdrawn from view. */
export function releaseStatus(release: Release, now: number): ReleaseStatus {
  if (release.draft) return "draft";
  if (release.date.instant > now) return "scheduled";
  if (release.withdrawn) return "withdrawn";
  return "published";
}

/** Whether a release with this status goes into lists, feeds, sitemaps and search. */
export function isListed(status: ReleaseStatus): boolean {
  return status === "published";
}

export interface ScheduledRelease {
  release: Release;
  /** `جمعه ۶ آذر ۱۴۰۵، ساعت ۱۲:۰۱` in the site's zone. */
  when: string;
  /** Milliseconds from the build's moment until publication. */
  inMs: number;
}

/**
 * Releases that a build at `now` withholds because of their date (drafts excluded: they wait for a
 * person, not for a clock), soonest first, with their publication moment in Persian (for the author's
 * messages, which are Persian whatever the site's locale).
 */
export function scheduledReleases(releases: readonly Release[], now: number, timeZone: string): ScheduledRelease[] {
  return releases
    .filter((r) => releaseStatus(r, now) === "scheduled")
    .sort((a, b) => a.date.instant - b.date.instant || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((release) => ({ release, when: formatDateTime(release.date.instant, timeZone, fa), inMs: release.date.instant - now }));
}
