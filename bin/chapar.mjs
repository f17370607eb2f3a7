#!/usr/bin/env node
/**
 * `npx chapar <command> [arguments]`: the author's commands (new, check, build, dev) with their
 * arguments handed over untouched — `npm run` takes flags written without `--` for itself.
 *
 * Each command runs exactly as its npm script does: the node flags and script are read from
 * package.json's "scripts" (declared once there), `tsx …` being `node --import tsx …`, and run from
 * the folder the author is in (the content folder is found from there, as under `npm run`).
 * Anything else prints the Persian help (lib/cli/bin-help.ts), which lists the commands from their
 * declarations (lib/cli/commands.ts).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN_SCRIPTS = ["new", "check", "build", "dev"];
const TSX = import.meta.resolve("tsx");

/**
 * The node arguments of an npm script (`node --import … scripts/x.ts`, or `tsx scripts/x.ts`), with
 * `tsx` and relative paths made absolute so they hold from any working directory.
 * @param {string} script
 * @returns {string[]}
 */
function nodeArgsOf(script) {
  const words = script.trim().split(/\s+/);
  const [runner, ...rest] = words;
  const args = runner === "tsx" ? ["--import", "tsx", ...rest] : runner === "node" ? rest : undefined;
  if (!args) throw new Error(`chapar: the npm script «${script}» is neither «node …» nor «tsx …»`);
  return args.map((word, i) => {
    if (args[i - 1] === "--import") return word === "tsx" ? TSX : pathToFileURL(path.resolve(ROOT, word)).href;
    return word.startsWith("-") ? word : path.resolve(ROOT, word);
  });
}

const [command, ...rest] = process.argv.slice(2);
/** @type {Record<string, string>} */
const scripts = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
const nodeArgs =
  command !== undefined && BIN_SCRIPTS.includes(command)
    ? [...nodeArgsOf(scripts[command] ?? ""), ...rest]
    : ["--import", TSX, path.join(ROOT, "lib/cli/bin-help.ts"), ...(command === undefined ? [] : [command, ...rest])];

// CHAPAR_BIN (lib/cli/args.ts, BIN_MARK): the script's messages then show `npx chapar …` commands, and npm's variables are not read.
const child = spawn(process.execPath, nodeArgs, { stdio: "inherit", env: { ...process.env, CHAPAR_BIN: "1" } });
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  if (signal) {
    // Ended by a signal: end the same way (without the forwarding handler in between).
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
