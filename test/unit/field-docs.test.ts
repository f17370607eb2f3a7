/**
 * The fields tables of README.md and docs/guide-fa.md are generated from the schema's field docs:
 * a committed table that no longer matches (a field added, a description changed) fails here.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { FIELD_TABLE_DOCUMENTS, fieldsTable, withFieldsTable } from "../../lib/content/field-docs.ts";
import { FIELD_DOCS, isRequiredField, RELEASE_FIELDS } from "../../lib/content/schema.ts";
import { ROOT } from "../helpers/build.ts";

describe("front-matter fields tables", () => {
  for (const { file, language } of FIELD_TABLE_DOCUMENTS) {
    test(`${file}'s table is the schema's (else run \`npm run docs:fields\`)`, () => {
      const committed = readFileSync(path.join(ROOT, file), "utf8");
      assert.equal(committed, withFieldsTable(committed, language), `${file} is stale: run npm run docs:fields`);
    });
  }

  test("one row per field of the schema, in its order, with what it requires", () => {
    const rows = fieldsTable("en").split("\n").slice(2);
    assert.deepEqual(
      rows.map((row) => /^\| `(\w+)` \|/.exec(row)?.[1]),
      [...RELEASE_FIELDS],
    );
    assert.deepEqual(RELEASE_FIELDS.filter(isRequiredField), ["title", "date", "category"]);
    assert.match(fieldsTable("fa"), /^\| `imageAlt` \| با تصویر، بله \|/m);
    for (const field of RELEASE_FIELDS) assert.match(FIELD_DOCS[field].fa, /[\u0600-\u06ff]/, field);
  });

  test("missing markers are an error, not a silently unchanged document", () => {
    assert.throws(() => withFieldsTable("# no table here\n", "en"), /markers/);
  });
});
