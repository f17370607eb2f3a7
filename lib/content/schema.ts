/**
 * The release front-matter schema: the single source of truth for which fields exist, their types,
 * and the Persian message an author sees when one is wrong. Everything downstream uses `ReleaseData`.
 */
import { z } from "zod";
import { DATE_FORMS_HELP, parseReleaseDate, type ReleaseDate } from "../dates/jalali.ts";
import { cleanText } from "../text/persian.ts";
import { contactSchema, describeContacts, describeTypes, type Contact, type PressData } from "./press.ts";
import type { Categories } from "./site-data.ts";

export interface SchemaContext {
  timeZone: string;
  categories: Categories;
  /** Release types and media contacts (`_data/types.json`, `_data/contacts.json`); none if absent. */
  press?: PressData;
}

/** Field names as authors write them, in the order the docs list them. */
export const RELEASE_FIELDS = [
  "title",
  "date",
  "category",
  "tags",
  "summary",
  "slug",
  "updated",
  "image",
  "imageAlt",
  "imageCaption",
  "imageCredit",
  "draft",
  "type",
  "location",
  "from",
  "contact",
  "updates",
  "withdrawn",
  "attachments",
  "gallery",
] as const;

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

export function releaseSchema(ctx: SchemaContext) {
  const categoryKeys = Object.keys(ctx.categories);
  return z
    .strictObject(
      {
        title: text("عنوان لازم است؛ مانند: title: \"برگزاری جشنواره‌ی تئاتر کودک\""),
        date: z
          .unknown()
          .refine((v) => v !== undefined && v !== null && v !== "", { error: `تاریخ لازم است؛ ${DATE_FORMS_HELP}`, abort: true })
          .pipe(dateField(ctx)),
        category: z
          .string({ error: `دسته لازم است؛ یکی از: ${categoryKeys.join("، ")}` })
          .refine((c) => Object.hasOwn(ctx.categories, c), {
            error: `این دسته تعریف نشده است؛ دسته‌های مجاز (در content/_data/categories.json): ${categoryKeys.join("، ")}`,
          }),
        tags: z
          .union([z.string(), z.array(z.union([z.string(), z.number()]))], {
            error: "برچسب‌ها باید فهرستی از واژه‌ها باشند؛ مانند: tags: [تئاتر, کودک]",
          })
          .transform((t) => (Array.isArray(t) ? t : [t]).map((x) => cleanText(String(x))))
          .refine((t) => t.every((x) => x !== ""), { error: "برچسب خالی مجاز نیست" })
          .default([]),
        summary: z.string({ error: "خلاصه باید متن باشد" }).transform(cleanText).optional(),
        slug: z
          .string({ error: "نامک (slug) باید متن باشد" })
          .trim()
          .refine((s) => /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u.test(s), {
            error: "نامک فقط حرف، رقم و خط تیره (-) می‌پذیرد، بی‌فاصله؛ مانند: nowruz-concert یا کنسرت-نوروزی",
          })
          .optional(),
        updated: dateField(ctx).optional(),
        image: z.string({ error: "تصویر باید نشانی یک پرونده باشد" }).trim().min(1).optional(),
        imageAlt: z.string({ error: "متن جایگزین تصویر باید متن باشد" }).transform(cleanText).optional(),
        imageCaption: z.string({ error: "زیرنویس تصویر (imageCaption) باید متن باشد" }).transform(cleanText).optional(),
        imageCredit: z.string({ error: "نام عکاس یا منبع تصویر (imageCredit) باید متن باشد" }).transform(cleanText).optional(),
        draft: z.boolean({ error: "پیش‌نویس (draft) فقط true یا false می‌پذیرد" }).default(false),
        ...pressReleaseFields(ctx),
      },
      { error: (i) => (i.code === "unrecognized_keys" ? undefined : "سرآغاز (front matter) باید فهرستی از فیلدها باشد") },
    )
    .superRefine((r, issue) => {
      if (r.updated !== undefined && r.updated.instant < r.date.instant) {
        issue.addIssue({ code: "custom", path: ["updated"], message: "تاریخ به‌روزرسانی نمی‌تواند پیش از تاریخ انتشار (date) باشد" });
      }
      r.updates?.forEach((u, i) => {
        if (u.date.instant < r.date.instant) {
          issue.addIssue({ code: "custom", path: ["updates", i, "date"], message: `تاریخ به‌روزرسانی ${i + 1} نمی‌تواند پیش از تاریخ انتشار (date) باشد` });
        }
      });
      if (r.withdrawn !== undefined && r.withdrawn.date.instant < r.date.instant) {
        issue.addIssue({ code: "custom", path: ["withdrawn", "date"], message: "تاریخ برداشتن خبر نمی‌تواند پیش از تاریخ انتشار (date) باشد" });
      }
    });
}

/** A nested object whose unknown keys are named in Persian with the keys it does allow. */
function closedObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, what: string, example: string) {
  const allowed = Object.keys(shape).join("، ");
  return z.strictObject(shape, {
    error: (i) =>
      i.code === "unrecognized_keys"
        ? `کلید ${i.keys.map((k) => `«${k}»`).join(" و ")} در ${what} شناخته نشد؛ کلیدهای مجاز: ${allowed}`
        : `${what} باید فهرستی از ${allowed} باشد؛ مانند: ${example}`,
  });
}

const fileField = (what: string) =>
  z
    .string({ error: `نشانی پرونده‌ی ${what} (file) لازم است؛ نسبت به همین پرونده‌ی خبر، مانند: files/report.pdf` })
    .trim()
    .min(1, { error: `نشانی پرونده‌ی ${what} (file) نباید خالی باشد` });

