/** The same input builds byte-identical output, whatever the machine's time zone. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { buildOk, FIXTURES, listOutput, ROOT, tempDir, FIXED_NOW } from "../helpers/build.ts";

function digest(dir: string): Map<string, string> {
  return new Map(listOutput(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

test("two builds of the same input are byte-identical", () => {
  const a = buildOk(path.join(FIXTURES, "basic"));
  const b = buildOk(path.join(FIXTURES, "basic"));
  assert.deepEqual(digest(a.out), digest(b.out));
});

test("a build under another machine time zone is byte-identical", () => {
  const a = buildOk(path.join(FIXTURES, "basic"));
  const out = path.join(tempDir(), "dist");
  const zone = process.env.TZ === "Pacific/Kiritimati" ? "America/Los_Angeles" : "Pacific/Kiritimati";
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
    cwd: ROOT,
    env: { ...process.env, TZ: zone, CHAPAR_CONTENT: path.join(FIXTURES, "basic"), CHAPAR_OUTPUT: out, CHAPAR_NOW: FIXED_NOW },
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(digest(out), digest(a.out));
});

test("`npm run build`'s own command (packages loaded before tsx) builds the same bytes", () => {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [node, ...args] = scripts.build!.split(" ");
  assert.equal(node, "node");
  assert.ok(args.includes("./lib/perf/preload-packages.mjs"), scripts.build);
  const a = buildOk(path.join(FIXTURES, "basic"));
  const out = path.join(tempDir(), "dist");
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, CHAPAR_CONTENT: path.join(FIXTURES, "basic"), CHAPAR_OUTPUT: out, CHAPAR_NOW: FIXED_NOW },
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(digest(out), digest(a.out));
});
