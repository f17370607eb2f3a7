/**
 * The commands as an author types them, through the real npm and the `chapar` bin: flags written
 * without `--` (which npm takes for itself) either work as meant or stop with a Persian error and
 * the right command — never a file written without the flag — and the build speaks only Persian.
 * The parser's cases are in test/unit/cli-args.test.ts; this is what npm 11 really passes.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { copyFixture, FIXED_NOW, listOutput, ROOT, tempDir } from "../helpers/build.ts";

/** The environment without the npm variables of a surrounding `npm test` (they would leak into the child npm). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== "CHAPAR_BIN") env[key] = value;
  return { ...env, CHAPAR_NOW: FIXED_NOW, CHAPAR_CACHE_DIR: path.join(tempDir(), "cache"), ...extra };
}

/** Runs `npm …` or `npx …` in the project, as an author does. */
function run(tool: "npm" | "npx", args: string[], env: Record<string, string>) {
  const result = spawnSync(tool, args, { cwd: ROOT, env: cleanEnv(env), encoding: "utf8" });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The release files `new` wrote (FIXED_NOW is in the Jalali year 1405). */
const written = (content: string) => readdirSync(path.join(content, "releases/1405")).sort();

describe("flags through npm and the chapar bin", () => {
  const content = copyFixture("authoring");
  const env = { CHAPAR_CONTENT: content };
  const before = () => {
    try {
      return written(content);
    } catch {
      return [];
    }
  };
  const newFile = (previous: string[]) => {
    const added = written(content).filter((f) => !previous.includes(f));
    assert.equal(added.length, 1, `one file written: ${added.join(", ")}`);
    return readFileSync(path.join(content, "releases/1405", added[0]!), "utf8");
  };

  test('`npm run new "…" --draft` without `--` writes a draft, and says how to write it', () => {
    const previous = before();
    const result = run("npm", ["run", "new", "خبر پیش نویس", "--draft"], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(newFile(previous), /^draft: true$/m);
    assert.ok(
      result.stderr.includes(
        "npm گزینه‌ی «--draft» را برای خودش برداشت (هشدار «Unknown cli config» از npm است)؛ چاپار آن را از npm گرفت و به کار بست. " +
          'شکل درست فرمان: npm run new -- "خبر پیش نویس" --draft',
      ),
      result.stderr,
    );
  });

  test("`npm run new -- …` with `--`: every flag as typed, no note", () => {
    const previous = before();
    const result = run("npm", ["run", "new", "--", "خبر آموزشی", "--category", "education", "--draft"], env);
    assert.equal(result.code, 0, result.stderr);
    const source = newFile(previous);
    assert.match(source, /^title: "خبر آموزشی"$/m);
    assert.match(source, /^category: education$/m);
    assert.match(source, /^draft: true$/m);
    assert.doesNotMatch(result.stderr, /برای خودش برداشت/);
  });

  test('`npm run new "…" --category education` (npm splits the value off): refused, nothing written, the right commands shown', () => {
    const previous = before();
    const result = run("npm", ["run", "new", "خبر جدا", "--category", "education"], env);
    assert.equal(result.code, 2, result.stdout);
    assert.deepEqual(before(), previous, "no file written");
    assert.ok(
      result.stderr.includes(
        [
          "npm گزینه‌ی «--category» را برای خودش برداشت و مقدارش را جدا کرد (به چاپار رسید: «خبر جدا» «education»)؛ فرمان اجرا نشد و چیزی نوشته نشد.",
          "در «npm run» گزینه‌ها را پس از «--» بنویسید:",
          '  npm run new -- "خبر جدا" --category education',
          "یا با فرمان خود چاپار، که گزینه‌ها را دست‌نخورده می‌گیرد:",
          '  npx chapar new "خبر جدا" --category education',
        ].join("\n"),
      ),
      result.stderr,
    );
  });

  test('`npm run new "…" --category=education` keeps the value; an unknown flag after `--` is a Persian error', () => {
    const previous = before();
    const result = run("npm", ["run", "new", "خبر برابر", "--category=education"], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(newFile(previous), /^category: education$/m);

    const unknown = run("npm", ["run", "new", "--", "خبر نادرست", "--categroy", "education"], env);
    assert.equal(unknown.code, 2);
    assert.deepEqual(before(), written(content));
    assert.ok(unknown.stderr.includes("گزینه‌ی «--categroy» را فرمان «new» نمی‌شناسد."), unknown.stderr);
  });

  test("`npm run check --fix` runs the fixes; `npm run check --typography error` is refused with the right command", () => {
    const fix = run("npm", ["run", "check", "--fix"], env);
    assert.match(fix.stdout, /^(\d+ اصلاح در \d+ پرونده انجام شد\.|اصلاح بی‌خطری برای انجام نبود\.)$/m, fix.stdout + fix.stderr);
    const level = run("npm", ["run", "check", "--typography", "error"], env);
    assert.equal(level.code, 2);
    assert.ok(level.stderr.includes("\n  npm run check -- --typography error\n"), level.stderr);
    assert.ok(level.stderr.includes("\n  npx chapar check --typography error"), level.stderr);
  });

  test("`npx chapar new` takes its flags untouched; an unknown command gets the Persian help", () => {
    const previous = before();
    const result = run("npx", ["chapar", "new", "خبر از بین", "--category", "education", "--draft"], env);
    assert.equal(result.code, 0, result.stderr);
    const source = newFile(previous);
    assert.match(source, /^category: education$/m);
    assert.match(source, /^draft: true$/m);
    assert.equal(result.stderr, "");

    const unknown = run("npx", ["chapar", "publish"], env);
    assert.equal(unknown.code, 2);
    assert.ok(unknown.stderr.startsWith("فرمان «publish» را چاپار نمی‌شناسد.\n\nچاپار — ساخت سایت خبرهای فارسی\n"), unknown.stderr);
    assert.match(unknown.stderr, /^ {2}new {4}خبر تازه‌ای با تاریخ امروز/m);
    const help = run("npx", ["chapar", "new", "--help"], env);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^ {7}یا: npx chapar new "عنوان خبر" \[گزینه‌ها\]$/m);
  });

  test("`npx chapar build` builds with the npm script's own node flags, and says nothing in English", () => {
    const out = path.join(tempDir(), "dist");
    const result = run("npx", ["chapar", "build"], { CHAPAR_CONTENT: copyFixture("basic"), CHAPAR_OUTPUT: out });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(listOutput(out).includes("index.html"));
    const output = result.stdout + result.stderr;
    assert.doesNotMatch(output, /\[11ty\]|Wrote \d+ files/);
    assert.match(result.stdout, /^\d+ خبر منتشر شد در /m);
  });
});
