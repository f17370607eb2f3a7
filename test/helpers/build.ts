/**
 * Test helpers: build a content tree into a temporary folder with the real `npm run build` code
 * path (a child process, as an author runs it) and read the output back as parsed HTML.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = path.join(ROOT, "test/fixtures");
/** A fixed build moment so scheduled releases and "now" never depend on when tests run. */
export const FIXED_NOW = "2026-11-27T12:00:00+03:30";

export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The output folder. */
  out: string;
}

const created: string[] = [];
// Each test file runs in its own process: its temporary folders go when it ends (CHAPAR_KEEP_TMP=1 keeps them).
process.on("exit", () => {
  if (process.env.CHAPAR_KEEP_TMP === "1") return;
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = "chapar-test-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Copies a fixture content tree to a temp folder (so a test can edit it) and returns its path. */
export function copyFixture(name: string): string {
  return copyContent(path.join(FIXTURES, name));
}

/** Copies any content tree (the sample site's `content/`…) into a fresh temp folder and returns its path. */
export function copyContent(source: string): string {
  const dir = path.join(tempDir("chapar-content-"), path.basename(source));
  cpSync(source, dir, { recursive: true });
  return dir;
}

export function runScript(script: string, args: string[], env: Record<string, string>): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, script), ...args], {
    cwd: ROOT,
    // Build caches of test content (temp folders) stay out of the project's .cache/.
    env: { ...process.env, CHAPAR_NOW: FIXED_NOW, CHAPAR_CACHE_DIR: path.join(tmpdir(), "chapar-test-cache"), ...env },
    encoding: "utf8",
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export interface BuildOptions {
  out?: string;
  env?: Record<string, string>;
  /** The build command's flags (`--allow-empty`). */
  args?: string[];
}

export function build(content: string, options: BuildOptions = {}): BuildResult {
  const out = options.out ?? path.join(tempDir(), "dist");
  const result = runScript("scripts/build.ts", options.args ?? [], { CHAPAR_CONTENT: content, CHAPAR_OUTPUT: out, ...options.env });
  return { ...result, out };
}

/**
 * A build or check report with the content folder's own paths: the commands print a file as it opens
 * from the working folder (here, an absolute path into the temporary copy); tests compare the rest.
 */
export function contentRelative(report: string, content?: string): string {
  if (content !== undefined) return report.replaceAll(`${content}${path.sep}`, "");
  // Any content copy made by `copyContent` (a temporary folder holding one named folder).
  const copies = new RegExp(`${tmpdir().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/chapar-content-[^/]+/[^/]+/`, "g");
  return report.replace(copies, "");
}

/** Builds and fails loudly (with the build's output) if the build did not succeed. */
export function buildOk(content: string, options: BuildOptions = {}): BuildResult {
  const result = build(content, options);
  if (result.code !== 0) throw new Error(`build failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** The HTML file that serves a site path (`/tag/x/` → `tag/x/index.html`). */
export function fileFor(out: string, sitePath: string): string {
  const rel = decodeURIComponent(sitePath).replace(/^\//, "");
  return path.join(out, rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel);
}

export function readPage(out: string, sitePath: string): Document {
  const file = fileFor(out, sitePath);
  if (!existsSync(file)) throw new Error(`no page at ${sitePath} (${file})`);
  return parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
}

/** Every file under a folder, relative, sorted. */
/** Every output file's text by path: compared before and after a build that must leave the output alone. */
export function snapshotOutput(dir: string): Map<string, string> {
  return new Map(listOutput(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

export function listOutput(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listOutput(dir, rel));
    else out.push(rel);
  }
  return out;
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? "").replace(/\s+/g, " ").trim();
}
