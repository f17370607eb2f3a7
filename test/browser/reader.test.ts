/**
 * The sample site as a reader gets it: `content/` built with the real build, served on 127.0.0.1
 * with the site's own `_headers` (so its Content-Security-Policy applies), opened in Debian's
 * Chromium at a phone width (390 px) and a desktop width (1280 px). For every page type:
 * right-to-left Persian, no sideways overflow, Vazirmatn drawing the text, nothing requested from
 * elsewhere, no console errors or failed requests, zero axe-core violations in light and dark
 * colour schemes, a keyboard path through the skip link with visible focus, and navigation and
 * share links gone on paper. Screenshots of each page type and width go to `$CHAPAR_SCREENSHOTS`
 * (default `test-results/screenshots/`) for people to look at.
 *
 * One build, one server and one browser serve every test; each test gets its own browser context.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test, type TestContext } from "node:test";
import type { Browser, Page } from "playwright-core";
import { ROOT } from "../helpers/build.ts";
import { assertNoProblems, launchBrowser, openWatchedPage, type PageProblems, type StaticServer, serveStatic } from "../helpers/browser.ts";
import {
  axeAudit,
  axeViolations,
  directionOf,
  focusState,
  fontReport,
  horizontalOverflow,
  persianTextInOtherFonts,
  visibleNavigationAndShareLinks,
} from "../helpers/reader-checks.ts";
import { buildSampleSite, type PageType } from "../helpers/sample-site.ts";
import { budgetTests } from "./budgets.ts";

const sample = buildSampleSite();
budgetTests(sample);

export const SCREENSHOTS = path.resolve(ROOT, process.env.CHAPAR_SCREENSHOTS || "test-results/screenshots");

/** A phone (iPhone 12–15 class) and a desktop window. */
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

const FONT_FAMILY = "Vazirmatn";
/** Elements whose own text must be drawn with Vazirmatn on every page. */
const FONT_PROBES = ["h1", ".site-name"];

/** A ZWNJ-less spelling of «هم‌اندیشی», which the sample site writes both ways. */
const JOINED_QUERY = "هماندیشی";

