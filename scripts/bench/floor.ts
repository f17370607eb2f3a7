/**
 * The floor of the benchmark: the least work that turns the corpus into pages, in one plain Node
 * process — read every release, parse its front matter (js-yaml), render its body (markdown-it),
 * wrap it in one template string and write `<out>/<path>/index.html`. No validation, no lists, no
 * feeds: what any generator must at least do. Run by `npm run bench` as
 * `node --import tsx scripts/bench/floor.ts <content> <out>`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as yaml from "js-yaml";
import MarkdownIt from "markdown-it";

const [contentDir, outDir] = process.argv.slice(2);
if (!contentDir || !outDir) throw new Error("usage: floor.ts <content> <out>");

const md = new MarkdownIt({ html: false, linkify: true });
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "_data") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith(".md")) out.push(full);
  }
  return out;
}

let pages = 0;
for (const file of walk(contentDir, [])) {
  const source = readFileSync(file, "utf8");
  const end = source.indexOf("\n---", 4);
  const data = (yaml.load(source.slice(4, end), { schema: yaml.CORE_SCHEMA }) ?? {}) as Record<string, unknown>;
  const body = md.render(source.slice(end + 5));
  const title = escapeHtml(String(data.title ?? ""));
  const page = `<!doctype html>
<html lang="fa" dir="rtl">
<head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/style.css"></head>
<body><main><article><h1>${title}</h1><p><time>${escapeHtml(String(data.date ?? ""))}</time></p>
${body}</article></main></body>
</html>
`;
  const target = path.join(outDir, path.relative(contentDir, file).replace(/\.md$/, ""), "index.html");
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, page);
  pages++;
}
console.log(`${pages} pages`);
