/**
 * A release in a list: linked title, date, category and lead — and, on the home, category, tag and
 * month pages, a small picture of its lead image (the same renditions as the release page's, so no
 * extra files). The picture's alt is empty: the linked title beside it names the release, and it
 * would be announced twice. The first card of a list loads its picture at once (it is on screen),
 * the others lazily. The home page's first release is shown larger: its lead image across the
 * column, then title and lead.
 */
import { formatDate } from "../../lib/dates/format.ts";
import type { Release } from "../../lib/content/load.ts";
import { pictureHtml } from "../../lib/features/images.ts";
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ChaparData } from "../../lib/site/data.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { releaseTypeLabel } from "./press-release.ts";
import { statusBanner } from "./release-status.ts";

export interface ReleaseListOptions {
  /** Lead images as thumbnails (lists of releases; not the related releases under a release). */
  pictures?: boolean;
  /** The first release larger, with its lead image across the column (the home page). */
  featureFirst?: boolean;
}

/** How a card shows its release: text only, with a thumbnail (loaded lazily or at once), or featured. */
type CardKind = "text" | "thumb-lazy" | "thumb-eager" | "featured";

export function releaseList(chapar: ChaparData, releases: Release[], headingLevel: 2 | 3 = 2, options: ReleaseListOptions = {}): SafeHtml {
  const kind = (i: number): CardKind =>
    !options.pictures ? "text" : i === 0 ? (options.featureFirst ? "featured" : "thumb-eager") : "thumb-lazy";
  return html`<ol class="release-list">
${releases.map((r, i) => html`<li>${releaseCard(chapar, r, headingLevel, kind(i))}</li>`)}
</ol>`;
}

// A release's card appears on many pages of one build (home, its category, its tags, its month, its
// neighbours' related lists): rendered once per data set, release and heading level. The card reads
// only the data set and the release, and a new build (or a dev-server reload) has a new data set.
const cards = new WeakMap<ChaparData, WeakMap<Release, Map<string, SafeHtml>>>();

export function releaseCard(chapar: ChaparData, release: Release, headingLevel: 2 | 3 = 2, kind: CardKind = "text"): SafeHtml {
  let byRelease = cards.get(chapar);
  if (!byRelease) cards.set(chapar, (byRelease = new WeakMap()));
  let byKind = byRelease.get(release);
  if (!byKind) byRelease.set(release, (byKind = new Map()));
  const key = `${headingLevel}:${kind}`;
  let card = byKind.get(key);
  if (!card) byKind.set(key, (card = renderCard(chapar, release, headingLevel, kind)));
  return card;
}

/** Shown width of a thumbnail (lists.css), for the browser's choice of rendition. */
const THUMB_SIZES = "(min-width: 60rem) 10rem, 7rem";

function cardPicture(chapar: ChaparData, release: Release, kind: CardKind): SafeHtml {
  const image = release.image && chapar.assets.images.get(release.image.file);
  if (!image || kind === "text") return html``;
  const featured = kind === "featured";
  return pictureHtml(image, {
    alt: "",
    href: chapar.urls.href,
    eager: kind !== "thumb-lazy",
    className: featured ? "release-card-image" : "release-thumb",
    ...(featured ? {} : { sizes: THUMB_SIZES }),
  });
}

function renderCard(chapar: ChaparData, release: Release, headingLevel: 2 | 3, kind: CardKind): SafeHtml {
  const { urls, categories, site } = chapar;
  const category = categories[release.category];
  const link = html`<a href="${urls.href(release.url)}">${release.title}</a>`;
  const picture = cardPicture(chapar, release, kind);
  const classes = [
    "release-card",
    kind === "featured" ? "release-card-featured" : "",
    picture.value && kind !== "featured" ? "has-thumb" : "",
  ];
  return html`<article class="${classes.filter(Boolean).join(" ")}">
${kind === "featured" ? picture : ""}<div class="release-card-text">
${headingLevel === 2 ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`}
<p class="release-card-meta"><time datetime="${release.date.iso}">${formatDate(release.date.instant, site.timeZone, chapar.locale)}</time>${
    category ? html` · <a href="${urls.href(siteUrls.category(release.category))}">${category.name}</a>` : ""
  }${releaseTypeLabel(release)}</p>
${statusBanner(chapar, release, true)}
${release.summary ? html`<p class="release-card-summary">${cardSummary(release)}</p>` : ""}
</div>${kind === "featured" ? "" : picture}
</article>`;
}

/** Words a list shows of a lead taken from the body (an author's own `summary` is shown whole). */
const CARD_SUMMARY_WORDS = 40;

function cardSummary(release: Release): string {
  if (!release.leadInBody) return release.summary;
  const words = release.summary.split(" ");
  return words.length <= CARD_SUMMARY_WORDS ? release.summary : `${words.slice(0, CARD_SUMMARY_WORDS).join(" ")}…`;
}
