/**
 * The search index, kept between builds. Pagefind can't update an index, so a build that changes any
 * release indexes all of them again (about half a minute at 10,000 releases). But when nothing that
 * can change the index has changed — the code and settings (the build cache's key), every file of the
 * content folder, which releases are public (the build's moment moves scheduled ones), preview or
 * not — the previous build's bundle is the same bytes, and is copied instead.
 *
 * The bundle is stored under the build cache's folder (`search/<key>/`), sealed by a manifest of its
 * files' sizes and digests (`search/<key>.json`, lib/cache/integrity.ts): a bundle that doesn't match
 * it (truncated, garbled, half-copied) is never copied into the site, but made again, and the build
 * says so. `CHAPAR_CACHE=off` bypasses it.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { listFiles } from "../content/load.ts";
import { NO_PAGES_WANTED } from "../features/page-writer.ts";
import { defaults as searchDefaults, startSearchIndex, type SearchIndexJob, type SearchOptions } from "../features/search.ts";
import type { ChaparData } from "../site/data.ts";
import { buildCache, fileHash } from "./cache.ts";
import { folderMatches, sealFolder } from "./integrity.ts";

/** Everything the search bundle is a function of, as one hash. */
export function searchIndexKey(data: ChaparData): string {
  const { contentDir } = data.content;
  const h = createHash("sha1").update(`search-1\0${buildCache(contentDir).codeAndDataKey}\0${data.preview}\0`);
  for (const file of listFiles(contentDir)) {
    if (file.startsWith("_data/")) continue; // in the code-and-data key
    h.update(`${file}\0${fileHash(path.join(contentDir, file))}\0`);
  }
  const statuses = [...data.model.statusOf.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  h.update(JSON.stringify(statuses));
  return h.digest("base64url");
}

/** `startSearchIndex`, or a copy of the bundle the same inputs produced before. */
export function startSearchIndexCached(
  outputDir: string,
  data: ChaparData,
  options: Partial<SearchOptions> = {},
): SearchIndexJob & { readonly cached: boolean } {
  const cache = buildCache(data.content.contentDir);
  if (!cache.enabled || process.env.CHAPAR_SEARCH === "off") return { ...startSearchIndex(outputDir, data, options), cached: false };
  const key = searchIndexKey(data);
  const store = path.join(cache.folder, "search");
  const stored = path.join(store, key);
  const seal = `${stored}.json`;
  const bundle = path.join(outputDir, searchDefaults.bundleDir);
  // Checked before the build starts: a bundle found damaged is indexed again from the pages as they render.
  const intact = existsSync(stored) && folderMatches(stored, seal);
  if (existsSync(stored) && !intact) {
    console.warn(`نمایه‌ی جست‌وجوی ذخیره‌شده ناقص یا خراب بود؛ کنار گذاشته شد و از نو ساخته می‌شود: ${stored}`);
    rmSync(stored, { recursive: true, force: true });
  }
  if (intact) {
    return {
      cached: true,
      observer: NO_PAGES_WANTED,
      async finish() {
        cpSync(stored, bundle, { recursive: true });
        return { pages: data.model.releasePages.length };
      },
      async cancel() {},
    };
  }
  const job = startSearchIndex(outputDir, data, options);
  return {
    cached: false,
    observer: job.observer,
    cancel: job.cancel,
    async finish() {
      const result = await job.finish();
      // Keep this bundle only (an older one can't match again unless its inputs come back).
      mkdirSync(store, { recursive: true });
      const temp = `${stored}.${process.pid}.tmp`;
      const tempSeal = `${temp}.json`;
      rmSync(temp, { recursive: true, force: true });
      if (existsSync(bundle)) cpSync(bundle, temp, { recursive: true });
      else mkdirSync(temp);
      sealFolder(temp, tempSeal);
      for (const old of readdirSync(store))
        if (old !== path.basename(temp) && old !== path.basename(tempSeal)) rmSync(path.join(store, old), { recursive: true, force: true });
      // The bundle first, its seal last: a bundle without its seal is not used.
      renameSync(temp, stored);
      renameSync(tempSeal, seal);
      return result;
    },
  };
}
