/**
 * The `chapar` bin's help (bin/chapar.mjs runs this for anything but a known command): the author's
 * commands, from their declarations. `chapar`, `chapar help`, `chapar --help` exit 0; an unknown
 * command exits 2 after saying so.
 */
import { commandUsage } from "./args.ts";
import { BIN_COMMANDS } from "./commands.ts";

/** The help of the bin, with the unknown command's message first when there is one. */
export function binHelp(command: string | undefined): { text: string; code: number } {
  const known = command === undefined || command === "help" || command === "--help" || command === "-h";
  const width = Math.max(...BIN_COMMANDS.map((c) => c.name.length)) + 2;
  const lines = [
    ...(known ? [] : [`فرمان «${command}» را چاپار نمی‌شناسد.`, ""]),
    "چاپار — ساخت سایت خبرهای فارسی",
    "به‌کارگیری: npx chapar <فرمان> [گزینه‌ها]",
    "",
    "فرمان‌ها:",
    ...BIN_COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "راهنمای هر فرمان: npx chapar <فرمان> --help",
  ];
  return { text: lines.join("\n"), code: known ? 0 : 2 };
}

/** One command's usage, for `chapar help new`. */
export function commandHelp(name: string): string | undefined {
  const spec = BIN_COMMANDS.find((c) => c.name === name);
  return spec ? commandUsage(spec, { CHAPAR_BIN: "1" }) : undefined;
}

const [command, topic] = process.argv.slice(2);
const detailed = command === "help" && topic !== undefined ? commandHelp(topic) : undefined;
const { text, code } = detailed ? { text: detailed, code: 0 } : binHelp(command);
(code === 0 ? console.log : console.error)(text);
process.exitCode = code;
