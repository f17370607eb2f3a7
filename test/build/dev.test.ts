/**
 * `npm run dev` (lib/dev/server.ts): every page it serves is the page a production build writes in
 * preview mode (`CHAPAR_PREVIEW=1`), plus only the live-reload script; a saved edit, a new release and
 * a broken file are taken in. Nothing here measures time (`npm run bench` does).
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { LIVE_RELOAD_SNIPPET } from "../../lib/dev/server.ts";
import { buildOk, copyFixture, FIXED_NOW, listOutput, ROOT, tempDir } from "../helpers/build.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function get(url: string): Promise<{ status: number; body: string; type: string }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text(), type: res.headers.get("content-type") ?? "" };
}

/** Polls until `check` holds (the server reloads asynchronously after a save). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe("dev server", () => {
  let content: string;
  let dev: ChildProcess;
  let base: string;

  before(async () => {
    content = copyFixture("publishing");
    dev = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/dev.ts")], {
      cwd: ROOT,
      env: {
        ...process.env,
        CHAPAR_CONTENT: content,
        CHAPAR_PORT: "0",
        CHAPAR_HOST: "127.0.0.1",
        CHAPAR_NOW: FIXED_NOW,
        CHAPAR_CACHE_DIR: path.join(tempDir(), "cache"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    base = await new Promise<string>((resolve, reject) => {
      const onData = (d: Buffer) => {
        log += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
        if (m) resolve(m[1]!);
      };
      dev.stdout!.on("data", onData);
      dev.stderr!.on("data", onData);
      dev.on("exit", (code) => reject(new Error(`dev server exited (${code}):\n${log}`)));
    });
  });

  after(() => {
    dev.kill("SIGTERM");
  });

  test("serves every page exactly as the preview build writes it, plus the live-reload script", async () => {
    const build = buildOk(content, { env: { CHAPAR_PREVIEW: "1", CHAPAR_SEARCH: "off" } });
    const files = listOutput(build.out).filter((f) => f.endsWith(".html") || f.endsWith(".xml") || f.endsWith(".css"));
    assert.ok(files.filter((f) => f.endsWith(".html")).length > 10, "the fixture has pages");
    for (const file of files) {
      const sitePath = `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
      const served = await get(base + encodeURI(sitePath.slice(1)));
      assert.equal(served.status, 200, `${sitePath} is served`);
      const expected = readFileSync(path.join(build.out, file), "utf8");
      if (file.endsWith(".html")) {
        assert.ok(served.body.includes(`${LIVE_RELOAD_SNIPPET}</body>`), `${sitePath} has the live-reload script`);
        assert.equal(served.body.replace(LIVE_RELOAD_SNIPPET, ""), expected, `${sitePath} is the built page`);
      } else if (!file.startsWith("sitemap") && !file.startsWith("news-sitemap")) {
        // Feeds and the stylesheet come from the same Eleventy configuration (sitemaps list pages, which the preview doesn't write).
        assert.equal(served.body, expected, `${sitePath} is the built file`);
      }
    }
    assert.equal((await get(`${base}no/such/page/`)).status, 404);
    assert.match((await get(`${base}no/such/page/`)).body, /<html lang="fa" dir="rtl">/);
  });

  test("a saved edit is served; a new release shows in its lists; a broken file shows its error until fixed", async () => {
    const release = path.join(content, "releases/1404/recent.md");
    const original = readFileSync(release, "utf8");
    const built = buildOk(content, { env: { CHAPAR_PREVIEW: "1", CHAPAR_SEARCH: "off" } });
    const pageUrl = listOutput(built.out).find((f) => /^1404\/\d\d\/recent\/index\.html$/.test(f));
    assert.ok(pageUrl, "the release's page exists");
    const url = base + pageUrl.replace(/index\.html$/, "");

    writeFileSync(release, original.replace(/^title: .*$/m, 'title: "عنوان ویرایش‌شده در پیش‌نمایش"'));
    await eventually(async () => (await get(url)).body.includes("عنوان ویرایش‌شده در پیش‌نمایش"), "the edited title");

    writeFileSync(
      path.join(content, "releases/1404/brand-new.md"),
      '---\ntitle: "خبر کاملاً تازه"\ndate: "1404-09-08 10:00"\ncategory: culture\n---\n\nمتن خبر تازه.\n',
    );
    await eventually(
      async () => (await get(`${base}category/culture/`)).body.includes("خبر کاملاً تازه"),
      "the new release on its category page",
    );

    writeFileSync(release, original.replace(/^date: .*$/m, 'date: "1404-12-30"'));
    await eventually(async () => {
      const page = await get(`${base}`);
      return page.status === 500 && page.body.includes("recent.md") && page.body.includes("اسفند");
    }, "the Persian error page");
    writeFileSync(release, original);
    await eventually(async () => (await get(url)).status === 200, "recovery after the fix");
  });
});
