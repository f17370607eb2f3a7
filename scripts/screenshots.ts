/**
 * `npm run screenshots`: full-page screenshots of the sample site's home page, heaviest release
 * page and archive at a phone width (390 px) and a desktop width (1280 px), in Debian's Chromium,
 * saved as `docs/screenshots/<label>-<page>-<width>.png` (at most 2,400 px tall); prints each page's HTML + CSS weight
 * (compressed, as the budgets count it). Made the same way before and after a change of the look.
 *
 *   npm run screenshots -- --label=before
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readCommandArgs } from "../lib/cli/args.ts";
import { SCREENSHOTS_COMMAND } from "../lib/cli/commands.ts";
import { launchBrowser, serveStatic } from "../test/helpers/browser.ts";
import { ROOT } from "../test/helpers/build.ts";
import { formatBytes, pageWeight } from "../test/helpers/page-weight.ts";
import { buildSampleSite } from "../test/helpers/sample-site.ts";
import { ensureSystemDeps } from "./ensure-system-deps.ts";

export const SCREENSHOT_DIR = path.join(ROOT, "docs/screenshots");
const WIDTHS = [390, 1280] as const;
/** Height of the window; the screenshot is the full page, cut at `MAX_HEIGHT` to keep the files small. */
const HEIGHT = 844;
const MAX_HEIGHT = 2400;

async function main(): Promise<void> {
  const { values } = readCommandArgs(SCREENSHOTS_COMMAND);
  const prefix = String(values.label ?? "after");
  if (!/^[a-z0-9-]+$/.test(prefix)) throw new Error(`--label: lower-case Latin letters, digits and "-" only: ${prefix}`);
  ensureSystemDeps(["chromium"]);
  const sample = buildSampleSite();
  const release = sample.pageTypes.find((p) => p.name === "release")!;
  const pages = [
    { name: "home", sitePath: "/" },
    { name: "release", sitePath: release.path },
    { name: "archive", sitePath: "/archive/" },
  ];
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const site = await serveStatic(sample.out, { headersFile: true });
  const browser = await launchBrowser();
  try {
    for (const page of pages) {
      const w = pageWeight(sample.out, page.sitePath);
      console.log(
        `${page.name} ${page.sitePath}: HTML+CSS ${formatBytes(w.total.gzip)} gzip / ${formatBytes(w.total.brotli)} brotli (HTML ${formatBytes(w.html.gzip)}, CSS ${formatBytes(w.css.gzip)} gzip)`,
      );
      for (const width of WIDTHS) {
        const context = await browser.newContext({ viewport: { width, height: HEIGHT }, colorScheme: "light" });
        const tab = await context.newPage();
        await tab.goto(site.url(page.sitePath), { waitUntil: "load" });
        await tab.evaluate(() => document.fonts.ready.then(() => undefined));
        // Through the page and back, so its lazy pictures are loaded before the picture is taken.
        await tab.evaluate(async () => {
          for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
            window.scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 50));
          }
          window.scrollTo(0, 0);
        });
        await tab.waitForLoadState("networkidle");
        const file = path.join(SCREENSHOT_DIR, `${prefix}-${page.name}-${width}.png`);
        const pageHeight = await tab.evaluate(() => document.documentElement.scrollHeight);
        await tab.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(pageHeight, MAX_HEIGHT) } });
        console.log(`  ${path.relative(ROOT, file)}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
    rmSync(path.dirname(sample.out), { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
