/**
 * Schema (zod) issues as `ContentProblem`s: at the line of the field they are about, with the value the
 * author wrote, and always in Persian. Each field declares its own messages beside its type
 * (schema.ts, site-data.ts, press.ts); `PERSIAN_ISSUES`, passed to every parse of author input, words
 * any issue a declaration didn't foresee, so zod's English defaults never reach an author.
 */
import type { z } from "zod";
import { showValue, type ContentProblem } from "./errors.ts";
import { suggestionClause } from "./suggest.ts";

/** A type as authors know it. */
const TYPE_NAMES: Record<string, string> = {
  string: "متن",
  number: "عدد",
  int: "عدد صحیح",
  boolean: "true یا false",
  array: "فهرست",
  object: "مجموعه‌ای از «کلید: مقدار»",
  record: "مجموعه‌ای از «کلید: مقدار»",
  date: "تاریخ",
  null: "تهی (null)",
};

/** A Persian message for any zod issue: the safety net under the fields' own messages. */
export function persianIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "این مقدار لازم است";
      return `باید ${TYPE_NAMES[issue.expected] ?? "از نوع دیگری"} باشد`;
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") return n <= 1 ? "نباید خالی باشد" : `دست‌کم ${n} نویسه لازم است`;
      if (issue.origin === "array" || issue.origin === "set") return n <= 1 ? "فهرست نباید خالی باشد" : `دست‌کم ${n} مورد لازم است`;
      return issue.inclusive === false ? `باید بزرگ‌تر از ${n} باشد` : `نباید کمتر از ${n} باشد`;
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "string") return `بیش از ${n} نویسه پذیرفته نیست`;
      if (issue.origin === "array" || issue.origin === "set") return `بیش از ${n} مورد پذیرفته نیست`;
      return issue.inclusive === false ? `باید کمتر از ${n} باشد` : `نباید بیشتر از ${n} باشد`;
    }
    case "invalid_value":
      return `باید یکی از این‌ها باشد: ${issue.values.map((v) => JSON.stringify(v)).join("، ")}`;
    case "invalid_format":
      return "قالب این مقدار درست نیست";
    case "not_multiple_of":
      return `باید مضربی از ${String(issue.divisor)} باشد`;
    case "unrecognized_keys":
      return `کلید ${issue.keys.map((k) => `«${k}»`).join(" و ")} شناخته نشد`;
    case "invalid_key":
      return "کلیدی نادرست دارد";
    case "invalid_element":
      return "موردی نادرست دارد";
    case "invalid_union":
      return "با هیچ یک از شکل‌های پذیرفته نمی‌خواند";
    default:
      return "این مقدار پذیرفته نیست";
  }
}

/** Parse options for author input: every issue without its own message gets `persianIssue`. */
export const PERSIAN_ISSUES = { error: persianIssue };

/** Where a field is written: a line (and column) in the file. */
export type Locate = (at: readonly PropertyKey[]) => { line: number; column?: number } | undefined;

export interface SchemaProblemOptions {
  /** The line of a field path (a missing field: its nearest written parent, or the file's start). */
  locate?: Locate;
  /** What was parsed, to quote the author's value. */
  input?: unknown;
  /** The top-level fields allowed, for an unknown one: named, with the closest as «منظورتان … بود؟». */
  fields?: readonly string[];
}

/** Every issue of a failed parse, as problems of `file`. */
export function schemaProblems(file: string, error: z.ZodError, options: SchemaProblemOptions = {}): ContentProblem[] {
  const { locate, input, fields } = options;
  const out: ContentProblem[] = [];
  const at = (path: readonly PropertyKey[]) => locate?.(path) ?? {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys" && issue.path.length === 0 && fields !== undefined) {
      for (const key of issue.keys) {
        out.push({
          file,
          ...at([key]),
          field: key,
          message: `این فیلد شناخته نشد${suggestionClause(key, fields, `فیلدهای مجاز: ${fields.join("، ")}`)}`,
          severity: "error",
        });
      }
      continue;
    }
    const field = issue.path.map(String).join(".");
    // Unknown keys inside a nested value point at the first of them.
    const where = issue.code === "unrecognized_keys" && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
    const value = issue.path.length > 0 ? valueAt(input, issue.path) : undefined;
    const shown = value === undefined || issue.code === "unrecognized_keys" ? undefined : showValue(value);
    out.push({
      file,
      ...at(where),
      ...(field === "" ? {} : { field }),
      // The value, unless the message quotes it already.
      message: shown === undefined || issue.message.includes(shown) ? issue.message : `${issue.message} (مقدار فعلی: ${shown})`,
      severity: "error",
    });
  }
  return out;
}

/** The value at a path (`updates.0.date`), to quote the author's own text. */
function valueAt(input: unknown, at: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of at) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
