/** The search page's script, bundled by lib/features/search.ts, at a content-hashed path under /assets/. */
import { searchScript } from "../../lib/features/search.ts";
import { definePage } from "../../lib/site/pages.ts";

const data = {
  permalink: () => searchScript().sitePath,
  eleventyExcludeFromCollections: true,
};
export default definePage({ data, render });

function render(): string {
  return searchScript().code;
}
