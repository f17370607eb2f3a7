/** lib/text/utf8.ts decodes exactly as Buffer#toString("utf8") does, valid input or not. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeUtf8 } from "../../lib/text/utf8.ts";

const persian = "---\ntitle: «نشست هم‌اندیشی» در ۱۴۰۳\n---\nمتن با 😀 و \u200f و ZWNJ\u200c و \u0000.\n".repeat(20);

test("valid UTF-8, with a byte-order mark, astral characters, controls and ZWNJ", () => {
  for (const text of [persian, `\ufeff${persian}`, "a".repeat(300), `${"é".repeat(200)}\u{10ffff}`, "", "کوتاه"]) {
    const bytes = Buffer.from(text, "utf8");
    assert.equal(decodeUtf8(bytes), bytes.toString("utf8"));
    assert.equal(decodeUtf8(bytes), text);
  }
});

test("invalid UTF-8 gets the same U+FFFD replacements", () => {
  const valid = Buffer.from(persian, "utf8");
  const cases = [
    Buffer.concat([valid, Buffer.from([0xff])]),
    Buffer.concat([Buffer.from([0xc3, 0x28]), valid]),
    Buffer.concat([valid.subarray(0, 301), valid.subarray(302)]), // a letter cut in half
    Buffer.concat([valid, Buffer.from([0xed, 0xa0, 0x80])]), // an encoded surrogate
    Buffer.concat([valid, Buffer.from([0xf4, 0x90, 0x80, 0x80])]), // beyond U+10FFFF
    Buffer.concat([valid, Buffer.from([0xc0, 0xaf])]), // overlong
  ];
  for (const bytes of cases) {
    assert.equal(decodeUtf8(bytes), bytes.toString("utf8"));
    assert.ok(decodeUtf8(bytes).includes("\ufffd"));
  }
});

test("random bytes and random cuts of valid text decode as toString does", () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const valid = Buffer.from(persian, "utf8");
  for (let i = 0; i < 500; i++) {
    const bytes = Buffer.from(valid);
    // A few random bytes overwritten: sometimes still valid, mostly not.
    for (let k = Math.floor(random() * 4); k > 0; k--) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
    const cut = bytes.subarray(Math.floor(random() * 8), bytes.length - Math.floor(random() * 8));
    assert.equal(decodeUtf8(cut), cut.toString("utf8"));
  }
});
