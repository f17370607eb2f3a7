/**
 * Chapar's persistent build cache: a memo for pure, expensive per-file work (parsing, validating and
 * rendering a release; linting it), kept between builds in `.cache/chapar/<content folder>/memo.v8`.
 *
 * Never stale, by construction:
 * - an entry's key holds the hash of everything its value is computed from that is not code or data:
 *   the file's bytes and its path (callers put them in the key);
 * - the whole cache is keyed by the code and settings that shape any value: every file under lib/,
 *   layouts/, assets/ and scripts/, eleventy.config.ts, package.json, package-lock.json,
 *   tsconfig.json, every file in the content folder's `_data/`, and Node's, ICU's and tzdata's
 *   versions. Change any of them and the cache starts empty.
 * - only pure work is memoized; anything that looks at other files (images, attachments, links to
 *   other releases, duplicate URLs) runs on every build.
 * Entries not used by a build are dropped when it saves, so the file holds the current site only.
 *
 * Never altered: every block of entries carries a digest that is checked before it is used
 * (lib/cache/memo-file.ts); a damaged block, or a truncated or garbled file, is a miss — computed again,
 * and the build says so — never output.
 *
 * `CHAPAR_CACHE=off` turns it off (no read, no write); `CHAPAR_CACHE_DIR` moves it. Both hold for the
 * release images' renditions too, kept in the content folder's cache folder (`imageFolder`).
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { blockDigest, blockIntact, decodeMemoFile, encodeMemoFile, type MemoBlock } from "./memo-file.ts";

export interface CacheOptions {
  /** Off: every `memo` computes, nothing is read or written. `CHAPAR_CACHE=off` turns it off. */
  enabled: boolean;
  /** Folder of the caches (one sub-folder per content folder): `CHAPAR_CACHE_DIR`, default `.cache/chapar`. */
  dir: string;
  /** The project whose code keys the cache. */
  root: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function cacheDefaults(env: NodeJS.ProcessEnv = process.env): CacheOptions {
  return {
    enabled: env.CHAPAR_CACHE !== "off",
    dir: path.resolve(env.CHAPAR_CACHE_DIR || path.join(ROOT, ".cache/chapar")),
    root: ROOT,
  };
}

/** Version of the cache file's layout; bump when the stored shape of any namespace changes meaning. */
const FORMAT = 2;
/** Entries per block of the memo file (lib/cache/memo-file.ts). */
const BLOCK_SIZE = 256;
const CODE_PATHS = ["lib", "layouts", "assets", "scripts", "eleventy.config.ts", "package.json", "package-lock.json", "tsconfig.json"];

// Copies of one empty hash: Node 20's createHash() checks a deprecation option on every call (~60 µs,
// 0.6 s over 10,000 files in a profile); a copy skips that check.
const emptySha1 = createHash("sha1");

/** SHA-1 of bytes, as a short printable key. */
export function contentHash(bytes: Buffer | string): string {
  return emptySha1.copy().update(bytes).digest("base64url");
}

function hashTree(hash: ReturnType<typeof createHash>, absolute: string, label: string): void {
  if (!existsSync(absolute)) return;
  if (statSync(absolute).isDirectory()) {
    for (const name of readdirSync(absolute).sort()) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      hashTree(hash, path.join(absolute, name), `${label}/${name}`);
    }
  } else {
    hash.update(`\0${label}\0`).update(readFileSync(absolute));
  }
}

const codeHashes = new Map<string, string>();
/** The code's hash, once per process: the modules loaded are the ones read at the first call. */
function codeHash(root: string): string {
  let hash = codeHashes.get(root);
  if (hash === undefined) {
    const h = createHash("sha1").update(
      `chapar-cache-${FORMAT}\0${JSON.stringify([process.versions.node, process.versions.icu, process.versions.tz, process.versions.unicode])}`,
    );
    for (const p of CODE_PATHS) hashTree(h, path.join(root, p), p);
    codeHashes.set(root, (hash = h.digest("base64url")));
  }
  return hash;
}

