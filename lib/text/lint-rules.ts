/**
 * Persian typography rules. Each rule looks at one piece of prose (a line of a paragraph, a
 * front-matter value) in which code, URLs, e-mail addresses and Markdown syntax have already been
 * replaced by `MASK` characters, and reports what it finds with the text that should replace it.
 *
 * A finding is `fix: true` only when the replacement can't change the meaning (`کتاب ها` → `کتاب‌ها`);
 * anything that depends on what the author meant (`جلسهی`: silent «ه» or not?) is a suggestion.
 */
import { toPersianDigits } from "./digits.ts";
import { foldArabicLetters, ZWNJ } from "./persian.ts";
import { AMBIGUOUS_MI_WORDS, H_FINAL_WORDS, isVerbAfterMi, NOT_PLURAL } from "./persian-words.ts";

/** Stands for a character the rules must not see or touch (code, URL, Markdown syntax). */
export const MASK = "\ufffc";

export const RULES = {
  "arabic-letters": "حرف عربی «ي» یا «ك» (یا «ى») به جای «ی» و «ک» فارسی",
  "arabic-teh-marbuta": "«ة» عربی در متن فارسی",
  "arabic-digits": "رقم عربی (٤٥٦) به جای رقم فارسی (۴۵۶)",
  "zwnj-mi": "پیشوند «می» و «نمی» با نیم‌فاصله به فعل می‌چسبد",
  "zwnj-plural": "پسوند «ها» و «های» با نیم‌فاصله به واژه می‌چسبد",
  "zwnj-comparative": "پسوند «تر» و «ترین» با نیم‌فاصله به صفت می‌چسبد",
  "zwnj-ezafe": "«ی» و «ای» پس از «ه» پایانی با نیم‌فاصله نوشته می‌شود",
  "zwnj-verb-ending": "«ام»، «ایم»، «اید» و «اند» پس از «ه» پایانی با نیم‌فاصله نوشته می‌شود",
  "zwnj-stray": "نیم‌فاصله‌ی بی‌جا",
  glossary: "واژه‌ای که در واژه‌نامه شکل درست دیگری دارد",
  "latin-punctuation": "نشانه‌ی لاتین «,» «;» «?» کنار واژه‌ی فارسی",
  "space-before-punctuation": "فاصله پیش از نشانه‌ی نگارشی",
  "space-after-punctuation": "نبودِ فاصله پس از نشانه‌ی نگارشی یا بیرون پرانتز و گیومه",
  "space-inside-brackets": "فاصله درون پرانتز یا گیومه",
} as const;

export type RuleId = keyof typeof RULES;

export interface RuleFinding {
  rule: RuleId;
  /** Position of the text to replace, in the piece of prose given to `lintText`. */
  index: number;
  length: number;
  /** The suggested text for that range. */
  replacement: string;
  /** Safe to apply with `--fix`: cannot change the meaning. */
  fix: boolean;
  /** Persian explanation. */
  message: string;
}

/** Office and built-in glossary, compiled once per run. */
export interface CompiledGlossary {
  entries: ReadonlyMap<string, string>;
  pattern: RegExp | undefined;
}

// Character classes. LETTER: Arabic-script letters; MARK: harakat (part of a word).
const LETTER = "\\u0621-\\u063a\\u0641-\\u064a\\u066e\\u066f\\u0671-\\u06d3\\u06d5\\u06ee\\u06ef\\u06fa-\\u06fc\\u06ff";
const MARK = "\\u064b-\\u065f\\u0670";
const LM = `[${LETTER}${MARK}]`;
const SPACE = "[ \\u00a0]";
const FA_DIGIT = "\\u06f0-\\u06f9";
const WORD_RE = new RegExp(`${LM}+(?:${ZWNJ}${LM}+)*`, "g");
const LETTER_ONLY = new RegExp(`^${LM}+$`);
/** Letters that join only to the previous letter: after them a ZWNJ changes nothing visible. */
const NON_JOINING = new Set([..."اآأإؤدذرزژوةء"]);
const PERSIAN_ONLY = /[پچژگیک]/;
const ARABIC_SIGNS = /[\u064b-\u0652\u0629]/;

