/**
 * The office's brand, from `content/_data/site.json`: its logo (`organization.logo`) in the page
 * header, and its accent colours (`accentColor`, `accentColorDark`) as overrides of the
 * stylesheet's custom properties, appended to the one stylesheet (no inline style: the site's CSP
 * allows only its own files). Without them the site looks as Chapar's own. The colours' contrast is
 * checked with the content (lib/content/brand-colours.ts), before anything is built.
 *
 * The logo is published as it is under `/media/` (where og:image, JSON-LD and the feeds already
 * point), with its intrinsic size read for the `<img>`'s width and height.
 */
import { imageSize } from "image-size";
import { checkedContentPath } from "../content/content-path.ts";
import type { SiteSettings } from "../content/site-data.ts";
import { siteUrls } from "../site/urls.ts";
import type { OutputFile } from "./asset-files.ts";
import { logoFile } from "./seo.ts";

export interface BrandOptions {
  contentDir: string;
  /** Height the logo is drawn at in the header, in CSS pixels (its width follows its shape). */
  logoHeight: number;
}

export const defaults: Omit<BrandOptions, "contentDir"> = { logoHeight: 44 };

export interface BrandLogo {
  /** Site path of the published file (`/media/logo.svg`). */
  sitePath: string;
  /** Drawn size in CSS pixels: `logoHeight` tall, as wide as its shape makes it. */
  width: number;
  height: number;
}

export interface BuiltBrand {
  logo: BrandLogo | null;
  /** Custom-property overrides for the stylesheet's end; empty when the office chose no colour. */
  css: string;
  files: OutputFile[];
}

/** `:root{--color-accent:…}` and its dark-scheme twin for the colours the office chose. */
export function brandCss(site: Pick<SiteSettings, "accentColor" | "accentColorDark">): string {
  // The hover shade is the accent itself: a shade computed from it would need its own contrast check.
  const vars = (colour: string) => `:root{--color-accent:${colour};--color-accent-strong:${colour}}`;
  const light = site.accentColor ? vars(site.accentColor) : "";
  const dark = site.accentColorDark ? `@media (prefers-color-scheme:dark){${vars(site.accentColorDark)}}` : "";
  // Paper stays black on white: print.css's own values must win over the office's colour.
  return light || dark ? `${light}${dark}@media print{:root{--color-accent:#000;--color-accent-strong:#000}}` : "";
}

export function buildBrand(site: SiteSettings, options: Partial<BrandOptions> & Pick<BrandOptions, "contentDir">): BuiltBrand {
  const o = { ...defaults, ...options };
  const file = logoFile(site);
  let logo: BrandLogo | null = null;
  const files: OutputFile[] = [];
  if (file !== undefined) {
    // The real path checked at this moment (the content check has already reported a missing file).
    const real = checkedContentPath(o.contentDir, file);
    const size = imageSize(real);
    const ratio = size.width && size.height ? size.width / size.height : 1;
    logo = { sitePath: siteUrls.media(file), width: Math.round(o.logoHeight * ratio), height: o.logoHeight };
    files.push({ sitePath: logo.sitePath, from: real });
  }
  return { logo, css: brandCss(site), files };
}
