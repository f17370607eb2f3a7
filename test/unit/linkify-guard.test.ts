/**
 * lib/text/linkify-guard.ts puts a pretest in front of linkify-it's `test` and `match`: results must be
 * exactly linkify-it's. This compares a guarded instance with a fresh unguarded one (`test` equal,
 * `match` deep-equal) over every line, inline block and text token of the releases in content/, a few
 * thousand generated strings built from link-like fragments, and after the instance is reconfigured
 * (`.set()`, `.add()`, `.tlds()`).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import MarkdownIt from "markdown-it";
import { guardLinkify } from "../../lib/text/linkify-guard.ts";

type Linkify = InstanceType<typeof MarkdownIt>["linkify"];

const root = path.resolve(import.meta.dirname, "../..");
const Z = "\u200c";

function fresh(): Linkify {
  return new MarkdownIt({ html: false, linkify: true, typographer: false }).linkify;
}
function guarded(): Linkify {
  const linkify = fresh();
  guardLinkify(linkify);
  return linkify;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? markdownFiles(p) : p.endsWith(".md") ? [p] : [];
  });
}

/** Every line, inline block and text token of the releases in content/ (what markdown-it and the lint pass to linkify). */
function contentTexts(): string[] {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const texts: string[] = [];
  for (const file of markdownFiles(path.join(root, "content"))) {
    const source = readFileSync(file, "utf8");
    texts.push(source, ...source.split("\n"));
    for (const token of md.parse(source, {})) {
      if (token.type !== "inline") continue;
      texts.push(token.content);
      for (const child of token.children ?? []) if (child.content) texts.push(child.content);
    }
  }
  return texts;
}

/** Deterministic PRNG (mulberry32): the same strings on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  // Persian and Arabic words, digits in three scripts, ZWNJ.
  "خبر",
  "روابط",
  `روابط${Z}عمومی`,
  "دانشگاه",
  "تهران",
  "ایران",
  "مثال",
  "سلام",
  "كتاب",
  "يك",
  "۱۴۰۴",
  "١٢٣",
  "2024",
  "۰۲۱-۸۸۸۸",
  Z,
  " ",
  "\n",
  "،",
  "؛",
  "؟",
  "«",
  "»",
  "(",
  ")",
  "[",
  "]",
  "<",
  ">",
  "｜",
  "_",
  "-",
  "'",
  '"',
  "!",
  "*",
  // The characters linkify-it looks for, alone and in pairs.
  ".",
  ":",
  "/",
  "//",
  "///",
  "@",
  "@@",
  "://",
  ":/",
  "#",
  "?",
  "=",
  "&",
  "%",
  // Schema names in various cases (the schema search is case-insensitive), and near misses.
  "http:",
  "https:",
  "ftp:",
  "mailto:",
  "HTTP:",
  "Https:",
  "hTtPs:",
  "FTP:",
  "MailTo:",
  "MAILTO:",
  "http",
  "https",
  "mailto",
  "htp:",
  "ftps:",
  "sftp:",
  "file:",
  "skype:",
  "http://",
  "https://",
  "HTTP://",
  "ftp://",
  "//",
  "http:/",
  "mailto:ali@",
  "ſ",
  "K",
  "ｈｔｔｐ:",
  "ｍａｉｌｔｏ:",
  // Hosts, TLD-like fragments, IPs, localhost, IPv6.
  "example",
  "example.com",
  "www.example.ir",
  ".com",
  ".ir",
  ".org",
  ".рф",
  ".РФ",
  "пример",
  "xn--",
  "xn--p1ai",
  "xn--mgba3a4f16a",
  "localhost",
  "LOCALHOST",
  "127.0.0.1",
  "192.168.1.300",
  "10.0.0",
  ":8080",
  ":65536",
  "[::1]",
  "[IPv6:::1]",
  "[::]",
  "2001:db8::1",
  ".ایران",
  "سلام.ایران",
  ".",
  "..",
  "...",
  ".-",
  "-.",
  // E-mail addresses and their pieces.
  "ali@example.com",
  "a.b@c.ir",
  "info@press.example.ir",
  "ali@",
  "@example.com",
  "user+tag@x.co",
  "ali@سلام.ایران",
  "x@[IPv6:::1]",
  "a@b",
  "@ali",
  // Cyrillic and fullwidth letters, text separators.
  "Привет",
  "ＡＢＣ",
  "．",
  "＠",
  "：",
  "／",
];

function generated(count: number, seed: number): string[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(random() * 10);
    let text = "";
    for (let j = 0; j < n; j++) text += pick(FRAGMENTS) + (random() < 0.4 ? pick(["", "", " ", Z, "\n", "، "]) : "");
    texts.push(text);
  }
  return texts;
}

/** Known links and near misses, each alone and inside Persian prose. */
const HANDWRITTEN = [
  "",
  "http://example.com",
  "HTTP://EXAMPLE.COM/path?q=1",
  "MailTo:ali@example.com",
  "mailto:ali@سلام.ایران",
  "ftp://files.example.org/a.zip",
  "//localhost",
  "//localhost:8080/x",
  "//[::1]",
  "//سلام.دنیا",
  "https://[2001:db8::1]:443/",
  "ali@example.com",
  "ali@سلام.ایران",
  "a@[IPv6:::1]",
  "example.com",
  "www.example.ir",
  "пример.рф",
  "192.168.0.1",
  "x://y",
  "http:",
  "http://",
  "foo_http://example.com",
  "a//b.com",
  "http://a//b.com",
];