const PLURAL_SUFFIXES = ["هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "های", "ها"];
const PLURAL_SET = new Set(PLURAL_SUFFIXES);
const VERB_ENDINGS = new Set(["ام", "ایم", "اید", "اند"]);
const JOINED_VERB_ENDING = /^(.{2,}[تد]ه)(ام|اید|ایم|اند)$/;

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const isSpaceGap = (gap: string) => gap !== "" && /^[ \u00a0]+$/.test(gap);

export function compileGlossary(entries: ReadonlyMap<string, string>): CompiledGlossary {
  const keys = [...entries.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const escaped = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = keys.length === 0 ? undefined : new RegExp(`(?<!${LM})(?:${escaped.join("|")})(?!${LM})`, "g");
  return { entries, pattern };
}

/** All findings in one piece of prose (already masked). */
export function lintText(text: string, glossary?: CompiledGlossary): RuleFinding[] {
  if (!/[\u0600-\u06ff\u200c]/.test(text)) return [];
  const out: RuleFinding[] = [];
  const words = wordsOf(text);
  arabicForms(text, words, out);
  spacedSuffixes(text, words, out);
  joinedForms(words, out);
  strayZwnj(text, out);
  if (glossary?.pattern) glossaryRule(text, glossary, out);
  punctuation(text, out);
  // Never touch a masked character (code, URL…).
  return out.filter((f) => !text.slice(f.index, f.index + f.length).includes(MASK)).sort((a, b) => a.index - b.index || b.length - a.length);
}

function arabicForms(text: string, words: Word[], out: RuleFinding[]): void {
  // No Persian-only letter but Arabic signs (harakat, ة, several ال…): an Arabic quotation; leave it.
  const arabicQuote = !PERSIAN_ONLY.test(text) && (ARABIC_SIGNS.test(text) || words.filter((w) => w.text.startsWith("ال")).length >= 2);
  if (!arabicQuote) {
    for (const w of words) {
      if (/[\u064a\u0643\u0649]/.test(w.text)) {
        out.push({ rule: "arabic-letters", index: w.start, length: w.end - w.start, replacement: foldArabicLetters(w.text), fix: true, message: "«ي» و «ك» عربی‌اند؛ در فارسی «ی» و «ک» بنویسید" });
      }
      if (w.text.includes("\u0629")) {
        out.push({
          rule: "arabic-teh-marbuta",
          index: w.start,
          length: w.end - w.start,
          replacement: w.text.replace(/\u0629/g, "ه"),
          fix: false,
          message: "«ة» عربی است؛ در فارسی معمولاً «ه» (یا «ت») نوشته می‌شود",
        });
      }
    }
  }
  for (const m of text.matchAll(/[\u0660-\u0669]+/g)) {
    out.push({ rule: "arabic-digits", index: m.index, length: m[0].length, replacement: toPersianDigits(m[0]), fix: true, message: "رقم عربی است؛ رقم فارسی بنویسید (۴ ۵ ۶ به جای ٤ ٥ ٦)" });
  }
}

/** Suffixes and prefixes written as separate words: `می شود`، `کتاب ها`، `بزرگ تر`، `خانه ای`، `رفته اند`. */
function spacedSuffixes(text: string, words: Word[], out: RuleFinding[]): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (!isSpaceGap(text.slice(a.end, b.start))) continue;
    const joined = `${a.text}${ZWNJ}${b.text}`;
    const range = { index: a.start, length: b.end - a.start };
    const lastPart = a.text.slice(a.text.lastIndexOf(ZWNJ) + 1);

    if (a.text === "می" || a.text === "نمی") {
      const verb = isVerbAfterMi(b.text.split(ZWNJ)[0]!);
      out.push({
        rule: "zwnj-mi",
        ...range,
        replacement: joined,
        fix: verb,
        message: verb ? `«${a.text}» با نیم‌فاصله به فعل می‌چسبد، نه با فاصله` : `اگر «${b.text}» فعل است، «${a.text}» با نیم‌فاصله به آن می‌چسبد`,
      });
      continue;
    }
    if (PLURAL_SET.has(b.text) && lastPart.length >= 2) {
      out.push({ rule: "zwnj-plural", ...range, replacement: joined, fix: true, message: `«${b.text}» با نیم‌فاصله به واژه می‌چسبد، نه با فاصله` });
      continue;
    }
    if (b.text === "تر" || b.text === "ترین") {
      if (a.text === "بیش" || a.text === "کم") {
        // بیشتر، کمتر: established joined forms.
        out.push({ rule: "zwnj-comparative", ...range, replacement: `${a.text}${b.text}`, fix: true, message: `«${a.text}${b.text}» پیوسته نوشته می‌شود` });
        continue;
      }
      const next = words[i + 2];
      // `تر` alone is also an adjective ("wet"); before `از` it can only be the comparative.
      const sure = b.text === "ترین" || (next !== undefined && next.text === "از" && isSpaceGap(text.slice(b.end, next.start)));
      out.push({
        rule: "zwnj-comparative",
        ...range,
        replacement: joined,
        fix: sure,
        message: sure ? `«${b.text}» با نیم‌فاصله به صفت می‌چسبد، نه با فاصله` : `اگر «${b.text}» پسوند صفت برتر است، با نیم‌فاصله به «${a.text}» بچسبد`,
      });
      continue;
    }
    if (lastPart.endsWith("ه") && lastPart.length >= 3) {
      if (b.text === "ی" || b.text === "ای") {
        out.push({ rule: "zwnj-ezafe", ...range, replacement: joined, fix: true, message: `«${b.text}» پس از «ه» پایانی با نیم‌فاصله نوشته می‌شود` });
      } else if (VERB_ENDINGS.has(b.text)) {
        out.push({ rule: "zwnj-verb-ending", ...range, replacement: joined, fix: true, message: `«${b.text}» پس از «ه» پایانی با نیم‌فاصله نوشته می‌شود` });
      }
    }
  }
}

