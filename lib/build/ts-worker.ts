/**
 * Worker threads that run Chapar's TypeScript modules. Node 20 doesn't hand the main thread's
 * TypeScript loader (tsx) to workers, so a small script registers it in the worker first, then loads
 * the module.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";

export interface TsWorkerOptions extends Omit<WorkerOptions, "eval"> {
  /**
   * JavaScript run in the worker (with `error` and `workerData` in scope) when loading fails, for a
   * parent that can't take the `error` event because it waits synchronously. Default: rethrow.
   */
  onLoadError?: string;
}

export function startTsWorker(module: URL, { onLoadError = "throw error;", ...options }: TsWorkerOptions = {}): Worker {
  const boot = `const { workerData } = require("node:worker_threads");
import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })
  .catch((error) => { ${onLoadError} });`;
  return new Worker(boot, { ...options, eval: true });
}
