/**
 * The web editor at `/admin/` (docs/editor.md): Decap CMS's browser bundle copied from node_modules
 * (pinned in the lockfile; never a CDN), Chapar's editor script bundled with esbuild from
 * lib/editor/browser/, the configuration generated from the schema (lib/editor/config.ts) and a page
 * with `noindex`. Written after Eleventy's build, outside its page list, so it is in no sitemap, feed
 * or search index; `_headers` gives `/admin/*` its own Content-Security-Policy (`editorCsp`).
 * `"editor": false` in site.json: no `/admin/` at all.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { loadPressData } from "../content/press.ts";
import type { EditorSettings } from "../content/site-data.ts";
import { editorConfig } from "../editor/config.ts";
import type { EditorPageData } from "../editor/browser/editor.ts";
import { editorStrings } from "../locale/fa.strings.ts";
import { escapeHtml } from "../render/html.ts";
import type { ChaparData } from "../site/data.ts";
import type { CspDirectives } from "./headers.ts";

export interface EditorOptions {
  /** Site folder of the editor. */
  folder: string;
  /** The editor's script, bundled for the browser. */
  entry: string;
  /** Under the preview server: the local proxy (decap-server) the preview forwards, relative to the editor's folder. */
  localApi: string;
}

export const defaults: EditorOptions = {
  folder: "admin",
  entry: fileURLToPath(new URL("../editor/browser/editor.ts", import.meta.url)),
  localApi: "api/v1",
};

/** Local mode's settings when site.json names no git host (only the folder layout matters there). */
const LOCAL_ONLY: Exclude<EditorSettings, false | undefined> = {
  backend: "github",
  repo: "",
  branch: "main",
  contentFolder: "content",
  editorialWorkflow: false,
};

/**
 * The editor's settings for this build: site.json's git host; under the preview server (`npm run edit`)
 * the local mode even without one; none when site.json says `"editor": false`, or a production build
 * has no git host to save to.
 */
export function editorSettings(data: ChaparData): Exclude<EditorSettings, false | undefined> | undefined {
  const settings = data.site.editor;
  if (settings === false) return undefined;
  return settings ?? (data.preview ? LOCAL_ONLY : undefined);
}

