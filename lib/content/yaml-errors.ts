/**
 * Front matter read with js-yaml, and its syntax errors told in Persian at the line and column of the
 * cause — not where js-yaml gave up (an unclosed quote is noticed a line later), with the corrected
 * line when the cause is one authors make every day: a colon inside an unquoted headline
 * (`title: نشست خبری: روز اول`), an unclosed quote, a tab in the indentation, a missing colon. A cause
 * is named only if correcting it makes js-yaml read past the error; otherwise js-yaml's reason is
 * translated. No English from js-yaml reaches an author.
 */
import * as yaml from "js-yaml";

/** A YAML syntax problem: 1-based line and column within the text given, Persian message, corrected line. */
export interface YamlSyntaxProblem {
  line: number;
  column: number;
  message: string;
  /** The line as it should read, when the cause is certain. */
  suggestion?: string;
}

export type YamlRead = { ok: true; value: unknown } | ({ ok: false } & YamlSyntaxProblem);

/**
 * Core schema (no timestamps: `1401-02-25` stays text) and no aliases: front matter never needs
 * `&anchor`/`*alias`, and a few lines of nested aliases expand to billions of values (measured: 26 s,
 * 2.7 GB, then a crash), so the first alias is an error.
 */
const LOAD_OPTIONS = { schema: yaml.CORE_SCHEMA, maxAliases: 0 } as const;

export const PREFIX = "سرآغاز (YAML) خوانده نشد: ";
const QUOTE_IT = "مقدار را میان گیومه بگذارید";

type Attempt = { ok: true; value: unknown } | { ok: false; reason: string; line: number; column: number };

function attempt(text: string): Attempt {
  try {
    return { ok: true, value: yaml.load(text, LOAD_OPTIONS) };
  } catch (e) {
    // js-yaml's own errors carry a 0-based mark; anything else (it shouldn't happen) is placed at the start.
    const err = e as { reason?: unknown; mark?: { line?: number; column?: number } };
    return {
      ok: false,
      reason: typeof err.reason === "string" ? err.reason : "",
      line: err.mark?.line ?? 0,
      column: err.mark?.column ?? 0,
    };
  }
}

/** Parses YAML text; on a syntax error, the Persian problem at its cause (lines and columns 1-based within `text`). */
export function readYaml(text: string): YamlRead {
  const first = attempt(text);
  if (first.ok) return first;
  const lines = text.split("\n");
  if (!isAliasReason(first.reason)) {
    // The first line, up to the one js-yaml stopped at, whose correction lets js-yaml read past that point.
    for (let i = 0; i <= Math.min(first.line, lines.length - 1); i++) {
      for (const cause of causesIn(lines[i]!.replace(/\r$/, ""))) {
        const fixed = [...lines.slice(0, i), cause.fixed, ...lines.slice(i + 1)].join("\n");
        const again = attempt(fixed);
        if (again.ok || again.line > first.line) {
          return {
            ok: false,
            line: i + 1,
            column: cause.column,
            message: PREFIX + cause.message,
            ...(cause.suggest ? { suggestion: cause.fixed.trim() } : {}),
          };
        }
      }
    }
  }
  const line = lines[first.line]?.replace(/\r$/, "") ?? "";
  return { ok: false, line: first.line + 1, column: first.column + 1, message: PREFIX + translateReason(first.reason, line) };
}

interface Cause {
  /** 1-based column of the cause. */
  column: number;
  message: string;
  /** The line corrected. */
  fixed: string;
  /** Whether to show the corrected line (not for invisible changes such as tabs → spaces). */
  suggest: boolean;
}

