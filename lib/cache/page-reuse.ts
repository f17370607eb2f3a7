/**
 * Incremental pages: the one place a build reuses what the previous build wrote. A release page whose
 * inputs are unchanged is not rendered again: the previous output's file is hard-linked into the new
 * site (a copy where links can't be made), after checking that file is still the one that build wrote.
 *
 * Why only release pages: they are two thirds of a 10,000-release site's pages and of its rendering
 * time (docs/notes/performance.md item 45), and their inputs are few and known — the release, its
 * neighbours and related releases (each by digest), its category and tags (not their release lists,
 * which a release page doesn't show: the one thing the fingerprint assumes of the templates; any change
 * to them changes the code key and renders every page), their publishing status, and what every page shares (code and
 * `_data/` through the build cache's key, the assets, extensions and office pages). List pages show
 * many releases each and change with any of them: they are rendered every time (cheap, and simpler
 * than tracking them).
 *
 * Never stale, never altered:
 * - a release's digest is its file's content hash (which fixes its rendered body: the build cache's
 *   memo of the body is keyed by it under the same code and data key) and everything else of the
 *   release as JSON (dates, files it names and their sizes, inline images);
 * - a page is reused only when its fingerprint equals the one recorded for the file the previous build
 *   wrote, and that file's size and modification time (to the nanosecond) are still the recorded ones (any
 *   write to it changes the time). A file that doesn't match is rendered again;
 * - the manifest carries its own digest, is keyed by the cache's code and data key, and is a miss when
 *   it doesn't check out (lib/cache/integrity.ts);
 * - the previous output is never written to: the new site links its files; a page rendered again is a
 *   new file (never written into a linked inode), and the swap replaces the folder as a whole;
 * - `CHAPAR_CACHE=off` turns it off: every page is rendered (the cold build the tests compare with).
 */
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import type { Release } from "../content/load.ts";
import type { ReleasePage } from "../site/collections.ts";
import type { ChaparData } from "../site/data.ts";
import type { PageRoute } from "../site/pages.ts";
import { fileHash, type BuildCache } from "./cache.ts";
import { digestOf } from "./integrity.ts";

/** Version of the manifest's layout. */
const FORMAT = "chapar-pages-2";

/**
 * A page as the previous build wrote it: fingerprint of its inputs, and its file's size and modification
 * time (ns). Not the inode: a CI cache restores files with their times but new inodes, and a time to the
 * nanosecond already names one write of one file (any later write changes it).
 */
type ManifestEntry = [fingerprint: string, size: number, mtimeNs: string];

export interface PageReuse {
  /** The fingerprint of a page's inputs, or undefined when it is always rendered (not a release page). */
  fingerprint(route: PageRoute): string | undefined;
  /** The previous output's file for `rel` when it was made from inputs with this fingerprint and is unaltered. */
  previousFile(rel: string, fingerprint: string): string | undefined;
  /** A page of this build: reused (linked from the previous output) or written. */
  record(rel: string, fingerprint: string | undefined, reused: boolean): void;
  /** Writes the manifest of the new site, once it is in the output's place (pages written are stat-ed there). */
  save(): void;
  /** Counts, for the timings line. */
  readonly stats: { reused: number; rendered: number };
}

/** Renders everything, remembers nothing (the dev server, `CHAPAR_CACHE=off`, tests of the writer). */
export const NO_PAGE_REUSE: PageReuse = {
  fingerprint: () => undefined,
  previousFile: () => undefined,
  record() {},
  save() {},
  stats: { reused: 0, rendered: 0 },
};

export interface PageReuseOptions {
  /** The build cache of the content folder: where the manifest lives, and the code and data key. */
  cache: BuildCache;
  /** The output folder (the swap's target): the previous build's site, and after the swap this build's. */
  previousOutput: string;
  /** The build's data set. */
  data: ChaparData;
  contentDir: string;
}

/**
 * Encodes the values a fingerprint covers: Maps and Sets as their entries, bytes as their digest, a
 * release by its digest and status. A nested list of releases (a category's, a tag's) is left out: a
 * release page shows its category's and tags' names and addresses, not their lists nor their sizes —
 * with them, one new release would re-render every page of its category and tags (a quarter of the site).
 */
function fingerprintJson(value: unknown, releaseKey: (r: Release) => string | undefined): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, encoded: unknown) {
    const original = this[key];
    if (original instanceof Map) return [...original];
    if (original instanceof Set) return [...original];
    if (original instanceof Uint8Array) return digestOf(original);
    if (key === "releases" && Array.isArray(original)) return undefined;
    if (typeof original === "object" && original !== null && key !== "") {
      const released = releaseKey(original as Release);
      if (released !== undefined) return released;
    }
    return encoded;
  });
}

