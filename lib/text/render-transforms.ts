/**
 * Text transforms applied once, when a release is rendered (never to the file): Arabic `ي ك` become
 * Persian `ی ک`, Latin digits in Persian prose become Persian digits (site.json `persianDigits`), and
 * Latin runs that the bidi algorithm would scramble in right-to-left text (`iPhone 15`, `C++`, an
 * e-mail address, a URL, `20 MB`) are isolated in `<bdi>`.
 *
 * Only markdown-it `text` tokens are touched: code spans, code blocks, attributes (link targets,
 * image alt text) and URLs shown as link text are never changed. Latin words and the digits inside a
 * Latin run (`COVID-19`, `v2.0`, `iPhone 15`) keep their Latin form.
 */
import type { MarkdownIt } from "markdown-it";
import type { Token } from "markdown-it";

export interface Options {
  /** Latin digits in Persian prose shown as Persian digits (site.json `persianDigits`). */
  persianDigits: boolean;
  /** Wrap Latin runs containing digits, spaces or symbols in `<bdi>` when the paragraph is Persian. */
  isolateLatin: boolean;
}

export const defaults: Options = { persianDigits: true, isolateLatin: true };

/** What a renderer call may pass in markdown-it's `env` to override the plugin's options for one document. */
export type TransformEnv = {
  textTransforms?: Partial<Options>;
};

/** URLs and e-mail addresses: kept exactly as written. */
const URL_OR_EMAIL =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>«»"]*[^\s<>«»"().,;:!?،؛؟'’]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gi;
/**
 * One Latin "word": letters and digits joined by `- _ . @ + # / : & '`, maybe with a bracketed tail
 * (`COVID-19`, `v2.0`, `C++`, `alert(1)`).
 */
const LATIN_WORD = "[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:[-_.@+#/:&'’][A-Za-z0-9]+)*[+#]*(?:\\([A-Za-z0-9 ,.]*\\))?";
const LATIN_OR_NUMBER = "[A-Za-z0-9]+(?:[-_.@+#/:&'’][A-Za-z0-9]+)*[+#]*(?:\\([A-Za-z0-9 ,.]*\\))?";
/**
 * A run of Latin words and numbers separated by spaces, containing at least one Latin letter, maybe
 * led by a number (`20 MB`, `iPhone 15 Pro`, `Node.js 20`).
 */
const LATIN_RUN = new RegExp(`(?:[0-9]+(?:[.,/:][0-9]+)*[ \\u00a0])?${LATIN_WORD}(?:[ \\u00a0]+${LATIN_OR_NUMBER})*`, "g");
const ARABIC_SCRIPT = /[\u0600-\u06ff]/;

interface Piece {
  text: string;
  /** `url`: URL/e-mail; `latin`: a Latin run; `prose`: everything else. */
  kind: "url" | "latin" | "prose";
}

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  const push = (t: string, kind: Piece["kind"]) => {
    if (t !== "") out.push({ text: t, kind });
  };
  let last = 0;
  for (const url of text.matchAll(URL_OR_EMAIL)) {
    latinPieces(text.slice(last, url.index), push);
    push(url[0], "url");
    last = url.index + url[0].length;
  }
  latinPieces(text.slice(last), push);
  return out;
}

function latinPieces(text: string, push: (t: string, kind: Piece["kind"]) => void): void {
  let last = 0;
  for (const run of text.matchAll(LATIN_RUN)) {
    push(text.slice(last, run.index), "prose");
    push(run[0], "latin");
    last = run.index + run[0].length;
  }
  push(text.slice(last), "prose");
}

/**
 * What prose gets, per UTF-16 code unit below U+0700 (0: kept): ي ى → ی and ك → ک (as
 * `foldArabicLetters`), Arabic-Indic digits → Persian, and with `persianDigits` Latin digits too (as
 * `toPersianDigits`). One scan instead of three replaces: prose is most of every release's text.
 */
