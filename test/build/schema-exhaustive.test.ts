/**
 * A front-matter field is declared once, in lib/content/schema.ts, and the view must say how it
 * reaches the page (lib/content/release.ts): proven by type-checking a copy of the code with one field
 * added to the schema alone (fails, naming the field), then with its handler too (passes), against
 * the unmodified copy (passes).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { ROOT, tempDir } from "../helpers/build.ts";

/** What tsc needs to follow lib/'s imports; node_modules is linked, not copied. */
const COPIED = ["lib", "layouts", "assets", "scripts", "eleventy.config.ts", "package.json"];

function copyProject(): string {
  const dir = tempDir("chapar-tsc-");
  for (const entry of COPIED)
    if (existsSync(path.join(ROOT, entry))) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  // The project's compiler options over lib/ only (what imports it pulls in is checked too); no tests.
  const { compilerOptions } = JSON.parse(readFileSync(path.join(ROOT, "tsconfig.json"), "utf8")) as {
    compilerOptions: Record<string, unknown>;
  };
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { ...compilerOptions, incremental: false }, include: ["lib/**/*.ts"] }),
  );
  return dir;
}

function typeCheck(dir: string): { code: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", dir, "--noEmit", "--pretty", "false"],
    { encoding: "utf8" },
  );
  return { code: result.status, output: result.stdout + result.stderr };
}

/** Replaces `anchor` in a copied file, failing loudly if the anchor moved (so the test can't pass vacuously). */
function edit(dir: string, file: string, anchor: string, replacement: string): void {
  const absolute = path.join(dir, file);
  const source = readFileSync(absolute, "utf8");
  assert.ok(source.includes(anchor), `${file} no longer contains ${JSON.stringify(anchor)}: update this test`);
  writeFileSync(absolute, source.replace(anchor, replacement));
}

test("a field added to the schema alone fails the type check, naming the field, until the view and the editor handle it", () => {
  const dir = copyProject();
  const control = typeCheck(dir);
  assert.equal(control.code, 0, `the unmodified copy must type-check:\n${control.output}`);

  edit(
    dir,
    "lib/content/schema.ts",
    "const FIELDS = {\n",
    'const FIELDS = {\n  subtitle: field(() => z.string().optional(), { en: "A subtitle.", fa: "روتیتر.", skeleton: () => ["# روتیتر", "# subtitle: \\"\\""] }),\n',
  );
  const unhandled = typeCheck(dir);
  assert.notEqual(unhandled.code, 0, "a schema field the view doesn't handle must fail the type check");
  // tsc: "release.ts(…): error TS1360: Type '{…}' does not satisfy the expected type '{…}'. Property 'subtitle' is missing in type …"
  assert.match(
    unhandled.output,
    /lib\/content\/release\.ts\(\d+,\d+\): error TS\d+: [^\n]*\n\s*Property 'subtitle' is missing/,
    unhandled.output,
  );
  // The web editor's form is made from the schema too: its widget table and its labels name the field.
  assert.match(unhandled.output, /lib\/editor\/config\.ts\(\d+,\d+\): error TS\d+: Property 'subtitle' is missing/, unhandled.output);
  const errors = unhandled.output.split(/\n(?=\S)/).filter((e) => /error TS/.test(e));
  assert.ok(
    errors.every((e) => e.includes("subtitle")),
    `every error is about the new field (nothing else broke):\n${unhandled.output}`,
  );

  edit(dir, "lib/content/release.ts", "const FIELD_VIEWS = {\n", "const FIELD_VIEWS = {\n  subtitle: (r) => r.subtitle,\n");
  // The handled field is then part of `Release`, typed from its handler, for templates to use.
  edit(
    dir,
    "lib/content/release.ts",
    "export type Release = ",
    "export const subtitleOf = (release: Release): string | undefined => release.subtitle;\nexport type Release = ",
  );
  edit(
    dir,
    "lib/editor/config.ts",
    "export const RELEASE_WIDGETS: { readonly [K in ReleaseField]: WidgetOf } = {\n",
    "export const RELEASE_WIDGETS: { readonly [K in ReleaseField]: WidgetOf } = {\n  subtitle: text,\n",
  );
  edit(
    dir,
    "lib/locale/fa.strings.ts",
    '  fields: {\n    title: "عنوان",\n',
    '  fields: {\n    subtitle: "روتیتر",\n    title: "عنوان",\n',
  );
  const handled = typeCheck(dir);
  assert.equal(handled.code, 0, `with its handler the field type-checks and reaches Release:\n${handled.output}`);
});
