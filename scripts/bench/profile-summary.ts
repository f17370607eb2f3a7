/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time grouped by package / source area
 * and the top functions, so a profile can be read and quoted in docs/notes/performance.md.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/build.ts
 *   npx tsx scripts/bench/profile-summary.ts /tmp/prof/CPU.*.cpuprofile
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives, coarsely: a package name, a Chapar folder, or a V8/Node category. */
export function areaOf(url: string, functionName: string): string {
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(idle)" || functionName === "(program)") return functionName;
  if (url === "") return functionName.startsWith("(") ? functionName : "native";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const chapar = /\/(lib\/[^/]+|layouts|scripts|eleventy\.config)/.exec(url);
  if (chapar) return chapar[1]!;
  return url;
}

export function summarise(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfTime = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = profile.endTime - profile.startTime;
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfTime) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const fn = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(lib|layouts|scripts)\//, "$1/")}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const fmt = (us: number) => `${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const lines = [`total ${(total / 1000).toFixed(0)} ms`, "", "self time by area:"];
  for (const [area, us] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${fmt(us)}  ${area}`);
  lines.push("", "top functions (self):");
  for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${fmt(us)}  ${fn}`);
  return lines.join("\n");
}

if (process.argv[1]?.endsWith("profile-summary.ts")) {
  for (const file of process.argv.slice(2)) {
    console.log(`== ${file}`);
    console.log(summarise(JSON.parse(readFileSync(file, "utf8")) as Profile));
  }
}
