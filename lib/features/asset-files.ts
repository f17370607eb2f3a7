/**
 * Small helpers the asset features share: content hashes for file names and cache keys, an atomic
 * write for the `.cache/` folder (parallel builds — tests, CI — may fill the same cache at once, and a
 * reader must never see half a file), and writing built files into the output folder.
 */
import { createHash } from "node:crypto";
import { copyFileSync, constants, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Chapar's own folder: relative option paths (node_modules/…, .cache/…, assets/…) start here, not at the cwd. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function fromProject(file: string): string {
  return path.resolve(PROJECT_ROOT, file);
}

/** A file to put in the output folder at a site path (without the base path). */
export interface OutputFile {
  /** e.g. `/assets/main.3f2a9c1b7d.css`. */
  sitePath: string;
  /** The bytes, or `from`: a file to copy (large images are copied, not read into memory). */
  contents?: string | Uint8Array;
  from?: string;
}

/** First `length` hex digits of the SHA-256 of the parts (joined unambiguously). */
export function contentHash(parts: readonly (string | Uint8Array)[], length = 10): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(String(typeof part === "string" ? part.length : part.byteLength));
    hash.update(":");
    hash.update(part);
  }
  return hash.digest("hex").slice(0, length);
}

/** Writes through a temporary file and a rename, so concurrent readers see the old file or the whole new one. */
export function writeFileAtomic(file: string, contents: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * Whether a committed build (the font subsets, the stylesheet) was made for `key`: its manifest, a
 * JSON file, says `"key": …`. A missing or unreadable manifest is a mismatch, so the build makes the
 * asset itself.
 */
export function committedFor(manifest: string, key: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { key?: unknown }).key === key;
  } catch {
    return false;
  }
}

/**
 * Makes the folder of each file it is given, once per folder: a build writes thousands of pages, most
 * in a folder of their own, and Node's recursive mkdir climbs only when needed.
 */
export function folderMaker(): (file: string) => void {
  const made = new Set<string>();
  return (file) => {
    const dir = path.dirname(file);
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
}

/** Writes (or copies) built files into the output folder. */
export function writeOutputFiles(outputDir: string, files: readonly OutputFile[]): void {
  const makeFolder = folderMaker();
  for (const file of files) {
    const target = path.join(outputDir, file.sitePath.replace(/^\/+/, ""));
    makeFolder(target);
    if (file.from !== undefined) copyFileSync(file.from, target, constants.COPYFILE_FICLONE);
    else writeFileSync(target, file.contents ?? "");
  }
}
