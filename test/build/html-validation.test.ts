/**
 * Every HTML page type passes the Nu Html Checker (npm `vnu-jar`, run with Debian's Java) with zero
 * errors: every page of the `assets` fixture (images, figures, base features) and of the sample site
 * (press-release parts: gallery, attachments, corrections, a withdrawn release), in one JVM run.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { ensureSystemDeps } from "../../scripts/ensure-system-deps.ts";
import { buildOk, copyContent, copyFixture, listOutput, ROOT } from "../helpers/build.ts";

const VNU = path.join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message?: string;
  extract?: string;
}

test("every page type passes the Nu Html Checker with zero errors", () => {
  // `npm test` installs Java first (pretest); this names the command when the file is run alone.
  ensureSystemDeps(["java"]);
  const outputs = [buildOk(copyFixture("assets")).out, buildOk(copyContent(path.join(ROOT, "content"))).out];
  const pages = outputs.flatMap((out) =>
    listOutput(out)
      .filter((f) => f.endsWith(".html"))
      .map((f) => path.join(out, f)),
  );

  // Every kind of page is among them (the body class names the template).
  const kinds = new Set(pages.flatMap((file) => /<body class="([^"]+)"/.exec(readFileSync(file, "utf8"))?.[1]?.split(" ") ?? []));
  for (const kind of [
    "page-home",
    "page-release",
    "page-category",
    "page-categories",
    "page-tag",
    "page-tags",
    "page-archive",
    "page-archive-year",
    "page-archive-month",
    "page-404",
  ]) {
    assert.ok(kinds.has(kind), `no ${kind} page was checked (found: ${[...kinds].join(", ")})`);
  }

  const result = spawnSync("java", ["-jar", VNU, "--errors-only", "--format", "json", ...pages], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(result.error === undefined, `could not run java: ${result.error?.message}`);
  const messages = (JSON.parse(result.stderr || '{"messages":[]}') as { messages: VnuMessage[] }).messages;
  const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal" || m.type === "non-document-error");
  const report = errors
    .map((m) => `${(m.url ?? "").replace(/^file:/, "")}:${m.lastLine ?? "?"} ${m.message} [${(m.extract ?? "").trim()}]`)
    .join("\n");
  assert.equal(errors.length, 0, `Nu Html Checker errors:\n${report}`);
  assert.equal(result.status, 0, result.stderr);
});
