/**
 * The files of a content folder, as the loader walks it: sorted (every run sees the same order),
 * without the junk that operating systems and editors leave behind, and with a problem for each
 * symbolic link that leads out of the folder and each hidden `.md` file (never skipped silently).
 */
import { readdirSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import type { ContentProblem } from "./errors.ts";
import { resolveContentPath } from "./content-path.ts";

/**
 * Files that operating systems, Office and editors leave in folders: ignored wherever they are
 * (declared once; the loader, the office pages and the preview's watcher use it).
 */
export const JUNK_FILES: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /^Thumbs\.db$/i, what: "Windows thumbnails" },
  { pattern: /^desktop\.ini$/i, what: "Windows folder settings" },
  { pattern: /^\.DS_Store$/, what: "macOS Finder" },
  { pattern: /^~\$/, what: "Office lock file (~$…)" },
  { pattern: /^\..*\.sw[a-p]$/, what: "Vim swap file (.*.swp)" },
  { pattern: /~$/, what: "editor backup (…~)" },
  { pattern: /^#.*#$/, what: "Emacs auto-save (#…#)" },
  { pattern: /^\.#/, what: "Emacs lock (.#…)" },
];

export function isJunkFile(name: string): boolean {
  return JUNK_FILES.some((junk) => junk.pattern.test(name));
}

export interface ContentFiles {
  /** Content-relative paths with `/` separators, sorted; symbolic links that stay inside included. */
  files: string[];
  problems: ContentProblem[];
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Walks the content folder. Hidden folders (`.git`) and junk are skipped; a hidden `.md` file is
 * reported (a warning: it is not built). A link to a file inside the folder is listed like a file; a
 * link to a folder inside is not walked (its files are listed where they really are, so none is
 * listed twice); a link that leads out, into a hidden part, or nowhere is an error.
 */
export function walkContent(contentDir: string): ContentFiles {
  const out: ContentFiles = { files: [], problems: [] };
  walk(contentDir, "", out);
  return out;
}

function walk(contentDir: string, prefix: string, out: ContentFiles): void {
  const dir = prefix === "" ? contentDir : path.join(contentDir, prefix);
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (isJunkFile(entry.name)) continue;
    if (entry.name.startsWith(".")) {
      if (!entry.isDirectory() && path.extname(entry.name).toLowerCase() === ".md") {
        out.problems.push({
          file: rel,
          message: `این پرونده پنهان است (نامش با نقطه شروع می‌شود) و ساخته نمی‌شود؛ اگر خبر است، نقطه‌ی آغاز نامش را بردارید`,
          severity: "warning",
        });
      }
      continue;
    }
    if (entry.isDirectory()) walk(contentDir, rel, out);
    else if (entry.isFile()) out.files.push(rel);
    else if (entry.isSymbolicLink()) {
      const resolved = resolveContentPath(contentDir, rel, "any");
      if ("error" in resolved) {
        out.problems.push({ file: rel, message: resolved.error, severity: "error" });
      } else if (!isFolder(resolved.real)) out.files.push(rel);
    }
  }
}

function isFolder(real: string): boolean {
  return statSync(real).isDirectory();
}