/** Words where a ZWNJ was lost: `میشود`، `کتابها`، `جلسهی`، `رفتهاند`. Only verbs after `می` are fixed. */
function joinedForms(words: Word[], out: RuleFinding[]): void {
  for (const w of words) {
    const parts = w.text.split(ZWNJ);
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const rest = parts.slice(1).map((p) => `${ZWNJ}${p}`).join("");

    // Prefix می / نمی.
    const prefix = first.startsWith("نمی") ? "نمی" : first.startsWith("می") ? "می" : undefined;
    if (prefix !== undefined && first.length > prefix.length) {
      const stem = first.slice(prefix.length);
      if (isVerbAfterMi(stem)) {
        const ambiguous = AMBIGUOUS_MI_WORDS.has(first);
        out.push({
          rule: "zwnj-mi",
          index: w.start,
          length: w.end - w.start,
          replacement: `${prefix}${ZWNJ}${stem}${rest}`,
          fix: !ambiguous,
          message: ambiguous ? `اگر «${first}» فعل است، «${prefix}» با نیم‌فاصله از آن جدا می‌شود` : `«${prefix}» با نیم‌فاصله از فعل جدا می‌شود، نه پیوسته`,
        });
        continue;
      }
    }
    if (parts.length > 1 && first === last) continue;
    const lastStart = w.end - last.length;

    // Past participle + ام/اید/ایم/اند: رفتهاند → رفته‌اند.
    const verbEnding = JOINED_VERB_ENDING.exec(last);
    if (verbEnding) {
      out.push({
        rule: "zwnj-verb-ending",
        index: lastStart,
        length: last.length,
        replacement: `${verbEnding[1]}${ZWNJ}${verbEnding[2]}`,
        fix: false,
        message: `«${verbEnding[2]}» پس از «ه» پایانی با نیم‌فاصله نوشته می‌شود، نه پیوسته`,
      });
      continue;
    }

    // Plural ها / های…: کتابها → کتاب‌ها (a warning: تنها، انتها… only look like plurals).
    const suffix = PLURAL_SUFFIXES.find((s) => last.endsWith(s));
    if (suffix !== undefined && !NOT_PLURAL.has(last)) {
      const stem = last.slice(0, -suffix.length);
      const lastLetter = stem[stem.length - 1];
      if (stem.length >= 2 && lastLetter !== undefined && !NON_JOINING.has(lastLetter) && LETTER_ONLY.test(stem)) {
        const suggestion = `${stem}${ZWNJ}${suffix}`;
        const alternative = suffix.startsWith("های") ? `؛ یا اگر «${stem}ه» با «ای» است: «${stem}ه${ZWNJ}${suffix.slice(2)}»` : "";
        out.push({
          rule: "zwnj-plural",
          index: lastStart,
          length: last.length,
          replacement: suggestion,
          fix: false,
          message: `«${suffix}» بی‌نیم‌فاصله به واژه چسبیده است${alternative}`,
        });
        continue;
      }
    }

    // ی after a silent final ه: جلسهی → جلسه‌ی (warning: in توجهی the ه is a consonant).
    if (last.length >= 4 && last.endsWith("هی")) {
      const base = last.slice(0, -1);
      const beforeHe = base[base.length - 2]!;
      // سازماندهی، فرماندهی: the stem ده («دادن») + ی; استفاده‌ی: a silent ه after ا.
      const deh = base.endsWith("ده") && base[base.length - 3] !== "ا";
      if (!"اآو".includes(beforeHe) && !H_FINAL_WORDS.has(base) && !deh && base !== "آگه") {
        out.push({
          rule: "zwnj-ezafe",
          index: lastStart,
          length: last.length,
          replacement: `${base}${ZWNJ}ی`,
          fix: false,
          message: `اگر «ه» در «${base}» خوانده نمی‌شود، «ی» با نیم‌فاصله نوشته می‌شود`,
        });
      }
    }
  }
}

