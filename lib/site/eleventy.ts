/**
 * Runs Eleventy in this process with Chapar's configuration for a data set already made (by
 * `npm run build` after its check, or by the dev server), writing into the folder given.
 */
import type { ChaparConfigOptions } from "../../eleventy.config.ts";
import type { ChaparData } from "./data.ts";
import { persianEleventyConsole } from "./eleventy-log.ts";

/**
 * Loads Eleventy and the configuration's modules ahead of the run (about half a second). The build
 * does it while the helper thread starts on the check, which then takes that much more of the files.
 */
export async function preloadEleventy(): Promise<void> {
  await import("@11ty/eleventy");
  await import("../../eleventy.config.ts");
}

/** Builds the site of `data` into `options.outputDir`. */
export async function runEleventy(data: ChaparData, options: ChaparConfigOptions): Promise<void> {
  // Loaded when first needed (about half a second): the build's helper thread starts that much sooner.
  const [{ default: Eleventy }, { chaparConfig }] = await Promise.all([import("@11ty/eleventy"), import("../../eleventy.config.ts")]);
  // No configuration file (an empty `configPath`): the configuration is this function, closing over the
  // data set. It sets the output folder through Eleventy's configuration API, which outranks the
  // constructor's argument (given too, for clarity).
  const elev = new Eleventy("layouts/pages", options.outputDir, { configPath: "", config: chaparConfig(data, options), quietMode: true });
  // Chapar's output is Persian: Eleventy's run summary is dropped, its warnings get a Persian lead (eleventy-log.ts).
  elev.logger.overrideLogger(persianEleventyConsole());
  await elev.write();
}
