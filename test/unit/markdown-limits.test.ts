/** lib/content/markdown-limits.ts and lib/render/html-depth.ts: the bounds on hostile Markdown, and the feeds' guard. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  depthProblem,
  emphasisProblem,
  MAX_EMPHASIS_DELIMITERS,
  MAX_EMPHASIS_DELIMITERS_PER_FILE,
  MAX_MARKDOWN_BYTES,
  MAX_MARKDOWN_DEPTH,
  sizeProblem,
} from "../../lib/content/markdown-limits.ts";
import { renderMarkdown } from "../../lib/content/markdown.ts";
import { absoluteHtml, MAX_FEED_HTML_DEPTH } from "../../lib/features/feeds.ts";
import { htmlDepth } from "../../lib/render/html-depth.ts";

const EMPHASIS_MESSAGE =
  "این بند بیش از 1000 نشانه‌ی تأکید (* یا _) دارد و Markdown آن در زمان معقول خوانده نمی‌شود؛ نشانه‌های زائد را بردارید، یا اگر خود نویسه را می‌خواهید پیش از آن \\ بگذارید (\\*)";
const DEPTH_MESSAGE = "این بخش بیش از 32 لایه در هم رفته است (نقل‌قول، فهرست یا تأکید درون هم)؛ لایه‌ها را کم کنید";

test("a paragraph with more emphasis delimiters than the limit is refused at the line that crossed it", () => {
  assert.equal(MAX_EMPHASIS_DELIMITERS, 1000);
  assert.deepEqual(emphasisProblem(`${"*".repeat(50000)}a${"*".repeat(50000)}`), { line: 1, message: EMPHASIS_MESSAGE });
  // Counted over the paragraph's lines: 600 + 600 crosses on the second line.
  assert.deepEqual(emphasisProblem(`مقدمه.\n\n${"*a".repeat(600)}\n${"_b".repeat(600)}\n`), { line: 4, message: EMPHASIS_MESSAGE });
});

test("a body with more delimiters than the file's limit is refused at the line that crossed it, paragraphs apart", () => {
  assert.equal(MAX_EMPHASIS_DELIMITERS_PER_FILE, 5000);
  const paragraphs = Array.from({ length: 10 }, () => "*a*".repeat(300)).join("\n\n");
  assert.deepEqual(emphasisProblem(paragraphs), {
    line: 17,
    message:
      "این متن بیش از 5000 نشانه‌ی تأکید (* یا _) دارد و Markdown آن در زمان معقول خوانده نمی‌شود؛ نشانه‌های زائد را بردارید، یا اگر خود نویسه را می‌خواهید پیش از آن \\ بگذارید (\\*)",
  });
});

test("ordinary emphasis, separate paragraphs, escaped delimiters and fenced code are not counted against the limit", () => {
  assert.equal(emphasisProblem("**خبر** و *تأکید* و snake_case"), undefined);
  assert.equal(emphasisProblem(Array.from({ length: 8 }, () => "*a*".repeat(300)).join("\n\n")), undefined);
  assert.equal(emphasisProblem("\\*".repeat(5000)), undefined);
  assert.equal(emphasisProblem(`\`\`\`\n${"*".repeat(5000)}\n\n${"_".repeat(5000)}\n\`\`\`\nمتن`), undefined);
  // A `\\` is an escaped backslash: the `*` after it is a real delimiter.
  assert.deepEqual(emphasisProblem("\\\\*".repeat(1001)), { line: 1, message: EMPHASIS_MESSAGE });
});

test("nesting deeper than the limit is refused at its line; real structures pass", () => {
  assert.equal(MAX_MARKDOWN_DEPTH, 32);
  const stars = (n: number) => `${"*".repeat(n)}a${"*".repeat(n)}`;
  assert.equal(depthProblem(renderMarkdown(`> - **خبر** و *[پیوند](/a/)*\n>   - زیر`).tokens), undefined);
  assert.equal(depthProblem(renderMarkdown(stars(40)).tokens), undefined);
  assert.deepEqual(depthProblem(renderMarkdown(`متن\n\n${stars(100)}`).tokens), { line: 3, message: DEPTH_MESSAGE });
  assert.deepEqual(depthProblem(renderMarkdown(`${">".repeat(1000)} نقل`).tokens), { line: 1, message: DEPTH_MESSAGE });
  const nestedList = Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}- مورد`).join("\n");
  // Each level is a list and an item: the 17th item is where it passes 32.
  assert.deepEqual(depthProblem(renderMarkdown(nestedList).tokens), { line: 16, message: DEPTH_MESSAGE });
});

test("a file bigger than the limit is refused, naming its size", () => {
  assert.equal(sizeProblem(MAX_MARKDOWN_BYTES, "خبر"), undefined);
  assert.deepEqual(sizeProblem(MAX_MARKDOWN_BYTES + 1, "خبر"), {
    message: "این پرونده 257 کیلوبایت است، بیش از سقف 256 کیلوبایت برای یک خبر؛ متن را کوتاه کنید یا در چند خبر بنویسید",
  });
});

test("the HTML depth is measured without recursion, void and self-closing elements not counted", () => {
  assert.equal(htmlDepth("متن"), 0);
  assert.equal(htmlDepth('<p>a<br><img src="x"><em>b</em></p><p><strong><a href="/x">c</a></strong></p>'), 3);
  assert.equal(htmlDepth(`${"<em>".repeat(200000)}a${"</em>".repeat(200000)}`), 200000);
});

test("the feeds' URL rewriting refuses HTML too deep for it, naming the release, instead of overflowing the stack", async () => {
  const deep = (n: number) => `<p>${"<em>".repeat(n)}<a href="/x/">a</a>${"</em>".repeat(n)}</p>`;
  await assert.rejects(absoluteHtml("releases/1403/stars.md", deep(25000), "https://example.ir/1403/01/stars/"), {
    message: `releases/1403/stars.md: متن این خبر 25002 لایه‌ی HTML در هم دارد، بیش از ${MAX_FEED_HTML_DEPTH}؛ در خوراک نوشته نمی‌شود`,
  });
  // At the bound it still works (the rewriter's own recursion overflowed near 10,000 levels).
  const ok = await absoluteHtml("releases/1403/x.md", deep(MAX_FEED_HTML_DEPTH - 2), "https://example.ir/1403/01/x/");
  assert.match(ok, /href="https:\/\/example\.ir\/x\/"/);
});
