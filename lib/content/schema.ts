/**
 * The release front-matter schema: the single source of truth for which fields exist, their types,
 * and the Persian message an author sees when one is wrong. Everything downstream uses `ReleaseData`.
 */
import { z } from "zod";
import { DATE_FORMS_HELP, parseReleaseDate, type ReleaseDate } from "../dates/jalali.ts";
import { cleanText } from "../text/persian.ts";
import type { Categories } from "./site-data.ts";

export interface SchemaContext {
  timeZone: string;
  categories: Categories;
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
  "draft",
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
        draft: z.boolean({ error: "پیش‌نویس (draft) فقط true یا false می‌پذیرد" }).default(false),
      },
      { error: (i) => (i.code === "unrecognized_keys" ? undefined : "سرآغاز (front matter) باید فهرستی از فیلدها باشد") },
    )
    .superRefine((r, issue) => {
      if (r.updated !== undefined && r.updated.instant < r.date.instant) {
        issue.addIssue({ code: "custom", path: ["updated"], message: "تاریخ به‌روزرسانی نمی‌تواند پیش از تاریخ انتشار (date) باشد" });
      }
    });
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
