/**
 * The release front-matter schema: the single source of truth for which fields exist, their types,
 * the Persian message an author sees when one is wrong, and what the docs and `npm run new` say about
 * each (`FIELDS` below). Everything downstream uses `ReleaseData`; lib/content/release.ts makes the
 * page's `Release` from it, one handler per field.
 */
import { z } from "zod";
import { DATE_FORMS_HELP, parseReleaseDate, type ReleaseDate } from "../dates/jalali.ts";
import { cleanText } from "../text/persian.ts";
import { SKELETON_TEXTS } from "./skeleton-texts.ts";
import { tagsTextMessage } from "./tags-text.ts";
import { contactSchema, describeContacts, describeTypes, type Contact, type PressData } from "./press.ts";
import type { Categories } from "./site-data.ts";
import { suggestionClause } from "./suggest.ts";
import { PERSIAN_ISSUES } from "./zod-problems.ts";

export interface SchemaContext {
  timeZone: string;
  categories: Categories;
  /** Release types and media contacts (`_data/types.json`, `_data/contacts.json`); none if absent. */
  press?: PressData;
}

const dateField = (ctx: SchemaContext) =>
  z.unknown().transform((raw, issue): ReleaseDate => {
    const parsed = parseReleaseDate(raw, ctx.timeZone);
    if (!parsed.ok) {
      issue.addIssue({ code: "custom", message: parsed.reason });
      return z.NEVER;
    }
    return parsed.date;
  });

const text = (required: string) =>
  z
    .string({ error: (i) => (i.input === undefined || i.input === null ? required : `باید متن باشد`) })
    .transform(cleanText)
    .pipe(z.string().min(1, { error: required }));

/** A nested object whose unknown keys are named in Persian with the keys it does allow. */
function closedObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, what: string, example: string) {
  const allowed = Object.keys(shape).join("، ");
  return z.strictObject(shape, {
    error: (i) =>
      i.code === "unrecognized_keys"
        ? `کلید ${i.keys.map((k) => `«${k}»`).join(" و ")} در ${what} شناخته نشد${suggestionClause(i.keys[0] ?? "", Object.keys(shape), `کلیدهای مجاز: ${allowed}`)}`
        : `${what} باید فهرستی از ${allowed} باشد؛ مانند: ${example}`,
  });
}

const listOf = <T extends z.ZodType>(item: T, what: string, example: string) =>
  z.array(item, { error: `${what} باید فهرستی باشد، هر مورد در یک خط که با «- » شروع می‌شود؛ مانند:\n${example}` });

const fileField = (what: string) =>
  z
    .string({ error: `نشانی پرونده‌ی ${what} (file) لازم است؛ نسبت به همین پرونده‌ی خبر، مانند: files/report.pdf` })
    .trim()
    .min(1, { error: `نشانی پرونده‌ی ${what} (file) نباید خالی باشد` });

/** What `npm run new` knows when it writes a release's front matter (lib/content/new-release.ts). */
export interface SkeletonInput {
  title: string;
  /** The publication moment as the schema reads it best: `1404-09-06 15:30`. */
  date: string;
  category: string;
  /** `culture (فرهنگی)، education (آموزشی)`. */
  categoryList: string;
  tags: string[];
  draft: boolean;
  timeZone: string;
  slug: string;
  /** Keys of `_data/types.json` and ids of `_data/contacts.json`, to name the choices. */
  types: string[];
  contacts: string[];
}

/** What the docs and `npm run new` say about a field, kept beside its zod type so the two can't drift. */
export interface FieldDoc {
  /** The field's row in the fields tables of README.md (English) and docs/guide-fa.md (Persian). */
  en: string;
  fa: string;
  /** Said in the tables' "required" column when the schema alone doesn't decide it (imageAlt: with an image). */
  requiredWhen?: { en: string; fa: string };
  /**
   * The field in a new release's front matter: a Persian comment line, then the field — set, or
   * commented out (`# summary: ""`) as an example the author may fill in.
   */
  skeleton: (input: SkeletonInput) => string[];
}

const yamlString = (s: string) => JSON.stringify(s); // A JSON string is a valid double-quoted YAML string.

/** A front-matter field: its zod type (built per site: categories, types and contacts come from `_data/`) and its docs. */
const field = <T extends z.ZodType>(type: (ctx: SchemaContext) => T, doc: FieldDoc) => ({ type, doc });

