/**
 * The web editor in the build: `/admin/` with `noindex`, Decap's bundle copied from node_modules (no
 * CDN), Chapar's script and the generated configuration; out of the sitemap and feeds; its own CSP
 * rule in `_headers` while every other rule stays as it was; `"editor": false` → no `/admin/` at all.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, test } from "node:test";
import { headersFile } from "../../lib/features/headers.ts";
import { buildOk, copyFixture, listOutput } from "../helpers/build.ts";

const content = copyFixture("basic");
const editorOn = { backend: "github", repo: "office/press", branch: "main" };
setEditor(content, editorOn);
const out = buildOk(content).out;
const files = listOutput(out);

function setEditor(dir: string, editor: unknown): void {
  const siteFile = path.join(dir, "_data/site.json");
  const { editor: _old, ...site } = JSON.parse(readFileSync(siteFile, "utf8"));
  writeFileSync(siteFile, JSON.stringify(editor === undefined ? site : { ...site, editor }));
}

describe("the editor in the build", () => {
  test("/admin/ has a noindex page, Decap's own bundle, Chapar's script and the configuration from the schema", () => {
    const page = readFileSync(path.join(out, "admin/index.html"), "utf8");
    assert.match(page, /<html lang="fa" dir="rtl">/);
    assert.match(page, /<meta name="robots" content="noindex, nofollow">/);
    assert.doesNotMatch(page, /https?:\/\//, "nothing from another site");
    const decap = createRequire(import.meta.url).resolve("decap-cms/dist/decap-cms.js");
    assert.ok(readFileSync(path.join(out, "admin/decap-cms.js")).equals(readFileSync(decap)), "the bundle from node_modules");
    assert.ok(readFileSync(path.join(out, "admin/editor.js"), "utf8").length > 10_000);
    const config = JSON.parse(readFileSync(path.join(out, "admin/config.json"), "utf8"));
    assert.equal(config.decap.collections[0].folder, "content/releases");
    assert.equal(config.decap.local_backend, undefined, "no local mode in a production build");
    assert.equal(config.decap.locale, "fa");
  });

  test("no reader's page loads any of it, and it is in no sitemap or feed", () => {
    for (const file of files.filter((f) => f.endsWith(".html") && !f.startsWith("admin/"))) {
      assert.doesNotMatch(readFileSync(path.join(out, file), "utf8"), /admin\/|decap/i, file);
    }
    for (const file of files.filter((f) => /\.(xml|json|txt)$/.test(f) && !f.startsWith("admin/"))) {
      assert.doesNotMatch(readFileSync(path.join(out, file), "utf8"), /\/admin\//, file);
    }
  });

  test("_headers: /admin/* has its own CSP; the other rules are exactly those without an editor", () => {
    const headers = readFileSync(path.join(out, "_headers"), "utf8");
    const rules = headers.split("\n\n");
    const admin = rules.find((r) => r.startsWith("/admin/*"));
    assert.ok(admin, "an /admin/* rule");
    assert.match(admin!, /script-src 'self' 'unsafe-eval'/);
    const others = rules.filter((r) => !r.startsWith("/admin/*")).join("\n\n");
    assert.equal(others, headersFile("/").replace(/\n$/, ""));
  });

  for (const [what, setting] of [
    ['"editor": false', false],
    ["no git host in site.json (only npm run edit has the editor)", undefined],
  ] as const) {
    test(`${what}: no /admin/ and no rule for it`, () => {
      const off = copyFixture("basic");
      setEditor(off, setting);
      const built = buildOk(off).out;
      assert.equal(existsSync(path.join(built, "admin")), false);
      assert.doesNotMatch(readFileSync(path.join(built, "_headers"), "utf8"), /admin/);
    });
  }
});
