/**
 * The slug rule of Chapar before 2026-12, frozen: it dropped ZWNJ (`چهره‌های` → `چهرههای`, which reads
 * as another word) and every punctuation mark (`C++` and `C#` were both `c`). Kept only to know the
 * URLs pages had then, so that links to them keep working (lib/site/moved-urls.ts, lib/content/links.ts).
 * Don't change it: old links depend on it.
 */
import { foldForUrl, slugify, ZWNJ } from "./persian.ts";

export function legacySlugify(text: string, fallback = "untitled"): string {
  const slug = foldForUrl(text)
    .replaceAll(ZWNJ, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? fallback : slug;
}

/** The old slug of a page whose slug is `slug` now, made from `source` (a file's name): undefined when it didn't change or wasn't made from `source`. */
export function legacySlugOf(source: string, slug: string): string | undefined {
  if (slug !== slugify(source)) return undefined;
  const old = legacySlugify(source);
  return old === slug ? undefined : old;
}
