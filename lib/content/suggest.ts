/**
 * «منظورتان … بود؟»: the nearest allowed name to what an author wrote (a field, a category, a type, a
 * contact, a file name), by edit distance over spellings folded the way Persian authors' spellings
 * differ (case, ZWNJ, spaces and hyphens, Arabic ي/ك). One wording for every such hint.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

/** A name the author may have meant: `answer` is what to write, `text` a spelling that leads to it (a key, or its Persian name). */
export interface Candidate {
  text: string;
  answer: string;
}

/** The hint's wording, the same for every kind of name. */
export function didYouMean(answer: string): string {
  return `منظورتان «${answer}» بود؟`;
}

/** Folds what authors spell differently without meaning a different name. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/\u200c|\u200d|[\s_-]/g, "")
    .replace(/ي/g, "ی")
    .replace(/ك/g, "ک");
}

/**
 * The answer of the candidate nearest to `written`, when it is near enough to be a slip (a third of
 * the word's letters, at least 2) and `written` isn't itself an answer; undefined otherwise.
 */
export function closestName(written: string, candidates: readonly (string | Candidate)[]): string | undefined {
  const target = fold(written);
  if (target === "") return undefined;
  const limit = Math.max(2, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const { text, answer } = typeof c === "string" ? { text: c, answer: c } : c;
    if (answer === written) continue;
    const d = editDistance(target, fold(text));
    if (d < bestDistance) [best, bestDistance] = [answer, d];
  }
  return best;
}

/**
 * What follows "this name isn't known": `؛ منظورتان «x» بود؟ <allowed>` when a near name exists, else
 * `؛ <allowed>` — one wording for fields, categories, types, contacts and files.
 */
export function suggestionClause(written: string, candidates: readonly (string | Candidate)[], allowed = ""): string {
  const answer = closestName(written, candidates);
  const hint = answer === undefined ? "" : didYouMean(answer);
  const rest = [hint, allowed].filter((part) => part !== "").join(" ");
  return rest === "" ? "" : `؛ ${rest}`;
}

/** Levenshtein distance (insertions, deletions, substitutions), by UTF-16 unit. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/**
 * For a file that wasn't found (`written` as the author wrote it, `file` its content-relative path):
 * `؛ منظورتان «images/hall.jpg» بود؟` naming the nearest file in that folder, else "".
 */
export function missingFileClause(contentDir: string, file: string, written: string): string {
  let names: string[];
  try {
    names = readdirSync(path.join(contentDir, path.posix.dirname(file)), { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return ""; // The folder itself isn't there.
  }
  const near = closestName(path.posix.basename(file), names);
  return near === undefined ? "" : `؛ ${didYouMean(written.replace(/[^/]*$/, near))}`;
}
