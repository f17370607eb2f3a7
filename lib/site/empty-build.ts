/**
 * A build that would publish no release while the content folder has some (all drafts, all scheduled,
 * or a `CHAPAR_NOW` far in the past) would replace a working site with an empty one and exit 0. It
 * stops instead, saying why each release was left out, unless the operator asks for an empty site.
 */
import { formatDateTime } from "../dates/format.ts";
import { fa } from "../locale/fa.ts";
import type { SiteModel } from "./collections.ts";

/** The Persian error when nothing would be published though there are releases; undefined otherwise. */
export function emptyBuildMessage(model: SiteModel, releaseCount: number, now: number, timeZone: string): string | undefined {
  if (releaseCount === 0 || model.releases.length > 0 || model.withdrawnPages.length > 0) return undefined;
  const drafts = model.withheld.filter((w) => w.status === "draft").length;
  const scheduled = model.withheld.filter((w) => w.status === "scheduled").length;
  return [
    `هیچ خبری منتشر نمی‌شد: از ${releaseCount} خبر پوشه‌ی محتوا، ${drafts} پیش‌نویس و ${scheduled} زمان‌بندی‌شده (تاریخشان پس از زمان ساخت، ${formatDateTime(now, timeZone, fa)}) است.`,
    "اگر CHAPAR_NOW را تنظیم کرده‌اید، آن را بررسی کنید؛ اگر سایتی بی‌خبر را واقعاً می‌خواهید: npm run build -- --allow-empty",
    "ساخت سایت انجام نشد و خروجی قبلی دست نخورد.",
  ].join("\n");
}
