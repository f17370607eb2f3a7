/** Digits, slugs and tag identity for Persian text. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { toLatinDigits, toPersianDigits } from "../../lib/text/digits.ts";
import { ZWNJ, cleanText, foldArabicLetters, slugify, tagKey, tagSpelling } from "../../lib/text/persian.ts";

describe("toPersianDigits", () => {
  test("Latin digits become Persian digits", () => {
    assert.equal(toPersianDigits("0123456789"), "۰۱۲۳۴۵۶۷۸۹");
  });

  test("Arabic-Indic digits become Persian digits", () => {
    assert.equal(toPersianDigits("٠١٢٣٤٥٦٧٨٩"), "۰۱۲۳۴۵۶۷۸۹");
  });

  test("numbers are accepted", () => {
    assert.equal(toPersianDigits(1401), "۱۴۰۱");
    assert.equal(toPersianDigits(0), "۰");
  });

  test("other characters, Persian digits and separators are kept", () => {
    assert.equal(toPersianDigits("ساعت 10:30، ۲۵ / 2.5"), "ساعت ۱۰:۳۰، ۲۵ / ۲.۵");
    assert.equal(toPersianDigits(""), "");
    assert.equal(toPersianDigits("abc"), "abc");
  });
});

describe("toLatinDigits", () => {
  test("Persian digits become Latin digits", () => {
    assert.equal(toLatinDigits("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
  });

  test("Arabic-Indic digits become Latin digits", () => {
    assert.equal(toLatinDigits("٠١٢٣٤٥٦٧٨٩"), "0123456789");
  });

  test("mixed text keeps everything else", () => {
    assert.equal(toLatinDigits("۱۴۰۱/۰۲/۲۵ ساعت ١٠:٣٠ and 7"), "1401/02/25 ساعت 10:30 and 7");
  });

  test("round-trips with toPersianDigits", () => {
    const latin = "2022-05-15 10:30";
    assert.equal(toLatinDigits(toPersianDigits(latin)), latin);
  });
});

describe("slugify", () => {
  test("keeps Persian letters and joins words with -", () => {
    assert.equal(slugify("ارسال نظر"), "ارسال-نظر");
  });

  test("a ZWNJ becomes a hyphen: the word stays readable, never joined into another word", () => {
    assert.equal(slugify("هم‌اندیشی"), "هم-اندیشی");
    assert.equal(slugify(`می${ZWNJ}شود`), "می-شود");
    assert.equal(slugify("چهره‌های برتر"), "چهره-های-برتر");
    assert.equal(slugify("گفت‌وگو"), "گفت-وگو");
    assert.equal(slugify(`گفت${ZWNJ}${ZWNJ} وگو`), "گفت-وگو");
  });

  test("+ and # after a word are spelled out, so C++, C# and C differ; a hashtag's # is not", () => {
    assert.equal(slugify("C++"), "c-plus-plus");
    assert.equal(slugify("C#"), "c-sharp");
    assert.equal(slugify("C"), "c");
    assert.equal(slugify("Notepad++ و C#"), "notepad-plus-plus-و-c-sharp");
    assert.equal(slugify("۱۸+"), "18-plus");
    assert.equal(slugify("#نوروز"), "نوروز");
    assert.equal(slugify("+۹۸"), "98");
  });

  test("folds Arabic ي and ك (and ى) into Persian ی and ک", () => {
    assert.equal(slugify("كتاب عربي"), "کتاب-عربی");
    assert.equal(slugify("مصطفى"), "مصطفی");
  });

  test("Persian and Arabic-Indic digits become Latin digits", () => {
    assert.equal(slugify("گزارش ۱۴۰۲"), "گزارش-1402");
    assert.equal(slugify("٣ نکته"), "3-نکته");
  });

  test("punctuation is dropped, runs of separators collapse, ends are trimmed", () => {
    assert.equal(slugify("سلام، دنیا! (ویژه)"), "سلام-دنیا-ویژه");
    assert.equal(slugify("  فاصله   زیاد  "), "فاصله-زیاد");
    assert.equal(slugify("«نشست» خبری؟"), "نشست-خبری");
    assert.equal(slugify("مصاحبه_ویژه"), "مصاحبه-ویژه");
  });

  test("Latin letters are lower-cased", () => {
    assert.equal(slugify("Hello World"), "hello-world");
    assert.equal(slugify("نسخه API جدید"), "نسخه-api-جدید");
  });

  test("harakat, tatweel and bidi marks don't change the slug", () => {
    assert.equal(slugify("کِتاب"), "کتاب");
    assert.equal(slugify("نشســـت"), "نشست");
    assert.equal(slugify("\u200fخبر\u200e"), "خبر");
  });

  test("never empty: falls back", () => {
    assert.equal(slugify("!!!"), "untitled");
    assert.equal(slugify(""), "untitled");
    assert.equal(slugify("   "), "untitled");
    assert.equal(slugify(ZWNJ), "untitled");
    assert.equal(slugify("؟!", "release"), "release");
  });

  test("slug is URL-safe apart from letters: no spaces, ZWNJ or slashes", () => {
    for (const s of ["هم‌اندیشی / نشست", "a/b\\c", "۲۵ اردیبهشت ۱۴۰۱"]) {
      assert.doesNotMatch(slugify(s), /[\s\u200c/\\?#%]/, s);
    }
  });

  test("idempotent", () => {
    for (const s of ["ارسال نظر", "هم‌اندیشی", "كتاب عربي", "Hello World ۱۴۰۲"]) {
      assert.equal(slugify(slugify(s)), slugify(s));
    }
  });

  test("Latin capitals with a dot lower-case into one word", () => {
    assert.equal(slugify("İstanbul"), "istanbul");
  });
});

describe("tagKey", () => {
  test("ZWNJ, joined, spaced and Arabic-letter spellings are one tag", () => {
    const spellings = ["هم‌اندیشی", "هماندیشی", "هم اندیشی", "هم‌انديشي", " هم‌اندیشی ", "هم-اندیشی"];
    const keys = new Set(spellings.map(tagKey));
    assert.equal(keys.size, 1, [...keys].join(" | "));
    assert.equal(tagKey("هم‌اندیشی"), "هماندیشی");
  });

  test("case and digit forms are one tag", () => {
    assert.equal(tagKey("COVID ۱۹"), tagKey("covid 19"));
    assert.equal(tagKey("گزارش ١٤٠٢"), tagKey("گزارش ۱۴۰۲"));
  });

  test("different words are different tags", () => {
    const words = ["هم‌اندیشی", "اندیشه", "کتاب", "کتب", "نشست خبری", "خبر", "گزارش ۱۴۰۲", "گزارش ۱۴۰۳"];
    const keys = words.map(tagKey);
    assert.equal(new Set(keys).size, words.length, keys.join(" | "));
  });

  test("tags that differ in + or # are different tags; ones with no letter or digit have no key", () => {
    assert.equal(new Set(["C++", "C#", "C", "C+"].map(tagKey)).size, 4);
    for (const t of ["---", "!!!", "؟!", "++", "#"]) assert.equal(tagKey(t), "", t);
  });

  test("keys contain no separators or ZWNJ", () => {
    for (const w of ["نشست خبری", "هم‌اندیشی", "a-b c"]) assert.doesNotMatch(tagKey(w), /[\s\-\u200c]/);
  });
});

describe("tagSpelling", () => {
  test("folds what never tells tags apart: spacing, ZWNJ, dashes, quotes, brackets, a hashtag's #", () => {
    const same = ["هم‌اندیشی", "هم اندیشی", "هماندیشی", "هم-اندیشی", "«هم‌اندیشی»", "(هم‌اندیشی)", "#هم‌اندیشی", "هم_اندیشی"];
    assert.deepEqual(new Set(same.map(tagSpelling)), new Set(["هماندیشی"]));
    assert.equal(tagSpelling("COVID ۱۹"), tagSpelling("covid 19"));
  });

  test("keeps the punctuation a URL drops, so tags sharing a key but not a spelling can be told apart", () => {
    assert.notEqual(tagSpelling("Node.js"), tagSpelling("nodejs"));
    assert.notEqual(tagSpelling("نوروز!"), tagSpelling("نوروز"));
    assert.equal(tagKey("Node.js"), tagKey("nodejs"));
  });
});

describe("foldArabicLetters and cleanText", () => {
  test("foldArabicLetters maps ي ى ك and nothing else", () => {
    assert.equal(foldArabicLetters("يىك"), "ییک");
    assert.equal(foldArabicLetters("هم‌اندیشی"), "هم‌اندیشی");
  });

  test("cleanText collapses whitespace but keeps ZWNJ", () => {
    assert.equal(cleanText("  هم‌اندیشی \n\t نشست  "), "هم‌اندیشی نشست");
  });
});
