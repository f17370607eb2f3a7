/**
 * Inline images of a release body (`![alt](src "caption")`): where their files are, checked once at
 * load time so a missing picture stops the build with the release's name and line, like a missing
 * lead image. The pictures themselves are made later, by lib/features/images.ts.
 */
import path from "node:path";
import { resolveContentPath } from "./content-path.ts";
import { showValue } from "./errors.ts";
import { missingFileClause } from "./suggest.ts";
import { unsafeSvgProblem } from "./svg-safety.ts";
import type { InlineImageRef } from "./markdown.ts";

export interface InlineImage {
  /** Path relative to the content folder, `/` separators. */
  file: string;
  alt: string;
  /** The Markdown title, shown under the picture. */
  caption?: string;
}

export interface InlineImageProblem {
  /** 1-based line in the release file. */
  line: number;
  message: string;
}

/** Image types the image step can turn into AVIF/WebP/JPEG. */
const RASTER = new Set([".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".tif", ".tiff", ".svg"]);

/**
 * Resolves `src` against the release file (`/…` means from the content folder). Returns the content
 * path, or the Persian reason it can't be used.
 */
export function resolveImageFile(contentDir: string, releaseFile: string, src: string): { file: string } | { error: string } {
  const shown = showValue(src);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) {
    return {
      error: `تصویر ${shown} بیرون از سایت است؛ هیچ درخواستی نباید از سایت بیرون برود: پرونده را کنار خبر بگذارید و نشانی نسبی بدهید`,
    };
  }
  let decoded = src;
  try {
    decoded = decodeURI(src);
  } catch {
    // A stray `%` is taken literally.
  }
  const file = decoded.startsWith("/")
    ? path.posix.normalize(decoded.replace(/^\/+/, ""))
    : path.posix.normalize(path.posix.join(path.posix.dirname(releaseFile), decoded));
  const resolved = file === "." ? undefined : resolveContentPath(contentDir, file);
  if (resolved === undefined || "error" in resolved) {
    if (resolved?.reason === "link") return { error: resolved.error };
    const hint = file.startsWith("..") || file === "." ? "" : missingFileClause(contentDir, file, src);
    return { error: `پرونده‌ی تصویر پیدا نشد: ${shown} (نشانی نسبت به همین پرونده‌ی خبر است)${hint}` };
  }
  if (!RASTER.has(path.posix.extname(file).toLowerCase())) {
    return { error: `تصویر ${shown} از نوعی نیست که بشود آن را برای وب آماده کرد؛ JPEG، PNG، WebP، AVIF، GIF، TIFF یا SVG بدهید` };
  }
  const unsafe = unsafeSvgProblem(resolved.real, src);
  if (unsafe !== undefined) return { error: unsafe };
  return { file };
}

/** Every inline image of one release, with a problem for each one that can't be used. */
export function resolveInlineImages(
  contentDir: string,
  releaseFile: string,
  refs: readonly InlineImageRef[],
  bodyLine: number,
): { images: InlineImage[]; problems: InlineImageProblem[] } {
  const images: InlineImage[] = [];
  const problems: InlineImageProblem[] = [];
  for (const ref of refs) {
    const resolved = resolveImageFile(contentDir, releaseFile, ref.src);
    if ("error" in resolved) {
      problems.push({ line: bodyLine + ref.line - 1, message: resolved.error });
      continue;
    }
    if (ref.alt.trim() === "") {
      problems.push({
        line: bodyLine + ref.line - 1,
        message: `تصویر ${showValue(ref.src)} متن جایگزین ندارد؛ آنچه در تصویر دیده می‌شود را میان کروشه بنویسید: ![متن جایگزین](${ref.src})`,
      });
      continue;
    }
    const image: InlineImage = { file: resolved.file, alt: ref.alt.trim() };
    if (ref.title !== undefined && ref.title.trim() !== "") image.caption = ref.title.trim();
    images.push(image);
  }
  return { images, problems };
}
