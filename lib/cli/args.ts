/**
 * One small command-line parser for every Chapar command: each command declares its flags once
 * (lib/cli/commands.ts) with their Persian help, and gets back typed values or a Persian error that
 * shows the right command.
 *
 * Why not `node:util`'s parseArgs alone: `npm run new "عنوان" --draft` (without `--`) never hands
 * `--draft` to the script. npm takes every flag before or after the script's name for its own
 * configuration, warns «Unknown cli config», and passes it on only as an environment variable
 * (`npm_config_draft=true`; `--no-draft` → ``; `--category=x` → `x`). A flag's value written after a
 * space (`--category education`) is worse: npm sets `npm_config_category=true` and hands `education`
 * on as an argument, so the title would become «عنوان education». So, for the flags a command
 * declares, and only when npm ran this very command (`npm_lifecycle_event`): booleans and `=` values
 * are taken from npm's variables, and a value npm split off is an error that shows the command with
 * `--` or through the `chapar` bin — never a file written without the flag.
 */

export interface FlagSpec {
  type: "boolean" | "string";
  /** The value's name in the help (`کلید`, `تاریخ`); string flags only. */
  value?: string;
  /** Persian help, one line. */
  help: string;
  /** Shown in the help as `--no-<name>`: the flag is on unless turned off. */
  negatable?: boolean;
}

export type FlagSpecs = Record<string, FlagSpec>;

export interface CommandSpec<Flags extends FlagSpecs = FlagSpecs> {
  /** The npm script's name and the `chapar` bin's subcommand: `new`, `check`, `build`… */
  name: string;
  /** Persian, one line: what the command does. */
  summary: string;
  /** The words that are not flags (`new`'s title), joined by spaces; none when absent. */
  positionals?: { name: string; help: string };
  flags: Flags;
  /** Whether `npx chapar <name>` runs it (the author's commands); maintainers' commands are npm scripts only. */
  bin?: boolean;
}

/** The values of a command's flags: booleans and strings as declared; absent when not given. */
export type FlagValues<Flags extends FlagSpecs> = {
  [K in keyof Flags]?: Flags[K]["type"] extends "boolean" ? boolean : string;
};

export interface ParsedArgs<Flags extends FlagSpecs> {
  values: FlagValues<Flags>;
  positionals: string[];
  /** `--help` / `-h` was given. */
  help: boolean;
  /** Persian notes for the author (a flag npm took and Chapar read from npm's variables). */
  notes: string[];
}

/** A command line Chapar can't take: the Persian message says what was wrong and the right command. */
export class ArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgsError";
  }
}

/** How the command was started, which decides how "the right command" is written. */
type Invocation = "npm" | "bin";

/** The environment variable the `chapar` bin sets for the scripts it starts (bin/chapar.mjs). */
export const BIN_MARK = "CHAPAR_BIN";

function invocationOf(spec: CommandSpec, env: NodeJS.ProcessEnv): Invocation {
  return env[BIN_MARK] !== "1" && env.npm_lifecycle_event === spec.name ? "npm" : "bin";
}

/** The command's prefix: `npm run new --` (flags need the `--`) or `npx chapar new`. */
function commandPrefix(spec: CommandSpec, via: Invocation, withFlags: boolean): string {
  return via === "npm" ? `npm run ${spec.name}${withFlags ? " --" : ""}` : `npx chapar ${spec.name}`;
}

/** Quotes a word for a POSIX shell (and cmd.exe) when it needs it: Persian text, spaces, symbols. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_\-.,:/@=+…]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, "\\$1")}"`;
}

/** The environment variable npm sets for a flag it took: `allow-empty` → `npm_config_allow_empty`. */
export function npmVariableOf(flag: string): string {
  return `npm_config_${flag.replace(/-/g, "_")}`;
}

