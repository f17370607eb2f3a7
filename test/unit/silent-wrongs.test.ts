/**
 * The pure parts behind test/build/silent-wrongs.test.ts: encoding detection, invisible characters,
 * wall times the zone skips or repeats, CHAPAR_NOW, tags written as one text, the skeleton's texts.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import iconv from "iconv-lite";
import { skeleton } from "../../lib/content/new-release.ts";
import { SKELETON_TEXTS, skeletonTextProblems } from "../../lib/content/skeleton-texts.ts";
import { fixTagsText, splitTagText } from "../../lib/content/tags-text.ts";
import { parseFrontMatter } from "../../lib/content/front-matter.ts";
import { parseReleaseDate } from "../../lib/dates/jalali.ts";
import { readBuildMoment } from "../../lib/site/build-moment.ts";
import { convertToUtf8, decodeText } from "../../lib/text/encoding.ts";
import { hiddenCharFindings } from "../../lib/text/hidden-chars.ts";

describe("decodeText", () => {
  test("UTF-8 passes, a U+FFFD the author wrote included", () => {
    assert.deepEqual(decodeText(Buffer.from("سلام \uFFFD")), { ok: true, text: "سلام \uFFFD" });
  });
  test("Windows-1256 Persian is named and converts back", () => {
    const bytes = iconv.encode("سطر اول\nگزارش سالانه‌ي مؤسسه", "win1256");
    const decoded = decodeText(bytes);
    assert.equal(decoded.ok, false);
    assert.equal(!decoded.ok && decoded.convertFrom, "windows-1256");
    assert.equal(!decoded.ok && decoded.line, 1);
    assert.equal(convertToUtf8(bytes, "windows-1256"), "سطر اول\nگزارش سالانه‌ي مؤسسه");
  });
  test("Latin-1 is invalid UTF-8 at the line of its first bad byte, with nothing to convert", () => {
    const decoded = decodeText(Buffer.from("---\ntitle: ok\nx: caf\xe9\n", "latin1"));
    assert.equal(decoded.ok, false);
    assert.equal(!decoded.ok && decoded.line, 3);
    assert.equal(!decoded.ok && decoded.convertFrom, undefined);
  });
  test("UTF-16 with and without a byte-order mark", () => {
    for (const [bytes, kind] of [
      [iconv.encode("---\ntitle: خبر\n---\n", "utf16le"), "utf-16le"],
      [iconv.encode("---\ntitle: خبر\n---\n", "utf16le", { addBOM: true }), "utf-16le"],
      [iconv.encode("---\ntitle: خبر\n---\n", "utf16be"), "utf-16be"],
    ] as const) {
      const decoded = decodeText(bytes);
      assert.equal(!decoded.ok && decoded.convertFrom, kind);
      assert.equal(convertToUtf8(bytes, kind), "---\ntitle: خبر\n---\n");
    }
  });
});

describe("hiddenCharFindings", () => {
  test("Persian text with ZWNJ, direction marks, tabs and balanced pairs passes", () => {
    assert.deepEqual(hiddenCharFindings("کتاب\u200cها\u200f\tو \u202bمتن\u202c و \u2067x\u2069\r\n"), []);
  });
  test("controls and unbalanced bidi controls, at line and column", () => {
    assert.deepEqual(
      hiddenCharFindings("a\u0001\nb\u202e\n\u202c\n\u007f\uffff").map((f) => [f.line, f.column, /U\+[0-9A-F]{4}/.exec(f.message)?.[0]]),
      [
        [1, 2, "U+0001"],
        [2, 2, "U+202E"],
        [3, 1, "U+202C"],
        [4, 1, "U+007F"],
        [4, 2, "U+FFFF"],
      ],
    );
  });
});

describe("wall times in the site's zone", () => {
  test("ordinary times, and times with an offset, have no note", () => {
    const plain = parseReleaseDate("1403-02-01 10:00", "Asia/Tehran");
    assert.ok(plain.ok && plain.note === undefined);
    const withOffset = parseReleaseDate("2021-03-22T00:30:00+03:30", "Asia/Tehran");
    assert.ok(withOffset.ok && withOffset.note === undefined);
  });
  test("a skipped hour is moved forward and said; a repeated hour says which was taken", () => {
    const gap = parseReleaseDate("1400-01-02 00:30", "Asia/Tehran");
    assert.ok(gap.ok);
    assert.equal(gap.date.iso, "2021-03-22T01:30:00+04:30");
    assert.match(gap.note ?? "", /وجود ندارد .*؛ 01:30 \(\+04:30\) منتشر می‌شود/);
    const repeated = parseReleaseDate("1400-06-30 23:30", "Asia/Tehran");
    assert.ok(repeated.ok);
    assert.equal(repeated.date.iso, "2021-09-21T23:30:00+03:30");
    assert.match(repeated.note ?? "", /دو بار آمده است .*دومین \(\+03:30\) در نظر گرفته شد/);
  });
  test("a date without a time names the day: no note on a day whose midnight was skipped", () => {
    const day = parseReleaseDate("1400-01-02", "Asia/Tehran");
    assert.ok(day.ok && day.note === undefined);
    assert.equal(day.date.jd, 2);
  });
});

describe("CHAPAR_NOW", () => {
  test("takes the front matter's forms, Jalali in the site's zone, and refuses anything else", () => {
    assert.deepEqual(readBuildMoment("1405-09-20 17:59", "Asia/Tehran"), { ok: true, now: Date.parse("2026-12-11T17:59:00+03:30") });
    assert.deepEqual(readBuildMoment("2026-11-27T12:00:00+03:30", "UTC"), { ok: true, now: Date.parse("2026-11-27T12:00:00+03:30") });
    assert.deepEqual(
      readBuildMoment(undefined, "UTC", () => 42),
      { ok: true, now: 42 },
    );
    for (const bad of ["yesterday", "1405-13-01", "Fri, 27 Nov 2026 12:00:00 GMT"])
      assert.equal(readBuildMoment(bad, "Asia/Tehran").ok, false, bad);
  });
});

describe("tags written as one text", () => {
  test("split on the Persian and the Latin comma; the line rewritten as the list", () => {
    assert.deepEqual(splitTagText("نشست، خبرنگاران ,مدیرعامل,"), ["نشست", "خبرنگاران", "مدیرعامل"]);
    assert.equal(fixTagsText('---\ntitle: x\ntags: "a, b"\n---\n'), '---\ntitle: x\ntags: ["a", "b"]\n---\n');
    const list = "---\ntags: [a, b]\n---\n";
    assert.equal(fixTagsText(list), list);
  });
});

describe("the skeleton's instruction texts", () => {
  test("declared once: the skeleton writes them, and the check finds them outside comments only", () => {
    const written = skeleton({
      title: "خبر",
      date: "1404-01-01",
      category: "culture",
      categoryList: "culture",
      tags: [],
      draft: false,
      timeZone: "Asia/Tehran",
      slug: "x",
      types: [],
      contacts: [],
    });
    for (const text of Object.values(SKELETON_TEXTS)) assert.ok(written.includes(text), text);
    const fm = parseFrontMatter(written);
    assert.ok(fm.ok);
    // Only the body: the field texts sit in comments.
    assert.deepEqual(
      skeletonTextProblems("x.md", written, fm.value).map((p) => [p.severity, p.line]),
      [["error", written.split("\n").indexOf(SKELETON_TEXTS.body) + 1]],
    );
  });
});