function assertSame(guardedLinkify: Linkify, plain: Linkify, texts: Iterable<string>): number {
  let links = 0;
  for (const text of texts) {
    assert.equal(guardedLinkify.test(text), plain.test(text), `test(${JSON.stringify(text)})`);
    const expected = plain.match(text);
    assert.deepEqual(guardedLinkify.match(text), expected, `match(${JSON.stringify(text)})`);
    links += expected?.length ?? 0;
  }
  return links;
}

describe("guardLinkify", () => {
  test("same results as linkify-it over the releases in content/", () => {
    const texts = contentTexts();
    assert.ok(texts.length > 500);
    assertSame(guarded(), fresh(), texts);
  });

  test("same results over hand-written links and near misses, alone and in prose", () => {
    const texts = HANDWRITTEN.flatMap((s) => [s, `خبر ${s} منتشر شد`, `«${s}»`, `(${s})`, `${Z}${s}${Z}`, `خبر${s}`]);
    const links = assertSame(guarded(), fresh(), texts);
    assert.ok(links > 40, `the hand-written texts hold links (${links})`);
  });

  test("same results over generated strings", () => {
    const texts = generated(6000, 1404);
    const links = assertSame(guarded(), fresh(), texts);
    // The generated strings must exercise both sides of the pretest.
    assert.ok(links > 300, `links found: ${links}`);
    assert.ok(texts.filter((t) => !fresh().test(t)).length > 1000);
  });

  test("still exact after the instance is reconfigured", () => {
    const texts = [...HANDWRITTEN, ...generated(1500, 7)];
    const changes: ((l: Linkify) => unknown)[] = [
      (l) => l.set({ fuzzyLink: true }),
      (l) => l.set({ fuzzyLink: true, fuzzyIP: true }),
      (l) => l.set({ fuzzyEmail: false }),
      (l) => l.add("skype:", { validate: (text: string, pos: number) => /^[a-z0-9.]+/i.exec(text.slice(pos))?.[0].length ?? 0 }),
      (l) => l.add("@", { validate: (text: string, pos: number) => /^[a-z]+/.exec(text.slice(pos))?.[0].length ?? 0 }),
      (l) => l.add("mailto:", null).add("//", null),
      (l) => l.tlds("onion", true).set({ fuzzyLink: true }),
    ];
    for (const change of changes) {
      const g = guarded();
      // The guard has already run once with the defaults before the change.
      g.test("http://example.com");
      change(g);
      const plain = fresh();
      change(plain);
      assertSame(g, plain, texts);
    }
  });
});
