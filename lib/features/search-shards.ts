/**
 * How the search index is split: one Pagefind bundle per Jalali year of the releases' dates
 * (`<bundle>/<year>/`), merged in the reader's browser (assets/js/search.ts, Pagefind's `mergeIndex`).
 * A new release, a correction or a deletion changes one year's pages, so only that shard is indexed
 * again; the others are copied from the cache (lib/cache/search-shard-store.ts). A year is the seam
 * because it is stable (a release never leaves its year unless its date is edited) and the site's
 * archive is already cut that way; docs/notes/performance.md (item 45) weighs it against fewer,
 * larger shards for what the reader downloads.
 */
import type { ReleasePage, SiteModel } from "../site/collections.ts";

/** The shard a release page is indexed in: its Jalali year, as a folder name. */
export function shardOf(page: ReleasePage): string {
  return String(page.release.date.jy);
}

/** The shards of the site's index, newest first (the first is the one the search page loads Pagefind from). */
export function searchShards(model: Pick<SiteModel, "releasePages">, shardFor: (page: ReleasePage) => string = shardOf): string[] {
  const names = new Set(model.releasePages.map(shardFor));
  return [...names].sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
}
