/**
 * `npm run dev` (lib/dev/server.ts): every page it serves is the page a production build writes in
 * preview mode (`CHAPAR_PREVIEW=1`), plus only the live-reload script; a saved edit, a new release and
 * a broken file keeps the last good pages with a Persian banner (and its own page shows the error) until
 * fixed; a busy port falls back to the next free one. Nothing here measures time (`npm run bench` does).
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { createServer, type Server } from "node:net";
import { BANNER_HEADING, RELEASE_ERROR_HEADING } from "../../lib/dev/error-banner.ts";
import { busyPortMessage } from "../../lib/dev/listen.ts";
import { LIVE_RELOAD_SNIPPET } from "../../lib/dev/server.ts";
import { buildOk, copyFixture, FIXED_NOW, listOutput, ROOT, tempDir } from "../helpers/build.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function get(url: string): Promise<{ status: number; body: string; type: string }> {
  // Once more on a closed socket: a kept-alive connection the server closed as it went idle (its
  // 5 s timeout, about as long as a test's build in between) is a race of the client's pool, not an answer.
  const res = await fetch(url).catch(() => fetch(url));
  return { status: res.status, body: await res.text(), type: res.headers.get("content-type") ?? "" };
}

/** The error banner of a served page, if it has one. */
function bannerOf(html: string): string | undefined {
  return /<div role="alert" dir="rtl"[^>]*id="chapar-dev-errors"[\s\S]*?<\/ul><\/div>/.exec(html)?.[0];
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

/** Starts `npm run dev`'s script on `content`; resolves with the URL it prints, and its output so far. */
async function startDev(
  content: string,
  env: Record<string, string> = {},
): Promise<{ dev: ChildProcess; base: string; log: () => string }> {
  const dev = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/dev.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      CHAPAR_CONTENT: content,
      CHAPAR_PORT: "0",
      CHAPAR_HOST: "127.0.0.1",
      CHAPAR_NOW: FIXED_NOW,
      CHAPAR_CACHE_DIR: path.join(tempDir(), "cache"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const base = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
      if (m) resolve(m[1]!);
    };
    dev.stdout!.on("data", onData);
    dev.stderr!.on("data", onData);
    dev.on("exit", (code) => reject(new Error(`dev server exited (${code}):\n${log}`)));
  });
  // A server that dies mid-test shows why (the test itself sees only a refused connection).
  dev.on("exit", (code, signal) => {
    if (signal !== "SIGTERM") console.error(`dev server exited (${code ?? signal}):\n${log}`);
  });
  return { dev, base, log: () => log };
}

