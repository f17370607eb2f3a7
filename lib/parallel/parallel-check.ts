/**
 * The content check on two cores. Parsing, rendering and linting each release is pure per-file work
 * (the build cache memoizes exactly that), so a helper thread computes it for chunks of files taken
 * from the end, while the main thread runs the normal check from the first file on; each chunk is
 * claimed by whichever thread gets to it first, so the two meet wherever their speeds put them. When
 * the main thread reaches a file of a chunk the helper claimed, the build cache takes the helper's
 * result instead of computing it (waiting for it if needed); everything else — cross-file checks, the
 * order of messages, the data set — is the main thread's single normal pass, so the result is the
 * same as on one core. Before its chunks, the helper builds the stylesheet and fonts if they aren't made
 * already (committed or cached; PostCSS and font subsetting take seconds), so the main thread finds
 * them ready.
 *
 * Only what isn't in the persistent cache is shared out (a warm build starts no thread), and only from
 * `minimumFiles` such files. Turned off with `CHAPAR_THREADS=1` or on a single core; `CHAPAR_THREADS=2`
 * starts a helper whatever the size. The hand-over is synchronous (`Atomics.wait` and
 * `receiveMessageOnPort`): the check is synchronous code, and it must stay one ordinary loop.
 */
import os from "node:os";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { listFiles } from "../content/load.ts";
import { PAGES_DIR } from "../content/office-pages.ts";
import { stylesheetIsBuilt } from "../features/stylesheet.ts";
import { buildCache, readWithHash, type CacheHelper } from "../cache/cache.ts";
import { FREE, HELPER, MAIN } from "./claims.ts";
import { startTsWorker } from "./ts-worker.ts";

export interface ParallelCheckOptions {
  /** Fewer files than this: no helper (at 1,000 its start-up and the two threads slowing each other ate the gain). */
  minimumFiles: number;
  /** Chunks the files are cut into (the unit a thread claims). */
  chunks: number;
  /** Give up waiting on a helper that made no progress for this long (ms) and compute locally. */
  stallTimeout: number;
  /** Let the helper build the stylesheet and fonts first (when they aren't made already). */
  warmAssets: boolean;
  /** The helper thread's old-generation heap limit (MB). */
  helperHeapMb: number;
  /** Whether the stylesheet and fonts are already made (committed or cached): then the helper only checks. */
  assetsBuilt: () => boolean;
}

export const defaults: ParallelCheckOptions = {
  minimumFiles: 2000,
  chunks: 40,
  stallTimeout: 60_000,
  warmAssets: true,
  helperHeapMb: 160,
  assetsBuilt: () => stylesheetIsBuilt(),
};

export { FREE, HELPER, MAIN } from "./claims.ts";

/** What the helper thread receives. */
export interface CheckWorkerData {
  contentDir: string;
  /** Consecutive runs of release files; the helper claims them from the last one down. */
  chunks: string[][];
  claims: Int32Array;
  warmAssets: boolean;
  port: MessagePort;
  /** [0]: batches sent so far, [1]: 0 working, 1 done, 2 failed. */
  progress: Int32Array;
}

export interface ParallelCheck {
  /** Stops the helper (after the check, or if the build stops early). */
  finish(): Promise<void>;
  /** Release files the helper checked. */
  helperFiles: number;
}

/**
 * Starts a helper thread for the content folder's check when it pays off, and attaches it to the
 * build cache so the next `checkSite` uses it. Returns undefined when no helper was started.
 */
