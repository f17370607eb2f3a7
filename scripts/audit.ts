/**
 * `npm run audit`: Lighthouse over the built sample site, as a phone sees it.
 *
 * Builds `content/` into a temp folder (fixed build moment, as the tests do), serves it on
 * 127.0.0.1 with the site's own `_headers` (the test harness's static server), and runs Lighthouse
 * 12.8.2 (the last line that runs on Node 20) with Debian's Chromium on the heaviest release page,
 * the home page and the archive, with its default mobile settings (emulated phone, simulated slow
 * 4G and CPU). Each page is audited `--runs` times (default 3) and the run with the median
 * Performance score counts. A run that ends in a Lighthouse runtime error (the first run on a fresh
 * machine can fail with `NO_NAVSTART`; Chromium can fail to start) is tried again, up to
 * `RUNTIME_ERROR_ATTEMPTS` times, before the audit reports a failure; low scores are never retried. Thresholds: Performance ≥ 95, Accessibility, Best Practices and SEO 100; any miss exits 1
 * and lists the audits that cost points.
 *
 * The scores, the date and the Lighthouse and Chromium versions go into BENCHMARKS.md between
 * `<!-- lighthouse:start -->` and `<!-- lighthouse:end -->` (other sections are left alone);
 * `--no-write` only prints them.
 *
 *   npm run audit
 *   npm run audit -- --runs=5 --no-write
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FIXED_NOW, ROOT, tempDir } from "../test/helpers/build.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../lib/serve/chromium.ts";
import { serveStatic } from "../test/helpers/browser.ts";
import { buildSampleSite } from "../test/helpers/sample-site.ts";
import { ensureSystemDeps } from "./ensure-system-deps.ts";
import { readCommandArgs } from "../lib/cli/args.ts";
import { AUDIT_COMMAND } from "../lib/cli/commands.ts";

/** Chrome flags for Debian's Chromium as root in a container, and to keep it from calling home. */
export const LIGHTHOUSE_CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS];

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Lowest acceptable score per category, 0–100. */
export const THRESHOLDS: Record<Category, number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

const LABELS: Record<Category, string> = {
  performance: "Performance",
  accessibility: "Accessibility",
  "best-practices": "Best Practices",
  seo: "SEO",
};

export const MARK_START = "<!-- lighthouse:start -->";
export const MARK_END = "<!-- lighthouse:end -->";

/** The parts of a Lighthouse result (LHR) this script reads. */
export interface LighthouseResult {
  lighthouseVersion: string;
  fetchTime: string;
  finalDisplayedUrl: string;
  runWarnings: string[];
  /** Set when the run failed as a whole (`NO_NAVSTART`, …): its scores are null. */
  runtimeError?: { code: string; message: string };
  categories: Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    {
      id: string;
      title: string;
      score: number | null;
      scoreDisplayMode: string;
      displayValue?: string;
      numericValue?: number;
      details?: { items?: unknown[] };
    }
  >;
}

export interface PageAudit {
  name: string;
  sitePath: string;
  /** Scores 0–100 of the counted (median) run. */
  scores: Record<Category, number>;
  /** Performance of every run, for the spread. */
  performanceRuns: number[];
  metrics: { fcp: string; lcp: string; tbt: string; cls: string; si: string };
  /** Audits that cost points in a category below its threshold: `category: id (score) title — value`. */
  losses: string[];
  warnings: string[];
  lighthouseVersion: string;
}

const require = createRequire(import.meta.url);
const LIGHTHOUSE_CLI = path.join(path.dirname(require.resolve("lighthouse/package.json")), "cli/index.js");

function score(value: number | null): number {
  return Math.round((value ?? 0) * 100);
}

/** One Lighthouse run: its report, or the runtime error it ended with (`NO_NAVSTART`, `exit code 1`). */
export type RunOutcome = { lhr: LighthouseResult } | { runtimeError: string };
export type LighthouseRunner = (url: string, outFile: string) => Promise<RunOutcome>;

/** Attempts per run before a runtime error counts as the audit's failure. */
export const RUNTIME_ERROR_ATTEMPTS = 3;

/** Runs `runner` until it gives a report, trying again after a runtime error, `attempts` times at most. */
export async function runWithRetries(
  runner: LighthouseRunner,
  url: string,
  outFile: string,
  attempts = RUNTIME_ERROR_ATTEMPTS,
  log: (line: string) => void = console.log,
): Promise<LighthouseResult> {
  const errors: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const outcome = await runner(url, outFile);
    if ("lhr" in outcome) return outcome.lhr;
    errors.push(outcome.runtimeError);
    if (attempt < attempts)
      log(`  Lighthouse runtime error (${outcome.runtimeError}) for ${url}; trying again (${attempt + 1}/${attempts})`);
  }
  throw new Error(`Lighthouse failed ${attempts} times with a runtime error for ${url}: ${errors.join("; ")}`);
}

