/**
 * Checksums for what Chapar keeps between builds. A cache is a file on a disk that other programs,
 * crashes and people can change: nothing read from one may reach the output unless its bytes are the
 * bytes that were written. Every cache stores a digest beside what it stores and checks it on read;
 * a mismatch is a miss (the value is made again), never output.
 *
 * The digests guard against damage (truncation, flipped bits, a half-copied folder, an edit), not
 * against someone who rewrites a cache and its digests on purpose: whoever can do that can change
 * the code that builds the site too.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// Copies of one empty hash: Node 20's createHash() checks a deprecation option on every call; a copy skips it.
// SHA-1: the fastest digest of Node's OpenSSL here (~1 GB/s with the CPU's SHA instructions), and strong
// enough against accidents, which is all it is for.
const emptySha1 = createHash("sha1");

/** SHA-1 of the parts (each length-prefixed, so ["ab", "c"] and ["a", "bc"] differ), base64url. */
export function digestOf(...parts: readonly (string | Uint8Array)[]): string {
  const hash = emptySha1.copy();
  for (const part of parts) hash.update(`${typeof part === "string" ? Buffer.byteLength(part) : part.byteLength}:`).update(part);
  return hash.digest("base64url");
}

/** A file as a cache records it: its size and digest. */
export interface FileSeal {
  bytes: number;
  digest: string;
}

export function sealOf(contents: Uint8Array): FileSeal {
  return { bytes: contents.byteLength, digest: digestOf(contents) };
}

/** Whether `file` holds exactly the bytes sealed (a missing or unreadable file does not). */
export function fileMatches(file: string, seal: FileSeal): boolean {
  try {
    if (statSync(file).size !== seal.bytes) return false;
    return digestOf(readFileSync(file)) === seal.digest;
  } catch {
    return false;
  }
}

/** Every file under `dir` (relative, `/`-separated, sorted). */
export function filesUnder(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else out.push(rel);
  }
  return out;
}

/** A folder's files and their seals. */
export type FolderManifest = Record<string, FileSeal>;

/** Seals every file under `dir` into `manifestFile` (outside `dir`, so copies of `dir` don't carry it). */
export function sealFolder(dir: string, manifestFile: string): void {
  const manifest: FolderManifest = {};
  for (const file of filesUnder(dir)) manifest[file] = sealOf(readFileSync(path.join(dir, file)));
  writeFileSync(manifestFile, JSON.stringify(manifest));
}

/**
 * Whether `dir` holds exactly the files `manifestFile` sealed, byte for byte: none missing, none
 * changed, none added. A missing or unreadable manifest is a mismatch.
 */
export function folderMatches(dir: string, manifestFile: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as FolderManifest;
    const files = filesUnder(dir);
    if (files.length !== Object.keys(manifest).length) return false;
    return files.every((file) => {
      const seal = manifest[file];
      return seal !== undefined && typeof seal === "object" && fileMatches(path.join(dir, file), seal);
    });
  } catch {
    return false;
  }
}
