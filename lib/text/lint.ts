/**
 * The Persian typography lint over a release file: finds the prose in it (Markdown body and
 * front-matter values), hides everything that isn't prose, runs the rules of `lint-rules.ts`, and
 * reports each finding at its line and column in the file. `fixSource` applies the safe ones.
 *
 * Where the prose is comes from markdown-it's token stream: only `inline` tokens are linted (so
 * fenced and indented code, and reference definitions, are never seen), located in the file through
 * their line maps. Inside a line, code spans, autolinks, link destinations, URLs, e-mail addresses,
 * HTML-like tags, entities and escapes are masked. In front matter only values are linted, never keys,
 * and never values of fields that hold names, paths or dates (`slug`, `image`, `date`…).
 */
import MarkdownIt, { type Token } from "markdown-it";
import { parseFrontMatter, type FrontMatter } from "../content/front-matter.ts";
import { guardLinkify } from "./linkify-guard.ts";
import { lintText, MASK, type CompiledGlossary, type RuleId } from "./lint-rules.ts";
import type { PersianDictionary } from "./persian-dictionary.ts";

export interface LintFinding {
  rule: RuleId;
  /** 1-based line and column (in characters) in the file. */
  line: number;
  column: number;
  /** Offset and length in the file's text (UTF-16 units). */
  offset: number;
  length: number;
  /** The text as written, and what it should be (the exact edit `--fix` makes). */
  original: string;
  replacement: string;
  /** The replacement with the rest of the words it touches, for messages: `سلام، دنیا` rather than `، `. */
  suggestion: string;
  /** Applied by `--fix`. */
  fix: boolean;
  message: string;
  /** The front-matter field, when the finding is in one. */
  field?: string;
}

export interface LintInput {
  /** The whole file. */
  source: string;
  /** Its parsed front matter (parsed here if absent). */
  frontMatter?: FrontMatter;
  /** markdown-it tokens of the body, if the caller already has them (parsed here if absent). */
  tokens?: Token[];
  glossary?: CompiledGlossary;
  /** The Persian word list, for the rules that need one (joined compounds, certain plurals). */
  dictionary?: PersianDictionary;
}

/** A piece of prose: a contiguous slice of the file, with non-prose characters replaced by MASK. */
interface Segment {
  start: number;
  text: string;
  field?: string;
}

// Same parser settings as lib/content/markdown.ts: the lint sees what the renderer sees.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
// linkify-it has no pretest of its own (see linkify-guard.ts); maskUrls calls its `match`.
guardLinkify(md.linkify);

/** Fields whose values are names, keys, paths, dates or addresses rather than prose. */
const NOT_PROSE = new Set([
  "date",
  "updated",
  "slug",
  "image",
  "category",
  "draft",
  "type",
  "file",
  "src",
  "href",
  "url",
  "email",
  "phone",
  "id",
  "lang",
]);

export function lintSource(input: LintInput): LintFinding[] {
  const { source } = input;
  const frontMatter = input.frontMatter ?? frontMatterOf(source);
  if (!frontMatter) return [];
  const lines = splitLines(source);
  const segments = [
    ...frontMatterSegments(lines, frontMatter),
    ...bodySegments(lines, frontMatter, input.tokens ?? md.parse(frontMatter.body, {})),
  ];
  const findings: LintFinding[] = [];
  for (const segment of segments) {
    for (const f of lintText(segment.text, input.glossary, input.dictionary)) {
      const offset = segment.start + f.index;
      const { line, column } = position(lines, offset);
      const finding: LintFinding = {
        rule: f.rule,
        line,
        column,
        offset,
        length: f.length,
        original: source.slice(offset, offset + f.length),
        replacement: f.replacement,
        suggestion: inContext(segment.text, f.index, f.length, f.replacement),
        fix: f.fix,
        message: f.message,
      };
      if (segment.field !== undefined) finding.field = segment.field;
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));
}

const WORD_CHAR = /[\u0600-\u06ff\u200cA-Za-z0-9]/;

/** `replacement` with the words around the edited range completed (within the segment). */
function inContext(text: string, index: number, length: number, replacement: string): string {
  let from = index;
  let to = index + length;
  while (from > 0 && WORD_CHAR.test(text[from - 1]!)) from--;
  while (to < text.length && WORD_CHAR.test(text[to]!)) to++;
  return (text.slice(from, index) + replacement + text.slice(index + length, to)).trim();
}

function frontMatterOf(source: string): FrontMatter | undefined {
  const parsed = parseFrontMatter(source);
  return parsed.ok ? parsed.value : undefined;
}

