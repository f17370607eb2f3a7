/**
 * Front-matter YAML errors: Persian, at the line and column of the cause (not where js-yaml gave up),
 * with the corrected line for the everyday causes; no English from js-yaml. Lines are the file's
 * (the YAML starts on line 2).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFrontMatter } from "../../lib/content/front-matter.ts";
import { yamlAliasBomb } from "../helpers/hostile.ts";

const P = "سرآغاز (YAML) خوانده نشد: ";

function problem(front: string) {
  const result = parseFrontMatter(`---\n${front}---\nمتن.\n`);
  assert.equal(result.ok, false, "should not parse");
  if (result.ok) throw new Error("unreachable");
  const { ok: _, ...rest } = result;
  return rest;
}

test("an unquoted colon in a headline: the colon's column and the line in quotes", () => {
  assert.deepEqual(problem('title: نشست خبری: روز اول\ndate: "1403-01-10"\ncategory: culture\n'), {
    line: 2,
    column: 17,
    message: `${P}مقدار «title» دونقطه («:») دارد و YAML آن را آغاز فیلدی تازه می‌خواند؛ مقدار را میان گیومه بگذارید`,
    suggestion: 'title: "نشست خبری: روز اول"',
  });
  // Also with Windows line ends, and inside a list item.
  assert.equal(problem("title: نشست خبری: روز اول\r\ndate: x\r\n").line, 2);
  assert.deepEqual(problem('title: "خبر"\nupdates:\n  - date: "1403-01-11"\n    note: تمدید: تا فردا\n'), {
    line: 5,
    column: 16,
    message: `${P}مقدار «note» دونقطه («:») دارد و YAML آن را آغاز فیلدی تازه می‌خواند؛ مقدار را میان گیومه بگذارید`,
    suggestion: 'note: "تمدید: تا فردا"',
  });
});

test("an unclosed quote: the line that opened it, not the next one", () => {
  assert.deepEqual(problem('title: "خبر\ndate: "1403-01-10"\ncategory: culture\n'), {
    line: 2,
    column: 8,
    message: `${P}گیومه‌ی «"» در آغاز مقدار «title» در همین خط بسته نشده است؛ در پایان مقدار آن را ببندید`,
    suggestion: 'title: "خبر"',
  });
  assert.deepEqual(problem("title: 'خبر\ndate: x\n"), {
    line: 2,
    column: 8,
    message: `${P}گیومه‌ی «'» در آغاز مقدار «title» در همین خط بسته نشده است؛ در پایان مقدار آن را ببندید`,
    suggestion: "title: 'خبر'",
  });
  // A quoted value followed by more text.
  assert.deepEqual(problem('title: "خبر" دوم\n'), {
    line: 2,
    column: 13,
    message: `${P}پس از گیومه‌ی بسته‌ی مقدار «title» متن ادامه دارد؛ همه‌ی مقدار را میان گیومه‌ی دیگری بگذارید`,
    suggestion: "title: '\"خبر\" دوم'",
  });
});

test("a tab in the indentation", () => {
  assert.deepEqual(problem('title: "خبر"\ntags:\n\t- الف\n'), {
    line: 4,
    column: 1,
    message: `${P}تورفتگی این خط نویسه‌ی Tab دارد و YAML فقط فاصله (Space) می‌پذیرد؛ به جای هر Tab دو فاصله بگذارید`,
  });
});

test("a missing colon after a field name", () => {
  assert.deepEqual(problem('title: "خبر"\ndate "1403-01-10"\ncategory: culture\n'), {
    line: 3,
    column: 5,
    message: `${P}پس از نام فیلد «date» دونقطه («:») نیامده است`,
    suggestion: 'date: "1403-01-10"',
  });
});

test("values that start with a YAML sign, an unclosed list, a repeated field", () => {
  assert.deepEqual(problem("title: *فوری* نشست\n"), {
    line: 2,
    column: 8,
    message: `${P}مقداری که با «*» شروع شود برای YAML معنای دیگری دارد؛ مقدار را میان گیومه بگذارید`,
    suggestion: 'title: "*فوری* نشست"',
  });
  assert.deepEqual(problem("tags: [الف, ب\ncategory: culture\n"), {
    line: 2,
    column: 7,
    message: `${P}کروشه‌ی «[» در آغاز مقدار «tags» در همین خط بسته نشده است؛ در پایان آن «]» بگذارید`,
    suggestion: "tags: [الف, ب]",
  });
  assert.deepEqual(problem('title: "خبر"\ntitle: "دو"\n'), {
    line: 3,
    column: 1,
    message: `${P}فیلد «title» دو بار آمده است؛ هر فیلد یک بار می‌آید: یکی را پاک کنید`,
  });
});

test("aliases are refused (an alias bomb is one error, at once)", () => {
  assert.deepEqual(problem("title: &x نشست\nsummary: *x\n"), {
    line: 3,
    column: 11,
    message: `${P}ارجاع YAML («*نام») و لنگر («&نام») در سرآغاز پذیرفته نیست؛ مقدار را کامل بنویسید، و اگر «*» یا «&» بخشی از متن است، مقدار را میان گیومه بگذارید`,
  });
  const started = performance.now();
  const bomb = problem(`title: "خبر"\ndate: "1403-01-10"\ncategory: culture\ntags:\n${yamlAliasBomb()}\n`);
  assert.ok(performance.now() - started < 5000, "refused at once");
  assert.deepEqual([bomb.line, bomb.column], [7, 11]);
});

test("no English reaches the author, whatever the mistake", () => {
  const broken = [
    'title: "خبر"\n  date: "1403-01-10"\n',
    'updates:\n  - date: "1403"\n   note: x\n',
    'title: "خبر"\nsummary: این\nیک\n',
    'title: "a\\qb"\n',
    "title: !!int abc\n",
    `a: ${"[".repeat(150)}${"]".repeat(150)}\n`,
    "title: [a, b]]\n",
    "- a\n- b\nc: d\n",
    "title: \u0001\n",
  ];
  for (const front of broken) {
    const { message } = problem(front);
    assert.ok(message.startsWith(P), message);
    assert.doesNotMatch(message, /[A-Za-z]{4,} [a-z]{2,}/, `${JSON.stringify(front)} → ${message}`);
  }
});

test("a `#` touching a word cuts the value short (`title: نشست #۲` would publish «نشست»): refused at the `#`", () => {
  assert.deepEqual(problem('title: نشست #۲\ndate: "1403-01-10"\ncategory: culture\n'), {
    line: 2,
    column: 13,
    message: `${P}در YAML نویسه‌ی «#» پس از فاصله آغاز یادداشت است و «#۲» از مقدار «title» کنار گذاشته می‌شد؛ مقدار را میان گیومه بگذارید`,
    suggestion: 'title: "نشست #۲"',
  });
  // A deliberate note (`# …`), a `#` inside a word and a quoted value are not cut short.
  for (const front of ["title: خبر # یادداشت\n", "title: a#b\n", 'title: "نشست #۲"\n', "draft: true #x\n"]) {
    assert.equal(parseFrontMatter(`---\n${front}---\n`).ok, true, front);
  }
});
