// @ts-check
/**
 * The page writer's second thread (lib/features/page-writer.ts, `pageFilesOnThread`): it takes batches
 * of pages and writes them, so UTF-8 encoding and the system calls (about a
 * third of the page writer's time) run beside the rendering. Plain JavaScript, so the thread starts in
 * milliseconds, without the TypeScript loader; `// @ts-check` and a reference from page-writer.ts put
 * it in the type check. Messages in: a batch, or `"close"`; out: `{ closed: true }` or `{ error }`.
 * A batch is `[op, file, payload, op, file, payload, …]`, op `w` (payload: the page) or
 * `l` (payload: the previous build's file to hard-link, or copy where links can't be made: lib/cache/page-reuse.ts).
 */
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from "node:fs";
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
    for (let i = 0; i + 2 < batch.length; i += 3) {
      const op = batch[i];
      const file = /** @type {string} */ (batch[i + 1]);
      const payload = /** @type {string} */ (batch[i + 2]);
      const dir = path.dirname(file);
      if (!madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        madeDirs.add(dir);
      }
      if (op === "l") linkOrCopy(payload, file);
      else writeFileSync(file, payload);
    }
  } catch (error) {
    failed = true;
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});

/** The same as lib/cache/page-reuse.ts `linkPreviousFile` (this thread loads no TypeScript). */
function linkOrCopy(/** @type {string} */ from, /** @type {string} */ to) {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP" && code !== "EMLINK") throw error;
    copyFileSync(from, to);
  }
}
