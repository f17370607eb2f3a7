/**
 * Build settings that come from the environment, not from content: which content folder, which
 * output folder, whether this is the dev preview, and the build's moment.
 */
import path from "node:path";
import { readBuildMoment, siteTimeZone } from "./build-moment.ts";

export interface BuildSettings {
  /** `CHAPAR_CONTENT`, default `content`. */
  contentDir: string;
  /** `CHAPAR_OUTPUT`, default `dist`; which folders a build may replace: lib/build/output.ts. */
  outputDir: string;
  /** `CHAPAR_EXTEND`, default `extend`: the office developer's extension folder (lib/site/extensions.ts). */
  extendDir: string;
  /** True under `npm run dev` (Eleventy's serve/watch modes): drafts and scheduled releases show. */
  preview: boolean;
  /** `CHAPAR_NOW` (any form a release's `date` takes, lib/site/build-moment.ts) or the real time: releases dated later are scheduled. */
  now: number;
}

export const DEFAULT_EXTEND_DIR = "extend";

export function chaparSettings(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  const runMode = env.ELEVENTY_RUN_MODE;
  const contentDir = path.resolve(env.CHAPAR_CONTENT || "content");
  const moment = readBuildMoment(env.CHAPAR_NOW, env.CHAPAR_NOW ? siteTimeZone(contentDir) : "UTC");
  if (!moment.ok) throw new SettingsError(moment.message);
  const now = moment.now;
  return {
    contentDir,
    outputDir: path.resolve(env.CHAPAR_OUTPUT || "dist"),
    extendDir: path.resolve(env.CHAPAR_EXTEND || DEFAULT_EXTEND_DIR),
    preview: env.CHAPAR_PREVIEW === "1" || runMode === "serve" || runMode === "watch",
    now,
  };
}

/** A setting from the environment that can't be used; its message is Persian and complete. */
export class SettingsError extends Error {
  override name = "SettingsError";
}

/** `chaparSettings()` for a command: a wrong setting ends it with its Persian message, before anything is written. */
export function chaparSettingsOrExit(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  try {
    return chaparSettings(env);
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
}