export interface CacheStats {
  /** Values found in the persistent cache. */
  hits: number;
  /** Values computed by this thread. */
  misses: number;
  /** Values computed by a helper thread of this build. */
  shared: number;
}

/** Another thread computing part of a build's entries, and handing them over. */
export interface CacheHelper {
  /** Whether the entry with this key (it starts with a content file's path) is the helper's to compute. */
  owns(key: string): boolean;
  /** Waits for the helper's value of `id`; undefined if the helper failed or didn't compute it. */
  take(id: string): { value: unknown } | undefined;
  /**
   * The content hash of `file` (relative to the content folder) as the helper read it, when the file is
   * the helper's: waits for its parse (entries of namespace `namespace` are keyed `file\0hash…`).
   * Undefined when it isn't the helper's, or the helper failed.
   */
  hashOf(namespace: string, file: string): string | undefined;
}

export class BuildCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, shared: 0 };
  private entries = new Map<string, unknown>();
  /** The blocks of the file as read and found intact: written back as they are while all their entries are used. */
  private storedBlocks: MemoBlock[] = [];
  /** What was found damaged when the file was read (reported, and repaired, when the cache is saved). */
  private damage: { file: boolean; entries: number } = { file: false, entries: 0 };
  private used = new Set<string>();
  private loaded = false;
  private dirty = false;
  private key = "";

  constructor(
    readonly contentDir: string,
    readonly options: CacheOptions,
  ) {}

  get enabled(): boolean {
    return this.options.enabled;
  }

  /** This content folder's cache folder. */
  get folder(): string {
    return path.join(this.options.dir, contentHash(this.contentDir).slice(0, 16));
  }

  /**
   * Where this content folder's release images' renditions are kept (lib/features/images.ts). In the
   * content folder's own cache folder, like everything else: removed with it, and never touched by
   * builds of other content folders or of other checkouts sharing the cache folder (tests, CI).
   */
  get imageFolder(): string {
    return path.join(this.folder, "images");
  }

  /** The file this content folder's memo lives in. */
  get file(): string {
    return path.join(this.folder, "memo.v8");
  }

  /** The code + `_data` key this cache is valid for (other caches of this build key on it too). */
  get codeAndDataKey(): string {
    if (!this.loaded) this.ensureLoaded();
    return this.key;
  }

  /** The code's key alone (Chapar's files, package versions, Node/ICU/tzdata): for caches that `_data/` can't change. */
  get codeKey(): string {
    return codeHash(this.options.root);
  }

  /** Code + data key; data files are re-read each time (the dev server sees them change). */
  private currentKey(): string {
    const h = createHash("sha1").update(codeHash(this.options.root));
    hashTree(h, path.join(this.contentDir, "_data"), "_data");
    return h.digest("base64url");
  }

  /** (Re)reads the cache file if the code or data changed since it was last read. */
  private ensureLoaded(): void {
    const key = this.currentKey();
    if (this.loaded && key === this.key) return;
    this.key = key;
    this.loaded = true;
    this.entries = new Map();
    this.storedBlocks = [];
    this.damage = { file: false, entries: 0 };
    this.used = new Set();
    this.dirty = false;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return; // no cache yet
    }
    const stored = decodeMemoFile(bytes, FORMAT);
    if (stored === "damaged") {
      this.damage.file = true;
      this.dirty = true;
      return;
    }
    if (stored === "other-version" || stored.key !== key) return;
    for (const block of stored.blocks) {
      let values: unknown[] | undefined;
      try {
        if (blockIntact(block)) values = v8.deserialize(block.bytes) as unknown[];
      } catch {
        // A block that passes its digest but can't be read (a bug, not damage) is a miss all the same.
      }
      if (!Array.isArray(values) || values.length !== block.ids.length) {
        this.damage.entries += block.ids.length;
        this.dirty = true;
        continue;
      }
      for (const [i, id] of block.ids.entries()) this.entries.set(id, values[i]);
      this.storedBlocks.push(block);
    }
  }

  /** Starts a new build: data files are re-checked, and entries used from now on are the ones kept. */
  begin(): void {
    if (!this.enabled) return;
    this.ensureLoaded();
    this.used = new Set();
  }

  /**
   * The value of a pure computation: reused when `namespace` + `key` was computed before with the
   * same code and data, else computed (and stored). The value must survive v8 serialisation
   * (plain objects, arrays, Maps, strings, numbers — not class instances or functions).
   */
  memo<T>(namespace: string, key: string, compute: () => T): T {
    const id = `${namespace}\0${key}`;
    if (this.enabled) {
      if (!this.loaded) this.ensureLoaded();
      this.used.add(id);
      if (this.entries.has(id)) {
        this.stats.hits++;
        return this.entries.get(id) as T;
      }
    }
    // Another thread of this build may be computing it (lib/parallel/parallel-check.ts): take its result.
    const shared = this.helper?.owns(key) ? this.helper.take(id) : undefined;
    let value: T;
    if (shared) {
      this.stats.shared++;
      value = shared.value as T;
    } else {
      this.stats.misses++;
      value = compute();
      this.onCompute?.(id, value);
    }
    if (this.enabled) {
      this.entries.set(id, value);
      this.dirty = true;
    }
    return value;
  }

  /**
   * A content file's hash and its bytes, like `readWithHash`, but a file another thread of this build is
   * parsing isn't read here at all: its hash comes with that thread's values (which are all this
   * thread then needs), and its bytes are read only if something asks for them.
   */
  readFile(namespace: string, contentDir: string, file: string): { hash: string; bytes(): Buffer } {
    const absolute = path.join(contentDir, file);
    const hash = this.helper?.owns(`${file}\0`) ? this.helper.hashOf(namespace, file) : undefined;
    if (hash === undefined) return readWithHash(absolute);
    hashesRead.set(absolute, hash);
    let bytes: Buffer | undefined;
    return { hash, bytes: () => (bytes ??= readFileSync(absolute)) };
  }

  /** Whether a value is stored for `namespace` + `key` (without using it). */
  has(namespace: string, key: string): boolean {
    if (!this.enabled) return false;
    if (!this.loaded) this.ensureLoaded();
    return this.entries.has(`${namespace}\0${key}`);
  }

  /** A thread computing some entries of this build (see lib/parallel/parallel-check.ts); undefined: none. */
  helper: CacheHelper | undefined;
  /** Called with every value computed here (a helper thread sends them to the main one). */
  onCompute: ((id: string, value: unknown) => void) | undefined;

  /** Writes the cache if this build changed it (atomically: a reader never sees half a file). */
  save(): void {
    if (!this.enabled || !this.loaded) return;
    let pruned = false;
    for (const id of this.entries.keys()) {
      if (!this.used.has(id)) {
        this.entries.delete(id);
        pruned = true;
      }
    }
    if (!this.dirty && !pruned) return;
    let blocks: MemoBlock[];
    try {
      blocks = this.blocksToStore();
    } catch (e) {
      // A value that can't be stored is a bug in its caller, but never a reason to fail a build.
      console.warn(`chapar cache: not saved (${(e as Error).message})`);
      return;
    }
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temp, "w");
    try {
      for (const chunk of encodeMemoFile({ format: FORMAT, key: this.key, blocks }))
        for (let at = 0; at < chunk.byteLength; ) at += writeSync(fd, chunk, at);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
    this.dirty = false;
    // The file's bytes are not kept past the save (they were only there to be written back).
    this.storedBlocks = [];
    if (this.damage.file) console.warn(`حافظه‌ی ساخت ناقص یا خراب بود؛ کنار گذاشته شد و از نو ساخته شد: ${this.file}`);
    else if (this.damage.entries > 0)
      console.warn(`${this.damage.entries} مورد از حافظه‌ی ساخت خراب بود؛ کنار گذاشته شد و از نو ساخته شد: ${this.file}`);
    this.damage = { file: false, entries: 0 };
    this.forgetOldFolders();
  }

  /**
   * The blocks of the file to write: the ones read whose entries are all still used, as they were
   * read (an incremental build re-serialises only what changed), then the other entries in new blocks.
   * Small blocks (the few entries of one edit) are merged again so that their number stays low.
   */
  private blocksToStore(): MemoBlock[] {
    const blocks: MemoBlock[] = [];
    const placed = new Set<string>();
    for (const block of this.storedBlocks) {
      if (block.ids.length < BLOCK_SIZE / 4 || !block.ids.every((id) => this.entries.has(id))) continue;
      blocks.push(block);
      for (const id of block.ids) placed.add(id);
    }
    const rest = [...this.entries.keys()].filter((id) => !placed.has(id));
    for (let i = 0; i < rest.length; i += BLOCK_SIZE) {
      const ids = rest.slice(i, i + BLOCK_SIZE);
      const bytes = v8.serialize(ids.map((id) => this.entries.get(id)));
      blocks.push({ ids, bytes, digest: blockDigest(ids, bytes) });
    }
    return blocks;
  }

  /** Caches of content folders not built for two weeks (moved, deleted, temporary) are removed. */
  private forgetOldFolders(): void {
    const limit = Date.now() - 14 * 24 * 3600 * 1000;
    for (const name of readdirSync(this.options.dir)) {
      const folder = path.join(this.options.dir, name);
      const memo = path.join(folder, "memo.v8");
      try {
        // A folder without a memo yet may be another build's, just made: it is judged by its own age.
        if (folder !== path.dirname(this.file) && statSync(existsSync(memo) ? memo : folder).mtimeMs < limit)
          rmSync(folder, { recursive: true, force: true });
      } catch {
        // another build is using it right now
      }
    }
  }
}

