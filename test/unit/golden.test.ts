/**
 * The lint, the render transforms and the search keys give what they gave when their golden outputs
 * were written (test/fixtures/golden/, by `npm run golden`; inputs and groups in golden-cases.ts).
 * These three keep fast paths (word offsets in typed arrays, one-scan prose, NFKC and lower-case
 * shortcuts) whose only spec is "the same output as before": the golden files are that output,
 * taken when the current code still matched the frozen copies of the earlier code they replace.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { lintText } from "../../lib/text/lint-rules.ts";
import {
  asJson,
  digest,
  glossaries,
  goldenFile,
  lintLines,
  recordOf,
  suites,
  type GoldenGroup,
  type GoldenRecord,
} from "./golden-cases.ts";

const show = (value: unknown) => JSON.stringify(value).slice(0, 400);

function compare(group: GoldenGroup, expected: GoldenRecord | undefined): void {
  assert.ok(expected, `no golden record for "${group.name}": run npm run golden`);
  const actual = recordOf(group);
  assert.equal(actual.count, expected.count, "the number of inputs changed: run npm run golden");
  assert.equal(actual.inputs, expected.inputs, "the inputs changed (not the code under test): run npm run golden");
  if (expected.outputs) {
    for (let i = 0; i < expected.count; i++)
      assert.deepStrictEqual(actual.outputs![i], expected.outputs[i], `input ${i}: ${show(group.inputs[i])}`);
    return;
  }
  const size = expected.block!;
  assert.equal(actual.block, size);
  expected.digests!.forEach((hash, k) => {
    if (actual.digests![k] === hash) return;
    const inputs = group.inputs.slice(k * size, (k + 1) * size);
    const now = inputs.map((input) => `  ${show(input)} → ${show(asJson(group.run(input)))}`).join("\n");
    assert.fail(
      `inputs ${k * size}–${k * size + inputs.length - 1} give something else now (golden hash ${hash}, now ${actual.digests![k]}):\n${now}`,
    );
  });
}

for (const suite of suites) {
  describe(`${suite.name}: the golden outputs`, () => {
    const golden = JSON.parse(readFileSync(goldenFile(suite), "utf8")) as Record<string, GoldenRecord>;
    const groups = suite.groups();
    test("every group has its record, and no record is left over", () => {
      assert.deepEqual(Object.keys(golden).sort(), groups.map((g) => g.name).sort());
    });
    for (const group of groups) test(group.name, () => compare(group, golden[group.name]));
  });
}

test("the generated lint lines reach every rule and each fix flag it can have (office glossary)", () => {
  const office = glossaries[2];
  const rules = new Set<string>();
  let findings = 0;
  for (const { text } of lintLines()) {
    for (const f of lintText(text, office)) {
      findings++;
      rules.add(`${f.rule} ${f.fix}`);
    }
  }
  assert.ok(findings > 4000, `${findings} findings`);
  const all = [
    "arabic-digits true",
    "arabic-letters true",
    "arabic-teh-marbuta false",
    "glossary true",
    "latin-punctuation true",
    "space-after-punctuation true",
    "space-before-punctuation true",
    "space-inside-brackets true",
    "zwnj-comparative false",
    "zwnj-comparative true",
    "zwnj-ezafe false",
    "zwnj-ezafe true",
    "zwnj-mi false",
    "zwnj-mi true",
    "zwnj-plural false",
    "zwnj-plural true",
    "zwnj-stray true",
    "zwnj-verb-ending false",
    "zwnj-verb-ending true",
  ];
  assert.deepEqual([...rules].sort(), all);
});

test("a golden hash changes with its outputs", () => {
  assert.notEqual(digest([["a"]]), digest([["b"]]));
});
