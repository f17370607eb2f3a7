/**
 * What `npm run dev` and `npm run edit` share: reading the preview server's settings from the command
 * line and the environment (port, host, content folder, a fixed moment), and starting it with a
 * Persian message instead of a stack trace when its port or host can't be used.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { commandUsage, readCommandArgs, type CommandSpec } from "../cli/args.ts";
import type { PREVIEW_FLAGS } from "../cli/commands.ts";
import { chaparSettingsOrExit, type BuildSettings } from "../site/settings.ts";
import { DevServerError, startDevServer, type DevServer, type DevServerOptions } from "./server.ts";

type PreviewOptions = Pick<DevServerOptions, "contentDir" | "root" | "port"> & Partial<DevServerOptions>;

/** The preview server's options for `command` (exits 2 with its usage on a wrong port), and the site's settings. */
export function previewCommandOptions(command: CommandSpec<typeof PREVIEW_FLAGS>): { settings: BuildSettings; options: PreviewOptions } {
  const { values } = readCommandArgs(command);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const settings = chaparSettingsOrExit();
  const portText = values.port ?? process.env.CHAPAR_PORT ?? process.env.PORT ?? "8080";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    console.error(`درگاه «${portText}» عدد درستی نیست؛ عددی از 0 تا 65535 بدهید (0: هر درگاه آزاد).\n\n${commandUsage(command)}`);
    process.exit(2);
  }
  const host = values.host ?? process.env.CHAPAR_HOST;
  const options: PreviewOptions = {
    contentDir: settings.contentDir,
    root,
    port,
    extendDir: settings.extendDir,
    ...(host ? { host } : {}),
    // A fixed moment only when asked for; otherwise scheduled releases go live as the clock passes them.
    ...(process.env.CHAPAR_NOW ? { now: settings.now } : {}),
  };
  return { settings, options };
}

/** Starts the preview server; a port or host that can't be used is the author's to fix: its message, exit 1. */
export async function startPreviewOrExit(options: PreviewOptions, beforeExit: () => void = () => {}): Promise<DevServer> {
  try {
    return await startDevServer(options);
  } catch (e) {
    beforeExit();
    if (!(e instanceof DevServerError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
