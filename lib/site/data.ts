import { loadContent, type SiteContent } from "../content/load.ts";
import type { Categories, SiteSettings } from "../content/site-data.ts";
import { buildSiteModel, type SiteModel } from "./collections.ts";
import { createUrls, type Urls } from "./urls.ts";
import type { OutputFile } from "../features/asset-files.ts";
import type { ProcessedImage } from "../features/images.ts";
import type { BrandLogo } from "../features/brand.ts";
import { localeFor, type Locale } from "../locale/index.ts";
import { loadExtensions, type Extensions } from "./extensions.ts";

/** What the asset features built for this build (lib/features/stylesheet.ts, fonts.ts, images.ts). */
export interface SiteAssets {
  /** Site path of the stylesheet, e.g. `/assets/main.3f2a9c1b7d.css`. */
  stylesheet: string;
  /** Site paths of the font files to preload. */
  preloadFonts: string[];
  /** The site icon (lib/features/favicon.ts): site path and media type; `null` for none. */
  favicon: { sitePath: string; type: string } | null;
  /** The office's logo for the header (lib/features/brand.ts): site path and drawn size; `null` for none. */
  logo: BrandLogo | null;
  /** Release images made into renditions, by content path (filled before pages render). */
  images: Map<string, ProcessedImage>;
  /** The files these assets put in the output (stylesheet, fonts, icon, image renditions), written after Eleventy's build. */
  files: OutputFile[];
}

/** Placeholder assets for a data set whose assets are not built yet (lib/site/prepare.ts builds them). */
export function noAssets(): SiteAssets {
  return { stylesheet: "", preloadFonts: [], favicon: null, logo: null, images: new Map(), files: [] };
}

export interface ChaparData {
  site: SiteSettings;
  categories: Categories;
  /** The language edition site.json chose (`locale`): interface strings, `lang`, `dir`, Intl settings. */
  locale: Locale;
  content: SiteContent;
  model: SiteModel;
  urls: Urls;
  /** Built assets (hashed names): see SiteAssets. */
  assets: SiteAssets;
  /** The office developer's additions to the shell (extend-head, header…): lib/site/extensions.ts. */
  extensions: Extensions;
  /** Dev server: drafts and scheduled releases are shown with a banner. */
  preview: boolean;
  /** The build's moment (ms): later-dated releases are scheduled. */
  now: number;
}

export interface ChaparDataOptions {
  contentDir: string;
  preview: boolean;
  now: number;
  /** Fields left out take their empty value (see noAssets). */
  assets?: Partial<SiteAssets>;
  /** The extension folder (lib/site/extensions.ts; settings: `CHAPAR_EXTEND`, default `extend/`); none when absent. */
  extendDir?: string;
  /** Content already loaded and checked (`npm run build` checks first); loaded here if absent. */
  content?: SiteContent;
}

export function createChaparData(options: ChaparDataOptions): ChaparData {
  const content = options.content ?? loadContent({ contentDir: options.contentDir });
  const model = buildSiteModel(content, { preview: options.preview, now: options.now });
  return {
    site: content.site,
    categories: content.categories,
    locale: localeFor(content.site.locale),
    content,
    model,
    urls: createUrls(content.site.url),
    assets: { ...noAssets(), ...options.assets },
    extensions: options.extendDir === undefined ? {} : loadExtensions(options.extendDir),
    preview: options.preview,
    now: options.now,
  };
}
