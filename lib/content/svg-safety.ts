/**
 * SVG files from the content folder that could run code are refused. An SVG is a document, not just
 * a picture: opened from `/media/` (a gallery photo, an attachment, the logo) it runs its scripts,
 * event attributes and `javascript:` links with the site's origin, and only a host that applies
 * `_headers` (its Content-Security-Policy) stops them.
 *
 * Refused rather than cleaned: a sanitiser that is safe has to parse XML exactly as every browser does
 * and allow-list elements and attributes (a library the size of DOMPurify, plus a DOM); a smaller one
 * is a list of bypasses waiting to be found, and it would publish a file other than the author's. A
 * press office's SVGs are logos, charts and icons, which need none of this; the author re-exports the
 * file (or gives a PNG), and the message says what was found. The check is deliberately broad: it
 * reads the text as a browser would decode it (character references, any case) and refuses on a
 * match anywhere, so a false alarm is possible (the word «onion=» in a text), a miss is not meant to be.
 */
import { readFileSync } from "node:fs";
import { showValue } from "./errors.ts";

/** What may run: each test reads the decoded, lower-cased text; the label is what the message names. */
const ACTIVE: readonly { test: RegExp; label: string }[] = [
  { test: /<script[\s>/]/, label: "<script>" },
  { test: /<foreignobject[\s>/]/, label: "<foreignObject>" },
  { test: /<(?:iframe|embed|object|handler|listener)[\s>/]/, label: "<iframe>/<embed>/<object>" },
  { test: /(?:^|[\s"'/])on[a-z]+\s*=/, label: "on…= (رویداد)" },
  { test: /attributename\s*=\s*["']?\s*on/, label: 'attributeName="on…"' },
  { test: /<!entity|<!doctype[^>]*\[/, label: "<!ENTITY>" },
  { test: /<\?xml-stylesheet/, label: "<?xml-stylesheet?>" },
];

/** URL schemes that run code; tested with every space and control character removed (browsers skip them). */
const SCHEMES = /(?:javascript|vbscript):|data:(?:text\/html|application\/(?:xhtml|xml|javascript|ecmascript))/;

function decodeReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Math.min(Number.parseInt(dec, 10), 0x10ffff)));
}

/** What in this SVG's text could run, or undefined when nothing does. */
export function activeSvgContent(bytes: Uint8Array): string | undefined {
  // UTF-16 (a BOM, or NUL bytes) would hide everything below from a text search: not read, refused.
  const head = bytes.subarray(0, 2);
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe) || bytes.includes(0)) return "UTF-16";
  const text = decodeReferences(Buffer.from(bytes).toString("utf8")).toLowerCase();
  for (const { test, label } of ACTIVE) if (test.test(text)) return label;
  if (SCHEMES.test(text.replace(/[\s\u0000-\u001f\u007f]+/g, ""))) return "javascript:";
  return undefined;
}

/**
 * The Persian problem with a content file that is an SVG able to run code (`shown`: the path as the
 * author wrote it), or undefined for any other file and for a harmless SVG.
 */
export function unsafeSvgProblem(absolute: string, shown: string): string | undefined {
  // Either name may say SVG: the one it is published under (a link inside the content folder may differ).
  if (!isSvgName(absolute) && !isSvgName(shown)) return undefined;
  return unsafeSvgBytesProblem(readFileSync(absolute), shown);
}

const isSvgName = (name: string) => name.toLowerCase().endsWith(".svg");

/** The same, for an SVG's bytes already read. */
export function unsafeSvgBytesProblem(bytes: Uint8Array, shown: string): string | undefined {
  const found = activeSvgContent(bytes);
  if (found === undefined) return undefined;
  if (found === "UTF-16")
    return `تصویر SVG ${showValue(shown)} با UTF-16 ذخیره شده و نمی‌شود بی‌خطر بودنش را سنجید؛ آن را با UTF-8 دوباره ذخیره کنید`;
  return `تصویر SVG ${showValue(shown)} چیزی دارد که در مرورگر اجرا می‌شود (${found})؛ چاپار آن را منتشر نمی‌کند: SVG را بی‌اسکریپت، بی‌رویداد و بی‌پیوند javascript: دوباره ذخیره کنید یا PNG بدهید`;
}
