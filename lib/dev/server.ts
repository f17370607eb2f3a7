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
 * Everything that is not a page (stylesheet, fonts, icons, release images, feeds, sitemaps, media) is
 * built by the real Eleventy configuration into a temporary folder, with the page writer skipped, at
 * start-up and again in the background after a change; the search index is not built in preview.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { rememberFileStats, saveBuildCaches } from "../build/cache.ts";
import { startParallelCheck } from "../build/parallel.ts";
import { checkSite } from "../content/check.ts";
import { formatProblems } from "../content/errors.ts";
import { fa } from "../locale/fa.ts";
import { escapeHtml } from "../render/html.ts";
import { CONTENT_TYPES, contentTypeOf } from "../serve/content-types.ts";
import { createChaparData, type ChaparData, type SiteAssets } from "../site/data.ts";
import { runEleventy } from "../site/eleventy.ts";
import { loadPageTemplates, outputFileOf, pageRoutes, renderRoute, type PageRoute, type PageTemplate } from "../site/pages.ts";
import { preloadChaparData, takeChaparData } from "../site/preload.ts";
import { watchTree, type TreeWatcher } from "./watch.ts";

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
}

export const defaults: Omit<DevServerOptions, "contentDir" | "root"> = { port: 8080, host: "localhost", quiet: false };

/** The script added before `</body>` of every page served in preview (never in a build). */
export const LIVE_RELOAD_SNIPPET = `<script>new EventSource("/__chapar/events").onmessage = () => location.reload();</script>`;
const EVENTS_PATH = "/__chapar/events";


const typeOf = contentTypeOf;

type State = { ok: true; chapar: ChaparData; routes: Map<string, PageRoute> } | { ok: false; report: string };

export interface DevServer {
  url: string;
  /** Resolves when the latest change has been taken in (tests). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startDevServer(options: Partial<DevServerOptions> & Pick<DevServerOptions, "contentDir" | "root">): Promise<DevServer> {
  const { contentDir, port, host, root, now, quiet } = { ...defaults, ...options };
  const log = (line: string) => {
    if (!quiet) console.log(line);
  };
  rememberFileStats();
  const { pages: templates } = await loadPageTemplates(root);
  const extrasDir = mkdtempSync(path.join(tmpdir(), "chapar-dev-"));
  let assets: Partial<SiteAssets> = {};
  let state: State = { ok: false, report: "" };
  let latestData: ChaparData | undefined;

  /** Validates and loads the content (cached per file) into a fresh data set with the last built assets. */
  const load = (): void => {
    const started = performance.now();
    const checked = checkSite({ contentDir });
    if (checked.errors.length > 0 || !checked.content) {
      state = { ok: false, report: formatProblems([...checked.errors, ...checked.warnings.filter((w) => w.rule === undefined)]) };
      latestData = undefined;
      log(state.report);
      return;
    }
    latestData = createChaparData({ contentDir, preview: true, now: now ?? Date.now(), assets, content: checked.content });
    setData(latestData);
    log(`بارگذاری محتوا: ${latestData.model.releases.length} خبر در ${Math.round(performance.now() - started)} میلی‌ثانیه`);
  };
  const setData = (chapar: ChaparData) => {
    const routes = new Map<string, PageRoute>();
    for (const route of pageRoutes(chapar, templates)) routes.set(route.url, route);
    state = { ok: true, chapar, routes };
  };

  /** Builds everything but the pages with the real Eleventy configuration (assets, feeds, media). */
  const buildExtras = async (): Promise<boolean> => {
    const data = latestData;
    if (!data) return false;
    const before = JSON.stringify([assets.stylesheet, assets.favicon, [...(assets.images?.keys() ?? [])]]);
    preloadChaparData(data);
    const previous = process.env.CHAPAR_PAGE_WRITER;
    process.env.CHAPAR_PAGE_WRITER = "skip";
    try {
      await runEleventy({ outputDir: extrasDir });
    } finally {
      if (previous === undefined) delete process.env.CHAPAR_PAGE_WRITER;
      else process.env.CHAPAR_PAGE_WRITER = previous;
    }
    const built = takeChaparData.last;
    if (built) assets = built.assets;
    // A newer data set may have been loaded meanwhile: give it the new assets.
    if (latestData) {
      latestData = { ...latestData, assets: { ...latestData.assets, ...assets } };
      setData(latestData);
    }
    return JSON.stringify([assets.stylesheet, assets.favicon, [...(assets.images?.keys() ?? [])]]) !== before;
  };

  // — Changes: content → reload the data at once; anything → rebuild the extras a little later —
  const clients = new Set<ServerResponse>();
  const broadcast = () => {
    for (const client of clients) client.write("data: reload\n\n");
  };
  let pending: Promise<void> = Promise.resolve();
  let contentTimer: NodeJS.Timeout | undefined;
  let extrasTimer: NodeJS.Timeout | undefined;
  let contentDirty = false;
  let extrasRunning: Promise<void> = Promise.resolve();
  let resolveDirty: (() => void) | undefined;

