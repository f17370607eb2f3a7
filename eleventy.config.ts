/**
 * Chapar's Eleventy configuration. Releases do not enter Eleventy as templates: they are read,
 * validated, rendered and dated once (lib/content) into one data set (lib/site), built completely —
 * assets included — before Eleventy starts, and handed to every plugin here as `{ data }`. The page
 * templates in layouts/pages make their pages from that data set's precomputed arrays. See ARCHITECTURE.md.
 *
 * `npm run build` and the dev server call `chaparConfig(data, options)` with a data set they made
 * (lib/site/eleventy.ts); a plain `npx @11ty/eleventy` run uses the default export, which makes it.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { copyContentFile } from "./lib/content/content-path.ts";
import { writeOutputFiles } from "./lib/features/asset-files.ts";
import { editor, editorCsp } from "./lib/features/editor.ts";
import { defaults as headerDefaults, headers } from "./lib/features/headers.ts";
import { redirects } from "./lib/features/redirects.ts";
import { pageWriter, type PageObserver, type PageWriterOptions } from "./lib/features/page-writer.ts";
import { feeds } from "./lib/features/feeds.ts";
import { officePages } from "./lib/features/office-pages.ts";
import { sitemap } from "./lib/features/sitemap.ts";
import { releaseFilesPlugin } from "./lib/features/release-files.ts";
import { logoFile } from "./lib/features/seo.ts";
import type { ChaparData } from "./lib/site/data.ts";
import { loadPageTemplates, pageRoutes } from "./lib/site/pages.ts";
import type { PageReuse } from "./lib/cache/page-reuse.ts";
import { prepareChaparData } from "./lib/site/prepare.ts";
import { chaparSettings } from "./lib/site/settings.ts";
import { officePageLayout } from "./layouts/office-page.ts";

export interface ChaparConfigOptions {
  /** Where the site is written (a build writes into a staging folder, then swaps it into place). */
  outputDir: string;
  /** Who writes Chapar's pages (lib/features/page-writer.ts); `CHAPAR_PAGE_WRITER`, else `write`, when absent. */
  pageWriter?: PageWriterOptions["mode"];
  /** Sees the pages as they are rendered (the search step), so they need not be read back from disk. */
  pageObserver?: PageObserver;
  /** Release pages the previous output already holds (lib/cache/page-reuse.ts): the build's incremental seam. */
  pageReuse?: PageReuse;
}

/** The folder of Chapar's page templates: Eleventy's input folder. */
const TEMPLATES_DIR = "layouts/pages";
/** Eleventy's includes folder, inside the input folder: only virtual layouts live there (lib/features/office-pages.ts). */
const INCLUDES_DIR = "_includes_unused";
/** The project: templates and assets are found relative to it, whatever the working directory. */
const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Eleventy's configuration function for a build of `data`. */
export function chaparConfig(data: ChaparData, options: ChaparConfigOptions) {
  return async (eleventyConfig: UserConfig): Promise<void> => {
    // Folders given through the configuration API: they outrank the Eleventy constructor's arguments.
    // Eleventy's own data and includes folders are unused: office data lives in content/_data and is
    // read by lib/content; partials are TypeScript functions (layouts/partials).
    eleventyConfig.setInputDirectory(TEMPLATES_DIR);
    eleventyConfig.setOutputDirectory(options.outputDir);
    eleventyConfig.setDataDirectory("_eleventy_data_unused");
    eleventyConfig.setIncludesDirectory(INCLUDES_DIR);

    // Page templates are TypeScript modules (`.11ty.ts`), run as 11ty.js through tsx.
    eleventyConfig.addExtension("11ty.ts", { key: "11ty.js" });
    eleventyConfig.setTemplateFormats(["11ty.ts"]);
    eleventyConfig.setQuietMode(true);

    // The one data set every template reads as `chapar`.
    eleventyConfig.addGlobalData("chapar", () => data);
    // Every page Chapar's templates make, with its own metadata (lastModified, noindex): computed once.
    const { pages: templates } = await loadPageTemplates(ROOT, TEMPLATES_DIR);
    const routes = pageRoutes(data, templates);

    // Chapar's page templates are rendered and written by Chapar itself, not paginated by Eleventy (speed).
    eleventyConfig.addPlugin(pageWriter, {
      data,
      templates,
      routes,
      ...(options.pageWriter ? { mode: options.pageWriter } : {}),
      ...(options.pageObserver ? { observer: options.pageObserver } : {}),
      ...(options.pageReuse ? { reuse: options.pageReuse } : {}),
    });
    // The office's own pages (content/pages/*.md): Eleventy Markdown templates in Chapar's layout.
    eleventyConfig.addPlugin(officePages, { data, layout: officePageLayout, includesDir: INCLUDES_DIR });
    // `_headers` for Netlify / Cloudflare Pages: caching and security headers, base path included.
    eleventyConfig.addPlugin(headers, { data, cspAdditions: [...headerDefaults.cspAdditions, ...editorCsp(data)] });
    // The web editor at /admin/ (site.json "editor"; docs/editor.md): outside every page list, noindex.
    eleventyConfig.addPlugin(editor, { data });
    // `_redirects` beside it: old URLs of pages whose address changed, so shared links keep working.
    eleventyConfig.addPlugin(redirects, { data });
    // Atom and JSON feeds for the site and each category.
    eleventyConfig.addPlugin(feeds, { data, entries: 20 });
    // Sitemaps (with each page's lastModified, without noindex pages) and robots.txt.
    eleventyConfig.addPlugin(sitemap, { data, routes, newsWindowHours: 48 });
    // Attachments and gallery photos of the built releases, copied under /media/.
    eleventyConfig.addPlugin(releaseFilesPlugin, { data });

    // The assets built with the data set (stylesheet, fonts, icon, image renditions) and the
    // organisation's logo, published as it is under /media/ (og:image, JSON-LD and feeds point to it).
    // Lead images are published only as their renditions (lib/features/images.ts), never as originals.
    eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
      const out = directories.output;
      writeOutputFiles(out, data.assets.files);
      const logo = logoFile(data.site);
      if (logo) {
        mkdirSync(path.dirname(path.join(out, "media", logo)), { recursive: true });
        copyContentFile(data.content.contentDir, logo, path.join(out, "media", logo));
      }
    });

    // A watching Eleventy (`npx @11ty/eleventy --serve`) rebuilds after changes to the content or assets.
    eleventyConfig.addWatchTarget(data.content.contentDir);
    eleventyConfig.addWatchTarget("assets/");
  };
}

/** For a plain `npx @11ty/eleventy` run: prepares the data set from the environment's settings, then configures. */
export default async function (eleventyConfig: UserConfig): Promise<void> {
  const settings = chaparSettings();
  const data = await prepareChaparData(settings);
  await chaparConfig(data, { outputDir: settings.outputDir })(eleventyConfig);
}
