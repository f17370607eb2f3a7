/**
 * Chapar's page writer (lib/features/page-writer.ts) renders the page templates itself instead of
 * Eleventy's pagination; the output must be exactly what Eleventy writes from the same templates.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { pageFilesOnThread } from "../../lib/features/page-writer.ts";
import { notAPageTemplate } from "../../lib/site/pages.ts";
import { buildOk, FIXTURES, listOutput, ROOT, tempDir } from "../helpers/build.ts";

function digest(dir: string): Map<string, string> {
  return new Map(listOutput(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

for (const [name, content] of [
  ["the sample site", path.join(ROOT, "content")],
  ["the publishing fixture (drafts, scheduled, withdrawn)", path.join(FIXTURES, "publishing")],
] as const) {
  test(`page writer output is byte-identical to Eleventy's: ${name}`, () => {
    const eleventy = buildOk(content, { env: { CHAPAR_PAGE_WRITER: "off", CHAPAR_CACHE: "off" } });
    const writer = buildOk(content, { env: { CHAPAR_CACHE: "off" } });
    // Without the search step watching the release pages, a second thread writes the files.
    const thread = buildOk(content, { env: { CHAPAR_CACHE: "off", CHAPAR_SEARCH: "off" } });
    const a = digest(eleventy.out);
    const b = digest(writer.out);
    assert.deepEqual([...b.keys()], [...a.keys()], "the same files");
    for (const [file, text] of a) assert.equal(b.get(file), text, file);
    const c = digest(thread.out);
    assert.deepEqual([...c.keys()], [...a.keys()].filter((f) => !f.startsWith("pagefind/")), "the same files, no search bundle");
    for (const [file, text] of c) assert.equal(text, a.get(file), file);
  });
}

test("templates that need Eleventy are left to it", () => {
  const render = () => "";
  assert.equal(notAPageTemplate({ data: { permalink: "/x/" }, render }), undefined);
  assert.equal(notAPageTemplate({ data: { permalink: "/x/", pagination: { data: "chapar.model.homePages", size: 1, alias: "entry" } }, render }), undefined);
  assert.match(notAPageTemplate({ data: { permalink: "/x/", layout: "base" }, render }) ?? "", /layout/);
  assert.match(notAPageTemplate({ data: { permalink: "/x/", pagination: { data: "collections.all", size: 1 } }, render }) ?? "", /chapar/);
  assert.match(notAPageTemplate({ data: { permalink: "/x/", pagination: { data: "chapar.model.homePages", size: 10 } }, render }) ?? "", /size/);
  assert.match(
    notAPageTemplate({
      data: { permalink: "/x/" },
      render(this: { slugify(s: string): string }) {
        return this.slugify("x");
      },
    }) ?? "",
    /this/,
  );
});

test("the writer thread writes every page (new folders included) and reports a failed write", async () => {
  const out = tempDir();
  const files = pageFilesOnThread(2);
  const pages = Array.from({ length: 9 }, (_, i) => [path.join(out, `۱۴۰۴/${i % 3}/p${i}/index.html`), `<p>صفحه‌ی ${i}</p>`] as const);
  for (const [file, html] of pages) files.write(file, html);
  await files.close();
  for (const [file, html] of pages) assert.equal(readFileSync(file, "utf8"), html);

  const blocked = tempDir();
  writeFileSync(path.join(blocked, "taken"), "a file where a folder should be");
  mkdirSync(path.join(blocked, "ok"));
  const failing = pageFilesOnThread();
  failing.write(path.join(blocked, "ok/index.html"), "ok");
  failing.write(path.join(blocked, "taken/index.html"), "never");
  await assert.rejects(failing.close(), /page writer: .*(EEXIST|ENOTDIR)/);
});
