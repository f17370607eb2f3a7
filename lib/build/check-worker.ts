/**
 * The helper thread of lib/build/parallel.ts: checks its share of the release files with the same
 * code as the main thread (`checkSite`), and sends every per-file value it computes (parse, render,
 * lint) to the main thread in small batches, signalling each batch through the shared counter.
 */
import { workerData } from "node:worker_threads";
import { checkSite } from "../content/check.ts";
import { buildCache } from "./cache.ts";
import type { CheckWorkerData } from "./parallel.ts";

const { contentDir, files, port, progress } = workerData as CheckWorkerData;
// This thread stores nothing itself: its values go to the main thread, which owns the persistent cache.
const cache = buildCache(contentDir, { enabled: false });
let batch: [string, unknown][] = [];
const flush = () => {
  if (batch.length === 0) return;
  port.postMessage(batch);
  batch = [];
  Atomics.add(progress, 0, 1);
  Atomics.notify(progress, 0);
};
cache.onCompute = (id, value) => {
  batch.push([id, value]);
  if (batch.length >= 32) flush();
};
try {
  checkSite({ contentDir, only: new Set(files) });
  flush();
  Atomics.store(progress, 1, 1);
} catch {
  flush();
  Atomics.store(progress, 1, 2);
}
Atomics.add(progress, 0, 1);
Atomics.notify(progress, 0);
