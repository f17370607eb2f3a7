/**
 * Link check over a built site: every internal URL in every file of the output must lead to a built
 * file — page links, images (`src` and each `srcset` candidate), stylesheets, scripts, form actions,
 * CSS `url()`s, and every absolute URL of the site itself wherever it appears (canonical links,
 * Open Graph, JSON-LD, feeds, sitemaps, robots.txt). Fragments (`#main`) must name an `id` in the page.
 * External URLs are not fetched (nothing leaves the machine); they are only told apart. Under a base
 * path (`https://example.ir/press/`), absolute URLs elsewhere on the host belong to another site.
 *
 * The output is read as text with patterns, not parsed into a DOM: Chapar writes its own markup
 * (attributes always double-quoted), and a 10,000-page site must be checkable in seconds.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface LinkCheckOptions {
  /** The site's URL with its base path, as in site.json: `https://example.ir/press/`. */
  siteUrl: string;
  /** Files not checked (relative to the output, `/` separators): host config, not served. */
  skipFiles: readonly string[];
  /** File types read for URLs. */
  textExtensions: readonly string[];
  /** Check that `#fragment`s name an element id in the target page. */
  fragments: boolean;
}

export const defaults: Omit<LinkCheckOptions, "siteUrl"> = {
  skipFiles: ["_headers", "_redirects"],
  textExtensions: [".html", ".xml", ".json", ".txt", ".css", ".webmanifest"],
  fragments: true,
};

export interface BrokenLink {
  /** The file the URL is in, relative to the output. */
  file: string;
  url: string;
  /** Why it fails, in English (for test output). */
  reason: string;
}

export interface LinkCheckResult {
  /** Files read. */
  files: number;
  /** Internal URLs checked (each occurrence). */
  checked: number;
  broken: BrokenLink[];
}

const ATTRIBUTE_URL = /\s(href|src|srcset|action|poster)="([^"]*)"/g;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g;
const ID = /\sid="([^"]*)"/g;
const ENTITY = /&(amp|quot|#39|apos|lt|gt);/g;
const ENTITIES: Record<string, string> = { amp: "&", quot: '"', "#39": "'", apos: "'", lt: "<", gt: ">" };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, name: string) => ENTITIES[name] ?? _);
}

function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/** The URL path a file is served at (`tag/x/index.html` → `/press/tag/x/`). */
function servedAt(basePath: string, file: string): string {
  return `${basePath}${file.endsWith("index.html") ? file.slice(0, -"index.html".length) : file}`;
}

export function checkLinks(outputDir: string, options: Partial<LinkCheckOptions> & { siteUrl: string }): LinkCheckResult {
  const o = { ...defaults, ...options };
  const site = new URL(o.siteUrl);
  const basePath = site.pathname.endsWith("/") ? site.pathname : `${site.pathname}/`;
  const siteRoot = `${site.origin}${basePath}`;
  // Ends at a quote, bracket, space or backslash (JSON), or an escaped quote or bracket (HTML inside XML).
  const absolutePattern = new RegExp(
    `${escapeRegExp(site.origin)}${escapeRegExp(encodeURI(basePath))}(?:(?!&(?:quot|lt|gt|#39|#34|apos);)[^\\s"'<>)\\\\])*`,
    "g",
  );

  const files = listFiles(outputDir).filter((f) => !o.skipFiles.includes(f));
  const fileSet = new Set(files);
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idsCache.get(file);
    if (!ids) {
      ids = new Set([...readFileSync(path.join(outputDir, file), "utf8").matchAll(ID)].map((m) => decodeEntities(m[1]!)));
      idsCache.set(file, ids);
    }
    return ids;
  };

  /** The built file a same-site URL path leads to, or why there is none. */
  const target = (urlPath: string): { file: string } | { reason: string } => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return { reason: "malformed percent-encoding" };
    }
    if (!decoded.startsWith(basePath)) return { reason: `outside the base path ${basePath}` };
    const rel = decoded.slice(basePath.length);
    if (rel === "" || rel.endsWith("/")) {
      const index = `${rel}index.html`;
      return fileSet.has(index) ? { file: index } : { reason: `no ${index}` };
    }
    if (fileSet.has(rel)) return { file: rel };
    if (existsSync(path.join(outputDir, rel)) && statSync(path.join(outputDir, rel)).isDirectory()) {
      return fileSet.has(`${rel}/index.html`) ? { file: `${rel}/index.html` } : { reason: `folder without index.html` };
    }
    return { reason: "no such file" };
  };

  const broken: BrokenLink[] = [];
  let checked = 0;
  let read = 0;

  for (const file of files) {
    const ext = path.extname(file).toLowerCase();
    if (!o.textExtensions.includes(ext)) continue;
    read++;
    const text = readFileSync(path.join(outputDir, file), "utf8");
    const pageUrl = new URL(servedAt(basePath, file), site.origin);
    const check = (raw: string, kind: "relative" | "absolute") => {
      const value = decodeEntities(raw.trim());
      if (value === "" || /^(mailto|tel|data|javascript|sms):/i.test(value)) return;
      if (
        kind === "relative" &&
        file === "404.html" &&
        !value.startsWith("/") &&
        !value.startsWith("#") &&
        !/^[a-z][a-z0-9+.-]*:/i.test(value)
      ) {
        // The 404 page is served at every missing URL: a relative link would resolve differently each time.
        broken.push({ file, url: value, reason: "relative URL in the 404 page" });
        return;
      }
      let url: URL;
      try {
        url = new URL(value, pageUrl);
      } catch {
        broken.push({ file, url: value, reason: "not a URL" });
        return;
      }
      if (url.origin !== site.origin) return; // external
      // Under a base path, the rest of the host is another site (the office's own): an absolute link
      // there is external. A relative or root-relative one, though, is a page of ours that forgot the base path.
      if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !url.pathname.startsWith(encodeURI(basePath)) && !url.pathname.startsWith(basePath)) return;
      checked++;
      const found = target(url.pathname);
      if ("reason" in found) {
        broken.push({ file, url: value, reason: found.reason });
        return;
      }
      // Fragments of links only: an absolute URL elsewhere may be an identifier (JSON-LD `@id`: `…/#organization`).
      if (o.fragments && kind === "relative" && url.hash.length > 1 && found.file.endsWith(".html")) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!idsOf(found.file).has(id)) broken.push({ file, url: value, reason: `no element with id "${id}" in ${found.file}` });
      }
    };

    if (ext === ".html") {
      for (const [, attribute, value] of text.matchAll(ATTRIBUTE_URL)) {
        if (attribute === "srcset") for (const candidate of value!.split(",")) check(candidate.trim().split(/\s+/)[0] ?? "", "relative");
        else check(value!, "relative");
      }
    }
    if (ext === ".css" || ext === ".html") {
      for (const m of text.matchAll(CSS_URL)) check(m[1] ?? m[2] ?? m[3] ?? "", "relative");
    }
    // Absolute URLs of this site anywhere in the file (canonical, og:image, JSON-LD, feeds, sitemaps).
    for (const m of text.matchAll(absolutePattern)) {
      const match = m[0];
      // Already checked above as an attribute value.
      if (ext === ".html" && /\s(?:href|src|action|poster)="$/.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
      if (match.startsWith(siteRoot) || match.startsWith(`${site.origin}${encodeURI(basePath)}`)) check(match, "absolute");
    }
  }
  return { files: read, checked, broken };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One line per broken link, for test failures and reports. */
export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return broken.map((b) => `${b.file}: ${b.url} — ${b.reason}`).join("\n");
}
