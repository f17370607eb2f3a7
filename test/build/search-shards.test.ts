/**
 * The search index's shards (lib/features/search-shards.ts, lib/cache/search-shard-store.ts): with a
 * warm cache, a build indexes only the Jalali years whose pages changed — a new release, an edit, a
 * deletion, a draft turned public — and its search bundle is byte-identical to a build without any
 * cache. A damaged shard in the cache (truncated, one byte changed, its seal gone) is found, indexed
 * again and reported, never published.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { buildOk, copyFixture, listOutput, tempDir } from "../helpers/build.ts";

interface ShardTimings {
  searchShards: number;
  searchShardsIndexed: number;
  searchPagesNotNeeded: number;
}

function timings(stderr: string): ShardTimings {
  const line = /chapar-timings (\{.*\})/.exec(stderr)?.[1];
  assert.ok(line, `the build reports its timings:\n${stderr}`);
  return JSON.parse(line) as ShardTimings;
}

/** The shard store of the one content folder built with `cacheDir`. */
function store(cacheDir: string): string {
  const [folder] = readdirSync(cacheDir).filter((f) => existsSync(path.join(cacheDir, f, "search")));
  assert.ok(folder, "a search store was written");
  return path.join(cacheDir, folder, "search");
}

/** Each stored shard's key (the name of its sealed bundle). */
function storedKeys(cacheDir: string): Map<string, string> {
  const dir = store(cacheDir);
  const keys = new Map<string, string>();
  for (const shard of readdirSync(dir)) {
    const seals = readdirSync(path.join(dir, shard)).filter((f) => f.endsWith(".json"));
    assert.equal(seals.length, 1, `one bundle kept for ${shard}: ${seals.join(" ")}`);
    keys.set(shard, seals[0]!.replace(/\.json$/, ""));
  }
  return keys;
}

function bundle(out: string): Map<string, Buffer> {
  const dir = path.join(out, "pagefind");
  return new Map(listOutput(dir).map((f) => [f, readFileSync(path.join(dir, f))]));
}

function assertSameBundle(expected: string, actual: string, what: string): void {
  const a = bundle(expected);
  const b = bundle(actual);
  assert.deepEqual([...b.keys()], [...a.keys()], `${what}: the same files in the search bundle`);
  for (const [file, bytes] of a) assert.ok(b.get(file)?.equals(bytes), `${what}: ${file} is the same as without a cache`);
}

const env = (cacheDir: string) => ({ CHAPAR_CACHE_DIR: cacheDir, CHAPAR_TIMINGS: "1" });

/** Builds with the cache and without any, checks both bundles agree and returns which shards were indexed (their key changed). */
function rebuild(
  content: string,
  cacheDir: string,
  what: string,
): { indexed: string[]; count: number; notNeeded: number; stderr: string; out: string } {
  const before = existsSync(cacheDir) && readdirSync(cacheDir).length > 0 ? storedKeys(cacheDir) : new Map<string, string>();
  const warm = buildOk(content, { env: env(cacheDir) });
  const cold = buildOk(content, { env: { CHAPAR_CACHE: "off" } });
  assertSameBundle(cold.out, warm.out, what);
  const after = storedKeys(cacheDir);
  const indexed = [...after].filter(([shard, key]) => before.get(shard) !== key).map(([shard]) => shard);
  const { searchShards, searchShardsIndexed, searchPagesNotNeeded } = timings(warm.stderr);
  assert.equal(searchShards, after.size, `${what}: one stored bundle per shard`);
  return { indexed: indexed.sort(), count: searchShardsIndexed, notNeeded: searchPagesNotNeeded, stderr: warm.stderr, out: warm.out };
}

const release = (title: string, date: string) => `---\ntitle: "${title}"\ndate: "${date}"\ncategory: education\n---\nمتن ${title}.\n`;

