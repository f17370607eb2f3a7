/**
 * Chapar's Eleventy configuration. Releases do not enter Eleventy as templates: they are read,
 * validated, rendered and dated once (lib/content) into one data set (lib/site), and the page
 * templates in layouts/pages paginate over its precomputed arrays. See ARCHITECTURE.md.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { writeOutputFiles, type OutputFile } from "./lib/features/asset-files.ts";
import { headers } from "./lib/features/headers.ts";
import { pageWriter } from "./lib/features/page-writer.ts";
import { prepareReleaseImages } from "./lib/features/images.ts";
import { buildStylesheet } from "./lib/features/stylesheet.ts";
import { buildFavicon } from "./lib/features/favicon.ts";
import { feeds } from "./lib/features/feeds.ts";
import { sitemap } from "./lib/features/sitemap.ts";
import { releaseFilesPlugin } from "./lib/features/release-files.ts";
import { logoFile } from "./lib/features/seo.ts";
import { chaparSettings } from "./lib/site/settings.ts";
import { takeChaparData } from "./lib/site/preload.ts";
import { officePages } from "./lib/features/office-pages.ts";
import { strings } from "./layouts/strings.fa.ts";
import { officePageLayout } from "./layouts/office-page.ts";

export default async function (eleventyConfig: UserConfig) {
  const settings = chaparSettings();

  // Page templates are TypeScript modules (`.11ty.ts`), run as 11ty.js through tsx.
  eleventyConfig.addExtension("11ty.ts", { key: "11ty.js" });
  eleventyConfig.setTemplateFormats(["11ty.ts"]);
  eleventyConfig.setQuietMode(true);

  // The one data set every page reads: loaded once per build (the build script may preload it), with
  // its assets: the stylesheet and Vazirmatn subsets (PostCSS; rebuilt only when a source changes) and
  // the release images as <picture>s (encoded once, cached in .cache/). Written out after the build.
  // Made here, before any plugin runs, because the office pages are registered as templates at config time.
  let assetFiles: OutputFile[] = [];
  const chaparData = await (async () => {
    const stylesheet = await buildStylesheet();
    // The site icon: the office's own (content/favicon.*) or Chapar's, linked from every head.
    const favicon = buildFavicon({ contentDir: settings.contentDir });
    const data = takeChaparData({ ...settings, assets: { stylesheet: stylesheet.sitePath, preloadFonts: stylesheet.preloadFonts, favicon } });
    const images = await prepareReleaseImages(data, { creditLabel: strings.imageCredit });
    assetFiles = [...stylesheet.files, ...favicon.files, ...images.files];
    return data;
  })();
  eleventyConfig.addGlobalData("chapar", chaparData);
  // The office's own pages (content/pages/*.md): Eleventy Markdown templates in Chapar's layout.
  eleventyConfig.addPlugin(officePages, { data: chaparData, layout: officePageLayout });
  // Chapar's page templates are rendered and written by Chapar itself, not paginated by Eleventy (speed).
  eleventyConfig.addPlugin(pageWriter);
  // `_headers` for Netlify / Cloudflare Pages: caching and security headers, base path included.
  eleventyConfig.addPlugin(headers);

  // Atom and JSON feeds for the site and each category; sitemaps and robots.txt.
  eleventyConfig.addPlugin(feeds, { entries: 20 });
  eleventyConfig.addPlugin(sitemap, { newsWindowHours: 48 });
  // Attachments and gallery photos of the built releases, copied under /media/.
  eleventyConfig.addPlugin(releaseFilesPlugin);

  // The dev server watches the office's content as well as the code.
  eleventyConfig.addWatchTarget(settings.contentDir);
  eleventyConfig.addWatchTarget("assets/");

  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    const out = directories.output;
    writeOutputFiles(out, assetFiles);
    // Lead images are published only as their renditions (lib/features/images.ts), never as originals.
    // The organisation's logo is published as it is, under /media/ (og:image, JSON-LD and feeds point to it).
    const data = takeChaparData.last;
    const logo = data && logoFile(data.site);
    if (logo) {
      mkdirSync(path.dirname(path.join(out, "media", logo)), { recursive: true });
      copyFileSync(path.join(settings.contentDir, logo), path.join(out, "media", logo));
    }
  });

  return {
    dir: {
      input: "layouts/pages",
      output: settings.outputDir,
      // Eleventy's own data folder is unused: office data lives in content/_data and is read by lib/content.
      data: "_eleventy_data_unused",
      includes: "_includes_unused",
    },
  };
}
