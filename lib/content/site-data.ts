/**
 * The office's settings (`content/_data/site.json`) and categories (`content/_data/categories.json`):
 * schemas, defaults and Persian messages. Another office adapts Chapar by editing these files alone.
 */
import { z } from "zod";
import { isValidTimeZone } from "../dates/jalali.ts";
import { HEX_COLOUR } from "./brand-colours.ts";
import { defaultLocaleCode, isLocaleCode, locales } from "../locale/index.ts";

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} باید متن باشد` })
    .trim()
    .min(1, { error: `${what} نباید خالی باشد` });

const optionalText = (what: string) => z.string({ error: `${what} باید متن باشد` }).optional();

export const organizationSchema = z.object(
  {
    name: nonEmpty("نام سازمان"),
    /** Short "about" text shown in the footer. */
    about: optionalText("معرفی سازمان (about)"),
    address: optionalText("نشانی سازمان (address)"),
    phone: optionalText('تلفن سازمان (phone)؛ میان گیومه، مانند "021-66461234"،'),
    email: optionalText("رایانامه‌ی سازمان (email)"),
    /** Path of the logo, relative to the content folder. */
    logo: optionalText("نشان سازمان (logo) نشانی یک پرونده است و"),
  },
  { error: 'مشخصات سازمان (organization) لازم است؛ مانند "organization": {"name": "روابط عمومی مؤسسه"}' },
);

/** A whole-number setting between `min` and `max`, with its Persian messages made from its label. */
function wholeNumber(label: string, { min, max, fallback }: { min: number; max: number; fallback: number }) {
  return z
    .number({ error: `${label} باید عدد باشد، مانند ${fallback}` })
    .int({ error: `${label} باید عدد صحیح باشد` })
    .min(min, { error: min === 0 ? `${label} نمی‌تواند منفی باشد` : `${label} دست‌کم ${min} است` })
    .max(max, { error: `${label} حداکثر ${max} است` })
    .default(fallback);
}

/**
 * `site.json`'s `"editor"`: the git host the built site's `/admin/` saves to; absent, only `npm run edit`
 * has the editor (local mode needs no host); `false`: no editor at all.
 */
export const editorSettingsSchema = z
  .union(
    [
      z.literal(false),
      z.strictObject({
        backend: z.enum(["github", "gitlab", "gitea"]).default("github"),
        /** `owner/name` of the site's repository on the host. */
        repo: z.string().trim().default(""),
        branch: z.string().trim().min(1).default("main"),
        /** Where the site's content folder sits in the repository (usually `content`). */
        contentFolder: z.string().trim().default("content"),
        /** Each draft a branch and a pull request (draft → in review → ready); `false`: saving publishes. */
        editorialWorkflow: z.boolean().default(true),
        /** An OAuth proxy for GitHub or a self-hosted Gitea/GitLab (docs/editor.md). */
        baseUrl: z.string().trim().optional(),
        authEndpoint: z.string().trim().optional(),
        apiRoot: z.string().trim().optional(),
        appId: z.string().trim().optional(),
      }),
    ],
    {
      error:
        'ویرایشگر (editor) یا false است یا {"backend": "github" | "gitlab" | "gitea", "repo": "owner/name", "branch": "main"}؛ راهنما: docs/editor.md',
    },
  )
  .optional();

export type EditorSettings = z.infer<typeof editorSettingsSchema>;

/** An optional `#rgb` / `#rrggbb` colour setting, with its Persian message made from its label. */
function hexColour(label: string, example: string) {
  return z
    .string({ error: `${label} باید متن باشد، مانند "${example}"` })
    .trim()
    .regex(HEX_COLOUR, { error: `${label} رنگی به شکل #rrggbb است، مانند "${example}"` })
    .transform((c) => c.toLowerCase())
    .optional();
}

