/**
 * `npm run build` loads this before tsx (`node --import ./lib/build/preload-eleventy.mjs --import tsx
 * scripts/build.ts`). Eleventy is plain JavaScript, ~170 CommonJS and a few hundred ES modules: loaded
 * here, before tsx's module hooks are registered, none of them takes the round trip to the hooks'
 * thread, which saved ~0.15 s of a 1,000-release build (docs/notes/performance.md, item 31). JavaScript,
 * not TypeScript, because nothing can compile it yet. The build imports Eleventy as before and gets
 * this instance; any other entry point simply loads it later, through tsx.
 */
await import("@11ty/eleventy");
