/**
 * Every file Chapar reads from the content folder — releases, images, attachments, gallery photos,
 * the logo, the favicon, `_data/` files, office pages — is reached through here, so that nothing from
 * outside the folder is ever read or published.
 *
 * Content authors are not trusted. A symbolic link is followed only when its real path stays inside
 * the real content folder and doesn't lead into a hidden file or folder (`.git/config` may hold a
 * token); a link that leaves is an error naming the link and where it points. Links inside the folder
 * are followed because they are harmless there (everything they can reach is the office's content)
 * and useful (a shared image folder, a release kept under its old name).
 *
 * Checked twice: when content is loaded (resolveContentPath), and again at the moment of reading
 * (readContentFile, copyContentFile): the real path is opened without following a link, and on Linux
 * the opened descriptor's own path is compared with what was checked, so a link swapped in between
 * the check and the copy is refused rather than published.
 */
import {
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

export type ContentPath =
  | {
      /** Content-relative, `/` separators, normalized. */
      file: string;
      /** The real path that was checked: the one to read. */
      real: string;
    }
  | {
      /**
       * `missing`: no such file (or written as leaving the folder with `..`/`/`), or not a plain file —
       * callers say this in their own words; `link`: a symbolic link leads out, into a hidden file, or
       * nowhere — `error` says which, in Persian.
       */
      reason: "missing" | "link";
      error: string;
    };

/** The Persian message for a link that leaves the content folder (or leads into a hidden file). */
export function linkLeavesMessage(link: string, target: string): string {
  return `«${link}» پیوندی (symlink) به «${target}» است که بیرون از پوشه‌ی محتواست؛ چاپار چیزی از بیرون پوشه‌ی محتوا نمی‌خواند و منتشر نمی‌کند: خودِ پرونده را به جای پیوند در پوشه‌ی محتوا بگذارید`;
}

function linkHiddenMessage(link: string, target: string): string {
  return `«${link}» پیوندی (symlink) به «${target}» است که پرونده یا پوشه‌ای پنهان است (نامش با نقطه شروع می‌شود)؛ چاپار آن را منتشر نمی‌کند: خودِ پرونده را به جای پیوند بگذارید`;
}

function linkDanglingMessage(link: string, target: string): string {
  return `«${link}» پیوندی (symlink) به «${target}» است که وجود ندارد؛ پیوند را بردارید یا خودِ پرونده را به جای آن بگذارید`;
}

/** The real content folder, remembered per folder as given (it is asked for every file). */
const realFolders = new Map<string, string>();
function realContentDir(contentDir: string): string {
  let real = realFolders.get(contentDir);
  if (real === undefined) {
    real = realpathSync.native(contentDir);
    realFolders.set(contentDir, real);
  }
  return real;
}

function isInside(realRoot: string, real: string): boolean {
  return real === realRoot || real.startsWith(`${realRoot}${path.sep}`);
}

const hasHiddenPart = (relative: string) => relative.split(/[\\/]/).some((part) => part.startsWith("."));

function errorCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

/**
 * Where a content-relative path really is, if it may be read: it exists, is a plain file (or, with
 * `kind: "any"`, a folder) and no link on the way leads out of the content folder or into a hidden part.
 */
export function resolveContentPath(contentDir: string, relative: string, kind: "file" | "any" = "file"): ContentPath {
  const missing = { reason: "missing", error: "پیدا نشد" } as const;
  const file = path.posix.normalize(relative.replace(/\\/g, "/"));
  if (file === ".." || file.startsWith("../") || path.posix.isAbsolute(file) || path.win32.isAbsolute(file)) return missing;
  const root = realContentDir(contentDir);
  let real: string;
  try {
    real = realpathSync.native(path.join(contentDir, file));
  } catch (e) {
    // A link on the way may point nowhere: say which (a plain missing file is the caller's to report).
    return errorCode(e) === "ENOENT" || errorCode(e) === "ENOTDIR" ? (badLink(contentDir, file, root) ?? missing) : missing;
  }
  const realRelative = path.relative(root, real);
  if (!isInside(root, real) || (hasHiddenPart(realRelative) && !hasHiddenPart(file))) {
    return badLink(contentDir, file, root) ?? { reason: "link", error: linkLeavesMessage(file, real) };
  }
  if (kind === "file") {
    try {
      if (!statSync(real).isFile()) return missing;
    } catch {
      return missing;
    }
  }
  return { file, real };
}

/** The first link on `file`'s way that leads out, into a hidden part, or nowhere; undefined if none does. */
function badLink(contentDir: string, file: string, root: string): ContentPath | undefined {
  const parts = file.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const link = parts.slice(0, i).join("/");
    const absolute = path.join(contentDir, link);
    try {
      if (!lstatSync(absolute).isSymbolicLink()) continue;
    } catch {
      return undefined;
    }
    const target = readlinkSync(absolute);
    let real: string;
    try {
      real = realpathSync.native(absolute);
    } catch {
      return { reason: "link", error: linkDanglingMessage(link, target) };
    }
    if (!isInside(root, real)) return { reason: "link", error: linkLeavesMessage(link, target) };
    if (hasHiddenPart(path.relative(root, real)) && !hasHiddenPart(link)) return { reason: "link", error: linkHiddenMessage(link, target) };
  }
  return undefined;
}

