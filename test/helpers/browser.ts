/**
 * Real-browser test harness: a tiny static file server for a built site, Debian's Chromium driven
 * by playwright-core, and a page watcher that records console errors, failed requests and any
 * request that tries to leave 127.0.0.1 (those are blocked).
 *
 *   const site = await serveStatic(out);               // or { basePath: "/press/" }
 *   const browser = await launchBrowser();
 *   const { page, problems } = await openWatchedPage(browser);
 *   await page.goto(site.url("/search/"));
 *   assertNoProblems(problems);
 *   await browser.close(); await site.close();
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../lib/serve/chromium.ts";
import { contentTypeOf } from "../../lib/serve/content-types.ts";
import assert from "node:assert/strict";
import { createReadStream, readFileSync, statSync, type Stats } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Request } from "playwright-core";
import { ensureSystemDeps } from "../../scripts/ensure-system-deps.ts";

// ---------------------------------------------------------------------------------------------
// Static server

export interface StaticServerOptions {
  /** URL prefix the site lives under, as in site.json's `url` (`/press/`). Default `/`. */
  basePath?: string;
  /** Extra headers sent with every response (e.g. a Content-Security-Policy to test under). */
  headers?: Record<string, string>;
  /**
   * Apply the site's `_headers` file (Netlify/Cloudflare Pages format) as Cloudflare does: every
   * matching rule applies in order, a header set by several rules is joined with ", ", and
   * `! Name` detaches what earlier rules set. Patterns match the site path (base path removed).
   */
  headersFile?: boolean;
}

interface HeaderRule {
  pattern: RegExp;
  /** `[name, value]` to set, or `[name, null]` to detach. */
  entries: [string, string | null][];
}

/** Parses a `_headers` file: unindented lines are URL patterns, indented lines `Name: value` or `! Name`. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/:[a-z]+/gi, "[^/]+");
      rules.push({ pattern: new RegExp(`^${source}$`), entries: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: header line before any path: ${line}`);
    const detach = /^\s*!\s*(\S+)\s*$/.exec(line);
    if (detach) {
      rule.entries.push([detach[1]!.toLowerCase(), null]);
      continue;
    }
    const set = /^\s*([^:\s]+)\s*:\s*(.*)$/.exec(line);
    if (!set) throw new Error(`_headers: not a header line: ${line}`);
    rule.entries.push([set[1]!.toLowerCase(), set[2]!.trim()]);
  }
  return rules;
}

/** The headers `_headers` rules give a site path. */
export function headersFor(rules: HeaderRule[], sitePath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(sitePath)) continue;
    for (const [name, value] of rule.entries) {
      if (value === null) delete out[name];
      else out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
    }
  }
  return out;
}

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  basePath: string;
  /** A site path (`/search/`, without the base path; raw or percent-encoded) → its full URL on this server. */
  url(sitePath: string): string;
  /** Every request answered so far, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Serves `root` on 127.0.0.1 at a free port, the way a static host does: `/x/` → `x/index.html`,
 * `/x` → redirect to `/x/` when it is a folder, percent-encoded (Persian) paths decoded, anything
 * missing → `404.html` with status 404.
 */
