/**
 * `npm run check`: validates all content without building — the same checks `npm run build` starts
 * with — and prints every problem as `file:line:column  message`, errors and warnings apart, with a
 * summary line. Exit code 1 if there is any error.
 *
 * `npm run check -- --fix` (or `npx chapar check --fix`) first applies the safe typography fixes to the files (never inside code,
 * URLs or e-mail addresses), shows what changed as a diff, then checks again and reports what is left.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { commandUsage, readCommandArgs } from "../lib/cli/args.ts";
import { CHECK_COMMAND } from "../lib/cli/commands.ts";
import { checkSite, lineDiff, type FileFix, type SiteCheck, type TypographyLevel } from "../lib/content/check.ts";
import { describeEncodingFix, encodingFixes, type EncodingFix } from "../lib/content/encoding-fixes.ts";
import { formatProblem, type ContentProblem } from "../lib/content/errors.ts";
import { scheduledReleases } from "../lib/site/publishing.ts";
import { chaparSettingsOrExit } from "../lib/site/settings.ts";

// Flags npm took for itself (`npm run check --fix`, without `--`) are read from npm or refused (lib/cli/args.ts).
const { values: args } = readCommandArgs(CHECK_COMMAND);
const typography = args.typography as TypographyLevel | undefined;
if (typography !== undefined && !["warning", "error", "off"].includes(typography)) {
  console.error(`سطح «${typography}» شناخته نشد؛ یکی از warning، error یا off\n\n${commandUsage(CHECK_COMMAND)}`);
  process.exit(2);
}

const { contentDir, now } = chaparSettingsOrExit();
const options = { contentDir, ...(typography ? { typography } : {}) };

if (args.fix) {
  // Files in another encoding first: the other fixes read UTF-8 only.
  const converted = applyEncodingFixes(encodingFixes(contentDir));
  const first = checkSite({ ...options, fix: true });
  const written = applyFixes(first.fixes);
  if (converted > 0) console.log(`${converted} پرونده به UTF-8 تبدیل شد.`);
  if (written.length > 0) {
    const count = written.reduce((n, f) => n + f.applied.length + f.rewritten.length, 0);
    console.log(`${count} اصلاح در ${written.length} پرونده انجام شد.\n`);
  } else if (converted === 0) console.log("اصلاح بی‌خطری برای انجام نبود.\n");
}
const report = checkSite(options);
printReport(report);
process.exit(report.errors.length > 0 ? 1 : 0);

/** Rewrites each file saved in another encoding as UTF-8 (only if nobody changed it meanwhile); returns how many. */
function applyEncodingFixes(fixes: EncodingFix[]): number {
  let written = 0;
  for (const fix of fixes) {
    const absolute = path.join(contentDir, fix.file);
    if (!readFileSync(absolute).equals(fix.before)) {
      console.error(`${fix.file}: پرونده در این میان تغییر کرد؛ اصلاح نشد. دوباره اجرا کنید.`);
      continue;
    }
    writeFileSync(absolute, fix.after);
    console.log(describeEncodingFix(fix));
    written++;
  }
  return written;
}

/** Writes each fixed file (only if nobody changed it meanwhile) and prints its diff. */
function applyFixes(fixes: FileFix[]): FileFix[] {
  const written: FileFix[] = [];
  for (const fix of fixes) {
    const absolute = path.join(contentDir, fix.file);
    if (readFileSync(absolute, "utf8") !== fix.before) {
      console.error(`${fix.file}: پرونده در این میان تغییر کرد؛ اصلاح نشد. دوباره اجرا کنید.`);
      continue;
    }
    writeFileSync(absolute, fix.after);
    written.push(fix);
    console.log(lineDiff(fix.file, fix.before, fix.after));
  }
  return written;
}

function printReport({ errors, warnings, files, content }: SiteCheck): void {
  const group = (title: string, problems: ContentProblem[]) => {
    if (problems.length === 0) return;
    console.log(`${title} (${problems.length}):`);
    for (const p of problems) console.log(formatProblem(p, { contentDir }));
    console.log("");
  };
  group("خطاها", errors);
  group("هشدارها", warnings);
  // What waits for the clock: published by the first build after its time (a nightly rebuild).
  const scheduled = content ? scheduledReleases(content.releases, now, content.site.timeZone) : [];
  if (scheduled.length > 0) {
    console.log(`زمان‌بندی‌شده (${scheduled.length}) — با نخستین ساختِ پس از این زمان‌ها منتشر می‌شوند:`);
    for (const { release, when } of scheduled) console.log(`${release.file}  ${when}  «${release.title}»`);
    console.log("");
  }
  const verdict =
    errors.length > 0
      ? "پیش از ساخت سایت، خطاها را درست کنید."
      : warnings.length > 0
        ? "ساخت سایت ممکن است؛ هشدارها را بررسی کنید."
        : "همه‌چیز درست است.";
  console.log(`نتیجه: ${errors.length} خطا، ${warnings.length} هشدار در ${files} پرونده‌ی خبر. ${verdict}`);
}
