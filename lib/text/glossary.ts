/**
 * The typography lint's glossary: the built-in list of compounds (persian-words.ts) extended by the
 * office's own `content/_data/glossary.json` — `{ "نادرست": "درست" }`, whole words or phrases. An
 * entry whose two sides are the same switches a built-in entry off.
 */
import type { ContentProblem } from "../content/errors.ts";
import { readContentJson } from "../content/json-file.ts";
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
  const problem = (message: string, line?: number) =>
    problems.push({ file: GLOSSARY_FILE, ...(line === undefined ? {} : { line }), message, severity: "error" });
  const parsed = readContentJson(contentDir, GLOSSARY_FILE, problems);
  if (parsed === "missing" || parsed === undefined) return { glossary: compileGlossary(entries), problems };
  const raw = parsed.input;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problem('واژه‌نامه باید فهرستی از «نادرست: درست» باشد؛ مانند {"هماندیشی": "هم‌اندیشی"}', 1);
    return { glossary: compileGlossary(entries), problems };
  }
  for (const [wrong, right] of Object.entries(raw as Record<string, unknown>)) {
    const line = parsed.locate([wrong])?.line;
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
