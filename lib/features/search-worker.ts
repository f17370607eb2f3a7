/**
 * The search index's thread (started by `startSearchIndex` in search.ts). While the main thread
 * renders and writes pages, this one takes the indexed part out of each release page and sorts it
 * into its shard (lib/features/search-shards.ts). As soon as a shard has all its pages, its key — a
 * digest of its documents and metadata, Pagefind's version and the code — says whether the cache
 * holds its bundle (lib/cache/search-shard-store.ts, checked byte by byte as it is copied); if not,
 * its pages are folded into their search keys, written as documents and indexed by Pagefind's CLI,
 * at most `indexers` shards at a time, so that memory stays bounded whatever the site's size.
 * Pagefind's CLI indexes the same documents in about 60 % of the time its Node API takes (it reads
 * them in parallel), and shards finish while later ones are still being rendered.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { dyingWithThisThread, recordChild } from "../build/processes.ts";
import { keepShard, rememberShardInputs, takeShard } from "../cache/search-shard-store.ts";
import { folderMaker } from "./asset-files.ts";
import { indexDocument, searchSourceOf, type RenderedReleasePage, type SearchSource } from "./search-documents.ts";

export interface SearchWorkerData {
  /** Folder the folded documents are written to, one sub-folder per shard (made here, removed when done). */
  docsDir: string;
  /** Folder of the whole bundle: `pagefind.js` and one folder per shard. */
  bundleDir: string;
  language: string;
  /** Characters of body text in a result's excerpt when a release has no summary. */
  excerptLength: number;
  /** Pagefind's executable. */
  binary: string;
  /** The shards, newest first (the first keeps the WebAssembly the search page loads), with their pages' URLs. */
  shards: { name: string; urls: string[] }[];
  /** Pagefind runs at a time. */
  indexers: number;
  /** Postings per index chunk (Pagefind's `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`; its default is 20,000). */
  chunkSize: number;
  /** Everything a shard's bundle depends on besides its documents (Pagefind's version, the code, settings). */
  keyPrefix: string;
  /** Folder of the shard cache; none: every shard is indexed. */
  store?: string;
  /** Where Pagefind's PID is recorded (lib/build/processes.ts), so that it is stopped if the build is killed. */
  childRecords?: string;
}

export type SearchWorkerMessage =
  | { type: "pages"; pages: RenderedReleasePage[] }
  /** Before any page: shards the main thread copied by their pages' fingerprints, and each shard's fingerprints' key. */
  | { type: "plan"; known: string[]; inputsKeys: Record<string, string> }
  | { type: "end" };
/**
 * `problems`: pages that can't be indexed (no index was made); `errors`: Pagefind's own failure;
 * `damaged`: shards whose cached bundle failed its check (indexed again).
 */
export type SearchWorkerResult = {
  type: "done";
  pages: number;
  problems: string[];
  errors: string[];
  indexed: string[];
  reused: string[];
  damaged: string[];
  /** When the first Pagefind run started (ms since the epoch; 0 when none ran), and the span until the last ended. */
  pagefindStarted: number;
  pagefindMs: number;
};

/** Kept in the output from a shard's bundle: its index only (the runtime is the first shard's). */
const RUNTIME_FILE = /^(pagefind\.js|wasm\.[a-z0-9_-]+\.pagefind)$/;
/** Left out of the output: Pagefind's ready-made UIs and its web worker (the search page has its own script). */
const UNUSED_BUNDLE_FILES = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|pagefind-worker\.js|playground)$/;

const data = workerData as SearchWorkerData;
const { docsDir, bundleDir, language, excerptLength, binary, childRecords, store } = data;
const port = parentPort!;
const shardOfUrl = new Map<string, string>();
const remaining = new Map<string, number>();
for (const { name, urls } of data.shards) {
  remaining.set(name, urls.length);
  for (const url of urls) shardOfUrl.set(url, name);
}
const sources = new Map<string, SearchSource[]>(data.shards.map(({ name }) => [name, []]));
let pages = 0;
/** Pages that couldn't be indexed (Persian messages): no index is made then. */
const problems: string[] = [];
const errors: string[] = [];
const indexed: string[] = [];
const reused: string[] = [];
const damaged: string[] = [];
const queue: { shard: string; key: string; docs: SearchSource[] }[] = [];
let running = 0;
let settled = 0;
let ended = false;
let pagefindStarted = 0;
let pagefindEnded = 0;
/** Each shard's key of its pages' fingerprints (from the plan): remembered beside its bundle in the cache. */
let inputsKeys: Record<string, string> = {};

/** Lets the next build find the shard's bundle `key` by its pages' fingerprints, without its pages. */
function rememberInputs(shard: string, key: string): void {
  const inputsKey = inputsKeys[shard];
  if (store !== undefined && inputsKey !== undefined) rememberShardInputs(store, shard, inputsKey, key);
}

/** A shard's key: everything its bundle is a function of (its documents in URL order, and the prefix). */
function shardKey(docs: readonly SearchSource[]): string {
  const hash = createHash("sha1");
  const part = (text: string) => hash.update(`${Buffer.byteLength(text)}:`).update(text);
  part(data.keyPrefix);
  for (const doc of docs) {
    part(doc.url);
    part(doc.body);
    part(JSON.stringify(doc.meta));
  }
  return hash.digest("base64url");
}

function shardComplete(shard: string): void {
  const docs = sources.get(shard)!.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  sources.delete(shard);
  if (problems.length > 0) {
    settle();
    return;
  }
  const key = shardKey(docs);
  if (store !== undefined) {
    const taken = takeShard(store, shard, key, path.join(bundleDir, shard));
    if (taken === "copied") {
      rememberInputs(shard, key);
      reused.push(shard);
      settle();
      return;
    }
    if (taken === "damaged") damaged.push(shard);
  }
  queue.push({ shard, key, docs });
  pump();
}

