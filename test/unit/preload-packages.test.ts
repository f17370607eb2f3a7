/**
 * lib/perf/preload-packages.mjs loads, before tsx, the packages a build always loads. A package the
 * build imports statically but the list misses would still work, only slower: this keeps them in step.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../helpers/build.ts";

/** Package names of a module's value imports (`import type` is erased, `node:` is built in). */
function staticPackageImports(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/^import\s+(?!type\s)[^;]*?\sfrom\s+"([^"]+)";/gms)) {
    const specifier = match[1]!;
    if (specifier.startsWith(".") || specifier.startsWith("node:")) continue;
    const parts = specifier.split("/");
    names.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!);
  }
  return [...names];
}

function typescriptFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));
}

test("staticPackageImports finds value imports of packages only", () => {
  const source = `import { z } from "zod";\nimport type { Options } from "markdown-it";\nimport MarkdownIt, {\n  type Token,\n} from "markdown-it/lib/x.mjs";\nimport path from "node:path";\nimport { a } from "./a.ts";\nimport X from "@scope/pkg/sub";\n`;
  assert.deepEqual(staticPackageImports(source).sort(), ["@scope/pkg", "markdown-it", "zod"]);
});

test("every package the build's modules import statically is preloaded, and nothing else", () => {
  const preload = readFileSync(path.join(ROOT, "lib/perf/preload-packages.mjs"), "utf8");
  const preloaded = [...preload.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]!).sort();
  const files = [...typescriptFiles("lib"), ...typescriptFiles("layouts"), "eleventy.config.ts", "scripts/build.ts"];
  const imported = new Set<string>();
  for (const file of files) for (const name of staticPackageImports(readFileSync(path.join(ROOT, file), "utf8"))) imported.add(name);
  imported.add("@11ty/eleventy"); // loaded with import() by lib/site/eleventy.ts
  assert.deepEqual(preloaded, [...imported].sort());
});
