/**
 * The search page's script (the only JavaScript Chapar ships). It loads Pagefind's bundle from the
 * path the form names — one index per Jalali year, the shards the form lists, merged into one
 * (Pagefind's `mergeIndex`: one WebAssembly module, every search runs in each shard and the hits
 * come back as one list sorted by score) — folds what the reader types the same way the build folded the releases
 * (lib/text/search-key.ts), runs every spelling variant, merges the hits and lists them with the
 * original titles, dates and excerpts the build stored as metadata.
 */
import { searchStrings as t } from "../../lib/locale/fa.strings.ts";
import { toPersianDigits } from "../../lib/text/digits.ts";
import { queryVariants, type QueryVariant } from "../../lib/text/search-key.ts";

/** The part of Pagefind's browser API used here (pagefind.js has no types of its own). */
interface PagefindHit {
  id: string;
  score: number;
  data(): Promise<{ url: string; meta: Record<string, string | undefined> }>;
}
interface Pagefind {
  options(options: { basePath?: string; baseUrl?: string; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: { baseUrl?: string }): Promise<void>;
  search(term: string): Promise<{ results: PagefindHit[] }>;
}

/** Results shown at once; a button shows the next ones. */
const PAGE_SIZE = 20;
/** Wait this long after the last keystroke before searching. */
const TYPING_DELAY_MS = 200;

const form = document.querySelector<HTMLFormElement>("form[data-pagefind-bundle]");
const input = document.querySelector<HTMLInputElement>("#search-query");
const status = document.querySelector<HTMLElement>("#search-status");
const list = document.querySelector<HTMLOListElement>("#search-results");

let pagefind: Promise<Pagefind | undefined> | undefined;

/** Pagefind with every shard merged; undefined when the site has no release to search. (Exported, like `searchAll`, for the browser test that compares it with one index.) */
export function loadPagefind(bundle: string, shards: readonly string[], basePath: string): Promise<Pagefind | undefined> {
  pagefind ??= (async () => {
    const [primary, ...others] = shards;
    if (primary === undefined) return undefined;
    // A runtime URL (the site's base path is only known from the page), so the bundler leaves it alone.
    const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    // Main thread, not Pagefind's web worker: a worker runs under its own script's CSP, so the
    // WebAssembly permission the search page has ('wasm-unsafe-eval') would have to be granted to
    // /pagefind/* too. Searching a press office's index takes milliseconds either way.
    // The first shard holds the WebAssembly; the others share it.
    await api.options({ basePath: `${bundle}${primary}/`, baseUrl: basePath, noWorker: true });
    await api.init();
    await Promise.all(others.map((shard) => api.mergeIndex(`${bundle}${shard}/`, { baseUrl: basePath })));
    return api;
  })();
  return pagefind;
}

/** Whether the index has a word exactly, per word (cached for the page's lifetime). */
const knownWords = new Map<string, Promise<boolean>>();

function wordExists(api: Pagefind, word: string): Promise<boolean> {
  let found = knownWords.get(word);
  if (!found) {
    // Quoted: an exact word. Unquoted, Pagefind would fall back to the longest prefix it knows.
    found = api.search(`"${word}"`).then((r) => r.results.length > 0);
    knownWords.set(word, found);
  }
  return found;
}

/** One variant's hits (see queryVariants for why phrases are quoted and unknown words skip a variant). */
async function searchVariant(api: Pagefind, variant: QueryVariant): Promise<PagefindHit[]> {
  if (variant.phrase) return (await api.search(`"${variant.keys}"`)).results;
  const words = variant.keys.split(" ");
  if (!variant.asTyped && words.length > 1) {
    const known = await Promise.all(words.map((w) => wordExists(api, w)));
    if (!known.every(Boolean)) return [];
  }
  return (await api.search(variant.keys)).results;
}

/** All variants' hits, each page once with its best score, best first (ties by id, for a stable order). */
export async function searchAll(api: Pagefind, query: string): Promise<PagefindHit[]> {
  const best = new Map<string, PagefindHit>();
  for (const results of await Promise.all(queryVariants(query).map((v) => searchVariant(api, v)))) {
    for (const hit of results) {
      const seen = best.get(hit.id);
      if (!seen || hit.score > seen.score) best.set(hit.id, hit);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

async function renderHits(hits: PagefindHit[], into: HTMLOListElement): Promise<void> {
  const items = await Promise.all(
    hits.map(async (hit) => {
      const { url, meta } = await hit.data();
      const li = element("li", "search-result");
      const heading = element("h2", "search-result-title");
      const link = element("a", "", meta.title ?? url);
      link.href = url;
      heading.append(link);
      li.append(heading);
      const facts = [meta.category, meta.date].filter((x): x is string => Boolean(x));
      if (facts.length > 0) li.append(element("p", "search-result-meta", facts.join(t.separator)));
      if (meta.excerpt) li.append(element("p", "search-result-excerpt", meta.excerpt));
      return li;
    }),
  );
  into.append(...items);
}

function start(form: HTMLFormElement, input: HTMLInputElement, status: HTMLElement, list: HTMLOListElement): void {
  const bundle = form.dataset.pagefindBundle!;
  const shards = (form.dataset.pagefindShards ?? "").split(" ").filter(Boolean);
  const basePath = form.dataset.basePath ?? "/";
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let more: HTMLButtonElement | undefined;

  const run = async (query: string) => {
    const mine = ++generation;
    more?.remove();
    const trimmed = query.trim();
    const url = new URL(location.href);
    if (trimmed) url.searchParams.set("q", trimmed);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (!trimmed) {
      list.replaceChildren();
      status.textContent = "";
      delete list.dataset.query;
      return;
    }
    status.textContent = t.searching;
    try {
      const api = await loadPagefind(bundle, shards, basePath);
      const hits = api === undefined ? [] : await searchAll(api, trimmed);
      if (mine !== generation) return;
      const fresh = document.createElement("ol");
      await renderHits(hits.slice(0, PAGE_SIZE), fresh);
      if (mine !== generation) return;
      list.replaceChildren(...fresh.children);
      status.textContent = hits.length === 0 ? t.noResults(trimmed) : t.resultsCount(toPersianDigits(hits.length), trimmed);
      let shown = PAGE_SIZE;
      if (hits.length > shown) {
        more = element("button", "search-more", t.moreResults);
        more.type = "button";
        more.addEventListener("click", async () => {
          const next = hits.slice(shown, shown + PAGE_SIZE);
          const firstNew = list.children.length;
          shown += next.length;
          await renderHits(next, list);
          if (shown >= hits.length) more?.remove();
          // Move focus to the first new result, so keyboard and screen-reader users continue there.
          list.children[firstNew]?.querySelector("a")?.focus();
        });
        list.after(more);
      }
      // Tests (and curious readers) can tell which query the list shows.
      list.dataset.query = trimmed;
    } catch {
      if (mine !== generation) return;
      list.replaceChildren();
      status.textContent = t.unavailable;
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), TYPING_DELAY_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });

  const initial = new URLSearchParams(location.search).get("q") ?? "";
  if (initial.trim()) {
    input.value = initial;
    void run(initial);
  } else {
    // Start loading the index while the reader types.
    loadPagefind(bundle, shards, basePath).catch(() => undefined);
  }
}

if (form && input && status && list) start(form, input, status, list);
