/**
 * Release images — the lead image (`image`) and the images in the body — made into responsive
 * `<picture>`s by @11ty/eleventy-img: AVIF, WebP and JPEG at several widths (never upscaled), with
 * `width`/`height` so the page doesn't jump while they load, lazy below the fold, caption and credit
 * underneath. Runs once per build over the releases being published, before any page is rendered.
 *
 * Encoding is the slow part, so each source image is encoded once, ever: the files and a manifest go to
 * `.cache/images/`, keyed by a hash of the image's bytes, the options and the tools' versions; a later
 * build reads the manifest and copies the files. Output names carry that key (content-addressed), so
 * they can be cached for a year and the same input always gives the same files.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkedContentPath } from "../content/content-path.ts";
import type { Release } from "../content/load.ts";
import { imageMarker } from "../content/markdown.ts";
import { html, type SafeHtml } from "../render/html.ts";
import type { ChaparData } from "../site/data.ts";
import { contentHash, fromProject, writeFileAtomic, type OutputFile } from "./asset-files.ts";

export type ImageFormat = "avif" | "webp" | "jpeg";

export interface ImageOptions {
  /** Widths to make, in CSS pixels; an image narrower than one is not enlarged (its own width is used). */
  widths: number[];
  /** Formats, best first; the last is the `<img>` fallback every browser shows. */
  formats: ImageFormat[];
  /** `sizes` attribute: how wide the picture is shown (the release column, less its padding). */
  sizes: string;
  /** Site folder of the made files. */
  sitePath: string;
  /** Where made files and their manifests are kept between builds. */
  cacheDir: string;
  /** How many images are encoded at once. */
  concurrency: number;
}

export const defaults: ImageOptions = {
  widths: [480, 960, 1440],
  formats: ["avif", "webp", "jpeg"],
  sizes: "(min-width: 42rem) 40rem, calc(100vw - 2rem)",
  sitePath: "/assets/images/",
  cacheDir: ".cache/images",
  concurrency: 4,
};

export interface Rendition {
  format: ImageFormat;
  /** MIME type for `<source type>`. */
  type: string;
  width: number;
  height: number;
  /** File name in the cache and in the output folder. */
  name: string;
}

export interface ProcessedImage {
  /** Site path of each rendition is `sitePath + name`. */
  sitePath: string;
  /** Renditions per format, narrowest first, in the options' format order. */
  renditions: Rendition[];
  /** Intrinsic size of the widest rendition. */
  width: number;
  height: number;
}

interface Manifest {
  renditions: Rendition[];
}

const MIME: Record<ImageFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" };

let versions: string | undefined;
function toolVersions(): string {
  versions ??= ["@11ty/eleventy-img", "sharp"]
    .map((pkg) => {
      try {
        return `${pkg}@${(JSON.parse(readFileSync(fromProject(`node_modules/${pkg}/package.json`), "utf8")) as { version: string }).version}`;
      } catch {
        return `${pkg}@?`;
      }
    })
    .join(",");
  return versions;
}

/**
 * Hashing every image's bytes at every build would read the whole media library each time. The key of
 * a file whose path, size and modification time are unchanged is remembered instead (as make does):
 * `.cache/images/keys.json`, written back by prepareReleaseImages.
 */
const knownKeys = new Map<string, Map<string, string>>();
/** The entries this process looked up: only they are written back, so the index doesn't grow forever. */
const usedKeys = new Map<string, Map<string, string>>();
function keysFor(cacheDir: string): Map<string, string> {
  let keys = knownKeys.get(cacheDir);
  if (!keys) {
    keys = new Map();
    try {
      for (const [k, v] of Object.entries(JSON.parse(readFileSync(path.join(cacheDir, "keys.json"), "utf8")) as Record<string, string>))
        keys.set(k, v);
    } catch {
      // No index yet (or a broken one): keys are computed from the bytes.
    }
    knownKeys.set(cacheDir, keys);
  }
  return keys;
}

