/**
 * The pure parts of author-facing messages: JSON data-file syntax errors (line, column, Persian fix),
 * «منظورتان … بود؟» suggestions, values quoted in messages (bounded), paths printed for the terminal,
 * and the line of a nested front-matter field.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { displayPath, formatProblem, showValue } from "../../lib/content/errors.ts";
import { fieldLine } from "../../lib/content/front-matter.ts";
import { readJsonText } from "../../lib/content/json-file.ts";
import { closestName, missingFileClause, suggestionClause } from "../../lib/content/suggest.ts";
import { tempDir } from "../helpers/build.ts";

const J = "JSON خوانده نشد: ";

function jsonProblem(text: string) {
  const read = readJsonText(text);
  assert.equal(read.ok, false);
  if (read.ok) throw new Error("unreachable");
  return `${read.line}:${read.column} ${read.message}`;
}

test("JSON syntax errors: line, column and the fix in Persian, never Node's English", () => {
  const cases: [string, string][] = [
    ['{\n  "name": "سایت",\n  "url": "https://x.ir/",\n}\n', `3:25 ${J}پس از آخرین مورد ویرگول («,») نمی‌آید؛ آن را پاک کنید`],
    ['{\n  "a": [1, 2,]\n}', `2:13 ${J}پس از آخرین مورد فهرست ویرگول («,») نمی‌آید؛ آن را پاک کنید`],
    ["{\n  'name': 'x'\n}", `2:3 ${J}JSON فقط گیومه‌ی دوتایی («"») می‌پذیرد؛ گیومه‌ی تکی («'») را «"» کنید`],
    ['{\n  name: "x"\n}', `2:3 ${J}نام کلید باید میان گیومه‌ی دوتایی باشد: "name"`],
    // The comma belongs at the end of the line before.
    ['{\n  "name": "x"\n  "url": "y"\n}', `2:14 ${J}میان دو مورد ویرگول («,») لازم است؛ در پایان این مورد «,» بگذارید`],
    ['{\n  "name" "x"\n}', `2:10 ${J}پس از کلید «name» دونقطه («:») لازم است`],
    ['{\n  "name": “سایت”\n}', `2:11 ${J}گیومه‌ی «“» (از واژه‌پرداز) در JSON پذیرفته نیست؛ گیومه‌ی ساده‌ی «"» بگذارید`],
    ['{\n  "a": "x"، "b": "y"\n}', `2:11 ${J}ویرگول فارسی («،») جداکننده‌ی JSON نیست؛ ویرگول لاتین («,») بگذارید`],
    ['{\n  // note\n  "a": 1\n}', `2:3 ${J}JSON یادداشت («//» یا «/*») نمی‌پذیرد؛ آن را پاک کنید`],
    ['{\n  "a": "x,\n  "b": 1\n}', `2:8 ${J}گیومه‌ی «"» این متن در همین خط بسته نشده است؛ در پایان متن آن را ببندید`],
    ['{\n  "a": {"b": 1}\n', `3:1 ${J}پرونده ناتمام مانده است؛ «}» یا «]» پایانی (یا گیومه‌ای) جا افتاده است`],
    ["", `1:1 ${J}پرونده خالی است؛ دست‌کم {} لازم است`],
    ['{"a": yes}', `1:7 ${J}متن در JSON باید میان گیومه‌ی دوتایی باشد، مانند "متن"؛ فقط عددها و true، false و null بی‌گیومه‌اند`],
  ];
  for (const [text, expected] of cases) assert.equal(jsonProblem(text), expected, text);
});

test("JSON: a byte-order mark is allowed, and every key has a line", () => {
  const read = readJsonText('\ufeff{\n  "organization": {\n    "name": ""\n  }\n}');
  assert.ok(read.ok);
  if (!read.ok) return;
  assert.deepEqual(read.positionOf(["organization", "name"]), { line: 3, column: 5 });
  // A missing key: its nearest written parent.
  assert.deepEqual(read.positionOf(["organization", "logo"]), { line: 2, column: 3 });
});

test("«منظورتان … بود؟»: nearest key, a category's Persian name, or nothing", () => {
  const categories = [
    { text: "announcements", answer: "announcements" },
    { text: "اطلاعیه‌ها", answer: "announcements" },
    { text: "culture", answer: "culture" },
    { text: "فرهنگ و هنر", answer: "culture" },
  ];
  assert.equal(closestName("اطلاعیه‌ها", categories), "announcements");
  assert.equal(closestName("اطلاعیه ها", categories), "announcements");
  assert.equal(closestName("اطلاعيه‌ها", categories), "announcements"); // Arabic ي
  assert.equal(closestName("cultur", categories), "culture");
  assert.equal(closestName("Culture", categories), "culture");
  assert.equal(closestName("sports", categories), undefined);
  assert.equal(
    suggestionClause("tages", ["title", "tags"], "فیلدهای مجاز: title، tags"),
    "؛ منظورتان «tags» بود؟ فیلدهای مجاز: title، tags",
  );
  assert.equal(suggestionClause("zzz", ["title", "tags"], "فیلدهای مجاز: title، tags"), "؛ فیلدهای مجاز: title، tags");
});

test("a missing file: the nearest file of its folder, as the author would write it", () => {
  const content = tempDir();
  mkdirSync(path.join(content, "releases/images"), { recursive: true });
  for (const name of ["hall.jpg", "stage.jpg", "report.pdf"]) writeFileSync(path.join(content, "releases/images", name), "");
  assert.equal(missingFileClause(content, "releases/images/hal.jpg", "images/hal.jpg"), "؛ منظورتان «images/hall.jpg» بود؟");
  assert.equal(missingFileClause(content, "releases/images/Stage.JPG", "images/Stage.JPG"), "؛ منظورتان «images/stage.jpg» بود؟");
  assert.equal(missingFileClause(content, "releases/images/nothing-like-it.png", "images/nothing-like-it.png"), "");
  assert.equal(missingFileClause(content, "releases/photos/hall.jpg", "photos/hall.jpg"), "");
});

test("a value quoted in a message is short, however big (an alias bomb's value costs nothing)", () => {
  assert.equal(showValue("کوتاه"), "«کوتاه»");
  assert.equal(showValue("ا".repeat(200)), `«${"ا".repeat(77)}…»`);
  assert.equal(showValue({ a: [1, "b"] }), '«{"a":[1,"b"]}»');
  // 9^30 strings if it were written out; shared, as YAML aliases make them.
  let huge: unknown = ["lol"];
  for (let i = 0; i < 30; i++) huge = Array(9).fill(huge);
  const started = performance.now();
  assert.equal(showValue(huge), `«${"[".repeat(21)}${Array(3).fill("…,…,…,…,…,…,…,…,…").join("],[")}»`);
  assert.ok(performance.now() - started < 1000);
});

test("paths are printed relative to the working directory when the content is inside it, else absolute", () => {
  const problem = { file: "releases/a.md", line: 3, column: 7, message: "پیام", severity: "error" as const };
  assert.equal(
    formatProblem(problem, { contentDir: "/home/office/site/content", cwd: "/home/office/site" }),
    "content/releases/a.md:3:7  پیام",
  );
  assert.equal(formatProblem(problem, { contentDir: "/srv/content", cwd: "/home/office/site" }), "/srv/content/releases/a.md:3:7  پیام");
  assert.equal(displayPath(".", { contentDir: "/home/office/site/content", cwd: "/home/office/site" }), "content");
});

test("the line of a nested front-matter field, or of its nearest written parent", () => {
  const yaml =
    'title: "x"\nimage: a.jpg\nupdates:\n  - date: "1403"\n    note: a\n  - date: "1404"\n\n    note: b\nwithdrawn:\n  date: "1"\n  reason: r\nattachments: [{file: a}, {file: b}]\n';
  const line = (...at: PropertyKey[]) => fieldLine({ yaml }, at);
  assert.equal(line("image"), 3);
  assert.equal(line("updates", 1, "note"), 9);
  assert.equal(line("updates", 1, "date"), 7);
  assert.equal(line("updates", 0, "missing"), 5);
  assert.equal(line("withdrawn", "reason"), 12);
  assert.equal(line("attachments", 1, "file"), 13);
  assert.equal(line("missing"), undefined);
});
