/**
 * The editor's file format: every sample release is written back byte for byte; a title edit changes
 * the title line only; fields the form doesn't know are kept; emptied fields are dropped; new fields
 * are written as `npm run new` writes them.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fromFile, toFile } from "../../lib/editor/front-matter-format.ts";
import { ROOT } from "../helpers/build.ts";

const releasesDir = path.join(ROOT, "content/releases");
const samples = readdirSync(releasesDir).flatMap((year) =>
  readdirSync(path.join(releasesDir, year))
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join(releasesDir, year, f)),
);

describe("the editor's front-matter format", () => {
  test("every sample release is written back unchanged, and a title edit touches only its line", () => {
    assert.ok(samples.length > 10);
    for (const file of samples) {
      const source = readFileSync(file, "utf8");
      assert.equal(toFile(fromFile(source)), source, file);
      const edited = toFile({ ...fromFile(source), title: "عنوان تازه" }).split("\n");
      const changed = source.split("\n").filter((line, i) => line !== edited[i]);
      assert.equal(changed.length, 1, file);
      assert.match(changed[0]!, /^title:/);
    }
  });

  test("fields the form doesn't know, and comments, are kept; an emptied field is dropped", () => {
    const source = '---\n# a comment\ntitle: "خبر"\nsponsor: شهرداری\ndate: 1404-02-10\nsummary: "لید"\n---\nمتن\n';
    assert.equal(
      toFile({ ...fromFile(source), summary: "" }),
      '---\n# a comment\ntitle: "خبر"\nsponsor: شهرداری\ndate: 1404-02-10\n---\nمتن\n',
    );
  });

  test("a new release is written in the form's order, texts quoted, lists in brackets, empty parts left out", () => {
    const text = toFile(
      {
        title: "خبر تازه",
        date: "1404-09-12 10:30",
        category: "culture",
        tags: ["تئاتر", "کودک"],
        draft: false,
        imageAlt: "",
        gallery: [{ file: "images/1.jpg", alt: "عکس", caption: "" }],
        withdrawn: { date: "", reason: "" },
        body: "> نقل\n",
      },
      ["title", "date", "category", "tags", "imageAlt", "draft", "gallery", "withdrawn"],
    );
    assert.equal(
      text,
      '---\ntitle: "خبر تازه"\ndate: "1404-09-12 10:30"\ncategory: "culture"\ntags: ["تئاتر", "کودک"]\ndraft: false\ngallery:\n  - file: "images/1.jpg"\n    alt: "عکس"\n---\n> نقل\n',
    );
  });
});
