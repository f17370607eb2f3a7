/**
 * Markdown → HTML for release bodies, once per release at load time (never per page view).
 * Raw HTML in Markdown is off: a release body can't inject scripts or break the layout.
 */
import MarkdownIt, { type Token } from "markdown-it";

export interface RenderedBody {
  html: string;
  /** Plain text of the first paragraph, used as the lead when `summary` is absent. */
  firstParagraph: string;
  /** The parsed tokens (lines relative to the body), for checks that need positions (lint, links). */
  tokens: Token[];
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function renderMarkdown(source: string): RenderedBody {
  const tokens = md.parse(source, {});
  let firstParagraph = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.type === "paragraph_open" && token.level === 0) {
      const inline = tokens[i + 1];
      firstParagraph = (inline?.children ?? [])
        .map((c) => (c.type === "softbreak" || c.type === "hardbreak" ? " " : c.type === "text" || c.type === "code_inline" ? c.content : ""))
        .join("")
        .replace(/\s+/g, " ")
        .trim();
      break;
    }
  }
  return { html: md.renderer.render(tokens, md.options, {}), firstParagraph, tokens };
}
