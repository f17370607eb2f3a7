/**
 * Build settings that come from the environment, not from content: which content folder, which
 * output folder, whether this is the dev preview, and the build's moment.
 */
import path from "node:path";

export interface BuildSettings {
  /** `CHAPAR_CONTENT`, default `content`. */
  contentDir: string;
  /** `CHAPAR_OUTPUT`, default `dist`; which folders a build may replace: lib/build/output.ts. */
  outputDir: string;
  /** `CHAPAR_EXTEND`, default `extend`: the office developer's extension folder (lib/site/extensions.ts). */
  extendDir: string;
  /** True under `npm run dev` (Eleventy's serve/watch modes): drafts and scheduled releases show. */
  preview: boolean;
  /** `CHAPAR_NOW` (any ISO date) or the real time: releases dated later are scheduled. */
  now: number;
}

export const DEFAULT_EXTEND_DIR = "extend";

export function chaparSettings(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  const runMode = env.ELEVENTY_RUN_MODE;
  const now = env.CHAPAR_NOW ? Date.parse(env.CHAPAR_NOW) : Date.now();
  if (Number.isNaN(now)) throw new Error(`CHAPAR_NOW is not a date: ${env.CHAPAR_NOW}`);
  return {
    contentDir: path.resolve(env.CHAPAR_CONTENT || "content"),
    outputDir: path.resolve(env.CHAPAR_OUTPUT || "dist"),
    extendDir: path.resolve(env.CHAPAR_EXTEND || DEFAULT_EXTEND_DIR),
    preview: env.CHAPAR_PREVIEW === "1" || runMode === "serve" || runMode === "watch",
    now,
  };
}
