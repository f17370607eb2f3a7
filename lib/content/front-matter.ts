/**
 * Splits a Markdown file into front matter and body, and parses the front matter with YAML's core
 * schema: no timestamps, so `date: 2022-05-15` stays the text the author wrote (YAML's default would
 * make it UTC midnight, and `1401-02-25` the Gregorian year 1401).
 */
import * as yaml from "js-yaml";

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** 1-based line of each top-level key, for messages that point at a field. */
  keyLines: Map<string, number>;
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; line?: number; message: string };

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

  let data: unknown;
  try {
    data = yaml.load(yamlText, { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    const err = e as { mark?: { line?: number }; reason?: string; message?: string };
    const line = err.mark?.line === undefined ? undefined : err.mark.line + 2;
    return { ok: false, ...(line === undefined ? {} : { line }), message: `سرآغاز YAML معتبر نیست: ${err.reason ?? err.message ?? ""}` };
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
  return { ok: true, value: { data: data as Record<string, unknown>, body: afterClose, bodyLine: yamlLines + 3, keyLines } };
}
