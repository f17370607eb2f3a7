/**
 * `npm run dev` (or `npx chapar dev`): the preview server (lib/dev/server.ts) — drafts and scheduled
 * releases shown with a banner, pages rendered on request from the in-memory data set, live reload
 * after every save. A busy port falls back to the next free one; a broken file keeps the last good
 * pages, with the error shown on each.
 *
 *   npm run dev                                  # http://localhost:8080/
 *   CHAPAR_PORT=3000 CHAPAR_CONTENT=../other npm run dev
 *   npm run dev -- --port 3000 --host 0.0.0.0
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { commandUsage, readCommandArgs } from "../lib/cli/args.ts";
import { DEV_COMMAND } from "../lib/cli/commands.ts";
import { DevServerError, startDevServer } from "../lib/dev/server.ts";
import { chaparSettingsOrExit } from "../lib/site/settings.ts";

const { values } = readCommandArgs(DEV_COMMAND);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const settings = chaparSettingsOrExit();
const portText = values.port ?? process.env.CHAPAR_PORT ?? process.env.PORT ?? "8080";
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) {
  console.error(`درگاه «${portText}» عدد درستی نیست؛ عددی از 0 تا 65535 بدهید (0: هر درگاه آزاد).\n\n${commandUsage(DEV_COMMAND)}`);
  process.exit(2);
}
const host = values.host ?? process.env.CHAPAR_HOST;
let server: Awaited<ReturnType<typeof startDevServer>>;
try {
  server = await startDevServer({
    contentDir: settings.contentDir,
    extendDir: settings.extendDir,
    root,
    port,
    ...(host ? { host } : {}),
    // A fixed moment only when asked for; otherwise scheduled releases go live as the clock passes them.
    ...(process.env.CHAPAR_NOW ? { now: settings.now } : {}),
  });
} catch (e) {
  // What the author can act on (a port or host that can't be used) without a Node stack trace.
  if (!(e instanceof DevServerError)) throw e;
  console.error(e.message);
  process.exit(1);
}
console.log(`پیش‌نمایش چاپار: ${server.url}  (پیش‌نویس‌ها و خبرهای زمان‌بندی‌شده با برچسب؛ Ctrl+C برای پایان)`);

const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
