/**
 * The complete data set of a build, made before Eleventy runs: the content (loaded and checked, or
 * given), the site model and URLs, and the assets every page links to — the stylesheet and its font
 * subsets, the site icon and the release images' renditions. The result is passed to Eleventy's
 * configuration (eleventy.config.ts, `chaparConfig(data, …)`) and from there to every plugin.
 */
import type { SiteContent } from "../content/load.ts";
import { buildBrand } from "../features/brand.ts";
import { buildFavicon } from "../features/favicon.ts";
import { prepareReleaseImages } from "../features/images.ts";
import { buildStylesheet } from "../features/stylesheet.ts";
import { createChaparData, type ChaparData } from "./data.ts";
import type { BuildSettings } from "./settings.ts";

export interface PrepareOptions {
  /** Content already loaded and checked (`npm run build` checks first, to report every error); loaded here if absent. */
  content?: SiteContent;
}

/** Loads (unless given) the content and builds the data set with its assets. */
export async function prepareChaparData(
  settings: Pick<BuildSettings, "contentDir" | "preview" | "now"> & Partial<Pick<BuildSettings, "extendDir">>,
  options: PrepareOptions = {},
): Promise<ChaparData> {
  const data = createChaparData({
    contentDir: settings.contentDir,
    preview: settings.preview,
    now: settings.now,
    ...(settings.extendDir === undefined ? {} : { extendDir: settings.extendDir }),
    ...options,
  });
  return withAssets(data);
}

/**
 * The data set with its assets built: the stylesheet and Vazirmatn subsets (PostCSS; rebuilt only when
 * a source changes), the site icon (the office's own content/favicon.* or Chapar's) and the release
 * images as <picture>s (encoded once, cached in .cache/). Release images also fill in the `<picture>`s
 * of the releases' inline images, in the releases' HTML.
 */
export async function withAssets(data: ChaparData): Promise<ChaparData> {
  const brand = buildBrand(data.site, { contentDir: data.content.contentDir });
  const stylesheet = await buildStylesheet({ append: brand.css });
  const favicon = buildFavicon({ contentDir: data.content.contentDir });
  const prepared: ChaparData = {
    ...data,
    assets: { ...data.assets, stylesheet: stylesheet.sitePath, preloadFonts: stylesheet.preloadFonts, favicon, logo: brand.logo },
  };
  const images = await prepareReleaseImages(prepared, { creditLabel: prepared.locale.strings.imageCredit });
  prepared.assets.files = [...stylesheet.files, ...favicon.files, ...brand.files, ...images.files];
  return prepared;
}
