/**
 * What guards a cache's bytes (lib/cache/memo-file.ts, lib/cache/integrity.ts) and what refuses an SVG
 * that could run code (lib/content/svg-safety.ts), without a build.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import v8 from "node:v8";
import { folderMatches, sealFolder } from "../../lib/cache/integrity.ts";
import { blockDigest, blockIntact, decodeMemoFile, encodeMemoFile, type MemoFile } from "../../lib/cache/memo-file.ts";
import { activeSvgContent } from "../../lib/content/svg-safety.ts";
import { tempDir } from "../helpers/build.ts";

function memoFile(): MemoFile {
  const blocks = [["a", "b"], ["c"]].map((ids) => {
    const bytes = v8.serialize(ids.map((id) => ({ html: `<p>نویسندگان ${id}</p>` })));
    return { ids, bytes, digest: blockDigest(ids, bytes) };
  });
  return { format: 2, key: "k", blocks };
}

const encoded = () => Buffer.concat(encodeMemoFile(memoFile()));

test("a memo file reads back as written, and every block is intact", () => {
  const read = decodeMemoFile(encoded(), 2);
  assert.ok(typeof read !== "string");
  assert.deepEqual(
    read.blocks.map((b) => b.ids),
    [["a", "b"], ["c"]],
  );
  assert.ok(read.blocks.every(blockIntact));
});

test("one flipped bit in a block's values makes that block, and only it, damaged", () => {
  const bytes = encoded();
  const at = bytes.indexOf(Buffer.from("نویسندگان", "utf16le"));
  assert.ok(at > 0, "v8 stores the Persian text as UTF-16");
  bytes[at + 6]! ^= 1;
  const read = decodeMemoFile(bytes, 2);
  assert.ok(typeof read !== "string");
  assert.deepEqual(read.blocks.map(blockIntact), [false, true]);
});

test("a truncated, extended or garbled header or file is damaged; another format is another version", () => {
  const bytes = encoded();
  assert.equal(decodeMemoFile(bytes.subarray(0, bytes.length - 1), 2), "damaged");
  assert.equal(decodeMemoFile(Buffer.concat([bytes, Buffer.from([0])]), 2), "damaged");
  assert.equal(decodeMemoFile(bytes.subarray(0, 10), 2), "damaged");
  assert.equal(decodeMemoFile(Buffer.alloc(0), 2), "damaged");
  const header = Buffer.from(bytes);
  header[header.indexOf("format")]! ^= 1;
  assert.equal(decodeMemoFile(header, 2), "damaged");
  assert.equal(decodeMemoFile(bytes, 3), "other-version");
  assert.equal(decodeMemoFile(v8.serialize({ format: 1 }), 2), "other-version", "the earlier layout (one v8 serialisation)");
});

test("a sealed folder matches until a file in it is truncated, changed, removed or added", () => {
  const dir = path.join(tempDir(), "bundle");
  mkdirSync(path.join(dir, "index"), { recursive: true });
  writeFileSync(path.join(dir, "a.js"), "export const a = 1;");
  writeFileSync(path.join(dir, "index/b.pf"), Buffer.from([1, 2, 3, 4]));
  const seal = `${dir}.json`;
  sealFolder(dir, seal);
  assert.ok(folderMatches(dir, seal));
  writeFileSync(path.join(dir, "index/b.pf"), Buffer.from([1, 2, 3]));
  assert.ok(!folderMatches(dir, seal), "truncated");
  writeFileSync(path.join(dir, "index/b.pf"), Buffer.from([1, 2, 3, 5]));
  assert.ok(!folderMatches(dir, seal), "changed, same size");
  writeFileSync(path.join(dir, "index/b.pf"), Buffer.from([1, 2, 3, 4]));
  assert.ok(folderMatches(dir, seal), "restored");
  writeFileSync(path.join(dir, "c.js"), "");
  assert.ok(!folderMatches(dir, seal), "added");
  assert.ok(!folderMatches(dir, path.join(dir, "no-seal.json")), "no seal");
  writeFileSync(seal, '{"a.js":');
  assert.ok(!folderMatches(dir, seal), "a truncated seal");
});

test("SVGs that could run code are found, however they are written; plain drawings are not", () => {
  const svg = (inner: string, attrs = "") => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"${attrs}>${inner}</svg>`);
  const active: [Buffer, string][] = [
    [svg("<script>alert(1)</script>"), "<script>"],
    [svg("<SCRIPT >alert(1)</SCRIPT>"), "<script>"],
    [svg('<script xlink:href="x.js"/>'), "<script>"],
    [svg("", ' onload="alert(1)"'), "on…= (رویداد)"],
    [svg('<rect width="1"/><circle\nONCLICK = "x()"/>'), "on…= (رویداد)"],
    [svg('<a href="javascript:alert(1)"><text>x</text></a>'), "javascript:"],
    [svg('<a href="&#106;ava&#x73;cript&#58;alert(1)">x</a>'), "javascript:"],
    [svg('<a href="java\tscript:alert(1)">x</a>'), "javascript:"],
    [svg('<a href="data:text/html,<b>x</b>">x</a>'), "javascript:"],
    [svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), "<foreignObject>"],
    [svg('<iframe src="x"/>'), "<iframe>/<embed>/<object>"],
    [svg('<set attributeName="onmouseover" to="alert(1)"/>'), 'attributeName="on…"'],
    [Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>'), "<!ENTITY>"],
    [Buffer.from('<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg/>'), "<?xml-stylesheet?>"],
    [Buffer.from(`\ufeff${svg("<script>x</script>")}`, "utf16le"), "UTF-16"],
  ];
  for (const [bytes, found] of active) assert.equal(activeSvgContent(bytes), found, bytes.toString());
  const plain = [
    svg('<rect width="10" height="10" fill="#2a6"/><text x="1" y="9">نمودار فروش</text>'),
    svg('<a href="https://example.org/"><circle r="4"/></a><style>.a{fill:red}</style>', ' viewBox="0 0 10 10"'),
    Buffer.from('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'),
  ];
  for (const bytes of plain) assert.equal(activeSvgContent(bytes), undefined, bytes.toString());
});
