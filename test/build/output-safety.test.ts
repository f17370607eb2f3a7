/**
 * The output folder (lib/build/output.ts): a wrong CHAPAR_OUTPUT is refused in Persian before
 * anything is built or deleted; a killed build, a kill during the swap, two builds at once and a
 * symlinked output never lose the site or leave folders behind.
 *
 * Never run the refusal tests against a Chapar without them: the old swap deleted whatever
 * CHAPAR_OUTPUT named (the project folder included).
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, test } from "node:test";
import { identityOf, isRunning, recordChild } from "../../lib/build/processes.ts";
import { build, buildOk, copyFixture, FIXED_NOW, ROOT, tempDir, snapshotOutput } from "../helpers/build.ts";

const CACHE = path.join(tmpdir(), "chapar-test-cache");

/** A good site, built once; tests copy it as "the previous output". */
let good: string;
let goodIndex: Buffer;
/** What a good build of the fixture says on stderr (its typography warnings). */
let goodStderr: string;

before(() => {
  const built = buildOk(copyFixture("basic"));
  good = built.out;
  goodStderr = built.stderr;
  goodIndex = readFileSync(path.join(good, "index.html"));
});

/** A copy of the good site at `<fresh temp>/dist`, with a file that tells it apart from a new build. */
function previousOutput(): string {
  const out = path.join(realpathSync(tempDir()), "dist");
  cpSync(good, out, { recursive: true });
  writeFileSync(path.join(out, "previous.txt"), "the previous build");
  return out;
}

/** The sibling folders a build into `out` may leave (work folders, lock). */
const leftovers = (out: string) => readdirSync(path.dirname(out)).filter((name) => name !== path.basename(out));

function spawnBuild(content: string, out: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build.ts")], {
    cwd: ROOT,
    env: { ...process.env, CHAPAR_NOW: FIXED_NOW, CHAPAR_CACHE_DIR: CACHE, CHAPAR_CONTENT: content, CHAPAR_OUTPUT: out, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  /** Resolves when the build's stdout or stderr says `text`. */
  const says = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (stdout.includes(text) || stderr.includes(text)) resolve();
      };
      child.stdout.on("data", check);
      child.stderr.on("data", check);
      check();
      void exit.then(() => reject(new Error(`the build ended before saying "${text}":\n${stdout}\n${stderr}`)));
    });
  return { child, exit, says };
}

