/**
 * `npm run stylesheet`: builds Chapar's stylesheet with PostCSS (lib/features/stylesheet.ts) and
 * writes it, with the key it was made for, to `assets/prebuilt-css/`. Builds use that file while the
 * key matches (same CSS sources, font rules, browser list and tool versions) instead of loading PostCSS
 * on every empty cache; when it doesn't, they run PostCSS themselves, so a stale file costs time, never
 * correctness. Run it after editing `assets/css/` (after `npm run fonts`, if the fonts changed too);
 * test/build/assets.test.ts fails until then.
 */
import path from "node:path";
import { writePrebuiltStylesheet } from "../lib/features/stylesheet.ts";

const files = await writePrebuiltStylesheet();
console.log(`شیوه‌نامه‌ی ساخته‌شده نوشته شد: ${files.map((f) => path.relative(process.cwd(), f)).join("، ")}`);
