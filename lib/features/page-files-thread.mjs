// @ts-check
/**
 * The page writer's second thread (lib/features/page-writer.ts, `pageFilesOnThread`): it takes batches
 * of `[file, html, file, html, …]` and writes them, so UTF-8 encoding and the system calls (about a
 * third of the page writer's time) run beside the rendering. Plain JavaScript, so the thread starts in
 * milliseconds, without the TypeScript loader; `// @ts-check` and a reference from page-writer.ts put
 * it in the type check. Messages in: a batch, or `"close"`; out: `{ closed: true }` or `{ error }`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort } from "node:worker_threads";

if (!parentPort) throw new Error("page-files-thread.mjs runs as a worker thread");
const port = parentPort;
/** Folders made so far (one `mkdirSync` per folder, as `folderMaker` does on the main thread). */
const madeDirs = new Set();
let failed = false;

port.on("message", (/** @type {string[] | "close"} */ batch) => {
  if (batch === "close") {
    port.postMessage({ closed: true });
    return;
  }
  // After a failure the build is failing: later batches are dropped, the first error is reported.
  if (failed) return;
  try {
    for (let i = 0; i + 1 < batch.length; i += 2) {
      const file = /** @type {string} */ (batch[i]);
      const dir = path.dirname(file);
      if (!madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        madeDirs.add(dir);
      }
      writeFileSync(file, /** @type {string} */ (batch[i + 1]));
    }
  } catch (error) {
    failed = true;
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
