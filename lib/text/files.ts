/** How a downloadable file is described to a reader, in Persian: its kind and its size. */
import path from "node:path";
import type { Locale } from "../locale/types.ts";

/** What a file size's number needs from a locale (lib/locale/). */
export type NumberLocale = Pick<Locale, "intlLocale" | "numberingSystem">;

// One number format per locale (creating one costs far more than using it); locales are the registry's
// objects (lib/locale/index.ts), so they key the cache themselves.
const sizeFormats = new WeakMap<NumberLocale, Intl.NumberFormat>();

function sizeFormat(locale: NumberLocale): Intl.NumberFormat {
  let format = sizeFormats.get(locale);
  if (!format)
    sizeFormats.set(
      locale,
      (format = new Intl.NumberFormat(locale.intlLocale, { maximumFractionDigits: 1, numberingSystem: locale.numberingSystem })),
    );
  return format;
}

const UNITS = ["بایت", "کیلوبایت", "مگابایت", "گیگابایت"] as const;

/**
 * `2516582` → `۲٫۴ مگابایت`; `1536` → `۱٫۵ کیلوبایت`; `900` → `۹۰۰ بایت`, the number in the locale's digits.
 * Binary multiples (1024), as file managers on the readers' computers show them.
 */
export function formatFileSize(bytes: number, locale: NumberLocale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // Rounding 1023.96 KB up gives "1024 KB": show it as the next unit instead.
  if (unit < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${sizeFormat(locale).format(unit === 0 ? value : Math.round(value * 10) / 10)} ${UNITS[unit]}`;
}

/** Reader-facing names of the file kinds a release may attach (by extension, lower case). */
const KINDS: Record<string, string> = {
  ".pdf": "PDF",
  ".doc": "Word",
  ".docx": "Word",
  ".odt": "OpenDocument",
  ".xls": "Excel",
  ".xlsx": "Excel",
  ".ppt": "PowerPoint",
  ".pptx": "PowerPoint",
  ".zip": "ZIP",
  ".mp3": "صوت MP3",
  ".mp4": "ویدئو MP4",
  ".jpg": "تصویر JPEG",
  ".jpeg": "تصویر JPEG",
  ".png": "تصویر PNG",
  ".webp": "تصویر WebP",
  ".avif": "تصویر AVIF",
  ".gif": "تصویر GIF",
  ".svg": "تصویر SVG",
};

/** `report.pdf` → `PDF`; an unknown extension shows itself in capitals (`.odp` → `ODP`). */
export function fileKindLabel(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return KINDS[ext] ?? (ext.slice(1).toUpperCase() || "پرونده");
}
