/**
 * Worker threads that run Chapar's TypeScript modules. Node 20 doesn't hand the main thread's
 * TypeScript loader (tsx) to workers, so every worker starts with ts-worker-boot.mjs, which registers
 * it, then loads the module. The module's `workerData` and messages are the caller's own. The
 * reference below puts the boot file in `tsc`'s program, so its `// @ts-check` is honoured.
 */
/// <reference path="./ts-worker-boot.mjs" />
import { Worker, type WorkerOptions } from "node:worker_threads";

export type TsWorkerOptions = Omit<WorkerOptions, "eval" | "argv">;

const BOOT = new URL("./ts-worker-boot.mjs", import.meta.url);

export function startTsWorker(module: URL, options: TsWorkerOptions = {}): Worker {
  return new Worker(BOOT, { ...options, argv: [module.href] });
}
