/**
 * The web editor's Decap CMS configuration, generated from Chapar's schema (lib/content/schema.ts)
 * and the site's data files — never written by hand beside them. Each schema field has one widget
 * here (`RELEASE_WIDGETS`, a mapped type over the schema's keys: a field added to the schema alone
 * fails `tsc`); the nested fields of lists and objects are read from the schema's zod shapes, and
 * test/unit/editor-config.test.ts checks that the value each widget writes is one the schema accepts.
 */
import type { z } from "zod";
import type { PressData } from "../content/press.ts";
import { fieldType, isRequiredField, RELEASE_FIELDS, type ReleaseField, type SchemaContext } from "../content/schema.ts";
import type { Categories, EditorSettings } from "../content/site-data.ts";
import { editorStrings } from "../locale/fa.strings.ts";

/** A Decap CMS field (the subset Chapar uses): https://decapcms.org/docs/widgets/ */
export interface DecapField {
  name: string;
  label: string;
  widget: "string" | "text" | "select" | "list" | "object" | "boolean" | "image" | "file" | "hidden" | typeof JALALI_WIDGET;
  required?: boolean;
  options?: { label: string; value: string }[];
  fields?: DecapField[];
  field?: DecapField;
  default?: unknown;
  hint?: string;
  media_folder?: string;
  public_folder?: string;
  allow_add?: boolean;
  collapsed?: boolean;
  choose_url?: boolean;
}

export interface DecapCollection {
  name: string;
  label: string;
  label_singular: string;
  folder: string;
  path?: string;
  create: boolean;
  extension: string;
  format: string;
  slug: string;
  identifier_field: string;
  summary: string;
  media_folder: string;
  public_folder: string;
  fields: DecapField[];
  sortable_fields?: string[];
}

export interface DecapConfig {
  backend: Record<string, string | boolean>;
  publish_mode?: "editorial_workflow";
  local_backend?: { url: string };
  load_config_file: false;
  locale: "fa";
  media_folder: string;
  public_folder: string;
  slug: { encoding: "unicode"; clean_accents: false; sanitize_replacement: "-" };
  collections: DecapCollection[];
}

/**
 * Chapar's Jalali date and time widget (lib/editor/browser/jalali-field.ts), registered as
 * `jalali-datetime` and also in place of Decap's own `datetime`: Decap reads a new entry's `{{year}}`
 * only from a field of that widget named `date`, and a release's folder is its Jalali year.
 */
export const JALALI_WIDGET = "datetime";
export const JALALI_WIDGET_ALIAS = "jalali-datetime";
/** Chapar's front-matter format: keeps the lines of untouched fields as they were (lib/editor/front-matter-format.ts). */
export const CHAPAR_FORMAT = "chapar-front-matter";
/** Where an uploaded lead image or gallery photo lands, relative to the release file. */
export const IMAGE_FOLDER = "images";
/** Where an uploaded attachment lands, relative to the release file. */
export const ATTACHMENT_FOLDER = "files";

export interface EditorConfigOptions {
  categories: Categories;
  press: PressData;
  settings: Exclude<EditorSettings, false | undefined>;
  /** Under `npm run edit`: the local proxy's URL (decap-server behind the preview server); the content folder is the repository. */
  localBackendUrl?: string;
}

const labels = editorStrings.fields;
const sub = editorStrings.subfields;

type WidgetOf = (o: EditorConfigOptions) => Omit<DecapField, "name" | "label" | "required">;

const text: WidgetOf = () => ({ widget: "string" });
const date: WidgetOf = () => ({ widget: JALALI_WIDGET });
const subfieldWidgets: Record<string, WidgetOf> = {
  date,
  note: () => ({ widget: "text" }),
  reason: () => ({ widget: "text" }),
  title: text,
  alt: text,
  caption: text,
};

/** Each schema field's widget: a mapped type over the schema's keys, so no field can be left out. */
export const RELEASE_WIDGETS: { readonly [K in ReleaseField]: WidgetOf } = {
  title: text,
  date,
  category: (o) => ({ widget: "select", options: Object.entries(o.categories).map(([value, c]) => ({ label: c.name, value })) }),
  tags: () => ({ widget: "list", allow_add: true }),
  summary: () => ({ widget: "text" }),
  slug: text,
  updated: date,
  image: () => ({ widget: "image", media_folder: IMAGE_FOLDER, public_folder: IMAGE_FOLDER, choose_url: false }),
  imageAlt: text,
  imageCaption: text,
  imageCredit: text,
  draft: () => ({ widget: "boolean", default: false }),
  type: (o) => ({ widget: "select", options: Object.entries(o.press.types).map(([value, label]) => ({ label, value })) }),
  location: text,
  from: text,
  contact: (o) => ({
    widget: "select",
    options: Object.entries(o.press.contacts).map(([value, c]) => ({ label: `${c.name}${c.role ? `، ${c.role}` : ""}`, value })),
  }),
  updates: () => ({ widget: "list", collapsed: false }),
  withdrawn: () => ({ widget: "object", collapsed: true }),
  attachments: () => ({ widget: "list", collapsed: false }),
  gallery: () => ({ widget: "list", collapsed: false }),
};

