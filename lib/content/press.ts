/**
 * What makes a release a press release rather than a blog post: its type (`_data/types.json`), the
 * media contact (`_data/contacts.json`), the issuing office, corrections, withdrawal, attachments and
 * a photo gallery. This module reads and validates the two data files and turns a release's parsed
 * press fields into what pages show (labels, contacts, file sizes, image sizes) — once, at load time.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import { z } from "zod";
import type { ReleaseDate } from "../dates/jalali.ts";
import { fileKindLabel, formatFileSize } from "../text/files.ts";
import { localeFor } from "../locale/index.ts";
import { cleanText } from "../text/persian.ts";
import { showValue, type ContentProblem } from "./errors.ts";
import type { SiteSettings } from "./site-data.ts";

/** A person the press can call about a release. */
export interface Contact {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

/** Release types: key → Persian label, in the office's order (`{"news": "خبر", …}`). */
export type ReleaseTypes = Record<string, string>;
export type Contacts = Record<string, Contact>;

export interface PressData {
  types: ReleaseTypes;
  contacts: Contacts;
}

export const TYPES_FILE = "_data/types.json";
export const CONTACTS_FILE = "_data/contacts.json";

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const EMAIL_PATTERN = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
/** Digits (Latin or Persian), spaces and `+ - ( )`: what phone numbers are written with. */
const PHONE_PATTERN = /^\+?[\d\u06f0-\u06f9][\d\u06f0-\u06f9\s()-]*$/;

const optionalText = (what: string) => z.string({ error: `${what} باید متن باشد` }).transform(cleanText).optional();

/** A contact as written in contacts.json or inline in a release; `where` names it in messages. */
export function contactSchema(where: string) {
  return z
    .strictObject(
      {
        name: z
          .string({ error: `نام (name) ${where} لازم است و باید متن باشد` })
          .transform(cleanText)
          .pipe(z.string().min(1, { error: `نام (name) ${where} نباید خالی باشد` })),
        role: optionalText(`سمت (role) ${where}`),
        phone: z
          .string({ error: `تلفن (phone) ${where} باید متن باشد؛ آن را میان گیومه بنویسید، مانند "021-66461234"` })
          .trim()
          .refine((p) => PHONE_PATTERN.test(p), { error: `تلفن ${where} فقط رقم، فاصله و + - ( ) می‌پذیرد؛ مانند "021-66461234" یا "+98 21 6646 1234"` })
          .optional(),
        email: z
          .string({ error: `رایانامه (email) ${where} باید متن باشد` })
          .trim()
          .refine((e) => EMAIL_PATTERN.test(e), { error: `رایانامه‌ی ${where} درست نیست؛ مانند press@example.ir` })
          .optional(),
      },
      {
        error: (i) =>
          i.code === "unrecognized_keys"
            ? `کلید ${i.keys.map((k) => `«${k}»`).join(" و ")} برای ${where} شناخته نشد؛ کلیدهای مجاز: name، role، phone، email`
            : `${where} باید فهرستی از name، role، phone و email باشد`,
      },
    )
    .refine((c) => c.phone !== undefined || c.email !== undefined, { error: `برای ${where} دست‌کم تلفن (phone) یا رایانامه (email) لازم است` });
}

const typesSchema = z
  .record(
    z.string(),
    z
      .string({ error: "برچسب هر نوع باید متن فارسی باشد؛ مانند \"announcement\": \"اطلاعیه\"" })
      .transform(cleanText)
      .pipe(z.string().min(1, { error: "برچسب نوع نباید خالی باشد" })),
    { error: "types.json باید فهرستی از «کلید: برچسب» باشد؛ مانند {\"news\": \"خبر\", \"announcement\": \"اطلاعیه\"}" },
  )
  .superRefine((types, ctx) => {
    for (const key of Object.keys(types)) {
      if (!KEY_PATTERN.test(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `کلید نوع «${key}» فقط حروف کوچک لاتین، رقم و خط تیره می‌پذیرد (مانند photo-report)` });
      }
    }
  });

