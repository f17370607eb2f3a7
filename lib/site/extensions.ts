/**
 * Extension points: an office's web developer adds to or replaces parts of the shell from a folder of
 * their own (`extend/` at the project's root, or `CHAPAR_EXTEND`) instead of editing layouts/, so
 * Chapar's updates never conflict with their changes. The folder is the developer's, not the content
 * authors' (it is not under content/): its HTML is trusted and inserted as it is.
 *
 * Read once when the data set is made (never per page: 15,000 pages at 10,000 releases).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { raw, type SafeHtml } from "../render/html.ts";

/** The files an extension folder may hold, by the point they fill. */
export const EXTENSION_FILES = {
  /** Added at the end of every page's `<head>` (a verification `<meta>`, an analytics snippet). */
  head: "extend-head.html",
  /** Added at the end of Chapar's footer, on every page. */
  footerEnd: "extend-footer.html",
  /** Replaces Chapar's header (site name and navigation) on every page. */
  header: "header.html",
  /** Replaces Chapar's footer on every page (`extend-footer.html` is then not used). */
  footer: "footer.html",
} as const;

export type Extensions = Partial<Record<keyof typeof EXTENSION_FILES, SafeHtml>>;

/** The extension folder's files that exist, as trusted HTML; an absent folder means no extensions. */
export function loadExtensions(dir: string): Extensions {
  const extensions: Extensions = {};
  for (const [point, name] of Object.entries(EXTENSION_FILES) as [keyof typeof EXTENSION_FILES, string][]) {
    const file = path.join(dir, name);
    // A trailing newline is the editor's, not markup: pages stay free of blank lines it would add.
    if (existsSync(file)) extensions[point] = raw(readFileSync(file, "utf8").replace(/\s+$/, ""));
  }
  return extensions;
}
