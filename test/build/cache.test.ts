/**
 * The persistent build cache (lib/cache/cache.ts) and the kept search bundle (lib/cache/search-index.ts)
 * can never serve stale output: a build with a warm cache is byte-identical to a build without any
 * cache, after editing a release, a data file or a setting; an edit changes the pages it should and
 * leaves the others; changing code (a layout) empties the cache.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { buildOk, copyFixture, listOutput, ROOT, tempDir } from "../helpers/build.ts";

function digest(dir: string): Map<string, string> {
  return new Map(listOutput(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

function timings(stderr: string): { cacheHits: number; cacheMisses: number } {
  const line = /chapar-timings (\{.*\})/.exec(stderr)?.[1];
  assert.ok(line, `the build reports its timings:\n${stderr}`);
  return JSON.parse(line) as { cacheHits: number; cacheMisses: number };
}

/** Builds `content` twice — with the given cache folder, and with no cache at all — and checks both agree. */
function buildBothWays(content: string, cacheDir: string): { out: string; hits: number; misses: number } {
  const cached = buildOk(content, { env: { CHAPAR_CACHE_DIR: cacheDir, CHAPAR_TIMINGS: "1" } });
  const fresh = buildOk(content, { env: { CHAPAR_CACHE: "off" } });
  const a = digest(fresh.out);
  const b = digest(cached.out);
  assert.deepEqual([...b.keys()], [...a.keys()], "the same files with and without the cache");
  for (const [file, text] of a) assert.equal(b.get(file), text, `${file} is the same with and without the cache`);
  const { cacheHits, cacheMisses } = timings(cached.stderr);
  return { out: cached.out, hits: cacheHits, misses: cacheMisses };
}

function changedFiles(before: string, after: string): Set<string> {
  const a = digest(before);
  const b = digest(after);
  const changed = new Set<string>();
  for (const file of new Set([...a.keys(), ...b.keys()])) if (a.get(file) !== b.get(file)) changed.add(file);
  return changed;
}

test("a warm build is byte-identical to a build without cache, and edits are never served stale", () => {
  const content = copyFixture("basic");
  const cacheDir = path.join(tempDir(), "cache");

  const first = buildBothWays(content, cacheDir);
  assert.equal(first.hits, 0, "an empty cache has nothing to give");
  assert.ok(first.misses > 0);
  const warm = buildBothWays(content, cacheDir);
  assert.equal(warm.misses, 0, "an unchanged site is served from the cache");
  assert.ok(warm.hits > 0);
  assert.equal(changedFiles(first.out, warm.out).size, 0);

  // Edit one release's title: only it is parsed again, and the pages that show it change.
  const spring = path.join(content, "releases/1401/spring.md");
  writeFileSync(spring, readFileSync(spring, "utf8").replace('title: "نمایشگاه بهاری"', 'title: "نمایشگاه بهاری تازه"'));
  const edited = buildBothWays(content, cacheDir);
  assert.equal(edited.misses, 2, "one release file: its parse and its check");
  const changed = changedFiles(warm.out, edited.out);
  assert.ok(
    [...changed].some((f) => /^1401\/02\/spring\/index\.html$/.test(f)),
    "its page changed",
  );
  assert.ok(
    changed.has("category/culture/index.html") || [...changed].some((f) => f.startsWith("category/culture/")),
    "its category list changed",
  );
  assert.ok(
    changed.has("feed.xml") || changed.has("feed.json") || [...changed].some((f) => f.startsWith("archive/")),
    "lists or feeds that show it changed",
  );
  assert.ok(
    [...changed].some((f) => f.startsWith("pagefind/")),
    "the search index was rebuilt",
  );
  assert.ok(!changed.has("404.html"), "a page that doesn't show it did not change");

  // Edit a data file (a category's name): the cache key changes, everything is recomputed.
  const categories = path.join(content, "_data/categories.json");
  writeFileSync(categories, readFileSync(categories, "utf8").replace('"name": "فرهنگی"', '"name": "فرهنگ و هنر"'));
  const data = buildBothWays(content, cacheDir);
  assert.equal(data.hits, 0, "a data file change empties the cache");
  assert.ok([...changedFiles(edited.out, data.out)].some((f) => f.startsWith("category/culture/")));

  // Edit a setting (site.json): the same.
  const site = path.join(content, "_data/site.json");
  writeFileSync(site, readFileSync(site, "utf8").replace('"pageSize": 2', '"pageSize": 3'));
  const setting = buildBothWays(content, cacheDir);
  assert.equal(setting.hits, 0, "a setting change empties the cache");
  assert.ok(changedFiles(data.out, setting.out).has("index.html"));

  // Back to warm.
  assert.equal(buildBothWays(content, cacheDir).misses, 0);
});

