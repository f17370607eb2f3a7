/** lib/content/office-pages.ts: which permalinks a page may take, defaults and order. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { loadOfficePages, MAX_PAGE_BYTES } from "../../lib/content/office-pages.ts";

const root = mkdtempSync(path.join(tmpdir(), "chapar-office-pages-"));
after(() => rmSync(root, { recursive: true, force: true }));

/** A content folder holding these pages (file name → front matter lines). */
function load(pages: Record<string, string>, takenUrls = new Map<string, string>()) {
  const content = mkdtempSync(path.join(root, "content-"));
  mkdirSync(path.join(content, "pages"));
  for (const [name, front] of Object.entries(pages)) writeFileSync(path.join(content, "pages", name), `---\n${front}\n---\nمتن ۱.\n`);
  return loadOfficePages(content, { persianDigits: true, takenUrls });
}

test("permalinks that would leave the site, hit one of Chapar's files or URLs are refused", () => {
  for (const permalink of [
    "/../etc/",
    "/feed.xml/",
    "/_headers/",
    "about",
    "/about",
    "//x/",
    "/a?b/",
    "/search/",
    "/category/x/",
    "/page/2/",
    "/media/",
    "/assets/",
    "/pagefind/",
    "/1403/",
    "/۱۴۰۳/x/",
    "/",
  ]) {
    const { pages, problems } = load({ "p.md": `title: "ص"\npermalink: "${permalink}"` });
    assert.equal(pages.length, 0, permalink);
    assert.equal(problems.length, 1, permalink);
    assert.equal(problems[0]!.field, "permalink", permalink);
    assert.equal(problems[0]!.line, 3, permalink);
  }
});

test("good permalinks, the default from the file name, the order, and a URL taken by a release", () => {
  const { pages, problems } = load(
    {
      "درباره ما.md": `title: "درباره‌ی ما"\nnav: true\norder: 2`,
      "b.md": `title: "ب"\npermalink: /press-kit/۲۰۲۶/\norder: 1`,
      "c.md": `title: "ج"\npermalink: /taken/`,
    },
    new Map([["/taken/", "releases/x.md"]]),
  );
  assert.deepEqual(
    pages.map((p) => [p.file, p.url, p.nav, p.order]),
    [
      ["pages/b.md", "/press-kit/۲۰۲۶/", false, 1],
      ["pages/درباره ما.md", "/درباره-ما/", true, 2],
    ],
  );
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /«releases\/x\.md»/);
});

test("a dangling symlink, a non-Markdown file and an oversized page are errors, not crashes", () => {
  const content = mkdtempSync(path.join(root, "content-"));
  const pages = path.join(content, "pages");
  mkdirSync(pages);
  symlinkSync(path.join(root, "nowhere.md"), path.join(pages, "gone.md"));
  writeFileSync(path.join(pages, "notes.txt"), "x");
  writeFileSync(path.join(pages, "big.md"), `---\ntitle: "ب"\n---\n${"ا".repeat(MAX_PAGE_BYTES)}\n`);
  const { problems } = loadOfficePages(content, { persianDigits: true, takenUrls: new Map() });
  assert.deepEqual(problems.map((p) => p.file).sort(), ["pages/big.md", "pages/gone.md", "pages/notes.txt"]);
});

test("no pages folder: no pages", () => {
  assert.deepEqual(loadOfficePages(mkdtempSync(path.join(root, "content-")), { persianDigits: true, takenUrls: new Map() }), {
    pages: [],
    problems: [],
  });
});
