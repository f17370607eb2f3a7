/**
 * `/search/`: a search form that is a real GET form to this page (so `?q=` links work, and the
 * header's search link needs no script), and the only page that loads JavaScript: the search
 * script (assets/js/search.ts, served as a hashed file — never inline) reads `q`, queries the
 * Pagefind index (its shards, newest first, are named on the form) and lists the releases found. Without JavaScript a Persian note points to the
 * lists that work without it.
 */
import { defaults as searchDefaults, searchScript } from "../../lib/features/search.ts";
import { searchShards } from "../../lib/features/search-shards.ts";
import { html } from "../../lib/render/html.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { baseLayout } from "../base.ts";
import type { PageData } from "./types.ts";
import { definePage } from "../../lib/site/pages.ts";

const data = { permalink: siteUrls.search };
export default definePage({ data, render });

function render({ chapar }: PageData): string {
  const { strings } = chapar.locale;
  const { urls } = chapar;
  const body = html`<h1>${strings.searchTitle}</h1>
<form role="search" class="search-form" action="${urls.href(siteUrls.search)}" method="get" data-pagefind-bundle="${urls.href(`/${searchDefaults.bundleDir}/`)}" data-pagefind-shards="${searchShards(chapar.model).join(" ")}" data-base-path="${urls.basePath}">
<label for="search-query">${strings.searchLabel}</label>
<input type="search" id="search-query" name="q" autocomplete="off" enterkeyhint="search">
<button type="submit">${strings.searchButton}</button>
</form>
<noscript><p class="search-note">${strings.searchNeedsScript} <a href="${urls.href(siteUrls.archive)}">${strings.archive}</a>، <a href="${urls.href(siteUrls.categories)}">${strings.categories}</a>، <a href="${urls.href(siteUrls.tags)}">${strings.tags}</a>.</p></noscript>
<p id="search-status" class="search-status" role="status"></p>
<ol id="search-results" class="search-results"></ol>`;
  return baseLayout(
    chapar,
    {
      url: siteUrls.search,
      title: strings.searchTitle,
      section: siteUrls.search,
      crumbs: [{ label: strings.search }],
      extendHead: html`<script type="module" src="${urls.href(searchScript().sitePath)}"></script>`,
      bodyClass: "page-search",
    },
    body,
  );
}
