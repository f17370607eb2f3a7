/**
 * `npm run new -- "عنوان خبر" [--category culture] [--tags "تئاتر,کودک"] [--slug name] [--date 1404-09-10] [--draft]`:
 * creates `releases/<Jalali year>/<slug>.md` in the content folder (`CHAPAR_CONTENT`) with today's
 * date and time in the site's zone and a commented front matter skeleton. Never overwrites a file.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { createRelease } from "../lib/content/new-release.ts";
import { chaparSettingsOrExit } from "../lib/site/settings.ts";

const USAGE = `به‌کارگیری: npm run new -- "عنوان خبر" [گزینه‌ها]
  --category کلید    دسته (از content/_data/categories.json)
  --tags "الف,ب"     برچسب‌ها، جداشده با ویرگول
  --slug نامک        نامک نشانی و نام پرونده (پیش‌فرض: از روی عنوان)
  --date تاریخ       تاریخ انتشار، مانند 1404-09-10 یا "1404-09-10 09:30" (پیش‌فرض: اکنون)
  --draft            پیش‌نویس (منتشر نمی‌شود)`;

/** The command line: options and the title; a wrong option ends the command with the usage. */
function readArgs() {
  try {
    return parseArgs({
      options: {
        category: { type: "string" },
        tags: { type: "string" },
        slug: { type: "string" },
        date: { type: "string" },
        draft: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
const { values, positionals } = readArgs();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const { contentDir, now } = chaparSettingsOrExit();
const result = createRelease({
  contentDir,
  title: positionals.join(" "),
  now,
  draft: values.draft,
  ...(values.category !== undefined ? { category: values.category } : {}),
  ...(values.tags !== undefined ? { tags: values.tags.split(/[,،]/) } : {}),
  ...(values.slug !== undefined ? { slug: values.slug } : {}),
  ...(values.date !== undefined ? { date: values.date } : {}),
});
if (!result.ok) {
  console.error(result.message);
  if (positionals.length === 0) console.error(`\n${USAGE}`);
  process.exit(1);
}
console.log(`خبر تازه ساخته شد: ${path.relative(process.cwd(), result.absolute) || result.absolute}`);
if (result.categoryChosen)
  console.log(`دسته «${result.category}» گذاشته شد؛ برای دسته‌ی دیگر، فیلد category را در پرونده عوض کنید یا --category بدهید.`);
console.log("پس از نوشتن متن، با «npm run check» آن را بررسی کنید.");
