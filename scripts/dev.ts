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
import { DEV_COMMAND } from "../lib/cli/commands.ts";
import { previewCommandOptions, startPreviewOrExit } from "../lib/dev/command.ts";

const { options } = previewCommandOptions(DEV_COMMAND);
const server = await startPreviewOrExit(options);
console.log(`پیش‌نمایش چاپار: ${server.url}  (پیش‌نویس‌ها و خبرهای زمان‌بندی‌شده با برچسب؛ Ctrl+C برای پایان)`);

const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
