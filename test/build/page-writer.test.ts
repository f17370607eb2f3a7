/**
 * Chapar's page writer (lib/features/page-writer.ts) renders the page templates itself instead of
 * Eleventy's pagination; the output must be exactly what Eleventy writes from the same templates.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { notAPageTemplate } from "../../lib/site/pages.ts";
import { buildOk, FIXTURES, listOutput, ROOT } from "../helpers/build.ts";

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
    const a = digest(eleventy.out);
    const b = digest(writer.out);
    assert.deepEqual([...b.keys()], [...a.keys()], "the same files");
    for (const [file, text] of a) assert.equal(b.get(file), text, file);
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
