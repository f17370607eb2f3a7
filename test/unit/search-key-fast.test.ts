/**
 * The shortcuts the fast `indexKeys`/`foldForSearch` (lib/text/search-key.ts) take — no NFKC, no
 * lower-casing for texts made of certain code units — checked for every code unit against the
 * runtime's own `normalize` and `toLowerCase`. That their output is unchanged is test/unit/golden.test.ts's.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CASELESS_RANGES, NFKC_INERT_RANGES } from "../../lib/text/search-key.ts";

function codesIn(ranges: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) out.push(c);
  return out;
}

describe("NFKC and lower-case shortcuts", () => {
  test("a text of NFKC_INERT code units is its own NFKC (structural check over all code points, and all pairs)", () => {
    // Code points that follow the first one in some canonical decomposition: only these can compose
    // with what precedes them.
    const combiners = new Set<number>();
    for (let x = 0; x <= 0x10ffff; x++) {
      if (x >= 0xd800 && x <= 0xdfff) continue;
      const d = [...String.fromCodePoint(x).normalize("NFD")];
      for (let i = 1; i < d.length; i++) combiners.add(d[i]!.codePointAt(0)!);
    }
    const mark = /\p{M}/u;
    const inert = codesIn(NFKC_INERT_RANGES);
    for (const c of inert) {
      const s = String.fromCharCode(c);
      const hex = c.toString(16);
      assert.ok(c < 0xd800 || c > 0xdfff, `${hex} is a surrogate`);
      assert.equal(s.normalize("NFKC"), s, `${hex} changes under NFKC`);
      assert.ok(!mark.test(s), `${hex} is a mark`);
      assert.ok(!combiners.has(c), `${hex} composes with what precedes it`);
      const d = [...s.normalize("NFD")];
      assert.ok(!combiners.has(d[0]!.codePointAt(0)!), `${hex} decomposes into a combiner`);
      for (const rest of d.slice(1)) assert.ok(mark.test(rest), `${hex} decomposes into a non-mark after its base`);
    }
    const all = inert.map((c) => String.fromCharCode(c));
    for (const a of all)
      for (const b of all) if ((a + b).normalize("NFKC") !== a + b) assert.fail(`${JSON.stringify(a + b)} changes under NFKC`);
  });

  test("CASELESS code units are their own lower case", () => {
    for (const c of codesIn(CASELESS_RANGES)) {
      const s = String.fromCharCode(c);
      assert.equal(s.toLowerCase(), s, c.toString(16));
    }
  });
});
