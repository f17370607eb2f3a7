// Packages Chapar uses that ship no type declarations: only what Chapar calls is declared.

declare module "subset-font" {
  interface SubsetFontOptions {
    targetFormat?: "sfnt" | "woff" | "woff2" | "truetype";
    keepAllGlyphs?: boolean;
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    noLayoutClosure?: boolean;
  }
  function subsetFont(font: Uint8Array, text: string | null | undefined, options?: SubsetFontOptions): Promise<Buffer>;
  export default subsetFont;
}

declare module "postcss-import" {
  import type { PluginCreator } from "postcss";
  const postcssImport: PluginCreator<Record<string, unknown>>;
  export default postcssImport;
}

declare module "@11ty/eleventy-img" {
  interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    filename?: string;
    size?: number;
    /** With `dryRun: true`: the encoded file. */
    buffer?: Uint8Array;
  }
  interface ImageOptions {
    widths?: (number | "auto" | null)[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    dryRun?: boolean;
    useCache?: boolean;
    filenameFormat?: (id: string, src: string, width: number, format: string) => string;
    sharpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    fixOrientation?: boolean;
  }
  function Image(src: string, options?: ImageOptions): Promise<Record<string, ImageStat[]>>;
  export default Image;
}