/** Makes (or reads from the cache) the renditions of one image file. */
export async function processImage(absoluteFile: string, options: Partial<ImageOptions> = {}): Promise<ProcessedImage> {
  const o = { ...defaults, ...options };
  const settings = JSON.stringify({ widths: o.widths, formats: o.formats, tools: toolVersions() });
  const stat = statSync(absoluteFile);
  const statKey = `${absoluteFile}|${stat.size}|${stat.mtimeMs}|${settings}`;
  const cacheDir = fromProject(o.cacheDir);
  const keys = keysFor(cacheDir);
  let key = keys.get(statKey);
  if (key === undefined) {
    key = contentHash([readFileSync(absoluteFile), settings], 16);
    keys.set(statKey, key);
  }
  if (!usedKeys.has(cacheDir)) usedKeys.set(cacheDir, new Map());
  usedKeys.get(cacheDir)!.set(statKey, key);
  const manifestFile = path.join(cacheDir, `${key}.json`);
  let manifest: Manifest | undefined;
  if (existsSync(manifestFile)) {
    manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    if (!manifest.renditions.every((r) => existsSync(path.join(cacheDir, "files", r.name)))) manifest = undefined;
  }
  if (!manifest) {
    const { default: Image } = await import("@11ty/eleventy-img");
    const stats = await Image(absoluteFile, {
      widths: o.widths,
      formats: o.formats,
      dryRun: true,
      urlPath: "/",
      outputDir: path.join(cacheDir, "files"),
      fixOrientation: true,
      filenameFormat: (_id, _src, width, format) => `${key.slice(0, 12)}-${width}.${format}`,
    });
    const renditions: Rendition[] = [];
    for (const format of o.formats) {
      for (const stat of stats[format] ?? []) {
        const name = `${key.slice(0, 12)}-${stat.width}.${format === "jpeg" ? "jpg" : format}`;
        if (!stat.buffer) throw new Error(`eleventy-img returned no data for ${absoluteFile} (${format} ${stat.width})`);
        // Files first, the manifest last: a reader that finds the manifest finds every file.
        writeFileAtomic(path.join(cacheDir, "files", name), stat.buffer);
        renditions.push({ format, type: MIME[format], width: stat.width, height: stat.height, name });
      }
    }
    manifest = { renditions };
    writeFileAtomic(manifestFile, JSON.stringify(manifest));
  }
  const widest = manifest.renditions.reduce((a, b) => (b.width > a.width ? b : a));
  return { sitePath: o.sitePath, renditions: manifest.renditions, width: widest.width, height: widest.height };
}

/** The cache files behind an image's renditions, as files to copy into the output. */
export function imageOutputFiles(image: ProcessedImage, options: Partial<ImageOptions> = {}): OutputFile[] {
  const cacheDir = fromProject(options.cacheDir ?? defaults.cacheDir);
  return image.renditions.map((r) => ({ sitePath: `${image.sitePath}${r.name}`, from: path.join(cacheDir, "files", r.name) }));
}

export interface PictureOptions {
  alt: string;
  /** The first thing on the page (the lead image): load at once, with high priority. */
  eager?: boolean;
  sizes?: string;
  /** Site path → href (the base path): `chapar.urls.href`. */
  href: (sitePath: string) => string;
  className?: string;
}

/** `<picture>` with one `<source>` per extra format and an `<img>` in the last format. */
export function pictureHtml(image: ProcessedImage, options: PictureOptions): SafeHtml {
  const sizes = options.sizes ?? defaults.sizes;
  const byFormat = new Map<ImageFormat, Rendition[]>();
  for (const r of image.renditions) byFormat.set(r.format, [...(byFormat.get(r.format) ?? []), r]);
  const formats = [...byFormat.keys()];
  const fallbackFormat = formats[formats.length - 1]!;
  const fallback = byFormat.get(fallbackFormat)!;
  const srcset = (list: Rendition[]) => list.map((r) => `${options.href(`${image.sitePath}${r.name}`)} ${r.width}w`).join(", ");
  const widest = fallback[fallback.length - 1]!;
  const loading = options.eager ? html` fetchpriority="high"` : html` loading="lazy" decoding="async"`;
  return html`<picture${options.className ? html` class="${options.className}"` : ""}>${formats
    .slice(0, -1)
    .map((f) => html`<source type="${MIME[f]}" srcset="${srcset(byFormat.get(f)!)}" sizes="${sizes}">`)}<img src="${options.href(
    `${image.sitePath}${widest.name}`,
  )}" srcset="${srcset(fallback)}" sizes="${sizes}" width="${image.width}" height="${image.height}" alt="${options.alt}"${loading}></picture>`;
}

