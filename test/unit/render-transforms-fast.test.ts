/**
 * The render transforms' fast paths (one-scan prose, all-prose text without Latin letters or `@`)
 * give exactly what the earlier code gave (frozen in render-transforms-frozen.ts), for every option,
 * on random text made of the characters that matter and on a generated corpus.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { displayText, transformTextHtml } from "../../lib/text/render-transforms.ts";
import { escapeHtml } from "../../lib/render/html.ts";
import { generateCorpus, corpusDefaults } from "../../scripts/gen-corpus.ts";
import { tempDir } from "../helpers/build.ts";
import { displayTextFrozen, transformTextHtmlFrozen } from "./render-transforms-frozen.ts";

const OPTIONS = [
  { persianDigits: true, isolateLatin: true },
  { persianDigits: false, isolateLatin: true },
  { persianDigits: true, isolateLatin: false },
  { persianDigits: false, isolateLatin: false },
];

function agree(text: string): void {
  for (const o of OPTIONS) {
    assert.equal(displayText(text, o), displayTextFrozen(text, o), JSON.stringify([text, o]));
    for (const persian of [true, false]) {
      assert.equal(transformTextHtml(text, o, escapeHtml, persian), transformTextHtmlFrozen(text, o, escapeHtml, persian), JSON.stringify([text, o, persian]));
    }
  }
}

test("random text of letters, digits, URLs, e-mail addresses and markup characters", () => {
  const pieces = [
    "ي", "ى", "ك", "ی", "ک", "٤", "۴", "4", "19", "a", "Z", "@", ".", ":", "/", "www.", "http://", "x@y.ir", " ", "\u00a0",
    "<", "&", '"', "«", "»", "\u200c", "😀", "\u06ff", "\u0700", "\u0649\u0643", "iPhone 15", "C++", "-", "(", ")", "،", "کتاب",
  ];
  let seed = 1403;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let i = 0; i < 20_000; i++) {
    let text = "";
    for (let n = random(12); n > 0; n--) text += pieces[random(pieces.length)];
    agree(text);
  }
});

test("corners: e-mail addresses and URLs without Latin letters, digits beside Latin runs", () => {
  for (const text of ["1@2.3", "با ۰۹۱۲@9.ir تماس", "19@4.4 و ٤", "2024 iPhone 15", "ك ي ى ٤ 4", "", " ", "<a&b>", "www.1.ir", "http://1.2"]) agree(text);
});

test("every line of a generated corpus", () => {
  const out = tempDir();
  generateCorpus({ ...corpusDefaults, count: 150, out });
  let lines = 0;
  for (const entry of readdirSync(out, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    for (const line of readFileSync(path.join(entry.parentPath, entry.name), "utf8").split("\n")) {
      agree(line);
      lines++;
    }
  }
  assert.ok(lines > 1000, String(lines));
});
