/**
 * `npm run audit`'s report: its BENCHMARKS.md section replaces only itself, and a missed threshold
 * is marked and fails; a run that ends in a Lighthouse runtime error is tried again (with a fake runner).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  auditPage,
  CATEGORIES,
  type LighthouseResult,
  type LighthouseRunner,
  lighthouseSection,
  MARK_END,
  MARK_START,
  passes,
  RUNTIME_ERROR_ATTEMPTS,
  replaceSection,
  runWithRetries,
  type PageAudit,
} from "../../scripts/audit.ts";

const page = (scores: PageAudit["scores"]): PageAudit => ({
  name: "release",
  sitePath: "/1404/04/x/",
  scores,
  performanceRuns: [scores.performance, 100],
  metrics: { fcp: "1.2 s", lcp: "1.5 s", tbt: "0 ms", cls: "0", si: "1.2 s" },
  losses: [],
  warnings: [],
  lighthouseVersion: "12.8.2",
});

describe("audit report", () => {
  test("replaces its own section and leaves the bench section alone", () => {
    const bench = "<!-- bench:start (written by npm run bench) -->\nbench table\n<!-- bench:end -->";
    const first = replaceSection(`# Benchmarks\n\n${bench}\n`, "scores v1");
    assert.equal(first, `# Benchmarks\n\n${bench}\n\n${MARK_START}\nscores v1\n${MARK_END}\n`);
    const second = replaceSection(first, "scores v2");
    assert.equal(second, first.replace("scores v1", "scores v2"));
    assert.ok(second.includes(bench));
  });

  test("thresholds: Performance ≥ 95, the others 100", () => {
    assert.equal(passes(page({ performance: 95, accessibility: 100, "best-practices": 100, seo: 100 })), true);
    assert.equal(passes(page({ performance: 94, accessibility: 100, "best-practices": 100, seo: 100 })), false);
    assert.equal(passes(page({ performance: 100, accessibility: 100, "best-practices": 96, seo: 100 })), false);
    const section = lighthouseSection([page({ performance: 100, accessibility: 100, "best-practices": 96, seo: 100 })], {
      date: "2026-11-27",
      chromium: "Chromium 156 (Debian)",
      runs: 2,
    });
    assert.match(section, /\| 96 ✗ \|/);
    assert.match(section, /\| 100 \(100–100\) \|/);
    assert.match(section, /\*\*not met\*\*/);
  });
});

/** A Lighthouse report with every category at `score` (0–1). */
function fakeReport(score: number) {
  return {
    lighthouseVersion: "12.8.2",
    fetchTime: "2026-11-27T08:30:00.000Z",
    finalDisplayedUrl: "http://127.0.0.1/",
    runWarnings: [],
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, { score, auditRefs: [] }])),
    audits: {},
  } as unknown as LighthouseResult;
}

/** A runner that answers from a script of outcomes, and counts its calls. */
function scriptedRunner(outcomes: Awaited<ReturnType<LighthouseRunner>>[]): LighthouseRunner & { calls: number } {
  const runner = Object.assign(
    async () => {
      const next = outcomes[runner.calls++];
      if (!next) throw new Error("the fake runner was called too often");
      return next;
    },
    { calls: 0 },
  );
  return runner;
}

describe("audit retries", () => {
  test("a runtime error (NO_NAVSTART) is tried again; the next report counts", async () => {
    const runner = scriptedRunner([{ runtimeError: "NO_NAVSTART" }, { lhr: fakeReport(1) }]);
    const said: string[] = [];
    const lhr = await runWithRetries(runner, "http://127.0.0.1/", "/tmp/x.json", RUNTIME_ERROR_ATTEMPTS, (l) => said.push(l));
    assert.equal(runner.calls, 2);
    assert.equal(lhr.categories.performance.score, 1);
    assert.match(said.join("\n"), /NO_NAVSTART.*trying again \(2\/3\)/);
  });

  test("a page's audit: each run retried on its own, scores from the reports", async () => {
    const runner = scriptedRunner([{ lhr: fakeReport(1) }, { runtimeError: "exit code 1" }, { lhr: fakeReport(0.99) }]);
    const audit = await auditPage("home", "http://127.0.0.1/", "/", 2, "/tmp", runner);
    assert.equal(runner.calls, 3);
    assert.deepEqual(audit.performanceRuns, [100, 99]);
  });

  test("runtime errors every time: a failure after the last attempt, naming each error", async () => {
    const runner = scriptedRunner([{ runtimeError: "NO_NAVSTART" }, { runtimeError: "NO_FCP" }, { runtimeError: "exit code 1" }]);
    await assert.rejects(
      runWithRetries(runner, "http://127.0.0.1/archive/", "/tmp/x.json", 3, () => {}),
      /failed 3 times with a runtime error for http:\/\/127\.0\.0\.1\/archive\/: NO_NAVSTART; NO_FCP; exit code 1/,
    );
    assert.equal(runner.calls, 3);
  });

  test("a low score is a result, not an error: not retried", async () => {
    const runner = scriptedRunner([{ lhr: fakeReport(0.5) }]);
    const lhr = await runWithRetries(runner, "http://127.0.0.1/", "/tmp/x.json");
    assert.equal(runner.calls, 1);
    assert.equal(lhr.categories.accessibility.score, 0.5);
  });
});
