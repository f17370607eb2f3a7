/**
 * `npm run docs:fields`: rewrites the front-matter fields tables of README.md and docs/guide-fa.md
 * from the schema (lib/content/schema.ts), where each field's docs sit beside its zod type.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FIELD_TABLE_DOCUMENTS, withFieldsTable } from "../lib/content/field-docs.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
for (const { file, language } of FIELD_TABLE_DOCUMENTS) {
  const absolute = path.join(root, file);
  const before = readFileSync(absolute, "utf8");
  const after = withFieldsTable(before, language);
  if (after !== before) writeFileSync(absolute, after);
  console.log(`${file}: ${after === before ? "unchanged" : "updated"}`);
}
