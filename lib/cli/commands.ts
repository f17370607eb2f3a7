/**
 * Every Chapar command's flags, declared once with their Persian help: the scripts parse their
 * arguments from here (lib/cli/args.ts), and the `chapar` bin lists the author's commands from here.
 */
import type { CommandSpec, FlagSpecs } from "./args.ts";

const command = <Flags extends FlagSpecs>(spec: CommandSpec<Flags>): CommandSpec<Flags> => spec;

/** The preview server's flags, shared by `dev` and `edit` (lib/dev/command.ts reads them). */
export const PREVIEW_FLAGS = {
  port: { type: "string", value: "درگاه", help: "درگاه (پیش‌فرض: CHAPAR_PORT یا 8080؛ اگر گرفته باشد، درگاه آزاد بعدی)" },
  host: { type: "string", value: "میزبان", help: "نشانی شنیدن (پیش‌فرض: CHAPAR_HOST یا localhost)" },
} as const satisfies FlagSpecs;

export const NEW_COMMAND = command({
  name: "new",
  bin: true,
  summary: "خبر تازه‌ای با تاریخ امروز و اسکلت فیلدها می‌سازد (پرونده‌ی موجود را هرگز بازنویسی نمی‌کند).",
  positionals: { name: "عنوان خبر", help: "عنوان، که نام پرونده هم از آن ساخته می‌شود" },
  flags: {
    category: { type: "string", value: "کلید", help: "دسته (از content/_data/categories.json)" },
    tags: { type: "string", value: '"الف،ب"', help: "برچسب‌ها، جداشده با ویرگول" },
    slug: { type: "string", value: "نامک", help: "نامک نشانی و نام پرونده (پیش‌فرض: از روی عنوان)" },
    date: { type: "string", value: "تاریخ", help: 'تاریخ انتشار، مانند 1404-09-10 یا "1404-09-10 09:30" (پیش‌فرض: اکنون)' },
    draft: { type: "boolean", help: "پیش‌نویس (منتشر نمی‌شود)" },
  },
});

export const CHECK_COMMAND = command({
  name: "check",
  bin: true,
  summary: "همه‌ی محتوا را بی‌ساختن سایت بررسی می‌کند و همه‌ی خطاها و هشدارها را یک‌جا نشان می‌دهد.",
  flags: {
    fix: { type: "boolean", help: "اصلاح‌های بی‌خطر نگارشی را در پرونده‌ها انجام می‌دهد و تغییرها را نشان می‌دهد" },
    typography: {
      type: "string",
      value: "warning|error|off",
      help: "سطح بررسی نگارش فارسی (پیش‌فرض: typographyLint در site.json، یا warning)",
    },
  },
});

export const BUILD_COMMAND = command({
  name: "build",
  bin: true,
  summary: "محتوا را بررسی می‌کند و سایت را در dist/ می‌سازد؛ ساخت ناموفق خروجی قبلی را دست نمی‌زند.",
  flags: {
    // Read by the build's "nothing would be published" check (issue 14).
    "allow-empty": { type: "boolean", help: "ساخت را حتی اگر هیچ خبری منتشر نشود انجام می‌دهد" },
  },
});

export const DEV_COMMAND = command({
  name: "dev",
  bin: true,
  summary: "پیش‌نمایش محلی با بارگذاری خودکار؛ پیش‌نویس‌ها و خبرهای زمان‌بندی‌شده با برچسب دیده می‌شوند.",
  flags: PREVIEW_FLAGS,
});

export const EDIT_COMMAND = command({
  name: "edit",
  summary: "ویرایشگر خبرها در مرورگر (/admin/) روی همین رایانه، با پیش‌نمایش؛ پرونده‌های پوشه‌ی محتوا را مستقیم می‌نویسد.",
  flags: PREVIEW_FLAGS,
});

export const BENCH_COMMAND = command({
  name: "bench",
  summary: "سنجش سرعت ساخت در برابر Hugo و کف، و تأخیر پیش‌نمایش؛ جدول را در BENCHMARKS.md می‌نویسد.",
  flags: {
    sizes: { type: "string", value: "1000,10000", help: "اندازه‌های پیکره (شمار خبرها)" },
    runs: { type: "string", value: "شمار", help: "شمار اجرا برای هر اندازه (پیش‌فرض: 5)" },
    "skip-hugo": { type: "boolean", help: "بی‌ستون Hugo، حتی اگر نصب باشد" },
    quick: { type: "boolean", help: "1000 خبر، 3 اجرا، بی‌نوشتن پرونده" },
    dev: { type: "boolean", negatable: true, help: "بی‌سنجش تأخیر پیش‌نمایش" },
    write: { type: "boolean", negatable: true, help: "فقط چاپ، بی‌نوشتن BENCHMARKS.md" },
    large: { type: "boolean", help: "و 50000 خبر (فقط ساخت سرد با جست‌وجو)" },
  },
});

export const AUDIT_COMMAND = command({
  name: "audit",
  summary: "Lighthouse روی سایت نمونه‌ی ساخته‌شده، چنان‌که یک گوشی می‌بیند.",
  flags: {
    runs: { type: "string", value: "شمار", help: "شمار اجرا برای هر صفحه (پیش‌فرض: 3)" },
    write: { type: "boolean", negatable: true, help: "فقط چاپ، بی‌نوشتن BENCHMARKS.md" },
  },
});

export const SCREENSHOTS_COMMAND = command({
  name: "screenshots",
  summary: "عکس صفحه‌ی خانه، یک خبر و بایگانی سایت نمونه در پهنای ۳۹۰ و ۱۲۸۰ پیکسل (docs/screenshots/).",
  flags: {
    label: { type: "string", value: "نام", help: "پیشوند نام پرونده‌ها، مانند before یا after (پیش‌فرض: after)" },
  },
});

export const GEN_CORPUS_COMMAND = command({
  name: "gen-corpus",
  summary: "پیکره‌ی ساختگی خبرهای فارسی برای سنجش می‌سازد.",
  flags: {
    count: { type: "string", value: "شمار", help: "شمار خبرها (پیش‌فرض: 1000)" },
    out: { type: "string", value: "پوشه", help: "پوشه‌ی خروجی (پیش‌فرض: corpus-<شمار>)" },
    seed: { type: "string", value: "عدد", help: "بذر تصادفی" },
  },
});

/** The author's commands the `chapar` bin runs, in the order its help lists them. */
export const BIN_COMMANDS = [NEW_COMMAND, CHECK_COMMAND, BUILD_COMMAND, DEV_COMMAND] as const;