/**
 * Press-release fields (see docs/notes/publishing.md): type, dateline, issuing office, media contact,
 * corrections, withdrawal, attachments and photo gallery. Files are checked later, by the loader.
 */
function pressReleaseFields(ctx: SchemaContext) {
  const types = ctx.press?.types ?? {};
  const contacts = ctx.press?.contacts ?? {};
  const inlineContact = contactSchema("مسئول تماس این خبر");
  const typeByLabel = new Map(Object.entries(types).map(([key, label]) => [label, key]));
  const listOf = <T extends z.ZodType>(item: T, what: string, example: string) =>
    z.array(item, { error: `${what} باید فهرستی باشد، هر مورد در یک خط که با «- » شروع می‌شود؛ مانند:\n${example}` });
  return {
    type: z
      .string({ error: `نوع خبر (type) باید یکی از این‌ها باشد: ${describeTypes(types)}` })
      .transform(cleanText)
      // The key (`announcement`) or its Persian label (`اطلاعیه`) both name a type.
      .transform((t, issue) => {
        if (Object.hasOwn(types, t)) return t;
        const byLabel = typeByLabel.get(t);
        if (byLabel !== undefined) return byLabel;
        issue.addIssue({ code: "custom", message: `این نوع خبر تعریف نشده است؛ نوع‌های مجاز (در content/_data/types.json): ${describeTypes(types)}` });
        return z.NEVER;
      })
      .optional(),
    location: text("محل خبر (location) نباید خالی باشد؛ مانند: location: تهران").optional(),
    from: text("صادرکننده (from) نباید خالی باشد؛ مانند: from: روابط عمومی مؤسسه").optional(),
    // An id from contacts.json, or the contact written out in full for this release alone.
    contact: z
      .unknown()
      .transform((value, issue): string | Contact => {
        if (typeof value === "string") {
          const id = value.trim();
          if (Object.hasOwn(contacts, id)) return id;
          issue.addIssue({ code: "custom", message: `این مسئول تماس تعریف نشده است؛ شناسه‌های مجاز (در content/_data/contacts.json): ${describeContacts(contacts)}` });
          return z.NEVER;
        }
        if (value !== null && typeof value === "object" && !Array.isArray(value)) {
          const parsed = inlineContact.safeParse(value);
          if (parsed.success) return parsed.data;
          for (const i of parsed.error.issues) issue.addIssue({ code: "custom", path: i.path, message: i.message });
          return z.NEVER;
        }
        issue.addIssue({ code: "custom", message: "مسئول تماس (contact) یا شناسه‌ای از contacts.json است (مانند contact: press-office) یا مشخصات کامل: {name, role, phone, email}" });
        return z.NEVER;
      })
      .optional(),
    updates: listOf(
      closedObject({ date: dateField(ctx), note: text("شرح به‌روزرسانی (note) لازم است: چه چیزی تغییر کرد") }, "هر به‌روزرسانی", "{date: \"1404-03-28 14:30\", note: \"مهلت تمدید شد\"}"),
      "به‌روزرسانی‌ها (updates)",
      "updates:\n  - date: \"1404-03-28 14:30\"\n    note: \"مهلت ارسال آثار تا ۱۵ تیر تمدید شد.\"",
    ).optional(),
    withdrawn: closedObject(
      {
        date: z
          .unknown()
          .refine((v) => v !== undefined && v !== null && v !== "", { error: "تاریخ برداشتن خبر (date) لازم است", abort: true })
          .pipe(dateField(ctx)),
        reason: text("دلیل برداشتن خبر (reason) لازم است: خوانندگان باید بدانند چرا این خبر دیگر معتبر نیست"),
      },
      "برداشتن خبر (withdrawn)",
      "withdrawn: {date: \"1404-03-01\", reason: \"برنامه لغو شد\"}",
    ).optional(),
    attachments: listOf(
      closedObject({ file: fileField("پیوست"), title: text("عنوان پیوست (title) لازم است؛ آنچه خواننده پیش از بارگیری می‌بیند") }, "هر پیوست", "{file: files/report.pdf, title: \"گزارش کامل\"}"),
      "پیوست‌ها (attachments)",
      "attachments:\n  - file: files/report.pdf\n    title: \"گزارش کامل\"",
    ).optional(),
    gallery: listOf(
      closedObject(
        {
          file: fileField("تصویر"),
          alt: text("متن جایگزین تصویر (alt) لازم است: آنچه در تصویر دیده می‌شود"),
          caption: z.string({ error: "زیرنویس تصویر (caption) باید متن باشد" }).transform(cleanText).optional(),
        },
        "هر تصویر نگارخانه",
        "{file: images/1.jpg, alt: \"…\", caption: \"…\"}",
      ),
      "نگارخانه (gallery)",
      "gallery:\n  - file: images/1.jpg\n    alt: \"کودکان در کارگاه عروسک‌سازی\"\n    caption: \"کارگاه عروسک‌سازی\"",
    ).optional(),
  };
}

/**
 * Checks between fields that must run even when other fields are invalid (zod skips object-level
 * refinements once a field has failed, and every problem has to be reported in one run).
 */
export function crossFieldIssues(data: Record<string, unknown>): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const alt = data.imageAlt;
  if (data.image !== undefined && data.image !== null && (typeof alt !== "string" || alt.trim() === "")) {
    issues.push({ field: "imageAlt", message: "وقتی تصویر (image) دارید، متن جایگزین آن (imageAlt) لازم است: آنچه در تصویر دیده می‌شود" });
  }
  return issues;
}

export type ReleaseData = z.output<ReturnType<typeof releaseSchema>>;
