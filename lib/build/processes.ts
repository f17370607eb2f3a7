/**
 * Which process is which, across builds: a build records itself (in its work folder and its lock) and
 * the programs it starts (Pagefind), so that the next build can tell a dead build from a running one
 * and stop what a killed build left running. A PID alone can be reused by an unrelated process once
 * its owner is dead, so on Linux a record also holds the process's start time (`/proc/PID/stat`),
 * and a PID whose start time differs is taken as dead.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A process as recorded: its PID and, where the system tells it, its start time (clock ticks since boot). */
export interface ProcessIdentity {
  pid: number;
  started: string;
}

/** `pid`'s state letter and start time from /proc (Linux); undefined where there is no /proc or no such process. */
function procStat(pid: number): { state: string; started: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields 3 and 22; the command name (field 2, in parentheses) may hold spaces, so count after its ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", started: fields[19] ?? "" };
  } catch {
    return undefined;
  }
}

/** The start time of `pid` (clock ticks since boot), or "" where the system doesn't tell. */
export function startTimeOf(pid: number): string {
  return procStat(pid)?.started ?? "";
}

export function identityOf(pid: number): ProcessIdentity {
  return { pid, started: startTimeOf(pid) };
}

export function formatIdentity({ pid, started }: ProcessIdentity): string {
  return `${pid} ${started}`.trim();
}

export function parseIdentity(text: string): ProcessIdentity | undefined {
  const [pid, started = ""] = text.trim().split(/\s+/);
  const n = Number(pid);
  return Number.isSafeInteger(n) && n > 0 ? { pid: n, started } : undefined;
}

/** Whether the recorded process still runs (a process of another user counts as running). */
export function isRunning({ pid, started }: ProcessIdentity): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  const stat = procStat(pid);
  if (stat === undefined) return true;
  // A zombie has ended (its parent hasn't collected its status yet).
  return stat.state !== "Z" && (started === "" || stat.started === started);
}

/** Records a child process (one file per child in `folder`), synchronously, right after it is started. */
export function recordChild(folder: string, pid: number): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, String(pid)), formatIdentity(identityOf(pid)));
}

/**
 * Stops (SIGKILL) the recorded children of `folder` that still run. Without a start time to compare
 * (no /proc), only `own` children are stopped: a dead build's PID may have been reused.
 */
export function stopRecordedChildren(folder: string, own: boolean): number {
  let stopped = 0;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    let identity: ProcessIdentity | undefined;
    try {
      identity = parseIdentity(readFileSync(path.join(folder, name), "utf8"));
    } catch {
      continue;
    }
    if (!identity || (!own && identity.started === "") || !isRunning(identity)) continue;
    try {
      process.kill(identity.pid, "SIGKILL");
      stopped++;
    } catch {
      // gone meanwhile
    }
  }
  return stopped;
}

/**
 * The command line that runs `command` so that the kernel kills it (SIGKILL) when the thread that
 * starts it ends — with the build, however the build ends, SIGKILL included — where Linux's
 * util-linux offers it (`setpriv --pdeathsig`, kept across exec; Node can't set it itself). A program
 * that doesn't write to a pipe of the dead build doesn't notice its end otherwise. Elsewhere the
 * command runs as it is, and the next build stops it (`recordChild`).
 */
export function dyingWithThisThread(command: string, args: readonly string[]): [string, string[]] {
  const setpriv = "/usr/bin/setpriv";
  const works =
    process.platform === "linux" && existsSync(setpriv) && spawnSync(setpriv, ["--pdeathsig", "KILL", "--", "true"]).status === 0;
  return works ? [setpriv, ["--pdeathsig", "KILL", "--", command, ...args]] : [command, [...args]];
}