const STRAY_BETWEEN_LETTERS = new RegExp(`(?<=${LM})(?:${SPACE}+${ZWNJ}+${SPACE}*|${ZWNJ}+${SPACE}+)(?=${LM})`, "g");
const DOUBLE_ZWNJ = new RegExp(`(?<=${LM})${ZWNJ}{2,}(?=${LM})`, "g");
/** A ZWNJ at the edge of a word: next to a space, a line edge, punctuation or Latin text. */
const EDGE_ZWNJ = new RegExp(`(?<=^|[^${LETTER}${MARK}${ZWNJ}${FA_DIGIT}${MASK}])${ZWNJ}+|${ZWNJ}+(?=$|[^${LETTER}${MARK}${ZWNJ}${FA_DIGIT}${MASK}])`, "g");

function strayZwnj(text: string, out: RuleFinding[]): void {
  if (!text.includes(ZWNJ)) return;
  for (const m of text.matchAll(STRAY_BETWEEN_LETTERS)) {
    out.push({ rule: "zwnj-stray", index: m.index, length: m[0].length, replacement: ZWNJ, fix: true, message: "فاصله کنار نیم‌فاصله؛ یکی بس است: نیم‌فاصله" });
  }
  for (const m of text.matchAll(DOUBLE_ZWNJ)) {
    out.push({ rule: "zwnj-stray", index: m.index, length: m[0].length, replacement: ZWNJ, fix: true, message: "نیم‌فاصله‌ی تکراری" });
  }
  for (const m of text.matchAll(EDGE_ZWNJ)) {
    // Leave the ones STRAY_BETWEEN_LETTERS already turns into one ZWNJ.
    const inside = out.some((f) => f.rule === "zwnj-stray" && f.index <= m.index && m.index < f.index + f.length);
    if (!inside) out.push({ rule: "zwnj-stray", index: m.index, length: m[0].length, replacement: "", fix: true, message: "نیم‌فاصله‌ی بی‌جا در آغاز یا پایان واژه" });
  }
}

