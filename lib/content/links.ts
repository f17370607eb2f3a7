/**
 * Links between releases. An author links to another release either by its file
 * (`[…](../1402/poetry-book.md)`, relative to the release, or `/releases/1402/poetry-book.md` from the
 * content folder) or by its address on the site (`/1402/08/poetry-book/`, or the full URL). Both are
 * checked once all releases are loaded; a link to a release that doesn't exist is an error at its
 * line, and a link to a file becomes the release's address in the HTML.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Token } from "markdown-it";
import { createUrls } from "../site/urls.ts";
import { legacySlugOf } from "../text/legacy-slug.ts";
import type { ContentProblem } from "./errors.ts";
import { didYouMean } from "./suggest.ts";

export interface ReleaseLink {
  /** The href as rendered into the release's HTML. */
  href: string;
  kind: "file" | "address";
  /** The target: a content-relative `.md` path, or a site path (`/1402/08/poetry-book/`). */
  target: string;
  /** `#…` after the target, kept when the link is rewritten. */
  fragment: string;
  /** As the author wrote it, for messages. */
  written: string;
  line: number;
  column: number;
}

/** A release as links see it; a file with errors is given one with no address (its links are checked, not rewritten). */
export interface LinkTarget {
  file: string;
  url: string;
  html: string;
}

const SITE_RELEASE_PATH = /^\/\d{4}\/\d{2}\/[^/?#]+\/?$/;

function decode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/**
 * The links of one release body that point at releases. `tokens` are the rendered body's tokens
 * (hrefs already carry the base path, see markdown.ts); `bodyLine` is the file line where the body starts.
 */
export function collectReleaseLinks(file: string, tokens: Token[], bodyLine: number, body: string, siteUrl: string): ReleaseLink[] {
  const urls = createUrls(siteUrl);
  const base = urls.basePath;
  const bodyLines = body.split("\n");
  const out: ReleaseLink[] = [];
  let blockMap: [number, number] | null = null;
  for (const token of tokens) {
    if (token.type !== "inline") {
      if (token.map) blockMap = token.map;
      continue;
    }
    const map = token.map ?? blockMap;
    for (const child of token.children ?? []) {
      if (child.type !== "link_open" || child.markup === "linkify" || child.markup === "autolink") continue;
      const href = String(child.attrGet("href") ?? "");
      const hash = href.indexOf("#");
      const bare = decode(hash >= 0 ? href.slice(0, hash) : href);
      const fragment = hash >= 0 ? href.slice(hash) : "";
      let link: Pick<ReleaseLink, "kind" | "target" | "written"> | undefined;
      if (/\.md$/i.test(bare) && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(bare)) {
        const fromRoot = bare.startsWith(base) && base !== "/" ? bare.slice(base.length - 1) : bare;
        const target = fromRoot.startsWith("/")
          ? path.posix.normalize(fromRoot.replace(/^\/+/, ""))
          : path.posix.normalize(path.posix.join(path.posix.dirname(file), fromRoot));
        link = { kind: "file", target, written: fromRoot };
      } else {
        let sitePath: string | undefined;
        if (bare.startsWith(`${urls.origin}${base}`)) sitePath = `/${bare.slice(urls.origin.length + base.length)}`;
        else if (bare.startsWith(base)) sitePath = `/${bare.slice(base.length)}`;
        if (sitePath !== undefined && SITE_RELEASE_PATH.test(sitePath)) {
          // Root links got the base path when rendered; the author wrote the site path.
          link = {
            kind: "address",
            target: sitePath.endsWith("/") ? sitePath : `${sitePath}/`,
            written: bare.startsWith(base) ? sitePath : bare,
          };
        }
      }
      if (!link) continue;
      out.push({ href, fragment, ...link, ...where(link.written, map, bodyLines, bodyLine) });
    }
  }
  return out;
}

/** Line and column of a link target in the file: the first line of its block that has it. */
function where(written: string, map: [number, number] | null, bodyLines: string[], bodyLine: number): { line: number; column: number } {
  if (!map) return { line: bodyLine, column: 1 };
  const needle = written.replace(/^\//, "");
  for (let i = map[0]; i < map[1]; i++) {
    const text = bodyLines[i] ?? "";
    const at = text.indexOf(`(${written}`) >= 0 ? text.indexOf(`(${written}`) + 1 : text.indexOf(needle);
    if (at >= 0) return { line: bodyLine + i, column: [...text.slice(0, at)].length + 1 };
  }
  return { line: bodyLine + map[0], column: 1 };
}

/**
 * Checks every collected link against the loaded releases and rewrites links to files into the
 * releases' addresses. Returns an error per link to a release that doesn't exist.
 */
export function resolveReleaseLinks(
  linksOf: Map<LinkTarget, ReleaseLink[]>,
  releases: readonly LinkTarget[],
  options: { contentDir: string; siteUrl: string },
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (linksOf.size === 0) return problems;
  const urls = createUrls(options.siteUrl);
  const byFile = new Map(releases.map((r) => [r.file, r]));
  const byUrl = new Map(releases.map((r) => [r.url, r]));
  const bySlug = new Map(releases.map((r) => [r.url.split("/").at(-2) ?? "", r]));
  const byOldUrl = new Map<string, LinkTarget>();
  for (const r of releases) {
    const slug = r.url.split("/").at(-2) ?? "";
    const old = legacySlugOf(path.basename(r.file, path.extname(r.file).toLowerCase()), slug);
    if (old !== undefined) byOldUrl.set(`${r.url.slice(0, -slug.length - 1)}${old}/`, r);
  }
  const escapeAttribute = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  for (const [release, links] of linksOf) {
    for (const link of links) {
      const at = { file: release.file, line: link.line, column: link.column };
      if (link.kind === "file") {
        const target = byFile.get(link.target);
        if (target) {
          release.html = release.html.replaceAll(
            `href="${escapeAttribute(link.href)}"`,
            `href="${escapeAttribute(urls.href(target.url) + link.fragment)}"`,
          );
        } else if (!existsSync(path.join(options.contentDir, link.target)) || link.target.startsWith("..")) {
          problems.push({
            ...at,
            message: `پیوند به خبری که نیست: «${link.written}» (پرونده‌ی ${link.target} پیدا نشد؛ نشانی نسبت به همین پرونده‌ی خبر است)`,
            severity: "error",
          });
        }
        // A file that exists but isn't a valid release has its own errors; nothing more to say here.
      } else if (!byUrl.has(link.target) && byOldUrl.has(link.target)) {
        // An address the release had before its slug kept the ZWNJ (lib/text/legacy-slug.ts): still
        // valid (`_redirects`), and written as the address it has now so the reader skips the redirect.
        release.html = release.html.replaceAll(
          `href="${escapeAttribute(link.href)}"`,
          `href="${escapeAttribute(urls.href(byOldUrl.get(link.target)!.url) + link.fragment)}"`,
        );
      } else if (!byUrl.has(link.target)) {
        const slug = link.target.split("/").at(-2) ?? "";
        const guess = bySlug.get(slug);
        problems.push({
          ...at,
          message: `پیوند به خبری که در این سایت نیست: «${link.written}»${guess ? `؛ ${didYouMean(guess.url)} (${guess.file})` : ""}`,
          severity: "error",
        });
      }
    }
  }
  return problems;
}
