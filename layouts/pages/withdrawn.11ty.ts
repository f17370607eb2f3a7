/**
 * Pages of withdrawn releases, at their old URLs: the release page with its withdrawal notice and
 * `noindex`. They are a separate pagination (over `model.withdrawnPages`) so that nothing that
 * walks `model.releasePages` — lists, feeds, sitemaps, search — can pick them up by accident.
 */
import type { ReleasePage } from "../../lib/site/collections.ts";
import { definePage } from "../../lib/site/pages.ts";
import releasePage from "./release.11ty.ts";
import { onePagePer, type PageData } from "./types.ts";

const data = {
  pagination: onePagePer("withdrawnPages"),
  permalink: (d: PageData<ReleasePage>) => d.entry.release.url,
  eleventyExcludeFromCollections: true,
};
export default definePage({ data, render: releasePage.render, noindex: true });
