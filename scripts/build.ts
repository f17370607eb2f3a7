/**
 * `npm run build`: validate all content (every error of every file, in Persian), build the site
 * into a temporary folder, and swap it into place only on success — a failed build never touches
 * the previous output.
 */
import path from "node:path";
import { claimOutput, OutputRefused } from "../lib/build/output.ts";
import { buildCache, saveBuildCaches } from "../lib/cache/cache.ts";
import { startParallelCheck } from "../lib/parallel/parallel-check.ts";
import { markPhase, reportPhases } from "../lib/perf/timings.ts";
import { checkSite } from "../lib/content/check.ts";
import { ContentError, formatProblem, formatProblems, type ContentProblem } from "../lib/content/errors.ts";
import { formatDateTime } from "../lib/dates/format.ts";
import { fa } from "../lib/locale/fa.ts";
import { prepareSearchScript, SearchIndexError, type SearchIndexResult } from "../lib/features/search.ts";
import { startSearchIndexCached } from "../lib/cache/search-index.ts";
import { openPageReuse } from "../lib/cache/page-reuse.ts";
import { prepareChaparData } from "../lib/site/prepare.ts";
import { emptyBuildMessage } from "../lib/site/empty-build.ts";
import { chaparSettingsOrExit } from "../lib/site/settings.ts";
import { preloadEleventy, runEleventy } from "../lib/site/eleventy.ts";
import { readCommandArgs } from "../lib/cli/args.ts";
import { BUILD_COMMAND } from "../lib/cli/commands.ts";

// The declared flags (lib/cli/commands.ts): an unknown one is refused in Persian, one npm took for itself
// (`npm run build --allow-empty`) is read from npm. `--allow-empty` is for the "nothing would be published" check.
const args = readCommandArgs(BUILD_COMMAND);
const settings = chaparSettingsOrExit();
const started = performance.now();
// Before anything is built: refuses an output it must not replace, waits for another build into it,
// cleans up after killed ones (lib/build/output.ts).
const output = await claimOutput(settings).catch((e: unknown) => {
  if (!(e instanceof OutputRefused)) throw e;
  console.error(e.message);
  process.exit(1);
});
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
  console.error(formatProblems([...checked.errors, ...checked.warnings.filter((w) => !isRuleFinding(w))], settings));
  process.exit(1);
}
const typographyWarnings = checked.warnings.filter(isRuleFinding);
for (const warning of checked.warnings) if (!isRuleFinding(warning)) console.warn(formatProblem(warning, settings));
if (typographyWarnings.length > 0) {
  console.warn(
    `${typographyWarnings.length} هشدار نگارشی و متن جایگزین تصویر؛ برای دیدن آن‌ها و اصلاح خودکار: npm run check (و npm run check -- --fix)`,
  );
}
// The complete data set: the site model, and the assets its pages link to (stylesheet, fonts, icon, images).
// Image files are decoded here (a damaged one is a ContentError naming it), so reported like the check's errors.
const data = await prepareChaparData(settings, { content: checked.content }).catch((e: unknown) => {
  if (!(e instanceof ContentError)) throw e;
  console.error(formatProblems(e.problems, settings));
  process.exit(1);
});
markPhase("model");
// Nothing to publish though there are releases: stop before the output is replaced by an empty site.
const emptyBuild = emptyBuildMessage(data.model, checked.content.releases.length, settings.now, data.site.timeZone);
if (emptyBuild !== undefined && !args.values["allow-empty"]) {
  console.error(emptyBuild);
  process.exit(1);
}

const staging = output.staging;
// The search index is made from the release pages as they are rendered, so it always matches what is
// swapped in; a worker thread folds them and runs Pagefind while the rest of the site is written.
// The index is one shard per Jalali year: a shard whose pages didn't change is copied from the cache.
// Release pages whose inputs are unchanged are the previous output's files, linked, not rendered (lib/cache/page-reuse.ts).
const pageReuse = openPageReuse({
  cache: buildCache(settings.contentDir),
  previousOutput: output.target,
  data,
  contentDir: settings.contentDir,
});
const search = startSearchIndexCached(staging, data, { childRecords: output.childRecords });
let searchResult: SearchIndexResult = { pages: 0 };
try {
  await searchScriptReady;
  await runEleventy(data, { outputDir: staging, pageObserver: search.observer, pageReuse });
  markPhase("eleventy");
  searchResult = await search.finish();
  markPhase("search");
} catch (e) {
  await search.cancel();
  output.abandon();
  console.error("ساخت سایت شکست خورد؛ خروجی قبلی دست نخورد.");
  console.error(e instanceof SearchIndexError ? e.message : e);
  process.exit(1);
}

// Swap: a reader of `dist/` never sees a half-written site.
output.commit();
pageReuse.save();
markPhase("swap");
const { hits, misses, shared } = buildCache(settings.contentDir).stats;
const { pagefindStart, pagefindMs, shards, indexedShards, pagesNotNeeded } = searchResult;
reportPhases({
  cacheHits: hits,
  cacheMisses: misses,
  fromHelperThread: shared,
  pagesReused: pageReuse.stats.reused,
  pagesRendered: pageReuse.stats.rendered,
  ...(shards === undefined
    ? {}
    : { searchShards: shards, searchShardsIndexed: indexedShards?.length ?? 0, searchPagesNotNeeded: pagesNotNeeded ?? 0 }),
  ...(pagefindMs === undefined ? {} : { pagefindStart: pagefindStart!, pagefindMs }),
});

const { model } = data;
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`${model.releases.length} خبر منتشر شد در ${path.relative(process.cwd(), settings.outputDir) || "."} (${seconds} ثانیه).`);
for (const { release, status } of model.withheld) {
  const why = status === "draft" ? "پیش‌نویس" : `زمان‌بندی‌شده برای ${formatDateTime(release.date.instant, data.site.timeZone, fa)}`; // the author's messages are Persian
  console.log(`  کنار گذاشته شد (${why}): ${release.file}`);
}
for (const { release } of model.withdrawnPages) {
  console.log(`  برداشته‌شده (صفحه با اطلاعیه می‌ماند، در فهرست‌ها نیست): ${release.file}`);
}