/** What `/admin/*` adds to the site's CSP: Decap compiles its config schema (eval), styles inline, talks to the git host. */
export function editorCsp(data: ChaparData, options: Partial<EditorOptions> = {}): { path: string; directives: CspDirectives }[] {
  const settings = editorSettings(data);
  if (!settings) return [];
  const { folder } = { ...defaults, ...options };
  const hosts: Record<string, string[]> = {
    github: ["https://api.github.com", "https://github.com"],
    gitlab: ["https://gitlab.com"],
    gitea: [],
  };
  const own = [settings.baseUrl, settings.apiRoot, settings.authEndpoint]
    .filter((u): u is string => typeof u === "string" && /^https?:\/\//.test(u))
    .map((u) => new URL(u).origin);
  const remote = [...(hosts[settings.backend] ?? []), ...own];
  return [
    {
      path: `/${folder}/*`,
      directives: {
        "script-src": ["'unsafe-eval'", "'wasm-unsafe-eval'"],
        "style-src": ["'unsafe-inline'"],
        "img-src": ["blob:", "https://avatars.githubusercontent.com", "https://raw.githubusercontent.com", ...own],
        "connect-src": ["blob:", ...remote],
        "frame-src": ["blob:"],
      },
    },
  ];
}

/** The page's font faces: the site's own Vazirmatn, as the built stylesheet declares it. */
function fontFaces(data: ChaparData): string {
  const css = data.assets.files.find((f) => f.sitePath === data.assets.stylesheet)?.contents;
  const text = typeof css === "string" ? css : css ? new TextDecoder().decode(css) : "";
  // The faces' addresses are relative to the stylesheet: made site-absolute for the editor's page.
  const from = new URL(data.urls.href(data.assets.stylesheet), "http://site");
  return (text.match(/@font-face\s*{[^}]*}/g) ?? [])
    .map((face) => face.replace(/url\((["']?)([^)"']+)\1\)/g, (_, q: string, u: string) => `url(${q}${new URL(u, from).pathname}${q})`))
    .join("\n");
}

export function editorPage(): string {
  return `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(editorStrings.pageTitle)}</title>
<link rel="stylesheet" href="editor.css">
</head>
<body>
<noscript>${escapeHtml(editorStrings.noScript)}</noscript>
<script src="editor.js"></script>
<script src="decap-cms.js"></script>
</body>
</html>
`;
}

const EDITOR_CSS = `
html, body, input, textarea, select, button { font-family: Vazirmatn, Tahoma, sans-serif; }
input[dir=rtl], textarea[dir=rtl] { text-align: start; }
.chapar-date { display: grid; gap: 0.5rem; }
.chapar-date-text, .chapar-time { font-family: Vazirmatn, monospace; padding: 0.4rem; }
.chapar-date-hint { margin: 0; color: #555; font-size: 0.9em; }
.chapar-calendar { max-inline-size: 22rem; }
.chapar-calendar-head { display: flex; justify-content: space-between; align-items: center; }
.chapar-calendar button { min-inline-size: 2.2rem; min-block-size: 2.2rem; border: 1px solid #ccc; background: #fff; color: #222; border-radius: 4px; cursor: pointer; }
.chapar-month-grid { border-collapse: collapse; }
.chapar-month-grid th { font-weight: normal; color: #555; }
.chapar-day.is-today { border-color: #1d6b3b; border-width: 2px; }
.chapar-day.is-picked { background: #1d4e89; color: #fff; }
`;

/** Decap's files: the main bundle, its lazily loaded chunks and WebAssembly (not the source maps, nor the second `cms.js` build). */
function decapFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f === "decap-cms.js" || /^\d+\.decap-cms\.js$/.test(f) || f.endsWith(".wasm"));
}

/** Node modules the editor's modules import for the build only (file checks); the browser never calls them. */
const NODE_ONLY = /^(node:|image-size$|iconv-lite$|buffer$)/;
const NODE_STUB = [
  "const no = () => { throw new Error('Chapar: not in the browser'); };",
  "export default new Proxy({}, { get: () => no });",
  "export const readdirSync = no, statSync = no, readFileSync = no, existsSync = no, lstatSync = no, realpathSync = no,",
  "  openSync = no, closeSync = no, fstatSync = no, readlinkSync = no, copyFileSync = no, writeFileSync = no, constants = {},",
  "  imageSize = no, isUtf8 = no, transcode = no, decode = no, encode = no, Buffer = no, join = no, relative = no, resolve = no,",
  "  dirname = no, basename = no, extname = no, sep = '/', posix = {};",
].join("\n");

/** Bundles already made in this process, by entry: the code doesn't change while the preview server rebuilds. */
const bundled = new Map<string, Promise<string>>();

/** Chapar's editor script, bundled for the browser (once per process and entry). */
export function bundleEditorScript(entry: string = defaults.entry): Promise<string> {
  let bundle = bundled.get(entry);
  if (bundle === undefined) {
    bundle = bundleOnce(entry);
    bundled.set(entry, bundle);
    bundle.catch(() => bundled.delete(entry)); // a failed bundle is tried again next time
  }
  return bundle;
}

async function bundleOnce(entry: string): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    minify: true,
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    legalComments: "none",
    plugins: [
      {
        name: "node-only",
        setup(build) {
          build.onResolve({ filter: NODE_ONLY }, (a) => ({ path: a.path, namespace: "node-only" }));
          build.onLoad({ filter: /.*/, namespace: "node-only" }, () => ({ contents: NODE_STUB, loader: "js" }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

/** The data the editor's script reads (config.json). */
export function editorPageData(data: ChaparData, options: Partial<EditorOptions> = {}): EditorPageData | undefined {
  const settings = editorSettings(data);
  if (!settings) return undefined;
  const { folder, localApi } = { ...defaults, ...options };
  const press = loadPressData(data.content.contentDir, data.site, []);
  const base = data.urls.basePath.endsWith("/") ? data.urls.basePath : `${data.urls.basePath}/`;
  const decap = editorConfig(
    {
      categories: data.categories,
      press,
      settings,
      // The preview server forwards this to decap-server under `npm run edit` (lib/dev/server.ts).
      ...(data.preview ? { localBackendUrl: `${base}${folder}/${localApi}` } : {}),
    },
    data.site.timeZone,
  );
  return {
    decap,
    schema: { timeZone: data.site.timeZone, categories: data.categories, press },
    site: {
      url: data.site.url,
      persianDigits: data.site.persianDigits,
      stylesheet: data.assets.stylesheet ? data.urls.href(data.assets.stylesheet) : "",
    },
  };
}

/** Writes `/admin/` into `outDir` (nothing when site.json turns the editor off). */
export async function writeEditor(outDir: string, data: ChaparData, options: Partial<EditorOptions> = {}): Promise<void> {
  const o = { ...defaults, ...options };
  const page = editorPageData(data, o);
  if (!page) return;
  const dir = path.join(outDir, o.folder);
  mkdirSync(dir, { recursive: true });
  const decapDir = path.dirname(createRequire(import.meta.url).resolve("decap-cms/dist/decap-cms.js"));
  for (const file of decapFiles(decapDir)) copyFileSync(path.join(decapDir, file), path.join(dir, file));
  writeFileSync(path.join(dir, "editor.js"), await bundleEditorScript(o.entry));
  writeFileSync(path.join(dir, "config.json"), `${JSON.stringify(page, null, 2)}\n`);
  writeFileSync(path.join(dir, "editor.css"), `${fontFaces(data)}\n${EDITOR_CSS}`);
  writeFileSync(path.join(dir, "index.html"), editorPage());
}

/** Eleventy plugin: the editor, after the build. */
export function editor(eleventyConfig: UserConfig, options: { data: ChaparData } & Partial<EditorOptions>): void {
  const { data, ...rest } = options;
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    await writeEditor(directories.output, data, rest);
  });
}