/** The command's usage, in Persian: both ways of running it, then each flag. */
export function commandUsage(spec: CommandSpec, env: NodeJS.ProcessEnv = process.env): string {
  const hasFlags = Object.keys(spec.flags).length > 0;
  const tail = [spec.positionals ? `"${spec.positionals.name}"` : "", hasFlags ? "[گزینه‌ها]" : ""].filter(Boolean).join(" ");
  const ways = [`npm run ${spec.name}${hasFlags ? " --" : ""} ${tail}`.trimEnd()];
  if (spec.bin) ways.push(`npx chapar ${spec.name} ${tail}`.trimEnd());
  const rows = Object.entries(spec.flags).map(([name, flag]) => {
    const left = flag.type === "string" ? `--${name} ${flag.value ?? "مقدار"}` : flag.negatable ? `--no-${name}` : `--${name}`;
    return { left, help: flag.help };
  });
  rows.push({ left: "--help", help: "همین راهنما" });
  const width = Math.max(...rows.map((r) => r.left.length)) + 2;
  const lines = [
    `${spec.summary}`,
    `به‌کارگیری: ${ways[0]}`,
    ...ways.slice(1).map((w) => `       یا: ${w}`),
    ...(spec.positionals ? [`  ${spec.positionals.name}: ${spec.positionals.help}`] : []),
    ...rows.map((r) => `  ${r.left.padEnd(width)}${r.help}`),
  ];
  if (invocationOf(spec, env) === "npm" && hasFlags) {
    lines.push("در «npm run» گزینه‌ها را پس از «--» بنویسید؛ وگرنه npm آن‌ها را برای خودش برمی‌دارد.");
  }
  return lines.join("\n");
}

/**
 * Parses a command's arguments against its declared flags (and, under `npm run <name>`, npm's
 * variables for them). Throws `ArgsError` with the Persian message and the right command.
 */
