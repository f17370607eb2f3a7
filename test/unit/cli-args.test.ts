/**
 * The shared flag parser (lib/cli/args.ts): declared flags only, Persian errors with the right
 * command, and the flags npm takes for itself (`npm run new "…" --draft` without `--`) read from its
 * `npm_config_*` variables, or refused when npm split a value off. What npm really passes is checked
 * against the real npm in test/build/cli.test.ts; here the environment is given as npm sets it.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ArgsError, parseCommandArgs } from "../../lib/cli/args.ts";
import { BUILD_COMMAND, CHECK_COMMAND, DEV_COMMAND, NEW_COMMAND } from "../../lib/cli/commands.ts";
import { eleventyText, persianEleventyConsole } from "../../lib/site/eleventy-log.ts";

/** The environment `npm run <script>` gives its script (npm 11), plus the variables of the flags it took. */
const npmEnv = (script: string, vars: Record<string, string> = {}) => ({ npm_lifecycle_event: script, npm_config_yes: "", ...vars });

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof ArgsError, String(e));
    return e.message;
  }
  assert.fail("no error");
}

describe("command-line flags", () => {
  test("flags after `--` or through the bin are read as typed", () => {
    const parsed = parseCommandArgs(NEW_COMMAND, ["خبر", "تازه", "--category", "education", "--tags=الف،ب", "--draft"], {});
    assert.deepEqual(parsed.positionals, ["خبر", "تازه"]);
    assert.deepEqual(parsed.values, { category: "education", tags: "الف،ب", draft: true });
    assert.deepEqual(parsed.notes, []);
  });

  test("an unknown flag is a Persian error with the command's help", () => {
    const message = errorOf(() => parseCommandArgs(NEW_COMMAND, ["عنوان", "--categroy", "x"], {}));
    assert.ok(message.startsWith("گزینه‌ی «--categroy» را فرمان «new» نمی‌شناسد.\n\n"), message);
    assert.match(message, /^ {2}--category کلید {2}دسته \(از content\/_data\/categories\.json\)$/m);
    assert.match(message, /^ {7}یا: npx chapar new "عنوان خبر" \[گزینه‌ها\]$/m);
  });

  test("a string flag without its value, a boolean with one, words a command doesn't take", () => {
    assert.ok(
      errorOf(() => parseCommandArgs(NEW_COMMAND, ["t", "--date"], {})).startsWith("گزینه‌ی «--date» مقدار می‌خواهد، مانند: --date تاریخ\n"),
    );
    assert.ok(
      errorOf(() => parseCommandArgs(NEW_COMMAND, ["t", "--draft=yes"], {})).startsWith(
        "گزینه‌ی «--draft» مقداری نمی‌گیرد؛ فقط «--draft» بنویسید.\n",
      ),
    );
    assert.ok(
      errorOf(() => parseCommandArgs(CHECK_COMMAND, ["fix"], {})).startsWith(
        "«fix» برای فرمان «check» معنایی ندارد؛ این فرمان جز گزینه‌ها چیزی نمی‌گیرد.\n",
      ),
    );
  });

  test('`npm run new "عنوان" --draft`: npm\'s variable is read, with a note showing the right command', () => {
    const parsed = parseCommandArgs(NEW_COMMAND, ["عنوان"], npmEnv("new", { npm_config_draft: "true" }));
    assert.deepEqual(parsed.values, { draft: true });
    assert.deepEqual(parsed.notes, [
      "npm گزینه‌ی «--draft» را برای خودش برداشت (هشدار «Unknown cli config» از npm است)؛ چاپار آن را از npm گرفت و به کار بست. " +
        'شکل درست فرمان: npm run new -- "عنوان" --draft',
    ]);
    // `--no-draft` → an empty variable; `--category=x` keeps its value.
    assert.deepEqual(parseCommandArgs(NEW_COMMAND, ["t"], npmEnv("new", { npm_config_draft: "" })).values, { draft: false });
    assert.deepEqual(parseCommandArgs(NEW_COMMAND, ["t"], npmEnv("new", { npm_config_category: "education" })).values, {
      category: "education",
    });
    assert.deepEqual(parseCommandArgs(CHECK_COMMAND, [], npmEnv("check", { npm_config_fix: "true" })).values, { fix: true });
    assert.deepEqual(parseCommandArgs(BUILD_COMMAND, [], npmEnv("build", { npm_config_allow_empty: "true" })).values, {
      "allow-empty": true,
    });
  });

  test('`npm run new "عنوان" --category education`: npm split the value off — refused, with the right commands', () => {
    const message = errorOf(() => parseCommandArgs(NEW_COMMAND, ["عنوان", "education"], npmEnv("new", { npm_config_category: "true" })));
    assert.equal(
      message,
      [
        "npm گزینه‌ی «--category» را برای خودش برداشت و مقدارش را جدا کرد (به چاپار رسید: «عنوان» «education»)؛ فرمان اجرا نشد و چیزی نوشته نشد.",
        "در «npm run» گزینه‌ها را پس از «--» بنویسید:",
        '  npm run new -- "عنوان" --category education',
        "یا با فرمان خود چاپار، که گزینه‌ها را دست‌نخورده می‌گیرد:",
        '  npx chapar new "عنوان" --category education',
      ].join("\n"),
    );
    // Two values split off: which word belongs to which flag can't be known.
    const two = errorOf(() =>
      parseCommandArgs(
        NEW_COMMAND,
        ["عنوان", "education", "1404-09-10"],
        npmEnv("new", { npm_config_category: "true", npm_config_date: "true" }),
      ),
    );
    assert.match(two, /^ {2}npm run new -- "عنوان" --category … --date …$/m);
    // `npm run check --typography error`
    assert.match(
      errorOf(() => parseCommandArgs(CHECK_COMMAND, ["error"], npmEnv("check", { npm_config_typography: "true" }))),
      /^ {2}npm run check -- --typography error$/m,
    );
  });

  test("npm's variables count only when npm ran this very command, and what was typed wins", () => {
    assert.deepEqual(parseCommandArgs(NEW_COMMAND, ["t"], npmEnv("test", { npm_config_draft: "true" })).values, {});
    assert.deepEqual(parseCommandArgs(NEW_COMMAND, ["t"], { ...npmEnv("new", { npm_config_draft: "true" }), CHAPAR_BIN: "1" }).values, {});
    assert.deepEqual(parseCommandArgs(DEV_COMMAND, ["--port", "3000"], npmEnv("dev", { npm_config_port: "4000" })).values, {
      port: "3000",
    });
  });
});

describe("Eleventy's console", () => {
  test("its run summary and errors are dropped; anything else surfaces with a Persian lead", () => {
    const said: string[] = [];
    const sink = persianEleventyConsole({ warn: (line: string) => said.push(line) });
    sink.log("\u001b[90m[11ty]\u001b[39m \u001b[32mWrote 14 files in 1.13 seconds (80.5ms each, v3.1.8)\u001b[39m");
    sink.log("[11ty] Copied 3 Wrote 1 file in 0.20 seconds (v3.1.8)");
    sink.error("[11ty] Problem writing Eleventy templates:");
    sink.warn("[11ty] The virtual template at x is using a template format that’s not valid");
    assert.deepEqual(said, [
      "پیام Eleventy (سازنده‌ی صفحه‌های جانبی چاپار): The virtual template at x is using a template format that’s not valid",
    ]);
    assert.equal(eleventyText("[11ty] a\n[11ty] b"), "a\nb");
  });
});
