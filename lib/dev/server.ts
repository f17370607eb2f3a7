/**
 * `npm run dev`: a preview server that renders each page when it is requested, from the data set held
 * in memory, with the same page modules as the production build (lib/site/pages.ts) — so a page in
 * the browser is byte for byte the page `npm run build` writes with `CHAPAR_PREVIEW=1`, plus a small
 * live-reload script.
 *
 * Why not Eleventy's --serve: after any change to the data it re-renders every page (about 5 s at
 * 10,000 releases). Here a saved file is re-read alone (unchanged files are only stat'ed, and their
 * parsed form comes from the build cache's memo), the site model is rebuilt (a few hundred ms at
 * 10,000 releases) and only the page the browser asks for is rendered.
 *
 * A content error never takes the preview down: every page goes on being served from the last good data
 * set, with a Persian banner listing the errors (lib/dev/error-banner.ts), and a broken release's own
 * page shows its errors instead; saving the fix clears them. A busy port falls back to the next free one.
 *
 * Everything that is not a page (stylesheet, fonts, icons, release images, feeds, sitemaps, media) is
 * built by the real Eleventy configuration into a temporary folder, with the page writer skipped, at
 * start-up and again in the background after a change; the search index is not built in preview.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { rememberFileStats, saveBuildCaches } from "../cache/cache.ts";
import { startParallelCheck } from "../parallel/parallel-check.ts";
import { checkSite } from "../content/check.ts";
import { formatProblem, type ContentProblem } from "../content/errors.ts";
import { isJunkFile } from "../content/content-files.ts";
import { CONTENT_TYPES, contentTypeOf } from "../serve/content-types.ts";
import { createChaparData, type ChaparData, type SiteAssets } from "../site/data.ts";
import { runEleventy } from "../site/eleventy.ts";
import { loadPageTemplates, outputFileOf, pageRoutes, renderRoute, type PageRoute, type PageTemplate } from "../site/pages.ts";
import { withAssets } from "../site/prepare.ts";
import { errorBanner, errorPage, injectBeforeBodyEnd, injectBanner, LIVE_RELOAD_SNIPPET } from "./error-banner.ts";
import { listenWithFallback } from "./listen.ts";
import { watchTree, type TreeWatcher } from "./watch.ts";

export { DevServerError } from "./listen.ts";
export { LIVE_RELOAD_SNIPPET } from "./error-banner.ts";

export interface DevServerOptions {
  /** The content folder (`CHAPAR_CONTENT`). */
  contentDir: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  host: string;
  /** The project (templates, assets, Eleventy config). */
  root: string;
  /** A fixed build moment (`CHAPAR_NOW`); otherwise the clock at each rebuild. */
  now?: number;
  /** Quiet: no log lines (tests). */
  quiet: boolean;
  /** The office developer's extension folder (`CHAPAR_EXTEND`); none when absent. */
  extendDir?: string;
  /** Under `npm run edit`: decap-server's API (`http://127.0.0.1:8081/api/v1`), forwarded from `/admin/api/v1`. */
  editorApi?: string;
}

export const defaults: Omit<DevServerOptions, "contentDir" | "root"> = { port: 8080, host: "localhost", quiet: false };

const EVENTS_PATH = "/__chapar/events";

const typeOf = contentTypeOf;

/** A data set the preview can serve, and its pages. */
interface GoodState {
  chapar: ChaparData;
  routes: Map<string, PageRoute>;
  /** Each release page's site path → its file (relative to the content folder), to show a broken release's errors on its page. */
  releaseFiles: Map<string, string>;
}

/**
 * What the preview serves: the last data set that loaded without errors (none before the first one
 * did), and the errors of the latest load (empty when it loaded).
 */
interface State {
  good: GoodState | undefined;
  problems: readonly ContentProblem[];
}

