/**
 * What a reader's browser sees, measured inside a real page (playwright-core, see browser.ts):
 * horizontal overflow, the font actually used, axe-core violations, the keyboard path through the
 * skip link, what print media hides. Each function returns plain data for the test to assert on, so
 * a failure message lists every offending element at once.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

// ---------------------------------------------------------------------------------------------
// Layout

export interface OverflowReport {
  innerWidth: number;
  /** `document.scrollingElement.scrollWidth`: wider than `innerWidth` means the page scrolls sideways. */
  scrollWidth: number;
  /** Elements whose box reaches outside `[0, innerWidth]`, as `tag.class "text" [left, right]`. */
  outside: string[];
}

/**
 * Every rendered element whose bounding box leaves the viewport horizontally. An element inside a
 * box that clips or scrolls horizontally (`overflow-x` not `visible`, e.g. a `<pre>` that scrolls)
 * is that box's business: only the clipping box itself is checked.
 */
export async function horizontalOverflow(page: Page): Promise<OverflowReport> {
  // No named helper functions inside evaluated code: tsx (esbuild keepNames) would wrap them in a
  // `__name()` call that does not exist in the page.
  return page.evaluate(() => {
    const width = window.innerWidth;
    const outside: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body && !clipped; a = a.parentElement) {
        clipped = getComputedStyle(a).overflowX !== "visible";
      }
      if (clipped) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (display: none) or empty
      // Half a pixel of slack for subpixel layout.
      if (r.left >= -0.5 && r.right <= width + 0.5) continue;
      const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
      outside.push(`${el.tagName.toLowerCase()}${cls} "${text}" [${Math.round(r.left)}, ${Math.round(r.right)}]`);
    }
    return { innerWidth: width, scrollWidth: document.scrollingElement?.scrollWidth ?? 0, outside };
  });
}

export interface DirectionReport {
  lang: string | null;
  htmlDirection: string;
  bodyDirection: string;
  mainDirection: string | null;
}

export async function directionOf(page: Page): Promise<DirectionReport> {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    return {
      lang: document.documentElement.getAttribute("lang"),
      htmlDirection: getComputedStyle(document.documentElement).direction,
      bodyDirection: getComputedStyle(document.body).direction,
      mainDirection: main ? getComputedStyle(main).direction : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Font

export interface FontReport {
  /** `family (unicode-range)` of every `FontFace` with status `loaded`, after `document.fonts.ready`. */
  loadedFaces: string[];
  /** `document.fonts.check('16px Vazirmatn', 'سلام')`. */
  checkPersian: boolean;
  /** The fonts Chromium actually drew each selector's own text with (DevTools `CSS.getPlatformFontsForNode`). */
  renderedWith: Record<string, { familyName: string; isCustomFont: boolean; glyphCount: number }[]>;
}

/**
 * Which font drew the Persian text. `document.fonts.check()` alone is not proof: it also answers
 * true for a family no `@font-face` declares. So this also lists the loaded faces and asks
 * Chromium's DevTools which platform font rendered the text of each selector's first element.
 */
export async function fontReport(page: Page, family: string, selectors: string[]): Promise<FontReport> {
  const { loadedFaces, checkPersian } = await page.evaluate(async (fam) => {
    await document.fonts.ready;
    const faces: string[] = [];
    document.fonts.forEach((f) => {
      if (f.status === "loaded") faces.push(`${f.family.replace(/^["']|["']$/g, "")} (${f.unicodeRange})`);
    });
    return { loadedFaces: faces, checkPersian: document.fonts.check(`16px ${fam}`, "سلام") };
  }, family);

  const cdp = await page.context().newCDPSession(page);
  const renderedWith: FontReport["renderedWith"] = {};
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    for (const selector of selectors) {
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
      if (!nodeId) {
        renderedWith[selector] = [];
        continue;
      }
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      renderedWith[selector] = fonts.map(({ familyName, isCustomFont, glyphCount }) => ({ familyName, isCustomFont, glyphCount }));
    }
  } finally {
    await cdp.detach();
  }
  return { loadedFaces, checkPersian, renderedWith };
}

/**
 * Rendered elements holding Persian text of their own (text nodes, or a form control's value,
 * placeholder or label) whose computed `font-family` does not start with `family` — e.g. a
 * `<button>` or `<input>`, which do not inherit the page's font unless the stylesheet says so.
 */
export async function persianTextInOtherFonts(page: Page, family: string): Promise<string[]> {
  return page.evaluate((fam) => {
    const persian = /[\u0600-\u06ff]/;
    const found: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      let own = "";
      for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE) own += node.textContent ?? "";
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) own += el.value + el.placeholder;
      if (!persian.test(own) || !el.checkVisibility()) continue;
      const first = getComputedStyle(el)
        .fontFamily.split(",")[0]!
        .trim()
        .replace(/^["']|["']$/g, "");
      if (first !== fam)
        found.push(`${el.tagName.toLowerCase()} "${own.replace(/\s+/g, " ").trim().slice(0, 30)}": ${getComputedStyle(el).fontFamily}`);
    }
    return found;
  }, family);
}

