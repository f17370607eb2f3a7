/**
 * The Persian typography lint: every rule (with the words that only look like a mistake), where
 * findings are placed (line:column in body and front matter), what is never linted (code, URLs,
 * e-mails, keys, attributes), and `--fix`: safe, idempotent, byte-identical outside the fixed text.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { compileGlossary, lintText, type RuleFinding } from "../../lib/text/lint-rules.ts";
import { fixSource, lintSource, maskInline } from "../../lib/text/lint.ts";
import { BUILT_IN_GLOSSARY } from "../../lib/text/persian-words.ts";
import { ZWNJ } from "../../lib/text/persian.ts";

const glossary = compileGlossary(new Map(Object.entries(BUILT_IN_GLOSSARY)));
const Z = ZWNJ;

/** `[rule, text found, suggestion, fix]` for each finding of a line. */
function findings(text: string): [string, string, string, boolean][] {
  return lintText(text, glossary).map((f: RuleFinding) => [f.rule, text.slice(f.index, f.index + f.length), f.replacement, f.fix]);
}

function only(text: string, rule: string): [string, string, boolean][] {
  return findings(text)
    .filter(([r]) => r === rule)
    .map(([, found, suggestion, fix]) => [found, suggestion, fix]);
}

describe("Arabic letters and digits", () => {
  test("ي ك ى become ی ک (safe); ة is a suggestion; Arabic-Indic digits become Persian", () => {
    assert.deepEqual(only("كتاب عربي و مصطفى", "arabic-letters"), [
      ["كتاب", "کتاب", true],
      ["عربي", "عربی", true],
      ["مصطفى", "مصطفی", true],
    ]);
    assert.deepEqual(only("این دائرة است", "arabic-teh-marbuta"), [["دائرة", "دائره", false]]);
    assert.deepEqual(only("ساعت ١٠:٤٥ است", "arabic-digits"), [
      ["١٠", "۱۰", true],
      ["٤٥", "۴۵", true],
    ]);
  });

  test("an Arabic quotation (harakat, no Persian-only letter) is left alone", () => {
    assert.deepEqual(only("بِسْمِ اللهِ الرَّحْمنِ الرَّحيم", "arabic-letters"), []);
  });
});

describe("می / نمی", () => {
  test("spaced prefix before a verb is fixed", () => {
    assert.deepEqual(only("این کار انجام می شود و نمی توان گفت", "zwnj-mi"), [
      ["می شود", `می${Z}شود`, true],
      ["نمی توان", `نمی${Z}توان`, true],
    ]);
  });

  test("joined prefix on a verb is fixed", () => {
    assert.deepEqual(only("میشود و نمیدانم و میرفتند و میگوید", "zwnj-mi"), [
      ["میشود", `می${Z}شود`, true],
      ["نمیدانم", `نمی${Z}دانم`, true],
      ["میرفتند", `می${Z}رفتند`, true],
      ["میگوید", `می${Z}گوید`, true],
    ]);
  });

  test("words that start with می but are not verbs are not flagged", () => {
    for (const word of ["میز", "میلیون", "میدان", "میهمان", "میزبان", "میراث", "میوه", "میان", "میزان", "میلاد", "مینا", "میدانها"]) {
      assert.deepEqual(only(`این ${word} است`, "zwnj-mi"), [], word);
    }
  });

  test("an ambiguous word is a warning, not a fix; a spaced prefix before a non-verb too", () => {
    assert.deepEqual(only("پژوهش میدانی", "zwnj-mi"), [["میدانی", `می${Z}دانی`, false]]);
    assert.deepEqual(only("می ناب", "zwnj-mi"), [["می ناب", `می${Z}ناب`, false]]);
  });

  test("the correct form is not flagged", () => {
    assert.deepEqual(findings(`می${Z}شود و نمی${Z}دانم`), []);
  });
});

describe("ها / های", () => {
  test("spaced suffix is fixed", () => {
    assert.deepEqual(only("کتاب ها و فعالیت های مؤسسه و خانه هایی", "zwnj-plural"), [
      ["کتاب ها", `کتاب${Z}ها`, true],
      ["فعالیت های", `فعالیت${Z}های`, true],
      ["خانه هایی", `خانه${Z}هایی`, true],
    ]);
  });

  test("joined suffix is a warning with the suggestion", () => {
    assert.deepEqual(only("کتابها و فعالیتهای", "zwnj-plural"), [
      ["کتابها", `کتاب${Z}ها`, false],
      ["فعالیتهای", `فعالیت${Z}های`, false],
    ]);
  });

  test("تنها، آنها، انتها، نهایی… are not plurals; after a non-joining letter the joined form is fine", () => {
    for (const word of ["تنها", "تنهایی", "انتهای", "اینها", "آنها", "نهایی", "بها", "کارها", "روزها", "الهام"]) {
      assert.deepEqual(only(`این ${word} است`, "zwnj-plural"), [], word);
    }
  });
});

