/** Hostile inputs shared by the tests that refuse them. */

/**
 * A "billion laughs" YAML alias bomb for a `tags:` block: `levels` anchors, each a list of nine
 * aliases of the one before (9^levels strings if expanded) — 15 lines expand to ~2·10^14.
 */
export function yamlAliasBomb(levels = 15): string {
  const lines = ['  - &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `  - &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(",")}]`,
    );
  return lines.join("\n");
}
