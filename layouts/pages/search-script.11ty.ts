/** The search page's script, bundled by lib/features/search.ts, at a content-hashed path under /assets/. */
import { searchScript } from "../../lib/features/search.ts";

export const data = {
  permalink: () => searchScript().sitePath,
  eleventyExcludeFromCollections: true,
};

export function render(): string {
  return searchScript().code;
}
