/**
 * URLs that earlier versions of Chapar gave a page and this one gives differently, each with where the
 * page is now: links already shared must keep working (written to `_redirects`, lib/features/redirects.ts).
 *
 * Until 2026-12 a slug dropped ZWNJ (`چهره‌های` → `چهرههای`, which reads as another word) and every
 * punctuation mark (`C++` and `C#` were both `/tag/c/`). The old rule (lib/text/legacy-slug.ts) gives
 * the old URLs: release slugs taken from a file name, office pages' default URLs, and tags.
 */
import path from "node:path";
import { legacySlugify, legacySlugOf } from "../text/legacy-slug.ts";
import { tagKey } from "../text/persian.ts";
import { pickTagName } from "./collections.ts";
import type { ChaparData } from "./data.ts";
import { pagedUrl, siteUrls } from "./urls.ts";

/** A site path (no base path) that now answers elsewhere. */
export interface MovedUrl {
  from: string;
  to: string;
}

function legacyTagKey(text: string): string {
  return legacySlugify(text, "").replace(/-/g, "");
}

/** The name a file's default slug is made from (as lib/content/release.ts takes it). */
function fileSlugSource(file: string): string {
  return path.basename(file, path.extname(file).toLowerCase());
}

/**
 * Every old URL of this site's pages that differs from the page's URL now, sorted by `from`: one
 * entry per old URL. An old URL that is a page's URL now is left alone (a host that redirects before
 * serving files, as Cloudflare Pages does, would hide that page). An old tag URL that now splits into
 * several tags (`/tag/c/` for `C++` and `C#`) goes to the list of tags.
 */
export function movedUrls(data: Pick<ChaparData, "model" | "content" | "site">): MovedUrl[] {
  const { model, content, site } = data;
  const moves: MovedUrl[] = [];

  for (const { release } of [...model.releasePages, ...model.withdrawnPages]) {
    // Only a slug made from the file name changed; one written in front matter is kept as written.
    const old = legacySlugOf(fileSlugSource(release.file), release.slug);
    if (old !== undefined) moves.push({ from: siteUrls.release(release.date.jy, release.date.jm, old), to: release.url });
  }

  for (const page of content.officePages) {
    const old = legacySlugOf(fileSlugSource(page.file), page.url.slice(1, -1));
    if (old !== undefined) moves.push({ from: `/${old}/`, to: page.url });
  }

  // Tags as the old rule grouped and named them, over the same releases the tag pages are made from.
  const oldTags = new Map<string, { variants: Map<string, number>; count: number }>();
  for (const release of model.releases) {
    const seen = new Set<string>();
    for (const tag of release.tags) {
      const key = legacyTagKey(tag);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      let entry = oldTags.get(key);
      if (!entry) oldTags.set(key, (entry = { variants: new Map(), count: 0 }));
      entry.variants.set(tag, (entry.variants.get(tag) ?? 0) + 1);
      entry.count++;
    }
  }
  const tagByKey = new Map(model.tags.map((t) => [t.key, t]));
  for (const { variants, count } of oldTags.values()) {
    const oldUrl = siteUrls.tag(legacySlugify(pickTagName(variants)));
    const now = [...new Set([...variants.keys()].map((v) => tagByKey.get(tagKey(v))).filter((t) => t !== undefined))];
    const oldPages = Math.max(1, Math.ceil(count / site.pageSize));
    for (let n = 1; n <= oldPages; n++) {
      const only = now.length === 1 ? now[0]! : undefined;
      const to = only === undefined ? siteUrls.tags : pagedUrl(only.url, n <= Math.ceil(only.releases.length / site.pageSize) ? n : 1);
      moves.push({ from: pagedUrl(oldUrl, n), to });
    }
  }

  const live = new Set<string>([
    ...model.releasePages.map((p) => p.release.url),
    ...model.withdrawnPages.map((p) => p.release.url),
    ...model.tagPages.map((p) => p.page.url),
    ...content.officePages.map((p) => p.url),
  ]);
  const byFrom = new Map<string, string>();
  for (const { from, to } of moves.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to))) {
    if (from !== to && !live.has(from) && !byFrom.has(from)) byFrom.set(from, to);
  }
  return [...byFrom].map(([from, to]) => ({ from, to }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
