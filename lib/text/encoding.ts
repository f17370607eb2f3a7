/**
 * Text files that aren't UTF-8. Decoding them as UTF-8 anyway (what Node does) publishes U+FFFD in
 * place of every bad byte, with no error; so every content file is checked here first, and a file in
 * another encoding is an error that says which one, where that can be told, and that `npm run check
 * -- --fix` converts it (with iconv-lite, a maintained decoder, not a hand-written table).
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { decodeUtf8 } from "./utf8.ts";

/** The encodings `--fix` can convert from: those that can be recognised with confidence. */
export type ForeignEncoding = "windows-1256" | "utf-16le" | "utf-16be";

export type DecodedText =
  | { ok: true; text: string }
  | {
      ok: false;
      /** Persian: what the file is and how to fix it. */
      message: string;
      /** 1-based line of the first byte that isn't UTF-8, when the file is read as bytes of lines. */
      line?: number;
      /** Set when `--fix` can convert the file: its encoding. */
      convertFrom?: ForeignEncoding;
    };

const FIX_HINT = "«npm run check -- --fix» آن را به UTF-8 تبدیل می‌کند";

/** The bytes of a text file as a string, or why they can't be read as UTF-8 text. */
export function decodeText(bytes: Buffer): DecodedText {
  const utf16 = utf16Kind(bytes);
  if (utf16 !== undefined) {
    return {
      ok: false,
      message: `این پرونده با رمزگذاری UTF-16 (${utf16 === "utf-16le" ? "LE" : "BE"}) ذخیره شده است، نه UTF-8؛ ${FIX_HINT}، یا در ویرایشگر با «ذخیره با رمزگذاری UTF-8» دوباره ذخیره‌اش کنید`,
      convertFrom: utf16,
    };
  }
  if (isUtf8(bytes)) return { ok: true, text: decodeUtf8(bytes) };
  const line = lineOfFirstBadByte(bytes);
  if (looksLikeWindows1256Persian(bytes)) {
    return {
      ok: false,
      line,
      message: `این پرونده با رمزگذاری Windows-1256 ذخیره شده است (فارسی ویندوزهای قدیمی)، نه UTF-8؛ ${FIX_HINT}، یا در ویرایشگر با «ذخیره با رمزگذاری UTF-8» دوباره ذخیره‌اش کنید`,
      convertFrom: "windows-1256",
    };
  }
  return {
    ok: false,
    line,
    message: "این پرونده UTF-8 نیست (نخستین بایت نادرست در همین خط است)؛ آن را در ویرایشگر با «ذخیره با رمزگذاری UTF-8» دوباره ذخیره کنید",
  };
}

/** The file's text in UTF-8, converted from `from` (a byte-order mark is dropped). */
export function convertToUtf8(bytes: Buffer, from: ForeignEncoding): string {
  return iconv.decode(bytes, from === "windows-1256" ? "win1256" : from, { stripBOM: true });
}

/**
 * UTF-16 with a byte-order mark, or without one: text files hold no NUL bytes, but UTF-16 text of
 * mostly ASCII (front matter keys, JSON) has one in every other byte.
 */
function utf16Kind(bytes: Buffer): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  // Without a NUL byte (a native search) there is no UTF-16 to find.
  if (bytes.length < 4 || bytes.length % 2 !== 0 || bytes.indexOf(0) < 0) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = bytes.length / 2;
  // A quarter of the pairs: Persian letters (0x06xx) have no NUL, the ASCII around them does.
  if (oddNul >= pairs / 4 && evenNul === 0) return "utf-16le";
  if (evenNul >= pairs / 4 && oddNul === 0) return "utf-16be";
  return undefined;
}

/** Whether the non-ASCII bytes read as Windows-1256 are mostly Persian/Arabic letters (not, say, Latin-1 accents). */
function looksLikeWindows1256Persian(bytes: Buffer): boolean {
  const text = iconv.decode(bytes, "win1256");
  let arabic = 0;
  let other = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) continue;
    if ((code >= 0x0600 && code <= 0x06ff) || code === 0x200c) arabic++;
    else other++;
  }
  return arabic > 0 && arabic >= other * 3;
}

/** The line of the first byte sequence that isn't valid UTF-8. */
function lineOfFirstBadByte(bytes: Buffer): number {
  // Lines end in 0x0A in every ASCII-compatible encoding; the first line whose bytes aren't UTF-8 has it.
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (!isUtf8(bytes.subarray(start, end))) return line;
    start = end + 1;
    line++;
  }
  return 1;
}
