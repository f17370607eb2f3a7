/**
 * Dev-server latency for the benchmark: starts `npm run dev`'s command on a copy of a corpus, then
 * (1) edits one release's title and times from the end of the file write to the moment its page is
 * served with the new title, and (2) adds a new release and times until it is listed on its category's
 * first page and its month's archive page. Polling over HTTP every 10 ms, as a browser reload would see it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as yaml from "js-yaml";
import { parseReleaseDate } from "../../lib/dates/jalali.ts";
import { slugify } from "../../lib/text/persian.ts";

export interface DevLatency {
  /** From spawn to the home page being served. */
  startupMs: number;
  /** Median, and every sample, of edit → updated page served. */
  editMs: number[];
  /** Median, and every sample, of new file → listed on home and category page 1. */
  addMs: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A unique word in letters only: titles are shown with Persian digits, so digits would not match. */
function uniqueWord(): string {
  return [...`${Date.now()}${Math.floor(Math.random() * 1000)}`].map((d) => "ابپتثجچحخد"[Number(d)]).join("");
}

async function get(url: string): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(url, { headers: { "cache-control": "no-cache" } });
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: "" };
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return;
    await sleep(10);
  }
  throw new Error(`dev server: timed out waiting for ${what}`);
}

function releaseFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name === "_data" || e.name.startsWith(".")) continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...releaseFiles(dir, rel));
    else if (e.name.endsWith(".md")) out.push(rel);
  }
  return out;
}

/** URL of a corpus release, by the same rules as Chapar (date in the site zone, slug or file name). */
function releaseUrl(file: string, source: string, timeZone: string): string | undefined {
  const end = source.indexOf("\n---", 4);
  const data = yaml.load(source.slice(4, end), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
  if (data.draft === true) return undefined;
  const parsed = parseReleaseDate(data.date, timeZone);
  if (!parsed.ok || parsed.date.instant > Date.now()) return undefined;
  const slug = typeof data.slug === "string" ? data.slug : slugify(path.basename(file, ".md"));
  return `/${parsed.date.jy}/${String(parsed.date.jm).padStart(2, "0")}/${encodeURI(slug)}/`;
}

export async function measureDevLatency(options: {
  root: string;
  devCommand: string;
  corpus: string;
  work: string;
  port: number;
  samples: number;
}): Promise<DevLatency> {
  const content = path.join(options.work, "dev-content");
  rmSync(content, { recursive: true, force: true });
  cpSync(options.corpus, content, { recursive: true });
  const base = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  const child: ChildProcess = spawn("sh", ["-c", `exec ${options.devCommand}`], {
    cwd: options.root,
    env: {
      ...process.env,
      CHAPAR_CONTENT: content,
      CHAPAR_PORT: String(options.port),
      PATH: `${path.join(options.root, "node_modules/.bin")}:${process.env.PATH}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  try {
    await waitFor(async () => (await get(`${base}/`)).status === 200, 180_000, `the home page (log: ${log.slice(-2000)})`);
    const startupMs = performance.now() - started;
    const site = JSON.parse(readFileSync(path.join(content, "_data/site.json"), "utf8")) as { timeZone?: string };
    const files = releaseFiles(content);
    const editMs: number[] = [];
    for (let i = 0; editMs.length < options.samples && i < files.length; i++) {
      const file = files[Math.floor((i * 7919) % files.length)]!;
      const absolute = path.join(content, file);
      const source = readFileSync(absolute, "utf8");
      const url = releaseUrl(file, source, site.timeZone ?? "Asia/Tehran");
      if (!url) continue;
      // Warm the page once, as an author's open tab would have it.
      await get(`${base}${url}`);
      const marker = `ویرایش ${uniqueWord()}`;
      const edited = source.replace(/^title: .*$/m, `title: "${marker}"`);
      writeFileSync(absolute, edited);
      const t0 = performance.now();
      await waitFor(async () => (await get(`${base}${url}`)).body.includes(marker), 60_000, `edited page ${url}`);
      editMs.push(performance.now() - t0);
      await sleep(300);
    }
    const addMs: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      const marker = `خبر تازه‌ی ${uniqueWord()}`;
      const file = path.join(content, "releases", `bench-new-${i + 1}.md`);
      writeFileSync(
        file,
        `---\ntitle: "${marker}"\ndate: "1405-01-${String(10 + i).padStart(2, "0")} 10:00"\ncategory: culture\ntags: [تئاتر]\n---\n\nمتن خبر تازه برای سنجش.\n`,
      );
      const t0 = performance.now();
      // Its lists: its category's first page and its month's archive page (the home page's first page
      // may be taken by scheduled releases, which the preview lists first).
      await waitFor(
        async () =>
          (await get(`${base}/category/culture/`)).body.includes(marker) && (await get(`${base}/archive/1405/01/`)).body.includes(marker),
        60_000,
        "the new release in its lists",
      );
      addMs.push(performance.now() - t0);
      await sleep(300);
    }
    return { startupMs, editMs, addMs };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(content, { recursive: true, force: true });
  }
}
