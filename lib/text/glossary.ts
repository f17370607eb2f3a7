/**
 * The typography lint's glossary: the built-in list of compounds (persian-words.ts) extended by the
 * office's own `content/_data/glossary.json` — `{ "نادرست": "درست" }`, whole words or phrases. An
 * entry whose two sides are the same switches a built-in entry off.
 */
import { readContentFile, resolveContentPath } from "../content/content-path.ts";
import { decodeText } from "./encoding.ts";
import type { ContentProblem } from "../content/errors.ts";
import { parseDataFile } from "../content/json-file.ts";
import { compileGlossary, type CompiledGlossary } from "./lint-rules.ts";
import { BUILT_IN_GLOSSARY } from "./persian-words.ts";

export const GLOSSARY_FILE = "_data/glossary.json";

export interface GlossaryLoad {
  glossary: CompiledGlossary;
  /** Problems in glossary.json (errors: a broken glossary would silently fix nothing). */
  problems: ContentProblem[];
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;

/** Reads the office's glossary (optional) over the built-in one and checks every entry. */
export function loadGlossary(contentDir: string): GlossaryLoad {
  const entries = new Map(Object.entries(BUILT_IN_GLOSSARY));
  const problems: ContentProblem[] = [];
  /** Words the office writes as they are (`"وبینار": "وبینار"`): no rule that guesses says otherwise. */
  const accepted = new Set<string>();
  const resolved = resolveContentPath(contentDir, GLOSSARY_FILE);
  if ("error" in resolved) {
    if (resolved.reason === "link") problems.push({ file: GLOSSARY_FILE, message: resolved.error, severity: "error" });
    return { glossary: compileGlossary(entries), problems };
  }

  const problem = (message: string, line?: number) =>
    problems.push({ file: GLOSSARY_FILE, ...(line === undefined ? {} : { line }), message, severity: "error" });
  const decoded = decodeText(readContentFile(contentDir, GLOSSARY_FILE));
  if (!decoded.ok) {
    problem(decoded.message, decoded.line);
    return { glossary: compileGlossary(entries), problems };
  }
  const parsed = parseDataFile(GLOSSARY_FILE, decoded.text, problems);
  if (parsed === undefined) return { glossary: compileGlossary(entries), problems };
  const raw = parsed.value;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problem('واژه‌نامه باید فهرستی از «نادرست: درست» باشد؛ مانند {"هماندیشی": "هم‌اندیشی"}', 1);
    return { glossary: compileGlossary(entries), problems };
  }
  for (const [wrong, right] of Object.entries(raw as Record<string, unknown>)) {
    const line = lineOfKey(decoded.text, wrong);
    if (typeof right !== "string") {
      problem(`برای «${wrong}» شکل درست باید متن باشد؛ مانند "${wrong}": "…"`, line);
      continue;
    }
    if (wrong.trim() === "" || right.trim() === "") {
      problem(`در واژه‌نامه، هیچ‌یک از دو سوی «${wrong}»: «${right}» نباید خالی باشد`, line);
      continue;
    }
    if (wrong !== wrong.trim() || right !== right.trim() || /[\n\r\t]/.test(wrong + right)) {
      problem(`«${wrong.trim()}» یا شکل درست آن فاصله‌ی اضافه در آغاز یا پایان (یا سطر تازه) دارد`, line);
      continue;
    }
    if (!ARABIC_SCRIPT.test(wrong)) {
      problem(`«${wrong}» فارسی نیست؛ واژه‌نامه فقط متن فارسی را درست می‌کند`, line);
      continue;
    }
    if (wrong === right) {
      entries.delete(wrong);
      accepted.add(wrong);
    } else entries.set(wrong, right);
  }
  return { glossary: compileGlossary(entries, accepted), problems };
}

/** The line of `"key"` in the JSON text (the first one written that way). */
function lineOfKey(text: string, key: string): number | undefined {
  const at = text.indexOf(JSON.stringify(key));
  const found = at >= 0 ? at : text.indexOf(`"${key}"`);
  return found < 0 ? undefined : text.slice(0, found).split("\n").length;
}
