/**
 * Render-time text transforms: Arabic ي/ك → ی/ک and Latin digits → Persian digits in prose, never in
 * code, URLs, attributes or Latin words; Latin runs isolated with <bdi>. And the office glossary file.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { renderMarkdown } from "../../lib/content/markdown.ts";
import { loadGlossary } from "../../lib/text/glossary.ts";
import { lintText } from "../../lib/text/lint-rules.ts";
import { ZWNJ } from "../../lib/text/persian.ts";
import { displayText } from "../../lib/text/render-transforms.ts";
import { tempDir } from "../helpers/build.ts";

describe("displayText (titles and summaries)", () => {
  test("Arabic letters and digits in prose become Persian", () => {
    assert.equal(displayText("كتاب عربي در سال 1403 و ٤٥ نفر"), "کتاب عربی در سال ۱۴۰۳ و ۴۵ نفر");
  });

  test("Latin words and runs keep their digits", () => {
    assert.equal(displayText("iPhone 15 و COVID-19 و v2.0 و Node.js 20 و alert(1)"), "iPhone 15 و COVID-19 و v2.0 و Node.js 20 و alert(1)");
    assert.equal(displayText("حجم 20 MB و 12 نفر"), "حجم 20 MB و ۱۲ نفر");
  });

  test("URLs and e-mail addresses are kept as written", () => {
    assert.equal(displayText("نشانی https://example.ir/1403/ي و press2@example.ir"), "نشانی https://example.ir/1403/ي و press2@example.ir");
  });

  test("persianDigits: false keeps Latin digits (Arabic-Indic ones still become Persian)", () => {
    assert.equal(displayText("سال 1403 و ٤", { persianDigits: false }), "سال 1403 و ۴");
  });
});

describe("renderMarkdown (release bodies)", () => {
  const html = (source: string, persianDigits?: boolean) =>
    renderMarkdown(source, persianDigits === undefined ? {} : { persianDigits }).html;

  test("prose: letters and digits; ZWNJ kept", () => {
    assert.equal(html(`كتاب${ZWNJ}ها در 12 اردیبهشت`), `<p>کتاب${ZWNJ}ها در ۱۲ اردیبهشت</p>\n`);
  });

  test("code spans and code blocks are untouched", () => {
    assert.equal(html("متن `كتاب 12` پایان"), "<p>متن <code>كتاب 12</code> پایان</p>\n");
    assert.equal(html("```\nكتاب 12\n```"), "<pre><code>كتاب 12\n</code></pre>\n");
    assert.equal(html("    كتاب 12"), "<pre><code>كتاب 12\n</code></pre>\n");
  });

  test("attributes (href, alt, title) are untouched; link text is prose", () => {
    assert.equal(html('[گزارش 12](/1403/02/x-12/ "عنوان 3")'), '<p><a href="/1403/02/x-12/" title="عنوان 3">گزارش ۱۲</a></p>\n');
  });

  test("URLs and e-mails shown as text are untouched and isolated", () => {
    assert.equal(
      html("ثبت‌نام در https://example.ir/r/2024 یا press@example.ir"),
      '<p>ثبت‌نام در <a href="https://example.ir/r/2024"><bdi>https://example.ir/r/2024</bdi></a> یا <a href="mailto:press@example.ir"><bdi>press@example.ir</bdi></a></p>\n',
    );
  });

  test("Latin runs with digits or symbols are isolated with <bdi>; a plain Latin word is not", () => {
    assert.equal(
      html("گوشی iPhone 15 و C++ و 20 MB و Pagefind"),
      "<p>گوشی <bdi>iPhone 15</bdi> و <bdi>C++</bdi> و <bdi>20 MB</bdi> و Pagefind</p>\n",
    );
  });

  test("an all-Latin paragraph is left as it is", () => {
    assert.equal(html("Version 2 of iPhone 15 in 2024"), "<p>Version 2 of iPhone 15 in 2024</p>\n");
  });

  test("persianDigits: false (site setting) keeps Latin digits", () => {
    assert.equal(html("سال 1403", false), "<p>سال 1403</p>\n");
  });
});

describe("office glossary (content/_data/glossary.json)", () => {
  function contentWith(glossary: string): string {
    const dir = tempDir("chapar-glossary-");
    mkdirSync(path.join(dir, "_data"));
    writeFileSync(path.join(dir, "_data/glossary.json"), glossary);
    return dir;
  }

  test("entries extend the built-in glossary; an entry equal to itself switches a built-in one off", () => {
    const { glossary, problems } = loadGlossary(contentWith(`{ "وبسایت": "وب${ZWNJ}سایت", "هماندیشی": "هماندیشی" }`));
    assert.deepEqual(problems, []);
    const fixed = lintText("وبسایت و هماندیشی و نرمافزار", glossary).map((f) => f.replacement);
    assert.deepEqual(fixed, [`وب${ZWNJ}سایت`, `نرم${ZWNJ}افزار`]);
  });

  test("a missing glossary file is fine", () => {
    assert.deepEqual(loadGlossary(tempDir()).problems, []);
  });

  test("bad entries are errors with their line, in Persian", () => {
    const { problems } = loadGlossary(contentWith('{\n  "وبسایت": 12,\n  "": "x",\n  "email": "رایانامه",\n  "ایمیل ": "رایانامه"\n}\n'));
    assert.deepEqual(
      problems.map((p) => [p.file, p.line, p.severity]),
      [
        ["_data/glossary.json", 2, "error"],
        ["_data/glossary.json", 3, "error"],
        ["_data/glossary.json", 4, "error"],
        ["_data/glossary.json", 5, "error"],
      ],
    );
    assert.match(problems[0]!.message, /شکل درست باید متن باشد/);
    assert.match(problems[2]!.message, /فارسی نیست/);
    assert.match(problems[3]!.message, /فاصله‌ی اضافه/);
  });

  test("invalid JSON and a list instead of an object are errors", () => {
    assert.deepEqual(loadGlossary(contentWith('{ "a": ')).problems[0], {
      file: "_data/glossary.json",
      line: 1,
      column: 8,
      message: "JSON خوانده نشد: پرونده ناتمام مانده است؛ «}» یا «]» پایانی (یا گیومه‌ای) جا افتاده است",
      severity: "error",
    });
    assert.match(loadGlossary(contentWith('["هماندیشی"]')).problems[0]!.message, /نادرست: درست/);
  });
});
