/**
 * The content check on two cores. Parsing, rendering and linting each release is pure per-file work
 * (the build cache memoizes exactly that), so a helper thread computes it for the last part of the
 * files while the main thread runs the normal check from the first file on. When the main thread
 * reaches a file of the helper's part, the build cache takes the helper's result instead of computing
 * it (waiting for it if needed); everything else — cross-file checks, the order of messages, the data
 * set — is the main thread's single normal pass, so the result is the same as on one core.
 *
 * Only what isn't in the persistent cache is shared out (a warm build starts no thread). Turned off
 * with `CHAPAR_THREADS=1`, or on a single core. The hand-over is synchronous (`Atomics.wait` and
 * `receiveMessageOnPort`): the check is synchronous code, and it must stay one ordinary loop.
 */
import os from "node:os";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { listFiles } from "../content/load.ts";
import { buildCache, readWithHash, type CacheHelper } from "./cache.ts";

export interface ParallelCheckOptions {
  /** Fewer files than this: not worth a thread's start-up (about half a second of module loading). */
  minimumFiles: number;
  /** Files the main thread gets ahead of an even split, for the helper's start-up. */
  headStart: number;
  /** Give up waiting on a helper that made no progress for this long (ms) and compute locally. */
  stallTimeout: number;
}

export const defaults: ParallelCheckOptions = { minimumFiles: 400, headStart: 300, stallTimeout: 60_000 };

/** What the helper thread receives. */
export interface CheckWorkerData {
  contentDir: string;
  files: string[];
  port: MessagePort;
  /** [0]: batches sent so far, [1]: 0 working, 1 done, 2 failed. */
  progress: Int32Array;
}

export interface ParallelCheck {
  /** Stops the helper (after the check, or if the build stops early). */
  finish(): Promise<void>;
  /** Release files the helper was given. */
  helperFiles: number;
}

/**
 * Starts a helper thread for the content folder's check when it pays off, and attaches it to the
 * build cache so the next `checkSite` uses it. Returns undefined when no helper was started.
 */
export function startParallelCheck(contentDir: string, options: Partial<ParallelCheckOptions> = {}): ParallelCheck | undefined {
  const { minimumFiles, headStart, stallTimeout } = { ...defaults, ...options };
  if (process.env.CHAPAR_THREADS === "1" || os.availableParallelism() < 2) return undefined;
  const cache = buildCache(contentDir);
  const releases = listFiles(contentDir).filter((f) => !f.startsWith("_data/") && f.toLowerCase().endsWith(".md"));
  // With a persistent cache, only files whose parse isn't stored need work.
  const todo = cache.enabled ? releases.filter((f) => !cache.has("release-file", `${f}\0${readWithHash(path.join(contentDir, f)).hash}`)) : releases;
  if (todo.length < minimumFiles) return undefined;
  const helperFiles = todo.slice(todo.length - Math.max(0, Math.floor((todo.length - headStart) / 2)));
  const owned = new Set(helperFiles);

  const progress = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const data: CheckWorkerData = { contentDir, files: helperFiles, port: port2, progress };
  // Node 20 doesn't hand the main thread's TypeScript loader (tsx) to workers: a small script registers
  // it in the worker, then loads the worker module. A failure there is signalled like any other.
  const boot = `const { workerData } = require("node:worker_threads");
import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./check-worker.ts", import.meta.url).href)}); })
  .catch((error) => { console.error(error); Atomics.store(workerData.progress, 1, 2); Atomics.add(workerData.progress, 0, 1); Atomics.notify(workerData.progress, 0); });`;
  const worker = new Worker(boot, { eval: true, workerData: data, transferList: [port2] });
  worker.on("error", () => Atomics.store(progress, 1, 2));
  // Set once the helper failed or stalled: from then on the main thread computes everything itself.
  let abandoned = false;

  const delivered = new Map<string, unknown>();
  const drain = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      for (const [id, value] of m.message as [string, unknown][]) delivered.set(id, value);
    }
  };
  const helper: CacheHelper = {
    owns: (key) => !abandoned && owned.has(key.slice(0, key.indexOf("\0"))),
    take(id) {
      let seen = Atomics.load(progress, 0);
      let lastProgress = Date.now();
      for (;;) {
        drain();
        if (delivered.has(id)) {
          const value = delivered.get(id);
          delivered.delete(id);
          return { value };
        }
        const state = Atomics.load(progress, 1);
        if (state !== 0) {
          drain();
          if (delivered.has(id)) continue;
          if (state === 2) abandoned = true;
          return undefined;
        }
        const result = Atomics.wait(progress, 0, seen, 200);
        const now = Atomics.load(progress, 0);
        if (result !== "timed-out" || now !== seen) {
          seen = now;
          lastProgress = Date.now();
        } else if (Date.now() - lastProgress > stallTimeout) {
          abandoned = true;
          return undefined;
        }
      }
    },
  };
  cache.helper = helper;
  return {
    helperFiles: helperFiles.length,
    async finish() {
      if (cache.helper === helper) cache.helper = undefined;
      port1.close();
      await worker.terminate();
    },
  };
}