interface Line {
  /** Offset of the line's first character in the file. */
  start: number;
  /** The line without its line break (`\r` dropped too). */
  text: string;
}

function splitLines(source: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of source.split("\n")) {
    out.push({ start, text: raw.endsWith("\r") ? raw.slice(0, -1) : raw });
    start += raw.length + 1;
  }
  return out;
}

function position(lines: Line[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo]!;
  // Columns count characters (code points), as editors do for Persian text.
  return { line: lo + 1, column: [...line.text.slice(0, offset - line.start)].length + 1 };
}

// ---------------------------------------------------------------------------------------------
// Body

function bodySegments(lines: Line[], frontMatter: FrontMatter, tokens: Token[]): Segment[] {
  const bodyStart = frontMatter.bodyLine - 1;
  const out: Segment[] = [];
  /** Table cells have no map of their own: they use their row's. */
  let blockMap: [number, number] | null = null;
  /** Per line, where the previous inline token of that line ended (table cells share a line). */
  const cursor = new Map<number, number>();
  for (const token of tokens) {
    if (token.type !== "inline") {
      if (token.map) blockMap = token.map;
      continue;
    }
    const map = token.map ?? blockMap;
    if (!map) continue;
    const masked = maskInline(token.content);
    // Most inline content is one line: no splitting then.
    const multiline = token.content.includes("\n");
    const contentLines = multiline ? token.content.split("\n") : [token.content];
    const maskedLines = multiline ? masked.split("\n") : [masked];
    for (let k = 0; k < contentLines.length; k++) {
      const content = contentLines[k]!;
      const lineIndex = bodyStart + map[0] + k;
      const line = lines[lineIndex];
      if (!line || content.trim() === "") continue;
      const column = locate(line.text, content, cursor.get(lineIndex) ?? 0);
      if (column < 0) continue; // Can't place it exactly: better unlinted than misplaced.
      cursor.set(lineIndex, column + content.length);
      out.push({ start: line.start + column, text: maskedLines[k]! });
    }
  }
  return out;
}

/** Where the inline content `content` sits in the source line: after any block markers (`>`, `-`, `1.`, `#`). */
function locate(line: string, content: string, from: number): number {
  if (from === 0) {
    if (line.endsWith(content)) return line.length - content.length;
    const trimmed = line.trimEnd();
    if (trimmed.endsWith(content)) return trimmed.length - content.length;
  }
  return line.indexOf(content, from);
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const MAYBE_MARKUP = /[\\`<\]&!]/;
/** A URL or e-mail address needs `.`, `:` or `@` followed by a Latin letter, digit or `/` (linkify-it 6 has no pretest). */
const mayHaveUrl = (text: string) => /[.:@][A-Za-z0-9/]/.test(text);
const AUTOLINK_OR_TAG = /<[^<>\s]*[:@][^<>\s]*>|<\/?[A-Za-z][^<>]*>/g;
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * The characters of a text to replace by MASK, as flags, and the masked text, rebuilt only when a
 * stage masked something new (splitting a Persian paragraph into one string per character and joining
 * it after every stage was most of the lint's allocation).
 */
class Masking {
  private readonly flags: Uint8Array;
  private changed = false;
  private masked: string;

  /** `keepNewlines`: line breaks stay (the body's inline content spans lines). */
  constructor(
    private readonly source: string,
    private readonly keepNewlines: boolean,
  ) {
    this.flags = new Uint8Array(source.length);
    this.masked = source;
  }

  readonly mask = (from: number, to: number): void => {
    const end = Math.min(to, this.source.length);
    for (let i = from; i < end; i++) {
      if (this.keepNewlines && this.source.charCodeAt(i) === 0x0a) continue;
      if (this.flags[i] === 0) {
        this.flags[i] = 1;
        this.changed = true;
      }
    }
  };

  /** The text with everything masked so far. */
  text(): string {
    if (!this.changed) return this.masked;
    this.changed = false;
    const { source, flags } = this;
    let out = "";
    let from = 0;
    for (let i = 0; i < flags.length; i++) {
      if (flags[i] === 0) continue;
      let to = i;
      while (to < flags.length && flags[to] === 1) to++;
      out += source.slice(from, i) + MASK.repeat(to - i);
      from = to;
      i = to;
    }
    this.masked = out + source.slice(from);
    return this.masked;
  }
}

/** The inline source with code spans, link destinations, autolinks, URLs, e-mails, tags, entities and escapes masked. */
export function maskInline(source: string): string {
  // Most lines of prose have nothing to mask: skip the work (this runs for every line of every release).
  if (!MAYBE_MARKUP.test(source) && !mayHaveUrl(source)) return source;
  const masking = new Masking(source, true);
  const mask = masking.mask;
  // Escapes and code spans, left to right (a backslash inside a code span is literal).
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === "\\" && ESCAPABLE.test(source[i + 1] ?? "")) {
      mask(i, i + 2);
      i += 2;
    } else if (c === "`") {
      let n = 1;
      while (source[i + n] === "`") n++;
      const close = closingBackticks(source, i + n, n);
      const end = close < 0 ? i + n : close + n;
      mask(i, end);
      i = end;
    } else i++;
  }
  let text = masking.text();
  for (const m of text.matchAll(AUTOLINK_OR_TAG)) mask(m.index, m.index + m[0].length);
  text = masking.text();
  // Link and image destinations: `](…)` with balanced parentheses, and `][label]`.
  for (let p = text.indexOf("]"); p >= 0; p = text.indexOf("]", p + 1)) {
    const next = text[p + 1];
    if (next !== "(" && next !== "[") continue;
    const end = next === "(" ? closingParen(text, p + 1) : text.indexOf("]", p + 2);
    if (end > p) mask(p + 1, end + 1);
  }
  // `![` starts an image; its `!` is syntax, not an exclamation mark.
  for (let p = text.indexOf("!["); p >= 0; p = text.indexOf("![", p + 1)) mask(p, p + 1);
  text = masking.text();
  for (const m of text.matchAll(ENTITY)) mask(m.index, m.index + m[0].length);
  text = masking.text();
  maskUrls(text, mask);
  return masking.text();
}

