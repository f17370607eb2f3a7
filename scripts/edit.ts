/**
 * `npm run edit`: the web editor on the author's own machine. Starts decap-server (Decap CMS's local
 * proxy) on a free port with the content folder as its repository — it reads and writes the files
 * there, no git host and no login — and the preview server (lib/dev/server.ts), which serves the
 * editor at /admin/ in local mode and forwards its requests to decap-server. Prints the address.
 *
 *   npm run edit                  # http://localhost:8080/admin/
 *   CHAPAR_CONTENT=../other npm run edit -- --port 3000
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { EDIT_COMMAND } from "../lib/cli/commands.ts";
import { previewCommandOptions, startPreviewOrExit } from "../lib/dev/command.ts";

const started = performance.now();
const { settings, options } = previewCommandOptions(EDIT_COMMAND);

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const apiPort = await freePort();
const decapServer = spawn(process.execPath, [createRequire(import.meta.url).resolve("decap-server/dist/index.js")], {
  // decap-server's repository is the folder it is started with: the content folder, which it edits.
  cwd: settings.contentDir,
  env: {
    ...process.env,
    PORT: String(apiPort),
    BIND_HOST: "127.0.0.1",
    GIT_REPO_DIRECTORY: settings.contentDir,
    MODE: "fs",
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const decapExited = new Promise<number | null>((resolve) => decapServer.once("exit", resolve));

const server = await startPreviewOrExit({ ...options, editorApi: `http://127.0.0.1:${apiPort}/api/v1` }, () => decapServer.kill());
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `ویرایشگر چاپار: ${server.url}admin/  (پرونده‌های ${path.relative(process.cwd(), settings.contentDir) || "."} را مستقیم می‌نویسد؛ آماده در ${seconds} ثانیه؛ Ctrl+C برای پایان)`,
);
console.log(`پیش‌نمایش سایت: ${server.url}`);

const stop = () => {
  decapServer.kill();
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
decapExited.then((code) => {
  console.error(`decap-server (ویرایشگر محلی) بسته شد${code === null ? "" : ` (کد ${code})`}؛ npm run edit را دوباره اجرا کنید.`);
  stop();
});
