/**
 * The search index, kept between builds. Pagefind can't update an index, so the index is split into
 * shards (one per Jalali year, lib/features/search-shards.ts), and each shard's bundle is kept under
 * the build cache's folder (`search/<shard>/<key>/`, lib/cache/search-shard-store.ts), keyed on
 * exactly what it is made from: its pages' indexed parts and result metadata, Pagefind's version, the
 * language and the code. A build indexes only the shards whose key changed — a new release or a
 * correction re-indexes its year, a deletion its year — and copies the others, checking every file
 * against its seal as it is copied: a damaged shard is indexed again, never published, and the build
 * says so. `CHAPAR_CACHE=off` bypasses it.
 */
import path from "node:path";
import { startSearchIndex, type SearchIndexJob, type SearchOptions } from "../features/search.ts";
import { searchShards } from "../features/search-shards.ts";
import type { ChaparData } from "../site/data.ts";
import { buildCache } from "./cache.ts";
import { pruneShards } from "./search-shard-store.ts";

/** `startSearchIndex`, with each shard copied from the cache when its pages are the same as when it was kept. */
export function startSearchIndexCached(outputDir: string, data: ChaparData, options: Partial<SearchOptions> = {}): SearchIndexJob {
  const cache = buildCache(data.content.contentDir);
  if (!cache.enabled || process.env.CHAPAR_SEARCH === "off") return startSearchIndex(outputDir, data, options);
  const folder = path.join(cache.folder, "search");
  // Years the site no longer has (and bundles of the unsharded layout) are not kept.
  pruneShards(folder, new Set(searchShards(data.model)));
  return startSearchIndex(outputDir, data, { ...options, shardCache: { folder, codeKey: cache.codeKey } });
}