/** `key: value` (possibly a list item `- key: value`), with the value's start. */
const KEY_VALUE = /^(\s*(?:-\s+)?)([^\s:#"'[\]{}&*!|>%@`][^:]*?)\s*:(?:[ \t]+|$)(.*?)\s*$/d;
/** `key value`: a field name not followed by a colon. */
const NO_COLON = /^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*)([ \t]+)(\S.*?)\s*$/;
/** What a plain value may not start with: YAML gives these a meaning (alias, anchor, tag, directive, reserved…). */
const SPECIAL_START = /^[*&!%@`]/;

/** The causes a line may show, most likely first (each is checked by re-reading the text with it corrected). */
function causesIn(line: string): Cause[] {
  const causes: Cause[] = [];
  const tab = /^[ ]*\t/.exec(line);
  if (tab) {
    causes.push({
      column: tab[0].length,
      message: "تورفتگی این خط نویسه‌ی Tab دارد و YAML فقط فاصله (Space) می‌پذیرد؛ به جای هر Tab دو فاصله بگذارید",
      fixed: line.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, "  ")),
      suggest: false,
    });
  }
  const kv = KEY_VALUE.exec(line);
  if (kv) {
    const [, lead, key, value] = kv as unknown as [string, string, string, string];
    const valueColumn = kv.indices![3]![0] + 1;
    const withValue = (v: string) => `${lead}${key}: ${v}`;
    const quote = value[0];
    if ((quote === '"' || quote === "'") && closingQuote(value) === -1) {
      causes.push({
        column: valueColumn,
        message: `گیومه‌ی «${quote}» در آغاز مقدار «${key}» در همین خط بسته نشده است؛ در پایان مقدار آن را ببندید`,
        fixed: `${line.trimEnd()}${quote}`,
        suggest: true,
      });
    } else if (quote === '"' || quote === "'") {
      const end = closingQuote(value);
      if (
        value.slice(end + 1).trim() !== "" &&
        !value
          .slice(end + 1)
          .trim()
          .startsWith("#")
      ) {
        causes.push({
          column: valueColumn + end + 1,
          message: `پس از گیومه‌ی بسته‌ی مقدار «${key}» متن ادامه دارد؛ همه‌ی مقدار را میان گیومه‌ی دیگری بگذارید`,
          fixed: withValue(quoteYaml(value)),
          suggest: true,
        });
      }
    } else if (value !== "") {
      const colon = / :|: |:$/.exec(value);
      if (colon) {
        causes.push({
          column: valueColumn + colon.index + (colon[0].startsWith(" ") ? 1 : 0),
          message: `مقدار «${key}» دونقطه («:») دارد و YAML آن را آغاز فیلدی تازه می‌خواند؛ ${QUOTE_IT}`,
          fixed: withValue(quoteYaml(value)),
          suggest: true,
        });
      } else if ((value[0] === "[" && !value.includes("]")) || (value[0] === "{" && !value.includes("}"))) {
        const close = value[0] === "[" ? "]" : "}";
        causes.push({
          column: valueColumn,
          message: `${value[0] === "[" ? "کروشه‌ی" : "آکولاد"} «${value[0]}» در آغاز مقدار «${key}» در همین خط بسته نشده است؛ در پایان آن «${close}» بگذارید`,
          fixed: `${line.trimEnd()}${close}`,
          suggest: true,
        });
      } else if (SPECIAL_START.test(value) || /^[[{]/.test(value)) {
        causes.push({
          column: valueColumn,
          message: `مقداری که با «${value[0]}» شروع شود برای YAML معنای دیگری دارد؛ ${QUOTE_IT}`,
          fixed: withValue(quoteYaml(value)),
          suggest: true,
        });
      }
    }
  } else {
    const nc = NO_COLON.exec(line);
    if (nc && !line.includes(": ")) {
      const [, lead, key, , rest] = nc as unknown as [string, string, string, string, string];
      causes.push({
        column: lead.length + key.length + 1,
        message: `پس از نام فیلد «${key}» دونقطه («:») نیامده است`,
        fixed: `${lead}${key}: ${rest}`,
        suggest: true,
      });
    }
  }
  return causes;
}

/** Index of the quote that closes a quoted value (`value[0]` is the quote), or -1. */
function closingQuote(value: string): number {
  const q = value[0];
  for (let i = 1; i < value.length; i++) {
    if (q === '"' && value[i] === "\\") i++;
    else if (value[i] === q) {
      if (q === "'" && value[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** The value as a quoted YAML string: double quotes unless it holds some (then single, if it has none of those). */
export function quoteYaml(value: string): string {
  if (value.includes('"') && !value.includes("'")) return `'${value}'`;
  return JSON.stringify(value); // A JSON string is a valid double-quoted YAML string.
}

function isAliasReason(reason: string): boolean {
  return reason.startsWith("aliases exceeded") || reason.startsWith("unidentified alias") || reason.startsWith("name of an alias");
}

const ALIAS_MESSAGE =
  "ارجاع YAML («*نام») و لنگر («&نام») در سرآغاز پذیرفته نیست؛ مقدار را کامل بنویسید، و اگر «*» یا «&» بخشی از متن است، مقدار را میان گیومه بگذارید";

/** js-yaml's reasons in Persian; any other reason gets a general Persian message (never the English). */
function translateReason(reason: string, line: string): string {
  const key = /^\s*(?:-\s+)?([^\s:#][^:]*?)\s*:/.exec(line)?.[1];
  if (isAliasReason(reason)) return ALIAS_MESSAGE;
  if (reason === "duplicated mapping key")
    return `فیلد${key === undefined ? "" : ` «${key}»`} دو بار آمده است؛ هر فیلد یک بار می‌آید: یکی را پاک کنید`;
  if (reason.startsWith("tab characters"))
    return "تورفتگی این خط نویسه‌ی Tab دارد و YAML فقط فاصله (Space) می‌پذیرد؛ به جای هر Tab دو فاصله بگذارید";
  if (reason === "bad indentation of a mapping entry")
    return `تورفتگی این خط با خط‌های هم‌ترازش نمی‌خواند، یا مقدار خط نویسه‌ای دارد که YAML آن را جداکننده می‌خواند؛ فیلدهای سرآغاز از آغاز خط شروع می‌شوند، و اگر مقدار دونقطه یا گیومه دارد، ${QUOTE_IT}`;
  if (reason === "bad indentation of a sequence entry")
    return "تورفتگی این مورد فهرست («- ») با موردهای دیگر آن نمی‌خواند؛ همه را به یک اندازه تورفته بنویسید";
  if (reason === "deficient indentation")
    return "این خط کمتر از آنچه باید تورفته است؛ شاید گیومه یا کروشه‌ای در خط پیش بسته نشده، یا ادامه‌ی مقداری چندخطی است که باید تورفته باشد";
  if (reason.startsWith("can not read a block mapping entry"))
    return `این خط به شکل «نام: مقدار» نیست؛ اگر ادامه‌ی مقدار خط پیش است، همه‌ی مقدار را در یک خط بنویسید و ${QUOTE_IT}`;
  if (/end of the (stream|document) within a double quoted/.test(reason)) return 'گیومه‌ی «"» بسته نشده است؛ در پایان مقدار آن را ببندید';
  if (/end of the (stream|document) within a single quoted/.test(reason)) return "گیومه‌ی «'» بسته نشده است؛ در پایان مقدار آن را ببندید";
  if (reason.includes("within a flow collection"))
    return "کروشه‌ی «[» یا آکولاد «{» بسته نشده است؛ فهرست را در همان خط با «]» (یا «}») ببندید";
  if (reason === "missed comma between flow collection entries") return "میان موردهای فهرست ویرگول («,») لازم است؛ مانند [تئاتر, کودک]";
  if (reason === "unknown escape sequence" || reason === "expected hexadecimal character")
    return "درون گیومه‌ی دوتایی، «\\» آغاز نویسه‌ای ویژه است؛ خود «\\» را «\\\\» بنویسید، یا مقدار را میان گیومه‌ی تکی (') بگذارید";
  if (reason.includes("non-printable"))
    return "نویسه‌ای نادیدنی و نامجاز در این خط هست؛ آن را پاک کنید (شاید هنگام رونوشت از جای دیگری آمده است)";
  if (reason.startsWith("nesting exceeded")) return "سرآغاز بیش از اندازه تودرتوست؛ فیلدها را ساده‌تر بنویسید";
  if (reason.startsWith("a whitespace character is expected after the key-value separator")) return "پس از دونقطه‌ی «:» یک فاصله لازم است";
  if (reason === "expected ':' after a mapping key") return "پس از نام فیلد دونقطه («:») لازم است";
  if (reason.startsWith("expected the node content")) return "ویرگول بی‌جا: پیش از آن مقداری نیامده است";
  if (/tag/.test(reason)) return `نشانه‌ی «!» در YAML برچسب نوع است و اینجا پذیرفته نیست؛ اگر بخشی از متن است، ${QUOTE_IT}`;
  return `نگارش این خط (یا خط پیش از آن) با قاعده‌های YAML نمی‌خواند؛ هر فیلد در یک خط به شکل «نام: مقدار» بیاید، و مقدارهای متنی که نشانه‌ای مانند : یا # یا گیومه دارند میان گیومه باشند`;
}