export interface DevServer {
  url: string;
  /** Resolves when the latest change has been taken in (tests). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Loads the content, builds everything that is not a page, then watches the content and assets for
 * changes and serves: each page rendered on request, the rest from the extras folder.
 */
export async function startDevServer(
  options: Partial<DevServerOptions> & Pick<DevServerOptions, "contentDir" | "root">,
): Promise<DevServer> {
  const { contentDir, port, host, root, now, quiet, extendDir, editorApi } = { ...defaults, ...options };
  const log = (line: string) => {
    if (!quiet) console.log(line);
  };
  rememberFileStats();
  const { pages: templates } = await loadPageTemplates(root);
  const site = previewSite({ contentDir, extendDir, templates, now, log });
  const live = liveReload();
  await site.loadFirst();
  await site.buildExtras();
  const changes = watchChanges({ site, contentDir, root, log, reload: live.broadcast });
  const server = createServer(requestHandler(site, live, changes, editorApi));
  const actualPort = await listenWithFallback(server, port, host, log);
  const { good } = site.state;
  return {
    url: `http://${host}:${actualPort}${good ? good.chapar.urls.basePath : "/"}`,
    settled: changes.settled,
    close: async () => {
      await changes.close();
      live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await site.close();
    },
  };
}

interface PreviewSite {
  /** What is served now. */
  readonly state: State;
  /** The first load (a cold cache can make it long: on two cores a helper thread takes half the files). */
  loadFirst(): Promise<void>;
  /** Validates and loads the content (cached per file) into a fresh data set with the last built assets. */
  load(): void;
  /** Keeps serving the last good state, with this error of a load that crashed (a bug, not the content's). */
  fail(error: unknown): void;
  /** Builds everything but the pages (assets, feeds, sitemaps, media) into `extrasDir`; true if the assets changed. */
  buildExtras(): Promise<boolean>;
  /** The folder of everything but the pages. */
  readonly extrasDir: string;
  close(): Promise<void>;
}

/** The previewed site: its content loaded on demand, its pages' routes, and the files that are not pages. */
function previewSite({
  contentDir,
  extendDir,
  templates,
  now,
  log,
}: {
  contentDir: string;
  extendDir: string | undefined;
  templates: readonly PageTemplate[];
  now: number | undefined;
  log: (line: string) => void;
}): PreviewSite {
  const extrasDir = mkdtempSync(path.join(tmpdir(), "chapar-dev-"));
  let assets: SiteAssets | undefined;
  let state: State = { good: undefined, problems: [] };
  let latestData: ChaparData | undefined;
  const serve = (chapar: ChaparData) => {
    const routes = new Map<string, PageRoute>();
    for (const route of pageRoutes(chapar, templates)) routes.set(route.url, route);
    const releaseFiles = new Map(chapar.content.releases.map((release) => [release.url, release.file] as const));
    state = { good: { chapar, routes, releaseFiles }, problems: [] };
  };
  const assetNames = () => JSON.stringify([assets?.stylesheet, assets?.favicon, [...(assets?.images.keys() ?? [])]]);
  const site: PreviewSite = {
    get state() {
      return state;
    },
    extrasDir,
    load() {
      const started = performance.now();
      const checked = checkSite({ contentDir });
      if (checked.errors.length > 0 || !checked.content) {
        // The last good pages stay, with the errors on each (and the assets built for them).
        state = { good: state.good, problems: [...checked.errors, ...checked.warnings.filter((w) => w.rule === undefined)] };
        latestData = undefined;
        log(problemsReport(state.problems, state.good !== undefined, contentDir));
        return;
      }
      latestData = createChaparData({
        contentDir,
        preview: true,
        now: now ?? Date.now(),
        content: checked.content,
        ...(extendDir === undefined ? {} : { extendDir }),
        ...(assets ? { assets } : {}),
      });
      const recovered = state.problems.length > 0;
      serve(latestData);
      if (recovered) log("خطاها برطرف شد؛ پیش‌نمایش دوباره حالت تازه را نشان می‌دهد.");
      log(`بارگذاری محتوا: ${latestData.model.releases.length} خبر در ${Math.round(performance.now() - started)} میلی‌ثانیه`);
    },
    fail(error) {
      const message = error instanceof Error ? error.message : String(error);
      state = { good: state.good, problems: [{ file: "(پیش‌نمایش)", message: `بارگذاری محتوا شکست خورد: ${message}`, severity: "error" }] };
      latestData = undefined;
      log(problemsReport(state.problems, state.good !== undefined, contentDir));
    },
    async loadFirst() {
      const parallel = startParallelCheck(contentDir);
      site.load();
      await parallel?.finish();
      // The build cache is kept for the next start (and `npm run build`): now, and a while after changes.
      saveBuildCaches();
    },
    async buildExtras() {
      if (!latestData) return false;
      const before = assetNames();
      const built = await withAssets(latestData);
      await runEleventy(built, { outputDir: extrasDir, pageWriter: "skip" });
      assets = built.assets;
      // A newer data set may have been loaded meanwhile: give it the new assets.
      if (latestData) {
        latestData = { ...latestData, assets };
        serve(latestData);
      }
      return assetNames() !== before;
    },
    async close() {
      saveBuildCaches();
      rmSync(extrasDir, { recursive: true, force: true });
    },
  };
  return site;
}

/** The browsers listening for reloads (server-sent events on EVENTS_PATH). */
function liveReload() {
  const clients = new Set<ServerResponse>();
  return {
    /** Keeps the request open as an event stream. */
    listen(req: IncomingMessage, res: ServerResponse) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
    },
    broadcast() {
      for (const client of clients) client.write("data: reload\n\n");
    },
    close() {
      for (const client of clients) client.end();
    },
  };
}