function glossaryRule(text: string, glossary: CompiledGlossary, out: RuleFinding[]): void {
  for (const m of text.matchAll(glossary.pattern!)) {
    const right = glossary.entries.get(m[0]);
    if (right === undefined || right === m[0]) continue;
    out.push({ rule: "glossary", index: m.index, length: m[0].length, replacement: right, fix: true, message: `«${m[0]}» در واژه‌نامه شکل نادرست است` });
  }
}

const LATIN_TO_PERSIAN: Record<string, string> = { ",": "،", ";": "؛", "?": "؟" };
const MARK_NAMES: Record<string, string> = { "(": "پرانتز باز", ")": "پرانتز بسته", "«": "گیومه‌ی باز «", "»": "گیومه‌ی بسته »" };
/** `«،»`, or a name for marks that read badly between guillemets. */
const named = (mark: string) => MARK_NAMES[mark] ?? `«${mark}»`;
const LATIN_PUNCT = new RegExp(`(?<=${LM})[,;?]|(?<=[${FA_DIGIT}]),(?=${SPACE}${LM})`, "g");
/** `سلام .` and `سلام ،دنیا` (the space on the wrong side). */
const SPACE_BEFORE = new RegExp(`(?<=[${LETTER}${MARK}${FA_DIGIT}])(${SPACE}+)([.،؛؟!:,;?])(?=${SPACE}|$|[«»()\\]${MASK}${LETTER}])`, "g");
const NO_SPACE_AFTER = new RegExp(`[،؛؟!](?=[${LETTER}])|(?<=${LM}{2})[.:](?=[${LETTER}]{2})|[)»](?=[${LETTER}])`, "g");
const NO_SPACE_BEFORE_OPENING = new RegExp(`(?<=${LM})[(«]`, "g");
const SPACE_AFTER_OPENING = new RegExp(`([(«])(${SPACE}+)(?=[${LETTER}${FA_DIGIT}])`, "g");
const SPACE_BEFORE_CLOSING = new RegExp(`(?<=[${LETTER}${MARK}${FA_DIGIT}.،؛؟!])(${SPACE}+)([)»])`, "g");

function punctuation(text: string, out: RuleFinding[]): void {
  for (const m of text.matchAll(LATIN_PUNCT)) {
    const persian = LATIN_TO_PERSIAN[m[0]]!;
    out.push({ rule: "latin-punctuation", index: m.index, length: 1, replacement: persian, fix: true, message: `در متن فارسی «${persian}» بنویسید، نه «${m[0]}»` });
  }
  for (const m of text.matchAll(SPACE_BEFORE)) {
    out.push({ rule: "space-before-punctuation", index: m.index, length: m[0].length, replacement: m[2]!, fix: true, message: `پیش از «${m[2]}» فاصله نمی‌آید` });
  }
  for (const m of text.matchAll(NO_SPACE_AFTER)) {
    const bracket = m[0] === ")" || m[0] === "»";
    out.push({
      rule: "space-after-punctuation",
      index: m.index,
      length: 1,
      replacement: `${m[0]} `,
      fix: true,
      message: bracket ? `پس از ${named(m[0])} و پیش از واژه‌ی بعد یک فاصله لازم است` : `پس از «${m[0]}» یک فاصله لازم است`,
    });
  }
  for (const m of text.matchAll(NO_SPACE_BEFORE_OPENING)) {
    out.push({ rule: "space-after-punctuation", index: m.index, length: 1, replacement: ` ${m[0]}`, fix: true, message: `پیش از ${named(m[0])} یک فاصله لازم است` });
  }
  for (const m of text.matchAll(SPACE_AFTER_OPENING)) {
    out.push({ rule: "space-inside-brackets", index: m.index, length: m[0].length, replacement: m[1]!, fix: true, message: `پس از ${named(m[1]!)} فاصله نمی‌آید` });
  }
  for (const m of text.matchAll(SPACE_BEFORE_CLOSING)) {
    out.push({ rule: "space-inside-brackets", index: m.index, length: m[0].length, replacement: m[2]!, fix: true, message: `پیش از ${named(m[2]!)} فاصله نمی‌آید` });
  }
}
