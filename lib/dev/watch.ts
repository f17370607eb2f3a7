/**
 * Watches a folder tree for changes: one non-recursive `fs.watch` per directory. Node 20's
 * `recursive: true` on Linux watches files one by one and loses a file once an editor replaces it
 * (save = write a temporary file, rename it over the old one); a directory's watch sees every
 * create, change and rename inside it. New sub-folders are watched as they appear.
 */
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

export interface TreeWatcher {
  close(): void;
}

export function watchTree(root: string, onChange: (file: string) => void): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        const file = name === null ? dir : path.join(dir, name.toString());
        if (name !== null && existsSync(file) && isDirectory(file)) addTree(file);
        onChange(file);
      });
    } catch {
      return; // removed meanwhile
    }
    watcher.on("error", () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
  };
  const addTree = (dir: string) => {
    add(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules") addTree(path.join(dir, entry.name));
    }
  };
  addTree(root);
  return {
    close() {
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