describe("dev server", () => {
  let content: string;
  let dev: ChildProcess;
  let base: string;

  before(async () => {
    content = copyFixture("publishing");
    ({ dev, base } = await startDev(content));
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
      if (file.startsWith("admin/")) {
        // The web editor is never reloaded by a save (its own saves among them): that would drop a form being filled.
        assert.equal(served.body, expected, `${sitePath} is the built editor, without live reload`);
      } else if (file.endsWith(".html")) {
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

    // One broken release: every other page is still served (from the last good state) with the error's banner…
    writeFileSync(release, original.replace(/^date: .*$/m, 'date: "1404-12-30"'));
    const expectedProblem =
      '<code dir="ltr" style="font-family:ui-monospace,monospace;unicode-bidi:isolate">releases/1404/recent.md:3:1</code> ' +
      "فیلد «date»: روز 30 در اسفند 1404 وجود ندارد؛ اسفند 1404 29 روز دارد (مقدار فعلی: «1404-12-30»)";
    await eventually(async () => (await get(base)).body.includes(expectedProblem), "the error banner on the home page");
    for (const sitePath of ["", "category/culture/", "no/such/page/"]) {
      const page = await get(base + sitePath);
      assert.equal(page.status, sitePath.startsWith("no/") ? 404 : 200, sitePath);
      const banner = bannerOf(page.body);
      assert.ok(banner, `${sitePath || "/"} has the banner`);
      assert.match(banner, /^<div role="alert" dir="rtl" lang="fa" id="chapar-dev-errors" style="[^"]*">/);
      assert.ok(banner.includes(`<strong>${BANNER_HEADING}</strong>`));
      assert.ok(banner.includes(expectedProblem));
      assert.doesNotMatch(banner, /\b(?:src|href)=|url\(/, "the banner loads nothing");
      assert.match(page.body, /<body[^>]*><div role="alert"/, "the banner comes first in the body");
    }
    assert.ok((await get(`${base}category/culture/`)).body.includes("خبر کاملاً تازه"), "the last good state is served");
    // …and the broken release's own page shows its error instead of its last good text.
    const broken = await get(url);
    assert.equal(broken.status, 500);
    assert.ok(broken.body.includes(`<h1 style="font-size:1.25rem;margin:0">${RELEASE_ERROR_HEADING}</h1>`));
    assert.ok(broken.body.includes(expectedProblem));
    assert.ok(broken.body.includes(LIVE_RELOAD_SNIPPET), "it reloads when the file is fixed");

    // The fix clears it, without a restart.
    writeFileSync(release, original);
    await eventually(async () => (await get(url)).status === 200, "recovery after the fix");
    assert.equal(bannerOf((await get(base)).body), undefined, "no banner once fixed");
    assert.equal(bannerOf((await get(url)).body), undefined);
  });

  test("a broken site.json keeps the last good pages, with its error on each, until fixed", async () => {
    const siteFile = path.join(content, "_data/site.json");
    const original = readFileSync(siteFile, "utf8");
    writeFileSync(siteFile, original.replace(/\}\s*$/, ",}"));
    await eventually(
      async () => bannerOf((await get(`${base}category/culture/`)).body)?.includes("_data/site.json") === true,
      "the banner",
    );
    const page = await get(`${base}category/culture/`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<title>[^<]+<\/title>/, "the page itself is the last good one");
    writeFileSync(siteFile, original);
    await eventually(async () => bannerOf((await get(`${base}category/culture/`)).body) === undefined, "recovery");
  });
});

describe("dev server on a busy port", () => {
  let busy: Server | undefined;
  let dev: ChildProcess | undefined;
  after(() => {
    dev?.kill("SIGTERM");
    busy?.close();
  });

  test("falls back to the next free port and says so in Persian", async () => {
    const server = createServer();
    busy = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const taken = (server.address() as { port: number }).port;
    const started = await startDev(copyFixture("basic"), { CHAPAR_PORT: String(taken) });
    dev = started.dev;
    const used = Number(new URL(started.base).port);
    assert.ok(used > taken && used < taken + 20, `${used} follows ${taken}`);
    assert.ok(started.log().includes(busyPortMessage(taken, used)), started.log());
    assert.equal(
      busyPortMessage(taken, used),
      `درگاه ${taken} را برنامه‌ی دیگری گرفته است؛ پیش‌نمایش روی درگاه ${used} باز شد (برای درگاهی دیگر: CHAPAR_PORT=… npm run dev).`,
    );
    assert.doesNotMatch(started.log(), /EADDRINUSE|\n\s+at /, "no Node stack trace");
    assert.equal((await get(started.base)).status, 200);
  });

  test("a host that isn't this machine's is a Persian error, without a stack trace", async () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/dev.ts")], {
      cwd: ROOT,
      env: { ...process.env, CHAPAR_CONTENT: copyFixture("basic"), CHAPAR_HOST: "192.0.2.1", CHAPAR_PORT: "0", CHAPAR_NOW: FIXED_NOW },
      encoding: "utf8",
    });
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr.trim(),
      "نشانی «192.0.2.1» روی این رایانه نیست؛ CHAPAR_HOST را localhost یا 127.0.0.1 (یا 0.0.0.0 برای دیگر دستگاه‌های شبکه) بگذارید.",
    );
  });
});
