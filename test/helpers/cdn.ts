/**
 * Serves a folder with Cloudflare's own local runtime (`wrangler pages dev`: the same `_headers`
 * parsing, 404 handling and asset serving as Cloudflare Pages), bound to 127.0.0.1 on a free port,
 * with telemetry, update checks and the `Request.cf` download off, so nothing leaves the machine.
 * Wrangler's state, logs and config go to a temporary folder; `stop()` ends its whole process group.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { ROOT, tempDir } from "./build.ts";

const WRANGLER = path.join(ROOT, "node_modules/wrangler/bin/wrangler.js");

export interface LocalPages {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  stop(): Promise<void>;
  /** What wrangler printed (for failure messages). */
  log(): string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Processes of a process group (Linux /proc), as [pid, command name]. */
function groupMembers(pgid: number): [number, string][] {
  const members: [number, string][] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return members;
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid pgrp …; comm may hold spaces, so split after its closing parenthesis.
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) === pgid && state !== "Z") members.push([Number(entry), comm]);
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function stopGroup(child: ChildProcess): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  const signal = (pid: number, sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig);
    } catch {
      // Already gone.
    }
  };
  // workerd first, while wrangler is alive to reap it: ended the other way round, workerd is orphaned
  // and lingers as a zombie where PID 1 doesn't reap (as in containers).
  for (const [pid, name] of groupMembers(pgid)) if (name === "workerd") signal(pid, "SIGTERM");
  for (let i = 0; i < 20 && groupMembers(pgid).some(([, name]) => name === "workerd"); i++) await sleep(100);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  signal(pgid, "SIGTERM");
  await Promise.race([exited, sleep(5000)]);
  // Whatever is left of the group, at once.
  signal(-pgid, "SIGKILL");
  await Promise.race([exited, sleep(2000)]);
}

/**
 * Starts `wrangler pages dev <dir>` and resolves once it answers HTTP (at most `timeoutMs`). Its ports
 * are found free just before the start, and the runtime binds more of its own: should one be taken
 * meanwhile (two servers start at once in the CDN tests), the start is tried again with new ports.
 */
export async function servePages(dir: string, timeoutMs = 60_000): Promise<LocalPages> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPages(dir, timeoutMs);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("Address already in use")) throw error;
    }
  }
}

async function startPages(dir: string, timeoutMs: number): Promise<LocalPages> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const work = tempDir("chapar-wrangler-");
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      "pages",
      "dev",
      dir,
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspectorPort),
      // A fixed date this wrangler's runtime supports (today's date may be newer than it knows).
      "--compatibility-date",
      "2025-01-01",
      "--persist-to",
      path.join(work, "state"),
      "--show-interactive-dev-session=false",
    ],
    {
      cwd: work,
      detached: true, // its own process group, so stop() also ends workerd
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: "false",
        WRANGLER_HIDE_BANNER: "true", // the banner is what checks npm for updates
        CLOUDFLARE_CF_FETCH_ENABLED: "false", // no download of the Request.cf placeholder
        WRANGLER_LOG_PATH: path.join(work, "logs"),
        XDG_CONFIG_HOME: path.join(work, "config"),
        CI: "true",
      },
    },
  );
  // If this process ends without stop() (a crash, a timeout), take wrangler down with it.
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const served: LocalPages = { origin, stop: () => stopGroup(child), log: () => output };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(2000), redirect: "manual" });
      await response.arrayBuffer();
      return served;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await served.stop();
  throw new Error(`wrangler did not answer within ${timeoutMs} ms:\n${output}`);
}