/** Runs the Lighthouse CLI once (mobile defaults): its JSON report, or the runtime error it ended with. */
export async function runLighthouse(url: string, outFile: string): Promise<RunOutcome> {
  rmSync(outFile, { force: true });
  const args = [
    LIGHTHOUSE_CLI,
    url,
    "--output=json",
    `--output-path=${outFile}`,
    "--quiet",
    `--only-categories=${CATEGORIES.join(",")}`,
    `--chrome-flags=${LIGHTHOUSE_CHROME_FLAGS.join(" ")}`,
  ];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", resolve);
  });
  // The CLI saves the report of a run that hit a runtime error, then exits 1; a run that couldn't
  // start Chromium or connect to it exits non-zero with no report.
  const lhr = existsSync(outFile) ? (JSON.parse(readFileSync(outFile, "utf8")) as LighthouseResult) : undefined;
  if (lhr?.runtimeError) return { runtimeError: lhr.runtimeError.code };
  if (code !== 0 || !lhr) return { runtimeError: `exit code ${code}` };
  return { lhr };
}

/** The first few items of an audit's details table, as `url`/`description`/`node` snippets. */
function detailsOf(details: { items?: unknown[] } | undefined): string {
  const items = (details?.items ?? []).slice(0, 3).map((item) => {
    const i = item as { url?: string; description?: string; node?: { snippet?: string }; sourceLocation?: { url?: string } };
    return [i.description, i.sourceLocation?.url ?? i.url, i.node?.snippet].filter(Boolean).join(" ");
  });
  return items.length > 0 ? ` [${items.join("; ")}]` : "";
}

/** What cost points: every weighted audit under 1 in the categories that missed their threshold. */
function lostPoints(lhr: LighthouseResult): string[] {
  const losses: string[] = [];
  for (const category of CATEGORIES) {
    if (score(lhr.categories[category].score) >= THRESHOLDS[category]) continue;
    for (const ref of lhr.categories[category].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      losses.push(
        `${category}: ${audit.id} (${audit.score}) ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ""}${detailsOf(audit.details)}`,
      );
    }
  }
  return losses;
}

export async function auditPage(
  name: string,
  url: string,
  sitePath: string,
  runs: number,
  workDir: string,
  runner: LighthouseRunner = runLighthouse,
): Promise<PageAudit> {
  const results: LighthouseResult[] = [];
  for (let i = 0; i < runs; i++) {
    const lhr = await runWithRetries(runner, url, path.join(workDir, `${name}-${i}.json`));
    console.log(`  ${name} run ${i + 1}/${runs}: ${CATEGORIES.map((c) => `${LABELS[c]} ${score(lhr.categories[c].score)}`).join(", ")}`);
    results.push(lhr);
  }
  const byPerformance = [...results].sort((a, b) => score(a.categories.performance.score) - score(b.categories.performance.score));
  const median = byPerformance[Math.floor((byPerformance.length - 1) / 2)]!;
  const metric = (id: string) => median.audits[id]?.displayValue ?? "?";
  return {
    name,
    sitePath,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(median.categories[c].score)])) as Record<Category, number>,
    performanceRuns: results.map((r) => score(r.categories.performance.score)),
    metrics: {
      fcp: metric("first-contentful-paint"),
      lcp: metric("largest-contentful-paint"),
      tbt: metric("total-blocking-time"),
      cls: metric("cumulative-layout-shift"),
      si: metric("speed-index"),
    },
    losses: lostPoints(median),
    warnings: median.runWarnings,
    lighthouseVersion: median.lighthouseVersion,
  };
}

export function passes(page: PageAudit): boolean {
  return CATEGORIES.every((c) => page.scores[c] >= THRESHOLDS[c]);
}

/** `Chromium 156.0.8078.108 (Debian)` from `chromium --version`. */
export function chromiumVersion(): string {
  const result = spawnSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8" });
  const version = /Chromium [\d.]+/.exec(result.stdout)?.[0];
  return version ? `${version}${/Debian/.test(result.stdout) ? " (Debian)" : ""}` : result.stdout.trim() || "Chromium (unknown version)";
}

