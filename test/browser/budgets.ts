/**
 * Page-weight budgets over the built sample site (`content/`): every published release page stays
 * within 30 KB of HTML + CSS compressed as a CDN would send them (gzip -9 and brotli -q 11; fonts
 * and images excluded), the home page within 40 KB, and neither carries any JavaScript; the Persian
 * font file stays within 60 KB.
 * The measured numbers are printed as test diagnostics (`# …` lines in the output).
 *
 * Registered by reader.test.ts over the same build (one build per test process); that a release
 * page makes no script request in a real browser is checked there too.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileFor } from "../helpers/build.ts";
import { BUDGETS, formatBytes, pageWeight, servedFileSize, type PageWeight } from "../helpers/page-weight.ts";
import { filesIn, type SampleSite } from "../helpers/sample-site.ts";

function describeWeight(w: PageWeight): string {
  return `${w.sitePath}: HTML ${formatBytes(w.html.gzip)} gzip / ${formatBytes(w.html.brotli)} brotli (raw ${formatBytes(w.html.raw)}); CSS ${formatBytes(w.css.gzip)} gzip / ${formatBytes(w.css.brotli)} brotli (raw ${formatBytes(w.css.raw)}); total ${formatBytes(w.total.gzip)} gzip / ${formatBytes(w.total.brotli)} brotli`;
}

export function budgetTests(sample: SampleSite): void {
  describe("page-weight budgets (sample site)", () => {
    const releases = sample.releasePaths.map((p) => pageWeight(sample.out, p));
    const heaviest = [...releases].sort((a, b) => b.total.gzip - a.total.gzip)[0]!;

    test(`every release page: HTML + CSS at most ${formatBytes(BUDGETS.releaseHtmlCss)} compressed`, (t) => {
      assert.ok(releases.length > 0, "the sample site has release pages");
      t.diagnostic(`${releases.length} release pages; heaviest ${describeWeight(heaviest)}`);
      const over = releases.filter((w) => Math.max(w.total.gzip, w.total.brotli) > BUDGETS.releaseHtmlCss).map(describeWeight);
      assert.deepEqual(over, []);
      // The stylesheet is counted: a page without one would measure light for the wrong reason.
      assert.ok(
        releases.every((w) => w.stylesheets.length > 0 && w.css.raw > 0),
        "every release page links its stylesheet",
      );
    });

    test(`the home page: HTML + CSS at most ${formatBytes(BUDGETS.homeHtmlCss)} compressed (pictures excluded), and no JavaScript`, (t) => {
      const home = pageWeight(sample.out, "/");
      t.diagnostic(`home ${describeWeight(home)}`);
      assert.ok(Math.max(home.total.gzip, home.total.brotli) <= BUDGETS.homeHtmlCss, describeWeight(home));
      assert.ok(home.css.raw > 0, "the home page links its stylesheet");
      assert.deepEqual([...home.scripts, ...home.otherJavaScript], []);
    });

    test("every release page: zero JavaScript (no script element, handler, javascript: URL or script preload)", () => {
      const found = releases.flatMap((w) => [...w.scripts, ...w.otherJavaScript].map((s) => `${w.sitePath}: ${s}`));
      assert.deepEqual(found, []);
      // No dev-server live reload slipped into a production build either.
      const liveReload = releases
        .filter((w) => /eleventy-dev-server|live-?reload|new WebSocket/i.test(readFileSync(fileFor(sample.out, w.sitePath), "utf8")))
        .map((w) => w.sitePath);
      assert.deepEqual(liveReload, []);
    });

    test(`the Persian font file: at most ${formatBytes(BUDGETS.persianFont)}`, (t) => {
      const preloaded = [...new Set(releases.flatMap((w) => w.preloadedFonts))];
      assert.equal(preloaded.length, 1, `one preloaded (Persian) font on release pages: ${JSON.stringify(preloaded)}`);
      const persian = preloaded[0]!;
      const size = servedFileSize(sample.out, persian);
      const others = filesIn(sample.out, "assets/fonts")
        .filter((f) => f.endsWith(".woff2") && !persian.endsWith(f))
        .map((f) => `${f} ${formatBytes(servedFileSize(sample.out, `/assets/fonts/${f}`))}`);
      t.diagnostic(
        `Persian font ${persian}: ${formatBytes(size)}; other font files (loaded only for Latin text): ${others.join(", ") || "none"}`,
      );
      assert.ok(size <= BUDGETS.persianFont, `${persian} is ${formatBytes(size)}`);
    });
  });
}
