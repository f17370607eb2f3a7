/** Search keys: the folding shared by the index and the query (lib/text/search-key.ts). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { foldForSearch, indexKeys, queryVariants } from "../../lib/text/search-key.ts";

const ZWNJ = "\u200c";

describe("foldForSearch", () => {
  test("Arabic ي ى ك become Persian ی ک", () => {
    assert.equal(foldForSearch("كتاب"), "کتاب");
    assert.equal(foldForSearch("يك"), "یک");
    assert.equal(foldForSearch("مصطفى"), "مصطفی");
    assert.equal(foldForSearch("كتاب"), foldForSearch("کتاب"));
  });

  test("ZWNJ is removed, so the ZWNJ and joined spellings are one key", () => {
    assert.equal(foldForSearch(`هم${ZWNJ}اندیشی`), "هماندیشی");
    assert.equal(foldForSearch(`هم${ZWNJ}اندیشی`), foldForSearch("هماندیشی"));
  });

  test("Persian, Arabic-Indic and Latin digits are one key", () => {
    assert.equal(foldForSearch("۱۴۰۳"), "1403");
    assert.equal(foldForSearch("١٤٠٣"), "1403");
    assert.equal(foldForSearch("1403"), "1403");
  });

  test("hamza and alef variants, heh forms, harakat, tatweel and presentation forms fold", () => {
    assert.equal(foldForSearch("آموزش"), "اموزش");
    assert.equal(foldForSearch("پائیز"), foldForSearch("پاییز"));
    assert.equal(foldForSearch("خانهٔ"), "خانه");
    assert.equal(foldForSearch("علامة"), "علامه");
    assert.equal(foldForSearch("كِتـــاب"), "کتاب");
    assert.equal(foldForSearch("\ufedb\ufe98\ufe8e\ufe8f"), "کتاب"); // ﻛﺘﺎﺏ presentation forms
  });

  test("Latin is lower-cased; spaces and punctuation are kept", () => {
    assert.equal(foldForSearch("Chapar، ۱۴۰۳!"), "chapar، 1403!");
  });
});

describe("indexKeys", () => {
  test("every word's key, in order", () => {
    assert.equal(indexKeys("نمایشگاه كتاب ۱۴۰۳"), "نمایشگاه کتاب 1403");
  });

  test("a ZWNJ word also gives its parts, after the text's own words", () => {
    assert.equal(indexKeys(`نشست هم${ZWNJ}اندیشی مدیران`), "نشست هماندیشی مدیران هم اندیشی");
    assert.equal(indexKeys(`کتاب${ZWNJ}ها`), "کتابها کتاب ها");
  });

  test("a detached prefix or suffix typed with a space also gives the joined key", () => {
    assert.equal(indexKeys("جلسه هم اندیشی"), "جلسه هم اندیشی هماندیشی");
    assert.equal(indexKeys("کتاب ها"), "کتاب ها کتابها");
    assert.equal(indexKeys("آنچه می شود"), "انچه می شود میشود");
  });

  test("no joined key across punctuation, or between ordinary words", () => {
    assert.equal(indexKeys("هم، اندیشی"), "هم اندیشی");
    assert.equal(indexKeys("نرم افزار"), "نرم افزار");
  });

  test("punctuation, marks and invisible controls never become keys", () => {
    assert.equal(indexKeys("«سلام» — (۲) \u200f!"), "سلام 2");
    assert.equal(indexKeys(""), "");
  });
});

describe("queryVariants", () => {
  const keys = (q: string) => queryVariants(q).map((v) => v.keys);

  test("the three spellings of a compound search both the joined word and the two words", () => {
    const expected = new Set(["هماندیشی", "هم اندیشی"]);
    assert.deepEqual(new Set(keys(`هم${ZWNJ}اندیشی`)), expected);
    assert.deepEqual(new Set(keys("هم اندیشی")), expected);
    // The joined spelling can't be split without a dictionary: the index bridges that side.
    assert.deepEqual(keys("هماندیشی"), ["هماندیشی"]);
  });

  test("the typed spelling comes first and is searched as typed", () => {
    assert.deepEqual(queryVariants(`هم${ZWNJ}اندیشی`)[0], { keys: "هماندیشی", asTyped: true, phrase: false });
    assert.deepEqual(queryVariants("هم اندیشی")[0], { keys: "هم اندیشی", asTyped: true, phrase: false });
  });

  test("a ZWNJ word split into words is searched as an exact phrase; joined words are not", () => {
    assert.deepEqual(queryVariants(`هم${ZWNJ}اندیشی`)[1], { keys: "هم اندیشی", asTyped: false, phrase: true });
    assert.deepEqual(queryVariants("هم اندیشی")[1], { keys: "هماندیشی", asTyped: false, phrase: false });
  });

  test("letters and digits are folded", () => {
    assert.deepEqual(keys("كتاب"), ["کتاب"]);
    assert.deepEqual(keys("۱۴۰۳"), ["1403"]);
    assert.deepEqual(keys("١٤٠٣"), ["1403"]);
  });

  test("every gap is tried joined and apart for short queries", () => {
    assert.equal(queryVariants("الف ب پ ت").length, 8);
  });

  test("long queries get a few variants, not every combination", () => {
    const variants = keys("یک دو سه چهار پنج شش هفت");
    assert.equal(variants[0], "یک دو سه چهار پنج شش هفت");
    assert.ok(variants.length <= 8, String(variants.length));
  });

  test("an empty or punctuation-only query has no variants", () => {
    assert.deepEqual(queryVariants(""), []);
    assert.deepEqual(queryVariants("  ؟! "), []);
  });
});
