/**
 * What makes a release a press release rather than a blog post: its type (`_data/types.json`), the
 * media contact (`_data/contacts.json`), the issuing office, corrections, withdrawal, attachments and
 * a photo gallery. This module reads and validates the two data files and turns a release's parsed
 * press fields' site data and files into what pages show (labels, contacts, file sizes, image sizes) —
 * once, at load time (lib/content/release.ts puts them in the release).
 */
import { statSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import { z } from "zod";
import type { ReleaseDate } from "../dates/jalali.ts";
import { fileKindLabel, formatFileSize, type NumberLocale } from "../text/files.ts";
import { cleanText } from "../text/persian.ts";
import { resolveContentPath } from "./content-path.ts";
import { showValue, type ContentProblem } from "./errors.ts";
import { readContentJson } from "./json-file.ts";
import { missingFileClause, suggestionClause } from "./suggest.ts";
import { PERSIAN_ISSUES, schemaProblems, type Locate } from "./zod-problems.ts";
import type { ReleaseData } from "./schema.ts";
import type { SiteSettings } from "./site-data.ts";
import { unsafeSvgProblem } from "./svg-safety.ts";

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

const optionalText = (what: string) =>
  z
    .string({ error: `${what} باید متن باشد` })
    .transform(cleanText)
    .optional();

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
          .refine((p) => PHONE_PATTERN.test(p), {
            error: `تلفن ${where} فقط رقم، فاصله و + - ( ) می‌پذیرد؛ مانند "021-66461234" یا "+98 21 6646 1234"`,
          })
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
    .refine((c) => c.phone !== undefined || c.email !== undefined, {
      error: `برای ${where} دست‌کم تلفن (phone) یا رایانامه (email) لازم است`,
    });
}

export const typesSchema = z
  .record(
    z.string(),
    z
      .string({ error: 'برچسب هر نوع باید متن فارسی باشد؛ مانند "announcement": "اطلاعیه"' })
      .transform(cleanText)
      .pipe(z.string().min(1, { error: "برچسب نوع نباید خالی باشد" })),
    { error: 'types.json باید فهرستی از «کلید: برچسب» باشد؛ مانند {"news": "خبر", "announcement": "اطلاعیه"}' },
  )
  .superRefine((types, ctx) => {
    for (const key of Object.keys(types)) {
      if (!KEY_PATTERN.test(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `کلید نوع «${key}» فقط حروف کوچک لاتین، رقم و خط تیره می‌پذیرد (مانند photo-report)`,
        });
      }
    }
  });

export const contactsSchema = z
  .record(z.string(), z.unknown(), {
    error: 'contacts.json باید فهرستی از «شناسه: مشخصات» باشد؛ مانند {"press": {"name": "…", "phone": "…"}}',
  })
  .transform((raw, ctx): Contacts => {
    const out: Contacts = {};
    for (const [id, value] of Object.entries(raw)) {
      if (!KEY_PATTERN.test(id)) {
        ctx.addIssue({
          code: "custom",
          path: [id],
          message: `شناسه‌ی «${id}» فقط حروف کوچک لاتین، رقم و خط تیره می‌پذیرد (مانند press-office)`,
        });
        continue;
      }
      const parsed = contactSchema(`مسئول تماس «${id}»`).safeParse(value, PERSIAN_ISSUES);
      if (parsed.success) out[id] = withoutUndefined(parsed.data);
      else
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: "custom", path: [id, ...issue.path.map(String)], message: issue.message });
    }
    return out;
  });

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** An optional data file: undefined when absent, null (and a problem) when it can't be read as JSON (json-file.ts). */
function readOptionalJson(
  contentDir: string,
  file: string,
  problems: ContentProblem[],
): { input: unknown; locate: Locate } | undefined | null {
  const read = readContentJson(contentDir, file, problems);
  if (read === "missing") return undefined;
  return read ? { input: read.input, locate: (at) => read.locate(at) ?? { line: 1 } } : null;
}

/** `news (خبر)، announcement (اطلاعیه)` — the valid type keys, for messages. */
export function describeTypes(types: ReleaseTypes): string {
  const keys = Object.keys(types);
  return keys.length === 0 ? `(هیچ؛ نوع‌ها را در ${TYPES_FILE} پوشه‌ی محتوا تعریف کنید)` : keys.map((k) => `${k} (${types[k]})`).join("، ");
}

export function describeContacts(contacts: Contacts): string {
  const ids = Object.keys(contacts);
  return ids.length === 0
    ? `(هیچ؛ مسئولان تماس را در ${CONTACTS_FILE} پوشه‌ی محتوا تعریف کنید)`
    : ids.map((id) => `${id} (${contacts[id]!.name})`).join("، ");
}

/**
 * Reads `_data/types.json` and `_data/contacts.json` (both optional: without them no release may name
 * a type or a contact id) and checks site.json's `defaultType` and `defaultContact` against them.
 * Problems are appended to `problems`; the result is usable only when none were added.
 */
