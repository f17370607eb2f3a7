/**
 * The helper thread of lib/parallel/parallel-check.ts: builds the stylesheet and fonts first if they aren't
 * made yet (so their cache is ready when the main thread's Eleventy asks), then claims chunks of
 * release files from the last one down and checks each with the same code as the main thread
 * (`checkSite`), sending every per-file value it computes (parse, render, lint) to the main thread in
 * small batches, signalled through a counter. Its code beyond the claims is imported inside the `try`,
 * so a module that fails to load is reported through `progress` like any other failure: the main
 * thread, waiting synchronously, never sees the worker's `error` event.
 */
import { workerData } from "node:worker_threads";
import { FREE, HELPER } from "./claims.ts";
import type { CheckWorkerData } from "./parallel-check.ts";

const { contentDir, chunks, claims, warmAssets, port, progress } = workerData as CheckWorkerData;
let batch: [string, unknown][] = [];
const flush = () => {
  if (batch.length === 0) return;
  port.postMessage(batch);
  batch = [];
  Atomics.add(progress, 0, 1);
  Atomics.notify(progress, 0);
};
// Until its modules are loaded a failure is reported here; after, the main thread's own check meets the same error.
let loaded = false;
try {
  // The content code loads while the assets are built.
  const checking = import("../content/check.ts");
  checking.catch(() => undefined); // awaited below
  const { buildCache } = await import("../cache/cache.ts");
  // This thread stores nothing itself: its values go to the main thread, which owns the persistent cache.
  const cache = buildCache(contentDir, { enabled: false });
  cache.onCompute = (id, value) => {
    batch.push([id, value]);
    if (batch.length >= 32) flush();
  };
  if (warmAssets) {
    // The same call as eleventy.config.ts's; its result lands in the stylesheet's own cache (.cache/css, fonts).
    const { buildStylesheet } = await import("../features/stylesheet.ts");
    await buildStylesheet().catch(() => undefined);
  }
  const { checkSite } = await checking;
  loaded = true;
  for (let chunk = chunks.length - 1; chunk >= 0; chunk--) {
    if (Atomics.compareExchange(claims, chunk, FREE, HELPER) !== FREE) break; // the main thread got here first
    checkSite({ contentDir, only: new Set(chunks[chunk]) });
    flush();
  }
  Atomics.store(progress, 1, 1);
} catch (error) {
  if (!loaded) console.error(error);
  flush();
  Atomics.store(progress, 1, 2);
}
Atomics.add(progress, 0, 1);
Atomics.notify(progress, 0);