function isReleasePage(entry: unknown): entry is ReleasePage {
  return typeof entry === "object" && entry !== null && "release" in entry && "status" in entry && "related" in entry;
}

export function openPageReuse({ cache, previousOutput, data, contentDir }: PageReuseOptions): PageReuse {
  if (!cache.enabled) return NO_PAGE_REUSE;
  const manifestFile = path.join(cache.folder, "pages.manifest");
  const codeKey = cache.codeAndDataKey;
  const previous = readManifest(manifestFile, codeKey);
  const next = new Map<string, ManifestEntry>();
  const written: { rel: string; fingerprint: string }[] = [];
  const stats = { reused: 0, rendered: 0 };

  const digests = new Map<Release, string>();
  const { statusOf } = data.model;
  const releaseDigest = (release: Release): string => {
    let digest = digests.get(release);
    if (digest === undefined) {
      const { html: _body, ...rest } = release; // fixed by the file's hash (see above)
      digest = digestOf(
        fileHash(path.join(contentDir, release.file)),
        fingerprintJson(rest, () => undefined),
      );
      digests.set(release, digest);
    }
    return digest;
  };
  const releaseKey = (value: Release): string | undefined =>
    typeof value.file === "string" && typeof value.html === "string" && typeof value.url === "string"
      ? `release:${releaseDigest(value)}:${statusOf.get(value.url) ?? ""}`
      : undefined;
  // What every page shares besides code and `_data/` (in the cache's key).
  const { assets, content } = data;
  const shared = digestOf(
    FORMAT,
    codeKey,
    fingerprintJson(
      {
        site: data.site,
        categories: data.categories,
        assets: { stylesheet: assets.stylesheet, preloadFonts: assets.preloadFonts, favicon: assets.favicon, images: assets.images },
        extensions: data.extensions,
        preview: data.preview,
        officePages: content.officePages,
      },
      releaseKey,
    ),
  );

  return {
    stats,
    fingerprint(route) {
      if (!isReleasePage(route.entry)) return undefined;
      return digestOf(shared, route.template.file, route.url, fingerprintJson(route.entry, releaseKey));
    },
    previousFile(rel, fingerprint) {
      const entry = previous.get(rel);
      if (entry === undefined || entry[0] !== fingerprint) return undefined;
      const file = path.join(previousOutput, rel);
      try {
        const st = statSync(file, { bigint: true });
        if (!st.isFile() || Number(st.size) !== entry[1] || String(st.mtimeNs) !== entry[2]) return undefined;
      } catch {
        return undefined;
      }
      return file;
    },
    record(rel, fingerprint, reused) {
      if (reused) {
        stats.reused++;
        next.set(rel, previous.get(rel)!);
        return;
      }
      stats.rendered++;
      if (fingerprint !== undefined) written.push({ rel, fingerprint });
    },
    save() {
      for (const { rel, fingerprint } of written) {
        try {
          const st = statSync(path.join(previousOutput, rel), { bigint: true });
          next.set(rel, [fingerprint, Number(st.size), String(st.mtimeNs)]);
        } catch {
          // not there: not recorded (rendered next time)
        }
      }
      writeManifest(manifestFile, codeKey, next);
    },
  };
}

/** The manifest's text: a digest line, then `{ format, key, pages }` as JSON. */
function readManifest(file: string, codeKey: string): Map<string, ManifestEntry> {
  try {
    const text = readFileSync(file, "utf8");
    const newline = text.indexOf("\n");
    const body = text.slice(newline + 1);
    if (newline < 0 || text.slice(0, newline) !== digestOf(body)) return new Map();
    const parsed = JSON.parse(body) as { format?: unknown; key?: unknown; pages?: unknown };
    if (parsed.format !== FORMAT || parsed.key !== codeKey || typeof parsed.pages !== "object" || parsed.pages === null) return new Map();
    return new Map(Object.entries(parsed.pages as Record<string, ManifestEntry>));
  } catch {
    return new Map();
  }
}

function writeManifest(file: string, codeKey: string, pages: Map<string, ManifestEntry>): void {
  const body = JSON.stringify({ format: FORMAT, key: codeKey, pages: Object.fromEntries(pages) });
  mkdirSync(path.dirname(file), { recursive: true });
  // Written beside and renamed: a kill leaves the old manifest or the new one, never half of one.
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, `${digestOf(body)}\n${body}`);
  renameSync(temporary, file);
}

/** Puts the previous build's `from` at `to` in the new site: a hard link, or a copy where there can be none. */
export function linkPreviousFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP" && code !== "EMLINK") throw e;
    copyFileSync(from, to);
  }
}