export function startParallelCheck(contentDir: string, options: Partial<ParallelCheckOptions> = {}): ParallelCheck | undefined {
  const {
    minimumFiles,
    chunks: chunkCount,
    stallTimeout,
    warmAssets: warmAssetsOption,
    helperHeapMb,
    assetsBuilt,
  } = { ...defaults, ...options };
  if (process.env.CHAPAR_THREADS === "1" || os.availableParallelism() < 2) return undefined;
  const cache = buildCache(contentDir);
  const releases = listFiles(contentDir).filter(
    (f) => !f.startsWith("_data/") && !f.startsWith(`${PAGES_DIR}/`) && f.toLowerCase().endsWith(".md"),
  );
  // With a persistent cache, only files whose parse isn't stored need work.
  const todo = cache.enabled
    ? releases.filter((f) => !cache.has("release-file", `${f}\0${readWithHash(path.join(contentDir, f)).hash}`))
    : releases;
  if (todo.length === 0 || todo.length < (process.env.CHAPAR_THREADS === "2" ? 1 : minimumFiles)) return undefined;
  // Asked only when a helper starts: small and warm builds skip the keys' hashing.
  const warmAssets = warmAssetsOption && !assetsBuilt();
  const size = Math.ceil(todo.length / chunkCount);
  const chunks: string[][] = [];
  for (let i = 0; i < todo.length; i += size) chunks.push(todo.slice(i, i + size));
  const chunkOf = new Map<string, number>();
  for (const [i, chunk] of chunks.entries()) for (const file of chunk) chunkOf.set(file, i);
  const claims = new Int32Array(new SharedArrayBuffer(4 * chunks.length));

  const progress = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const data: CheckWorkerData = { contentDir, chunks, claims, warmAssets, port: port2, progress };
  // The helper keeps nothing between chunks, but V8 lets a heap grow well past its live size before
  // collecting: capped, the build's peak memory at 10,000 releases went from ~700 to ~570 MiB at the
  // same speed. Should it ever run out, the main thread computes the rest itself (see `take`).
  const worker = startTsWorker(new URL("./check-worker.ts", import.meta.url), {
    workerData: data,
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: helperHeapMb },
  });
  worker.on("error", () => Atomics.store(progress, 1, 2));
  // Set once the helper failed or stalled: from then on the main thread computes everything itself.
  let abandoned = false;

  const delivered = new Map<string, unknown>();
  // `namespace\0file` → the hash in the id of the helper's value for that file.
  const hashes = new Map<string, string>();
  const drain = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      for (const [id, value] of m.message as [string, unknown][]) {
        delivered.set(id, value);
        const [namespace, file, hash] = id.split("\0", 3);
        if (hash !== undefined) hashes.set(`${namespace}\0${file}`, hash);
      }
    }
  };
  /** Waits until `delivered(…)` says yes, the helper stops, or it stalls; false unless it said yes. */
  const waitFor = (arrived: () => boolean): boolean => {
    let seen = Atomics.load(progress, 0);
    let lastProgress = Date.now();
    for (;;) {
      drain();
      if (arrived()) return true;
      const state = Atomics.load(progress, 1);
      if (state !== 0) {
        drain();
        if (arrived()) return true;
        if (state === 2) abandoned = true;
        return false;
      }
      const result = Atomics.wait(progress, 0, seen, 200);
      const now = Atomics.load(progress, 0);
      if (result !== "timed-out" || now !== seen) {
        seen = now;
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress > stallTimeout) {
        abandoned = true;
        return false;
      }
    }
  };
  const helper: CacheHelper = {
    owns(key) {
      const chunk = chunkOf.get(key.slice(0, key.indexOf("\0")));
      if (chunk === undefined) return false;
      // The main thread's first look at a free chunk claims it; a chunk the helper claimed is its.
      const claim = Atomics.compareExchange(claims, chunk, FREE, MAIN);
      return claim === HELPER && !abandoned;
    },
    take(id) {
      if (!waitFor(() => delivered.has(id))) return undefined;
      const value = delivered.get(id);
      delivered.delete(id);
      return { value };
    },
    hashOf(namespace, file) {
      const key = `${namespace}\0${file}`;
      return waitFor(() => hashes.has(key)) ? hashes.get(key) : undefined;
    },
  };
  cache.helper = helper;
  return {
    get helperFiles() {
      let n = 0;
      for (const [i, chunk] of chunks.entries()) if (Atomics.load(claims, i) === HELPER) n += chunk.length;
      return n;
    },
    async finish() {
      if (cache.helper === helper) cache.helper = undefined;
      // The check can end before the helper's stylesheet and fonts: let it finish them, so Eleventy
      // finds them in their cache instead of starting over.
      const deadline = Date.now() + stallTimeout;
      while (Atomics.load(progress, 1) === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      port1.close();
      await worker.terminate();
    },
  };
}