export function parseCommandArgs<Flags extends FlagSpecs>(
  spec: CommandSpec<Flags>,
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedArgs<Flags> {
  const values: Record<string, boolean | string> = {};
  const positionals: string[] = [];
  let help = false;
  const via = invocationOf(spec, env);
  const fail = (problem: string): never => {
    throw new ArgsError(`${problem}\n\n${commandUsage(spec, env)}`);
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const written = equals < 0 ? arg : arg.slice(0, equals);
    let name = written.replace(/^--?/, "");
    let negated = false;
    if (!(name in spec.flags) && name.startsWith("no-") && spec.flags[name.slice(3)]?.type === "boolean") {
      name = name.slice(3);
      negated = true;
    }
    const flag = spec.flags[name];
    if (!flag || !written.startsWith("--")) {
      fail(`گزینه‌ی «${written}» را فرمان «${spec.name}» نمی‌شناسد.`);
      continue; // unreachable: `fail` throws (for the type checker's sake)
    }
    if (flag.type === "boolean") {
      if (equals >= 0) fail(`گزینه‌ی «--${name}» مقداری نمی‌گیرد؛ فقط «--${name}» بنویسید.`);
      values[name] = !negated;
      continue;
    }
    const value = equals >= 0 ? arg.slice(equals + 1) : argv[i + 1];
    if (value === undefined || (equals < 0 && value.startsWith("--")) || value === "") {
      fail(`گزینه‌ی «--${name}» مقدار می‌خواهد، مانند: --${name} ${flag.value ?? "مقدار"}`);
    }
    values[name] = value!;
    if (equals < 0) i++;
  }

  const notes: string[] = [];
  if (via === "npm") {
    // Flags npm took for itself (see the module's comment); what was typed on the command line wins.
    const taken: string[] = [];
    const split: string[] = [];
    for (const [name, flag] of Object.entries(spec.flags)) {
      const variable = env[npmVariableOf(name)];
      if (variable === undefined || name in values) continue;
      if (flag.type === "boolean") {
        values[name] = variable === "true";
        taken.push(variable === "true" ? `--${name}` : `--no-${name}`);
      } else if (variable === "true" || variable === "") split.push(name);
      else {
        values[name] = variable;
        taken.push(`--${name}=${variable}`);
      }
    }
    if (split.length > 0) throw new ArgsError(splitValueMessage(spec, split, values, positionals));
    if (taken.length > 0) {
      const [flagWord, itWord] = taken.length > 1 ? ["گزینه‌های", "آن‌ها"] : ["گزینه‌ی", "آن"];
      notes.push(
        `npm ${flagWord} ${taken.map((t) => `«${t}»`).join(" و ")} را برای خودش برداشت (هشدار «Unknown cli config» از npm است)؛ چاپار ${itWord} را از npm گرفت و به کار بست. ` +
          `شکل درست فرمان: ${rightCommand(spec, "npm", positionals, values)}`,
      );
    }
  }
  if (!spec.positionals && positionals.length > 0) {
    fail(`«${positionals.join(" ")}» برای فرمان «${spec.name}» معنایی ندارد؛ این فرمان جز گزینه‌ها چیزی نمی‌گیرد.`);
  }
  return { values: values as FlagValues<Flags>, positionals, help, notes };
}

/** The command as it should have been typed, with the values known. */
function rightCommand(
  spec: CommandSpec,
  via: Invocation,
  positionals: readonly string[],
  values: Record<string, boolean | string>,
): string {
  const words = positionals.length > 0 && spec.positionals ? [positionals.join(" ")] : [];
  for (const [name, value] of Object.entries(values)) {
    if (value === true) words.push(`--${name}`);
    else if (value === false) {
      if (spec.flags[name]?.negatable) words.push(`--no-${name}`);
    } else words.push(`--${name}`, value);
  }
  const hasFlags = words.some((w) => w.startsWith("--"));
  return [commandPrefix(spec, via, hasFlags), ...words.map((w) => (w.startsWith("--") ? w : shellWord(w)))].join(" ");
}

/**
 * npm split a flag's value off (`--category education`): the value arrived as an argument. The
 * documented order is the title, then the flags, so the last arguments are the values: with one such
 * flag, the last one is its value; with several, which belongs to which flag can't be known, so the
 * command shows «…» for each.
 */
function splitValueMessage(
  spec: CommandSpec,
  split: readonly string[],
  values: Record<string, boolean | string>,
  positionals: readonly string[],
): string {
  const valuesAtEnd = positionals.length > (spec.positionals ? split.length : split.length - 1);
  const guessed = split.length === 1 && valuesAtEnd;
  const kept = !spec.positionals ? [] : valuesAtEnd ? positionals.slice(0, -split.length) : positionals;
  const withValues: Record<string, boolean | string> = { ...values };
  for (const name of split) withValues[name] = guessed ? positionals.at(-1)! : "…";
  const flags = split.map((name) => `«--${name}»`).join(" و ");
  const [flagWord, valueWord] = split.length > 1 ? ["گزینه‌های", "مقدارهایشان"] : ["گزینه‌ی", "مقدارش"];
  return [
    `npm ${flagWord} ${flags} را برای خودش برداشت و ${valueWord} را جدا کرد${positionals.length > 0 ? ` (به چاپار رسید: ${positionals.map((p) => `«${p}»`).join(" ")})` : ""}؛ فرمان اجرا نشد و چیزی نوشته نشد.`,
    "در «npm run» گزینه‌ها را پس از «--» بنویسید:",
    `  ${rightCommand(spec, "npm", kept, withValues)}`,
    ...(spec.bin ? ["یا با فرمان خود چاپار، که گزینه‌ها را دست‌نخورده می‌گیرد:", `  ${rightCommand(spec, "bin", kept, withValues)}`] : []),
  ].join("\n");
}

/**
 * The arguments of the running script: prints the help and exits 0 on `--help`; prints the Persian
 * error and exits 2 on a wrong command line; prints the notes (to stderr) otherwise.
 */
export function readCommandArgs<Flags extends FlagSpecs>(
  spec: CommandSpec<Flags>,
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): ParsedArgs<Flags> {
  let parsed: ParsedArgs<Flags>;
  try {
    parsed = parseCommandArgs(spec, argv, env);
  } catch (e) {
    if (!(e instanceof ArgsError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(commandUsage(spec, env));
    process.exit(0);
  }
  for (const note of parsed.notes) console.error(note);
  return parsed;
}
