/** The lead image of a release page: a `<picture>` (lib/features/images.ts) with caption and credit. */
import type { Release } from "../../lib/content/load.ts";
import { figureHtml } from "../../lib/features/images.ts";
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ChaparData } from "../../lib/site/data.ts";

export function leadImage(chapar: ChaparData, release: Release): SafeHtml {
  const image = release.image;
  if (!image) return html``;
  const processed = chapar.assets.images.get(image.file);
  // Every release with a page has its images made before rendering; this only guards a misuse.
  if (!processed) throw new Error(`lead image of ${release.file} was not processed: ${image.file}`);
  // The first thing under the headline: loaded at once, with high priority (not lazily).
  return figureHtml(processed, {
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    creditLabel: chapar.locale.strings.imageCredit,
    href: chapar.urls.href,
    eager: true,
    className: "release-image",
  });
}