  const scheduleExtras = () => {
    clearTimeout(extrasTimer);
    extrasTimer = setTimeout(() => {
      extrasRunning = extrasRunning
        .then(buildExtras)
        .then((changed) => {
          if (changed) broadcast();
        })
        .catch((e: unknown) => log(`ساخت پرونده‌های جانبی شکست خورد: ${(e as Error).message}`));
    }, 400);
  };
  const onContentChange = () => {
    if (!contentDirty) {
      contentDirty = true;
      // Requests wait for the reload, so a page is never served from data older than the last save.
      pending = new Promise((resolve) => (resolveDirty = resolve));
    }
    clearTimeout(contentTimer);
    contentTimer = setTimeout(() => {
      contentDirty = false;
      try {
        load();
      } catch (e) {
        state = { ok: false, report: String((e as Error).stack ?? e) };
      }
      resolveDirty?.();
      broadcast();
      scheduleExtras();
      scheduleSave();
    }, 15);
  };

  // The first load can be long (a cold cache): on two cores a helper thread takes half the files.
  const parallel = startParallelCheck(contentDir);
  load();
  await parallel?.finish();
  // The build cache is kept for the next start (and `npm run build`): now, and a while after changes.
  saveBuildCaches();
  let saveTimer: NodeJS.Timeout | undefined;
  const scheduleSave = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveBuildCaches, 10_000);
  };
  await buildExtras();
  const watchers: TreeWatcher[] = [watchTree(contentDir, onContentChange)];
  const assetsDir = path.join(root, "assets");
  if (existsSync(assetsDir)) watchers.push(watchTree(assetsDir, scheduleExtras));

  // — Serving —
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
    res.end(body);
  };
  const page = (route: PageRoute, chapar: ChaparData): string => {
    const text = renderRoute(chapar, route);
    return outputFileOf(route.url).endsWith(".html") ? injectLiveReload(text) : text;
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requested = new URL(req.url ?? "/", "http://localhost");
    if (requested.pathname === EVENTS_PATH) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    await pending;
    const current = state;
    if (!current.ok) {
      send(res, 500, CONTENT_TYPES[".html"]!, errorPage(current.report));
      return;
    }
    const { chapar, routes } = current;
    let pathname: string;
    try {
      pathname = decodeURIComponent(requested.pathname);
    } catch {
      send(res, 400, CONTENT_TYPES[".txt"]!, "bad request");
      return;
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
      const route = routes.get(sitePath) ?? (sitePath.endsWith("/index.html") ? routes.get(sitePath.slice(0, -"index.html".length)) : undefined);
      if (route) {
        send(res, 200, typeOf(outputFileOf(route.url)), page(route, chapar));
        return;
      }
      if (!sitePath.endsWith("/") && routes.has(`${sitePath}/`)) {
        res.writeHead(301, { location: `${chapar.urls.href(`${sitePath}/`)}${requested.search}` });
        res.end();
        return;
      }
      const file = path.join(extrasDir, sitePath);
      if (file.startsWith(extrasDir + path.sep) && existsSync(file)) {
        const target = statSync(file).isDirectory() ? path.join(file, "index.html") : file;
        if (existsSync(target)) {
          send(res, 200, typeOf(target), readFileSync(target));
          return;
        }
      }
    }
    const notFound = routes.get("/404.html");
    send(res, 404, CONTENT_TYPES[".html"]!, notFound ? page(notFound, chapar) : "404");
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, CONTENT_TYPES[".txt"]!, String((e as Error).stack ?? e)));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const started = state as State; // assigned by load() above (TypeScript can't see through the closure)
  const base = started.ok ? started.chapar.urls.basePath : "/";
  return {
    url: `http://${host}:${actualPort}${base}`,
    settled: async () => {
      await pending;
      await extrasRunning;
    },
    close: async () => {
      for (const w of watchers) w.close();
      clearTimeout(contentTimer);
      clearTimeout(extrasTimer);
      clearTimeout(saveTimer);
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await extrasRunning;
      saveBuildCaches();
      rmSync(extrasDir, { recursive: true, force: true });
    },
  };
}

/** Adds the live-reload script before `</body>` (or at the end). */
export function injectLiveReload(html: string): string {
  const at = html.lastIndexOf("</body>");
  return at < 0 ? html + LIVE_RELOAD_SNIPPET : html.slice(0, at) + LIVE_RELOAD_SNIPPET + html.slice(at);
}

/** The content's problems, shown in place of the site; like every author-facing message, in Persian whatever the site's locale. */
function errorPage(report: string): string {
  return `<!doctype html>
<html lang="${fa.lang}" dir="${fa.dir}">
<head><meta charset="utf-8"><title>خطا در محتوا</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.8}pre{white-space:pre-wrap;background:#fff4f4;border-inline-start:4px solid #c00;padding:1rem}</style></head>
<body><h1>محتوا خطا دارد؛ پیش‌نمایش پس از درست کردن آن به‌روز می‌شود</h1>
<pre>${escapeHtml(report)}</pre>
${LIVE_RELOAD_SNIPPET}</body>
</html>
`;
}
