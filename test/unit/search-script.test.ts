/** The search page's script: bundled ahead in esbuild's process, or on demand, it is the same file. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { buildSync } from "esbuild";
import { prepareSearchScript, searchScript, searchScriptBuild } from "../../lib/features/search.ts";

test("the script prepared in the background is byte-identical to a synchronous bundle, under its content hash", async () => {
  await prepareSearchScript();
  const prepared = searchScript();
  const direct = buildSync(searchScriptBuild).outputFiles[0]!.text;
  assert.equal(prepared.code, direct);
  assert.ok(prepared.code.length > 1000 && !prepared.code.includes("import "), "a bundled, minified module");
  const hash = createHash("sha256").update(direct).digest("hex").slice(0, 10);
  assert.equal(prepared.sitePath, `/assets/search.${hash}.js`);
  // Asking again neither rebuilds nor changes it.
  await prepareSearchScript();
  assert.equal(searchScript(), prepared);
});
