// @ts-check
/**
 * The first module of every worker thread started by `startTsWorker` (lib/parallel/ts-worker.ts). Node 20
 * doesn't hand the main thread's TypeScript loader (tsx) to workers, so this registers it in the
 * worker, then imports the TypeScript module named by the worker's last `argv` entry. JavaScript, not
 * TypeScript, because nothing can compile TypeScript in the worker before it has run. A failure to
 * load rejects here and reaches the parent as the worker's `error` event.
 */
import { register } from "tsx/esm/api";

register();
const moduleUrl = process.argv.at(-1);
if (moduleUrl === undefined) throw new Error("startTsWorker: no module to load");
await import(moduleUrl);
