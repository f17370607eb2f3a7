/**
 * `_redirects` (the file Netlify and Cloudflare Pages read beside `_headers`): a permanent redirect
 * from every URL an earlier Chapar gave a page to where the page is now (lib/site/moved-urls.ts), so
 * links already shared keep working. Made at every build from the content alone: the same content
 * gives the same file, and a site with nothing moved gets only the comment lines.
 *
 * Paths are written percent-encoded (ASCII), as browsers send them and as both hosts match them, with
 * the base path; each line is `from to 301`. Cloudflare Pages reads at most 2,000 static rules of at
 * most 1,000 characters each (docs/deploying.md).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { ChaparData } from "../site/data.ts";
import { type MovedUrl, movedUrls } from "../site/moved-urls.ts";
import { toUri, type Urls } from "../site/urls.ts";

/** The `_redirects` text for these moves of a site served at `urls.basePath`. */
export function redirectsFile(urls: Pick<Urls, "href">, moves: readonly MovedUrl[]): string {
  const lines = [
    "# Made by Chapar (lib/features/redirects.ts) at every build; don't edit it here.",
    "# Old URLs of pages whose address changed (a ZWNJ in a slug became '-', tags such as C++ spelled out),",
    "# so that links already shared keep working. Format: from to status (Netlify, Cloudflare Pages).",
  ];
  for (const { from, to } of moves) lines.push(`${toUri(urls.href(from))} ${toUri(urls.href(to))} 301`);
  return `${lines.join("\n")}\n`;
}

/** Eleventy plugin: writes `_redirects` into the output after every build. */
export function redirects(eleventyConfig: UserConfig, options: { data: ChaparData }): void {
  const { data } = options;
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    writeFileSync(path.join(directories.output, "_redirects"), redirectsFile(data.urls, movedUrls(data)));
  });
}
