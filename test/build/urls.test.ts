/**
 * URLs keep a word readable where it had a ZWNJ (issue 14): file names made by `npm run new`, release
 * slugs, office pages' and tags' URLs write it as `-`, never joined (`چهره‌های` is not `چهرههای`); the
 * old URLs keep working through `_redirects`. Tags that differ only in punctuation get distinct URLs or
 * an error naming both, and a tag that can't become a URL is an error at its line (issue 15).
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { build, buildOk, copyFixture, fileFor, listOutput, readPage, runScript, text } from "../helpers/build.ts";

const Z = "\u200c";
const release = (title: string, date: string, extra: string) =>
  `---\ntitle: "${title}"\ndate: "${date}"\ncategory: culture\n${extra}\n---\nمتن خبر.\n`;

function write(content: string, files: Record<string, string>): void {
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), source);
  }
}

describe("a ZWNJ in a URL is a hyphen, and the old URL redirects", () => {
  let out: string;
  before(() => {
    const content = copyFixture("basic");
    write(content, {
      [`releases/1403/چهره${Z}های-برتر.md`]: release("چهره‌های برتر", "1403-01-15", `tags: ["گفت${Z}وگو", "C++"]`),
      // Its body links to the other release's old address, as a link shared before would.
      "releases/1403/csharp.md": release("سی‌شارپ", "1403-01-16", 'tags: ["C#"]').replace(
        "متن خبر.",
        "متن خبر، با [پیوند به نشانی پیشین](/1403/01/چهرههای-برتر/#متن).",
      ),
      // A slug written in front matter is kept as written: nothing moves.
      [`releases/1403/نام${Z}پرونده.md`]: release("نامک ثابت", "1403-01-17", "slug: ثابت"),
      [`pages/درباره${Z}ی-ما.md`]: `---\ntitle: "درباره‌ی ما"\n---\nمتن.\n`,
    });
    out = buildOk(content).out;
  });

  test("release, office page and tag URLs write the ZWNJ as '-'; + and # are spelled out", () => {
    for (const sitePath of [
      "/1403/01/چهره-های-برتر/",
      "/1403/01/ثابت/",
      "/درباره-ی-ما/",
      "/tag/گفت-وگو/",
      "/tag/c-plus-plus/",
      "/tag/c-sharp/",
    ])
      assert.ok(existsSync(fileFor(out, sitePath)), sitePath);
    for (const joined of ["/1403/01/چهرههای-برتر/", "/دربارهی-ما/", "/tag/گفتوگو/", "/tag/c/", "/tag/هماندیشی/"])
      assert.ok(!existsSync(fileFor(out, joined)), joined);
    const page = readPage(out, "/1403/01/چهره-های-برتر/");
    const tagLinks = [...page.querySelectorAll('a[href^="/tag/"]')]
      .map((a) => [text(a), a.getAttribute("href")])
      .filter(([, href]) => href !== "/tag/");
    assert.deepEqual(tagLinks, [
      ["گفت‌وگو", "/tag/گفت-وگو/"],
      ["C++", "/tag/c-plus-plus/"],
    ]);
  });

  test("a body link to a release's old address still builds, and points at the address it has now", () => {
    const link = readPage(out, "/1403/01/csharp/").querySelector("article a[href*='1403/01/']");
    assert.equal(link?.getAttribute("href"), `/1403/01/چهره-های-برتر/#${encodeURIComponent("متن")}`);
  });

  test("_redirects beside _headers sends every old URL to the page's URL now, sorted, percent-encoded", () => {
    // In code point order of the old path (ه before گ).
    const moves: [string, string][] = [
      ["/1403/01/چهرههای-برتر/", "/1403/01/چهره-های-برتر/"],
      // `/tag/c/` held both C++ and C#: it goes to the list of tags.
      ["/tag/c/", "/tag/"],
      ["/tag/هماندیشی/", "/tag/هم-اندیشی/"],
      ["/tag/هماندیشی/page/2/", "/tag/هم-اندیشی/page/2/"],
      ["/tag/گفتوگو/", "/tag/گفت-وگو/"],
      ["/دربارهی-ما/", "/درباره-ی-ما/"],
    ];
    assert.ok(existsSync(path.join(out, "_headers")));
    assert.equal(
      readFileSync(path.join(out, "_redirects"), "utf8"),
      [
        "# Made by Chapar (lib/features/redirects.ts) at every build; don't edit it here.",
        "# Old URLs of pages whose address changed (a ZWNJ in a slug became '-', tags such as C++ spelled out),",
        "# so that links already shared keep working. Format: from to status (Netlify, Cloudflare Pages).",
        ...moves.map(([from, to]) => `${encodeURI(from)} ${encodeURI(to)} 301`),
        "",
      ].join("\n"),
    );
    // Every target is a page of the site, and no source is one (a host may redirect before serving files).
    const pages = new Set(
      listOutput(out)
        .filter((f) => f.endsWith("index.html"))
        .map((f) => `/${f.slice(0, -"index.html".length)}`),
    );
    for (const [from, to] of moves) {
      assert.ok(pages.has(to), `target ${to}`);
      assert.ok(!pages.has(from), `source ${from}`);
    }
  });
});

test("npm run new makes the file name with '-' where the title has a ZWNJ", () => {
  const content = copyFixture("basic");
  const result = runScript("scripts/new.ts", [`گفت${Z}وگو با چهره${Z}های برتر`], { CHAPAR_CONTENT: content });
  assert.equal(result.code, 0, result.stderr);
  // CHAPAR_NOW (the test helpers' fixed moment) is in 1405.
  assert.deepEqual(readdirSync(path.join(content, "releases/1405")), ["گفت-وگو-با-چهره-های-برتر.md"]);
  assert.match(result.stdout, /releases\/1405\/گفت-وگو-با-چهره-های-برتر\.md/);
});

test("tags without a letter or digit, and tags that differ only in punctuation, are Persian errors at their line; output untouched", () => {
  const good = buildOk(copyFixture("basic")).out;
  const snapshot = () => new Map(listOutput(good).map((f) => [f, readFileSync(path.join(good, f), "utf8")]));
  const before = snapshot();
  const content = copyFixture("basic");
  write(content, {
    "releases/1403/a.md": release("الف", "1403-01-15", 'tags: ["Node.js", "---"]'),
    "releases/1403/b.md": release("ب", "1403-01-16", 'tags: [nodejs, "!!!", "C++", "C#"]'),
  });
  const result = build(content, { out: good });
  const output = result.stdout + result.stderr;
  assert.notEqual(result.code, 0);
  for (const line of [
    "releases/1403/a.md:5:1  فیلد «tags»: برچسب «---» حرف یا رقمی ندارد و نشانی‌ای برایش ساخته نمی‌شود؛ آن را بردارید یا واژه‌ای به جایش بنویسید",
    "releases/1403/b.md:5:1  فیلد «tags»: برچسب «nodejs» و برچسب «Node.js» (در «releases/1403/a.md») فقط در نشانه‌ها فرق دارند و یک صفحه و یک نشانی می‌گیرند؛ اگر یک برچسب‌اند یکسان بنویسید، وگرنه با واژه‌ای از هم جدایشان کنید",
    "releases/1403/b.md:5:1  فیلد «tags»: برچسب «!!!» حرف یا رقمی ندارد و نشانی‌ای برایش ساخته نمی‌شود؛ آن را بردارید یا واژه‌ای به جایش بنویسید",
  ])
    assert.ok(output.includes(line), `expected:\n${line}\nin:\n${output}`);
  // C++ and C# are two tags now, not a collision.
  assert.doesNotMatch(output, /«C#»|«C\+\+»/);
  assert.match(output, /3 خطا در محتوا/);
  assert.deepEqual(snapshot(), before, "the previous output must be untouched");
});
