/**
 * `npm run audit`'s report: its BENCHMARKS.md section replaces only itself, and a missed threshold
 * is marked and fails.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lighthouseSection, MARK_END, MARK_START, passes, replaceSection, type PageAudit } from "../../scripts/audit.ts";

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