async function until(condition: () => boolean, what: string, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A PID that was just used and has ended. */
const deadPid = () => spawnSync("true").pid!;

const FRAME = "چاپار پوشه‌ی خروجی را در هر ساخت کامل پاک و جایگزین می‌کند؛ برای همین ساخت انجام نشد و چیزی پاک نشد.";
const ANOTHER = "CHAPAR_OUTPUT را پوشه‌ای بدهید که نیست، خالی است یا خروجی پیشین چاپار است (پیش‌فرض: dist).";
const refusal = (named: string, reason: string, fix = ANOTHER) => `پوشه‌ی خروجی (CHAPAR_OUTPUT=${named}) ${reason}. ${FRAME} ${fix}\n`;

describe("a wrong CHAPAR_OUTPUT is refused before building, and nothing is deleted", () => {
  /**
   * Builds a content folder with an error in it: a build that started would report that error, so a
   * message that is only the refusal shows the refusal came first. No cache is written either.
   */
  function refused(output: string, env: Record<string, string> = {}, content = brokenContent()) {
    const cacheDir = path.join(tempDir(), "cache");
    const startedAt = performance.now();
    const result = build(content, { out: output, env: { CHAPAR_CACHE_DIR: cacheDir, ...env } });
    const ms = Math.round(performance.now() - startedAt);
    assert.notEqual(result.code, 0);
    assert.equal(result.stdout, "");
    assert.ok(!existsSync(cacheDir), "nothing was checked or cached");
    return { ...result, ms, content };
  }
  function brokenContent(): string {
    const content = copyFixture("basic");
    writeFileSync(path.join(content, "releases/1403/broken.md"), "no front matter\n");
    return content;
  }

  test("the disk's root", (t) => {
    const result = refused("/");
    assert.equal(result.stderr, refusal("/", "ریشه‌ی دیسک است"));
    t.diagnostic(`refused in ${result.ms} ms (process start included)`);
  });

  test("the content folder itself, a folder inside it, and a folder that holds it", () => {
    const content = brokenContent();
    const before = snapshotOutput(content);
    const itself = refused(content, {}, content);
    assert.equal(itself.stderr, refusal(content, `خودِ پوشه‌ی محتوا (${content}) است`));
    const inside = path.join(content, "out");
    assert.equal(refused(inside, {}, content).stderr, refusal(inside, `درون پوشه‌ی محتوا (${content}) است و ساخت بعدی آن را محتوا می‌خواند`));
    const holder = path.dirname(content);
    assert.equal(refused(holder, {}, content).stderr, refusal(holder, `پوشه‌ی محتوا (${content}) را در بر دارد`));
    assert.deepEqual(snapshotOutput(content), before, "the content is untouched");
  });

  test("the project folder (`.`), and the home folder or one that holds it", () => {
    const gitBefore = readdirSync(ROOT).length;
    assert.equal(refused(ROOT).stderr, refusal(".", `خودِ پوشه‌ی پروژه‌ی چاپار (${realpathSync(ROOT)}) است`));
    assert.equal(readdirSync(ROOT).length, gitBefore);
    const somewhere = realpathSync(tempDir());
    const home = path.join(somewhere, "home");
    mkdirSync(home);
    writeFileSync(path.join(home, "notes.txt"), "mine");
    assert.equal(refused(home, { HOME: home }).stderr, refusal(home, `خودِ پوشه‌ی خانه (${home}) است`));
    assert.equal(refused(somewhere, { HOME: home }).stderr, refusal(somewhere, `پوشه‌ی خانه (${home}) را در بر دارد`));
    assert.equal(readFileSync(path.join(home, "notes.txt"), "utf8"), "mine");
  });

  test("a git work tree, even one that holds a Chapar site", () => {
    const out = previousOutput();
    mkdirSync(path.join(out, ".git"));
    const before = snapshotOutput(out);
    assert.equal(refused(out).stderr, refusal(out, `یک مخزن git است (${path.join(out, ".git")} دارد)`));
    assert.deepEqual(snapshotOutput(out), before);
  });

  test("a plain file, and a folder Chapar didn't make", () => {
    const dir = realpathSync(tempDir());
    const file = path.join(dir, "site.html");
    writeFileSync(file, "<p>mine</p>");
    assert.equal(refused(file).stderr, refusal(file, "یک فایل است، نه پوشه"));
    assert.equal(readFileSync(file, "utf8"), "<p>mine</p>");
    const folder = path.join(dir, "public");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "index.html"), "<p>mine</p>");
    writeFileSync(path.join(folder, "_headers"), "/*\n  X-Frame-Options: DENY\n");
    assert.equal(
      refused(folder).stderr,
      refusal(
        folder,
        "پوشه‌ای است که چاپار نساخته (فایل _headers ساخته‌ی چاپار در آن نیست) و خالی نیست",
        "اگر محتوای آن را نمی‌خواهید، خودتان خالی‌اش کنید؛ یا CHAPAR_OUTPUT را پوشه‌ی دیگری بدهید (پیش‌فرض: dist).",
      ),
    );
    assert.deepEqual(readdirSync(folder).sort(), ["_headers", "index.html"]);
    assert.deepEqual(leftovers(folder), ["site.html"], "no work folder or lock was made");
  });

  test("a symlink to a folder that doesn't exist", () => {
    const dir = realpathSync(tempDir());
    const link = path.join(dir, "dist");
    symlinkSync(path.join(dir, "nowhere"), link);
    assert.equal(
      refused(link).stderr,
      refusal(
        `${link} → ${path.join(dir, "nowhere")}`,
        `پیوندی (symlink) به ${path.join(dir, "nowhere")} است که وجود ندارد`,
        "آن پوشه را بسازید (mkdir) یا پیوند را بردارید.",
      ),
    );
  });

  test("an empty folder, and a dist/ an older Chapar built (no other mark than its _headers), are used", () => {
    const empty = path.join(realpathSync(tempDir()), "public");
    mkdirSync(empty);
    buildOk(copyFixture("basic"), { out: empty });
    assert.ok(readFileSync(path.join(empty, "index.html")).equals(goodIndex));
    const older = previousOutput();
    buildOk(copyFixture("basic"), { out: older });
    assert.ok(!existsSync(path.join(older, "previous.txt")), "replaced");
    assert.deepEqual(leftovers(older), []);
  });
});