/** Masks the URLs and e-mail addresses of `text`. */
function maskUrls(text: string, mask: (from: number, to: number) => void): void {
  if (!mayHaveUrl(text)) return;
  for (const m of md.linkify.match(text) ?? []) mask(m.index, m.lastIndex);
}

function closingBackticks(source: string, from: number, n: number): number {
  for (let i = source.indexOf("`", from); i >= 0; i = source.indexOf("`", i)) {
    let run = 1;
    while (source[i + run] === "`") run++;
    if (run === n) return i;
    i += run;
  }
  return -1;
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
    else if (c === "\n" && text[i + 1] === "\n") return -1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Front matter

/**
 * Values of front-matter fields, found line by line in the YAML text (js-yaml gives no positions):
 * `key: value` (plain, quoted or a `[flow, list]`), `- item` lines, and the lines of `|`/`>` blocks.
 */
function frontMatterSegments(lines: Line[], frontMatter: FrontMatter): Segment[] {
  const out: Segment[] = [];
  scanFrontMatter(lines, frontMatter, (lineIndex, column, text, key, field) => {
    if (NOT_PROSE.has(key) || text.trim() === "") return;
    out.push({ start: lines[lineIndex]!.start + column, text: maskPlain(text), field });
  });
  return out;
}

/** A scalar value in the front matter, where it is written. */
export interface FrontMatterValue {
  /** The innermost key (`alt` in `gallery: - alt: …`). */
  key: string;
  /** The top-level field (`gallery`). */
  field: string;
  line: number;
  column: number;
  /** The value's text as written (inside quotes, if quoted). */
  text: string;
}

/** Every scalar value of the front matter with its position (js-yaml gives none). */
export function frontMatterValues(source: string, frontMatter: FrontMatter): FrontMatterValue[] {
  const lines = splitLines(source);
  const out: FrontMatterValue[] = [];
  scanFrontMatter(lines, frontMatter, (lineIndex, column, text, key, field) => {
    out.push({ key, field, text, ...position(lines, lines[lineIndex]!.start + column) });
  });
  return out;
}

type ValueSink = (lineIndex: number, column: number, text: string, key: string, field: string) => void;

function scanFrontMatter(lines: Line[], frontMatter: FrontMatter, sink: ValueSink): void {
  const lastYamlLine = frontMatter.bodyLine - 3; // 0-based index of the last YAML line
  /** Keys by indentation, innermost last: the field a value belongs to. */
  const keys: { indent: number; key: string }[] = [];
  let block: { indent: number; key: string } | undefined;
  let topKey = "";
  const add = (lineIndex: number, column: number, text: string, key: string) => sink(lineIndex, column, text, key, topKey);

  for (let i = 1; i <= lastYamlLine && i < lines.length; i++) {
    const text = lines[i]!.text;
    const indent = text.length - text.trimStart().length;
    if (block) {
      if (text.trim() === "" || indent > block.indent) {
        if (text.trim() !== "") add(i, indent, text.slice(indent), block.key);
        continue;
      }
      block = undefined;
    }
    if (/^\s*(#|$)/.test(text)) continue;
    const keyed = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)(\s*:)(?:\s+|$)/.exec(text);
    if (keyed) {
      const keyIndent = keyed[1]!.length + (keyed[2]?.length ?? 0);
      while (keys.length > 0 && keys[keys.length - 1]!.indent >= keyIndent) keys.pop();
      const key = keyed[3]!;
      keys.push({ indent: keyIndent, key });
      if (keyIndent === 0) topKey = key;
      const valueStart = keyed[0].length;
      if (/^[|>]/.test(text.slice(valueStart))) block = { indent: keyed[1]!.length, key };
      else valueSegments(text, valueStart, key, (column, value, k) => add(i, column, value, k));
      continue;
    }
    const item = /^(\s*)-\s+/.exec(text);
    const key = keys[keys.length - 1]?.key ?? "";
    if (item) valueSegments(text, item[0].length, key, (column, value, k) => add(i, column, value, k));
    // A continuation line of a multi-line value.
    else valueSegments(text, indent, key, (column, value, k) => add(i, column, value, k), true);
  }
}

/**
 * Calls `emit(column, text, key)` for each scalar in the value starting at `start` of `line`: a plain
 * or quoted scalar, or the items of a one-line flow list `[a, "b"]` or mapping `{file: x, title: "y"}`.
 */
function valueSegments(
  line: string,
  start: number,
  key: string,
  emit: (column: number, text: string, key: string) => void,
  continuation = false,
): void {
  const first = line[start];
  if (first === undefined) return;
  if (first === '"' || first === "'") {
    const end = closingQuote(line, start + 1, first);
    emit(start + 1, quotedText(line.slice(start + 1, end < 0 ? line.length : end), first), key);
    return;
  }
  if ((first === "[" || first === "{") && !continuation) {
    flowItems(line, start, key, emit);
    return;
  }
  if (!continuation && "&*!|>".includes(first)) return;
  // A plain scalar, up to a comment.
  let value = line.slice(start);
  const comment = value.search(/\s#/);
  if (comment >= 0) value = value.slice(0, comment);
  if (continuation && /["']$/.test(value.trimEnd())) value = value.trimEnd().slice(0, -1);
  emit(start, value.trimEnd(), key);
}

/** Escapes inside a quoted scalar are masked: their source text isn't the value's text. */
function quotedText(inner: string, quote: string): string {
  return quote === '"' ? inner.replace(/\\./g, MASK + MASK) : inner.replace(/''/g, MASK + MASK);
}

function flowItems(line: string, open: number, key: string, emit: (column: number, text: string, key: string) => void): void {
  const mapping = line[open] === "{";
  const close = mapping ? "}" : "]";
  let i = open + 1;
  while (i < line.length && line[i] !== close) {
    while (line[i] === " ") i++;
    let itemKey = key;
    if (mapping) {
      const m = /^([A-Za-z_][\w-]*)\s*:\s*/.exec(line.slice(i));
      if (!m) return;
      itemKey = m[1]!;
      i += m[0].length;
    }
    const q = line[i];
    if (q === '"' || q === "'") {
      const end = closingQuote(line, i + 1, q);
      if (end < 0) return;
      emit(i + 1, quotedText(line.slice(i + 1, end), q), itemKey);
      i = end + 1;
      while (i < line.length && line[i] !== "," && line[i] !== close) i++;
    } else if (q === "[" || q === "{") {
      return; // Nested flow collections: rare in front matter, left alone.
    } else {
      let end = i;
      while (end < line.length && line[end] !== "," && line[end] !== close) end++;
      const item = line.slice(i, end).trimEnd();
      if (item !== "") emit(i, item, itemKey);
      i = end;
    }
    if (line[i] === ",") i++;
  }
}

function closingQuote(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    if (quote === '"' && line[i] === "\\") i++;
    else if (line[i] === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** URLs and e-mail addresses in a front-matter value. */
function maskPlain(text: string): string {
  if (!mayHaveUrl(text)) return text;
  const masking = new Masking(text, false);
  maskUrls(text, masking.mask);
  return masking.text();
}

// ---------------------------------------------------------------------------------------------
// Fixing

export interface FixResult {
  output: string;
  /** The fixes applied, positions as in the text they were applied to. */
  applied: LintFinding[];
}

/**
 * Applies the safe fixes until none is left (a fix can make another possible: `كتاب ها` → `کتاب ها`
 * → `کتاب‌ها`), so running it twice changes nothing the second time. Edits that would change the
 * Markdown structure (code included) or the front matter's data beyond the edited text are dropped.
 */
export function fixSource(input: LintInput): FixResult {
  let current = input.source;
  const applied: LintFinding[] = [];
  for (let pass = 0; pass < 10; pass++) {
    const frontMatter = frontMatterOf(current);
    if (!frontMatter) break;
    const candidates = nonOverlapping(
      lintSource({
        source: current,
        frontMatter,
        ...(input.glossary ? { glossary: input.glossary } : {}),
        ...(input.dictionary ? { dictionary: input.dictionary } : {}),
      }).filter((f) => f.fix),
    );
    if (candidates.length === 0) break;
    const bodyOffset = splitLines(current)[frontMatter.bodyLine - 1]?.start ?? current.length;
    const inFrontMatter = candidates.filter((f) => f.offset < bodyOffset);
    const accepted = [
      ...candidates.filter((f) => f.offset >= bodyOffset),
      ...inFrontMatter.filter((f) => keepsFrontMatterData(current, [f])),
    ];
    let next = applyEdits(current, accepted);
    if (
      !keepsFrontMatterData(
        current,
        accepted.filter((f) => f.offset < bodyOffset),
        next,
      )
    ) {
      accepted.splice(0, accepted.length, ...accepted.filter((f) => f.offset >= bodyOffset));
      next = applyEdits(current, accepted);
    }
    if (!sameMarkdownStructure(frontMatter.body, frontMatterOf(next)?.body ?? "")) {
      // Keep only the edits that, each on its own, leave the Markdown structure and code as they were.
      const safe = accepted.filter((f) => sameMarkdownStructure(frontMatter.body, frontMatterOf(applyEdits(current, [f]))?.body ?? ""));
      accepted.splice(0, accepted.length, ...safe);
      next = applyEdits(current, accepted);
      if (!sameMarkdownStructure(frontMatter.body, frontMatterOf(next)?.body ?? "")) break;
    }
    if (accepted.length === 0) break;
    applied.push(...accepted);
    current = next;
  }
  return { output: current, applied };
}

function nonOverlapping(findings: LintFinding[]): LintFinding[] {
  const out: LintFinding[] = [];
  let end = -1;
  for (const f of [...findings].sort((a, b) => a.offset - b.offset || b.length - a.length)) {
    if (f.offset < end) continue;
    out.push(f);
    end = f.offset + f.length;
  }
  return out;
}

function applyEdits(source: string, edits: LintFinding[]): string {
  let out = source;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset))
    out = out.slice(0, e.offset) + e.replacement + out.slice(e.offset + e.length);
  return out;
}

/**
 * True if applying `edits` leaves the front matter's data the same apart from text values (a plain
 * YAML value can turn into something else if a fix put `: ` or ` #` into it), with at most one
 * changed value per edit.
 */
function keepsFrontMatterData(source: string, edits: LintFinding[], after = applyEdits(source, edits)): boolean {
  if (edits.length === 0) return true;
  const a = parseFrontMatter(source);
  const b = parseFrontMatter(after);
  if (!a.ok || !b.ok) return false;
  const changed = changedTextValues(a.value.data, b.value.data);
  return changed >= 0 && changed <= edits.length;
}

/** How many string values differ between two YAML documents of the same shape; -1 if shapes differ. */
function changedTextValues(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return a === b ? 0 : 1;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return -1;
    return sumOf(a.map((x, i) => changedTextValues(x, b[i])));
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return -1;
    return sumOf(ka.map((k) => changedTextValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])));
  }
  return a === b ? 0 : -1;
}

function sumOf(counts: number[]): number {
  return counts.some((c) => c < 0) ? -1 : counts.reduce((s, c) => s + c, 0);
}

/** Block structure, token kinds and every code text: what a typography fix must never change. */
function markdownShape(body: string): string {
  const parts: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      parts.push(t.type);
      if (t.type === "code_inline" || t.type === "fence" || t.type === "code_block") parts.push(t.content);
      if (t.type === "link_open" || t.type === "image") parts.push(String(t.attrGet("href") ?? t.attrGet("src") ?? ""));
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(body, {}));
  return parts.join("\u0000");
}

function sameMarkdownStructure(before: string, after: string): boolean {
  return markdownShape(before) === markdownShape(after);
}
