/**
 * Chapar's page writer (lib/features/page-writer.ts) renders the page templates itself instead of
 * Eleventy's pagination; the output must be exactly what Eleventy writes from the same templates.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { ReleasePage } from "../../lib/site/collections.ts";
import { prepareChaparData } from "../../lib/site/prepare.ts";
import { definePage, loadPageTemplates, notAPageTemplate, pageRoutes, renderRoute } from "../../lib/site/pages.ts";
import { pageFilesOnThread } from "../../lib/features/page-writer.ts";
import { buildOk, FIXED_NOW, FIXTURES, listOutput, ROOT, tempDir } from "../helpers/build.ts";

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
    // Without the search step watching the release pages (they are written in template order then).
    const withoutSearch = buildOk(content, { env: { CHAPAR_CACHE: "off", CHAPAR_SEARCH: "off" } });
    const a = digest(eleventy.out);
    const b = digest(writer.out);
    assert.deepEqual([...b.keys()], [...a.keys()], "the same files");
    for (const [file, text] of a) assert.equal(b.get(file), text, file);
    const c = digest(withoutSearch.out);
    assert.deepEqual(
      [...c.keys()],
      [...a.keys()].filter((f) => !f.startsWith("pagefind/")),
      "the same files, no search bundle",
    );
    for (const [file, text] of c) assert.equal(text, a.get(file), file);
  });
}

test("templates that need Eleventy are left to it: only definePage() marks a Chapar page", () => {
  const render = () => "";
  const page = (data: Record<string, unknown>) => ({ default: definePage({ data: data as { permalink: string }, render }) });
  assert.equal(notAPageTemplate(page({ permalink: "/x/" })), undefined);
  assert.equal(
    notAPageTemplate(page({ permalink: "/x/", pagination: { data: "chapar.model.homePages", size: 1, alias: "entry" } })),
    undefined,
  );
  assert.match(notAPageTemplate(page({ permalink: "/x/", layout: "base" })) ?? "", /layout/);
  assert.match(notAPageTemplate(page({ permalink: "/x/", pagination: { data: "collections.all", size: 1 } })) ?? "", /chapar/);
  assert.match(notAPageTemplate(page({ permalink: "/x/", pagination: { data: "chapar.model.homePages", size: 10 } })) ?? "", /size/);
  // An ordinary 11ty.js template (named exports, or a default object without the marker) stays with Eleventy.
  assert.match(notAPageTemplate({ data: { permalink: "/x/" }, render }) ?? "", /definePage/);
  assert.match(notAPageTemplate({ default: { data: { permalink: "/x/" }, render } }) ?? "", /definePage/);
});

test("every template in layouts/pages is a Chapar page; each route's noindex is what its head says", async () => {
  const { pages, others } = await loadPageTemplates(ROOT);
  assert.deepEqual(others, []);
  const data = await prepareChaparData({ contentDir: path.join(FIXTURES, "publishing"), preview: false, now: Date.parse(FIXED_NOW) });
  const routes = pageRoutes(data, pages);
  assert.ok(routes.some((r) => r.noindex) && routes.some((r) => !r.noindex));
  for (const route of routes) {
    const html = renderRoute(data, route);
    const head = html.slice(0, Math.max(0, html.indexOf("</head>")));
    assert.equal(/<meta name="robots" content="[^"]*noindex/.test(head), route.noindex, route.url);
  }
  // Release pages carry their release's date of last change; list pages their list's newest.
  for (const route of routes.filter((r) => r.template.file.endsWith("/release.11ty.ts"))) {
    assert.equal(route.lastModified, (route.entry as ReleasePage).release.modified, route.url);
  }
  assert.ok(routes.find((r) => r.url === "/")?.lastModified);
});

test("the writer thread writes every page handed to it, folders made, and reports a failed write", async () => {
  const dir = tempDir();
  const files = pageFilesOnThread(2);
  const pages = Array.from({ length: 5 }, (_, i) => [path.join(dir, `a/${i}/index.html`), `<p>صفحه‌ی ${i}</p>`] as const);
  for (const [file, html] of pages) files.write(file, html);
  await files.close();
  for (const [file, html] of pages) assert.equal(readFileSync(file, "utf8"), html);

  // A file where a folder must go: the write fails, and close() says so.
  writeFileSync(path.join(dir, "blocked"), "");
  const failing = pageFilesOnThread();
  failing.write(path.join(dir, "blocked/x/index.html"), "<p></p>");
  await assert.rejects(failing.close(), /page writer: /);
});
