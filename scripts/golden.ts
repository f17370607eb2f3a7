/**
 * `npm run golden`: writes the golden outputs of the lint, the render transforms and the search keys
 * (test/fixtures/golden/*.json) from the current code; test/unit/golden.test.ts compares against
 * them. Run it after an intended change of their output, and read the diff before committing it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GOLDEN_DIR, goldenFile, recordOf, suites, type GoldenRecord } from "../test/unit/golden-cases.ts";

/** Compact JSON with one output or hash a line, so a change shows as the lines it changes. */
export function formatGolden(groups: Record<string, GoldenRecord>): string {
  const entries = Object.entries(groups).map(([name, { outputs, digests, ...head }]) => {
    const list = outputs ?? digests ?? [];
    const key = outputs ? "outputs" : "digests";
    const items = list.map((item) => `    ${JSON.stringify(item)}`).join(",\n");
    return `  ${JSON.stringify(name)}: ${JSON.stringify(head).slice(0, -1)}, ${JSON.stringify(key)}: [\n${items}\n  ]}`;
  });
  return `{\n${entries.join(",\n")}\n}\n`;
}

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const suite of suites) {
  const groups: Record<string, GoldenRecord> = {};
  for (const group of suite.groups()) groups[group.name] = recordOf(group);
  const file = goldenFile(suite);
  writeFileSync(file, formatGolden(groups));
  console.log(`${path.relative(process.cwd(), file)}: ${Object.values(groups).reduce((n, g) => n + g.count, 0)} inputs`);
}
