/**
 * The site stylesheet: `assets/css/main.css` (and what it imports) bundled into one file whose name
 * carries a hash of its content, so hosts can cache it forever.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface StylesheetOptions {
  /** Entry CSS file. */
  entry: string;
}

export const defaults: StylesheetOptions = { entry: "assets/css/main.css" };

export interface BuiltStylesheet {
  /** Site path, e.g. `/assets/main.3f2a9c1b.css`. */
  sitePath: string;
  css: string;
}

/** Inlines `@import "x.css";` lines (relative to the importing file), depth-first, once each. */
function bundle(file: string, seen: Set<string>): string {
  if (seen.has(file)) return "";
  seen.add(file);
  return readFileSync(file, "utf8").replace(/^@import\s+["']([^"']+)["'];?\s*$/gm, (_, rel: string) => bundle(path.resolve(path.dirname(file), rel), seen));
}

export function buildStylesheet(options: Partial<StylesheetOptions> = {}): BuiltStylesheet {
  const { entry } = { ...defaults, ...options };
  const css = bundle(path.resolve(entry), new Set());
  const hash = createHash("sha256").update(css).digest("hex").slice(0, 10);
  return { sitePath: `/assets/main.${hash}.css`, css };
}
