/**
 * `_headers` (the file Netlify and Cloudflare Pages read from the output's root): caching and security
 * headers for every URL, with the base path in every rule.
 *
 * - Hashed assets (`/assets/*`: stylesheet, fonts, images, scripts) are cached for a year, immutable:
 *   a changed file gets a new name. Everything else — pages, feeds, sitemaps, robots.txt, the search
 *   index — is cached briefly, so a correction reaches readers within minutes.
 * - Cloudflare applies EVERY rule that matches a URL and joins the values of a header named twice, so
 *   `/*`'s short Cache-Control plus `/assets/*`'s long one would reach the browser as one contradictory
 *   header. A narrower rule therefore first detaches the inherited value (`! Cache-Control`) and then
 *   sets its own. Netlify ignores a line without a colon and lets the later rule's value win, so the
 *   same file means the same on both.
 * - Security headers on everything: a Content-Security-Policy that allows only this site's own
 *   scripts, styles, fonts and images (no inline script anywhere; only the search page may also
 *   compile WebAssembly, which Pagefind needs), nosniff, a referrer policy, no framing.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { ChaparData } from "../site/data.ts";

export type CspDirectives = Record<string, readonly string[]>;

export interface HeaderRule {
  /** Site path pattern without the base path (`/search/*`); `*` matches anything, as both hosts read it. */
  path: string;
  /** Headers that replace the inherited value of the same name (detached first on Cloudflare). */
  headers: Record<string, string>;
}

export interface HeadersOptions {
  /** Cache-Control of pages, feeds, sitemaps and everything not hashed. */
  shortCache: string;
  /** Cache-Control of files whose names carry a content hash. */
  longCache: string;
  /** Site folders holding only hashed files. */
  hashedPaths: readonly string[];
  /** Files inside those folders whose names are NOT hashed (they get the short caching). */
  unhashedFiles: readonly string[];
  /** The site-wide Content-Security-Policy. */
  csp: CspDirectives;
  /** Sources added to the site-wide CSP on some paths (e.g. WebAssembly for the search page). */
  cspAdditions: readonly { path: string; directives: CspDirectives }[];
  /** Other headers every response gets. */
  security: Record<string, string>;
  /** More rules, after Chapar's own (an office's own needs). */
  extraRules: readonly HeaderRule[];
}

export const defaults: HeadersOptions = {
  shortCache: "public, max-age=300, must-revalidate",
  longCache: "public, max-age=31536000, immutable",
  hashedPaths: ["/assets/*"],
  unhashedFiles: ["/assets/fonts/OFL.txt"],
  csp: {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  },
  cspAdditions: [{ path: "/search/*", directives: { "script-src": ["'wasm-unsafe-eval'"] } }],
  security: {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  },
  extraRules: [],
};

export function cspValue(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/**
 * The first line of every `_headers` Chapar writes: also the proof that an output folder is Chapar's
 * own, which a build may replace (lib/build/output.ts), so it stays the same across versions.
 */
export const MADE_BY_CHAPAR = "# Made by Chapar";

/** The `_headers` text for a site served at `basePath` (`/` or `/press/`). */
export function headersFile(basePath: string, options: Partial<HeadersOptions> = {}): string {
  const o = { ...defaults, ...options };
  const base = basePath.endsWith("/") ? basePath : `${basePath}/`;
  const at = (sitePath: string) => `${base}${sitePath.replace(/^\/+/, "")}`;
  const lines: string[] = [
    `${MADE_BY_CHAPAR} (lib/features/headers.ts) at every build; edit the options, not this file.`,
    "# Cloudflare Pages joins a header set by several matching rules, so narrower rules detach (!) first;",
    "# Netlify ignores those lines and keeps the later rule's value.",
    "",
  ];
  const rule = (pattern: string, headers: Record<string, string>, detach: boolean) => {
    lines.push(at(pattern));
    for (const [name, value] of Object.entries(headers)) {
      if (detach) lines.push(`  ! ${name}`);
      lines.push(`  ${name}: ${value}`);
    }
    lines.push("");
  };
  rule("/*", { ...o.security, "Content-Security-Policy": cspValue(o.csp), "Cache-Control": o.shortCache }, false);
  for (const hashed of o.hashedPaths) rule(hashed, { "Cache-Control": o.longCache }, true);
  for (const file of o.unhashedFiles) rule(file, { "Cache-Control": o.shortCache }, true);
  for (const addition of o.cspAdditions) {
    const merged: Record<string, string[]> = Object.fromEntries(Object.entries(o.csp).map(([k, v]) => [k, [...v]]));
    for (const [name, sources] of Object.entries(addition.directives))
      merged[name] = [...(merged[name] ?? o.csp["default-src"] ?? []), ...sources];
    rule(addition.path, { "Content-Security-Policy": cspValue(merged) }, true);
  }
  for (const extra of o.extraRules) rule(extra.path, extra.headers, true);
  return lines.join("\n");
}

/** Eleventy plugin: writes `_headers` into the output after every build. */
export function headers(eleventyConfig: UserConfig, options: { data: ChaparData } & Partial<HeadersOptions>): void {
  const { data, ...headerOptions } = options;
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    writeFileSync(path.join(directories.output, "_headers"), headersFile(data.urls.basePath, headerOptions));
  });
}
