/**
 * Debian packages the test suite needs from outside npm (a browser, a Java runtime …).
 *
 *   tsx scripts/ensure-system-deps.ts            every package below
 *   tsx scripts/ensure-system-deps.ts chromium   only these
 *
 * A missing package is installed with apt-get when we run as root on a Debian-like system (as on
 * the project's machines and in CI); otherwise the command stops with the exact command to run.
 * Tests never skip silently because a tool is absent.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface SystemDependency {
  /** Name used on the command line and in messages. */
  name: string;
  /** The Debian package that provides it. */
  debianPackage: string;
  /** A file whose presence proves the package is installed. */
  probe: string;
  /** What needs it (shown when it is missing). */
  neededFor: string;
}

export const systemDependencies: SystemDependency[] = [
  { name: "chromium", debianPackage: "chromium", probe: "/usr/bin/chromium", neededFor: "browser tests (test/browser/)" },
  {
    name: "java",
    debianPackage: "default-jre-headless",
    probe: "/usr/bin/java",
    neededFor: "HTML validation with the Nu Html Checker (test/build/html-validation.test.ts, `npm test`)",
  },
];

const APT_GET = "/usr/bin/apt-get";

function installCommand(packages: string[], asRoot: boolean): string {
  const sudo = asRoot ? "" : "sudo ";
  return `${sudo}apt-get update && ${sudo}apt-get -o DPkg::Lock::Timeout=300 install -y ${packages.join(" ")}`;
}

function run(args: string[]): void {
  const result = spawnSync(APT_GET, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
}

/** Makes sure the named dependencies (default: all) are installed; throws with the command to run if it can't. */
export function ensureSystemDeps(names: string[] = systemDependencies.map((d) => d.name)): void {
  const wanted = names.map((name) => {
    const dep = systemDependencies.find((d) => d.name === name);
    if (!dep) throw new Error(`unknown system dependency "${name}"; known: ${systemDependencies.map((d) => d.name).join(", ")}`);
    return dep;
  });
  const missing = wanted.filter((d) => !existsSync(d.probe));
  if (missing.length === 0) return;

  const packages = [...new Set(missing.map((d) => d.debianPackage))];
  const isRoot = process.getuid?.() === 0;
  const why = missing.map((d) => `  ${d.probe} (Debian package ${d.debianPackage}) for ${d.neededFor}`).join("\n");
  if (!isRoot || !existsSync(APT_GET)) {
    throw new Error(`Missing system packages:\n${why}\nInstall them with:\n  ${installCommand(packages, isRoot)}`);
  }
  console.error(`Installing missing system packages (${packages.join(", ")}):\n${why}`);
  run(["update"]);
  run(["-o", "DPkg::Lock::Timeout=300", "install", "-y", ...packages]);
  const still = missing.filter((d) => !existsSync(d.probe));
  if (still.length > 0) throw new Error(`Installed ${packages.join(" ")}, but still missing: ${still.map((d) => d.probe).join(", ")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureSystemDeps(process.argv.length > 2 ? process.argv.slice(2) : undefined);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
