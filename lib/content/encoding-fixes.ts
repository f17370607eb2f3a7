/**
 * `npm run check -- --fix` for files saved in another encoding (lib/text/encoding.ts): every release,
 * office page and `_data` JSON file that is Windows-1256 or UTF-16 is rewritten as UTF-8, before the
 * other fixes (which can only read UTF-8) run. Files in an encoding that can't be told are left alone:
 * their error asks the author to save them again.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { convertToUtf8, decodeText, type ForeignEncoding } from "../text/encoding.ts";
import { listFiles } from "./load.ts";

export interface EncodingFix {
  /** Content-relative path. */
  file: string;
  from: ForeignEncoding;
  /** The bytes as read, to write only if nobody changed the file meanwhile. */
  before: Buffer;
  after: string;
}

const TEXT_FILE = /\.(?:md|json)$/i;

export function encodingFixes(contentDir: string): EncodingFix[] {
  const fixes: EncodingFix[] = [];
  for (const file of listFiles(contentDir)) {
    if (!TEXT_FILE.test(file)) continue;
    const before = readFileSync(path.join(contentDir, file));
    const decoded = decodeText(before);
    if (decoded.ok || decoded.convertFrom === undefined) continue;
    fixes.push({ file, from: decoded.convertFrom, before, after: convertToUtf8(before, decoded.convertFrom) });
  }
  return fixes;
}

/** What `--fix` says it did, in Persian. */
export function describeEncodingFix(fix: EncodingFix): string {
  const name = fix.from === "windows-1256" ? "Windows-1256" : fix.from === "utf-16le" ? "UTF-16 LE" : "UTF-16 BE";
  return `${fix.file}: از رمزگذاری ${name} به UTF-8 تبدیل شد`;
}
