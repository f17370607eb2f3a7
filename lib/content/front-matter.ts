/**
 * Splits a Markdown file into front matter and body, and parses the front matter with YAML's core
 * schema: no timestamps, so `date: 2022-05-15` stays the text the author wrote (YAML's default would
 * make it UTC midnight, and `1401-02-25` the Gregorian year 1401).
 *
 * Most front matter is a few `key: "text"` lines: `simpleFrontMatter` reads exactly those, and only
 * those, itself (js-yaml took ~0.9 s of a 10,000-release build); anything else goes to js-yaml.
 */
import { PREFIX as YAML_PROBLEM, readYaml } from "./yaml-errors.ts";

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** 1-based line of each top-level key, for messages that point at a field. */
  keyLines: Map<string, number>;
  /** The front matter's YAML text (from the file's second line), for `fieldLine`. */
  yaml: string;
}

export type FrontMatterResult =
  | { ok: true; value: FrontMatter }
  | { ok: false; line?: number; column?: number; message: string; suggestion?: string };

const OPEN = /^\ufeff?---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

export function parseFrontMatter(source: string): FrontMatterResult {
  const open = OPEN.exec(source);
  if (!open) {
    return { ok: false, line: 1, message: "پرونده باید با سرآغاز (front matter) میان دو خط --- شروع شود" };
  }
  const rest = source.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { ok: false, line: 1, message: "سرآغاز بسته نشده است؛ پس از فیلدها یک خط --- بگذارید" };
  const yamlText = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, "");
  const yamlLines = yamlText.split("\n").length - (yamlText.endsWith("\n") ? 1 : 0);

  let data: unknown = simpleFrontMatter(yamlText);
  if (data === undefined) {
    const read = readYaml(yamlText);
    // The YAML text starts on the file's second line.
    if (!read.ok) return { ...read, line: read.line + 1 };
    data = read.value;
    const cut = textCutByComment(yamlText, data);
    if (cut) return cut;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    return { ok: false, line: 2, message: "سرآغاز باید فهرستی از فیلدها به شکل «نام: مقدار» باشد" };
  }
  const keyLines = new Map<string, number>();
  yamlText.split("\n").forEach((line, i) => {
    const m = /^([^\s#:][^:]*?)\s*:/.exec(line);
    if (m?.[1] !== undefined && !keyLines.has(m[1])) keyLines.set(m[1].replace(/^["']|["']$/g, ""), i + 2);
  });
  return {
    ok: true,
    value: { data: data as Record<string, unknown>, body: afterClose, bodyLine: yamlLines + 3, keyLines, yaml: yamlText },
  };
}

/**
 * `key: text #more`: a top-level plain value followed by what YAML reads as a comment, when the `#`
 * touches the next word (`#۲`, `#نوروز`: text, not a note; a deliberate comment is `# note`).
 */
const COMMENTED_LINE = /^([A-Za-z_][A-Za-z0-9_]*):[ \t]+([^"'[{|>&*!#\s][^\n]*?)([ \t]+#\S.*)$/;

/**
 * In YAML a `#` after a space starts a comment, so `title: نشست #۲` publishes «نشست»: a text field's
 * value cut short that way is refused, at the `#`, with the quoted line to write instead.
 */
function textCutByComment(yamlText: string, data: unknown): FrontMatterResult | undefined {
  if (data === null || typeof data !== "object") return undefined;
  const lines = yamlText.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, "");
    const m = COMMENTED_LINE.exec(line);
    if (!m) continue;
    const [, key, kept, comment] = m as unknown as [string, string, string, string];
    if ((data as Record<string, unknown>)[key] !== kept) continue;
    const hash = comment.indexOf("#");
    const written = `${kept}${comment}`.trim().replaceAll("\\", "\\\\").replaceAll('"', '\\"');
    return {
      ok: false,
      line: i + 2,
      column: line.length - comment.length + hash + 1,
      message: `${YAML_PROBLEM}در YAML نویسه‌ی «#» پس از فاصله آغاز یادداشت است و «${comment.slice(hash).trim()}» از مقدار «${key}» کنار گذاشته می‌شد؛ مقدار را میان گیومه بگذارید`,
      suggestion: `${key}: "${written}"`,
    };
  }
  return undefined;
}

/** A line `key: value` whose key is a plain identifier. */
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_]*): +(.*?) *$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;
/**
 * A plain scalar that can only be a string: it starts with a letter and has no character YAML gives
 * a meaning to (no `:`, `#`, quotes, brackets, commas…). The core schema's only letter-led non-strings
 * are these six words and the three spellings of null.
 */
const PLAIN = String.raw`\p{L}[\p{L}\p{M}\p{N}\u200c\u200d _./-]*`;
const PLAIN_TEXT = new RegExp(`^${PLAIN}$`, "u");
const NOT_TEXT = new Set(["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"]);
/** One item of a flow sequence (`[کتاب, "شب یلدا"]`) and the comma after it, or the end. */
const LIST_ITEM = new RegExp(String.raw` *(?:"([^"\\]*)"|'([^']*)'|(${PLAIN}?)) *(,|$)`, "uy");
/**
 * Characters YAML refuses (outside its printable set), tabs, carriage returns, the byte-order mark and
 * the characters YAML 1.1 counted as line breaks: js-yaml decides then.
 */
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ud800-\udfff\u2028\u2029\ufeff\ufffe\uffff]/;

/**
 * The front matter as js-yaml's core schema reads it, when every line is blank or `key: value` with a
 * double- or single-quoted string (no escapes), plain text that starts with a letter, or a one-line
 * list of those; otherwise undefined (nesting, numbers, booleans, comments, duplicates…).
 * test/unit/front-matter-fast.test.ts holds it to js-yaml's result, on the fixtures and random input.
 */
export function simpleFrontMatter(yamlText: string): Record<string, unknown> | undefined {
  if (UNUSUAL.test(yamlText)) return undefined;
  const data: Record<string, unknown> = {};
  let keys = 0;
  for (const line of yamlText.split("\n")) {
    const m = SIMPLE_LINE.exec(line);
    if (!m) {
      if (line.trim() === "") continue;
      return undefined;
    }
    const key = m[1]!;
    const raw = m[2]!;
    if (key === "__proto__" || Object.hasOwn(data, key)) return undefined;
    let value: unknown;
    let q: RegExpExecArray | null;
    if ((q = DOUBLE_QUOTED.exec(raw) ?? SINGLE_QUOTED.exec(raw))) value = q[1];
    else if (raw.startsWith("[") && raw.endsWith("]")) value = flowList(raw.slice(1, -1));
    else if (PLAIN_TEXT.test(raw) && !NOT_TEXT.has(raw)) value = raw;
    if (value === undefined) return undefined;
    data[key] = value;
    keys++;
  }
  return keys > 0 ? data : undefined;
}

/** The items of a flow sequence's inside, when each is a quoted string or plain text; else undefined. */
function flowList(inside: string): string[] | undefined {
  const items: string[] = [];
  if (inside.trim() === "") return items;
  LIST_ITEM.lastIndex = 0;
  while (LIST_ITEM.lastIndex < inside.length) {
    const m = LIST_ITEM.exec(inside);
    if (!m) return undefined;
    const item = m[1] ?? m[2] ?? m[3]!;
    // A word YAML reads as a boolean or null: js-yaml decides. (An empty item, `[a,,b]`, doesn't match.)
    if (m[3] !== undefined && NOT_TEXT.has(item)) return undefined;
    items.push(item);
    if (m[4] === "") return items;
  }
  return undefined; // a trailing comma: `[a,]`
}

/** A YAML line's indentation, counting a list item's `- ` as indentation of the key that follows it. */
const INDENTED = /^((?: *- +| *)*)(.*)$/;

/**
 * The 1-based file line of a nested field (`["updates", 1, "note"]`) as written in block style, or of
 * its nearest ancestor that can be found (a field written inline, `{date: …, note: …}`, or missing,
 * points at the line that holds it); undefined when not even the top-level field is there.
 */
export function fieldLine(fm: Pick<FrontMatter, "yaml">, at: readonly PropertyKey[]): number | undefined {
  const lines = fm.yaml.split("\n");
  const indentOf = (i: number) => INDENTED.exec(lines[i]!)![1]!.length;
  const blank = (i: number) => /^\s*(#.*)?\r?$/.test(lines[i]!);
  let [from, to, found] = [0, lines.length, -1];
  for (const segment of at) {
    let hit = -1;
    if (typeof segment === "number") {
      // The n-th `- ` at the indentation of the first one.
      const dash = lines.slice(from, to).findIndex((l) => /^ *- /.test(l) || /^ *-\r?$/.test(l));
      if (dash === -1) break;
      const dashIndent = /^ */.exec(lines[from + dash]!)![0].length;
      let n = -1;
      for (let i = from + dash; i < to; i++) {
        if (blank(i)) continue;
        const indent = /^ */.exec(lines[i]!)![0].length;
        if (indent < dashIndent) break;
        if (indent === dashIndent && lines[i]!.slice(indent).startsWith("-") && ++n === segment) {
          hit = i;
          break;
        }
      }
      if (hit === -1) break;
      let end = hit + 1;
      while (end < to && (blank(end) || /^ */.exec(lines[end]!)![0].length > dashIndent)) end++;
      // The item's first key shares its line: the item's keys are searched from that line on.
      [from, to, found] = [hit, end, hit];
      continue;
    }
    const key = String(segment);
    for (let i = from; i < to; i++) {
      const m = INDENTED.exec(lines[i]!)!;
      const k = /^(?:"([^"]*)"|'([^']*)'|([^\s#:][^:]*?))\s*:(?:\s|$)/.exec(m[2]!);
      if (k && (k[1] ?? k[2] ?? k[3]) === key) {
        hit = i;
        break;
      }
    }
    if (hit === -1) break;
    const indent = indentOf(hit);
    let end = hit + 1;
    while (end < to && (blank(end) || indentOf(end) > indent)) end++;
    [from, to, found] = [hit + 1, end, hit];
  }
  return found === -1 ? undefined : found + 2;
}
