/**
 * Markdown → HTML for release bodies, once per release at load time (never per page view).
 * Raw HTML in Markdown is off: a release body can't inject scripts or break the layout.
 */
import MarkdownIt, { type Token } from "markdown-it";
import { escapeHtml } from "../render/html.ts";
import { MARKDOWN_IT_MAX_NESTING } from "./markdown-limits.ts";
import { guardLinkify } from "../text/linkify-guard.ts";
import { renderTransforms, type TransformEnv } from "../text/render-transforms.ts";

export interface RenderedBody {
  html: string;
  /** Plain text of the first paragraph, used as the lead when `summary` is absent. */
  firstParagraph: string;
  /** The parsed tokens (lines relative to the body), for checks that need positions (lint, links). */
  tokens: Token[];
  /**
   * Inline images in body order. Each is rendered as the marker `<!--chapar-image:N-->` (N = index),
   * which the image step (lib/features/images.ts) replaces with a `<picture>` once per build.
   * Authors can't forge a marker: raw HTML is escaped.
   */
  images: InlineImageRef[];
}

export interface InlineImageRef {
  /** As written in the Markdown (relative to the release file, or `/…` from the content folder). */
  src: string;
  alt: string;
  /** The Markdown title (`![alt](src "title")`), shown as the caption. */
  title?: string;
  /** 1-based line within the body. */
  line: number;
}

/**
 * Chapar's Markdown: raw HTML off (escaped, never run), linkify, the render-time Persian text
 * transforms, and root links given the base path (`env.basePath`). Releases use one instance (with
 * image markers, below); the office's pages another, handed to Eleventy (lib/features/office-pages.ts).
 */
export function chaparMarkdown(): InstanceType<typeof MarkdownIt> {
  // Text tokens: ي/ك → ی/ک, Persian digits, <bdi> around Latin runs (never code, URLs or attributes).
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, maxNesting: MARKDOWN_IT_MAX_NESTING }).use(renderTransforms);
  // linkify-it has no pretest of its own; Persian prose almost never holds a link.
  guardLinkify(md.linkify);
  /**
   * A link written from the site's root (`/1404/08/workshop/`) gets the base path, so it still works
   * when the site lives under `/press/`; other links are left as written.
   */
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const basePath = (env as { basePath?: string } | undefined)?.basePath;
    const token = tokens[idx]!;
    const href = String(token.attrGet("href") ?? "");
    if (basePath && basePath !== "/" && href.startsWith("/") && !href.startsWith("//"))
      token.attrSet("href", `${basePath.replace(/\/+$/, "")}${href}`);
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

const md = chaparMarkdown();

export function imageMarker(index: number): string {
  return `<!--chapar-image:${index}-->`;
}

md.renderer.rules.image = (tokens, idx, options, env) => {
  const token = tokens[idx]!;
  const images = env ? ((env as { images?: InlineImageRef[] }).images ??= []) : [];
  const title = token.attrGet("title");
  const image: InlineImageRef = {
    src: String(token.attrGet("src") ?? ""),
    alt: md.renderer.renderInlineAsText(token.children ?? [], options, env),
    line: (token.meta as { line?: number } | null)?.line ?? 1,
  };
  if (title) image.title = String(title);
  images.push(image);
  return imageMarker(images.length - 1);
};

export interface RenderOptions {
  /** The site's base path (`/` or `/press/`), put before links written from the site's root. */
  basePath?: string;
  /** Latin digits in prose shown as Persian digits (site.json `persianDigits`; default on). */
  persianDigits?: boolean;
  /**
   * Without a `summary` the first paragraph is the lead: it gets class `lead` (and the dateline, if
   * any) here, so the page shows it once, in place, instead of repeating it above the body.
   */
  leadInBody?: { dateline?: string };
}

function markLead(tokens: Token[], dateline: string | undefined): void {
  const index = tokens.findIndex((t) => t.type === "paragraph_open" && t.level === 0);
  if (index < 0) return;
  tokens[index]!.attrJoin("class", "lead");
  const inline = tokens[index + 1];
  if (!dateline || inline?.type !== "inline" || !inline.children) return;
  // markdown-it's Token class, reached through an existing token (it isn't a typed export).
  const TokenClass = inline.constructor as new (type: string, tag: string, nesting: number) => Token;
  const marker = new TokenClass("html_inline", "", 0);
  marker.content = `<span class="dateline">${escapeHtml(dateline)} —</span> `;
  inline.children.unshift(marker);
}

/** How a release's body is rendered (the build, and the web editor's preview): lead and dateline from its fields. */
export function releaseRenderOptions(
  site: { siteUrl: string; persianDigits: boolean },
  release?: { summary?: string | undefined; location?: string | undefined },
): RenderOptions {
  return {
    basePath: new URL(site.siteUrl).pathname,
    persianDigits: site.persianDigits,
    // Without a summary the first paragraph is the lead, with the dateline (`location`) before it.
    ...(release !== undefined && release.summary === undefined
      ? { leadInBody: release.location === undefined ? {} : { dateline: release.location } }
      : {}),
  };
}

export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedBody {
  const tokens = md.parse(source, {});
  let firstParagraph = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.type === "paragraph_open" && token.level === 0) {
      const inline = tokens[i + 1];
      firstParagraph = (inline?.children ?? [])
        .map((c) =>
          c.type === "softbreak" || c.type === "hardbreak" ? " " : c.type === "text" || c.type === "code_inline" ? c.content : "",
        )
        .join("")
        .replace(/\s+/g, " ")
        .trim();
      break;
    }
  }
  if (options.leadInBody) markLead(tokens, options.leadInBody.dateline);
  // Image tokens carry no position of their own: give them their paragraph's line for messages.
  for (const token of tokens) {
    if (token.type !== "inline" || !token.map) continue;
    for (const child of token.children ?? []) if (child.type === "image") child.meta = { ...child.meta, line: token.map[0] + 1 };
  }
  const env: { images?: InlineImageRef[]; basePath?: string } & TransformEnv = {
    ...(options.basePath ? { basePath: options.basePath } : {}),
  };
  if (options.persianDigits !== undefined) env.textTransforms = { persianDigits: options.persianDigits };
  const html = md.renderer.render(tokens, md.options, env);
  return { html, firstParagraph, tokens, images: env.images ?? [] };
}