/** What a build says of folders that look like an older Chapar's leftovers but carry no proof. */
const olderChaparNote = (folders: string[]) =>
  `این پوشه‌ها را احتمالاً ساخت‌های نیمه‌کاره‌ی نسخه‌ای قدیمی‌تر از چاپار جا گذاشته‌اند؛ چاپار آن‌ها را پاک نمی‌کند، چون نشانه‌ی خودش در آن‌ها نیست. اگر لازمشان ندارید پاکشان کنید:\n${folders.map((f) => `  rm -rf ${JSON.stringify(f)}`).join("\n")}`;

describe("killed builds", () => {
  test("a build killed before its swap leaves the output as it was; the next build removes only what dead builds left", async () => {
    const out = previousOutput();
    const before = snapshotOutput(out);
    const killed = spawnBuild(copyFixture("basic"), out, { CHAPAR_TEST_PAUSE_AT: "staged" });
    await killed.says("CHAPAR_TEST_PAUSED staged");
    killed.child.kill("SIGKILL");
    await killed.exit;
    const work = `${out}.tmp-${killed.child.pid}`;
    assert.ok(existsSync(path.join(work, "site/index.html")), "the killed build left its work folder");
    assert.deepEqual(snapshotOutput(out), before, "the output is untouched");
    // Pagefind orphaned by the kill, stood in for by a process recorded the way the search step records it.
    const orphan = spawn("sleep", ["60"], { stdio: "ignore" });
    recordChild(path.join(work, "children"), orphan.pid!);
    // Not a dead build's: a running process's folder, a folder without Chapar's mark, another output's.
    const running = `${out}.tmp-${process.pid}`;
    mkdirSync(running);
    writeFileSync(
      path.join(running, ".chapar-build"),
      readFileSync(path.join(work, ".chapar-build"), "utf8").replace(/\n.*\n$/, `\n${process.pid}\n`),
    );
    const unmarked = `${out}.tmp-${deadPid()}`;
    mkdirSync(unmarked);
    writeFileSync(path.join(unmarked, "notes.txt"), "not Chapar's");
    const other = `${out}2.tmp-${killed.child.pid}`;
    cpSync(work, other, { recursive: true, filter: (source) => !source.includes("children") });

    const next = buildOk(copyFixture("basic"), { out });
    assert.equal(next.stderr, `${olderChaparNote([unmarked])}\n${goodStderr}`);
    assert.ok(!existsSync(work), "the dead build's work folder is removed");
    await until(() => orphan.exitCode !== null || orphan.signalCode !== null, "the orphan to be stopped", 10_000);
    assert.equal(orphan.signalCode, "SIGKILL", "its recorded program is stopped");
    assert.deepEqual(leftovers(out).sort(), [path.basename(other), path.basename(running), path.basename(unmarked)].sort());
    assert.ok(readFileSync(path.join(out, "index.html")).equals(goodIndex) && !existsSync(path.join(out, "previous.txt")));
  });

  test("a kill between the swap's two renames: the next build puts the previous output back first", async () => {
    const out = previousOutput();
    const before = snapshotOutput(out);
    const killed = spawnBuild(copyFixture("basic"), out, { CHAPAR_TEST_PAUSE_AT: "swap" });
    await killed.says("CHAPAR_TEST_PAUSED swap");
    killed.child.kill("SIGKILL");
    await killed.exit;
    // What a reader of the output sees after such a kill, until the next build starts.
    assert.ok(!existsSync(out), "no output between the renames");
    const work = `${out}.tmp-${killed.child.pid}`;
    assert.deepEqual(snapshotOutput(path.join(work, "old")), before, "the previous output is whole, in the work folder");
    // Even a build that then fails on its content restores it (the recovery is its first step).
    const content = copyFixture("basic");
    writeFileSync(path.join(content, "releases/1403/broken.md"), "no front matter\n");
    const failed = build(content, { out });
    assert.notEqual(failed.code, 0);
    assert.deepEqual(snapshotOutput(out), before, "the previous output is back, as it was");
    assert.deepEqual(leftovers(out), []);
  });

  test("a program the build starts (Pagefind) dies with it, even of SIGKILL (Linux: setpriv --pdeathsig)", {
    skip: process.platform !== "linux",
  }, async () => {
    // A stand-in for the build: starts a long program the way the search step starts Pagefind, then is killed.
    const processes = path.join(ROOT, "lib/build/processes.ts");
    const parent = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `import { spawn } from "node:child_process"; import { dyingWithThisThread } from ${JSON.stringify(processes)};
         const child = spawn(...dyingWithThisThread("sleep", ["60"]), { stdio: "ignore" }); console.log(child.pid); setInterval(() => {}, 1000);`,
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    const pid = await new Promise<number>((resolve) => parent.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString()))));
    assert.ok(isRunning({ pid, started: "" }));
    parent.kill("SIGKILL");
    await until(() => !isRunning({ pid, started: "" }), "the program to end with its parent", 1_000);
  });

  test("an older Chapar's leftovers: its previous output is put back, its staging removed, its search documents named", () => {
    const out = previousOutput();
    const before = snapshotOutput(out);
    const [a, b, c] = [deadPid(), deadPid(), deadPid()];
    renameSync(out, `${out}.old-${a}`); // killed between its two renames
    cpSync(`${out}.old-${a}`, `${out}.tmp-${b}`, { recursive: true });
    mkdirSync(`${out}.tmp-${c}.search/1403`, { recursive: true });
    writeFileSync(`${out}.tmp-${c}.search/1403/index.html`, "<p>a folded document</p>");
    const content = copyFixture("basic");
    writeFileSync(path.join(content, "releases/1403/broken.md"), "no front matter\n");
    const failed = build(content, { out });
    assert.notEqual(failed.code, 0);
    assert.ok(failed.stderr.startsWith(`${olderChaparNote([`${out}.tmp-${c}.search`])}\n`), failed.stderr);
    assert.deepEqual(snapshotOutput(out), before, "the previous output is back");
    assert.deepEqual(leftovers(out), [`dist.tmp-${c}.search`]);
  });

  test("SIGTERM stops the build's programs and removes its work folder and lock", async () => {
    const out = previousOutput();
    const before = snapshotOutput(out);
    const content = copyFixture("basic");
    const running = spawnBuild(content, out);
    const pid = running.child.pid!;
    const work = `${out}.tmp-${pid}`;
    await until(() => existsSync(path.join(work, "site")), "the work folder");
    running.child.kill("SIGTERM");
    const { code } = await running.exit;
    assert.equal(code, 143);
    assert.deepEqual(leftovers(out), []);
    assert.deepEqual(snapshotOutput(out), before);
  });
});

