/**
 * `npm run fonts`: makes the Vazirmatn subsets the stylesheet uses (lib/features/fonts.ts) and writes
 * them, with the key they were made for, to `assets/fonts/`. Builds use these files while the key
 * matches (same font, code points and subsetting tool) instead of subsetting on every empty cache;
 * when it doesn't, builds subset the font themselves, so a stale folder costs time, never correctness.
 * Run it after changing the subsets' code points or upgrading `vazirmatn` or `subset-font`;
 * test/build/assets.test.ts fails until then.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaults, fontSubsetsKey, PREBUILT_MANIFEST, prebuiltName, subsetWoff2 } from "../lib/features/fonts.ts";
import { fromProject } from "../lib/features/asset-files.ts";

const { key, source, pointsPerSubset } = fontSubsetsKey(defaults);
const dir = fromProject(defaults.prebuiltDir);
mkdirSync(dir, { recursive: true });
for (const [i, subset] of defaults.subsets.entries()) {
  const bytes = await subsetWoff2(source, pointsPerSubset[i]!);
  writeFileSync(path.join(dir, prebuiltName(defaults, subset)), bytes);
  console.log(`${prebuiltName(defaults, subset)}: ${bytes.byteLength} بایت`);
}
writeFileSync(
  path.join(dir, PREBUILT_MANIFEST),
  `${JSON.stringify({ key, source: defaults.source, subsets: defaults.subsets.map((s) => s.name) }, null, 2)}\n`,
);
console.log(`زیرمجموعه‌های قلم در ${path.relative(process.cwd(), dir)} نوشته شد (کلید ${key}).`);
