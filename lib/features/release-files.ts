/**
 * Copies the files releases offer their readers — attachments (`attachments:`) and gallery photos
 * (`gallery:`) — from the content folder to `/media/<path in content>/` in the output, once per
 * build, for the releases that have a page in it (never for withheld drafts or scheduled ones).
 * The loader has already checked that every file exists and read its size.
 */
import { constants, mkdirSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { copyContentFile } from "../content/content-path.ts";
import type { ChaparData } from "../site/data.ts";
import { siteUrls } from "../site/urls.ts";

export interface Options {
  /**
   * Try a copy-on-write clone first (instant and space-free on btrfs, XFS or APFS); falls back to
   * an ordinary copy where the file system can't clone.
   */
  cloneFiles: boolean;
}

export const defaults: Options = { cloneFiles: true };

/** Content-relative paths of every attachment and gallery photo of the built releases, once each. */
export function releaseFiles(data: ChaparData): string[] {
  const files = new Set<string>();
  for (const { release } of [...data.model.releasePages, ...data.model.withdrawnPages]) {
    for (const a of release.attachments) files.add(a.file);
    for (const g of release.gallery) files.add(g.file);
  }
  return [...files].sort();
}

export function copyReleaseFiles(data: ChaparData, outputDir: string, options: Options = defaults): number {
  const files = releaseFiles(data);
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(outputDir, siteUrls.media(file));
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    // From the real path checked at this moment, never through a link swapped in since the content check.
    copyContentFile(data.content.contentDir, file, target, options.cloneFiles ? constants.COPYFILE_FICLONE : 0);
  }
  return files.length;
}

/** Eleventy plugin: after the pages are written, copy the releases' files next to them. */
export function releaseFilesPlugin(eleventyConfig: UserConfig, userOptions: { data: ChaparData } & Partial<Options>): void {
  const { data, ...rest } = userOptions;
  const options = { ...defaults, ...rest };
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    copyReleaseFiles(data, directories.output, options);
  });
}
