/**
 * The site icon. Without a `<link rel="icon">` every browser asks for `/favicon.ico` at the host's
 * root: on a static host that is a 404 and a console error on a reader's first visit (Lighthouse's
 * Best Practices counts it), and under a base path (`/press/`) a request outside the site.
 *
 * The office's own icon is used when its content folder has one at the top (`favicon.svg`,
 * `favicon.png` or `favicon.ico`, first found wins); otherwise Chapar's plain envelope icon. It is
 * published under `/assets/` with a content hash in its name (cached for a year like the other
 * assets) and linked from every page's head.
 */
import { existsSync, lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { readContentFile } from "../content/content-path.ts";
import { ContentError } from "../content/errors.ts";
import { unsafeSvgBytesProblem } from "../content/svg-safety.ts";
import { contentHash, fromProject, type OutputFile } from "./asset-files.ts";

export interface FaviconOptions {
  /** The office's content folder, where its own icon may be. */
  contentDir: string;
  /** File names looked for at the top of the content folder, in order. */
  candidates: readonly string[];
  /** Chapar's default icon (project-relative). */
  fallback: string;
  /** Site folder of the published icon. */
  sitePath: string;
}

export const defaults: FaviconOptions = {
  contentDir: "content",
  candidates: ["favicon.svg", "favicon.png", "favicon.ico"],
  fallback: "assets/icons/favicon.svg",
  sitePath: "/assets/",
};

/** Media types by extension, for the `<link rel="icon" type>` attribute. */
const TYPES: Record<string, string> = { ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon" };

export interface BuiltFavicon {
  /** e.g. `/assets/favicon.3f2a9c1b7d.svg` */
  sitePath: string;
  /** Its media type (`image/svg+xml`). */
  type: string;
  files: OutputFile[];
}

export function buildFavicon(options: Partial<FaviconOptions> = {}): BuiltFavicon {
  const o = { ...defaults, ...options };
  // A candidate that is a link leading out of the content folder is refused here too (the content
  // check reports it first): the icon is read from the real path that was checked.
  const own = o.candidates.find((name) => existsSync(path.resolve(o.contentDir, name)) || isLink(path.resolve(o.contentDir, name)));
  const source = own ?? fromProject(o.fallback);
  const ext = path.extname(source).toLowerCase();
  const type = TYPES[ext];
  if (!type) throw new Error(`favicon: unsupported file type ${ext} (${source})`);
  const bytes = own === undefined ? readFileSync(source) : readContentFile(o.contentDir, own);
  // The office's own icon is a content file: one that could run code is refused like any content SVG.
  const unsafe = own === undefined || ext !== ".svg" ? undefined : unsafeSvgBytesProblem(bytes, own);
  if (unsafe !== undefined) throw new ContentError([{ file: own!, message: unsafe, severity: "error" }], { contentDir: o.contentDir });
  const sitePath = `${o.sitePath}favicon.${contentHash([bytes])}${ext}`;
  return { sitePath, type, files: [{ sitePath, contents: bytes }] };
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
