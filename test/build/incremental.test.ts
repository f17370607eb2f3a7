/**
 * Incremental builds (lib/cache/page-reuse.ts): with a warm cache and the previous output, release
 * pages whose inputs didn't change are the previous build's files, linked — and the result is byte for
 * byte the cold build (`CHAPAR_CACHE=off`) of the same content, after every kind of change an office
 * makes. The search bundle (`pagefind/`) is compared by its own tests.
 *
 * The project is copied (code, layouts, assets; node_modules linked) so that a template, a stylesheet
 * and Chapar's own code can be changed without touching the real checkout.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { copyFixture, FIXED_NOW, listOutput, ROOT, tempDir } from "../helpers/build.ts";

/** A copy of the project whose code the tests may edit. */
let project = "";
before(() => {
  project = path.join(tempDir("chapar-project-"), "chapar");
  for (const p of ["lib", "layouts", "assets", "scripts", "bin"]) cpSync(path.join(ROOT, p), path.join(project, p), { recursive: true });
  for (const f of ["package.json", "package-lock.json", "tsconfig.json", "eleventy.config.ts"])
    cpSync(path.join(ROOT, f), path.join(project, f));
  symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
});

interface Run {
  out: string;
  stdout: string;
  stderr: string;
  reused: number;
  rendered: number;
}

function runBuild(content: string, out: string, env: Record<string, string>): Run {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(project, "scripts/build.ts")], {
    cwd: project,
    env: { ...process.env, CHAPAR_NOW: FIXED_NOW, CHAPAR_CONTENT: content, CHAPAR_OUTPUT: out, CHAPAR_TIMINGS: "1", ...env },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const line = /chapar-timings (\{.*\})/.exec(r.stderr)?.[1];
  assert.ok(line, r.stderr);
  const timings = JSON.parse(line) as { pagesReused: number; pagesRendered: number };
  return { out, stdout: r.stdout, stderr: r.stderr, reused: timings.pagesReused, rendered: timings.pagesRendered };
}

/** Every output file's bytes, but the search bundle's. */
function siteFiles(dir: string): Map<string, Buffer> {
  return new Map(
    listOutput(dir)
      .filter((f) => !f.startsWith("pagefind/"))
      .map((f) => [f, readFileSync(path.join(dir, f))]),
  );
}

function assertSameSite(actual: string, expected: string, what: string): void {
  const a = siteFiles(actual);
  const b = siteFiles(expected);
  assert.deepEqual([...a.keys()], [...b.keys()], `${what}: the same files as the cold build`);
  for (const [file, bytes] of b) assert.ok(a.get(file)!.equals(bytes), `${what}: ${file} is byte-identical to the cold build's`);
}

/** A site kept between builds: its output and cache folders, as CI keeps them. */
function site(content: string) {
  const dir = tempDir("chapar-incremental-");
  const out = path.join(dir, "dist");
  const cache = path.join(dir, "cache");
  return {
    content,
    out,
    cache,
    /** An incremental build, checked against a cold build of the same content. */
    build(what: string, env: Record<string, string> = {}): Run {
      const incremental = runBuild(content, out, { CHAPAR_CACHE_DIR: cache, ...env });
      const cold = runBuild(content, path.join(tempDir("chapar-cold-"), "dist"), { CHAPAR_CACHE: "off", ...env });
      assert.equal(cold.reused, 0, "a cold build reuses nothing");
      assertSameSite(incremental.out, cold.out, what);
      return incremental;
    },
  };
}

const release = (title: string, date: string, extra = "") =>
  `---\ntitle: "${title}"\ndate: "${date}"\ncategory: culture\ntags: [نمایشگاه]\n${extra}---\nمتن ${title}.\n`;

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, "utf8");
  const changed = text.replace(from, to);
  assert.notEqual(changed, text, `${file} has ${from}`);
  writeFileSync(file, changed);
}

