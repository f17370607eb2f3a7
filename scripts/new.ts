/**
 * `npm run new -- "عنوان خبر" [--category culture] [--tags "تئاتر,کودک"] [--slug name] [--date 1404-09-10] [--draft]`
 * (or `npx chapar new …`):
 * creates `releases/<Jalali year>/<slug>.md` in the content folder (`CHAPAR_CONTENT`) with today's
 * date and time in the site's zone and a commented front matter skeleton. Never overwrites a file.
 */
import path from "node:path";
import { readCommandArgs, commandUsage } from "../lib/cli/args.ts";
import { NEW_COMMAND } from "../lib/cli/commands.ts";
import { createRelease } from "../lib/content/new-release.ts";
import { chaparSettingsOrExit } from "../lib/site/settings.ts";

// Flags npm took for itself (`npm run new "…" --draft`, without `--`) are read from npm or refused (lib/cli/args.ts).
const { values, positionals } = readCommandArgs(NEW_COMMAND);

const { contentDir, now } = chaparSettingsOrExit();
const result = createRelease({
  contentDir,
  title: positionals.join(" "),
  now,
  draft: values.draft ?? false,
  ...(values.category !== undefined ? { category: values.category } : {}),
  ...(values.tags !== undefined ? { tags: values.tags.split(/[,،]/) } : {}),
  ...(values.slug !== undefined ? { slug: values.slug } : {}),
  ...(values.date !== undefined ? { date: values.date } : {}),
});
if (!result.ok) {
  console.error(result.message);
  if (positionals.length === 0) console.error(`\n${commandUsage(NEW_COMMAND)}`);
  process.exit(1);
}
console.log(`خبر تازه ساخته شد: ${path.relative(process.cwd(), result.absolute) || result.absolute}`);
if (result.categoryChosen)
  console.log(`دسته «${result.category}» گذاشته شد؛ برای دسته‌ی دیگر، فیلد category را در پرونده عوض کنید یا --category بدهید.`);
console.log("پس از نوشتن متن، با «npm run check» آن را بررسی کنید.");
