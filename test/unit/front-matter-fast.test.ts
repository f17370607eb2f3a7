/**
 * The front matter fast path (`simpleFrontMatter` in lib/content/front-matter.ts) reads exactly what
 * js-yaml's core schema reads, or declines: on every release of the sample site and the fixtures, on a
 * generated corpus, on YAML's tricky corners, and on random input made of them.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import * as yaml from "js-yaml";
import { parseFrontMatter, simpleFrontMatter } from "../../lib/content/front-matter.ts";
import { generateCorpus, corpusDefaults } from "../../scripts/gen-corpus.ts";
import { ROOT, tempDir } from "../helpers/build.ts";

const viaYaml = (text: string): unknown => yaml.load(text, { schema: yaml.CORE_SCHEMA });

/** Whether the fast path answered; throws if its answer isn't js-yaml's. */
function agrees(text: string): boolean {
  const fast = simpleFrontMatter(text);
  if (fast === undefined) return false;
  let reference: unknown;
  try {
    reference = viaYaml(text);
  } catch (error) {
    assert.fail(`js-yaml refuses what the fast path read: ${JSON.stringify(text)} (${String(error)})`);
  }
  assert.deepStrictEqual(fast, reference, JSON.stringify(text));
  assert.deepEqual(Object.keys(fast), Object.keys(reference as object), `key order: ${JSON.stringify(text)}`);
  return true;
}

function frontMattersUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    const source = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
    const m = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*$/m.exec(source);
    if (m) out.push(m[1]!);
  }
  return out;
}

test("the sample site's and the fixtures' releases: the same data, and most take the fast path", () => {
  const content = frontMattersUnder(path.join(ROOT, "content"));
  const fixtures = frontMattersUnder(path.join(ROOT, "test/fixtures"));
  const fastContent = content.filter(agrees).length;
  fixtures.forEach(agrees);
  assert.ok(content.length >= 10 && fastContent >= content.length * 0.7, `${fastContent} of ${content.length}`);
});

test("a generated corpus (the benchmark's): the same data, nearly all on the fast path", () => {
  const out = tempDir();
  generateCorpus({ ...corpusDefaults, count: 400, out });
  const texts = frontMattersUnder(out);
  const fast = texts.filter(agrees).length;
  assert.ok(fast >= texts.length * 0.95, `${fast} of ${texts.length}`);
});

test("YAML's corners: read the same or left to js-yaml", () => {
  const mustDecline = [
    "a: true",
    "a: False",
    "a: NULL",
    "a: ~",
    "a: 1",
    "a: -1",
    "a: 0x1F",
    "a: 1.5",
    "a: .inf",
    "a: 1e3",
    "a: 1402-01-01",
    "a: x # note",
    'a: "x" # note',
    "a: 'it''s'",
    'a: "say \\"hi\\""',
    'a: "tab\\tin"',
    "a: [a,]",
    "a: [a,,b]",
    "a: [true, b]",
    "a: [a, [b]]",
    "a: {b: c}",
    "a: b\na: c",
    "__proto__: x",
    "a: x\n  y",
    "a:\n  - b",
    "a: &x y",
    "a: *x",
    "a: !!str 1",
    "a: |\n  x",
    "a: >\n  x",
    "a: @x",
    "a: `x`",
    "a: x\u2028b",
    "a: x\tb",
    "a: x\r",
    "a:",
    "a: ",
    "a:x",
    " a: x",
    "- a",
    "a: x: y",
    "a: [x: y]",
    "a: \ufeffx",
    "a: \u0085x",
    "a: - x",
    "a: ? x",
    "a: %x",
    "a: [b c, null]",
  ];
  for (const text of mustDecline) assert.equal(agrees(text), false, JSON.stringify(text));
  const mustRead = [
    'title: "نشست «هم‌اندیشی» در ۱۴۰۳: آغاز"',
    "category: heritage",
    "location: شهر ری",
    "a: x  y",
    "tags: [کتاب, شب یلدا, \"a, b\", 'c']",
    "tags: []",
    "tags: [ a , b ]",
    'date: "1402/10/01 10:00"',
    "slug: a-b_c.d/e",
    "a: 'x # y'",
    'a: "x: y"',
    "\na: b\n\nc: d\n",
    "a: True1",
    "a: nullish",
    "a: x\u200cy",
    "A_1: b",
  ];
  for (const text of mustRead) assert.equal(agrees(text), true, JSON.stringify(text));
});

test("random front matter from YAML's special characters: never a different reading", () => {
  let seed = 1404;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const keys = ["a", "title", "tags", "_x", "A1", "a", "title", "true", "null", "__proto__", "a b", "-a"];
  const separators = [": ", ": ", ": ", ":  ", ":", " : ", ": \t"];
  const pieces = [
    '"',
    "'",
    "[",
    "]",
    ",",
    " ",
    "  ",
    "#",
    ":",
    ": ",
    "\\",
    "-",
    "x",
    "true",
    "null",
    "۱۴۰۳",
    "1",
    "کتاب",
    "\u200c",
    "~",
    "&",
    "*",
    "!",
    "|",
    ">",
    "{",
    "}",
    ".",
    "/",
    "e",
    "y",
    "\u00a0",
    "\t",
    "\u2028",
    "\u0085",
    "\ufeff",
    "\u0001",
    "\r",
  ];
  const words = ["کتاب", "شب یلدا", "x", "True", "null", "nul", "a-b", "۱۴۰۳", "e1"];
  const some = (n: number) => {
    let text = "";
    for (let p = random(n + 1); p > 0; p--) text += pieces[random(pieces.length)];
    return text;
  };
  // Mostly near the shapes the fast path reads, with YAML's special characters mixed in.
  const scalar = (): string => {
    const word = words[random(words.length)]!;
    switch (random(5)) {
      case 0:
        return `"${word}${some(2)}"`;
      case 1:
        return `'${some(2)}${word}'`;
      case 2:
        return `${word}${random(2) ? some(2) : ""}`;
      case 3:
        return `${some(3)}${word}`;
      default:
        return some(5);
    }
  };
  const value = (): string => {
    if (random(3) > 0) return scalar();
    const items: string[] = [];
    for (let n = random(4); n > 0; n--) items.push(scalar());
    return `[${items.join(random(2) ? ", " : ",")}]`;
  };
  let read = 0;
  for (let i = 0; i < 50_000; i++) {
    const lines: string[] = [];
    for (let l = 1 + random(3); l > 0; l--) lines.push(`${keys[random(keys.length)]}${separators[random(separators.length)]}${value()}`);
    if (agrees(lines.join("\n"))) read++;
  }
  assert.ok(read > 2_000, `the fast path read ${read} of the random inputs`);
});

test("parseFrontMatter returns the same whichever path reads the front matter", () => {
  const source = '---\ntitle: "خبر"\ntags: [a, b]\n---\nمتن\n';
  const parsed = parseFrontMatter(source);
  assert.ok(parsed.ok);
  assert.deepStrictEqual(parsed.value.data, viaYaml('title: "خبر"\ntags: [a, b]\n'));
  assert.equal(parsed.value.body, "متن\n");
});
