/**
 * `npm run build`: validate all content (every error of every file, in Persian), build the site
 * into a temporary folder, and swap it into place only on success — a failed build never touches
 * the previous output.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { buildCache, saveBuildCaches } from "../lib/cache/cache.ts";
import { startParallelCheck } from "../lib/parallel/parallel-check.ts";
import { markPhase, reportPhases } from "../lib/perf/timings.ts";
import { checkSite } from "../lib/content/check.ts";
import { ContentError, formatProblem, formatProblems, type ContentProblem } from "../lib/content/errors.ts";
import { formatDateTime } from "../lib/dates/format.ts";
import { fa } from "../lib/locale/fa.ts";
import { prepareSearchScript, SearchIndexError, type SearchIndexResult } from "../lib/features/search.ts";
import { startSearchIndexCached } from "../lib/cache/search-index.ts";
import { prepareChaparData } from "../lib/site/prepare.ts";
import { chaparSettings } from "../lib/site/settings.ts";
import { preloadEleventy, runEleventy } from "../lib/site/eleventy.ts";

const settings = chaparSettings();
const started = performance.now();
markPhase("startup");

// The same checks as `npm run check`: every error stops the build; typography findings are warnings
// unless site.json says `"typographyLint": "error"`.
// On two cores a helper thread parses and lints the second half of the releases meanwhile (lib/parallel/parallel-check.ts).
const parallel = startParallelCheck(settings.contentDir);
// esbuild bundles the search page's script in its own process meanwhile (a failure shows when the page asks for it).
const searchScriptReady = prepareSearchScript().catch(() => undefined);
// Meanwhile this thread loads Eleventy (~0.5 s of the build's serial part): the helper takes more of the
// check, or, on a smaller site, has more time for the stylesheet and fonts the check waits for anyway.
if (parallel) await preloadEleventy();
const checked = checkSite({ contentDir: settings.contentDir });
await parallel?.finish();
// What the check parsed, rendered and linted is kept for the next build (.cache/chapar; CHAPAR_CACHE=off: never).
saveBuildCaches();
markPhase("check");
// Rule findings (typography, alt text) can be many: counted here, listed by `npm run check`.
const isRuleFinding = (w: ContentProblem) => w.rule !== undefined;
if (checked.errors.length > 0 || !checked.content) {
  console.error(formatProblems([...checked.errors, ...checked.warnings.filter((w) => !isRuleFinding(w))]));
  process.exit(1);
}
const typographyWarnings = checked.warnings.filter(isRuleFinding);
for (const warning of checked.warnings) if (!isRuleFinding(warning)) console.warn(formatProblem(warning));
if (typographyWarnings.length > 0) {
  console.warn(
    `${typographyWarnings.length} هشدار نگارشی و متن جایگزین تصویر؛ برای دیدن آن‌ها و اصلاح خودکار: npm run check (و npm run check -- --fix)`,
  );
}
// The complete data set: the site model, and the assets its pages link to (stylesheet, fonts, icon, images).
// Image files are decoded here (a damaged one is a ContentError naming it), so reported like the check's errors.
const data = await prepareChaparData(settings, { content: checked.content }).catch((e: unknown) => {
  if (!(e instanceof ContentError)) throw e;
  console.error(e.message);
  process.exit(1);
});
markPhase("model");

const output = settings.outputDir;
const staging = `${output}.tmp-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
// The search index is made from the release pages as they are rendered, so it always matches what is
// swapped in; a worker thread folds them and runs Pagefind while the rest of the site is written.
// The same index as last time is copied, not rebuilt, when nothing it depends on changed.
const search = startSearchIndexCached(staging, data);
let searchResult: SearchIndexResult = { pages: 0 };
try {
  await searchScriptReady;
  await runEleventy(data, { outputDir: staging, pageObserver: search.observer });
  markPhase("eleventy");
  searchResult = await search.finish();
  markPhase("search");
} catch (e) {
  await search.cancel();
  rmSync(staging, { recursive: true, force: true });
  console.error("ساخت سایت شکست خورد؛ خروجی قبلی دست نخورد.");
  console.error(e instanceof SearchIndexError ? e.message : e);
  process.exit(1);
}

// Swap: the old output is moved aside first, so a reader of `dist/` never sees a half-written site.
const old = `${output}.old-${process.pid}`;
if (existsSync(output)) renameSync(output, old);
renameSync(staging, output);
rmSync(old, { recursive: true, force: true });
markPhase("swap");
const { hits, misses, shared } = buildCache(settings.contentDir).stats;
const { pagefindStart, pagefindMs } = searchResult;
reportPhases({
  cacheHits: hits,
  cacheMisses: misses,
  fromHelperThread: shared,
  ...(pagefindMs === undefined ? {} : { pagefindStart: pagefindStart!, pagefindMs }),
});

const { model } = data;
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`${model.releases.length} خبر منتشر شد در ${path.relative(process.cwd(), output) || "."} (${seconds} ثانیه).`);
for (const { release, status } of model.withheld) {
  const why = status === "draft" ? "پیش‌نویس" : `زمان‌بندی‌شده برای ${formatDateTime(release.date.instant, data.site.timeZone, fa)}`; // the author's messages are Persian
  console.log(`  کنار گذاشته شد (${why}): ${release.file}`);
}
for (const { release } of model.withdrawnPages) {
  console.log(`  برداشته‌شده (صفحه با اطلاعیه می‌ماند، در فهرست‌ها نیست): ${release.file}`);
}
