/** Runs Eleventy in this process with Chapar's configuration (so a preloaded data set is reused). */

export interface RunOptions {
  outputDir: string;
}

/**
 * Loads Eleventy and the configuration's modules ahead of the run (about half a second). The build
 * does it while the helper thread starts on the check, which then takes that much more of the files.
 */
export async function preloadEleventy(): Promise<void> {
  await import("@11ty/eleventy");
  await import(new URL("../../eleventy.config.ts", import.meta.url).href);
}

export async function runEleventy({ outputDir }: RunOptions): Promise<void> {
  // The config reads its output folder from CHAPAR_OUTPUT (a config's `dir.output` outranks the
  // constructor's argument in Eleventy's programmatic API), so point it at the staging folder.
  const previous = process.env.CHAPAR_OUTPUT;
  process.env.CHAPAR_OUTPUT = outputDir;
  try {
    // Loaded when first needed (about half a second): the build's helper thread starts that much sooner.
    const { default: Eleventy } = await import("@11ty/eleventy");
    const elev = new Eleventy("layouts/pages", outputDir, { configPath: "eleventy.config.ts", quietMode: true });
    await elev.write();
  } finally {
    if (previous === undefined) delete process.env.CHAPAR_OUTPUT;
    else process.env.CHAPAR_OUTPUT = previous;
  }
}
