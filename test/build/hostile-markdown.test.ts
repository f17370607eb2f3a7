/**
 * Hostile Markdown can't stall or crash the build (issue 15): a 100 KB line of `*`, nesting thousands
 * deep and an oversized file are each a Persian error at file:line, in well under a second of
 * Markdown work, with nothing written; real emphasis and nesting still build.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { build, buildOk, copyFixture, snapshotOutput } from "../helpers/build.ts";

let goodOut: string;
let goodFiles: Map<string, string>;

before(() => {
  goodOut = buildOk(copyFixture("basic")).out;
  goodFiles = snapshotOutput(goodOut);
});

const front = (title: string) => `---\ntitle: "${title}"\ndate: "1403-01-10"\ncategory: culture\n---\n`;
const stars = (n: number) => `${"*".repeat(n)}a${"*".repeat(n)}`;

test("pathological Markdown in releases and office pages: one round of Persian errors at file:line, output untouched", () => {
  const content = copyFixture("basic");
  const files: Record<string, string> = {
    // The input: ~15 s in markdown-it, then a stack overflow in the feeds, naming no release.
    "releases/1403/stars.md": `${front("ستاره")}${stars(50000)}\n`,
    // A front-matter mistake in the same file is reported in the same round.
    "releases/1403/stars-and-category.md": `${front("ستاره").replace("category: culture", "category: sport")}${stars(50000)}\n`,
    // Under the delimiter limit, but 400 levels of emphasis.
    "releases/1403/deep-emphasis.md": `${front("تأکید")}بند نخست.\n\n${stars(400)}\n`,
    // markdown-it stops quotes at its nesting limit silently; the limit reports it instead.
    "releases/1403/quotes.md": `${front("نقل")}${">".repeat(5000)} نقل\n`,
    "releases/1403/big.md": `${front("بزرگ")}${"متن خبر. ".repeat(20000)}\n`,
    "pages/stars.md": `---\ntitle: "صفحه"\n---\nمقدمه.\n\n${stars(50000)}\n`,
    "pages/quotes.md": `---\ntitle: "نقل"\n---\n${">".repeat(5000)} نقل\n`,
  };
  mkdirSync(path.join(content, "pages"), { recursive: true });
  for (const [file, source] of Object.entries(files)) writeFileSync(path.join(content, file), source);
  const started = performance.now();
  const result = build(content, { out: goodOut });
  const seconds = (performance.now() - started) / 1000;
  const output = result.stdout + result.stderr;
  assert.notEqual(result.code, 0);
  for (const line of [
    "releases/1403/stars.md:6:1  این بند بیش از 1000 نشانه‌ی تأکید (* یا _) دارد و Markdown آن در زمان معقول خوانده نمی‌شود؛ نشانه‌های زائد را بردارید، یا اگر خود نویسه را می‌خواهید پیش از آن \\ بگذارید (\\*)",
    "releases/1403/stars-and-category.md:6:1  این بند بیش از 1000 نشانه‌ی تأکید (* یا _) دارد و Markdown آن در زمان معقول خوانده نمی‌شود؛ نشانه‌های زائد را بردارید، یا اگر خود نویسه را می‌خواهید پیش از آن \\ بگذارید (\\*)",
    "pages/stars.md:6:1  این بند بیش از 1000 نشانه‌ی تأکید (* یا _) دارد و Markdown آن در زمان معقول خوانده نمی‌شود؛ نشانه‌های زائد را بردارید، یا اگر خود نویسه را می‌خواهید پیش از آن \\ بگذارید (\\*)",
    "pages/quotes.md:4:1  این بخش بیش از 32 لایه در هم رفته است (نقل‌قول، فهرست یا تأکید درون هم)؛ لایه‌ها را کم کنید",
    "releases/1403/deep-emphasis.md:8:1  این بخش بیش از 32 لایه در هم رفته است (نقل‌قول، فهرست یا تأکید درون هم)؛ لایه‌ها را کم کنید",
    "releases/1403/quotes.md:6:1  این بخش بیش از 32 لایه در هم رفته است (نقل‌قول، فهرست یا تأکید درون هم)؛ لایه‌ها را کم کنید",
    "releases/1403/big.md  این پرونده 294 کیلوبایت است، بیش از سقف 256 کیلوبایت برای یک خبر؛ متن را کوتاه کنید یا در چند خبر بنویسید",
  ])
    assert.ok(output.includes(line), `expected:\n${line}\nin:\n${output}`);
  assert.match(output, /releases\/1403\/stars-and-category\.md:4:1 {2}فیلد «category»: این دسته تعریف نشده است/);
  assert.doesNotMatch(output, /RangeError|Maximum call stack/);
  assert.deepEqual(snapshotOutput(goodOut), goodFiles, "the previous output must be untouched");
  // Today's code spent ~15 s in markdown-it on the first file alone; the whole build now takes a few seconds.
  assert.ok(seconds < 10, `the build took ${seconds.toFixed(1)} s`);
});

test("real emphasis and nesting at the limits still build, and reach the feed", () => {
  const content = copyFixture("basic");
  const nested = Array.from({ length: 8 }, (_, i) => `${"  ".repeat(i)}- مورد ${i + 1}`).join("\n");
  const body = `> **نقل** با *تأکید* و [پیوند](/1403/01/nowruz/)\n\n${nested}\n\n${"*الف* ".repeat(500)}\n`;
  writeFileSync(path.join(content, "releases/1403/rich.md"), `${front("غنی")}${body}`);
  const { out } = buildOk(content);
  const feed = readFileSync(path.join(out, "feed.xml"), "utf8");
  assert.match(feed, /مورد 8|مورد ۸/);
});
