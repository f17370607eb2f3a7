/**
 * The site's structure, computed once per build in linear time from the loaded releases: which
 * releases are public, their order, neighbours and related releases, and every list page
 * (home, categories, tags, Jalali archive) already cut into pages. Templates only read this.
 */
import type { Release, SiteContent } from "../content/load.ts";
import type { Category } from "../content/site-data.ts";
import { localeFor } from "../locale/index.ts";
import { slugify, tagKey, ZWNJ } from "../text/persian.ts";
import { releaseStatus, type ReleaseStatus } from "./publishing.ts";
import { pagedUrl, siteUrls } from "./urls.ts";

export type { ReleaseStatus } from "./publishing.ts";

export interface TagInfo {
  key: string;
  /** The spelling shown: the one with ZWNJ if any variant has it, else the most used. */
  name: string;
  slug: string;
  url: string;
  releases: Release[];
}

export interface ReleasePage {
  release: Release;
  status: ReleaseStatus;
  category: CategoryInfo;
  tags: TagInfo[];
  newer?: Release;
  older?: Release;
  related: Release[];
}

export interface ListPage {
  /** Site path of this page. */
  url: string;
  pageNumber: number;
  totalPages: number;
  /** Site path of page 1 of this list. */
  listUrl: string;
  releases: Release[];
  previousUrl?: string;
  nextUrl?: string;
  /** Releases in the whole list (all pages). */
  total: number;
}

export interface CategoryInfo extends Category {
  key: string;
  url: string;
  releases: Release[];
}

export interface ArchiveMonth {
  jy: number;
  jm: number;
  url: string;
  releases: Release[];
}

export interface ArchiveYear {
  jy: number;
  url: string;
  count: number;
  /** Months that have releases, newest first. */
  months: ArchiveMonth[];
}

export interface SiteModel {
  /** Public releases, newest first (in dev: drafts and scheduled ones too); never withdrawn ones. */
  releases: Release[];
  /** One page per release of `releases`: what lists, feeds, sitemaps and search may show. */
  releasePages: ReleasePage[];
  /** Withdrawn releases' pages: rendered (with the notice, `noindex`) but listed nowhere. */
  withdrawnPages: ReleasePage[];
  homePages: ListPage[];
  categories: CategoryInfo[];
  categoryPages: { category: CategoryInfo; page: ListPage }[];
  tags: TagInfo[];
  tagPages: { tag: TagInfo; page: ListPage }[];
  archiveYears: ArchiveYear[];
  archiveMonthPages: { month: ArchiveMonth; page: ListPage }[];
  /** Status of every release in `releases`, by URL. */
  statusOf: Map<string, ReleaseStatus>;
  /** Releases left out of this build, for reports: drafts and scheduled ones in production. */
  withheld: { release: Release; status: ReleaseStatus }[];
}

export interface CollectionOptions {
  /** Show drafts and scheduled releases (with a banner): the dev server, never `npm run build`. */
  preview: boolean;
  /** The build's moment: releases dated after it are scheduled. */
  now: number;
}