interface Changes {
  /** Resolves when the data reflects every save so far (requests wait for it). */
  current(): Promise<void>;
  /** Resolves when the latest change has been taken in, extras included (tests). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches the content and the assets: a content change reloads the data at once (15 ms after the last
 * save) and tells the browsers; any change rebuilds the extras a little later (400 ms) and tells them
 * again if the assets' names changed. The build cache is saved 10 s after the last change.
 */
function watchChanges({
  site,
  contentDir,
  root,
  log,
  reload,
}: {
  site: PreviewSite;
  contentDir: string;
  root: string;
  log: (line: string) => void;
  reload: () => void;
}): Changes {
  let pending: Promise<void> = Promise.resolve();
  let contentTimer: NodeJS.Timeout | undefined;
  let extrasTimer: NodeJS.Timeout | undefined;
  let saveTimer: NodeJS.Timeout | undefined;
  let contentDirty = false;
  let extrasRunning: Promise<void> = Promise.resolve();
  let resolveDirty: (() => void) | undefined;

  const scheduleSave = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveBuildCaches, 10_000);
  };
  const scheduleExtras = () => {
    clearTimeout(extrasTimer);
    extrasTimer = setTimeout(() => {
      extrasRunning = extrasRunning
        .then(site.buildExtras)
        .then((changed) => {
          if (changed) reload();
        })
        .catch((e: unknown) => log(`ساخت پرونده‌های جانبی شکست خورد: ${(e as Error).message}`));
    }, 400);
  };
  const onContentChange = (file: string) => {
    // An editor's swap file or Finder's .DS_Store changes nothing that is built.
    if (isJunkFile(path.basename(file))) return;
    if (!contentDirty) {
      contentDirty = true;
      // Requests wait for the reload, so a page is never served from data older than the last save.
      pending = new Promise((resolve) => (resolveDirty = resolve));
    }
    clearTimeout(contentTimer);
    contentTimer = setTimeout(() => {
      contentDirty = false;
      try {
        site.load();
      } catch (e) {
        site.fail(e);
      }
      resolveDirty?.();
      reload();
      scheduleExtras();
      scheduleSave();
    }, 15);
  };

  const watchers: TreeWatcher[] = [watchTree(contentDir, onContentChange)];
  const assetsDir = path.join(root, "assets");
  if (existsSync(assetsDir)) watchers.push(watchTree(assetsDir, scheduleExtras));
  return {
    current: () => pending,
    settled: async () => {
      await pending;
      await extrasRunning;
    },
    close: async () => {
      for (const w of watchers) w.close();
      clearTimeout(contentTimer);
      clearTimeout(extrasTimer);
      clearTimeout(saveTimer);
      await extrasRunning;
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

/** A page as the browser gets it: rendered now, with the live-reload script (and the errors' banner) if it is HTML. */
function renderForPreview(route: PageRoute, chapar: ChaparData, banner: string): string {
  const text = renderRoute(chapar, route);
  if (!outputFileOf(route.url).endsWith(".html")) return text;
  return injectLiveReload(banner ? injectBanner(text, banner) : text);
}

/** The terminal's report of a load with errors: the problems, and what the preview does meanwhile. */
function problemsReport(problems: readonly ContentProblem[], keepsLastGood: boolean, contentDir: string): string {
  const lines = problems.map((p) => formatProblem(p, { contentDir }));
  lines.push(
    keepsLastGood
      ? `${problems.filter((p) => p.severity === "error").length} خطا در محتوا؛ پیش‌نمایش آخرین حالت درست را با فهرست خطاها نشان می‌دهد تا پرونده درست شود.`
      : `${problems.filter((p) => p.severity === "error").length} خطا در محتوا؛ پیش‌نمایش پس از درست کردن آن‌ها صفحه‌ها را نشان می‌دهد.`,
  );
  return lines.join("\n");
}

/**
 * Answers a request: the live-reload event stream; the content's error report while it has errors;
 * a page rendered from its route; a redirect to the base path or to the slash-ended URL; a file of
 * the extras; else the 404 page.
 */
function requestHandler(site: PreviewSite, live: ReturnType<typeof liveReload>, changes: Changes, editorApi?: string) {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requested = new URL(req.url ?? "/", "http://localhost");
    if (requested.pathname === EVENTS_PATH) return live.listen(req, res);
    const editorBase = site.state.good?.chapar.urls.basePath ?? "/";
    if (editorApi && requested.pathname === `${editorBase}${EDITOR_API_PATH}`) return forward(req, res, editorApi);
    await changes.current();
    const { good, problems } = site.state;
    if (!good) return send(res, 500, CONTENT_TYPES[".html"]!, errorPage(problems));
    const { chapar, routes, releaseFiles } = good;
    // Every page of the last good state carries the errors of the latest save (none when it loaded).
    const banner = problems.length > 0 ? errorBanner(problems) : "";
    const page = (route: PageRoute) => renderForPreview(route, chapar, banner);
    let pathname: string;
    try {
      pathname = decodeURIComponent(requested.pathname);
    } catch {
      return send(res, 400, CONTENT_TYPES[".txt"]!, "bad request");
    }
    const base = chapar.urls.basePath;
    if (!pathname.startsWith(base)) {
      if (`${pathname}/` === base || pathname === "/") {
        res.writeHead(302, { location: base });
        res.end();
        return;
      }
    } else {
      const sitePath = `/${pathname.slice(base.length)}`;
      const route =
        routes.get(sitePath) ?? (sitePath.endsWith("/index.html") ? routes.get(sitePath.slice(0, -"index.html".length)) : undefined);
      // A broken release's own page shows its errors: its last good text would look as if the save had worked.
      const brokenFile = route && releaseFiles.get(route.url);
      const ownProblems = brokenFile ? problems.filter((p) => p.file === brokenFile) : [];
      if (ownProblems.length > 0)
        return send(res, 500, CONTENT_TYPES[".html"]!, errorPage(ownProblems, problems.length - ownProblems.length));
      if (route) return send(res, 200, typeOf(outputFileOf(route.url)), page(route));
      if (!sitePath.endsWith("/") && routes.has(`${sitePath}/`)) {
        res.writeHead(301, { location: `${chapar.urls.href(`${sitePath}/`)}${requested.search}` });
        res.end();
        return;
      }
      const file = extrasFile(site.extrasDir, sitePath);
      if (file) return send(res, 200, typeOf(file), readFileSync(file));
    }
    const notFound = routes.get("/404.html");
    send(res, 404, CONTENT_TYPES[".html"]!, notFound ? page(notFound) : "404");
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    // A page that fails to render (a template's bug, not the content's): the Persian lead, then the stack for the developer.
    handle(req, res).catch((e: unknown) =>
      send(res, 500, CONTENT_TYPES[".txt"]!, `ساختن این صفحه در پیش‌نمایش شکست خورد:\n${String((e as Error).stack ?? e)}`),
    );
  };
}

/** Where the editor's page (lib/features/editor.ts) sends its local-mode requests, under the base path. */
const EDITOR_API_PATH = "admin/api/v1";

/** Passes a request of the editor to decap-server (same origin for the page: no CORS, one address to open). */
function forward(req: IncomingMessage, res: ServerResponse, target: string): void {
  const upstream = request(
    target,
    { method: req.method, headers: { "content-type": req.headers["content-type"] ?? "application/json" } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, { "content-type": answer.headers["content-type"] ?? "application/json" });
      answer.pipe(res);
    },
  );
  upstream.on("error", (e) => send(res, 502, CONTENT_TYPES[".txt"]!, `ویرایشگر محلی (decap-server) پاسخ نداد: ${e.message}`));
  req.pipe(upstream);
}

/** The file of the extras folder a site path names (a folder's index.html), if there is one inside it. */
function extrasFile(extrasDir: string, sitePath: string): string | undefined {
  const file = path.join(extrasDir, sitePath);
  if (!file.startsWith(extrasDir + path.sep) || !existsSync(file)) return undefined;
  const target = statSync(file).isDirectory() ? path.join(file, "index.html") : file;
  return existsSync(target) ? target : undefined;
}

/** Adds the live-reload script before `</body>` (or at the end). */
export function injectLiveReload(html: string): string {
  return injectBeforeBodyEnd(html, LIVE_RELOAD_SNIPPET);
}