/** The BENCHMARKS.md section (without markers). */
export function lighthouseSection(pages: PageAudit[], info: { date: string; chromium: string; runs: number }): string {
  const cell = (page: PageAudit, c: Category) => {
    const ok = page.scores[c] >= THRESHOLDS[c] ? "" : " ✗";
    const spread =
      c === "performance" && page.performanceRuns.length > 1
        ? ` (${Math.min(...page.performanceRuns)}–${Math.max(...page.performanceRuns)})`
        : "";
    return `${page.scores[c]}${spread}${ok}`;
  };
  const lines = [
    "## Lighthouse (`npm run audit`)",
    "",
    `Measured ${info.date} with Lighthouse ${pages[0]?.lighthouseVersion ?? "?"} and ${info.chromium} (headless), Lighthouse's mobile defaults`,
    `(emulated phone, simulated slow 4G and 4× CPU slowdown), over the sample site (\`content/\`) built with`,
    `\`CHAPAR_NOW=${FIXED_NOW}\` and served on 127.0.0.1 by the test harness's static server with the site's \`_headers\``,
    `(no compression). ${info.runs} run${info.runs === 1 ? "" : "s"} per page; the run with the median Performance score counts (the range of all runs in brackets).`,
    "",
    `| page | ${CATEGORIES.map((c) => LABELS[c]).join(" | ")} | FCP | LCP | TBT | CLS | Speed Index |`,
    `|---|${CATEGORIES.map(() => "---:").join("|")}|---:|---:|---:|---:|---:|`,
    ...pages.map(
      (p) =>
        `| ${p.name} \`${p.sitePath}\` | ${CATEGORIES.map((c) => cell(p, c)).join(" | ")} | ${p.metrics.fcp} | ${p.metrics.lcp} | ${p.metrics.tbt} | ${p.metrics.cls} | ${p.metrics.si} |`,
    ),
    "",
    `Thresholds: ${CATEGORIES.map((c) => `${LABELS[c]} ≥ ${THRESHOLDS[c]}`).join(", ")} — ${pages.every(passes) ? "all met ✓" : "**not met** ✗"}.`,
  ];
  const losses = pages.flatMap((p) => p.losses.map((l) => `- ${p.name}: ${l}`));
  if (losses.length > 0) lines.push("", "Points lost:", "", ...losses);
  return lines.join("\n");
}

/** Replaces the text between the markers (or appends the marked section), leaving the rest of the file as it was. */
export function replaceSection(previous: string, section: string): string {
  const block = `${MARK_START}\n${section}\n${MARK_END}`;
  const start = previous.indexOf(MARK_START);
  const end = previous.indexOf(MARK_END);
  if (start >= 0 && end > start) return previous.slice(0, start) + block + previous.slice(end + MARK_END.length);
  return `${previous.trimEnd()}\n\n${block}\n`;
}

async function main(): Promise<void> {
  const { values } = readCommandArgs(AUDIT_COMMAND);
  const runs = Number(values.runs ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer: ${values.runs}`);
  const write = values.write !== false;

  ensureSystemDeps(["chromium"]);
  console.log("Building the sample site…");
  const sample = buildSampleSite();
  const release = sample.pageTypes.find((p) => p.name === "release")!;
  const pages = [
    { name: "release", sitePath: release.path },
    { name: "home", sitePath: "/" },
    { name: "archive", sitePath: "/archive/" },
  ];
  const workDir = tempDir("chapar-audit-");
  const site = await serveStatic(sample.out, { headersFile: true });
  const audits: PageAudit[] = [];
  try {
    for (const page of pages) {
      console.log(`Lighthouse: ${page.name} ${site.url(page.sitePath)}`);
      audits.push(await auditPage(page.name, site.url(page.sitePath), page.sitePath, runs, workDir));
    }
  } finally {
    await site.close();
    rmSync(workDir, { recursive: true, force: true });
    rmSync(path.dirname(sample.out), { recursive: true, force: true });
  }

  const section = lighthouseSection(audits, { date: new Date().toISOString().slice(0, 10), chromium: chromiumVersion(), runs });
  console.log(`\n${section}\n`);
  for (const page of audits) for (const warning of page.warnings) console.log(`warning (${page.name}): ${warning}`);

  if (write) {
    const file = path.join(ROOT, "BENCHMARKS.md");
    // Read just before writing: another script keeps its own section in the same file.
    const previous = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
    writeFileSync(file, replaceSection(previous, section));
    console.log(`written to ${path.relative(process.cwd(), file)}`);
  }
  if (!audits.every(passes)) {
    console.error("Lighthouse thresholds not met (see the points lost above).");
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
