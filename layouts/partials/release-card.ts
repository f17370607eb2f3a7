/** A release in a list: linked title, date, category and lead. */
import { formatDate } from "../../lib/dates/format.ts";
import type { Release } from "../../lib/content/load.ts";
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ChaparData } from "../../lib/site/data.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { releaseTypeLabel } from "./press-release.ts";
import { statusBanner } from "./release-status.ts";

export function releaseList(chapar: ChaparData, releases: Release[], headingLevel: 2 | 3 = 2): SafeHtml {
  return html`<ol class="release-list">
${releases.map((r) => html`<li>${releaseCard(chapar, r, headingLevel)}</li>`)}
</ol>`;
}

// A release's card appears on many pages of one build (home, its category, its tags, its month, its
// neighbours' related lists): rendered once per data set, release and heading level. The card reads
// only the data set and the release, and a new build (or a dev-server reload) has a new data set.
const cards = new WeakMap<ChaparData, WeakMap<Release, SafeHtml[]>>();

export function releaseCard(chapar: ChaparData, release: Release, headingLevel: 2 | 3 = 2): SafeHtml {
  let byRelease = cards.get(chapar);
  if (!byRelease) cards.set(chapar, (byRelease = new WeakMap()));
  let byLevel = byRelease.get(release);
  if (!byLevel) byRelease.set(release, (byLevel = []));
  return (byLevel[headingLevel] ??= renderCard(chapar, release, headingLevel));
}

function renderCard(chapar: ChaparData, release: Release, headingLevel: 2 | 3): SafeHtml {
  const { urls, categories, site } = chapar;
  const category = categories[release.category];
  const link = html`<a href="${urls.href(release.url)}">${release.title}</a>`;
  return html`<article class="release-card">
${headingLevel === 2 ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`}
<p class="release-card-meta"><time datetime="${release.date.iso}">${formatDate(release.date.instant, site.timeZone, chapar.locale)}</time>${
    category ? html` · <a href="${urls.href(siteUrls.category(release.category))}">${category.name}</a>` : ""
  }${releaseTypeLabel(release)}</p>
${statusBanner(chapar, release, true)}
${release.summary ? html`<p class="release-card-summary">${cardSummary(release)}</p>` : ""}
</article>`;
}

/** Words a list shows of a lead taken from the body (an author's own `summary` is shown whole). */
const CARD_SUMMARY_WORDS = 40;

function cardSummary(release: Release): string {
  if (!release.leadInBody) return release.summary;
  const words = release.summary.split(" ");
  return words.length <= CARD_SUMMARY_WORDS ? release.summary : `${words.slice(0, CARD_SUMMARY_WORDS).join(" ")}…`;
}