export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const basePath = options.basePath ?? "/";
  if (!basePath.startsWith("/") || !basePath.endsWith("/")) throw new Error(`basePath must start and end with "/": ${basePath}`);
  const rootDir = path.resolve(root);
  const requests: ServedRequest[] = [];

  const headerRules = options.headersFile ? parseHeadersFile(readFileSync(path.join(rootDir, "_headers"), "utf8")) : [];

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    file: string | null,
    extraHeaders: Record<string, string> = {},
  ) => {
    requests.push({ method: req.method ?? "GET", path: req.url ?? "", status });
    const fromFile = headerRules.length > 0 ? headersFor(headerRules, sitePathOf(req)) : {};
    const headers: Record<string, string> = { "cache-control": "no-store", ...fromFile, ...options.headers, ...extraHeaders };
    if (file) {
      headers["content-type"] = contentTypeOf(file);
      headers["content-length"] = String(statSync(file).size);
      res.writeHead(status, headers);
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    } else {
      res.writeHead(status, { ...headers, "content-type": "text/plain; charset=utf-8" });
      res.end(req.method === "HEAD" ? undefined : `${status}\n`);
    }
  };

  /** The request's path without the base path (for `_headers` patterns), `/` + rest. */
  const sitePathOf = (req: IncomingMessage): string => {
    const raw = (req.url ?? "/").split(/[?#]/)[0]!;
    return raw.startsWith(basePath) ? `/${raw.slice(basePath.length)}` : raw;
  };

  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    const page = path.join(rootDir, "404.html");
    send(req, res, 404, statOrNull(page)?.isFile() ? page : null);
  };

  const server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return send(req, res, 405, null, { allow: "GET, HEAD" });
    const rawPath = (req.url ?? "/").split(/[?#]/)[0]!;
    let decoded: string;
    try {
      decoded = decodeURIComponent(rawPath);
    } catch {
      return send(req, res, 400, null);
    }
    if (!decoded.startsWith(basePath) && `${decoded}/` !== basePath) return notFound(req, res);
    const rel = decoded.slice(basePath.length);
    const file = path.resolve(rootDir, `.${path.posix.sep}${rel}`);
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return notFound(req, res);
    const stat = statOrNull(file);
    if (stat?.isDirectory()) {
      if (!decoded.endsWith("/")) return send(req, res, 301, null, { location: `${rawPath}/` });
      const index = path.join(file, "index.html");
      return statOrNull(index)?.isFile() ? send(req, res, 200, index) : notFound(req, res);
    }
    if (stat?.isFile() && !decoded.endsWith("/")) return send(req, res, 200, file);
    return notFound(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    basePath,
    requests,
    url: (sitePath) => `${origin}${basePath}${encodeURI(decodeURI(sitePath).replace(/^\/+/, ""))}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Browser

/** Launches headless Debian Chromium, installing it first when missing (see scripts/ensure-system-deps.ts). */
export async function launchBrowser(): Promise<Browser> {
  ensureSystemDeps(["chromium"]);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

export interface PageProblems {
  /** `console.error` messages and uncaught exceptions. */
  consoleErrors: string[];
  /** Requests that failed at the network level (refused, aborted, CSP-blocked …). */
  failedRequests: string[];
  /** Responses with status ≥ 400. */
  errorResponses: string[];
  /** Requests to anywhere but 127.0.0.1 — blocked, and listed here. */
  externalRequests: string[];
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || hostname === "127.0.0.1";
}

/** A fresh context and page whose problems are recorded; requests leaving 127.0.0.1 are blocked. */
export async function openWatchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: "fa-IR", ...options });
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], errorResponses: [], externalRequests: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    problems.externalRequests.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const where = msg.location().url;
    problems.consoleErrors.push(where ? `${msg.text()} (${where})` : msg.text());
  });
  page.on("pageerror", (err) => problems.consoleErrors.push(`uncaught: ${err.message}`));
  // A request of a document the page is leaving (a lazily loaded font, say) is cancelled with
  // net::ERR_ABORTED: that is the browser's doing, not a broken site, so it isn't a failure.
  let started = 0; // main-frame navigations begun
  let committed = 0; // main-frame navigations committed (a new document)
  const documentOf = new WeakMap<Request, number>();
  page.on("request", (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) started++;
    documentOf.set(req, committed);
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) committed = started;
  });
  page.on("requestfailed", (req) => {
    if (!isLocal(req.url())) return; // already listed as external
    const error = req.failure()?.errorText ?? "failed";
    const leaving = started > committed || (documentOf.get(req) ?? committed) < committed;
    if (error === "net::ERR_ABORTED" && leaving) return;
    problems.failedRequests.push(`${req.url()}: ${error}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.errorResponses.push(`${res.status()} ${res.url()}`);
  });
  return { context, page, problems };
}

export function noProblems(): PageProblems {
  return { consoleErrors: [], failedRequests: [], errorResponses: [], externalRequests: [] };
}

/** Fails with every recorded problem listed (a deep-equal diff against no problems). */
export function assertNoProblems(problems: PageProblems, message?: string): void {
  assert.deepEqual(problems, noProblems(), message);
}

export { CHROMIUM_ARGS, CHROMIUM_PATH };
