/**
 * Bounds on what a Markdown file may ask of the renderer, checked before and after markdown-it runs.
 *
 * markdown-it's emphasis pass is superlinear in the `*`/`_` delimiters of one paragraph (a 100 KB line
 * of `*` took ~15 s) and nests one `<em>`/`<strong>` per pair without limit (25,000 levels, which then
 * overflowed the stack of the feeds' HTML rewriting). Three limits keep every file to well under a
 * second and a shallow tree: the file's size, the delimiters of a paragraph and of the file, and the nesting depth.
 */
import type { Token } from "markdown-it";

/** Largest release or office page file, in bytes (~50,000 Persian words; the renderer's time is linear below it). */
export const MAX_MARKDOWN_BYTES = 256 * 1024;
/** Most `*`/`_` emphasis delimiters in one paragraph (a real one has a handful; 1,000 render in ~30 ms). */
export const MAX_EMPHASIS_DELIMITERS = 1000;
/** Most `*`/`_` delimiters in one file's body (a long real release has a few hundred): bounds the whole file to ~0.2 s. */
export const MAX_EMPHASIS_DELIMITERS_PER_FILE = 5000;
/** Deepest nesting of elements a body may make (quotes, lists, emphasis, links; real releases stay under 10). */
export const MAX_MARKDOWN_DEPTH = 32;
const EMPHASIS_MARKS = /[*_]/;
const EMPHASIS_MARKS_ALL = /[*_]/g;
/** markdown-it's own block/inline nesting limit: just above ours, so our check (with a line) speaks first. */
export const MARKDOWN_IT_MAX_NESTING = MAX_MARKDOWN_DEPTH + 1;

/** A limit that a body crossed: its 1-based line within the body (when there is one) and the Persian message. */
export interface MarkdownLimitProblem {
  line?: number;
  message: string;
}

/** The file is too big to render: checked on the whole file's bytes before anything is parsed. */
export function sizeProblem(bytes: number, kind: "خبر" | "صفحه"): MarkdownLimitProblem | undefined {
  if (bytes <= MAX_MARKDOWN_BYTES) return undefined;
  return {
    message: `این پرونده ${Math.ceil(bytes / 1024)} کیلوبایت است، بیش از سقف ${MAX_MARKDOWN_BYTES / 1024} کیلوبایت برای یک ${kind}؛ متن را کوتاه کنید یا در چند ${kind} بنویسید`,
  };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The first paragraph (run of non-blank lines outside fenced code) with more than
 * `MAX_EMPHASIS_DELIMITERS` unescaped `*`/`_`, at the line where the count crossed the limit.
 * Cheap and linear: it runs before markdown-it, so a hostile body never reaches the slow pass.
 */
export function emphasisProblem(body: string): MarkdownLimitProblem | undefined {
  // Below the paragraph limit in the whole body, no paragraph can pass it: the common case, one native search.
  if (!EMPHASIS_MARKS.test(body) || (body.match(EMPHASIS_MARKS_ALL)?.length ?? 0) <= MAX_EMPHASIS_DELIMITERS) return undefined;
  const lines = body.split("\n");
  let fence: string | undefined;
  let count = 0;
  let total = 0;
  for (const [i, line] of lines.entries()) {
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      continue;
    }
    if (opener !== undefined) {
      fence = opener;
      count = 0;
      continue;
    }
    if (line.trim() === "") {
      count = 0;
      continue;
    }
    for (let at = 0; at < line.length; at++) {
      const c = line[at];
      if (c === "\\") at++;
      else if (c === "*" || c === "_") {
        count++;
        total++;
      }
    }
    if (count > MAX_EMPHASIS_DELIMITERS)
      return {
        line: i + 1,
        message: `این بند بیش از ${MAX_EMPHASIS_DELIMITERS} نشانه‌ی تأکید (* یا _) دارد و Markdown آن در زمان معقول خوانده نمی‌شود؛ نشانه‌های زائد را بردارید، یا اگر خود نویسه را می‌خواهید پیش از آن \\ بگذارید (\\*)`,
      };
    if (total > MAX_EMPHASIS_DELIMITERS_PER_FILE)
      return {
        line: i + 1,
        message: `این متن بیش از ${MAX_EMPHASIS_DELIMITERS_PER_FILE} نشانه‌ی تأکید (* یا _) دارد و Markdown آن در زمان معقول خوانده نمی‌شود؛ نشانه‌های زائد را بردارید، یا اگر خود نویسه را می‌خواهید پیش از آن \\ بگذارید (\\*)`,
      };
  }
  return undefined;
}

/** The first place where the parsed body nests deeper than `MAX_MARKDOWN_DEPTH` (block and inline levels together). */
export function depthProblem(tokens: readonly Token[]): MarkdownLimitProblem | undefined {
  let depth = 0;
  for (const token of tokens) {
    depth += token.nesting;
    let inner = depth;
    for (const child of token.children ?? []) {
      inner += child.nesting;
      if (inner > MAX_MARKDOWN_DEPTH) return tooDeep(token);
    }
    if (depth > MAX_MARKDOWN_DEPTH) return tooDeep(token);
  }
  return undefined;
}

function tooDeep(token: Token): MarkdownLimitProblem {
  const message = `این بخش بیش از ${MAX_MARKDOWN_DEPTH} لایه در هم رفته است (نقل‌قول، فهرست یا تأکید درون هم)؛ لایه‌ها را کم کنید`;
  return token.map ? { line: token.map[0] + 1, message } : { message };
}