function pump(): void {
  while (running < data.indexers && queue.length > 0) {
    const job = queue.shift()!;
    running++;
    void indexShard(job.shard, job.key, job.docs).then((failure) => {
      running--;
      if (failure.length > 0) errors.push(...failure);
      else indexed.push(job.shard);
      settle();
      pump();
    });
  }
}

/** Folds and writes a shard's documents, runs Pagefind over them, keeps the bundle in the cache. */
async function indexShard(shard: string, key: string, docs: SearchSource[]): Promise<string[]> {
  const site = path.join(docsDir, shard);
  const out = path.join(bundleDir, shard);
  const makeFolder = folderMaker();
  for (const doc of docs) {
    // Pagefind takes a document's URL from its path in the folder (and percent-encodes what isn't ASCII).
    const file = path.join(site, decodeURI(doc.url), "index.html");
    makeFolder(file);
    writeFileSync(file, indexDocument(doc, language));
  }
  docs.length = 0;
  const failure = await runPagefind(site, out);
  if (failure.length > 0) return failure;
  for (const name of readdirSync(out)) if (UNUSED_BUNDLE_FILES.test(name)) rmSync(path.join(out, name), { recursive: true, force: true });
  if (store !== undefined) {
    keepShard(store, shard, key, out);
    rememberInputs(shard, key);
  }
  return [];
}

/**
 * The line Pagefind (1.x, `--verbose`) prints once it has parsed every document and found their
 * languages: from then on it only builds and writes the index, so the documents can be removed
 * meanwhile instead of after it.
 */
const DOCUMENTS_READ = "[Building search indexes]";

/** Runs Pagefind's CLI over `site` into `out`; resolves with its error output (empty when it succeeded). */
function runPagefind(site: string, out: string): Promise<string[]> {
  // Pagefind reads PAGEFIND_* variables and a pagefind.yml from its working folder: give it neither.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toUpperCase().startsWith("PAGEFIND_")));
  // Set whatever the environment says: the chunk size is part of the shard's key.
  env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(data.chunkSize);
  const args = ["--site", site, "--output-path", out, "--force-language", language, "--verbose"];
  let removal: Promise<void> | undefined;
  // Best effort (a system that can't remove a process's working folder): removed again after.
  const removeDocuments = () => (removal ??= rm(site, { recursive: true, force: true }).catch(() => undefined));
  if (pagefindStarted === 0) pagefindStarted = Date.now();
  return new Promise<string[]>((resolve) => {
    // Killed with its build, Pagefind went on for its whole run into a folder no one publishes.
    const [command, commandArgs] = dyingWithThisThread(binary, args);
    const child = spawn(command, commandArgs, { cwd: site, env, stdio: ["ignore", "pipe", "pipe"] });
    if (childRecords && child.pid !== undefined) recordChild(childRecords, child.pid);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (removal === undefined && output.includes(DOCUMENTS_READ)) void removeDocuments();
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", (error) => resolve([`Pagefind اجرا نشد (${binary}): ${error.message}`]));
    child.on("close", (code) => resolve(code === 0 ? [] : [`Pagefind با کد ${code} پایان یافت:`, output.trim()]));
  }).then(async (failure) => {
    pagefindEnded = Date.now();
    await removeDocuments();
    return failure;
  });
}

function settle(): void {
  settled++;
  finishWhenDone();
}

/** Once every shard is settled and no page can come: the runtime goes to the bundle's top, and the result to the main thread. */
function finishWhenDone(): void {
  if (!ended || settled < data.shards.length || running > 0 || queue.length > 0) return;
  if (problems.length === 0 && errors.length === 0) {
    for (const [i, { name }] of data.shards.entries()) {
      const folder = path.join(bundleDir, name);
      for (const file of readdirSync(folder)) {
        if (!RUNTIME_FILE.test(file)) continue;
        // The first shard is the primary one: the search page imports pagefind.js from the bundle's top, which loads its WebAssembly from that shard.
        if (i === 0 && file === "pagefind.js") renameSync(path.join(folder, file), path.join(bundleDir, file));
        else if (i !== 0) rmSync(path.join(folder, file));
      }
    }
  }
  if (existsSync(docsDir)) rmSync(docsDir, { recursive: true, force: true });
  const result: SearchWorkerResult = {
    type: "done",
    pages,
    problems,
    errors,
    indexed: indexed.sort(),
    reused: reused.sort(),
    damaged: damaged.sort(),
    pagefindStarted,
    pagefindMs: pagefindStarted === 0 ? 0 : pagefindEnded - pagefindStarted,
  };
  port.postMessage(result);
}

port.on("message", (message: SearchWorkerMessage) => {
  if (message.type === "plan") {
    inputsKeys = message.inputsKeys;
    for (const shard of message.known) {
      // Already in the bundle folder, copied (and checked) by the main thread.
      remaining.set(shard, 0);
      sources.delete(shard);
      reused.push(shard);
      settle();
    }
    return;
  }
  if (message.type === "pages") {
    for (const rendered of message.pages) {
      const shard = shardOfUrl.get(rendered.url);
      if (shard === undefined) continue;
      const source = searchSourceOf(rendered, excerptLength);
      if (typeof source === "string") problems.push(source);
      else sources.get(shard)?.push(source);
      pages++;
      const left = remaining.get(shard)! - 1;
      remaining.set(shard, left);
      if (left === 0) shardComplete(shard);
    }
    return;
  }
  ended = true;
  finishWhenDone();
});