/** Newest first; ties broken by URL so the order never depends on file-system order. */
export function compareNewestFirst(a: Release, b: Release): number {
  return b.date.instant - a.date.instant || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

export function paginate(listUrl: string, releases: Release[], pageSize: number): ListPage[] {
  const totalPages = Math.max(1, Math.ceil(releases.length / pageSize));
  const pages: ListPage[] = [];
  for (let n = 1; n <= totalPages; n++) {
    const page: ListPage = {
      url: pagedUrl(listUrl, n),
      pageNumber: n,
      totalPages,
      listUrl,
      releases: releases.slice((n - 1) * pageSize, n * pageSize),
      total: releases.length,
    };
    if (n > 1) page.previousUrl = pagedUrl(listUrl, n - 1);
    if (n < totalPages) page.nextUrl = pagedUrl(listUrl, n + 1);
    pages.push(page);
  }
  return pages;
}

export function pickTagName(variants: Map<string, number>): string {
  return [...variants.entries()].sort(
    ([a, ca], [b, cb]) => Number(b.includes(ZWNJ)) - Number(a.includes(ZWNJ)) || cb - ca || (a < b ? -1 : a > b ? 1 : 0),
  )[0]![0];
}

export function buildSiteModel(content: SiteContent, options: CollectionOptions): SiteModel {
  const { site } = content;
  // Tags of equal weight in the language's alphabetical order (one collator per build).
  const collator = new Intl.Collator(localeFor(site.locale).lang);
  const pageSize = site.pageSize;
  const statuses = new Map<string, ReleaseStatus>();
  const withheld: SiteModel["withheld"] = [];
  const releases: Release[] = [];
  const withdrawn: Release[] = [];
  for (const release of content.releases) {
    const status = releaseStatus(release, options.now);
    if (status === "withdrawn") {
      statuses.set(release.url, status);
      withdrawn.push(release);
    } else if (status !== "published" && !options.preview) withheld.push({ release, status });
    else {
      statuses.set(release.url, status);
      releases.push(release);
    }
  }
  releases.sort(compareNewestFirst);

  // Categories, in the order the office listed them in categories.json.
  const categoryMap = new Map<string, CategoryInfo>();
  for (const [key, category] of Object.entries(content.categories)) {
    categoryMap.set(key, { key, ...category, url: siteUrls.category(key), releases: [] });
  }
  // Tags: one entry per identity; spellings counted to choose the displayed one.
  const tagMap = new Map<string, { variants: Map<string, number>; releases: Release[] }>();
  // Archive: year → month → releases (already newest first, since `releases` is sorted).
  const yearMap = new Map<number, Map<number, Release[]>>();

  for (const release of releases) {
    categoryMap.get(release.category)!.releases.push(release);
    const seen = new Set<string>();
    for (const tag of release.tags) {
      const key = tagKey(tag);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      let entry = tagMap.get(key);
      if (!entry) tagMap.set(key, (entry = { variants: new Map(), releases: [] }));
      entry.variants.set(tag, (entry.variants.get(tag) ?? 0) + 1);
      entry.releases.push(release);
    }
    const { jy, jm } = release.date;
    let months = yearMap.get(jy);
    if (!months) yearMap.set(jy, (months = new Map()));
    let list = months.get(jm);
    if (!list) months.set(jm, (list = []));
    list.push(release);
  }

  const categories = [...categoryMap.values()];
  const tags: TagInfo[] = [...tagMap.entries()]
    .map(([key, { variants, releases: tagged }]) => {
      const name = pickTagName(variants);
      const slug = slugify(name);
      return { key, name, slug, url: siteUrls.tag(slug), releases: tagged };
    })
    .sort((a, b) => b.releases.length - a.releases.length || collator.compare(a.name, b.name) || (a.key < b.key ? -1 : 1));
  const tagByKey = new Map(tags.map((t) => [t.key, t]));

  const archiveYears: ArchiveYear[] = [...yearMap.entries()]
    .sort(([a], [b]) => b - a)
    .map(([jy, months]) => {
      const monthList = [...months.entries()]
        .sort(([a], [b]) => b - a)
        .map(([jm, list]) => ({ jy, jm, url: siteUrls.archiveMonth(jy, jm), releases: list }));
      return { jy, url: siteUrls.archiveYear(jy), count: monthList.reduce((n, m) => n + m.releases.length, 0), months: monthList };
    });

  // Position of each release in its category, for related releases without rescanning.
  const categoryIndex = new Map<Release, number>();
  for (const category of categories) for (const [i, r] of category.releases.entries()) categoryIndex.set(r, i);

  const releasePages: ReleasePage[] = releases.map((release, i) => {
    const category = categoryMap.get(release.category)!;
    const page: ReleasePage = {
      release,
      status: statuses.get(release.url)!,
      category,
      tags: uniqueTags(release.tags, tagByKey),
      related: nearest(category.releases, categoryIndex.get(release)!, site.relatedCount),
    };
    const newer = releases[i - 1];
    const older = releases[i + 1];
    if (newer) page.newer = newer;
    if (older) page.older = older;
    return page;
  });

  const withdrawnPages: ReleasePage[] = withdrawn.sort(compareNewestFirst).map((release) => ({
    release,
    status: "withdrawn",
    category: categoryMap.get(release.category)!,
    tags: uniqueTags(release.tags, tagByKey),
    related: [],
  }));

  return {
    releases,
    releasePages,
    withdrawnPages,
    homePages: paginate(siteUrls.home, releases, pageSize),
    categories,
    categoryPages: categories.flatMap((category) =>
      paginate(category.url, category.releases, pageSize).map((page) => ({ category, page })),
    ),
    tags,
    tagPages: tags.flatMap((tag) => paginate(tag.url, tag.releases, pageSize).map((page) => ({ tag, page }))),
    archiveYears,
    archiveMonthPages: archiveYears.flatMap((year) =>
      year.months.flatMap((month) => paginate(month.url, month.releases, pageSize).map((page) => ({ month, page }))),
    ),
    statusOf: statuses,
    withheld,
  };
}

function uniqueTags(names: string[], tagByKey: Map<string, TagInfo>): TagInfo[] {
  const out: TagInfo[] = [];
  for (const name of names) {
    const tag = tagByKey.get(tagKey(name));
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** Up to `count` releases nearest in time to list[index] (alternating newer/older), itself excluded. */
function nearest(list: Release[], index: number, count: number): Release[] {
  const out: Release[] = [];
  for (let step = 1; out.length < count && (index - step >= 0 || index + step < list.length); step++) {
    const newer = list[index - step];
    const older = list[index + step];
    if (newer) out.push(newer);
    if (older && out.length < count) out.push(older);
  }
  return out;
}