describe("تر / ترین", () => {
  test("ترین and تر before از are fixed; تر alone is a warning (also the adjective «wet»)", () => {
    assert.deepEqual(only("بزرگ ترین و بزرگ تر از و دست تر", "zwnj-comparative"), [
      ["بزرگ ترین", `بزرگ${Z}ترین`, true],
      ["بزرگ تر", `بزرگ${Z}تر`, true],
      ["دست تر", `دست${Z}تر`, false],
    ]);
  });

  test("بیش تر and کم تر become the established joined forms", () => {
    assert.deepEqual(only("بیش تر و کم تر", "zwnj-comparative"), [
      ["بیش تر", "بیشتر", true],
      ["کم تر", "کمتر", true],
    ]);
  });

  test("joined comparatives and words ending in تر are left alone", () => {
    assert.deepEqual(only("بزرگتر و دفتر و دختر و کبوتر", "zwnj-comparative"), []);
  });
});

describe("ی / ای and ام / اند after a final ه", () => {
  test("spaced forms are fixed", () => {
    assert.deepEqual(only("خانه ای و جلسه ی مدیران", "zwnj-ezafe"), [
      ["خانه ای", `خانه${Z}ای`, true],
      ["جلسه ی", `جلسه${Z}ی`, true],
    ]);
    assert.deepEqual(only("گفته اند و رفته ایم", "zwnj-verb-ending"), [
      ["گفته اند", `گفته${Z}اند`, true],
      ["رفته ایم", `رفته${Z}ایم`, true],
    ]);
  });

  test("joined forms are warnings", () => {
    assert.deepEqual(only("جلسهی مدیران", "zwnj-ezafe"), [["جلسهی", `جلسه${Z}ی`, false]]);
    assert.deepEqual(only("آنان رفتهاند", "zwnj-verb-ending"), [["رفتهاند", `رفته${Z}اند`, false]]);
  });

  test("a consonant ه (توجهی، راهی، گروهی) and ده-nouns (سازماندهی) are not flagged", () => {
    for (const word of ["توجهی", "راهی", "گروهی", "آگاهی", "سازماندهی", "فرماندهی", "آگهی", "مشابهی", "ماهی"]) {
      assert.deepEqual(only(`این ${word} است`, "zwnj-ezafe"), [], word);
    }
    assert.deepEqual(only("گفته است", "zwnj-verb-ending"), []);
  });
});

describe("ZWNJ in the wrong place", () => {
  test("a space beside a ZWNJ, a doubled ZWNJ, a ZWNJ at a word's edge", () => {
    assert.deepEqual(only(`می${Z} شود`, "zwnj-stray"), [[`${Z} `, Z, true]]);
    assert.deepEqual(only(`کتاب${Z}${Z}ها`, "zwnj-stray"), [[`${Z}${Z}`, Z, true]]);
    assert.deepEqual(only(`سلام${Z} دنیا`, "zwnj-stray"), [[`${Z} `, Z, true]]);
    assert.deepEqual(only(`${Z}سلام`, "zwnj-stray"), [[Z, "", true]]);
    assert.deepEqual(only(`سلام${Z}.`, "zwnj-stray"), [[Z, "", true]]);
  });
});

describe("glossary", () => {
  test("built-in compounds whose ZWNJ was lost are fixed, as whole words", () => {
    assert.deepEqual(only("نشست هماندیشی و نرمافزار و چشمانداز", "glossary"), [
      ["هماندیشی", `هم${Z}اندیشی`, true],
      ["نرمافزار", `نرم${Z}افزار`, true],
      ["چشمانداز", `چشم${Z}انداز`, true],
    ]);
    assert.deepEqual(only(`به${Z}روزرسانی`, "glossary"), []);
    // A name, not «به‌روز»: not in the built-in glossary.
    assert.deepEqual(only("بهروز صالحی گفت", "glossary"), []);
  });

  test("office entries are used; a phrase may contain a space", () => {
    const office = compileGlossary(
      new Map([
        ["وبسایت", `وب${Z}سایت`],
        ["بین المللی", `بین${Z}المللی`],
      ]),
    );
    const found = lintText("وبسایت جشنواره بین المللی", office).map((f) => f.replacement);
    assert.deepEqual(found, [`وب${Z}سایت`, `بین${Z}المللی`]);
  });
});

