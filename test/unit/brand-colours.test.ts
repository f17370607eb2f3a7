/** The accent colours' WCAG contrast check (lib/content/brand-colours.ts) and the brand's CSS (lib/features/brand.ts). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { accentContrastProblems, contrastRatio, pageBackgrounds, parseHex } from "../../lib/content/brand-colours.ts";
import { brandCss } from "../../lib/features/brand.ts";

describe("accent colours", () => {
  test("WCAG contrast ratio: black on white 21:1, a colour on itself 1:1, #767676 on white just over 4.5:1", () => {
    assert.equal(contrastRatio("#000", "#ffffff"), 21);
    assert.equal(contrastRatio("#0b5c6b", "#0B5C6B"), 1);
    assert.ok(Math.abs(contrastRatio("#767676", "#fff") - 4.54) < 0.01);
    assert.deepEqual(parseHex("#abc"), [0xaa, 0xbb, 0xcc]);
  });

  test("the page backgrounds are read from the stylesheet, light and dark", () => {
    const css =
      ":root{--color-bg: #ffffff; --color-surface: #eeeeee;}\n@media (prefers-color-scheme: dark) { :root { --color-bg: #111; --color-surface: #222; } }";
    assert.deepEqual(pageBackgrounds(css), { light: "#ffffff", dark: "#111" });
    // The real stylesheet's: Chapar's own accents pass against them.
    const real = pageBackgrounds();
    assert.deepEqual(
      accentContrastProblems({ accentColor: "#0b5c6b", accentColorDark: "#7cc7d4" }, "_data/site.json", undefined, real),
      [],
    );
  });

  test("each scheme's accent against its background: under 4.5:1 an error, under 7:1 a warning; with the setting and its line", () => {
    const backgrounds = { light: "#dddddd", dark: "#333333" };
    // #767676: 4.54 on white, but 3.34 on #ddd.
    const [light, ...rest] = accentContrastProblems(
      { accentColor: "#767676" },
      "_data/site.json",
      (s) => (s === "accentColor" ? 7 : undefined),
      backgrounds,
    );
    assert.equal(rest.length, 0);
    assert.equal(light!.field, "accentColor");
    assert.equal(light!.severity, "error");
    assert.equal(light!.line, 7);
    assert.match(light!.message, /زمینه‌ی صفحه در حالت روشن \(#dddddd\)/);
    assert.match(light!.message, /نسبت کنتراست ۳٫۳۴:۱/);
    assert.match(light!.message, /دست‌کم ۴٫۵:۱ لازم است/);
    const dark = accentContrastProblems({ accentColorDark: "#767676" }, "_data/site.json", undefined, backgrounds);
    assert.equal(dark.length, 1);
    assert.match(dark[0]!.message, /\(accentColorDark\)/);
    assert.match(dark[0]!.message, /\(#333333\)/);
    assert.equal(dark[0]!.line, undefined);
    // 4.54:1 on white: enough for AA, a warning for AAA.
    const [aa] = accentContrastProblems({ accentColor: "#767676" }, "_data/site.json", undefined, { light: "#ffffff", dark: "#000000" });
    assert.equal(aa!.severity, "warning");
    assert.match(aa!.message, /۴٫۵۴:۱/);
    assert.match(aa!.message, /۷:۱/);
    assert.deepEqual(accentContrastProblems({}, "_data/site.json", undefined, backgrounds), [], "no colour, nothing to check");
  });

  test("the brand's CSS: nothing without colours; otherwise light, dark and black on paper", () => {
    assert.equal(brandCss({}), "");
    assert.equal(
      brandCss({ accentColor: "#123456" }),
      ":root{--color-accent:#123456;--color-accent-strong:#123456}@media print{:root{--color-accent:#000;--color-accent-strong:#000}}",
    );
    assert.match(brandCss({ accentColorDark: "#abcdef" }), /^@media \(prefers-color-scheme:dark\)\{:root\{--color-accent:#abcdef;/);
  });
});
