/**
 * Release images — the lead image (`image`) and the images in the body — made into responsive
 * `<picture>`s by @11ty/eleventy-img: AVIF, WebP and JPEG at several widths (never upscaled), with
 * `width`/`height` so the page doesn't jump while they load, lazy below the fold, caption and credit
 * underneath. Runs once per build over the releases being published, before any page is rendered.
 *
 * Encoding is the slow part, so each source image is encoded once, ever: the files and a manifest go to
 * the content folder's build cache folder (`.cache/chapar/<folder>/images/`, lib/cache/cache.ts), keyed by a
 * hash of the image's bytes, the encoding settings and the tools' versions; a later build reads the
 * manifest and copies the files. Output names carry that key (content-addressed), so they can be
 * cached for a year and the same input always gives the same files.
 *
 * Nothing damaged is published: the manifest records each rendition's size and digest, and a build
 * reuses a rendition only if its bytes still match (else it encodes the image again and says so); a
 * damaged source image (a truncated JPEG) is an error naming it, not a picture with a grey half.
 * `CHAPAR_CACHE=off` keeps everything in memory: nothing is read from or written to the cache.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildCache, readWithHash } from "../cache/cache.ts";
import { fileMatches, sealOf, type FileSeal } from "../cache/integrity.ts";
import { checkedContentPath, ContentPathError } from "../content/content-path.ts";
import { ContentError, type ContentProblem } from "../content/errors.ts";
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
  /**
   * Where made files and their manifests are kept between builds; undefined: nowhere (`CHAPAR_CACHE=off`).
   * `prepareReleaseImages` uses the content folder's build cache folder (lib/cache/cache.ts).
   */
  cacheDir?: string | undefined;
  /** How many images are encoded at once. */
  concurrency: number;
}

export const defaults: ImageOptions = {
  widths: [480, 960, 1440],
  formats: ["avif", "webp", "jpeg"],
  sizes: "(min-width: 42rem) 40rem, calc(100vw - 2rem)",
  sitePath: "/assets/images/",
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
  /** Its bytes when they are not in the cache (`CHAPAR_CACHE=off`). */
  contents?: Uint8Array;
}

export interface ProcessedImage {
  /** Site path of each rendition is `sitePath + name`. */
  sitePath: string;
  /** Renditions per format, narrowest first, in the options' format order. */
  renditions: Rendition[];
  /** Intrinsic size of the widest rendition. */
  width: number;
  height: number;
  /** Folder of the renditions' files in the cache; undefined when they are held in memory. */
  cacheDir: string | undefined;
}

/** What the cache keeps of an image: its renditions, each with the seal of its file (lib/cache/integrity.ts). */
interface Manifest {
  key: string;
  renditions: (Rendition & { seal: FileSeal })[];
}

/** What a source image's renditions are made with (besides widths and formats): part of their key. */
const ENCODING = {
  // Upright as the camera meant (EXIF orientation), like the browsers show the original.
  fixOrientation: true,
  // A damaged source (a truncated JPEG, undecodable data) is an error, not a picture with a grey part;
  // libjpeg's mere warnings, which many cameras' files raise, are not.
  sharpOptions: { failOn: "error" },
} as const;

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
    .join(",")
    // This module's own code: the cache folder may be shared by checkouts of different code (CI, tests).
    .concat(`,images.ts@${contentHash([readFileSync(fileURLToPath(import.meta.url))])}`);
  return versions;
}

/** The manifest stored for `key`, if it is intact and every rendition's file still holds its bytes. */
function cachedManifest(cacheDir: string, key: string): Manifest | "damaged" | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(cacheDir, `${key}.json`), "utf8");
  } catch {
    return undefined; // never made
  }
  try {
    const manifest = JSON.parse(text) as Manifest;
    if (manifest.key !== key || !Array.isArray(manifest.renditions) || manifest.renditions.length === 0) return "damaged";
    const intact = manifest.renditions.every((r) => fileMatches(path.join(cacheDir, "files", r.name), r.seal));
    return intact ? manifest : "damaged";
  } catch {
    return "damaged";
  }
}

/**
 * Makes (or reads from the cache) the renditions of one image file. `onRepair` is told when the cache
 * held a damaged manifest or rendition for it (which is then made again).
 */
