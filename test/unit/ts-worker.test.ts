/**
 * lib/parallel/ts-worker.ts: a worker runs a TypeScript module with the caller's workerData, and a module
 * that can't be loaded reaches the parent as the worker's `error` event.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import { test } from "node:test";
import { startTsWorker } from "../../lib/parallel/ts-worker.ts";

test("runs a TypeScript module with its workerData", async () => {
  const worker = startTsWorker(new URL("../fixtures/ts-worker/echo.ts", import.meta.url), { workerData: { n: 21 } });
  const [message] = (await once(worker, "message")) as [{ doubled: number }];
  assert.equal(message.doubled, 42);
  await worker.terminate();
});

test("a module that can't be loaded is the worker's error event", async () => {
  const worker = startTsWorker(new URL("../fixtures/ts-worker/no-such-module.ts", import.meta.url));
  const [error] = (await once(worker, "error")) as [Error];
  assert.match(String(error), /no-such-module/);
});
