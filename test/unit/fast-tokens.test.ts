/**
 * lib/content/fast-tokens.ts: installed on the markdown-it Chapar uses, and every token it makes is
 * the one markdown-it makes itself (prototype, keys, order, values), on the fixtures, the sample
 * site and a generated corpus, rendered HTML included.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import MarkdownIt, { type Token } from "markdown-it";
import { installFastTokens } from "../../lib/content/fast-tokens.ts";
import { renderMarkdown } from "../../lib/content/markdown.ts";
import { generateCorpus, corpusDefaults } from "../../scripts/gen-corpus.ts";
import { ROOT, tempDir } from "../helpers/build.ts";

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), "utf8"));
}

/** Every token, children included, with its prototype checked. */
function snapshot(tokens: Token[], proto: object): string {
  const walk = (list: Token[]): unknown[] =>
    list.map((t) => {
      assert.equal(Object.getPrototypeOf(t), proto);
      return [Object.entries(t).map(([k, v]) => [k, k === "children" && v ? walk(v as Token[]) : v])];
    });
  return JSON.stringify(walk(tokens));
}

const corpus = tempDir();
generateCorpus({ ...corpusDefaults, count: 300, out: corpus });
const sources = [
  ...markdownUnder(path.join(ROOT, "content")),
  ...markdownUnder(path.join(ROOT, "test/fixtures")),
  ...markdownUnder(corpus),
  // Inline and block corners: nesting, emphasis delimiters, links, images, lists, tables, code, breaks.
  "**a *b* c** _d_ `e` [f](/g \"h\") ![i](j.png) <k@example.ir> https://example.ir\n\n> - l\n>   1. m\n\n| n | o |\n|---|---|\n| p | q |\n\n    code\n\n```js\nx\n```\n\nline  \nbreak\\\nend ***x** y* [a [b] c](d)\n\n[x *y* z](w) *a [b *c* d](e) f* **[g _h_](i)** ~~j~~",
];

test("it is installed on the markdown-it Chapar renders with", () => {
  const probe = installFastTokens();
  assert.equal(probe.installed, true, "markdown-it's push methods or Token changed: re-check lib/content/fast-tokens.ts");
  assert.ok(renderMarkdown("**سلام**").html.includes("<strong>"));
});

test("the same tokens and HTML as markdown-it's own methods", () => {
  const md = new MarkdownIt({ html: false, linkify: true });
  const proto = (new md.core.State("", md, {}) as unknown as { Token: { prototype: object } }).Token.prototype;
  const fast = installFastTokens(md);
  assert.ok(fast.installed);
  const withFast = sources.map((s) => [snapshot(md.parse(s, {}), proto), md.render(s)]);
  fast.restore();
  try {
    const stock = sources.map((s) => [snapshot(md.parse(s, {}), proto), md.render(s)]);
    for (let i = 0; i < sources.length; i++) assert.deepEqual(withFast[i], stock[i], sources[i]!.slice(0, 80));
  } finally {
    installFastTokens(md);
  }
});

test("left alone when markdown-it's methods aren't the ones it was written against", () => {
  const md = new MarkdownIt();
  const block = md.block.State.prototype as unknown as { push: unknown };
  const original = block.push;
  const installed = installFastTokens(md);
  installed.restore();
  const changed = function push(this: unknown, ...args: unknown[]) {
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  block.push = changed;
  try {
    const attempt = installFastTokens(md);
    assert.equal(attempt.installed, false);
    assert.equal(block.push, changed, "nothing replaced");
  } finally {
    block.push = original;
    installFastTokens(md);
  }
});
