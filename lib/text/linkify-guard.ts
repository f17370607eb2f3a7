/**
 * A cheap pretest in front of linkify-it's `test` and `match`.
 *
 * linkify-it 6.1 (markdown-it 15's linkifier) has no pretest of its own: `test` runs its schema-search
 * regex (a Unicode punctuation/space class tried at every position) over every inline block of every
 * release, and `match` does the same plus the e-mail host search. Persian prose almost never holds a
 * link, so that is ~0.45 s of CPU per 10,000 releases spent finding nothing.
 *
 * What linkify-it 6.1 can find, read from its code (build/index.mjs):
 * - a schema link: `get_schema_search()` is `(^|…)(name1|name2|…)` with flags `ig` over the names in
 *   `re.opts.schema_names` (default `http:`, `https:`, `ftp:`, `//`, `mailto:`), so the text must
 *   contain one of the names, case-insensitively under the same (non-Unicode) `i` flag;
 * - a fuzzy e-mail: `get_fuzzy_mail_host_search()` starts with `@`, so the text must contain `@`;
 * - a fuzzy link (`foo.com`, IPs, TLDs): only when `__opts__.fuzzyLink` is on, which it is NOT by
 *   default in linkify-it 6 (markdown-it doesn't turn it on and Chapar doesn't either).
 * So `/name1|name2|…|@/i` not matching the text means `test` is false and `match` is null.
 *
 * The guard must not silently go wrong if the instance is reconfigured later: `.set()`, `.add()` and
 * `.tlds()` all replace `re.opts`, so each call compares `re`/`re.opts` with those the pretest was built
 * from and rebuilds it from the new schema names when they changed. With `fuzzyLink` on, or a custom
 * REBuilder (its regexes could be anything), the pretest can't vouch for anything and the original
 * methods run unguarded. (Writing regexes into `re.cache` by hand is not covered.)
 */
import MarkdownIt from "markdown-it";

type Linkify = InstanceType<typeof MarkdownIt>["linkify"];
type Rebuilder = Linkify["re"];

/** The REBuilder class the reasoning above was derived from (linkify-it's own, not a subclass). */
const STOCK_REBUILDER: object | null = Object.getPrototypeOf(new MarkdownIt().linkify.re) as object | null;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/**
 * The pretest for this REBuilder's options, or null if it can't be trusted (a REBuilder subclass or
 * methods patched onto the instance).
 */
function pretestFor(re: Rebuilder): RegExp | null {
  if (Object.getPrototypeOf(re) !== STOCK_REBUILDER) return null;
  for (const key of Object.keys(re)) if (typeof (re as unknown as Record<string, unknown>)[key] === "function") return null;
  const names = re.opts.schema_names ?? [];
  // Same flags as linkify-it's schema search minus `g` (non-Unicode `i`: ASCII letters fold only to ASCII).
  return new RegExp([...names.map(escapeRegExp), "@"].join("|"), "i");
}

/**
 * Puts the pretest in front of `linkify.test` and `linkify.match` (as own properties of the instance).
 * Results are exactly linkify-it's: the pretest only skips texts in which it can't find anything.
 */
export function guardLinkify(linkify: Linkify): void {
  const originalTest = linkify.test;
  const originalMatch = linkify.match;
  let builtFor: Rebuilder | null = null;
  let builtForOpts: Rebuilder["opts"] | null = null;
  let pretest: RegExp | null = null;

  /** False only if linkify-it certainly finds nothing in `text`. */
  const mayMatch = (text: string): boolean => {
    if (linkify.__opts__.fuzzyLink) return true;
    const re = linkify.re;
    if (re !== builtFor || re.opts !== builtForOpts) {
      pretest = pretestFor(re);
      builtFor = re;
      builtForOpts = re.opts;
    }
    return pretest === null || pretest.test(text);
  };

  linkify.test = (text: string): boolean => (mayMatch(text) ? originalTest.call(linkify, text) : false);
  linkify.match = (text: string): ReturnType<Linkify["match"]> => (mayMatch(text) ? originalMatch.call(linkify, text) : null);
}