describe("two builds into the same output", () => {
  test("the second waits for the first (in Persian); both succeed, one after the other", async () => {
    const out = previousOutput();
    const first = spawnBuild(copyFixture("basic"), out);
    await until(() => existsSync(`${out}.lock`), "the first build's lock");
    const second = spawnBuild(copyFixture("basic"), out);
    const [a, b] = await Promise.all([first.exit, second.exit]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(
      b.stderr,
      `ساخت دیگری (فرایند ${first.child.pid}) همین حالا در ${out} می‌نویسد؛ این ساخت منتظر می‌ماند تا آن تمام شود.\n${goodStderr}`,
    );
    assert.ok(readFileSync(path.join(out, "index.html")).equals(goodIndex));
    assert.deepEqual(leftovers(out), []);
  });

  test("a lock whose build is dead is taken over", () => {
    const out = previousOutput();
    mkdirSync(`${out}.lock`);
    writeFileSync(path.join(`${out}.lock`, "owner"), `${deadPid()}`);
    const result = buildOk(copyFixture("basic"), { out });
    assert.equal(result.stderr, goodStderr);
    assert.deepEqual(leftovers(out), []);
  });
});

describe("a symlinked output", () => {
  test("the folder it points to is replaced; the link stays a link to it", () => {
    const target = previousOutput();
    const link = path.join(realpathSync(tempDir()), "dist");
    symlinkSync(target, link);
    buildOk(copyFixture("basic"), { out: link });
    assert.ok(lstatSync(link).isSymbolicLink(), "still a link");
    assert.equal(readlinkSync(link), target);
    assert.ok(!existsSync(path.join(target, "previous.txt")), "its target has the new site");
    assert.ok(readFileSync(path.join(target, "index.html")).equals(goodIndex));
    assert.deepEqual(leftovers(target), []);
    assert.deepEqual(readdirSync(path.dirname(link)), ["dist"]);
  });
});

test("process records tell a reused PID from the recorded process", () => {
  const me = identityOf(process.pid);
  assert.ok(isRunning(me));
  if (me.started !== "") assert.ok(!isRunning({ pid: process.pid, started: `${Number(me.started) + 1}` }));
  assert.ok(!isRunning({ pid: deadPid(), started: "" }));
});