/**
 * THE declaration of the release front matter: every field, in the order the docs and the `new`
 * skeleton list them. The parsed type (`ReleaseData`), the field names (`RELEASE_FIELDS`), the `new`
 * skeleton and the docs tables (`npm run docs:fields`) are derived from it, and lib/content/release.ts
 * must say how each field reaches the page (adding one here alone fails the type check there).
 */
const FIELDS = {
  title: field(() => text('عنوان لازم است؛ مانند: title: "برگزاری جشنواره‌ی تئاتر کودک"'), {
    en: "The headline.",
    fa: "تیتر خبر.",
    skeleton: (s) => ["# عنوان: کوتاه و گویا؛ در صفحه‌ی خبر، فهرست‌ها و خوراک دیده می‌شود.", `title: ${yamlString(s.title)}`],
  }),
  date: field(
    (ctx) =>
      z
        .unknown()
        .refine((v) => v !== undefined && v !== null && v !== "", { error: `تاریخ لازم است؛ ${DATE_FORMS_HELP}`, abort: true })
        .pipe(dateField(ctx)),
    {
      en: "Publication moment. Jalali `1401-02-25` or `1401/02/25` (Latin or Persian digits), optionally with a time `1401-02-25 10:30`; Gregorian `2022-05-15` or `2022-05-15T10:30`; ISO with an offset `2022-05-15T10:30:00+04:30`. A year below 1700 is Jalali. Without an offset the time is wall time in the site's time zone — on any machine. Days that don't exist (`1404-12-30`, `1401-07-31`, `1401-13-01`) are errors. A date after the build's moment makes the release *scheduled*.",
      fa: "تاریخ انتشار (پایین‌تر توضیح داده شده).",
      skeleton: (s) => [
        `# تاریخ و ساعت انتشار، شمسی و به وقت ${s.timeZone}. اگر آینده باشد، خبر زمان‌بندی‌شده است و پیش از آن منتشر نمی‌شود.`,
        `date: ${yamlString(s.date)}`,
      ],
    },
  ),
  category: field(
    (ctx) => {
      const categoryKeys = Object.keys(ctx.categories);
      // A key, or a category's Persian name (`اطلاعیه‌ها` → `announcements`), leads to the key to write.
      const candidates = Object.entries(ctx.categories).flatMap(([key, c]) => [key, { text: c.name, answer: key }]);
      return z.string({ error: `دسته لازم است؛ یکی از: ${categoryKeys.join("، ")}` }).refine((c) => Object.hasOwn(ctx.categories, c), {
        error: (i) =>
          `این دسته تعریف نشده است${suggestionClause(String(i.input), candidates, `دسته‌های مجاز (در _data/categories.json): ${categoryKeys.join("، ")}`)}`,
      });
    },
    {
      en: "A key of `categories.json`; a typo is an error that lists the valid keys.",
      fa: "کلید یکی از دسته‌ها در `content/_data/categories.json`، مانند `culture`.",
      skeleton: (s) => [`# دسته؛ یکی از: ${s.categoryList}`, `category: ${s.category}`],
    },
  ),
  tags: field(
    () =>
      z
        .unknown()
        .transform((t, issue): (string | number)[] => {
          // One text is one tag to YAML, but the author meant a list (tags-text.ts).
          if (typeof t === "string") issue.addIssue({ code: "custom", message: tagsTextMessage(t) });
          else if (Array.isArray(t) && t.every((x) => typeof x === "string" || typeof x === "number")) return t;
          else issue.addIssue({ code: "custom", message: "برچسب‌ها باید فهرستی از واژه‌ها باشند؛ مانند: tags: [تئاتر, کودک]" });
          return z.NEVER;
        })
        .transform((t) => t.map((x) => cleanText(String(x))))
        .refine((t) => t.every((x) => x !== ""), { error: "برچسب خالی مجاز نیست" })
        .default([]),
    {
      en: "A list of Persian words. Spellings that differ only in ZWNJ, Arabic ي/ك or a space are one tag.",
      fa: "فهرست برچسب‌ها: `[تئاتر, کودک]`.",
      skeleton: (s) => ["# برچسب‌ها: فهرستی از واژه‌ها، مانند [تئاتر, کودک]", `tags: [${s.tags.map(yamlString).join(", ")}]`],
    },
  ),
  summary: field(() => z.string({ error: "خلاصه باید متن باشد" }).transform(cleanText).optional(), {
    en: "The lead. Without it, the first paragraph is the lead.",
    fa: "لید خبر؛ اگر ننویسید، نخستین پاراگراف متن لید می‌شود.",
    skeleton: () => ["# خلاصه (لید): یک یا دو جمله. اگر ننویسید، نخستین بند متن خلاصه می‌شود.", '# summary: ""'],
  }),
  slug: field(
    () =>
      z
        .string({ error: "نامک (slug) باید متن باشد" })
        .trim()
        .refine((s) => /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u.test(s), {
          error: "نامک فقط حرف، رقم و خط تیره (-) می‌پذیرد، بی‌فاصله؛ مانند: nowruz-concert یا کنسرت-نوروزی",
        })
        .optional(),
    {
      en: "The last part of the URL (letters, digits, `-`). Default: from the file name.",
      fa: "بخش پایانی نشانی خبر؛ اگر ننویسید، از نام پرونده ساخته می‌شود.",
      skeleton: (s) => ["# نامک نشانی خبر؛ پیش‌فرض، نام همین پرونده است.", `# slug: ${s.slug}`],
    },
  ),
  updated: field((ctx) => dateField(ctx).optional(), {
    en: "When the release was last corrected (same formats as `date`).",
    fa: "تاریخ آخرین اصلاح خبر، با همان قالب‌های `date`.",
    skeleton: (s) => ["# تاریخ آخرین اصلاح خبر، اگر پس از انتشار اصلاح شد.", `# updated: ${yamlString(s.date)}`],
  }),
  image: field(() => z.string({ error: "تصویر باید نشانی یک پرونده باشد" }).trim().min(1).optional(), {
    en: "Lead image, a path relative to the release file.",
    fa: "پرونده‌ی تصویر اصلی، نسبت به همین پرونده‌ی خبر: `images/hall.jpg` (بخش «تصویرها»).",
    skeleton: () => ["# تصویر اصلی خبر، نسبت به همین پرونده (مانند images/photo.jpg).", "# image: images/photo.jpg"],
  }),
  imageAlt: field(() => z.string({ error: "متن جایگزین تصویر باید متن باشد" }).transform(cleanText).optional(), {
    en: "The lead image's alt text: what the picture shows.",
    fa: "آنچه در تصویر دیده می‌شود، برای کسانی که تصویر را نمی‌بینند.",
    requiredWhen: { en: "with an image", fa: "با تصویر، بله" },
    skeleton: () => ["# متن جایگزین تصویر (لازم اگر تصویر دارید): آنچه در تصویر دیده می‌شود، نه «تصویر» یا نام پرونده.", '# imageAlt: ""'],
  }),
  imageCaption: field(() => z.string({ error: "زیرنویس تصویر (imageCaption) باید متن باشد" }).transform(cleanText).optional(), {
    en: "Caption shown under the lead image.",
    fa: "زیرنویس تصویر، زیر آن نشان داده می‌شود.",
    skeleton: () => ["# زیرنویس تصویر، زیر آن نمایش داده می‌شود.", '# imageCaption: ""'],
  }),
  imageCredit: field(() => z.string({ error: "نام عکاس یا منبع تصویر (imageCredit) باید متن باشد" }).transform(cleanText).optional(), {
    en: "Photographer or source, shown under the lead image.",
    fa: "نام عکاس یا منبع؛ زیر تصویر با «عکس:» می‌آید.",
    skeleton: () => ["# نام عکاس یا منبع تصویر.", '# imageCredit: ""'],
  }),
  draft: field(() => z.boolean({ error: "پیش‌نویس (draft) فقط true یا false می‌پذیرد" }).default(false), {
    en: "`true`: never in `npm run build`; shown in `npm run dev` with a «پیش‌نویس» banner.",
    fa: "`true` یعنی پیش‌نویس: در سایت منتشر نمی‌شود و فقط در پیش‌نمایش (`npm run dev`) با برچسب «پیش‌نویس» دیده می‌شود.",
    skeleton: (s) => ["# پیش‌نویس: با true در سایت منتشر نمی‌شود (در npm run dev با برچسب «پیش‌نویس» دیده می‌شود).", `draft: ${s.draft}`],
  }),
  // Press-release fields (see docs/notes/publishing.md): type, dateline, issuing office, media contact,
  // corrections, withdrawal, attachments and photo gallery. Files are checked later, by the loader.
  type: field(
    (ctx) => {
      const types = ctx.press?.types ?? {};
      const typeByLabel = new Map(Object.entries(types).map(([key, label]) => [label, key]));
      return (
        z
          .string({ error: `نوع خبر (type) باید یکی از این‌ها باشد: ${describeTypes(types)}` })
          .transform(cleanText)
          // The key (`announcement`) or its Persian label (`اطلاعیه`) both name a type.
          .transform((t, issue) => {
            if (Object.hasOwn(types, t)) return t;
            const byLabel = typeByLabel.get(t);
            if (byLabel !== undefined) return byLabel;
            const candidates = Object.entries(types).flatMap(([key, label]) => [key, { text: label, answer: key }]);
            issue.addIssue({
              code: "custom",
              message: `این نوع خبر تعریف نشده است${suggestionClause(t, candidates, `نوع‌های مجاز (در _data/types.json): ${describeTypes(types)}`)}`,
            });
            return z.NEVER;
          })
          .optional()
      );
    },
    {
      en: "A key or label of `types.json` (خبر، اطلاعیه، بیانیه، گزارش تصویری …), shown as a label; default `defaultType`.",
      fa: "نوع خبر، که کنار دسته نشان داده می‌شود: کلید یکی از نوع‌های `content/_data/types.json` (مانند `announcement`) یا برچسب فارسی آن (`اطلاعیه`). اگر ننویسید، `defaultType` در `site.json` به کار می‌رود.",
      skeleton: (s) => [
        `# نوع خبر${s.types.length > 0 ? `؛ یکی از: ${s.types.join("، ")}` : " (نوع‌ها در content/_data/types.json)"}.`,
        `# type: ${s.types[0] ?? "news"}`,
      ],
    },
  ),
  location: field(() => text("محل خبر (location) نباید خالی باشد؛ مانند: location: تهران").optional(), {
    en: "The dateline, shown at the start of the lead: «تهران — …».",
    fa: "محل خبر، که آغاز لید می‌آید: `location: تهران` ← «تهران — …».",
    skeleton: () => ["# محل خبر (پیش از لید می‌آید)، مانند تهران.", "# location: تهران"],
  }),
  from: field(() => text("صادرکننده (from) نباید خالی باشد؛ مانند: from: روابط عمومی مؤسسه").optional(), {
    en: "The issuing office; default the organisation's name.",
    fa: 'صادرکننده‌ی خبر، مانند `from: "دفتر مدیرعامل"`. اگر ننویسید، نام سازمان در `site.json`.',
    skeleton: () => ["# صادرکننده؛ پیش‌فرض، نام سازمان در site.json.", '# from: ""'],
  }),
  // An id from contacts.json, or the contact written out in full for this release alone.
  contact: field(
    (ctx) => {
      const contacts = ctx.press?.contacts ?? {};
      const inlineContact = contactSchema("مسئول تماس این خبر");
      return z
        .unknown()
        .transform((value, issue): string | Contact => {
          if (typeof value === "string") {
            const id = value.trim();
            if (Object.hasOwn(contacts, id)) return id;
            const candidates = Object.entries(contacts).flatMap(([key, c]) => [key, { text: c.name, answer: key }]);
            issue.addIssue({
              code: "custom",
              message: `این مسئول تماس تعریف نشده است${suggestionClause(id, candidates, `شناسه‌های مجاز (در _data/contacts.json): ${describeContacts(contacts)}`)}`,
            });
            return z.NEVER;
          }
          if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const parsed = inlineContact.safeParse(value, PERSIAN_ISSUES);
            if (parsed.success) return parsed.data;
            for (const i of parsed.error.issues) issue.addIssue({ code: "custom", path: i.path, message: i.message });
            return z.NEVER;
          }
          issue.addIssue({
            code: "custom",
            message:
              "مسئول تماس (contact) یا شناسه‌ای از contacts.json است (مانند contact: press-office) یا مشخصات کامل: {name, role, phone, email}",
          });
          return z.NEVER;
        })
        .optional();
    },
    {
      en: "Media contact: an id of `contacts.json`, or inline `{name, role, phone, email}`; default `defaultContact`.",
      fa: 'مسئول تماس برای رسانه‌ها، که پس از متن خبر می‌آید: شناسه‌ای از `content/_data/contacts.json` (مانند `contact: press-office`)، یا فقط برای همین خبر: `contact: {name: "…", role: "…", phone: "…", email: "…"}` (نام و دست‌کم تلفن یا رایانامه لازم است). اگر ننویسید، `defaultContact` در `site.json`.',
      skeleton: (s) => [
        `# مسئول تماس رسانه‌ها${s.contacts.length > 0 ? `؛ یکی از: ${s.contacts.join("، ")}` : " (شناسه‌ای از content/_data/contacts.json)"}.`,
        `# contact: ${s.contacts[0] ?? "press-office"}`,
      ],
    },
  ),
  updates: field(
    (ctx) =>
      listOf(
        closedObject(
          { date: dateField(ctx), note: text("شرح به‌روزرسانی (note) لازم است: چه چیزی تغییر کرد") },
          "هر به‌روزرسانی",
          '{date: "1404-03-28 14:30", note: "مهلت تمدید شد"}',
        ),
        "به‌روزرسانی‌ها (updates)",
        'updates:\n  - date: "1404-03-28 14:30"\n    note: "مهلت ارسال آثار تا ۱۵ تیر تمدید شد."',
      ).optional(),
    {
      en: "Public correction history: a list of `{date, note}`, shown under «به‌روزرسانی‌ها»; sets `dateModified`.",
      fa: "فهرست اصلاح‌ها: هر مورد `date` (با همان قالب‌های `date`، نه پیش از آن) و `note` (چه چیزی تغییر کرد).",
      skeleton: (s) => [
        "# تاریخچه‌ی اصلاح‌ها، برای خوانندگان نمایش داده می‌شود.",
        "# updates:",
        `#   - date: ${yamlString(s.date)}`,
        `#     note: ${yamlString(SKELETON_TEXTS.updateNote)}`,
      ],
    },
  ),
  withdrawn: field(
    (ctx) =>
      closedObject(
        {
          date: z
            .unknown()
            .refine((v) => v !== undefined && v !== null && v !== "", { error: "تاریخ برداشتن خبر (date) لازم است", abort: true })
            .pipe(dateField(ctx)),
          reason: text("دلیل برداشتن خبر (reason) لازم است: خوانندگان باید بدانند چرا این خبر دیگر معتبر نیست"),
        },
        "برداشتن خبر (withdrawn)",
        'withdrawn: {date: "1404-03-01", reason: "برنامه لغو شد"}',
      ).optional(),
    {
      en: "`{date, reason}`: the page stays, with a withdrawal notice and `noindex`; it leaves every list, feed, sitemap and search.",
      fa: "برداشتن خبر: `{date, reason}`؛ هر دو لازم.",
      skeleton: (s) => [
        "# برداشتن خبر: صفحه با اطلاعیه‌ی برداشتن می‌ماند و از فهرست‌ها بیرون می‌رود.",
        "# withdrawn:",
        `#   date: ${yamlString(s.date)}`,
        `#   reason: ${yamlString(SKELETON_TEXTS.withdrawnReason)}`,
      ],
    },
  ),
  attachments: field(
    () =>
      listOf(
        closedObject(
          { file: fileField("پیوست"), title: text("عنوان پیوست (title) لازم است؛ آنچه خواننده پیش از بارگیری می‌بیند") },
          "هر پیوست",
          '{file: files/report.pdf, title: "گزارش کامل"}',
        ),
        "پیوست‌ها (attachments)",
        'attachments:\n  - file: files/report.pdf\n    title: "گزارش کامل"',
      ).optional(),
    {
      en: "A list of `{file, title}`, copied to the site and listed with kind and size in Persian.",
      fa: "پیوست‌ها: فهرستی از `{file, title}`؛ نشانی پرونده نسبت به همین خبر، مانند `image`. زیر «پیوست‌ها» با نوع (PDF، Word، Excel…) و اندازه به فارسی («۲٫۴ مگابایت») فهرست می‌شوند.",
      skeleton: () => [
        "# پیوست‌ها: پرونده‌ها نسبت به همین پرونده‌ی خبر.",
        "# attachments:",
        "#   - file: files/report.pdf",
        '#     title: "گزارش کامل"',
      ],
    },
  ),
  gallery: field(
    () =>
      listOf(
        closedObject(
          {
            file: fileField("تصویر"),
            alt: text("متن جایگزین تصویر (alt) لازم است: آنچه در تصویر دیده می‌شود"),
            caption: z.string({ error: "زیرنویس تصویر (caption) باید متن باشد" }).transform(cleanText).optional(),
          },
          "هر تصویر نگارخانه",
          '{file: images/1.jpg, alt: "…", caption: "…"}',
        ),
        "نگارخانه (gallery)",
        'gallery:\n  - file: images/1.jpg\n    alt: "کودکان در کارگاه عروسک‌سازی"\n    caption: "کارگاه عروسک‌سازی"',
      ).optional(),
    {
      en: "A list of `{file, alt, caption}`, shown as a no-JavaScript grid of responsive thumbnails.",
      fa: "نگارخانه: فهرستی از `{file, alt, caption}`؛ `alt` (آنچه در عکس دیده می‌شود) لازم و `caption` (زیرنویس) دلخواه است. عکس‌ها در جدولی کنار هم می‌آیند و هر کدام به اندازه‌ی کاملش پیوند دارد.",
      skeleton: () => [
        "# نگارخانه‌ی تصویرها.",
        "# gallery:",
        "#   - file: images/1.jpg",
        `#     alt: ${yamlString(SKELETON_TEXTS.imageAlt)}`,
        '#     caption: ""',
      ],
    },
  ),
};

