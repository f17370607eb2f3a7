/**
 * `npm run build` loads this before tsx (`node --import ./lib/perf/preload-packages.mjs --import tsx
 * scripts/build.ts`): the packages the build always loads are plain JavaScript, and loaded here, before
 * tsx registers its module hooks, none of their modules takes the round trip to the hooks' thread —
 * Eleventy alone is ~170 CommonJS and a few hundred ES modules, zod and markdown-it load in half the
 * time. ~0.3 s less start-up at 1,000 releases, neutral at 10,000 (docs/notes/performance.md, item 31).
 * JavaScript, not TypeScript, because nothing can compile it yet; the build's own imports then find
 * these same instances. Packages loaded only on demand (PostCSS, subsetting, Pagefind, images) are
 * not listed. test/unit/preload-packages.test.ts checks the list against the static imports.
 */
await Promise.all([
  import("@11ty/eleventy"),
  import("@11ty/eleventy-plugin-rss"),
  import("cspell-trie-lib"),
  import("esbuild"),
  import("iconv-lite"),
  import("image-size"),
  import("jalaali-js"),
  import("js-yaml"),
  import("luxon"),
  import("markdown-it"),
  import("zod"),
]);
