/**
 * The output folder (`CHAPAR_OUTPUT`, default `dist`): which folder a build may replace, and how it
 * replaces it so that no wrong setting, kill, crash or second build loses data.
 *
 * - **Only a folder Chapar made is replaced.** The proof is the `_headers` file every Chapar build has
 *   written at the output's top since its first version (its first line, `MADE_BY_CHAPAR`): so a
 *   `dist/` of an older Chapar is recognised as it is, nothing extra is published, and the hosts that
 *   read `_headers` (Cloudflare Pages, Netlify) never serve it. A proof kept in `.cache/` instead would
 *   be lost with the cache (and a restored CI cache would vouch for a folder it never saw). Anything
 *   else is refused, in Persian, before the build starts (`checkOutput`): `/`, the home folder, the
 *   project, the content folder or the current folder (or a folder holding one of them), a folder
 *   inside the content folder, a git work tree, a mount point, a plain file, and an existing folder
 *   that isn't empty and has no such `_headers`.
 * - **A symlinked output** (`dist → /srv/press`) is resolved: its target folder is replaced, the link
 *   stays and points at the new site.
 * - **One build at a time** per output: `<output>.lock/` holds the running build's PID; another build
 *   waits for it (a lock whose build is dead is taken over).
 * - **Each build works in `<output>.tmp-<PID>/`** (marked by `.chapar-build` with the build's PID and
 *   start time): `site/` is the new site, `site.search/` the search step's documents, `children/` the
 *   programs it started, and during the swap `old/` the previous output. The next build removes the
 *   work folders of dead builds (and stops their recorded programs) — and nothing else.
 * - **The swap** is two renames (`output → work/old`, `work/site → output`). A kill between them
 *   leaves no `output` for as long as the next build takes to start: its first step puts `work/old`
 *   back (`recoverOutput`). Node has no atomic exchange of two folders (Linux's renameat2
 *   RENAME_EXCHANGE, macOS's renamex_np), and the recovery is needed wherever there is none.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  closeSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MADE_BY_CHAPAR } from "../features/headers.ts";
import type { BuildSettings } from "../site/settings.ts";
import { formatIdentity, identityOf, isRunning, parseIdentity, stopRecordedChildren, type ProcessIdentity } from "./processes.ts";

/** The file that marks a build's work folder (first line fixed, second the build's identity). */
export const WORK_MARKER = ".chapar-build";
const WORK_MARKER_TITLE = "Chapar build work folder: removed by the next build once its build has ended.";

/** Chapar's own code (the project an office clones). */
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A wrong output setting (Persian message): the build stops before it starts. */
export class OutputRefused extends Error {}

/** Where a build writes, and the calls that put its result in place. */
export interface OutputClaim {
  /** The output's real folder (a symlinked output's target). */
  readonly target: string;
  /** The folder to build the site into. */
  readonly staging: string;
  /** Where programs started by the build are recorded (`recordChild`), so a next build can stop them. */
  readonly childRecords: string;
  /** Swaps the staging folder into place and releases the output (exits, in Persian, if the output changed meanwhile). */
  commit(): void;
  /** Removes the staging folder (the build failed) and releases the output. */
  abandon(): void;
}

/** `inner` is `outer` or inside it. */
function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The real path of `p`, whose last parts may not exist yet. */
function realPathOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realPathOf(parent), path.basename(p));
  }
}

