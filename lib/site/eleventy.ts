/** Runs Eleventy in this process with Chapar's configuration (so a preloaded data set is reused). */
import Eleventy from "@11ty/eleventy";

export interface RunOptions {
  outputDir: string;
}

export async function runEleventy({ outputDir }: RunOptions): Promise<void> {
  // The config reads its output folder from CHAPAR_OUTPUT (a config's `dir.output` outranks the
  // constructor's argument in Eleventy's programmatic API), so point it at the staging folder.
  const previous = process.env.CHAPAR_OUTPUT;
  process.env.CHAPAR_OUTPUT = outputDir;
  try {
    const elev = new Eleventy("layouts/pages", outputDir, { configPath: "eleventy.config.ts", quietMode: true });
    await elev.write();
  } finally {
    if (previous === undefined) delete process.env.CHAPAR_OUTPUT;
    else process.env.CHAPAR_OUTPUT = previous;
  }
}
