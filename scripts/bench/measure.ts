/**
 * Runs one command for the benchmark and measures it: wall time, CPU time of the whole process tree
 * (user + system, from `/usr/bin/time` when it is installed — Debian package `time`) and peak memory
 * of the process tree (children included), sampled from /proc every 20 ms as the sum of each live
 * process's VmHWM (its own peak), so a short spike of any one process is still counted.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Measurement {
  wallMs: number;
  /** User + system CPU of the process and its waited-for children; undefined without /usr/bin/time. */
  cpuMs?: number;
  /** Peak resident memory of the process tree in KiB; undefined where /proc is missing. */
  peakKiB?: number;
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunSpec {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

const TIME = "/usr/bin/time";
export const hasGnuTime = existsSync(TIME);
const hasProc = existsSync("/proc/self/status");

/** Child pids of every thread of `pid`; a process that has just exited simply has none. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) for (const c of text.split(" ")) out.push(Number(c));
    }
  } catch {
    // gone between the listing and the read
  }
  return out;
}

function hwmKiB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sum of VmHWM over `root` and all its live descendants. */
function treePeak(root: number): number {
  let sum = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    sum += hwmKiB(pid);
    stack.push(...childrenOf(pid));
  }
  return sum;
}

export function measure(spec: RunSpec): Promise<Measurement> {
  const timeFile = path.join(tmpdir(), `chapar-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [command, args] = hasGnuTime ? [TIME, ["-f", "%U %S", "-o", timeFile, spec.command, ...spec.args]] : [spec.command, spec.args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: spec.cwd, env: spec.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    let peak = 0;
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, treePeak(child.pid));
    };
    const timer = hasProc ? setInterval(sample, 20) : undefined;
    child.on("error", reject);
    child.on("exit", (code) => {
      const wallMs = performance.now() - started;
      if (timer) clearInterval(timer);
      let cpuMs: number | undefined;
      if (hasGnuTime && existsSync(timeFile)) {
        const lines = readFileSync(timeFile, "utf8").trim().split("\n");
        const [user, sys] = (lines[lines.length - 1] ?? "").split(" ").map(Number);
        if (user !== undefined && sys !== undefined && Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user + sys) * 1000;
        rmSync(timeFile, { force: true });
      }
      resolve({
        wallMs,
        ...(cpuMs === undefined ? {} : { cpuMs }),
        ...(hasProc ? { peakKiB: peak } : {}),
        code: code ?? -1,
        stdout,
        stderr,
      });
    });
  });
}