describe("search shards with a warm cache", () => {
  test("only the years whose pages changed are indexed, and the bundle is the one a cold build makes", () => {
    const content = copyFixture("basic");
    const cacheDir = path.join(tempDir(), "cache");

    const first = rebuild(content, cacheDir, "first build");
    assert.deepEqual(first.indexed, ["1401", "1402", "1403"]);
    assert.equal(first.count, 3);
    const form = readFileSync(path.join(first.out, "search/index.html"), "utf8");
    assert.match(form, /data-pagefind-shards="1403 1402 1401"/);

    const same = rebuild(content, cacheDir, "nothing changed");
    assert.deepEqual(same.indexed, []);
    assert.equal(same.count, 0, "every shard copied from the cache");
    // Found by the fingerprints of their pages' inputs: no release page had to be rendered for the search step.
    assert.equal(first.notNeeded, 0);
    assert.ok(same.notNeeded > 0, "the unchanged shards' pages are not needed");

    writeFileSync(path.join(content, "releases/1401/added.md"), release("خبر افزوده", "1401-03-01"));
    const added = rebuild(content, cacheDir, "a new release");
    assert.deepEqual(added.indexed, ["1401"]);
    assert.equal(added.count, 1);
    assert.ok(added.notNeeded > 0 && added.notNeeded < same.notNeeded, "only the changed year's pages are rendered for the search step");

    // A release in a year the site didn't have: a new shard, which becomes the first (the WebAssembly moves with it).
    writeFileSync(path.join(content, "releases/1403/newest.md"), release("تازه‌ترین خبر", "1404-02-01"));
    const newYear = rebuild(content, cacheDir, "a release in a new year");
    assert.deepEqual(newYear.indexed, ["1404"]);
    assert.equal(newYear.count, 1);
    assert.match(readFileSync(path.join(newYear.out, "search/index.html"), "utf8"), /data-pagefind-shards="1404 1403 1402 1401"/);
    assert.ok(listOutput(path.join(newYear.out, "pagefind")).some((f) => /^1404\/wasm\.[a-z]+\.pagefind$/.test(f)));

    const nowruz = path.join(content, "releases/1403/nowruz.md");
    writeFileSync(nowruz, readFileSync(nowruz, "utf8").replace('title: "پیام نوروزی"', 'title: "پیام نوروزی (اصلاحیه)"'));
    const corrected = rebuild(content, cacheDir, "a correction to an old release");
    assert.deepEqual(corrected.indexed, ["1403"]);

    unlinkSync(path.join(content, "releases/1401/autumn.md"));
    const deleted = rebuild(content, cacheDir, "a deletion");
    assert.deepEqual(deleted.indexed, ["1401"]);

    const draft = path.join(content, "releases/1403/draft.md");
    writeFileSync(draft, readFileSync(draft, "utf8").replace(/^draft: true\n/m, ""));
    const published = rebuild(content, cacheDir, "a draft turned public");
    assert.deepEqual(published.indexed, ["1403"]);

    // Every release of a year gone: its shard leaves the site and the store.
    unlinkSync(path.join(content, "releases/1403/last-night.md"));
    const yearGone = rebuild(content, cacheDir, "a year without releases");
    assert.deepEqual(yearGone.indexed, []);
    assert.equal(yearGone.count, 0, "the neighbours' new links are outside the indexed part of their pages");
    assert.deepEqual([...storedKeys(cacheDir).keys()].sort(), ["1401", "1403", "1404"]);
    assert.ok(!existsSync(path.join(yearGone.out, "pagefind/1402")));
  });
});

describe("a damaged shard in the cache", () => {
  const damages: [string, (folder: string, seal: string) => void][] = [
    [
      "a truncated file",
      (folder) => {
        const [file] = listOutput(folder).filter((f) => f.endsWith(".pf_index"));
        truncateSync(path.join(folder, file!), 7);
      },
    ],
    [
      "one byte changed",
      (folder) => {
        const [file] = listOutput(folder).filter((f) => f.endsWith(".pf_fragment"));
        const bytes = readFileSync(path.join(folder, file!));
        const at = bytes.length - 3;
        bytes[at] = bytes[at]! ^ 0x01;
        writeFileSync(path.join(folder, file!), bytes);
      },
    ],
    ["its seal missing", (_folder, seal) => rmSync(seal)],
  ];
  for (const [damage, harm] of damages) {
    test(`${damage}: found, indexed again, reported, and the site gets the right bundle`, () => {
      const content = copyFixture("basic");
      const cacheDir = path.join(tempDir(), "cache");
      const first = buildOk(content, { env: env(cacheDir) });
      const key = storedKeys(cacheDir).get("1401")!;
      const folder = path.join(store(cacheDir), "1401", key);
      harm(folder, `${folder}.json`);

      const again = buildOk(content, { env: env(cacheDir) });
      assertSameBundle(first.out, again.out, damage);
      assert.equal(timings(again.stderr).searchShardsIndexed, 1, "only the damaged shard is indexed again");
      assert.match(
        again.stderr,
        new RegExp(
          `^نمایه‌ی جست‌وجوی ذخیره‌شده‌ی سال 1401 ناقص یا خراب بود؛ کنار گذاشته شد و از نو ساخته شد: ${path.join(store(cacheDir), "1401")}$`,
          "m",
        ),
      );
      // Repaired: the next build copies it and has nothing to say.
      const third = buildOk(content, { env: env(cacheDir) });
      assert.equal(timings(third.stderr).searchShardsIndexed, 0);
      assert.doesNotMatch(third.stderr, /نمایه‌ی جست‌وجوی ذخیره‌شده/);
      assertSameBundle(first.out, third.out, `${damage}, repaired`);
    });
  }
});
