/**
 * The web editor's form is the schema: every schema field has its widget in the generated Decap
 * configuration, required exactly when the schema requires it, and the value each widget writes is
 * one the schema's own zod type accepts (a widget of another type writes a value it refuses).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type DecapField, editorConfig, JALALI_WIDGET, nestedKeys } from "../../lib/editor/config.ts";
import { fieldType, isRequiredField, RELEASE_FIELDS, type SchemaContext } from "../../lib/content/schema.ts";

const categories = { culture: { name: "فرهنگ و هنر", description: "" }, education: { name: "آموزش", description: "" } };
const press = {
  types: { news: "خبر", call: "فراخوان" },
  contacts: { "press-office": { name: "نگار صدری", role: "مدیر روابط عمومی", email: "press@example.ir" } },
};
const settings = {
  backend: "github" as const,
  repo: "office/press",
  branch: "main",
  contentFolder: "content",
  editorialWorkflow: true,
};
const ctx: SchemaContext = { timeZone: "Asia/Tehran", categories, press };
const config = editorConfig({ categories, press, settings }, "Asia/Tehran");
const releases = config.collections.find((c) => c.name === "releases")!;
const byName = new Map(releases.fields.map((f) => [f.name, f]));

/** The value a widget of this kind writes into the front matter. */
function sampleValue(field: DecapField): unknown {
  switch (field.widget) {
    case "string":
    case "text":
      return "نمونه";
    case JALALI_WIDGET:
      return "1404-09-12 10:30";
    case "select":
      return field.options?.[0]?.value;
    case "boolean":
      return true;
    case "image":
      return "images/photo.jpg";
    case "file":
      return "files/report.pdf";
    case "object":
      return Object.fromEntries((field.fields ?? []).map((f) => [f.name, sampleValue(f)]));
    case "list":
      return field.fields ? [Object.fromEntries(field.fields.map((f) => [f.name, sampleValue(f)]))] : ["برچسب"];
    default:
      return undefined;
  }
}

describe("editor configuration generated from the schema", () => {
  test("every schema field is in the release collection, in the schema's order, then the body", () => {
    assert.deepEqual(
      releases.fields.map((f) => f.name),
      [...RELEASE_FIELDS, "body"],
    );
  });

  for (const name of RELEASE_FIELDS) {
    test(`${name}: required as the schema says, and the widget's value is one the schema accepts`, () => {
      const field = byName.get(name)!;
      assert.equal(field.required, isRequiredField(name), `required of ${name}`);
      const value = sampleValue(field);
      const parsed = fieldType(name, ctx).safeParse(value);
      assert.ok(parsed.success, `${name} (${field.widget}) writes ${JSON.stringify(value)}: ${parsed.error?.message}`);
      const keys = nestedKeys(fieldType(name, ctx));
      assert.deepEqual(
        field.fields?.map((f) => f.name),
        keys,
        `nested fields of ${name}`,
      );
    });
  }

  test("a widget of another type writes what the schema refuses", () => {
    const wrong: DecapField = { name: "draft", label: "", widget: "string" };
    assert.equal(fieldType("draft", ctx).safeParse(sampleValue(wrong)).success, false);
    const wrongTags: DecapField = { name: "tags", label: "", widget: "string" };
    assert.equal(fieldType("tags", ctx).safeParse(sampleValue(wrongTags)).success, false);
  });

  test("selects offer the data files' keys with their Persian names", () => {
    assert.deepEqual(byName.get("category")!.options, [
      { label: "فرهنگ و هنر", value: "culture" },
      { label: "آموزش", value: "education" },
    ]);
    assert.deepEqual(
      byName.get("contact")!.options?.map((o) => o.value),
      ["press-office"],
    );
    assert.deepEqual(
      byName.get("type")!.options?.map((o) => o.label),
      ["خبر", "فراخوان"],
    );
  });

  test("production: the repository's content folder, the host and the editorial workflow; local: the content folder itself", () => {
    assert.equal(releases.folder, "content/releases");
    assert.deepEqual(config.backend, { name: "github", repo: "office/press", branch: "main" });
    assert.equal(config.publish_mode, "editorial_workflow");
    assert.equal(config.local_backend, undefined);
    const local = editorConfig({ categories, press, settings, localBackendUrl: "/admin/api/v1" }, "Asia/Tehran");
    assert.equal(local.collections[0]!.folder, "releases");
    assert.deepEqual(local.local_backend, { url: "/admin/api/v1" });
  });

  test("uploads land beside the release: images/ and files/", () => {
    assert.equal(byName.get("image")!.media_folder, "images");
    const attachmentFile = byName.get("attachments")!.fields!.find((f) => f.name === "file")!;
    assert.equal(attachmentFile.widget, "file");
    assert.equal(attachmentFile.media_folder, "files");
    assert.equal(byName.get("gallery")!.fields!.find((f) => f.name === "file")!.widget, "image");
  });
});