test("a new release is picked up, a removed one disappears, with a warm cache", () => {
  const content = copyFixture("basic");
  const cacheDir = path.join(tempDir(), "cache");
  const before = buildBothWays(content, cacheDir);
  writeFileSync(
    path.join(content, "releases/1401/added.md"),
    '---\ntitle: "خبر افزوده"\ndate: "1401-03-01"\ncategory: education\n---\nمتن خبر افزوده.\n',
  );
  const added = buildBothWays(content, cacheDir);
  assert.ok(listOutput(added.out).includes("1401/03/added/index.html"));
  assert.ok(!listOutput(before.out).includes("1401/03/added/index.html"));
});

test("changing code empties the cache: the key covers layouts (a copy of the project, not the real one)", () => {
  // A minimal project copy whose layouts/ can be edited without touching the real one.
  const root = path.join(tempDir(), "project");
  for (const p of ["lib", "layouts", "assets", "scripts"]) cpSync(path.join(ROOT, p), path.join(root, p), { recursive: true });
  for (const f of ["package.json", "package-lock.json", "tsconfig.json", "eleventy.config.ts"])
    cpSync(path.join(ROOT, f), path.join(root, f));
  const content = copyFixture("basic");
  const cacheDir = path.join(tempDir(), "cache");
  mkdirSync(cacheDir, { recursive: true });
  const probe = `
    import { buildCache, saveBuildCaches } from ${JSON.stringify(path.join(ROOT, "lib/cache/cache.ts"))};
    const cache = buildCache(${JSON.stringify(content)}, { root: ${JSON.stringify(root)}, dir: ${JSON.stringify(cacheDir)}, enabled: true });
    cache.begin();
    cache.memo("probe", "key", () => 42);
    saveBuildCaches();
    console.log(JSON.stringify({ hits: cache.stats.hits, misses: cache.stats.misses }));
  `;
  const run = () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", probe], { cwd: ROOT, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as { hits: number; misses: number };
  };
  assert.deepEqual(run(), { hits: 0, misses: 1 });
  assert.deepEqual(run(), { hits: 1, misses: 0 });
  const base = path.join(root, "layouts/base.ts");
  writeFileSync(base, `${readFileSync(base, "utf8")}\n// a changed layout\n`);
  assert.deepEqual(run(), { hits: 0, misses: 1 }, "a layout edit empties the cache");
  assert.deepEqual(run(), { hits: 1, misses: 0 });
  const css = path.join(root, "assets/css", "main.css");
  if (existsSync(css)) {
    writeFileSync(css, `${readFileSync(css, "utf8")}\n/* changed */\n`);
    assert.deepEqual(run(), { hits: 0, misses: 1 }, "an asset edit empties the cache");
  }
});

test("CHAPAR_CACHE=off reads and writes no cache; a damaged cache file is an empty cache", () => {
  const content = copyFixture("basic");
  const cacheDir = path.join(tempDir(), "cache");
  buildOk(content, { env: { CHAPAR_CACHE: "off", CHAPAR_CACHE_DIR: cacheDir } });
  assert.equal(existsSync(cacheDir), false, "nothing written");

  const first = buildOk(content, { env: { CHAPAR_CACHE_DIR: cacheDir } });
  const [folder] = listOutput(cacheDir).filter((f) => f.endsWith("memo.v8"));
  assert.ok(folder, "a memo file was written");
  writeFileSync(path.join(cacheDir, folder), "not a cache");
  const damaged = buildOk(content, { env: { CHAPAR_CACHE_DIR: cacheDir, CHAPAR_TIMINGS: "1" } });
  assert.equal(timings(damaged.stderr).cacheHits, 0);
  assert.equal(changedFiles(first.out, damaged.out).size, 0);
});