export async function processImage(
  absoluteFile: string,
  options: Partial<ImageOptions> = {},
  onRepair: () => void = () => {},
): Promise<ProcessedImage> {
  const o = { ...defaults, ...options };
  const settings = JSON.stringify({ widths: o.widths, formats: o.formats, ...ENCODING, tools: toolVersions() });
  // Keyed by the image's bytes: a file replaced by another of the same size and time is another image.
  const key = contentHash([readWithHash(absoluteFile).hash, settings], 16);
  const cacheDir = o.cacheDir === undefined ? undefined : fromProject(o.cacheDir);
  const cached = cacheDir === undefined ? undefined : cachedManifest(cacheDir, key);
  if (cached === "damaged") onRepair();
  let renditions: Rendition[];
  if (cached !== undefined && cached !== "damaged") {
    renditions = cached.renditions.map(({ seal: _, ...r }) => r);
  } else {
    const { default: Image } = await import("@11ty/eleventy-img");
    const stats = await Image(absoluteFile, {
      widths: o.widths,
      formats: o.formats,
      dryRun: true,
      urlPath: "/",
      outputDir: cacheDir === undefined ? "." : path.join(cacheDir, "files"),
      ...ENCODING,
      filenameFormat: (_id, _src, width, format) => `${key.slice(0, 12)}-${width}.${format}`,
    });
    const made: Manifest["renditions"] = [];
    for (const format of o.formats) {
      for (const stat of stats[format] ?? []) {
        const name = `${key.slice(0, 12)}-${stat.width}.${format === "jpeg" ? "jpg" : format}`;
        if (!stat.buffer) throw new Error(`eleventy-img returned no data for ${absoluteFile} (${format} ${stat.width})`);
        const rendition: Rendition = { format, type: MIME[format], width: stat.width, height: stat.height, name };
        // Files first, the manifest last: a reader that finds the manifest finds every file.
        if (cacheDir === undefined) rendition.contents = stat.buffer;
        else writeFileAtomic(path.join(cacheDir, "files", name), stat.buffer);
        made.push({ ...rendition, seal: sealOf(stat.buffer) });
      }
    }
    if (cacheDir !== undefined)
      writeFileAtomic(path.join(cacheDir, `${key}.json`), JSON.stringify({ key, renditions: made } satisfies Manifest));
    renditions = made.map(({ seal: _, ...r }) => r);
  }
  const widest = renditions.reduce((a, b) => (b.width > a.width ? b : a));
  return { sitePath: o.sitePath, renditions, width: widest.width, height: widest.height, cacheDir };
}

/** An image's renditions as files of the output (copied from the cache, or their bytes in memory). */
export function imageOutputFiles(image: ProcessedImage): OutputFile[] {
  const { cacheDir } = image;
  return image.renditions.map((r) =>
    cacheDir === undefined || r.contents !== undefined
      ? { sitePath: `${image.sitePath}${r.name}`, contents: r.contents ?? new Uint8Array() }
      : { sitePath: `${image.sitePath}${r.name}`, from: path.join(cacheDir, "files", r.name) },
  );
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
  const contentDir = chapar.content.contentDir;
  const cache = buildCache(contentDir);
  const o = { ...defaults, cacheDir: cache.enabled ? cache.imageFolder : undefined, ...options };
  // Every release that gets a page: the published ones (in dev also drafts and scheduled) and withdrawn ones.
  const releases = [...chapar.model.releasePages, ...chapar.model.withdrawnPages].map((p) => p.release);
  const wanted = [...new Set(releases.flatMap(imagesOf))].sort();
  const images = new Map<string, ProcessedImage>();
  // A small pool: sharp runs its own threads, and AVIF encoding is memory-hungry.
  let next = 0;
  const problems: ContentProblem[] = [];
  const worker = async () => {
    while (next < wanted.length) {
      const file = wanted[next++]!;
      const repaired = () =>
        console.warn(`نسخه‌های ساخته‌شده‌ی تصویر «${file}» در حافظه‌ی ساخت ناقص یا خراب بود؛ کنار گذاشته شد و از نو ساخته شد.`);
      try {
        // The real path checked at this moment (a link swapped in since the content check is refused).
        images.set(file, await processImage(checkedContentPath(contentDir, file), o, repaired));
      } catch (e) {
        const users = releases.filter((r) => imagesOf(r).includes(file)).map((r) => r.file);
        problems.push({
          file,
          // sharp's own words (English, and not always the same for one file: "Unknown error") stay out.
          message:
            e instanceof ContentPathError
              ? e.reason
              : `تصویر خراب یا ناقص است و آماده نشد؛ در خبر ${users.join("، ")} آمده است: پرونده را دوباره از منبعش بگیرید یا با یک ویرایشگر تصویر دوباره ذخیره کنید`,
          severity: "error",
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, wanted.length) }, worker));
  if (problems.length > 0)
    throw new ContentError(
      problems.sort((a, b) => (a.file < b.file ? -1 : 1)),
      { contentDir },
    );

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
  const files = [...images.values()].flatMap(imageOutputFiles);
  return { images, files };
}
