/**
 * The helper thread of lib/build/parallel.ts: builds the stylesheet and fonts (so their cache is ready
 * when the main thread's Eleventy asks), then claims chunks of release files from the last one down
 * and checks each with the same code as the main thread (`checkSite`), sending every per-file value it
 * computes (parse, render, lint) to the main thread in small batches, signalled through a counter.
 */
import { workerData } from "node:worker_threads";
import { buildStylesheet } from "../features/stylesheet.ts";
import { buildCache } from "./cache.ts";
import { FREE, HELPER } from "./claims.ts";
import type { CheckWorkerData } from "./parallel.ts";

const { contentDir, chunks, claims, warmAssets, port, progress } = workerData as CheckWorkerData;
// The content code loads while the assets are built; a helper for the assets only never loads it.
const checking = chunks.length > 0 ? import("../content/check.ts") : undefined;
checking?.catch(() => undefined); // awaited below
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
  if (warmAssets) {
    // The same call as eleventy.config.ts's; its result lands in the stylesheet's own cache (.cache/css, fonts).
    await buildStylesheet().catch(() => undefined);
  }
  const checkSite = chunks.length > 0 ? (await checking!).checkSite : undefined;
  for (let chunk = chunks.length - 1; chunk >= 0 && checkSite; chunk--) {
    if (Atomics.compareExchange(claims, chunk, FREE, HELPER) !== FREE) break; // the main thread got here first
    checkSite({ contentDir, only: new Set(chunks[chunk]) });
    flush();
  }
  Atomics.store(progress, 1, 1);
} catch {
  flush();
  Atomics.store(progress, 1, 2);
}
Atomics.add(progress, 0, 1);
Atomics.notify(progress, 0);
