/**
 * The layout of the build cache's memo file (lib/cache/cache.ts), in which every record is checked
 * before it is used:
 *
 *   "CHAPAR-MEMO\n" · header length (u32 LE) · header (JSON) · digest of the header (27 bytes) · blocks
 *
 * The header holds the cache's format and key and, for each block, its entries' ids, its length and
 * its digest. A block is the v8 serialisation of its entries' values (an array), ~256 entries a block:
 * one digest and one deserialisation per block cost a fifth of what they cost per entry, and a damaged
 * block loses only its own entries. A damaged header, or a file whose length isn't what the header
 * says (truncated, appended to), loses the whole file. See lib/cache/integrity.ts.
 */
import { digestOf } from "./integrity.ts";

const MAGIC = Buffer.from("CHAPAR-MEMO\n");
/** Length of a digest as `digestOf` writes it (SHA-1, base64url). */
const DIGEST_LENGTH = 27;

/** A block as stored: its entries' ids, their values' serialisation, and the digest of both. */
export interface MemoBlock {
  ids: string[];
  bytes: Uint8Array;
  digest: string;
}

export interface MemoFile {
  format: number;
  key: string;
  blocks: MemoBlock[];
}

interface Header {
  format: number;
  key: string;
  blocks: { ids: string[]; bytes: number; digest: string }[];
}

export function blockDigest(ids: readonly string[], bytes: Uint8Array): string {
  return digestOf(JSON.stringify(ids), bytes);
}

/** Whether a block's bytes are the ones written (check before deserialising them). */
export function blockIntact(block: MemoBlock): boolean {
  return blockDigest(block.ids, block.bytes) === block.digest;
}

/** The file's bytes, as a list of chunks to write one after the other. */
export function encodeMemoFile(file: MemoFile): Uint8Array[] {
  const header: Header = {
    format: file.format,
    key: file.key,
    blocks: file.blocks.map((b) => ({ ids: b.ids, bytes: b.bytes.byteLength, digest: b.digest })),
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.byteLength);
  return [MAGIC, length, headerBytes, Buffer.from(digestOf(headerBytes)), ...file.blocks.map((b) => b.bytes)];
}

/**
 * Reads a memo file's layout (not its blocks' digests: see `blockIntact`).
 * - `other-version`: intact, but written in another format (Chapar's earlier layout was one v8
 *   serialisation, which starts with 0xFF): an empty cache, nothing to report;
 * - `damaged`: truncated, garbled or not a memo file at all.
 */
export function decodeMemoFile(buffer: Buffer, format: number): MemoFile | "other-version" | "damaged" {
  if (buffer.byteLength > 0 && buffer[0] === 0xff) return "other-version";
  if (buffer.byteLength < MAGIC.byteLength + 4 || !buffer.subarray(0, MAGIC.byteLength).equals(MAGIC)) return "damaged";
  const headerStart = MAGIC.byteLength + 4;
  const headerEnd = headerStart + buffer.readUInt32LE(MAGIC.byteLength);
  if (headerEnd + DIGEST_LENGTH > buffer.byteLength) return "damaged";
  const headerBytes = buffer.subarray(headerStart, headerEnd);
  if (buffer.subarray(headerEnd, headerEnd + DIGEST_LENGTH).toString("latin1") !== digestOf(headerBytes)) return "damaged";
  let header: Header;
  try {
    header = JSON.parse(headerBytes.toString("utf8")) as Header;
  } catch {
    return "damaged";
  }
  if (header.format !== format) return "other-version";
  const blocks: MemoBlock[] = [];
  let offset = headerEnd + DIGEST_LENGTH;
  for (const b of header.blocks) {
    blocks.push({ ids: b.ids, digest: b.digest, bytes: buffer.subarray(offset, offset + b.bytes) });
    offset += b.bytes;
  }
  // Exactly as long as the header says: a truncated file, or one with bytes added, is not trusted.
  if (offset !== buffer.byteLength) return "damaged";
  return { format: header.format, key: header.key, blocks };
}