export function loadPressData(
  contentDir: string,
  site: SiteSettings,
  problems: ContentProblem[],
  /** Where site.json's fields are written, to point at `defaultType`/`defaultContact`. */
  siteLocate?: Locate,
): PressData {
  const data: PressData = { types: {}, contacts: {} };
  const typesRaw = readOptionalJson(contentDir, TYPES_FILE, problems);
  if (typesRaw) {
    const parsed = typesSchema.safeParse(typesRaw.input, PERSIAN_ISSUES);
    if (parsed.success) data.types = parsed.data;
    else problems.push(...schemaProblems(TYPES_FILE, parsed.error, typesRaw));
  }
  const contactsRaw = readOptionalJson(contentDir, CONTACTS_FILE, problems);
  if (contactsRaw) {
    const parsed = contactsSchema.safeParse(contactsRaw.input, PERSIAN_ISSUES);
    if (parsed.success) data.contacts = parsed.data;
    else problems.push(...schemaProblems(CONTACTS_FILE, parsed.error, contactsRaw));
  }
  if (site.defaultType !== undefined && !Object.hasOwn(data.types, site.defaultType)) {
    problems.push({
      file: "_data/site.json",
      ...siteLocate?.(["defaultType"]),
      field: "defaultType",
      message: `نوع پیش‌فرض ${showValue(site.defaultType)} در ${TYPES_FILE} تعریف نشده است${suggestionClause(site.defaultType, Object.keys(data.types), `نوع‌های مجاز: ${describeTypes(data.types)}`)}`,
      severity: "error",
    });
  }
  if (site.defaultContact !== undefined && !Object.hasOwn(data.contacts, site.defaultContact)) {
    problems.push({
      file: "_data/site.json",
      ...siteLocate?.(["defaultContact"]),
      field: "defaultContact",
      message: `مسئول تماس پیش‌فرض ${showValue(site.defaultContact)} در ${CONTACTS_FILE} تعریف نشده است${suggestionClause(site.defaultContact, Object.keys(data.contacts), `شناسه‌های مجاز: ${describeContacts(data.contacts)}`)}`,
      severity: "error",
    });
  }
  return data;
}

/** One entry of a release's public correction history (as the schema outputs it). */
export type ReleaseUpdate = NonNullable<ReleaseData["updates"]>[number];
export type Withdrawal = NonNullable<ReleaseData["withdrawn"]>;

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

/** The release's type with its label: the one written, else site.json's `defaultType`. */
export function releaseType(written: string | undefined, site: SiteSettings, press: PressData): { key: string; label: string } | undefined {
  const key = written ?? site.defaultType;
  const label = key === undefined ? undefined : press.types[key];
  return key === undefined || label === undefined ? undefined : { key, label };
}

/** The media contact: written out in the release, an id of contacts.json, else site.json's `defaultContact`. */
export function releaseContact(written: string | Contact | undefined, site: SiteSettings, press: PressData): Contact | undefined {
  const contact = written ?? site.defaultContact;
  if (typeof contact === "string") return press.contacts[contact];
  return contact === undefined ? undefined : withoutUndefined(contact);
}

/**
 * The attachment and gallery files of one release, which must exist beside it (their sizes are read
 * here once). `field` of each problem is the front-matter path, e.g. `attachments.1.file`.
 */
export function resolvePressFiles(
  releaseFile: string,
  r: Pick<ReleaseData, "attachments" | "gallery">,
  contentDir: string,
  /** File sizes are written in the site's locale (digits, decimal sign). */
  locale: NumberLocale,
): { attachments: Attachment[]; gallery: GalleryImage[]; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const attachments: Attachment[] = [];
  const gallery: GalleryImage[] = [];
  const releaseDir = path.posix.dirname(releaseFile);
  const locate = (written: string, field: string, what: string): { file: string; real: string } | undefined => {
    const file = path.posix.normalize(path.posix.join(releaseDir, written));
    const outside = file.startsWith("../") || file === ".." || path.posix.isAbsolute(written);
    const resolved = outside ? ({ reason: "missing", error: "" } as const) : resolveContentPath(contentDir, file);
    if ("error" in resolved) {
      const hint = outside ? "" : missingFileClause(contentDir, file, written);
      problems.push({
        field,
        message:
          resolved.reason === "link"
            ? resolved.error
            : `پرونده‌ی ${what} پیدا نشد: ${showValue(written)} (نشانی نسبت به همین پرونده‌ی خبر است و باید درون پوشه‌ی محتوا باشد)${hint}`,
      });
      return undefined;
    }
    const unsafe = unsafeSvgProblem(resolved.real, written);
    if (unsafe !== undefined) {
      problems.push({ field, message: unsafe });
      return undefined;
    }
    return resolved;
  };

  (r.attachments ?? []).forEach((a, i) => {
    const found = locate(a.file, `attachments.${i}.file`, `پیوست ${i + 1}`);
    if (found === undefined) return;
    const { file } = found;
    const bytes = statSync(found.real).size;
    attachments.push({ file, title: a.title, bytes, size: formatFileSize(bytes, locale), kind: fileKindLabel(file) });
  });

  (r.gallery ?? []).forEach((g, i) => {
    const found = locate(g.file, `gallery.${i}.file`, `تصویر ${i + 1} نگارخانه`);
    if (found === undefined) return;
    const { file } = found;
    const image: GalleryImage = { file, alt: g.alt };
    if (g.caption !== undefined) image.caption = g.caption;
    const size = readImageSize(found.real);
    if (size === "unreadable") {
      problems.push({
        field: `gallery.${i}.file`,
        message: `پرونده‌ی ${showValue(g.file)} تصویر خوانایی نیست؛ نگارخانه فقط JPEG، PNG، WebP، AVIF، GIF یا SVG می‌پذیرد`,
      });
      return;
    }
    if (size) [image.width, image.height] = [size.width, size.height];
    gallery.push(image);
  });
  return { attachments, gallery, problems };
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
 * who adds a correction note need not also bump `updated`). `updates` may be in any order.
 */
export function lastCorrection(updated: ReleaseDate | undefined, updates: readonly ReleaseUpdate[]): ReleaseDate | undefined {
  // The newest entry (the last written of equal ones, as a stable sort would put it), unless `updated` is as late.
  let newest: ReleaseDate | undefined;
  for (const u of updates) if (newest === undefined || u.date.instant >= newest.instant) newest = u.date;
  if (updated === undefined) return newest;
  return newest !== undefined && newest.instant > updated.instant ? newest : updated;
}