/** Whether `folder` is a site an earlier Chapar build wrote (its `_headers` begins with Chapar's line). */
export function isChaparOutput(folder: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path.join(folder, "_headers"), "r");
    const head = Buffer.alloc(MADE_BY_CHAPAR.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString("utf8") === MADE_BY_CHAPAR;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The output as messages name it: relative to the current folder when inside it, else absolute. */
function shownPath(output: string): string {
  const rel = path.relative(process.cwd(), output);
  return rel === "" ? "." : rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? output : rel;
}

/**
 * Checks the output setting before anything is built or written; returns the folder to replace (a
 * symlink's target) or throws `OutputRefused`.
 */
export function checkOutput(settings: Pick<BuildSettings, "outputDir" | "contentDir">): string {
  const output = path.resolve(settings.outputDir);
  const shown = shownPath(output);
  let target = realPathOf(output);
  let isLink = false;
  try {
    isLink = lstatSync(output).isSymbolicLink();
  } catch {
    // doesn't exist yet: fine
  }
  if (isLink && !existsSync(output)) target = path.resolve(path.dirname(output), readlinkSync(output));
  const named = isLink ? `${shown} → ${target}` : shown;
  const refuse = (reason: string, fix = "CHAPAR_OUTPUT را پوشه‌ای بدهید که نیست، خالی است یا خروجی پیشین چاپار است (پیش‌فرض: dist).") =>
    new OutputRefused(
      `پوشه‌ی خروجی (CHAPAR_OUTPUT=${named}) ${reason}. چاپار پوشه‌ی خروجی را در هر ساخت کامل پاک و جایگزین می‌کند؛ برای همین ساخت انجام نشد و چیزی پاک نشد. ${fix}`,
    );
  if (isLink && !existsSync(output))
    throw refuse(`پیوندی (symlink) به ${target} است که وجود ندارد`, "آن پوشه را بسازید (mkdir) یا پیوند را بردارید.");
  if (path.parse(target).root === target) throw refuse("ریشه‌ی دیسک است");
  const content = realPathOf(path.resolve(settings.contentDir));
  if (isWithin(target, content) && target !== content) throw refuse(`درون پوشه‌ی محتوا (${content}) است و ساخت بعدی آن را محتوا می‌خواند`);
  const guarded: [string, string][] = [
    [content, "پوشه‌ی محتوا"],
    [realPathOf(PROJECT_ROOT), "پوشه‌ی پروژه‌ی چاپار"],
    [realPathOf(process.cwd()), "پوشه‌ی جاری"],
    [realPathOf(homedir()), "پوشه‌ی خانه"],
  ];
  for (const [folder, name] of guarded) {
    if (target === folder) throw refuse(`خودِ ${name} (${folder}) است`);
    if (isWithin(folder, target)) throw refuse(`${name} (${folder}) را در بر دارد`);
  }
  const problem = existingOutputProblem(target);
  if (problem) throw refuse(...problem);
  return target;
}

/** Why an existing `target` may not be replaced (reason and fix), or undefined when it may (or is absent). */
function isEmptyFolder(folder: string): boolean {
  try {
    return readdirSync(folder).length === 0;
  } catch {
    return false;
  }
}

function existingOutputProblem(target: string): [string, string?] | undefined {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(target);
  } catch {
    return undefined;
  }
  if (!stats.isDirectory()) return ["یک فایل است، نه پوشه"];
  if (stats.dev !== statSync(path.dirname(target)).dev)
    return [
      "نقطه‌ی اتصال (mount point) است و نمی‌شود آن را با پوشه‌ی تازه جایگزین کرد",
      "پوشه‌ی بالاتر را متصل کنید و CHAPAR_OUTPUT را پوشه‌ای درون آن بدهید.",
    ];
  if (existsSync(path.join(target, ".git"))) return [`یک مخزن git است (${path.join(target, ".git")} دارد)`];
  if (readdirSync(target).length === 0 || isChaparOutput(target)) return undefined;
  return [
    "پوشه‌ای است که چاپار نساخته (فایل _headers ساخته‌ی چاپار در آن نیست) و خالی نیست",
    "اگر محتوای آن را نمی‌خواهید، خودتان خالی‌اش کنید؛ یا CHAPAR_OUTPUT را پوشه‌ی دیگری بدهید (پیش‌فرض: dist).",
  ];
}

// ---------------------------------------------------------------------------------------------
// Work folders and the lock.