const PROSE_WITH_DIGITS = new Uint16Array(0x700);
const PROSE_KEEP_LATIN_DIGITS = new Uint16Array(0x700);
for (const table of [PROSE_WITH_DIGITS, PROSE_KEEP_LATIN_DIGITS]) {
  table[0x064a] = table[0x0649] = 0x06cc;
  table[0x0643] = 0x06a9;
  for (let d = 0; d < 10; d++) table[0x0660 + d] = 0x06f0 + d;
}
for (let d = 0; d < 10; d++) PROSE_WITH_DIGITS[0x30 + d] = 0x06f0 + d;

function prose(text: string, options: Options): string {
  const table = options.persianDigits ? PROSE_WITH_DIGITS : PROSE_KEEP_LATIN_DIGITS;
  let out = "";
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const to = code < 0x700 ? table[code]! : 0;
    if (to === 0) continue;
    out += text.slice(kept, i) + String.fromCharCode(to);
    kept = i + 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/**
 * Text that can hold no URL, e-mail address or Latin run is all prose: those all need a Latin letter
 * or `@` (see URL_OR_EMAIL and LATIN_RUN), and most Persian text has neither.
 */
const MAYBE_NOT_PROSE = /[A-Za-z@]/;

/** Only runs with something besides letters can be reordered in right-to-left text. */
const needsIsolation = (run: string) => /[^A-Za-z]/.test(run);

/** The transforms for plain text (titles, summaries): letters and digits, no markup. */
export function displayText(text: string, options: Partial<Options> = {}): string {
  const o = { ...defaults, ...options };
  if (!MAYBE_NOT_PROSE.test(text)) return prose(text, o);
  return pieces(text)
    .map((p) => (p.kind === "prose" ? prose(p.text, o) : p.text))
    .join("");
}

/** The transforms for a text token, as escaped HTML. */
export function transformTextHtml(
  text: string,
  options: Partial<Options>,
  escapeText: (s: string) => string,
  persianContext: boolean,
): string {
  const o = { ...defaults, ...options };
  if (!MAYBE_NOT_PROSE.test(text)) return escapeText(prose(text, o));
  const isolate = o.isolateLatin && persianContext;
  return pieces(text)
    .map((p) => {
      if (p.kind === "prose") return escapeText(prose(p.text, o));
      return isolate && (p.kind === "url" || needsIsolation(p.text)) ? `<bdi>${escapeText(p.text)}</bdi>` : escapeText(p.text);
    })
    .join("");
}

/**
 * Whether an inline's text has any Persian (Arabic-script) letter. The renderer calls the text rule
 * for each text token of one inline in a row, so remembering the last inline is enough.
 */
let lastChildren: Token[] | undefined;
let lastPersian = false;
function isPersian(children: Token[]): boolean {
  if (children !== lastChildren) {
    lastChildren = children;
    lastPersian = children.some((t) => t.type === "text" && ARABIC_SCRIPT.test(t.content));
  }
  return lastPersian;
}

/** The link a text token sits in, if any. */
function enclosingLink(children: Token[], index: number): Token | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const t = children[i]!;
    if (t.type === "link_close") return undefined;
    if (t.type === "link_open") return t;
  }
  return undefined;
}

/** The markdown-it plugin: `md.use(renderTransforms, { persianDigits })`. */
export function renderTransforms(md: MarkdownIt, options: Partial<Options> = {}): void {
  const base = { ...defaults, ...options };
  const escapeText = md.utils.escapeHtml;
  md.renderer.rules.text = (tokens, idx, _opts, env) => {
    const content = tokens[idx]!.content;
    const override = (env as TransformEnv | undefined)?.textTransforms;
    const o = override ? { ...base, ...override } : base;
    const persian = isPersian(tokens);
    const link = enclosingLink(tokens, idx);
    if (link && (link.markup === "linkify" || link.markup === "autolink")) {
      // A URL or e-mail address shown as itself: never changed; isolated so its dots and slashes stay put.
      return o.isolateLatin && persian ? `<bdi>${escapeText(content)}</bdi>` : escapeText(content);
    }
    return transformTextHtml(content, o, escapeText, persian);
  };
}