describe("an incremental build is byte-identical to a cold build", () => {
  test("content changes: new, edited (title, body, date, category, tags), deleted, draft made public, scheduled come due, _data", () => {
    const s = site(copyFixture("basic"));
    const releases = path.join(s.content, "releases");
    const first = s.build("first build");
    assert.equal(first.reused, 0);
    const warm = s.build("nothing changed");
    assert.ok(warm.reused >= 4 && warm.rendered > 0, `release pages reused, lists rendered (${warm.reused}, ${warm.rendered})`);

    writeFileSync(path.join(releases, "1403/added.md"), release("خبر افزوده", "1403-08-01"));
    const added = s.build("a new release");
    assert.ok(added.reused > 0, "the others' pages are reused");

    const spring = path.join(releases, "1401/spring.md");
    edit(spring, 'title: "نمایشگاه بهاری"', 'title: "نمایشگاه بهاری (اصلاح‌شده)"');
    s.build("an old release's title");
    edit(spring, "پاراگراف دوم.", "پاراگراف دوم، اصلاح‌شده.");
    s.build("its body");
    edit(spring, '"1401-02-25 10:30"', '"1401-02-26 09:00"');
    s.build("its date");
    edit(spring, "category: culture", "category: education");
    s.build("its category");
    edit(spring, "tags: [هم‌اندیشی, نمایشگاه]", "tags: [نمایشگاه, بهار]");
    s.build("its tags");

    rmSync(path.join(releases, "1403/nowruz.md"));
    const deleted = s.build("a deletion");
    assert.ok(deleted.reused > 0);

    edit(path.join(releases, "1403/draft.md"), "draft: true\n", "");
    s.build("a draft made public");

    // Dated after the tests' fixed moment (1405-09-06): scheduled, then due when only CHAPAR_NOW moves.
    writeFileSync(path.join(releases, "1403/soon.md"), release("خبر زمان‌بندی‌شده", "1405-10-01"));
    const scheduled = s.build("a scheduled release");
    assert.ok(!existsSync(path.join(s.out, "1405")), "not published yet");
    const due = s.build("the scheduled release come due", { CHAPAR_NOW: "1405-10-02" });
    assert.ok(existsSync(path.join(due.out, "1405/10/soon/index.html")));
    assert.ok(scheduled.reused > 0 && due.reused > 0);

    edit(path.join(s.content, "_data/site.json"), '"description": "خبرهای آزمایشی برای آزمون ساخت"', '"description": "توضیح تازه"');
    const data = s.build("a change to _data/", { CHAPAR_NOW: "1405-10-02" });
    assert.equal(data.reused, 0, "a data change renders every page");
  });

  test("code changes: a template, the stylesheet, Chapar itself", () => {
    const s = site(copyFixture("basic"));
    s.build("first build");
    const base = path.join(project, "layouts/base.ts");
    edit(base, 'class="skip-link"', 'class="skip-link" data-changed="1"');
    const template = s.build("a template");
    assert.equal(template.reused, 0, "a template change renders every page");
    assert.match(readFileSync(path.join(s.out, "index.html"), "utf8"), /data-changed="1"/);
    const css = path.join(project, "assets/css/layout.css");
    writeFileSync(css, `${readFileSync(css, "utf8")}\n.release-nav { margin-block-start: 2rem; }\n`);
    s.build("the stylesheet");
    edit(path.join(project, "lib/locale/fa.strings.ts"), /skipLink: "([^"]*)"/, 'skipLink: "$1 (تازه)"');
    const upgrade = s.build("a Chapar upgrade");
    assert.equal(upgrade.reused, 0);
    const again = s.build("warm after the upgrade");
    assert.ok(again.reused > 0);
  });
});

describe("the previous output is verified, never altered", () => {
  test("a page changed in the previous output (same size) is not reused", () => {
    const s = site(copyFixture("basic"));
    s.build("first build");
    const page = path.join(s.out, "1401/02/spring/index.html");
    const original = readFileSync(page);
    const tampered = Buffer.from(original);
    tampered[tampered.indexOf("<main")] = "<".charCodeAt(0) + 1; // one byte, same size
    writeFileSync(page, tampered);
    assert.equal(statSync(page).size, original.length);
    const next = s.build("after the tampering");
    assert.ok(readFileSync(page).equals(original), "rendered again");
    assert.ok(next.reused > 0, "the other pages are reused");
  });

  test("a killed incremental build leaves the previous output as it was", async () => {
    const s = site(copyFixture("basic"));
    s.build("first build");
    const before = siteFiles(s.out);
    writeFileSync(path.join(s.content, "releases/1403/added.md"), release("خبر افزوده", "1403-08-01"));
    const child = spawn(process.execPath, ["--import", "tsx", path.join(project, "scripts/build.ts")], {
      cwd: project,
      env: {
        ...process.env,
        CHAPAR_NOW: FIXED_NOW,
        CHAPAR_CONTENT: s.content,
        CHAPAR_OUTPUT: s.out,
        CHAPAR_CACHE_DIR: s.cache,
        CHAPAR_TEST_PAUSE_AT: "staged",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
    await new Promise<void>((resolve, reject) => {
      let said = "";
      child.stdout.on("data", (chunk: Buffer) => {
        said += chunk.toString("utf8");
        if (said.includes("CHAPAR_TEST_PAUSED staged")) resolve();
      });
      void exited.then(() => reject(new Error(`the build ended before pausing:\n${said}`)));
    });
    assert.ok(existsSync(`${s.out}.tmp-${child.pid}/site/1401/02/spring/index.html`), "the new site was staged, its pages linked");
    child.kill("SIGKILL");
    await exited;
    const after = siteFiles(s.out);
    assert.deepEqual([...after.keys()], [...before.keys()]);
    for (const [file, bytes] of before) assert.ok(after.get(file)!.equals(bytes), `${file} untouched`);
    s.build("the next build");
  });
});
