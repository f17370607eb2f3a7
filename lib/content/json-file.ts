/**
 * The office's JSON data files (`_data/*.json`): parsed with `JSON.parse`, and when that fails, read
 * again by a small scanner that finds the line and column of the mistake and names it in Persian with
 * its fix (a trailing comma, single or typographic quotes, an unquoted key, a missing comma) — never
 * Node's English `Unexpected token`. The scanner also gives the line of any key, so a schema message
 * about `organization.name` points at that line.
 */
import { decodeText } from "../text/encoding.ts";
import { hiddenCharFindings } from "../text/hidden-chars.ts";
import { readContentFile, resolveContentPath } from "./content-path.ts";
import type { ContentProblem } from "./errors.ts";

export interface JsonPosition {
  /** 1-based. */
  line: number;
  column: number;
}

export type JsonRead =
  | { ok: true; value: unknown; positionOf: (at: readonly PropertyKey[]) => JsonPosition | undefined }
  | ({ ok: false; message: string } & JsonPosition);

const PREFIX = "JSON خوانده نشد: ";

/** Parses a data file's text (a leading byte-order mark, as Windows Notepad writes, is allowed). */
export function readJsonText(source: string): JsonRead {
  const text = source.replace(/^\ufeff/, "");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const scan = scanJson(text);
    const at = positionAt(text, scan.error?.at ?? 0);
    return { ok: false, ...at, message: PREFIX + (scan.error?.message ?? "نگارش این پرونده با قاعده‌های JSON نمی‌خواند") };
  }
  let keys: Map<string, number> | undefined;
  return {
    ok: true,
    value,
    positionOf: (at) => {
      keys ??= scanJson(text).keys;
      // The nearest enclosing key that is written in the file (a missing key points at its parent).
      for (let n = at.length; n > 0; n--) {
        const offset = keys.get(pathKey(at.slice(0, n)));
        if (offset !== undefined) return positionAt(text, offset);
      }
      return undefined;
    },
  };
}

function pathKey(at: readonly PropertyKey[]): string {
  return at.map(String).join("\u0000");
}

function positionAt(text: string, offset: number): JsonPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

class JsonMistake extends Error {
  constructor(
    readonly at: number,
    readonly persian: string,
  ) {
    super(persian);
  }
}

