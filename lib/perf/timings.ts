/**
 * Phase timings of a build, for `npm run bench` and profiling: `CHAPAR_TIMINGS=1 npm run build` prints
 * one line `chapar-timings {"startup":412,"check":2310,…}` (milliseconds) on stderr. Phases are
 * consecutive: each lasts from the previous mark to its own; nested work can be set apart with
 * `subtract` (the page writer's time is reported on its own, not inside Eleventy's).
 */
const phases: Record<string, number> = {};
let last = 0;

/** Ends the phase `name` now (the first mark measures from the process's start: module loading). */
export function markPhase(name: string): void {
  const now = performance.now();
  phases[name] = (phases[name] ?? 0) + (now - last);
  last = now;
  if (process.env.CHAPAR_TIMINGS === "1") {
    // Memory after each phase (MiB), to see which one holds what.
    const { rss, heapUsed } = process.memoryUsage();
    memory[`${name}Rss`] = Math.round(rss / 2 ** 20);
    memory[`${name}Heap`] = Math.round(heapUsed / 2 ** 20);
  }
}
const memory: Record<string, number> = {};

/** Records `ms` as phase `name` and takes it out of the phase that is running (it happened inside it). */
export function recordNestedPhase(name: string, ms: number): void {
  phases[name] = (phases[name] ?? 0) + ms;
  last += ms;
}

/** Prints the phases (and any counters, e.g. the build cache's hits and misses) when CHAPAR_TIMINGS=1. */
export function reportPhases(counters: Record<string, number> = {}, env: NodeJS.ProcessEnv = process.env): void {
  if (env.CHAPAR_TIMINGS !== "1") return;
  const rounded = { ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])), ...counters, memory };
  console.error(`chapar-timings ${JSON.stringify(rounded)}`);
}
