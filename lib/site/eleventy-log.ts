/**
 * Eleventy's console, made to fit Chapar's Persian output. Even in quiet mode Eleventy prints
 * `[11ty] Wrote 14 files in 1.13 seconds (…, v3.1.8)` after every run, beside the build's own Persian
 * summary: that line is dropped (the build says what it published). Its errors are dropped too,
 * because each is also thrown, and the build or the preview reports it in Persian. Anything else
 * Eleventy has to say (a warning) still surfaces, with a Persian lead naming its source.
 */
import { stripVTControlCharacters } from "node:util";

/** The console-like sink Eleventy's `ConsoleLogger.overrideLogger` takes. */
export interface EleventyConsole {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  info(message: string): void;
}

/** Eleventy's run summary (`Wrote 14 files in 1.13 seconds`, `Copied 3 Wrote 14 files…`) and its timing notes. */
const DROPPED = /^(?:Copied \d+ )?Wrote \d+ files? |^Benchmark /;

/** The text of one of Eleventy's lines: no colours, no `[11ty]` prefix on each line. */
export function eleventyText(message: string): string {
  return stripVTControlCharacters(message)
    .split("\n")
    .map((line) => line.replace(/^\[11ty\] ?/, ""))
    .join("\n")
    .trim();
}

export function persianEleventyConsole(out: Pick<Console, "warn"> = console): EleventyConsole {
  const surface = (message: string) => {
    const text = eleventyText(message);
    if (text === "" || DROPPED.test(text)) return;
    out.warn(`پیام Eleventy (سازنده‌ی صفحه‌های جانبی چاپار): ${text}`);
  };
  return { log: surface, info: surface, warn: surface, error: () => undefined };
}
