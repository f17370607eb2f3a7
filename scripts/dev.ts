/**
 * `npm run dev`: the preview server (lib/dev/server.ts) — drafts and scheduled releases shown with a
 * banner, pages rendered on request from the in-memory data set, live reload after every save.
 *
 *   npm run dev                                  # http://localhost:8080/
 *   CHAPAR_PORT=3000 CHAPAR_CONTENT=../other npm run dev
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startDevServer } from "../lib/dev/server.ts";
import { chaparSettingsOrExit } from "../lib/site/settings.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const settings = chaparSettingsOrExit();
const port = Number(process.env.CHAPAR_PORT ?? process.env.PORT ?? 8080);
const server = await startDevServer({
  contentDir: settings.contentDir,
  extendDir: settings.extendDir,
  root,
  port,
  ...(process.env.CHAPAR_HOST ? { host: process.env.CHAPAR_HOST } : {}),
  // A fixed moment only when asked for; otherwise scheduled releases go live as the clock passes them.
  ...(process.env.CHAPAR_NOW ? { now: settings.now } : {}),
});
console.log(`پیش‌نمایش چاپار: ${server.url}  (پیش‌نویس‌ها و خبرهای زمان‌بندی‌شده با برچسب؛ Ctrl+C برای پایان)`);

const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