const contactsSchema = z
  .record(z.string(), z.unknown(), { error: "contacts.json باید فهرستی از «شناسه: مشخصات» باشد؛ مانند {\"press\": {\"name\": \"…\", \"phone\": \"…\"}}" })
  .transform((raw, ctx): Contacts => {
    const out: Contacts = {};
    for (const [id, value] of Object.entries(raw)) {
      if (!KEY_PATTERN.test(id)) {
        ctx.addIssue({ code: "custom", path: [id], message: `شناسه‌ی «${id}» فقط حروف کوچک لاتین، رقم و خط تیره می‌پذیرد (مانند press-office)` });
        continue;
      }
      const parsed = contactSchema(`مسئول تماس «${id}»`).safeParse(value);
      if (parsed.success) out[id] = withoutUndefined(parsed.data);
      else for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [id, ...issue.path.map(String)], message: issue.message });
    }
    return out;
  });

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function readOptionalJson(contentDir: string, file: string, problems: ContentProblem[]): unknown {
  const absolute = path.join(contentDir, file);
  if (!existsSync(absolute)) return undefined;
  try {
    return JSON.parse(readFileSync(absolute, "utf8"));
  } catch (e) {
    problems.push({ file, message: `JSON معتبر نیست: ${(e as Error).message}`, severity: "error" });
    return null;
  }
}

function issuesOf(file: string, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    return { file, ...(field === "" ? {} : { field }), message: issue.message, severity: "error" as const };
  });
}

/** `news (خبر)، announcement (اطلاعیه)` — the valid type keys, for messages. */
export function describeTypes(types: ReleaseTypes): string {
  const keys = Object.keys(types);
  return keys.length === 0 ? `(هیچ؛ نوع‌ها را در content/${TYPES_FILE} تعریف کنید)` : keys.map((k) => `${k} (${types[k]})`).join("، ");
}

export function describeContacts(contacts: Contacts): string {
  const ids = Object.keys(contacts);
  return ids.length === 0 ? `(هیچ؛ مسئولان تماس را در content/${CONTACTS_FILE} تعریف کنید)` : ids.map((id) => `${id} (${contacts[id]!.name})`).join("، ");
}

/**
 * Reads `_data/types.json` and `_data/contacts.json` (both optional: without them no release may name
 * a type or a contact id) and checks site.json's `defaultType` and `defaultContact` against them.
 * Problems are appended to `problems`; the result is usable only when none were added.
 */
export function loadPressData(contentDir: string, site: SiteSettings, problems: ContentProblem[]): PressData {
  const data: PressData = { types: {}, contacts: {} };
  const typesRaw = readOptionalJson(contentDir, TYPES_FILE, problems);
  if (typesRaw !== undefined && typesRaw !== null) {
    const parsed = typesSchema.safeParse(typesRaw);
    if (parsed.success) data.types = parsed.data;
    else problems.push(...issuesOf(TYPES_FILE, parsed.error));
  }
  const contactsRaw = readOptionalJson(contentDir, CONTACTS_FILE, problems);
  if (contactsRaw !== undefined && contactsRaw !== null) {
    const parsed = contactsSchema.safeParse(contactsRaw);
    if (parsed.success) data.contacts = parsed.data;
    else problems.push(...issuesOf(CONTACTS_FILE, parsed.error));
  }
  if (site.defaultType !== undefined && !Object.hasOwn(data.types, site.defaultType)) {
    problems.push({
      file: "_data/site.json",
      field: "defaultType",
      message: `نوع پیش‌فرض ${showValue(site.defaultType)} در ${TYPES_FILE} تعریف نشده است؛ نوع‌های مجاز: ${describeTypes(data.types)}`,
      severity: "error",
    });
  }
  if (site.defaultContact !== undefined && !Object.hasOwn(data.contacts, site.defaultContact)) {
    problems.push({
      file: "_data/site.json",
      field: "defaultContact",
      message: `مسئول تماس پیش‌فرض ${showValue(site.defaultContact)} در ${CONTACTS_FILE} تعریف نشده است؛ شناسه‌های مجاز: ${describeContacts(data.contacts)}`,
      severity: "error",
    });
  }
  return data;
}

/** One entry of a release's public correction history. */
export interface ReleaseUpdate {
  date: ReleaseDate;
  note: string;
}

export interface Withdrawal {
  date: ReleaseDate;
  reason: string;
}

export interface Attachment {
  /** Path relative to the content folder; served at `/media/<file>`. */
  file: string;
  title: string;
  bytes: number;
  /** `۲٫۴ مگابایت` */
  size: string;
  /** `PDF`, `Word` … */
  kind: string;
}

export interface GalleryImage {
  /** Path relative to the content folder; served at `/media/<file>`. */
  file: string;
  alt: string;
  caption?: string;
  /** Intrinsic size, when the file's header could be read (SVG without a size may lack it). */
  width?: number;
  height?: number;
}

/** The press fields of a release after validation, as `Release` carries them. */
export interface PressFields {
  type?: { key: string; label: string };
  location?: string;
  /** The issuing office: `from`, or the organisation's name. */
  from: string;
  contact?: Contact;
  /** Corrections, oldest first. */
  updates: ReleaseUpdate[];
  withdrawn?: Withdrawal;
  attachments: Attachment[];
  gallery: GalleryImage[];
}

