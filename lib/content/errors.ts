/** Problems found in an office's content, reported all together in Persian. */

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
  constructor(readonly problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.name = "ContentError";
  }
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  const field = p.field === undefined ? "" : `فیلد «${p.field}»: `;
  const suggestion = p.suggestion === undefined ? "" : ` → پیشنهاد: «${p.suggestion}»`;
  const rule = p.rule === undefined ? "" : ` [${p.rule}]`;
  return `${where}  ${field}${p.message}${suggestion}${rule}`;
}

export function formatProblems(problems: ContentProblem[]): string {
  const errors = problems.filter((p) => p.severity === "error");
  const lines = problems.map(formatProblem);
  lines.push(`${errors.length} خطا در محتوا؛ ساخت سایت انجام نشد و خروجی قبلی دست نخورد.`);
  return lines.join("\n");
}

/** Shows a value in a message: strings quoted, everything else as YAML-ish text, kept short. */
export function showValue(value: unknown): string {
  if (value === undefined) return "(خالی)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const short = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return `«${short}»`;
}
