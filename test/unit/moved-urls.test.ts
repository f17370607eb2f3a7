/** lib/site/moved-urls.ts and lib/features/redirects.ts: which old URLs redirect where, and the `_redirects` text. */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { redirectsFile } from "../../lib/features/redirects.ts";
import { createChaparData } from "../../lib/site/data.ts";
import { movedUrls } from "../../lib/site/moved-urls.ts";
import { legacySlugify } from "../../lib/text/legacy-slug.ts";
import { createUrls } from "../../lib/site/urls.ts";
import { FIXTURES } from "../helpers/build.ts";

const Z = "\u200c";
const root = mkdtempSync(path.join(tmpdir(), "chapar-moved-urls-"));
after(() => rmSync(root, { recursive: true, force: true }));

test("the old slug rule is frozen: ZWNJ joined, punctuation dropped", () => {
  assert.equal(legacySlugify(`چهره${Z}های برتر`), "چهرههای-برتر");
  assert.equal(legacySlugify("C++"), "c");
  assert.equal(legacySlugify("C#"), "c");
  assert.equal(legacySlugify("كتاب ۱۴۰۲"), "کتاب-1402");
  assert.equal(legacySlugify("---"), "untitled");
});

test("_redirects: percent-encoded paths with the base path, one `from to 301` line each", () => {
  const text = redirectsFile(createUrls("https://example.ir/press/"), [
    { from: "/tag/هماندیشی/", to: "/tag/هم-اندیشی/" },
    { from: "/tag/c/", to: "/tag/" },
  ]);
  assert.deepEqual(text.split("\n").slice(3), [
    "/press/tag/%D9%87%D9%85%D8%A7%D9%86%D8%AF%DB%8C%D8%B4%DB%8C/ /press/tag/%D9%87%D9%85-%D8%A7%D9%86%D8%AF%DB%8C%D8%B4%DB%8C/ 301",
    "/press/tag/c/ /press/tag/ 301",
    "",
  ]);
  // Nothing moved: only the comment lines.
  assert.equal(
    redirectsFile(createUrls("https://example.ir/"), [])
      .split("\n")
      .filter((l) => !l.startsWith("#"))
      .join(""),
    "",
  );
});

test("moves are the same whatever order the releases come in, and never from a URL a page has now", () => {
  const content = path.join(root, "content");
  cpSync(path.join(FIXTURES, "basic"), content, { recursive: true });
  const front = (title: string, day: string, tags: string) =>
    `---\ntitle: "${title}"\ndate: "1403-01-${day}"\ncategory: culture\ntags: ${tags}\n---\nمتن.\n`;
  writeFileSync(path.join(content, "releases/1403", `گفت${Z}وگو.md`), front("گفت‌وگو", "15", '["C++"]'));
  // A release whose new URL is another's old one: that old URL is a page now, so it doesn't redirect.
  writeFileSync(path.join(content, "releases/1403", "گفتوگو.md"), front("گفتوگو", "16", '["C#", "c"]'));
  const data = createChaparData({ contentDir: content, preview: false, now: Date.parse("2026-11-27T12:00:00+03:30") });
  const moves = movedUrls(data);
  assert.deepEqual(
    moves.filter((m) => !m.from.includes("هماندیشی")),
    [],
    "/1403/01/گفتوگو/ and /tag/c/ are pages now: no redirect from them",
  );
  const reversed = movedUrls({ ...data, model: { ...data.model, releases: [...data.model.releases].reverse() } });
  assert.deepEqual(reversed, moves);
});
