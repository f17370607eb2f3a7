/** Problems found in an office's content, reported all together in Persian. */
import path from "node:path";

export interface ContentProblem {
  /** Path relative to the content folder (or as given), e.g. `releases/1403/nowruz.md`. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  column?: number;
  /** The front-matter field as the author wrote it, when the problem is about one field. */
  field?: string;
  /** Persian message: what is wrong, the value, and what is allowed. */
  message: string;
  severity: "error" | "warning";
  /** The check that found it, for findings of a named rule (the typography lint: `zwnj-plural`…). */
  rule?: string;
  /** The text as it should read, when the check can say. */
  suggestion?: string;
}

/** Thrown when content has errors; carries every problem so the caller can print them all. */
export class ContentError extends Error {
  constructor(
    readonly problems: ContentProblem[],
    paths: ProblemPaths,
  ) {
    super(formatProblems(problems, paths));
    this.name = "ContentError";
  }
}

/** What a printed problem's path is made from: the content folder in use and where the command runs. */
export interface ProblemPaths {
  contentDir: string;
  /** Default: the process's working directory. */
  cwd?: string;
}

/**
 * A content file as an author can open it from the terminal: relative to where the command was run
 * when the content folder is inside it (`content/releases/a.md`), else absolute — so a terminal or
 * editor opens `path:line:column` on click, whatever `CHAPAR_CONTENT` is.
 */
export function displayPath(file: string, { contentDir, cwd = process.cwd() }: ProblemPaths): string {
  const absolute = path.resolve(contentDir, file);
  const relative = path.relative(cwd, absolute);
  if (relative === "") return ".";
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
}

export function formatProblem(p: ContentProblem, paths: ProblemPaths): string {
  const file = displayPath(p.file, paths);
  const where = p.line === undefined ? file : `${file}:${p.line}:${p.column ?? 1}`;
  const field = p.field === undefined ? "" : `فیلد «${p.field}»: `;
  const suggestion = p.suggestion === undefined ? "" : ` → پیشنهاد: «${p.suggestion}»`;
  const rule = p.rule === undefined ? "" : ` [${p.rule}]`;
  return `${where}  ${field}${p.message}${suggestion}${rule}`;
}

export function formatProblems(problems: ContentProblem[], paths: ProblemPaths): string {
  const errors = problems.filter((p) => p.severity === "error");
  const lines = problems.map((p) => formatProblem(p, paths));
  lines.push(`پوشه‌ی محتوا: ${displayPath(".", paths)}`);
  lines.push(`${errors.length} خطا در محتوا؛ ساخت سایت انجام نشد و خروجی قبلی دست نخورد.`);
  return lines.join("\n");
}

/** The longest value a message quotes, in characters. */
const SHOWN_LENGTH = 80;

/**
 * Shows a value in a message: strings quoted, everything else as JSON-like text, kept short. Walks at
 * most as much of the value as it shows, so a huge or deeply shared one (a YAML alias bomb) costs nothing.
 */
export function showValue(value: unknown): string {
  if (value === undefined) return "(خالی)";
  const text = typeof value === "string" ? value.slice(0, SHOWN_LENGTH + 1) : shortJson(value, SHOWN_LENGTH + 1);
  const short = text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 3)}…` : text;
  return `«${short}»`;
}

/** JSON of a value, cut once it is `limit` characters long (without building the rest). */
function shortJson(value: unknown, limit: number): string {
  let out = "";
  const write = (v: unknown, depth: number): void => {
    if (out.length >= limit) return;
    if (v === null || typeof v !== "object") {
      out += typeof v === "string" ? JSON.stringify(v.slice(0, limit)) : String(JSON.stringify(v) ?? v);
      return;
    }
    if (depth > 20) {
      out += "…";
      return;
    }
    const list = Array.isArray(v);
    const keys = list ? undefined : Object.keys(v);
    const length = keys?.length ?? (v as unknown[]).length;
    out += list ? "[" : "{";
    for (let i = 0; i < length && out.length < limit; i++) {
      if (i > 0) out += ",";
      const key = keys?.[i];
      if (key !== undefined) out += `${JSON.stringify(key)}:`;
      write(key === undefined ? (v as unknown[])[i] : (v as Record<string, unknown>)[key], depth + 1);
    }
    out += list ? "]" : "}";
  };
  write(value, 0);
  return out.slice(0, limit);
}