const caches = new Map<string, BuildCache>();

/** This process's cache for a content folder (one per folder, shared by the loader and the checks). */
export function buildCache(contentDir: string, options: Partial<CacheOptions> = {}): BuildCache {
  const absolute = path.resolve(contentDir);
  let cache = caches.get(absolute);
  if (!cache) caches.set(absolute, (cache = new BuildCache(absolute, { ...cacheDefaults(), ...options })));
  return cache;
}

/** Saves every cache this process used (the end of a build or check). */
export function saveBuildCaches(): void {
  for (const cache of caches.values()) cache.save();
}

// The dev server's rebuilds: a file whose size, times and inode are unchanged since this process last
// read it is not read again (its hash is remembered). Off in one-shot builds, which read every file once.
const fileStats = new Map<string, { stamp: string; hash: string }>();
let rememberStats = false;

/** Lets this process skip re-reading unchanged files (for long-running processes such as `npm run dev`). */
export function rememberFileStats(): void {
  rememberStats = true;
}

/** A file's content hash, and its bytes (read at most once, and only if needed when unchanged). */
export function readWithHash(absolute: string): { hash: string; bytes(): Buffer } {
  if (!rememberStats) {
    const bytes = readFileSync(absolute);
    const hash = contentHash(bytes);
    hashesRead.set(absolute, hash);
    return { hash, bytes: () => bytes };
  }
  const st = statSync(absolute, { bigint: true });
  const stamp = `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`;
  const known = fileStats.get(absolute);
  if (known?.stamp === stamp) {
    let bytes: Buffer | undefined;
    return { hash: known.hash, bytes: () => (bytes ??= readFileSync(absolute)) };
  }
  const bytes = readFileSync(absolute);
  const hash = contentHash(bytes);
  fileStats.set(absolute, { stamp, hash });
  hashesRead.set(absolute, hash);
  return { hash, bytes: () => bytes };
}

// Hashes of the files this process read through readWithHash (a build reads each release once).
const hashesRead = new Map<string, string>();

/** A file's content hash: the one computed when it was read in this build, or from its bytes now. */
export function fileHash(absolute: string): string {
  return hashesRead.get(absolute) ?? contentHash(readFileSync(absolute));
}