// ---------------------------------------------------------------------------------------------
// Accessibility

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** axe-core's browser bundle, read once. */
export function axeScript(): string {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** `selector: failure summary` of each offending node. */
  nodes: string[];
}

export interface AxeResult {
  violations: AxeViolation[];
  /**
   * Nodes whose contrast axe could not decide (text over an image, a gradient …): "zero contrast
   * violations" only means something when this is empty too.
   */
  undecidedContrast: string[];
}

/**
 * Runs every axe-core rule (experimental and AAA ones included) over the page and returns the
 * violations. axe's source is evaluated through DevTools (`page.evaluate`), not added as an inline
 * `<script>` (`addScriptTag`): DevTools evaluation is not subject to the page's Content-Security-
 * Policy, so the page under test keeps the site's real CSP and needs no `bypassCSP` twin.
 */
export async function axeAudit(page: Page): Promise<AxeResult> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(axeScript());
  return page.evaluate(async () => {
    // axe's types are not imported into the page; this is the slice of its API used here.
    interface AxeNode {
      target: unknown[];
      failureSummary?: string;
    }
    interface AxeRuleResult {
      id: string;
      impact?: string | null;
      help: string;
      nodes: AxeNode[];
    }
    interface AxeApi {
      getRules(): { ruleId: string }[];
      run(context: Document, options: object): Promise<{ violations: AxeRuleResult[]; incomplete: AxeRuleResult[] }>;
    }
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const rules = Object.fromEntries(axe.getRules().map((r) => [r.ruleId, { enabled: true }]));
    const { violations, incomplete } = await axe.run(document, { rules, resultTypes: ["violations", "incomplete"] });
    return {
      violations: violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`),
      })),
      undecidedContrast: incomplete.filter((v) => v.id === "color-contrast").flatMap((v) => v.nodes.map((n) => JSON.stringify(n.target))),
    };
  });
}

/** Just the violations (see axeAudit). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeAudit(page)).violations;
}

// ---------------------------------------------------------------------------------------------
// Keyboard

export interface FocusState {
  /** `tag.class#id` of `document.activeElement`. */
  active: string;
  href: string | null;
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: number;
  /** The focused element's box lies inside the viewport (a skip link must appear when focused). */
  inViewport: boolean;
}

export async function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const el = document.activeElement ?? document.body;
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
    return {
      active: `${el.tagName.toLowerCase()}${cls}${el.id ? `#${el.id}` : ""}`,
      href: el.getAttribute("href"),
      focusVisible: el.matches(":focus-visible"),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      inViewport:
        r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Print

/** Share services' addresses: a share link is any link to one of them. */
const SHARE_LINK =
  'a[href^="https://t.me/share"], a[href^="https://wa.me/"], a[href^="https://x.com/intent"], a[href^="https://twitter.com/intent"], a[href^="mailto:?"], .share-links a';

/** Under the current media: navigation landmarks and share links that are still rendered. */
export async function visibleNavigationAndShareLinks(page: Page): Promise<string[]> {
  return page.evaluate((shareSelector) => {
    const visible: string[] = [];
    for (const el of document.querySelectorAll(`nav, [role="navigation"], .share-links, ${shareSelector}`)) {
      if (el.checkVisibility())
        visible.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40)}"`);
    }
    return visible;
  }, SHARE_LINK);
}
