/**
 * A tiny HTML builder: `html\`…\`` escapes every interpolated value unless it is already `SafeHtml`.
 * Front-matter text can therefore never inject markup — a title `<script>` shows as text.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most text has nothing to escape: a test is far cheaper than a replace with a callback.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

/** Values an `html` template accepts; `null`, `undefined` and `false` render as nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function toHtml(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) {
    // Concatenated, not joined: a join copies every item into a new string, and the page is copied
    // once more when it is written.
    let out = "";
    for (const item of value as readonly HtmlValue[]) out += toHtml(item);
    return out;
  }
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += toHtml(values[i]!) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Marks trusted markup (rendered Markdown, our own partials) as safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
