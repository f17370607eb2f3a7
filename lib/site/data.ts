/**
 * What every page template receives as `chapar`: settings, the computed site model and URL helpers.
 * Built once per build from the content folder.
 */
import { loadContent, type SiteContent } from "../content/load.ts";
import type { Categories, SiteSettings } from "../content/site-data.ts";
import { buildSiteModel, type SiteModel } from "./collections.ts";
import { createUrls, type Urls } from "./urls.ts";

export interface ChaparData {
  site: SiteSettings;
  categories: Categories;
  content: SiteContent;
  model: SiteModel;
  urls: Urls;
  /** Site paths of built assets (hashed names). */
  assets: { stylesheet: string };
  /** Dev server: drafts and scheduled releases are shown with a banner. */
  preview: boolean;
  /** The build's moment (ms): later-dated releases are scheduled. */
  now: number;
}

export interface ChaparDataOptions {
  contentDir: string;
  preview: boolean;
  now: number;
  assets: ChaparData["assets"];
}

export function createChaparData(options: ChaparDataOptions): ChaparData {
  const content = loadContent({ contentDir: options.contentDir });
  const model = buildSiteModel(content, { preview: options.preview, now: options.now });
  return {
    site: content.site,
    categories: content.categories,
    content,
    model,
    urls: createUrls(content.site.url),
    assets: options.assets,
    preview: options.preview,
    now: options.now,
  };
}