/** The press fields as the schema outputs them (before files are looked at). */
export interface ParsedPressFields {
  type?: string | undefined;
  location?: string | undefined;
  from?: string | undefined;
  contact?: string | Contact | undefined;
  updates?: ReleaseUpdate[] | undefined;
  withdrawn?: Withdrawal | undefined;
  attachments?: { file: string; title: string }[] | undefined;
  gallery?: { file: string; alt: string; caption?: string | undefined }[] | undefined;
}

export interface ResolveContext {
  contentDir: string;
  site: SiteSettings;
  press: PressData;
}

/**
 * Resolves one release's press fields: defaults from site.json, type label, contact by id, and the
 * attachment and gallery files (which must exist beside the release; their sizes are read here once).
 * `field` of each problem is the front-matter path, e.g. `attachments.1.file`.
 */
export function resolvePressFields(
  releaseFile: string,
  r: ParsedPressFields,
  ctx: ResolveContext,
): { fields: PressFields; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const { site, press } = ctx;
  const fields: PressFields = {
    from: r.from ?? site.organization.name,
    updates: [...(r.updates ?? [])].sort((a, b) => a.date.instant - b.date.instant),
    attachments: [],
    gallery: [],
  };
  const typeKey = r.type ?? site.defaultType;
  if (typeKey !== undefined && press.types[typeKey] !== undefined) fields.type = { key: typeKey, label: press.types[typeKey] };
  if (r.location !== undefined) fields.location = r.location;
  if (r.withdrawn !== undefined) fields.withdrawn = r.withdrawn;
  const contact = r.contact ?? site.defaultContact;
  if (typeof contact === "string") {
    const known = press.contacts[contact];
    if (known) fields.contact = known;
  } else if (contact !== undefined) fields.contact = withoutUndefined(contact);

  const releaseDir = path.posix.dirname(releaseFile);
  const locate = (written: string, field: string, what: string): string | undefined => {
    const file = path.posix.normalize(path.posix.join(releaseDir, written));
    const absolute = path.join(ctx.contentDir, file);
    if (file.startsWith("../") || file === ".." || path.posix.isAbsolute(written) || !existsSync(absolute) || !statSync(absolute).isFile()) {
      problems.push({ field, message: `پرونده‌ی ${what} پیدا نشد: ${showValue(written)} (نشانی نسبت به همین پرونده‌ی خبر است و باید درون پوشه‌ی محتوا باشد)` });
      return undefined;
    }
    return file;
  };

  (r.attachments ?? []).forEach((a, i) => {
    const file = locate(a.file, `attachments.${i}.file`, `پیوست ${i + 1}`);
    if (file === undefined) return;
    const bytes = statSync(path.join(ctx.contentDir, file)).size;
    fields.attachments.push({ file, title: a.title, bytes, size: formatFileSize(bytes, localeFor(site.locale)), kind: fileKindLabel(file) });
  });

  (r.gallery ?? []).forEach((g, i) => {
    const file = locate(g.file, `gallery.${i}.file`, `تصویر ${i + 1} نگارخانه`);
    if (file === undefined) return;
    const image: GalleryImage = { file, alt: g.alt };
    if (g.caption !== undefined) image.caption = g.caption;
    const size = readImageSize(path.join(ctx.contentDir, file));
    if (size === "unreadable") {
      problems.push({ field: `gallery.${i}.file`, message: `پرونده‌ی ${showValue(g.file)} تصویر خوانایی نیست؛ نگارخانه فقط JPEG، PNG، WebP، AVIF، GIF یا SVG می‌پذیرد` });
      return;
    }
    if (size) [image.width, image.height] = [size.width, size.height];
    fields.gallery.push(image);
  });
  return { fields, problems };
}

function readImageSize(absolute: string): { width: number; height: number } | undefined | "unreadable" {
  try {
    // Given a path, image-size reads only the file's head (≤ 512 KB), not a whole 10 MB photo.
    const size = imageSize(absolute);
    // EXIF orientations 5–8 store the picture turned a quarter: browsers show it upright.
    const turned = size.orientation !== undefined && size.orientation >= 5;
    if (size.width === undefined || size.height === undefined) return undefined;
    return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
  } catch {
    return "unreadable";
  }
}

/**
 * The release's last correction: the later of `updated` and the newest `updates` entry (an author
 * who adds a correction note need not also bump `updated`).
 */
export function lastCorrection(updated: ReleaseDate | undefined, updates: ReleaseUpdate[]): ReleaseDate | undefined {
  const latest = updates.at(-1)?.date;
  if (updated === undefined) return latest;
  if (latest === undefined) return updated;
  return latest.instant > updated.instant ? latest : updated;
}