export type ReleaseField = keyof typeof FIELDS;
/** The zod shape `FIELDS` builds for one site. */
type ReleaseShape = { [K in ReleaseField]: ReturnType<(typeof FIELDS)[K]["type"]> };

/** Field names as authors write them, in the order the docs list them (for "unknown field / did you mean"). */
export const RELEASE_FIELDS = Object.keys(FIELDS) as readonly ReleaseField[];

/** Each field's docs, in `RELEASE_FIELDS` order. */
export const FIELD_DOCS: Readonly<Record<ReleaseField, FieldDoc>> = Object.fromEntries(
  RELEASE_FIELDS.map((name) => [name, FIELDS[name].doc]),
) as Record<ReleaseField, FieldDoc>;

/** Whether the schema rejects a release without the field (decided by the zod type itself, for the docs tables). */
export function isRequiredField(name: ReleaseField): boolean {
  return !FIELDS[name].type({ timeZone: "UTC", categories: {} }).safeParse(undefined).success;
}

/** One field's zod type for one site (the web editor checks the form's values with it: lib/editor/). */
export function fieldType(name: ReleaseField, ctx: SchemaContext): z.ZodType {
  return FIELDS[name].type(ctx);
}

export function releaseSchema(ctx: SchemaContext) {
  const shape = {} as Record<ReleaseField, z.ZodType>;
  for (const name of RELEASE_FIELDS) shape[name] = FIELDS[name].type(ctx);
  return z
    .strictObject(shape as ReleaseShape, {
      error: (i) => (i.code === "unrecognized_keys" ? undefined : "سرآغاز (front matter) باید فهرستی از فیلدها باشد"),
    })
    .superRefine((r, issue) => {
      if (r.updated !== undefined && r.updated.instant < r.date.instant) {
        issue.addIssue({ code: "custom", path: ["updated"], message: "تاریخ به‌روزرسانی نمی‌تواند پیش از تاریخ انتشار (date) باشد" });
      }
      r.updates?.forEach((u, i) => {
        if (u.date.instant < r.date.instant) {
          issue.addIssue({
            code: "custom",
            path: ["updates", i, "date"],
            message: `تاریخ به‌روزرسانی ${i + 1} نمی‌تواند پیش از تاریخ انتشار (date) باشد`,
          });
        }
      });
      if (r.withdrawn !== undefined && r.withdrawn.date.instant < r.date.instant) {
        issue.addIssue({
          code: "custom",
          path: ["withdrawn", "date"],
          message: "تاریخ برداشتن خبر نمی‌تواند پیش از تاریخ انتشار (date) باشد",
        });
      }
    });
}

/**
 * Checks between fields that must run even when other fields are invalid (zod skips object-level
 * refinements once a field has failed, and every problem has to be reported in one run).
 */
export function crossFieldIssues(data: Record<string, unknown>): { field: ReleaseField; at?: ReleaseField; message: string }[] {
  const issues: { field: ReleaseField; at?: ReleaseField; message: string }[] = [];
  const alt = data.imageAlt;
  if (data.image !== undefined && data.image !== null && (typeof alt !== "string" || alt.trim() === "")) {
    issues.push({
      field: "imageAlt",
      // A missing alt points at the image it belongs to (where it is to be added); an empty one at itself.
      ...(alt === undefined || alt === null ? { at: "image" as const } : {}),
      message: "وقتی تصویر (image) دارید، متن جایگزین آن (imageAlt) لازم است: آنچه در تصویر دیده می‌شود",
    });
  }
  return issues;
}

/** A release's front matter as the schema outputs it: the one type of the parsed fields. */
export type ReleaseData = z.output<ReturnType<typeof releaseSchema>>;
