/** The string helpers the search build step uses on staged pages (lib/features/search.ts). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decodeEntities, foldTextNodes, htmlToText, pagefindBody } from "../../lib/features/search.ts";
import { indexKeys } from "../../lib/text/search-key.ts";

const ZWNJ = "\u200c";

describe("pagefindBody", () => {
  test("returns the marked element, nested elements of the same name included", () => {
    const page = `<html><body><nav>منو</nav><article class="release" data-pagefind-body><h1>عنوان</h1><article>درون</article><p>متن</p></article><article class="card">کارت</article></body></html>`;
    assert.equal(
      pagefindBody(page),
      `<article class="release" data-pagefind-body><h1>عنوان</h1><article>درون</article><p>متن</p></article>`,
    );
  });

  test("is undefined when no element is marked", () => {
    assert.equal(pagefindBody(`<html><body><article>متن</article></body></html>`), undefined);
    assert.equal(pagefindBody(`<p data-pagefind-bodyx>نه</p>`), undefined);
  });
});

describe("foldTextNodes", () => {
  test("writes text that needs no escaping: entities decoded, markup characters dropped with the other non-word ones", () => {
    const out = foldTextNodes(`<p>الف &amp; ب &lt;script&gt; "نقل" 'قول' &#x3c;x&#62; ج&quot;د</p>`);
    assert.equal(out, `<p>الف ب script نقل قول x ج د</p>`);
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3c || c === 0x3e) continue; // < and > never stand raw in a text node
      const folded = foldTextNodes(`<p>a${ch}b ${ch} ${ch}${ch}</p>`).slice(3, -4);
      assert.doesNotMatch(folded, /[&<>"']/, `U+${c.toString(16)}`);
    }
  });

  test("folds text, keeps markup and attributes (data-pagefind-ignore included) untouched", () => {
    assert.equal(
      foldTextNodes(`<p class="x" data-pagefind-ignore>نشست هم${ZWNJ}اندیشی كتاب</p>`),
      `<p class="x" data-pagefind-ignore>نشست هماندیشی کتاب هم اندیشی</p>`,
    );
  });

  test("keeps a node's edge spaces, so words in adjacent inline elements stay apart", () => {
    assert.equal(
      foldTextNodes(`<span>تاریخ انتشار: <time>۱۰ اردیبهشت ۱۴۰۴</time></span>`),
      `<span>تاریخ انتشار <time>10 اردیبهشت 1404</time></span>`,
    );
  });

  test("a node of whitespace alone (any code unit \\s matches, or several) becomes one space, as its folding would make it", () => {
    const spaces: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) spaces.push(String.fromCharCode(c));
    assert.ok(spaces.length > 20 && spaces.includes("\ufeff") && spaces.includes("\u00a0"));
    for (const [i, ch] of spaces.entries()) {
      for (const text of [ch, `${ch}${spaces[(i + 1) % spaces.length]}`, `\n${ch}\n  `]) {
        // What the folding path gives a node: its keys (none here), with a space for its leading space.
        const keys = indexKeys(decodeEntities(text));
        assert.equal(keys, "");
        assert.equal(foldTextNodes(`<p>${text}</p>`), "<p> </p>", JSON.stringify(text));
      }
    }
  });

  test("entities are decoded before folding and the result is escaped", () => {
    assert.equal(foldTextNodes(`<p>R&amp;D &lt;b&gt; &#1740;</p>`), `<p>r d b ی</p>`);
  });
});

describe("htmlToText and decodeEntities", () => {
  test("tags become spaces, entities become characters, whitespace collapses", () => {
    assert.equal(htmlToText(`<p>یک&nbsp;<strong>دو</strong></p>\n<p>سه &quot;چهار&quot; &#x6F5;</p>`), `یک دو سه "چهار" ۵`);
    assert.equal(decodeEntities("&amp;&lt;&gt;&#39;&apos;&unknown;"), "&<>'' ");
  });
});
