/**
 * The locale as data (lib/locale/): the registry site.json chooses from, Persian as the default, and
 * dates and numbers formatted from a locale's Intl settings rather than from literals.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { siteSchema } from "../../lib/content/site-data.ts";
import { formatDate, formatLongDate, type DateLocale } from "../../lib/dates/format.ts";
import { fa } from "../../lib/locale/fa.ts";
import { defaultLocaleCode, localeFor, locales } from "../../lib/locale/index.ts";
import { formatFileSize } from "../../lib/text/files.ts";

const site = { name: "سایت", url: "https://example.ir/", organization: { name: "مؤسسه" } };
// 1401-02-25 10:30 in Tehran (+04:30)
const instant = Date.UTC(2022, 4, 15, 6, 0);

describe("locale", () => {
  test("Persian is the default and the only locale shipped", () => {
    assert.equal(defaultLocaleCode, "fa");
    assert.deepEqual(Object.keys(locales), ["fa"]);
    assert.equal(localeFor(), fa);
    assert.equal(localeFor("fa"), fa);
    assert.throws(() => localeFor("en"), /unknown locale "en" \(known: fa\)/);
    assert.deepEqual(
      [fa.lang, fa.dir, fa.intlLocale, fa.ogLocale, fa.calendar, fa.numberingSystem],
      ["fa", "rtl", "fa-IR", "fa_IR", "persian", "arabext"],
    );
  });

  test("site.json: locale is optional (fa) and must name a shipped locale", () => {
    assert.equal(siteSchema.parse(site).locale, "fa");
    assert.equal(siteSchema.parse({ ...site, locale: "fa" }).locale, "fa");
    const bad = siteSchema.safeParse({ ...site, locale: "en" });
    assert.equal(bad.success, false);
    assert.deepEqual(
      bad.error?.issues.map((i) => [i.path.join("."), i.message]),
      [["locale", "زبان سایت (locale) «en» شناخته نشد؛ زبان‌های موجود: fa"]],
    );
  });

  test("dates and sizes follow the locale's Intl locale, calendar and digits", () => {
    assert.equal(formatLongDate(instant, "Asia/Tehran", fa), "یکشنبه ۲۵ اردیبهشت ۱۴۰۱");
    assert.equal(formatFileSize(1536, fa), "۱٫۵ کیلوبایت");
    // What a Gregorian, Latin-digit edition would pass (its word order is still the Persian one: see ARCHITECTURE.md).
    const gregorian: DateLocale = { intlLocale: "en-GB", calendar: "gregory", numberingSystem: "latn" };
    assert.equal(formatDate(instant, "Asia/Tehran", gregorian), "15 May 2022");
    assert.equal(formatDate(instant, "Pacific/Honolulu", gregorian), "14 May 2022");
    assert.equal(formatFileSize(1536, gregorian), "1.5 کیلوبایت");
  });
});
