/**
 * Pages of withdrawn releases, at their old URLs: the release page with its withdrawal notice and
 * `noindex`. They are a separate pagination (over `model.withdrawnPages`) so that nothing that
 * walks `model.releasePages` — lists, feeds, sitemaps, search — can pick them up by accident.
 */
import type { ReleasePage } from "../../lib/site/collections.ts";
import { onePagePer, type PageData } from "./types.ts";

export const data = {
  pagination: onePagePer("withdrawnPages"),
  permalink: (d: PageData<ReleasePage>) => d.entry.release.url,
  eleventyExcludeFromCollections: true,
};

export { render } from "./release.11ty.ts";