const workFolderOf = (target: string, pid: number) => `${target}.tmp-${pid}`;

/** The identity recorded in a work folder's marker, if `folder` is a work folder Chapar made. */
function workOwner(folder: string): ProcessIdentity | undefined {
  try {
    const [title, identity = ""] = readFileSync(path.join(folder, WORK_MARKER), "utf8").split("\n");
    return title === WORK_MARKER_TITLE ? parseIdentity(identity) : undefined;
  } catch {
    return undefined;
  }
}

/** Removes a work folder, its marker last, so that a kill meanwhile leaves it still recognisable. */
function removeWorkFolder(folder: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (name !== WORK_MARKER) rmSync(path.join(folder, name), { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
}

/**
 * What dead builds into `target` left: their programs are stopped, their work folders removed, and an
 * output a kill took away between the swap's two renames is put back. Runs under the lock. Folders an
 * older Chapar's killed build left (`.tmp-PID`, `.old-PID`: no work marker) are removed when they hold
 * a Chapar site; the others (`.tmp-PID.search`) are only returned, to be named to the operator.
 */
export function recoverOutput(target: string): { removed: string[]; restored: boolean; unknown: string[] } {
  const parent = path.dirname(target);
  const base = path.basename(target);
  const result = { removed: [] as string[], restored: false, unknown: [] as string[] };
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    return result;
  }
  const restore = (previous: string) => {
    if (existsSync(target) || !existsSync(previous)) return;
    renameSync(previous, target);
    result.restored = true;
  };
  for (const name of names.sort()) {
    const match = /^\.(tmp|old)-(\d+)(\.search)?$/.exec(name.slice(base.length));
    if (!name.startsWith(base) || !match) continue;
    const [, kind, pid, search] = match;
    const folder = path.join(parent, name);
    const owner = workOwner(folder);
    if (owner) {
      if (kind !== "tmp" || search || owner.pid !== Number(pid) || isRunning(owner)) continue;
      stopRecordedChildren(path.join(folder, "children"), false);
      restore(path.join(folder, "old"));
      removeWorkFolder(folder);
      result.removed.push(folder);
    } else if (!isRunning({ pid: Number(pid), started: "" })) {
      if (isEmptyFolder(folder)) {
        // A build killed between making its work folder and marking it.
        rmSync(folder, { recursive: true, force: true });
        result.removed.push(folder);
        continue;
      }
      if (search || !isChaparOutput(folder)) {
        result.unknown.push(folder);
        continue;
      }
      if (kind === "old") restore(folder);
      rmSync(folder, { recursive: true, force: true });
      result.removed.push(folder);
    }
  }
  return result;
}

const LOCK_POLL_MS = 200;

/** Takes `<target>.lock`, waiting while a running build holds it; a dead build's lock is taken over. */
async function lockOutput(target: string, me: ProcessIdentity, shown: string): Promise<string> {
  const lock = `${target}.lock`;
  const ownerFile = path.join(lock, "owner");
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(ownerFile, formatIdentity(me));
      return lock;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    let holder: ProcessIdentity | undefined;
    try {
      holder = parseIdentity(readFileSync(ownerFile, "utf8"));
    } catch {
      // Taken this instant (the owner file comes next), or its build died in between: stale after a while.
    }
    const stale = holder ? !isRunning(holder) : ageMs(lock) > 5_000;
    if (stale) {
      // Renamed away first, so that of two builds taking over the same dead lock only one removes it.
      const away = `${lock}-stale-${me.pid}`;
      try {
        renameSync(lock, away);
        rmSync(away, { recursive: true, force: true });
      } catch {
        // another build took it over first
      }
      continue;
    }
    if (!told && holder) {
      console.warn(`ساخت دیگری (فرایند ${holder.pid}) همین حالا در ${shown} می‌نویسد؛ این ساخت منتظر می‌ماند تا آن تمام شود.`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** For tests (`CHAPAR_TEST_PAUSE_AT=<point>`): says where it stopped on stdout and waits to be killed. */
function pauseForTest(point: string): void {
  if (process.env.CHAPAR_TEST_PAUSE_AT !== point) return;
  writeSync(1, `CHAPAR_TEST_PAUSED ${point}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

/**
 * Claims the output for this build: checks the setting (throws `OutputRefused`), waits for another
 * build into it, cleans up after dead ones and makes this build's work folder. Until `commit` or
 * `abandon`, an exit or a SIGINT/SIGTERM/SIGHUP stops the build's programs and removes its work folder.
 */
export async function claimOutput(settings: Pick<BuildSettings, "outputDir" | "contentDir">): Promise<OutputClaim> {
  const target = checkOutput(settings);
  const shown = shownPath(path.resolve(settings.outputDir));
  const me = identityOf(process.pid);
  let lock: string;
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    lock = await lockOutput(target, me, shown);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EACCES" && code !== "EPERM" && code !== "EROFS") throw e;
    // The new site is built beside the output, so its parent folder must be writable.
    throw new OutputRefused(
      `در پوشه‌ی ${path.dirname(target)} نمی‌شود نوشت (${code})؛ چاپار سایت تازه را کنار پوشه‌ی خروجی (CHAPAR_OUTPUT=${shown}) می‌سازد و جایش می‌گذارد. ساخت انجام نشد. اجازه‌ی نوشتن در آن پوشه را بدهید یا CHAPAR_OUTPUT را جای دیگری بدهید.`,
    );
  }
  const { unknown } = recoverOutput(target);
  if (unknown.length > 0)
    console.warn(
      `این پوشه‌ها را احتمالاً ساخت‌های نیمه‌کاره‌ی نسخه‌ای قدیمی‌تر از چاپار جا گذاشته‌اند؛ چاپار آن‌ها را پاک نمی‌کند، چون نشانه‌ی خودش در آن‌ها نیست. اگر لازمشان ندارید پاکشان کنید:\n${unknown.map((folder) => `  rm -rf ${JSON.stringify(folder)}`).join("\n")}`,
    );
  const work = workFolderOf(target, process.pid);
  removeWorkFolder(work);
  mkdirSync(work);
  writeFileSync(path.join(work, WORK_MARKER), `${WORK_MARKER_TITLE}\n${formatIdentity(me)}\n`);
  const staging = path.join(work, "site");
  const childRecords = path.join(work, "children");
  mkdirSync(staging);

  const previous = path.join(work, "old");
  let done = false;
  const release = () => {
    if (done) return;
    done = true;
    stopRecordedChildren(childRecords, true);
    // A swap that failed between its renames (or was interrupted): the previous output goes back first.
    if (existsSync(previous) && !existsSync(target)) renameSync(previous, target);
    removeWorkFolder(work);
    rmSync(lock, { recursive: true, force: true });
    process.off("exit", release);
    for (const [signal] of signals) process.off(signal, onSignal);
  };
  const signals = [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    process.exit(signals.find(([name]) => name === signal)?.[1] ?? 1);
  };
  process.on("exit", release);
  for (const [signal] of signals) process.on(signal, onSignal);

  return {
    target,
    staging,
    childRecords,
    abandon: release,
    commit() {
      // Checked again: a folder put at the output's place during the build is not replaced either.
      const problem = existingOutputProblem(target);
      if (problem) {
        release();
        console.error(`پوشه‌ی خروجی ${shown} در میان ساخت عوض شد: ${problem[0]}. چیزی جایگزین نشد.`);
        process.exit(1);
      }
      stopRecordedChildren(childRecords, true);
      pauseForTest("staged");
      if (existsSync(target)) renameSync(target, previous);
      pauseForTest("swap");
      renameSync(staging, target);
      release();
    },
  };
}