export const siteSchema = z.object(
  {
    name: nonEmpty("نام سایت"),
    description: z.string({ error: "توضیح سایت (description) باید متن باشد" }).default(""),
    /** Absolute URL the site is served from; its path is the base path (e.g. `https://example.ir/press/`). */
    url: z.string({ error: "نشانی سایت (url) باید متن باشد" }).refine((u) => /^https?:\/\/[^/]+/.test(u), {
      error: "نشانی سایت (url) باید با http:// یا https:// شروع شود، مانند https://example.ir/",
    }),
    timeZone: z
      .string({ error: 'منطقه‌ی زمانی (timeZone) باید متن باشد، مانند "Asia/Tehran"' })
      .default("Asia/Tehran")
      .refine(isValidTimeZone, { error: "منطقه‌ی زمانی شناخته نشد؛ مانند Asia/Tehran" }),
    /** Language of the site's interface, dates and digits: a key of lib/locale/index.ts (`"fa"`, the default). */
    locale: z
      .string({ error: 'زبان سایت (locale) باید متن باشد، مانند "fa"' })
      .default(defaultLocaleCode)
      .refine(isLocaleCode, {
        error: (issue) => `زبان سایت (locale) «${String(issue.input)}» شناخته نشد؛ زبان‌های موجود: ${Object.keys(locales).join("، ")}`,
      }),
    pageSize: wholeNumber("اندازه‌ی صفحه (pageSize)", { min: 1, max: 100, fallback: 10 }),
    /** How many related releases of the same category a release page lists. */
    relatedCount: wholeNumber("شمار خبرهای مرتبط (relatedCount)", { min: 0, max: 20, fallback: 3 }),
    /** Latin digits in Persian prose shown as Persian digits. */
    persianDigits: z.boolean({ error: "رقم‌های فارسی (persianDigits) فقط true یا false می‌پذیرد" }).default(true),
    /**
     * What the Persian typography lint's findings are for `npm run check` and `npm run build`:
     * `"warning"` (default: reported, never stops a build), `"error"` (a finding stops the build) or `"off"`.
     */
    typographyLint: z
      .enum(["warning", "error", "off"], { error: 'سطح بررسی نگارش (typographyLint) یکی از "warning"، "error" یا "off" است' })
      .default("warning"),
    /** Type key (from `_data/types.json`) of releases that don't name one; none if absent. */
    defaultType: z.string({ error: 'نوع پیش‌فرض (defaultType) باید کلید یکی از نوع‌های types.json باشد، مانند "news"' }).trim().optional(),
    /** Contact id (from `_data/contacts.json`) shown on releases that don't name one; none if absent. */
    defaultContact: z
      .string({ error: 'مسئول تماس پیش‌فرض (defaultContact) باید شناسه‌ای از contacts.json باشد، مانند "press-office"' })
      .trim()
      .optional(),
    organization: organizationSchema,
    /** The web editor at `/admin/` (lib/editor/config.ts, docs/editor.md): `false` builds none. */
    editor: editorSettingsSchema,
    /** The office's colour for links, buttons and the focus ring on the light page (`#0b5c6b`); Chapar's own if absent. Contrast: lib/content/brand-colours.ts. */
    accentColor: hexColour("رنگ اصلی سایت (accentColor)", "#0b5c6b"),
    /** The same for the dark colour scheme (`#7cc7d4`): a lighter shade of the office's colour. */
    accentColorDark: hexColour("رنگ اصلی سایت در حالت تیره (accentColorDark)", "#7cc7d4"),
  },
  {
    error:
      'site.json باید مجموعه‌ای از «کلید: مقدار» میان {…} باشد؛ مانند {"name": "…", "url": "https://…/", "organization": {"name": "…"}}',
  },
);

export type SiteSettings = z.infer<typeof siteSchema>;

export const categorySchema = z.object(
  {
    name: nonEmpty("نام دسته"),
    description: z.string({ error: "توضیح دسته (description) باید متن باشد" }).default(""),
  },
  { error: 'هر دسته باید مجموعه‌ای از name و description باشد؛ مانند "culture": {"name": "فرهنگی", "description": "…"}' },
);

export const categoriesSchema = z
  .record(z.string(), categorySchema, {
    error: 'categories.json باید مجموعه‌ای از «کلید: دسته» میان {…} باشد؛ مانند {"culture": {"name": "فرهنگی"}}',
  })
  .refine((o) => Object.keys(o).length > 0, { error: "دست‌کم یک دسته لازم است" })
  .superRefine((o, ctx) => {
    for (const key of Object.keys(o)) {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `کلید دسته «${key}» فقط می‌تواند حروف کوچک لاتین، رقم و خط تیره داشته باشد (مانند culture)`,
        });
      }
    }
  });

export type Category = z.infer<typeof categorySchema>;
export type Categories = Record<string, Category>;