describe("punctuation and spacing", () => {
  test("Latin , ; ? beside Persian words become ، ؛ ؟ — not between Latin words or inside numbers", () => {
    assert.deepEqual(only("سلام, دنیا; چرا?", "latin-punctuation"), [
      [",", "،", true],
      [";", "؛", true],
      ["?", "؟", true],
    ]);
    assert.deepEqual(only("Hello, world و ۱,۲۰۰ نفر", "latin-punctuation"), []);
  });

  test("no space before punctuation (also the space on the wrong side)", () => {
    assert.deepEqual(only("سلام . خوب ، بد ؟", "space-before-punctuation"), [
      [" .", ".", true],
      [" ،", "،", true],
      [" ؟", "؟", true],
    ]);
    assert.deepEqual(only("سلام ،دنیا", "space-before-punctuation"), [[" ،", "،", true]]);
    assert.deepEqual(only("و ...", "space-before-punctuation"), []);
  });

  test("a space after punctuation, and outside brackets and quotes", () => {
    assert.deepEqual(only("سلام،دنیا؛ خوب.بد", "space-after-punctuation"), [
      ["،", "، ", true],
      [".", ". ", true],
    ]);
    assert.deepEqual(only("گفت«سلام»و رفت", "space-after-punctuation"), [
      ["«", " «", true],
      ["»", "» ", true],
    ]);
    // ه.ش is an abbreviation; a decimal point between digits is not punctuation here.
    assert.deepEqual(only("سال ۱۴۰۳ ه.ش و ۲.۵ درصد", "space-after-punctuation"), []);
  });

  test("no space inside parentheses and quotes", () => {
    assert.deepEqual(only("( متن ) و « متن »", "space-inside-brackets"), [
      ["( ", "(", true],
      [" )", ")", true],
      ["« ", "«", true],
      [" »", "»", true],
    ]);
  });
});

describe("correct prose", () => {
  test("gives no findings, however tricky the words", () => {
    const prose = [
      `میز و میلیون‌ها تومان در میدان شهر برای میهمانان و میزبانان هزینه شد؛ تنها آنها و اینها ماندند.`,
      `با توجهی ویژه، گروهی از مدیران سازماندهی و فرماندهی برنامه را بر عهده گرفتند و آگهی آن منتشر شد.`,
      `بزرگترین دفتر و کبوتر و دختر؛ کتاب‌ها و فعالیت‌های مؤسسه می‌شود و نمی‌توان گفت که رفته‌اند.`,
      `در سال ۱۴۰۳ ه.ش (برابر با ۲۰۲۴) حدود ۱,۲۰۰ نفر، یعنی ۲٫۵ درصد، گفتند: «سلام» و رفتند.`,
      `خانه‌ای بزرگ‌تر از جلسه‌ی پیش؟ آری! گفت‌وگو، هم‌اندیشی و به‌روزرسانی نرم‌افزار.`,
    ];
    for (const line of prose) assert.deepEqual(findings(line), [], line);
  });
});

const release = (front: string, body: string) => `---\n${front}\n---\n${body}`;

describe("what is linted and where findings point", () => {
  test("line:column point at the body text and at front-matter values", () => {
    const source = release(
      'title: "کتاب ها"\ndate: "1403-01-10"\ncategory: culture\ntags: [تئاتر, كودك]',
      "بند اول.\n\n## عنوان ها\n\n- مورد ها\n> نقل ها\n\n| ستون | جدول ها |\n|---|---|\n| یک | دو ها |\n",
    );
    const at = lintSource({ source, glossary }).map(
      (f) => `${f.line}:${f.column} ${f.rule} ${f.original}${f.field ? ` (${f.field})` : ""}`,
    );
    assert.deepEqual(at, [
      "2:9 zwnj-plural کتاب ها (title)",
      "5:15 arabic-letters كودك (tags)",
      "9:4 zwnj-plural عنوان ها",
      "11:3 zwnj-plural مورد ها",
      "12:3 zwnj-plural نقل ها",
      "14:10 zwnj-plural جدول ها",
      "16:8 zwnj-plural دو ها",
    ]);
  });

  test("never code spans, code blocks, URLs, e-mails, link targets, keys, tags or non-prose fields", () => {
    const source = release(
      'title: "خبر"\ndate: "1403-01-10"\ncategory: culture\nslug: كتاب-ها\nimage: "تصاویر/كتاب ها.jpg"\n# توضیح: كتاب ها',
      [
        "متن `كتاب ها` و ``دو ` ها`` تمام.",
        "",
        "```",
        "كتاب ها",
        "```",
        "",
        "    كتاب ها",
        "",
        'نشانی https://example.ir/كتاب_ها و info@كتاب.ir و <https://a.ir/ي ك> و [متن](/كتاب ها) و <span title="كتاب ها">',
        "",
        "[ref]: https://example.ir/كتاب ها",
      ].join("\n"),
    );
    assert.deepEqual(lintSource({ source, glossary }), []);
  });

  test("maskInline hides code, link targets, autolinks, tags, entities and escapes", () => {
    const masked = maskInline('الف `کد` [متن](http://a.ir) <b x="ي"> &amp; \\* ب');
    assert.equal(masked.replace(/\ufffc+/g, "#"), "الف # [متن]# # # # ب");
  });

  test("a file without front matter gives no findings (its error is the loader's)", () => {
    assert.deepEqual(lintSource({ source: "# كتاب ها\n" }), []);
  });
});