/** Thrown when a content file can't be read safely at the moment of use (after it passed the content check). */
export class ContentPathError extends Error {
  constructor(
    file: string,
    /** The Persian reason alone, for a report that names the file itself. */
    readonly reason: string,
  ) {
    super(`${file}  ${reason}`);
    this.name = "ContentPathError";
  }
}

function failed(relative: string, resolved: { reason: "missing" | "link"; error: string }): ContentPathError {
  return new ContentPathError(
    relative,
    resolved.reason === "link" ? resolved.error : "این پرونده دیگر پیدا نمی‌شود (در میانه‌ی ساخت تغییر کرد؟)",
  );
}

/**
 * The real path of a content file, checked at this moment, for a reader that must be given a path
 * (the image pipeline): it reads what was checked, not a link swapped in since the content check.
 */
export function checkedContentPath(contentDir: string, relative: string): string {
  const resolved = resolveContentPath(contentDir, relative);
  if ("error" in resolved) throw failed(relative, resolved);
  return resolved.real;
}

/**
 * Opens a content file for reading, checked at this very moment: the checked real path is opened
 * without following a link (O_NOFOLLOW), and the opened descriptor must be that path (Linux: its
 * /proc/self/fd name) — so a folder on the way swapped for a link since the check is caught too.
 */
function openChecked(contentDir: string, relative: string): { fd: number; real: string; procPath?: string } {
  const resolved = resolveContentPath(contentDir, relative);
  if ("error" in resolved) throw failed(relative, resolved);
  const fd = openSync(resolved.real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    if (!fstatSync(fd).isFile()) throw new ContentPathError(relative, "این پرونده دیگر پرونده‌ی ساده نیست (در میانه‌ی ساخت تغییر کرد؟)");
    const procPath = `/proc/self/fd/${fd}`;
    let opened: string | undefined;
    try {
      opened = readlinkSync(procPath);
    } catch {
      // No /proc (macOS, Windows): the O_NOFOLLOW open and the fresh check above are what we have.
    }
    if (opened !== undefined && opened !== resolved.real) {
      throw new ContentPathError(relative, linkLeavesMessage(relative, opened));
    }
    return { fd, real: resolved.real, ...(opened === undefined ? {} : { procPath }) };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** A content file's bytes, read from the path that was checked (see openChecked). */
export function readContentFile(contentDir: string, relative: string): Buffer {
  const { fd } = openChecked(contentDir, relative);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies a content file to `target`, from the path that was checked (see openChecked). On Linux the
 * copy reads the opened descriptor itself (its /proc name), so a copy-on-write clone is still possible.
 */
export function copyContentFile(contentDir: string, relative: string, target: string, mode = 0): void {
  const { fd, procPath } = openChecked(contentDir, relative);
  try {
    if (procPath !== undefined) copyFileSync(procPath, target, mode);
    else writeFileSync(target, readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}
