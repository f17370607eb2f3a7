/** What a Chapar page template (`definePage`, lib/site/pages.ts) receives: the site data and, for paginated pages, one entry. */
import type { ChaparData } from "../../lib/site/data.ts";

export interface PageData<Entry = undefined> {
  chapar: ChaparData;
  entry: Entry;
}

/** Pagination over one of the model's precomputed arrays, one page per entry. */
export function onePagePer(dataKey: string) {
  return { data: `chapar.model.${dataKey}`, size: 1, alias: "entry", addAllPagesToCollections: false } as const;
}