let site: StaticServer;
let browser: Browser;

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  site = await serveStatic(sample.out, { headersFile: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Problems, minus the 404 page's own expected status (as a response and as Chromium's console message). */
function expectedStatusRemoved(problems: PageProblems, type: PageType, url: string): PageProblems {
  if (type.status !== 404) return problems;
  const own = (u: string) => u.split("#")[0] === url;
  return {
    ...problems,
    errorResponses: problems.errorResponses.filter((r) => !(r.startsWith("404 ") && own(r.slice(4)))),
    consoleErrors: problems.consoleErrors.filter((m) => {
      const match = /^Failed to load resource: the server responded with a status of 404 \(Not Found\) \((.*)\)$/.exec(m);
      return !(match && own(match[1]!));
    }),
  };
}

async function open(page: Page, type: PageType): Promise<string> {
  const url = site.url(type.path);
  const response = await page.goto(url, { waitUntil: "load" });
  assert.equal(response?.status(), type.status, `status of ${type.path}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return url;
}

/** Types the joined query into the search box and waits for the result list. */
async function searchFor(page: Page, query: string): Promise<void> {
  const box = page.getByRole("searchbox");
  await box.fill(query);
  await box.press("Enter");
  await page.waitForFunction((q) => document.querySelector<HTMLElement>("#search-results")?.dataset.query === q, query);
}

function shot(type: PageType, width: number, variant = ""): string {
  return path.join(SCREENSHOTS, `${type.name}${variant}-${width}.png`);
}

/** axe-core over the page as it is, in the light and then the dark colour scheme. */
async function axeChecks(t: TestContext, page: Page, state: string): Promise<void> {
  const backgrounds: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    backgrounds.push(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));
    await t.test(`axe-core: zero violations${state} (${colorScheme})`, async () => {
      const { violations, undecidedContrast } = await axeAudit(page);
      assert.deepEqual(violations, []);
      assert.deepEqual(undecidedContrast, [], "axe could not decide the contrast of these");
    });
  }
  assert.notEqual(backgrounds[0], backgrounds[1], "the dark colour scheme changes the page's background");
}

async function layoutChecks(t: TestContext, page: Page, label: string): Promise<void> {
  await t.test(`${label}: no element overflows sideways`, async () => {
    const report = await horizontalOverflow(page);
    assert.ok(
      report.scrollWidth <= report.innerWidth,
      `the page scrolls sideways: scrollWidth ${report.scrollWidth} > ${report.innerWidth}`,
    );
    assert.deepEqual(report.outside, [], `elements outside the ${report.innerWidth}px viewport`);
  });
}

describe("the sample site in a real browser", { concurrency: 2 }, () => {
  for (const type of sample.pageTypes) {
    for (const viewport of VIEWPORTS) {
      const width = viewport.width;
      test(`${type.name} (${type.path}) at ${width}px`, async (t) => {
        // Under the site's own headers (CSP included): what a reader gets. axe runs in this page too.
        const { context, page, problems } = await openWatchedPage(browser, { viewport });
        const scripts: string[] = [];
        page.on("request", (req) => {
          if (req.resourceType() === "script") scripts.push(req.url());
        });
        try {
          const url = await open(page, type);

          // First, before anything else moves focus.
          await t.test("keyboard: the skip link is the first stop, shows its focus, and moves focus to the main content", async () => {
            await page.keyboard.press("Tab");
            const skip = await focusState(page);
            assert.equal(skip.active, "a.skip-link", "first Tab stop");
            assert.equal(skip.href, "#main");
            assert.ok(skip.focusVisible, "the skip link matches :focus-visible");
            assert.notEqual(skip.outlineStyle, "none", "focus outline style");
            assert.ok(skip.outlineWidth > 0, `focus outline width ${skip.outlineWidth}`);
            assert.ok(skip.inViewport, "the focused skip link is on screen");
            await page.keyboard.press("Enter");
            await page.waitForFunction(() => location.hash === "#main");
            assert.equal((await focusState(page)).active, "main#main", "focus after Enter on the skip link");
            // The next Tab stop is inside the main content, and its focus is visible too.
            await page.keyboard.press("Tab");
            const next = await focusState(page);
            assert.ok(
              await page.evaluate(() => document.querySelector("main")?.contains(document.activeElement) ?? false),
              `next stop ${next.active} is in <main>`,
            );
            assert.ok(
              next.focusVisible && next.outlineStyle !== "none" && next.outlineWidth > 0,
              `focus on ${next.active} is visible: ${JSON.stringify(next)}`,
            );
          });

          await t.test("right-to-left Persian: lang fa, computed direction rtl", async () => {
            assert.deepEqual(await directionOf(page), { lang: "fa", htmlDirection: "rtl", bodyDirection: "rtl", mainDirection: "rtl" });
          });

          await layoutChecks(t, page, "screen");

          await t.test("Vazirmatn is loaded and draws the Persian text", async () => {
            const fonts = await fontReport(page, FONT_FAMILY, FONT_PROBES);
            assert.ok(
              fonts.loadedFaces.some((f) => f.startsWith(`${FONT_FAMILY} `)),
              `no ${FONT_FAMILY} face loaded: ${JSON.stringify(fonts.loadedFaces)}`,
            );
            assert.equal(fonts.checkPersian, true, "document.fonts.check('16px Vazirmatn', 'سلام')");
            assert.deepEqual(await persianTextInOtherFonts(page, FONT_FAMILY), [], "Persian text set in another font");
            for (const [selector, used] of Object.entries(fonts.renderedWith)) {
              assert.ok(used.length > 0, `${selector}: no text found`);
              assert.deepEqual(
                used.filter((f) => f.familyName !== FONT_FAMILY || !f.isCustomFont),
                [],
                `${selector} is drawn with another font too: ${JSON.stringify(used)}`,
              );
            }
          });

          // For people to look at: without the keyboard check's focus ring, from the top.
          await page.evaluate(() => {
            (document.activeElement as HTMLElement | null)?.blur();
            window.scrollTo(0, 0);
          });
          // A full-page screenshot, like the print emulation below, resizes the page for a moment: Chromium may
          // start another rendition of a picture and cancel it when the size comes back. Such a cancelled
          // picture request is the harness's doing, not the page's, and is left out of the problems below.
          const failedBeforeShot = problems.failedRequests.length;
          await page.screenshot({ path: shot(type, width), fullPage: true });
          await page.waitForLoadState("networkidle");

          await t.test("print: navigation and share links are hidden", async () => {
            await page.emulateMedia({ media: "print" });
            try {
              assert.deepEqual(await visibleNavigationAndShareLinks(page), []);
            } finally {
              await page.emulateMedia({ media: "screen" });
              await page.waitForLoadState("networkidle");
              const during = problems.failedRequests.splice(failedBeforeShot);
              problems.failedRequests.push(...during.filter((r) => !/\/assets\/images\/[^ ]+: net::ERR_ABORTED$/.test(r)));
            }
          });

          // Headless Chromium never asks for a favicon, but every real browser does: without a linked
          // icon that is a 404 for /favicon.ico and a console error on a reader's first visit.
          await t.test("the site icon is linked and served", async () => {
            const icon = await page.evaluate(async () => {
              const href = document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href;
              return href ? { href, status: (await fetch(href)).status } : null;
            });
            assert.ok(icon, "a <link rel=icon>");
            assert.equal(icon.status, 200, icon.href);
          });

          await t.test("no console errors, failed requests or requests leaving 127.0.0.1", () => {
            assertNoProblems(expectedStatusRemoved(problems, type, url));
          });
          if (type.name !== "search") {
            await t.test("no JavaScript is loaded", () => assert.deepEqual(scripts, []));
          }

          await axeChecks(t, page, "");
          if (type.name === "search") {
            await page.emulateMedia({ colorScheme: "light" });
            await searchFor(page, JOINED_QUERY);
            assert.ok((await page.locator("#search-results a").count()) > 0, "the search shows results");
            await layoutChecks(t, page, "with results");
            await t.test("with results: Persian text is set in Vazirmatn", async () => {
              assert.deepEqual(await persianTextInOtherFonts(page, FONT_FAMILY), []);
            });
            await page.screenshot({ path: shot(type, width, "-results"), fullPage: true });
            await axeChecks(t, page, " with results");
          }
          await t.test("still no console errors or failed requests (after axe and interaction)", () => {
            assertNoProblems(expectedStatusRemoved(problems, type, url));
          });
        } finally {
          await context.close();
        }
      });
    }
  }
});

// A check that can't fail proves nothing: break a page on purpose and see each check notice.
describe("the reader checks notice a broken page", () => {
  test("overflow, another font, low contrast, an invisible focus and visible navigation are all reported", async () => {
    const release = sample.pageTypes.find((p) => p.name === "release")!;
    const { context, page } = await openWatchedPage(browser, { viewport: VIEWPORTS[0] });
    try {
      await open(page, release);
      assert.ok((await visibleNavigationAndShareLinks(page)).length > 0, "on screen, the navigation is visible");
      // CSSOM edits from DevTools are allowed under the page's CSP (style attributes in markup would not be).
      await page.evaluate(() => {
        const wide = document.createElement("div");
        wide.className = "too-wide";
        wide.style.inlineSize = "2000px";
        wide.textContent = "x";
        document.querySelector("main")!.append(wide);
        document.querySelector<HTMLElement>("h1")!.style.fontFamily = "monospace";
        for (const el of document.querySelectorAll<HTMLElement>("main *")) el.style.color = "#ddd";
        document.querySelector<HTMLElement>(".skip-link")!.style.outline = "none";
      });
      const overflow = await horizontalOverflow(page);
      assert.ok(overflow.scrollWidth > overflow.innerWidth, "scrollWidth grows");
      assert.ok(
        overflow.outside.some((e) => e.startsWith("div.too-wide")),
        overflow.outside.join("\n"),
      );
      const fonts = await fontReport(page, FONT_FAMILY, ["h1"]);
      assert.ok(
        fonts.renderedWith.h1!.some((f) => f.familyName !== FONT_FAMILY),
        JSON.stringify(fonts.renderedWith),
      );
      assert.ok(
        (await persianTextInOtherFonts(page, FONT_FAMILY)).some((e) => e.startsWith("h1 ")),
        "the monospace heading is reported",
      );
      assert.ok(
        (await axeViolations(page)).some((v) => v.id === "color-contrast"),
        "axe reports the low contrast",
      );
      await page.keyboard.press("Tab");
      assert.equal((await focusState(page)).outlineStyle, "none");
    } finally {
      await context.close();
    }
  });
});

/** Cumulative layout shift so far (Chromium's layout-shift entries, buffered, without input-caused ones). */
async function cumulativeLayoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          // LayoutShift is not in TypeScript's DOM types.
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );
}

describe("layout shift on the home page, with its pictures", () => {
  // Pictures arrive late (after the text is laid out), so a picture without a reserved box would move the
  // text under it. The control run takes away what reserves the boxes and must see the shift.
  for (const reserved of [true, false]) {
    test(
      reserved
        ? "CLS 0 at 390 px while the cards' pictures arrive late"
        : "control: pictures without width/height or aspect-ratio do shift the page",
      async () => {
        const { context, page } = await openWatchedPage(browser, { viewport: VIEWPORTS[0] });
        try {
          await page.route(/\/assets\/images\//, async (route) => {
            await new Promise((r) => setTimeout(r, 300));
            await route.continue();
          });
          if (!reserved) {
            await page.route(/\/$/, async (route) => {
              const response = await route.fetch();
              await route.fulfill({ response, body: (await response.text()).replace(/ (width|height)="\d+"/g, "") });
            });
            await page.route(/\.css$/, async (route) => {
              const response = await route.fetch();
              await route.fulfill({ response, body: (await response.text()).replaceAll("aspect-ratio", "--no-aspect-ratio") });
            });
          }
          await page.goto(site.url("/"), { waitUntil: "load" });
          assert.ok((await page.locator(".release-list img").count()) >= 2, "the sample home page shows pictures");
          // Through the whole page, so the lazy pictures load too, then back to the top.
          await page.evaluate(async () => {
            for (let y = 0; y < document.documentElement.scrollHeight; y += 300) {
              window.scrollTo(0, y);
              await new Promise((r) => setTimeout(r, 60));
            }
          });
          await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
          const cls = await cumulativeLayoutShift(page);
          if (reserved) assert.equal(cls, 0, `cumulative layout shift ${cls}`);
          else assert.ok(cls > 0, "the control run must see a shift");
        } finally {
          await context.close();
        }
      },
    );
  }
});

describe("search on the sample site", () => {
  test("a ZWNJ-less Persian query finds the releases written with and without the ZWNJ, and a result opens its release", async () => {
    const { context, page, problems } = await openWatchedPage(browser, { viewport: VIEWPORTS[0] });
    try {
      await page.goto(site.url("/search/"));
      await searchFor(page, JOINED_QUERY);
      const results = await page
        .locator("#search-results a")
        .evaluateAll((links) =>
          links.map((a) => ({ path: decodeURI((a as HTMLAnchorElement).pathname), text: (a.textContent ?? "").trim() })),
        );
      const paths = results.map((r) => r.path);
      // «هم‌اندیشی» with a ZWNJ in one release's title, joined in the other's tags.
      assert.ok(paths.includes("/1401/02/spring-directors-meeting/"), `results: ${JSON.stringify(results)}`);
      assert.ok(paths.includes("/1402/10/directors-meeting-dey-1402/"), `results: ${JSON.stringify(results)}`);
      const target = results.find((r) => r.path === "/1401/02/spring-directors-meeting/")!;
      await page.locator("#search-results a", { hasText: target.text }).first().click();
      await page.waitForURL((u) => decodeURI(u.pathname) === target.path);
      assert.equal((await page.locator("h1").textContent())?.trim(), target.text);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
