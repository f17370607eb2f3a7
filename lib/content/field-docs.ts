/**
 * The front-matter fields tables of README.md (English) and docs/guide-fa.md (Persian), made from the
 * schema's own field docs (lib/content/schema.ts) and kept in the documents between two markers.
 * `npm run docs:fields` rewrites them; test/unit/field-docs.test.ts fails when a committed table is stale.
 */
import { FIELD_DOCS, isRequiredField, RELEASE_FIELDS } from "./schema.ts";

export type DocLanguage = "en" | "fa";

/** The documents holding a fields table, relative to the project, and the table's language. */
export const FIELD_TABLE_DOCUMENTS: readonly { file: string; language: DocLanguage }[] = [
  { file: "README.md", language: "en" },
  { file: "docs/guide-fa.md", language: "fa" },
];

const BEGIN = "<!-- fields: generated from lib/content/schema.ts by `npm run docs:fields`; edit there -->";
const END = "<!-- /fields -->";

const HEADINGS: Record<DocLanguage, { header: string; yes: string; no: string }> = {
  en: { header: "| field | required | what |", yes: "yes", no: "no" },
  fa: { header: "| فیلد | لازم؟ | توضیح |", yes: "بله", no: "نه" },
};

/** The Markdown table: one row per field, in the schema's order. */
export function fieldsTable(language: DocLanguage): string {
  const { header, yes, no } = HEADINGS[language];
  const rows = RELEASE_FIELDS.map((name) => {
    const doc = FIELD_DOCS[name];
    const required = doc.requiredWhen?.[language] ?? (isRequiredField(name) ? yes : no);
    return `| \`${name}\` | ${required} | ${doc[language].replaceAll("|", "\\|")} |`;
  });
  return [header, "|---|---|---|", ...rows].join("\n");
}

/** `document` with the text between its markers replaced by the current table; throws if the markers are missing. */
export function withFieldsTable(document: string, language: DocLanguage): string {
  const begin = document.indexOf(BEGIN);
  const end = document.indexOf(END, begin);
  if (begin === -1 || end === -1) throw new Error(`the fields table's markers (${BEGIN} … ${END}) are missing`);
  return `${document.slice(0, begin + BEGIN.length)}\n${fieldsTable(language)}\n${document.slice(end)}`;
}