/** The keys of the object a field holds, or of each item of the list it holds, read from its zod type. */
export function nestedKeys(type: z.ZodType): string[] | undefined {
  let t: z.core.$ZodType = type;
  // optional / default / pipe wrappers around the list or object.
  for (let i = 0; i < 6; i++) {
    const def = t._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; element?: z.core.$ZodType };
    if (def.type === "optional" || def.type === "default" || def.type === "nullable") t = def.innerType!;
    else if (def.type === "pipe") t = def.in!;
    else if (def.type === "array") t = def.element!;
    else if (def.type === "object") return Object.keys((def as unknown as { shape: Record<string, unknown> }).shape);
    else return undefined;
  }
  return undefined;
}

function subfieldsOf(name: ReleaseField, ctx: SchemaContext, o: EditorConfigOptions): DecapField[] | undefined {
  const keys = nestedKeys(fieldType(name, ctx));
  if (!keys) return undefined;
  const shapeType = fieldType(name, ctx);
  return keys.map((key) => {
    const widget = key === "file" ? fileWidget(name) : (subfieldWidgets[key] ?? text)(o);
    return { name: key, label: sub[key as keyof typeof sub] ?? key, required: isRequiredSubfield(shapeType, key), ...widget };
  });
}

function fileWidget(field: ReleaseField): Omit<DecapField, "name" | "label" | "required"> {
  const folder = field === "gallery" ? IMAGE_FOLDER : ATTACHMENT_FOLDER;
  return { widget: field === "gallery" ? "image" : "file", media_folder: folder, public_folder: folder, choose_url: false };
}

/** Whether an item of a list or object field rejects a missing `key` (decided by the zod type, as for top-level fields). */
function isRequiredSubfield(type: z.ZodType, key: string): boolean {
  const keys = nestedKeys(type) ?? [];
  const item: Record<string, unknown> = {};
  for (const k of keys) if (k !== key) item[k] = k === "date" ? "1404-01-01" : "x";
  const sample = type.safeParse([item]).success || type.safeParse(item).success;
  return !sample;
}

/** The schema context the form's checks use in the browser (categories, types, contacts, time zone). */
export function schemaContext(o: EditorConfigOptions, timeZone: string): SchemaContext {
  return { timeZone, categories: o.categories, press: o.press };
}

/** The release collection's fields, in the schema's order, then the body. */
export function releaseFields(o: EditorConfigOptions, timeZone: string): DecapField[] {
  const ctx = schemaContext(o, timeZone);
  const fields: DecapField[] = RELEASE_FIELDS.map((name) => {
    const widget = RELEASE_WIDGETS[name](o);
    const nested = subfieldsOf(name, ctx, o);
    const required = isRequiredField(name);
    if (nested && widget.widget === "list") return { name, label: labels[name], required, ...widget, fields: nested };
    // Decap checks an object's required parts even when the whole object is left out (no withdrawal):
    // there, the check before saving (the schema itself, lib/editor/browser/editor.ts) asks for them.
    if (nested && widget.widget === "object")
      return { name, label: labels[name], required, ...widget, fields: nested.map((f) => ({ ...f, required: false })) };
    return { name, label: labels[name], required, ...widget };
  });
  fields.push({ name: "body", label: editorStrings.body, widget: "text", required: false });
  return fields;
}

/**
 * The whole Decap configuration. Under `npm run edit` the repository is the content folder itself
 * (decap-server edits it directly); in production it is the site's repository, where the content
 * folder is `settings.contentFolder`.
 */
export function editorConfig(o: EditorConfigOptions, timeZone: string): DecapConfig {
  const { settings } = o;
  const prefix = o.localBackendUrl !== undefined || settings.contentFolder === "" ? "" : `${settings.contentFolder.replace(/\/+$/, "")}/`;
  const backend: Record<string, string | boolean> = { name: settings.backend, repo: settings.repo, branch: settings.branch };
  if (settings.baseUrl) backend.base_url = settings.baseUrl;
  if (settings.authEndpoint) backend.auth_endpoint = settings.authEndpoint;
  if (settings.apiRoot) backend.api_root = settings.apiRoot;
  if (settings.appId) backend.app_id = settings.appId;
  return {
    backend,
    ...(settings.editorialWorkflow ? { publish_mode: "editorial_workflow" as const } : {}),
    ...(o.localBackendUrl !== undefined ? { local_backend: { url: o.localBackendUrl } } : {}),
    load_config_file: false,
    locale: "fa",
    media_folder: `${prefix}releases`,
    public_folder: "",
    slug: { encoding: "unicode", clean_accents: false, sanitize_replacement: "-" },
    collections: [
      {
        name: "releases",
        label: editorStrings.releases,
        label_singular: editorStrings.release,
        folder: `${prefix}releases`,
        // A new release goes into its Jalali year's folder, as `npm run new` puts it: Decap reads `{{year}}`
        // from the date field's text (`1405-08-10 10:30`) as if it were Gregorian, which keeps the year
        // (only a time in the first hours of 1 Farvardin, in a browser east of UTC, falls a year early).
        path: "{{year}}/{{slug}}",
        create: true,
        extension: "md",
        format: CHAPAR_FORMAT,
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{title}}",
        media_folder: IMAGE_FOLDER,
        public_folder: IMAGE_FOLDER,
        fields: releaseFields(o, timeZone),
      },
    ],
  };
}