describe("--fix", () => {
  const messy = release(
    'title: "كتاب ها و هماندیشی"\ndate: "1403-01-10"\ncategory: culture\ntags: [كتاب ها, "می شود"]\nsummary: >\n  این خلاصه ، بلند است\nslug: كتاب',
    [
      "# عنوان كتاب ها",
      "",
      "متن `كتاب ها` و [پیوند ها](http://example.ir/كتاب%20ها) و http://example.ir/ي و info@example.ir ، تمام .",
      "",
      "```",
      "كتاب ها , ?",
      "```",
      "",
      "    كتاب ها indented",
      "",
      "جلسهی مدیران ( متن ) کتابها میشود",
      "",
    ].join("\n"),
  );

  test("applies safe fixes, keeps code, URLs, e-mails and non-prose fields byte-identical", () => {
    const { output } = fixSource({ source: messy, glossary });
    const lines = output.split("\n");
    assert.equal(lines[1], `title: "کتاب${Z}ها و هم${Z}اندیشی"`);
    assert.equal(lines[4], `tags: [کتاب${Z}ها, "می${Z}شود"]`);
    assert.equal(lines[6], "  این خلاصه، بلند است");
    assert.equal(lines[7], "slug: كتاب", "slug is not prose");
    assert.equal(lines[9], `# عنوان کتاب${Z}ها`);
    assert.equal(lines[11], `متن \`كتاب ها\` و [پیوند${Z}ها](http://example.ir/كتاب%20ها) و http://example.ir/ي و info@example.ir ، تمام.`);
    assert.deepEqual(lines.slice(13, 18), ["```", "كتاب ها , ?", "```", "", "    كتاب ها indented"]);
    // Ambiguous ones stay as written (warnings); the safe ones around them are fixed.
    assert.equal(lines[19], `جلسهی مدیران (متن) کتابها می${Z}شود`);
  });

  test("is idempotent: a second run changes nothing", () => {
    const once = fixSource({ source: messy, glossary }).output;
    const twice = fixSource({ source: once, glossary });
    assert.equal(twice.output, once);
    assert.deepEqual(twice.applied, []);
  });

  test("what is left are the warnings that need a person", () => {
    const once = fixSource({ source: messy, glossary }).output;
    const left = lintSource({ source: once, glossary });
    assert.ok(left.every((f) => !f.fix));
    assert.deepEqual(
      left.map((f) => f.original),
      ["جلسهی", "کتابها"],
    );
  });

  test("never turns a front-matter value into different YAML", () => {
    // A space after `:` would make the plain scalar `سلام: دنیا` a mapping: the fix is refused…
    const source = release("title: سلام:دنیا\ndate: 1403-01-10\ncategory: culture", "متن.\n");
    const { output } = fixSource({ source });
    assert.equal(output.split("\n")[1], "title: سلام:دنیا");
    // …and stays a warning.
    assert.deepEqual(
      lintSource({ source: output }).map((f) => f.rule),
      ["space-after-punctuation"],
    );
    // In a quoted value the same fix is harmless.
    const quoted = release('title: "سلام:دنیا"\ndate: 1403-01-10\ncategory: culture', "متن.\n");
    assert.equal(fixSource({ source: quoted }).output.split("\n")[1], 'title: "سلام: دنیا"');
  });

  test("Windows line endings are kept", () => {
    const source = '---\r\ntitle: "كتاب"\r\ndate: 1403-01-10\r\ncategory: culture\r\n---\r\nمتن ها خوب .\r\n';
    assert.equal(
      fixSource({ source }).output,
      `---\r\ntitle: "کتاب"\r\ndate: 1403-01-10\r\ncategory: culture\r\n---\r\nمتن${Z}ها خوب.\r\n`,
    );
  });
});
