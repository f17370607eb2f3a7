/**
 * The search index's thread (started by `startSearchIndex` in search.ts). While the main thread
 * renders and writes pages, this one takes the indexed part out of each release page, folds it into
 * its search keys and writes it as a document into a folder of its own; when the last one has come, it runs Pagefind's CLI over
 * that folder, writing the bundle into the site. Folding is most of the search step's own CPU time,
 * and Pagefind's CLI indexes the same documents in about 60 % of the time its Node API takes (it
 * reads them in parallel), so the step overlaps the rest of the build on a second core.
 */
import { spawn } from "node:child_process";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { dyingWithThisThread, recordChild } from "../build/processes.ts";
import { folderMaker } from "./asset-files.ts";
import { indexDocument, searchSourceOf, type RenderedReleasePage, type SearchSource } from "./search-documents.ts";

export interface SearchWorkerData {
  /** Folder the folded documents are written to (made here, removed when done). */
  docsDir: string;
  /** Folder Pagefind writes its bundle to. */
  bundleDir: string;
  language: string;
  /** Characters of body text in a result's excerpt when a release has no summary. */
  excerptLength: number;
  /** Pagefind's executable. */
  binary: string;
  /** Where Pagefind's PID is recorded (lib/build/processes.ts), so that it is stopped if the build is killed. */
  childRecords?: string;
}

export type SearchWorkerMessage = { type: "pages"; pages: RenderedReleasePage[] } | { type: "end" };
/** `problems`: pages that can't be indexed (no index was made); `errors`: Pagefind's own failure. */
export type SearchWorkerResult = {
  type: "done";
  pages: number;
  problems: string[];
  errors: string[];
  pagefindStarted: number;
  pagefindMs: number;
};

/** Left out of the output: Pagefind's ready-made UIs and its web worker (the search page has its own script). */
const UNUSED_BUNDLE_FILES = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|pagefind-worker\.js|playground)$/;

const { docsDir, bundleDir, language, excerptLength, binary, childRecords } = workerData as SearchWorkerData;
const port = parentPort!;
const makeFolder = folderMaker();
let pages = 0;
/** Pages that couldn't be indexed (Persian messages): no index is made then. */
const problems: string[] = [];

function write(source: SearchSource): void {
  // Pagefind takes a document's URL from its path in the folder (and percent-encodes what isn't ASCII).
  const file = path.join(docsDir, decodeURI(source.url), "index.html");
  makeFolder(file);
  writeFileSync(file, indexDocument(source, language));
  pages++;
}

/**
 * An index of no pages (a new site with only drafts, say): Pagefind's CLI refuses an empty folder,
 * its Node API makes the empty bundle the search page still loads.
 */
async function writeEmptyIndex(): Promise<string[]> {
  const pagefind = await import("pagefind");
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) return errors.length > 0 ? errors : ["Pagefind راه‌اندازی نشد."];
    const files = await index.getFiles();
    if (files.errors.length > 0) return files.errors;
    for (const { path: rel, content } of files.files) {
      const target = path.join(bundleDir, rel);
      makeFolder(target);
      writeFileSync(target, content);
    }
    return [];
  } finally {
    await pagefind.close();
  }
}

/**
 * The line Pagefind (1.x, `--verbose`) prints once it has parsed every document and found their
 * languages: from then on it only builds and writes the index (about half its run at 10,000 pages),
 * so the documents can be removed meanwhile instead of after it.
 */
const DOCUMENTS_READ = "[Building search indexes]";

/**
 * Runs Pagefind's CLI; resolves with its error output (empty when it succeeded). The documents folder
 * is removed as soon as Pagefind no longer reads it, while it writes the index.
 */
function runPagefind(): Promise<string[]> {
  // Pagefind reads PAGEFIND_* variables and a pagefind.yml from its working folder: give it neither.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toUpperCase().startsWith("PAGEFIND_")));
  const args = ["--site", docsDir, "--output-path", bundleDir, "--force-language", language, "--verbose"];
  let removal: Promise<void> | undefined;
  // Best effort (a system that can't remove a process's working folder): the step removes it again after.
  const removeDocuments = () => (removal ??= rm(docsDir, { recursive: true, force: true }).catch(() => undefined));
  return new Promise<string[]>((resolve) => {
    // Killed with its build, Pagefind went on for its whole run (35 s at 2,000 releases) into a folder no one publishes.
    const [command, commandArgs] = dyingWithThisThread(binary, args);
    const child = spawn(command, commandArgs, { cwd: docsDir, env, stdio: ["ignore", "pipe", "pipe"] });
    if (childRecords && child.pid !== undefined) recordChild(childRecords, child.pid);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (removal === undefined && output.includes(DOCUMENTS_READ)) void removeDocuments();
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", (error) => resolve([`Pagefind اجرا نشد (${binary}): ${error.message}`]));
    child.on("close", (code) => resolve(code === 0 ? [] : [`Pagefind با کد ${code} پایان یافت:`, output.trim()]));
  }).then(async (errors) => {
    await removeDocuments();
    return errors;
  });
}

port.on("message", (message: SearchWorkerMessage) => {
  if (message.type === "pages") {
    for (const rendered of message.pages) {
      const source = searchSourceOf(rendered, excerptLength);
      if (typeof source === "string") problems.push(source);
      else if (problems.length === 0) write(source);
    }
    return;
  }
  void (async () => {
    const pagefindStarted = Date.now();
    const errors = problems.length > 0 ? [] : pages === 0 ? await writeEmptyIndex() : await runPagefind();
    const pagefindMs = Date.now() - pagefindStarted;
    if (problems.length === 0 && errors.length === 0) {
      for (const name of readdirSync(bundleDir))
        if (UNUSED_BUNDLE_FILES.test(name)) rmSync(path.join(bundleDir, name), { recursive: true, force: true });
    }
    rmSync(docsDir, { recursive: true, force: true });
    const result: SearchWorkerResult = { type: "done", pages, problems, errors, pagefindStarted, pagefindMs };
    port.postMessage(result);
  })();
});
