/**
 * How deeply an HTML fragment nests its elements, measured with a loop (no recursion, no parse tree):
 * the guard in front of HTML rewriters that walk the tree recursively (the feeds' URL rewriting
 * overflowed the stack at ~10,000 levels).
 */

/** Elements that never hold content (no closing tag). */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;

/** The deepest element nesting of `html` (0 for text). Comments and attribute values without `<`/`>` are ignored. */
export function htmlDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name, selfClosing] of html.matchAll(TAG)) {
    if (VOID.has(name!.toLowerCase()) || selfClosing === "/") continue;
    if (closing === "/") depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}
