/**
 * Invisible characters that must not reach a page. Control characters (U+0001, ESC, DEL, C1,
 * noncharacters such as U+FFFE) make the HTML invalid and show as nothing or as boxes; an unclosed
 * bidi override or embedding (U+202E…) reverses the text after it — in `<title>`, `og:title`, feeds
 * and search — so a title can read as something its letters aren't (text spoofing).
 *
 * Both are refused, at their line and column, rather than stripped or isolated: the author can't see
 * them in the editor, so only an error with a position tells them where a paste brought something
 * in, and what is published is then exactly what they wrote. Tab, line breaks, the direction marks
 * (LRM, RLM, ALM), ZWNJ/ZWJ and balanced bidi pairs on one line are ordinary Persian text and pass.
 */

export interface HiddenCharFinding {
  /** 1-based line and column (in characters) in the text. */
  line: number;
  column: number;
  message: string;
}

/** Opening bidi controls and the one that closes each: embeddings/overrides by PDF, isolates by PDI. */
const OPENS_EMBEDDING = new Set([0x202a, 0x202b, 0x202d, 0x202e]);
const OPENS_ISOLATE = new Set([0x2066, 0x2067, 0x2068]);
const PDF = 0x202c;
const PDI = 0x2069;

const BIDI_NAMES: Record<number, string> = {
  8234: "LRE",
  8235: "RLE",
  8236: "PDF",
  8237: "LRO",
  8238: "RLO",
  8294: "LRI",
  8295: "RLI",
  8296: "FSI",
  8297: "PDI",
};

const codeName = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

function isControl(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false;
  return (
    code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe // U+FFFE, U+FFFF and their kin in every plane
  );
}

/** Any character the scan below looks at: a native search first, since nearly every file has none. */
// Without the `u` flag (several times faster); U+nFFFE/U+nFFFF above the BMP are their surrogate pairs.
const SUSPECT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

/** Every control character, and every bidi control left unbalanced on its line, in `text`. */
export function hiddenCharFindings(text: string): HiddenCharFinding[] {
  if (!SUSPECT.test(text)) return [];
  const findings: HiddenCharFinding[] = [];
  const lines = text.split("\n");
  lines.forEach((lineText, i) => {
    const open: { code: number; column: number }[] = [];
    let column = 0;
    for (const char of lineText) {
      column++;
      const code = char.codePointAt(0)!;
      if (isControl(code)) {
        findings.push({
          line: i + 1,
          column,
          message: `نویسه‌ی کنترلی نامرئی ${codeName(code)} در متن است (معمولاً از رونوشت‌برداری از جای دیگر)؛ صفحه را نامعتبر می‌کند: آن را پاک کنید`,
        });
      } else if (OPENS_EMBEDDING.has(code) || OPENS_ISOLATE.has(code)) {
        open.push({ code, column });
      } else if (code === PDF || code === PDI) {
        const top = open.at(-1);
        const matches = top !== undefined && (code === PDF ? OPENS_EMBEDDING.has(top.code) : OPENS_ISOLATE.has(top.code));
        if (matches) open.pop();
        else findings.push({ line: i + 1, column, message: bidiMessage(code) });
      }
    }
    for (const unclosed of open) findings.push({ line: i + 1, column: unclosed.column, message: bidiMessage(unclosed.code) });
  });
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

function bidiMessage(code: number): string {
  return `نویسه‌ی نامرئی جهت‌دهی ${codeName(code)} (${BIDI_NAMES[code]}) در این خط بسته نشده است؛ ترتیب نمایش نوشته‌ی پس از آن را وارونه یا جابه‌جا می‌کند (در عنوان صفحه، خوراک و جست‌وجو هم): آن را پاک کنید`;
}
