/**
 * Tags written as one text (`tags: نشست، خبرنگاران، مدیرعامل`) instead of a list. YAML reads that as
 * a single tag; the author meant several. The schema refuses it with the list to write instead
 * (`tagListYaml`), and `npm run check -- --fix` rewrites the line into that list (`fixTagsText`).
 */
import { parseFrontMatter } from "./front-matter.ts";

/** The tags an author meant by one text: split on the Persian and the Latin comma. */
export function splitTagText(text: string): string[] {
  return text
    .split(/[،,]/)
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

/** The YAML line for these tags, as `npm run new` writes it. */
export function tagListYaml(tags: readonly string[]): string {
  return `tags: [${tags.map((t) => JSON.stringify(t)).join(", ")}]`;
}

/** The schema's message for a tags text. */
export function tagsTextMessage(text: string): string {
  return `برچسب‌ها باید فهرست باشند، نه یک متن (این‌طور همه‌ی آن یک برچسب می‌شود)؛ به این شکل بنویسید: ${tagListYaml(splitTagText(text))} («npm run check -- --fix» خودش درستش می‌کند)`;
}

/**
 * The source with a one-line tags text rewritten into a YAML list, or the source unchanged (no
 * front matter, tags already a list, or written over several lines: then only the message helps).
 */
export function fixTagsText(source: string): string {
  const fm = parseFrontMatter(source);
  if (!fm.ok || typeof fm.value.data.tags !== "string") return source;
  const line = fm.value.keyLines.get("tags");
  if (line === undefined) return source;
  const lines = source.split("\n");
  const at = line - 1;
  const next = lines[at + 1] ?? "";
  if (!/^tags\s*:\s*\S/.test(lines[at] ?? "") || /^\s+\S/.test(next)) return source;
  const tags = splitTagText(fm.value.data.tags);
  if (tags.length === 0) return source;
  lines[at] = `${tagListYaml(tags)}${lines[at]!.endsWith("\r") ? "\r" : ""}`;
  return lines.join("\n");
}
