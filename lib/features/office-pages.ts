/**
 * The office's own pages (content/pages/*.md: «درباره‌ی ما», «تماس»…) as Eleventy Markdown templates.
 *
 * Releases stay in Chapar's data set (that is what makes 10,000 of them fast); a handful of pages is
 * what Eleventy is good at. The pages were read and validated with the content (lib/content/
 * office-pages.ts: paths kept inside the content folder, front matter checked, permalinks free), so
 * here each is handed to Eleventy as a virtual Markdown template, rendered by Chapar's markdown-it
 * (raw HTML off: a `<script>` in a page is shown, never run) inside a virtual JavaScript layout that
 * calls Chapar's base layout: same head, header, footer and typography as every other page. Eleventy
 * reports them among the pages it wrote, so the sitemap and the link check include them.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { chaparMarkdown } from "../content/markdown.ts";
import type { OfficePage } from "../content/office-pages.ts";
import type { ChaparData } from "../site/data.ts";

export interface Options {
  /** The data set: the pages (`content.officePages`) and everything the layout needs. */
  data: ChaparData;
  /** Folder, inside Eleventy's input folder, the pages are registered under (virtual: nothing is written there). */
  virtualDir: string;
  /** The layout: the page's whole HTML from its Markdown rendered (layouts/office-page.ts; lib/ doesn't import layouts/). */
  layout: (data: ChaparData, page: OfficePage, body: string) => string;
  /** File name of the virtual layout, inside Eleventy's layouts folder. */
  layoutName: string;
  /** Eleventy's includes (layouts) folder, relative to its input folder, as the config set it. */
  includesDir: string;
}

export const defaults: Omit<Options, "data" | "layout" | "includesDir"> = {
  virtualDir: "_office-pages",
  layoutName: "chapar-office-page.11ty.ts",
};

/** What Eleventy hands the layout: the page's own data and the Markdown rendered. */
interface LayoutData {
  content: string;
  officePage: string;
}

export function officePages(
  eleventyConfig: UserConfig,
  options: Partial<Options> & Pick<Options, "data" | "layout" | "includesDir">,
): void {
  const { data, layout, virtualDir, layoutName, includesDir } = { ...defaults, ...options };
  const pages = data.content.officePages;
  if (pages.length === 0) return;
  const byUrl = new Map<string, OfficePage>(pages.map((page) => [page.url, page]));

  eleventyConfig.addTemplateFormats("md");
  eleventyConfig.setLibrary("md", chaparMarkdown());
  // Eleventy turns indented code blocks off in any Markdown library it is given; releases have them.
  eleventyConfig.amendLibrary("md", (md: { enable(rule: string): unknown }) => md.enable("code"));

  // A virtual layout, in the layouts folder where Eleventy looks for it.
  eleventyConfig.addTemplate(`${includesDir}/${layoutName}`, {
    render({ content, officePage }: LayoutData) {
      return layout(data, byUrl.get(officePage)!, content);
    },
  });

  for (const page of pages) {
    // The body alone (its front matter was read by Chapar); a leading newline keeps a body that opens
    // with `---` (a rule) from being taken for front matter.
    eleventyConfig.addTemplate(`${virtualDir}/${page.file}`, `\n${page.body}`, {
      layout: layoutName,
      permalink: page.url,
      officePage: page.url,
      // Markdown only: no Liquid/Nunjucks run over an author's text.
      templateEngineOverride: "md",
      eleventyExcludeFromCollections: true,
      // markdown-it's env: root links get the base path; digits as the site wants (lib/content/markdown.ts).
      basePath: data.urls.basePath,
      textTransforms: { persianDigits: data.site.persianDigits },
    });
  }
}