export interface FigureOptions extends PictureOptions {
  caption?: string | undefined;
  credit?: string | undefined;
  /** Shown before the credit, e.g. «عکس:». */
  creditLabel: string;
}

/** A `<figure>`: the picture, then its caption and credit (if any) underneath. */
export function figureHtml(image: ProcessedImage, options: FigureOptions): SafeHtml {
  const { caption, credit } = options;
  return html`<figure${options.className ? html` class="${options.className}"` : ""}>${pictureHtml(image, { ...options, className: undefined })}${
    caption || credit
      ? html`<figcaption>${caption ?? ""}${caption && credit ? " " : ""}${credit ? html`<span class="image-credit">${options.creditLabel} ${credit}</span>` : ""}</figcaption>`
      : ""
  }</figure>`;
}

/** Images a release shows (lead, inline and gallery photos), as content paths. */
function imagesOf(release: Release): string[] {
  return [
    ...(release.image ? [release.image.file] : []),
    ...(release.inlineImages ?? []).map((i) => i.file),
    ...release.gallery.map((g) => g.file),
  ];
}

export interface PreparedImages {
  /** Processed images by content path. */
  images: Map<string, ProcessedImage>;
  /** Files to copy into the output. */
  files: OutputFile[];
}

/**
 * Processes every image of the releases this build publishes (each file once), stores them in
 * `chapar.assets.images`, and replaces the inline-image markers in each release's HTML with figures
 * (an image alone in its paragraph) or inline pictures. Call once per build, before pages render.
 */
export async function prepareReleaseImages(
  chapar: ChaparData,
  options: Partial<ImageOptions> & { creditLabel: string },
): Promise<PreparedImages> {
  const o = { ...defaults, ...options };
  const contentDir = chapar.content.contentDir;
  // Every release that gets a page: the published ones (in dev also drafts and scheduled) and withdrawn ones.
  const releases = [...chapar.model.releasePages, ...chapar.model.withdrawnPages].map((p) => p.release);
  const wanted = [...new Set(releases.flatMap(imagesOf))].sort();
  const images = new Map<string, ProcessedImage>();
  // A small pool: sharp runs its own threads, and AVIF encoding is memory-hungry.
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const file = wanted[next++]!;
      try {
        // The real path checked at this moment (a link swapped in since the content check is refused).
        images.set(file, await processImage(checkedContentPath(contentDir, file), o));
      } catch (e) {
        const users = releases.filter((r) => imagesOf(r).includes(file)).map((r) => r.file);
        throw new Error(`تصویر «${file}» آماده نشد (در خبر ${users.join("، ")}): ${(e as Error).message}`, { cause: e });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, wanted.length) }, worker));

  const href = chapar.urls.href;
  for (const release of releases) {
    if (!release.inlineImages || release.inlineImages.length === 0 || !release.html.includes("<!--chapar-image:")) continue;
    release.html = release.inlineImages.reduce((body, inline, index) => {
      const image = images.get(inline.file)!;
      const marker = imageMarker(index);
      const figure = figureHtml(image, {
        alt: inline.alt,
        caption: inline.caption,
        href,
        className: "inline-figure",
        creditLabel: o.creditLabel,
        sizes: o.sizes,
      });
      const picture = pictureHtml(image, { alt: inline.alt, href, className: "inline-picture", sizes: o.sizes });
      return body.split(`<p>${marker}</p>`).join(figure.value).split(marker).join(picture.value);
    }, release.html);
  }
  chapar.assets.images = images;
  const cacheDir = fromProject(o.cacheDir);
  const used = usedKeys.get(cacheDir);
  if (used && used.size > 0) writeFileAtomic(path.join(cacheDir, "keys.json"), JSON.stringify(Object.fromEntries(used)));
  const files = [...images.values()].flatMap((image) => imageOutputFiles(image, o));
  return { images, files };
}
