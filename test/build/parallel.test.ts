/**
 * The check on two cores (lib/parallel/parallel-check.ts) gives the same site and the same messages as on one,
 * on a generated corpus (scripts/gen-corpus.ts), with the helper forced on (`CHAPAR_THREADS=2`).
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { generateCorpus } from "../../scripts/gen-corpus.ts";
import { build, buildOk, listOutput, tempDir } from "../helpers/build.ts";

function digest(dir: string): Map<string, string> {
  return new Map(listOutput(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

const helperShare = (stderr: string) =>
  (JSON.parse(/chapar-timings (\{.*\})/.exec(stderr)![1]!) as { fromHelperThread: number }).fromHelperThread;

test("two threads build the same site as one", () => {
  const content = path.join(tempDir(), "corpus");
  generateCorpus({ count: 600, out: content, seed: 7, firstYear: 1395 });
  const env = { CHAPAR_CACHE: "off", CHAPAR_SEARCH: "off", CHAPAR_TIMINGS: "1", CHAPAR_THREADS: "2" };
  const two = buildOk(content, { env });
  const one = buildOk(content, { env: { ...env, CHAPAR_THREADS: "1" } });
  assert.ok(helperShare(two.stderr) > 0, "the helper thread did part of the work");
  assert.equal(helperShare(one.stderr), 0);
  const a = digest(one.out);
  const b = digest(two.out);
  assert.deepEqual([...b.keys()], [...a.keys()]);
  for (const [file, text] of a) assert.equal(b.get(file), text, file);
  const report = (stdout: string) => stdout.split("\n").filter((line) => line.startsWith("  "));
  assert.deepEqual(report(two.stdout), report(one.stdout), "the same report of withheld releases");
});

test("the main thread keys the helper's files by the hashes the helper read: a cache they fill serves every file", () => {
  const content = path.join(tempDir(), "corpus");
  generateCorpus({ count: 600, out: content, seed: 9, firstYear: 1395 });
  const cacheDir = tempDir();
  const env = { CHAPAR_SEARCH: "off", CHAPAR_TIMINGS: "1", CHAPAR_CACHE_DIR: cacheDir };
  const two = buildOk(content, { env: { ...env, CHAPAR_THREADS: "2" } });
  assert.ok(helperShare(two.stderr) > 0, "the helper thread did part of the work");
  const again = buildOk(content, { env: { ...env, CHAPAR_THREADS: "1" } });
  const stats = JSON.parse(/chapar-timings (\{.*\})/.exec(again.stderr)![1]!) as { cacheHits: number; cacheMisses: number };
  assert.equal(stats.cacheMisses, 0, "every file's entries were stored under its real hash");
  assert.ok(stats.cacheHits >= 1200, String(stats.cacheHits));
  const a = digest(two.out);
  for (const [file, text] of digest(again.out)) assert.equal(a.get(file), text, file);
});

test("errors found by the helper thread are reported as on one thread", () => {
  const content = path.join(tempDir(), "corpus");
  generateCorpus({ count: 600, out: content, seed: 8, firstYear: 1395 });
  // The last files are the helper's: break one of them and one of the main thread's.
  const late = path.join(content, "releases/1404/00599-barnameh.md");
  const early = path.join(content, "releases/1395/00002-barnameh.md");
  for (const file of [late, early]) {
    const existing = listOutput(path.dirname(file)).find((f) => f.startsWith(path.basename(file).slice(0, 6)))!;
    const real = path.join(path.dirname(file), existing);
    writeFileSync(real, readFileSync(real, "utf8").replace(/^category: .*$/m, "category: nosuchcategory"));
  }
  const two = build(content, { env: { CHAPAR_CACHE: "off", CHAPAR_SEARCH: "off", CHAPAR_THREADS: "2" } });
  const one = build(content, { env: { CHAPAR_CACHE: "off", CHAPAR_SEARCH: "off", CHAPAR_THREADS: "1" } });
  assert.notEqual(two.code, 0);
  assert.equal(two.stderr, one.stderr, "the same Persian messages, in the same order");
  assert.match(two.stderr, /nosuchcategory/);
});

test("below the threshold no helper starts, and the assets' keys aren't even computed; from it, a helper that builds the stylesheet first still checks, and finish() waits for it", async () => {
  const content = path.join(tempDir(), "corpus");
  generateCorpus({ count: 30, out: content, seed: 9, firstYear: 1403 });
  const { startParallelCheck } = await import("../../lib/parallel/parallel-check.ts");
  const { buildCache } = await import("../../lib/cache/cache.ts");
  const { checkSite } = await import("../../lib/content/check.ts");
  const previous = process.env.CHAPAR_THREADS;
  delete process.env.CHAPAR_THREADS;
  try {
    buildCache(content, { enabled: false });
    let asked = 0;
    const counted = () => {
      asked++;
      return false;
    };
    assert.equal(startParallelCheck(content, { minimumFiles: 31, assetsBuilt: counted }), undefined, "fewer files: no helper");
    assert.equal(asked, 0, "and the assets' keys aren't computed");
    const parallel = startParallelCheck(content, { minimumFiles: 1, assetsBuilt: counted });
    assert.ok(parallel, "a helper was started");
    assert.equal(asked, 1);
    const result = checkSite({ contentDir: content });
    assert.equal(result.errors.length, 0);
    await parallel.finish();
  } finally {
    if (previous !== undefined) process.env.CHAPAR_THREADS = previous;
  }
});

test("a helper thread that runs out of memory is abandoned: the main thread checks the rest, with the same result", async () => {
  const { startParallelCheck } = await import("../../lib/parallel/parallel-check.ts");
  const { buildCache } = await import("../../lib/cache/cache.ts");
  const { checkSite } = await import("../../lib/content/check.ts");
  const root = tempDir();
  const checkOf = (content: string, helper: boolean) => {
    buildCache(content, { enabled: false });
    const parallel = helper ? startParallelCheck(content, { minimumFiles: 1, warmAssets: false, helperHeapMb: 2 }) : undefined;
    return { parallel, result: checkSite({ contentDir: content }) };
  };
  const previous = process.env.CHAPAR_THREADS;
  delete process.env.CHAPAR_THREADS;
  try {
    const a = path.join(root, "a");
    const b = path.join(root, "b");
    generateCorpus({ count: 120, out: a, seed: 10, firstYear: 1403 });
    generateCorpus({ count: 120, out: b, seed: 10, firstYear: 1403 });
    const withHelper = checkOf(a, true);
    assert.ok(withHelper.parallel, "a helper was started");
    await withHelper.parallel.finish();
    const alone = checkOf(b, false);
    const summary = (r: typeof alone.result) => ({
      releases: r.content?.releases.map((x) => [x.file, x.url, x.html.length]),
      errors: r.errors.map((e) => e.message),
      warnings: r.warnings.map((w) => `${w.file}:${w.line}:${w.message}`),
    });
    assert.deepEqual(summary(withHelper.result), summary(alone.result));
  } finally {
    if (previous !== undefined) process.env.CHAPAR_THREADS = previous;
  }
});
