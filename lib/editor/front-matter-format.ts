/**
 * The web editor's file format (registered with Decap as `chapar-front-matter`): reads a release with
 * Chapar's own front-matter parser, and writes it back so that a field the form didn't change keeps
 * its lines exactly as they were (quoting, comments, order), a field the form didn't know is kept, and
 * a changed or new field is written the way `npm run new` writes it. Decap's own YAML writer
 * re-serializes every line, so a title edit would show as a rewrite of the whole front matter.
 *
 * Pure: bundled into the editor's browser script and tested under Node.
 */
import { parseFrontMatter } from "../content/front-matter.ts";

/** Where the file's text as read travels with the entry, so that writing can keep untouched lines. */
export const SOURCE_KEY = "__chaparSource";
/** Keys the editor keeps beside an entry's fields and never writes. */
const EDITOR_KEYS = /^__chapar/;

export type EntryData = Record<string, unknown> & { body?: string };

export function fromFile(content: string): EntryData {
  const parsed = parseFrontMatter(content);
  // A file Chapar can't read opens as its body alone; `npm run check` names its problem.
  if (!parsed.ok) return { body: content, [SOURCE_KEY]: content };
  return { ...parsed.value.data, body: parsed.value.body, [SOURCE_KEY]: content };
}

interface Block {
  key: string | undefined;
  /** Comment and blank lines before the key. */
  leading: string[];
  /** The key's own lines (the key line and its indented continuation). */
  lines: string[];
}

/** The front matter's lines, grouped by top-level key (comments go with the key after them). */
function blocksOf(yaml: string): Block[] {
  const blocks: Block[] = [];
  let leading: string[] = [];
  let current: Block | undefined;
  for (const line of yaml.split("\n")) {
    const key = /^([^\s#:-][^:]*?)\s*:(?:\s|$)/.exec(line)?.[1]?.replace(/^["']|["']$/g, "");
    if (key !== undefined) {
      current = { key, leading, lines: [line] };
      blocks.push(current);
      leading = [];
    } else if (current && /^[ \t]+\S|^-/.test(line) && leading.length === 0) {
      current.lines.push(line);
    } else {
      leading.push(line);
    }
  }
  if (leading.length > 0) blocks.push({ key: undefined, leading, lines: [] });
  return blocks;
}

/** Nothing written: what the form holds for a field left empty. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.every(isEmptyValue);
  if (typeof value === "object") return Object.values(value as object).every(isEmptyValue);
  return false;
}

/** The value without the empty parts the form adds (an empty caption, a list's empty item). */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !isEmptyValue(v)).map(compact);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => !isEmptyValue(v))
        .map(([k, v]) => [k, compact(v)]),
    );
  }
  return value;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(compact(a)) === JSON.stringify(compact(b));

const scalar = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : String(v));

/** A field as `npm run new` writes it: text double-quoted, a list of words in brackets, nested items indented. */
export function fieldLines(key: string, value: unknown): string[] {
  const v = compact(value);
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== "object")) return [`${key}: [${v.map(scalar).join(", ")}]`];
    const lines = [`${key}:`];
    for (const item of v) {
      Object.entries(item as Record<string, unknown>).forEach(([k, x], i) => {
        lines.push(`${i === 0 ? "  - " : "    "}${nestedLine(k, x)}`);
      });
    }
    return lines;
  }
  if (v !== null && typeof v === "object") return [`${key}:`, ...Object.entries(v).map(([k, x]) => `  ${nestedLine(k, x)}`)];
  return [`${key}: ${scalar(v)}`];
}

const nestedLine = (k: string, x: unknown) => (Array.isArray(x) ? `${k}: [${x.map(scalar).join(", ")}]` : `${k}: ${scalar(x)}`);

/**
 * Writes an entry: the original file's lines for every field whose value is unchanged, Chapar's form
 * for changed and new ones (new ones in `order`, the form's order), nothing for fields emptied.
 */
export function toFile(data: EntryData, order: readonly string[] = []): string {
  const { body = "", [SOURCE_KEY]: source, ...withKeys } = data;
  const fields = Object.fromEntries(Object.entries(withKeys).filter(([k]) => !EDITOR_KEYS.test(k)));
  const parsed = typeof source === "string" ? parseFrontMatter(source) : undefined;
  const before = parsed?.ok ? parsed.value : undefined;
  const out: string[] = [];
  const written = new Set<string>();
  for (const block of before ? blocksOf(before.yaml.replace(/\n$/, "")) : []) {
    out.push(...block.leading);
    if (block.key === undefined) continue;
    written.add(block.key);
    const value = fields[block.key];
    if (isEmptyValue(value)) continue;
    out.push(...(sameValue(value, before!.data[block.key]) ? block.lines : fieldLines(block.key, value)));
  }
  const rest = Object.keys(fields).filter((k) => !written.has(k) && !isEmptyValue(fields[k]));
  const ordered = [...order.filter((k) => rest.includes(k)), ...rest.filter((k) => !order.includes(k))];
  for (const key of ordered) out.push(...fieldLines(key, fields[key]));
  const text = String(body);
  return `---\n${out.join("\n")}\n---\n${text.endsWith("\n") || text === "" ? text : `${text}\n`}`;
}
