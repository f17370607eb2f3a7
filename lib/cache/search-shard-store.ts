/**
 * The search index's shards, kept between builds (lib/features/search-worker.ts uses this module).
 * Each shard's Pagefind bundle is stored under its name and the key of what it was made from
 * (`<store>/<shard>/<key>/`), sealed by a manifest of its files' sizes and digests
 * (`<store>/<shard>/<key>.json`, lib/cache/integrity.ts). A stored bundle reaches the site only
 * through `takeShard`, which checks every file's bytes as it copies them: a truncated, garbled,
 * half-copied or unsealed bundle is never published, but indexed again.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { filesUnder, sealFolder, sealOf, type FolderManifest } from "./integrity.ts";

/** Where the bundle of `shard` made from `key` is kept, and its seal. */
export function shardEntry(store: string, shard: string, key: string): { folder: string; seal: string } {
  const folder = path.join(store, shard, key);
  return { folder, seal: `${folder}.json` };
}

/**
 * Copies the stored bundle of `shard` made from `key` into `into`, checking each file against its
 * seal before it is written. `missing`: nothing stored for that key; `damaged`: something stored that
 * doesn't match its seal (removed from the store, and nothing is left in `into`); `copied`: done.
 */
export function takeShard(store: string, shard: string, key: string, into: string): "copied" | "missing" | "damaged" {
  const { folder, seal } = shardEntry(store, shard, key);
  if (!existsSync(folder) && !existsSync(seal)) return "missing";
  const copied = (() => {
    try {
      const manifest = JSON.parse(readFileSync(seal, "utf8")) as FolderManifest;
      const names = Object.keys(manifest);
      // A file added beside the sealed ones is damage too (it would not be copied, but something changed the folder).
      if (filesUnder(folder).length !== names.length) return false;
      const made = new Set<string>();
      for (const name of names) {
        const expected = manifest[name];
        const bytes = readFileSync(path.join(folder, name));
        const actual = sealOf(bytes);
        if (typeof expected !== "object" || expected === null || actual.bytes !== expected.bytes || actual.digest !== expected.digest)
          return false;
        const target = path.join(into, name);
        const dir = path.dirname(target);
        if (!made.has(dir)) mkdirSync(dir, { recursive: true });
        made.add(dir);
        writeFileSync(target, bytes);
      }
      return true;
    } catch {
      return false;
    }
  })();
  if (copied) return "copied";
  rmSync(into, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
  rmSync(seal, { force: true });
  return "damaged";
}

/**
 * Keeps the bundle in `from` as `shard`'s bundle for `key`, replacing the shard's older ones (one
 * per shard: an older bundle can't match again unless its pages come back exactly). The bundle is
 * renamed into place first and its seal last, so a bundle without a seal (a killed build) is never used.
 */
export function keepShard(store: string, shard: string, key: string, from: string): void {
  const { folder, seal } = shardEntry(store, shard, key);
  const shardDir = path.dirname(folder);
  mkdirSync(shardDir, { recursive: true });
  const temp = `${folder}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  cpSync(from, temp, { recursive: true });
  sealFolder(temp, `${temp}.json`);
  for (const old of readdirSync(shardDir))
    if (old !== path.basename(temp) && old !== `${path.basename(temp)}.json`)
      rmSync(path.join(shardDir, old), { recursive: true, force: true });
  renameSync(temp, folder);
  renameSync(`${temp}.json`, seal);
}

/** Removes stored shards that the site no longer has (a year whose releases were all deleted), and anything else in the store. */
export function pruneShards(store: string, shards: ReadonlySet<string>): void {
  if (!existsSync(store)) return;
  for (const name of readdirSync(store)) if (!shards.has(name)) rmSync(path.join(store, name), { recursive: true, force: true });
}

/**
 * The second way to find a shard's bundle: by the fingerprints of its pages' inputs (the page
 * reuse's, lib/cache/page-reuse.ts) instead of by its documents, so that a build whose release pages
 * of a year are unchanged needs neither to render them nor to index them. `<store>/<shard>/inputs.key`
 * names the documents' key the inputs last gave; a wrong or damaged one only costs a miss (the bundle
 * itself is still checked against its seal as it is copied). `keepShard` removes it with the old bundle.
 */
export function shardKeyOfInputs(store: string, shard: string, inputsKey: string): string | undefined {
  try {
    const alias = JSON.parse(readFileSync(path.join(store, shard, "inputs.key"), "utf8")) as { inputs?: unknown; key?: unknown };
    return alias.inputs === inputsKey && typeof alias.key === "string" && /^[A-Za-z0-9_-]+$/.test(alias.key) ? alias.key : undefined;
  } catch {
    return undefined;
  }
}

/** Records that pages with the fingerprints `inputsKey` make the shard's bundle of documents key `key`. */
export function rememberShardInputs(store: string, shard: string, inputsKey: string, key: string): void {
  const file = path.join(store, shard, "inputs.key");
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ inputs: inputsKey, key }));
  renameSync(temporary, file);
}