/** Walks JSON text: the offset of each key (by path), and the first mistake, if any. */
function scanJson(text: string): { keys: Map<string, number>; error?: { at: number; message: string } } {
  const keys = new Map<string, number>();
  let i = 0;
  const fail = (at: number, message: string): never => {
    throw new JsonMistake(at, message);
  };
  const space = () => {
    while (i < text.length) {
      const c = text[i]!;
      if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
      else if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) fail(i, "JSON یادداشت («//» یا «/*») نمی‌پذیرد؛ آن را پاک کنید");
      else return;
    }
  };
  const unexpected = (what: string): never => {
    const c = text[i];
    if (c === undefined) return fail(i, "پرونده ناتمام مانده است؛ «}» یا «]» پایانی (یا گیومه‌ای) جا افتاده است");
    if (c === "'") return fail(i, 'JSON فقط گیومه‌ی دوتایی («"») می‌پذیرد؛ گیومه‌ی تکی («\'») را «"» کنید');
    if ("“”„«»".includes(c)) return fail(i, `گیومه‌ی «${c}» (از واژه‌پرداز) در JSON پذیرفته نیست؛ گیومه‌ی ساده‌ی «"» بگذارید`);
    if (c === "،") return fail(i, "ویرگول فارسی («،») جداکننده‌ی JSON نیست؛ ویرگول لاتین («,») بگذارید");
    return fail(i, `نویسه‌ی «${c}» اینجا انتظار نمی‌رفت؛ ${what} اینجا می‌آید`);
  };
  const string = (): string => {
    const start = i++;
    let out = "";
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\n" || c === "\r") break;
      if (c === "\\") {
        const e = text[i + 1] ?? "";
        if (!/["\\/bfnrtu]/.test(e) || (e === "u" && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))))
          fail(i, "درون متن، «\\» آغاز نویسه‌ای ویژه است؛ خود «\\» را «\\\\» بنویسید");
        i += e === "u" ? 6 : 2;
        out += e;
        continue;
      }
      out += c;
      i++;
    }
    return fail(start, 'گیومه‌ی «"» این متن در همین خط بسته نشده است؛ در پایان متن آن را ببندید');
  };
  const value = (at: PropertyKey[]): void => {
    space();
    const c = text[i];
    if (c === "{") {
      object(at);
      return;
    }
    if (c === "[") {
      array(at);
      return;
    }
    if (c === '"') {
      string();
      return;
    }
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = i;
    if (number.test(text)) {
      i = number.lastIndex;
      return;
    }
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i) && !/[\p{L}\p{N}_]/u.test(text[i + word.length] ?? "")) {
        i += word.length;
        return;
      }
    }
    if (c !== undefined && /[\p{L}]/u.test(c))
      fail(i, 'متن در JSON باید میان گیومه‌ی دوتایی باشد، مانند "متن"؛ فقط عددها و true، false و null بی‌گیومه‌اند');
    unexpected("یک مقدار");
  };
  /** After an item: `,` then more, or the closing bracket; `end` is where the item ended (a missing comma belongs there). */
  const next = (close: string, what: string): boolean => {
    const end = i;
    space();
    if (text[i] === ",") {
      const comma = i++;
      space();
      if (text[i] === close) fail(comma, `پس از آخرین ${what} ویرگول («,») نمی‌آید؛ آن را پاک کنید`);
      return true;
    }
    if (text[i] === close) {
      i++;
      return false;
    }
    if (text[i] === '"' || text[i] === "{" || text[i] === "[" || /[\p{L}\p{N}'-]/u.test(text[i] ?? ""))
      fail(end, `میان دو ${what} ویرگول («,») لازم است؛ در پایان این ${what} «,» بگذارید`);
    return unexpected(`«,» یا «${close}»`);
  };
  const object = (at: PropertyKey[]): void => {
    i++;
    space();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      space();
      const keyAt = i;
      if (text[i] !== '"') {
        const word = /^[\p{L}\p{N}_$-]+/u.exec(text.slice(i))?.[0];
        if (word !== undefined) fail(i, `نام کلید باید میان گیومه‌ی دوتایی باشد: "${word}"`);
        unexpected("نام یک کلید میان گیومه‌ی دوتایی");
      }
      const key = string();
      keys.set(pathKey([...at, key]), keyAt);
      space();
      if (text[i] !== ":") fail(i, `پس از کلید «${key}» دونقطه («:») لازم است`);
      i++;
      value([...at, key]);
      if (!next("}", "مورد")) return;
    }
  };
  const array = (at: PropertyKey[]): void => {
    i++;
    space();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (let n = 0; ; n++) {
      space();
      keys.set(pathKey([...at, n]), i);
      value([...at, n]);
      if (!next("]", "مورد فهرست")) return;
    }
  };
  try {
    space();
    if (i === text.length) fail(0, "پرونده خالی است؛ دست‌کم {} لازم است");
    value([]);
    space();
    if (i < text.length) fail(i, "پس از پایان داده‌ها چیز دیگری آمده است؛ همه‌ی داده‌ها باید درون یک {…} باشند");
    return { keys };
  } catch (e) {
    if (e instanceof JsonMistake) return { keys, error: { at: e.at, message: e.persian } };
    // Nesting deeper than the stack (no office's settings are).
    return { keys, error: { at: 0, message: "داده‌ها بیش از اندازه تودرتو هستند" } };
  }
}

/**
 * A data file's text parsed; a syntax error is added to `problems` (with its line and column) and
 * gives undefined.
 */
export function parseDataFile(
  file: string,
  source: string,
  problems: ContentProblem[],
): { value: unknown; positionOf: (at: readonly PropertyKey[]) => JsonPosition | undefined } | undefined {
  const read = readJsonText(source);
  if (read.ok) return read;
  problems.push({ file, line: read.line, column: read.column, message: read.message, severity: "error" });
  return undefined;
}

/** A data file of the content folder, read as `readContentJson` gives it: its value and where each key is. */
export interface ContentJson {
  input: unknown;
  locate: (at: readonly PropertyKey[]) => JsonPosition | undefined;
}

/**
 * A `_data/` file read from the content folder: its real path checked (a link out is a problem), its
 * bytes decoded (a file that isn't UTF-8 is a problem naming the line), its JSON parsed (a syntax
 * error is a problem at its line and column). `"missing"` when there is no such file (no problem
 * added: whether that is wrong is the caller's to say); undefined when a problem was added.
 */
export function readContentJson(contentDir: string, file: string, problems: ContentProblem[]): ContentJson | "missing" | undefined {
  const resolved = resolveContentPath(contentDir, file);
  if ("error" in resolved) {
    if (resolved.reason === "missing") return "missing";
    problems.push({ file, message: resolved.error, severity: "error" });
    return undefined;
  }
  const text = decodeText(readContentFile(contentDir, file));
  if (!text.ok) {
    problems.push({ file, ...(text.line === undefined ? {} : { line: text.line }), message: text.message, severity: "error" });
    return undefined;
  }
  // Invisible control and bidi characters, written as they are or as `\uXXXX` escapes: a site name
  // with an unclosed U+202E would reverse text in every page's title, like one in a release.
  const hidden = hiddenCharFindings(
    text.text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
  for (const f of hidden) problems.push({ file, ...f, severity: "error" });
  const read = parseDataFile(file, text.text, problems);
  if (hidden.length > 0) return undefined;
  return read && { input: read.value, locate: read.positionOf };
}
