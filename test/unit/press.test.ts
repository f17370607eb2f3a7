/**
 * Press-release fields and publishing rules, checked in-process on the `publishing-rules` fixture:
 * what the loader makes of each field, every bad input's Persian message (file, field, value, what is
 * allowed), file sizes in Persian, and which releases a build at a fixed moment withholds.
 */
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import type { ContentProblem } from "../../lib/content/errors.ts";
import { checkContent, type Release } from "../../lib/content/load.ts";
import { lastCorrection } from "../../lib/content/press.ts";
import { parseReleaseDate, type ReleaseDate } from "../../lib/dates/jalali.ts";
import { releaseStatus, scheduledReleases } from "../../lib/site/publishing.ts";
import { fileKindLabel, formatFileSize } from "../../lib/text/files.ts";
import { fa } from "../../lib/locale/fa.ts";
import { copyFixture, FIXED_NOW } from "../helpers/build.ts";

const NOW = Date.parse(FIXED_NOW);
const TEHRAN = "Asia/Tehran";

function date(text: string): ReleaseDate {
  const parsed = parseReleaseDate(text, TEHRAN);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.date;
}

function loadFixture(): Release[] {
  const { content, errors } = checkContent({ contentDir: copyFixture("publishing-rules") });
  assert.deepEqual(errors, []);
  return content!.releases;
}

function byFile(releases: Release[], name: string): Release {
  const release = releases.find((r) => r.file === `releases/1405/${name}.md`);
  assert.ok(release, `no release ${name}`);
  return release;
}

describe("press fields as loaded", () => {
  const releases = loadFixture();

  test("type by key, by Persian label, and the site's default", () => {
    assert.deepEqual(byFile(releases, "full").type, { key: "announcement", label: "اطلاعیه" });
    assert.deepEqual(byFile(releases, "statement").type, { key: "statement", label: "بیانیه" });
    assert.deepEqual(byFile(releases, "plain").type, { key: "news", label: "خبر" });
  });

  test("location, and the issuing office defaulting to the organisation", () => {
    assert.equal(byFile(releases, "full").location, "تهران");
    assert.equal(byFile(releases, "plain").location, undefined);
    assert.equal(byFile(releases, "plain").from, "روابط عمومی مؤسسه‌ی آزمایشی");
    assert.equal(byFile(releases, "statement").from, "دفتر مدیرعامل مؤسسه‌ی آزمایشی");
  });

  test("contact by id, inline override, and the site's default", () => {
    assert.deepEqual(byFile(releases, "full").contact, { name: "کاوه مرادی", role: "دبیر جشنواره", phone: "+98 912 000 1122" });
    assert.deepEqual(byFile(releases, "statement").contact, { name: "سارا کریمی", role: "سخنگوی مؤسسه", email: "spokesperson@example.ir" });
    assert.equal(byFile(releases, "plain").contact?.name, "مریم احمدی");
  });

  test("updates are sorted oldest first and `updated`/`modified` follow the newest", () => {
    const full = byFile(releases, "full");
    assert.deepEqual(
      full.updates.map((u) => [u.date.iso, u.note]),
      [
        ["2026-11-12T00:00:00+03:30", "نام یکی از عکاسان درست شد."],
        ["2026-11-13T09:30:00+03:30", "ساعت بازدید روزهای جمعه اصلاح شد."],
      ],
    );
    assert.equal(full.updated?.iso, "2026-11-13T09:30:00+03:30");
    assert.equal(full.modified.iso, "2026-11-13T09:30:00+03:30");
    const plain = byFile(releases, "plain");
    assert.equal(plain.updated, undefined);
    assert.equal(plain.modified, plain.date);
  });

  test("a withdrawal is a modification", () => {
    const withdrawn = byFile(releases, "withdrawn");
    assert.equal(withdrawn.withdrawn?.date.iso, "2026-11-14T18:00:00+03:30");
    assert.match(withdrawn.withdrawn?.reason ?? "", /بیماری نوازنده/);
    assert.equal(withdrawn.modified.iso, "2026-11-14T18:00:00+03:30");
  });

  test("lastCorrection takes the later of `updated` and the newest update", () => {
    const updates = [
      { date: date("1405-08-21"), note: "الف" },
      { date: date("1405-08-22 09:30"), note: "ب" },
    ];
    assert.equal(lastCorrection(undefined, updates)?.iso, "2026-11-13T09:30:00+03:30");
    assert.equal(lastCorrection(date("1405-08-25"), updates)?.iso, "2026-11-16T00:00:00+03:30");
    assert.equal(lastCorrection(date("1405-08-20"), updates)?.iso, "2026-11-13T09:30:00+03:30");
    assert.equal(lastCorrection(undefined, []), undefined);
    // Written in any order: the newest still wins (the view sorts `updates` separately).
    assert.equal(lastCorrection(undefined, [...updates].reverse())?.iso, "2026-11-13T09:30:00+03:30");
  });

  test("a release's optional properties are absent, not undefined, when the front matter leaves them out", () => {
    for (const release of releases) {
      for (const key of ["image", "updated", "type", "location", "contact", "withdrawn"] as const) {
        if (key in release) assert.notEqual(release[key], undefined, `${release.file}: ${key}`);
      }
    }
    assert.ok(releases.some((r) => !("withdrawn" in r)) && releases.some((r) => "withdrawn" in r));
  });

  test("attachments carry their content path, size and kind", () => {
    assert.deepEqual(byFile(releases, "full").attachments, [
      { file: "releases/1405/files/programme.pdf", title: "برنامه‌ی کامل نمایشگاه", bytes: 1536, size: "۱٫۵ کیلوبایت", kind: "PDF" },
      { file: "releases/1405/files/poster.docx", title: "متن پوستر", bytes: 2560, size: "۲٫۵ کیلوبایت", kind: "Word" },
    ]);
  });

  test("gallery photos carry alt, caption and their intrinsic size", () => {
    assert.deepEqual(byFile(releases, "full").gallery, [
      {
        file: "releases/1405/photos/street.png",
        alt: "کودکان در کوچه‌ای با دیوارهای آجری بازی می‌کنند",
        caption: "کوچه‌ای در محله‌ی سنگلج",
        width: 40,
        height: 30,
      },
      { file: "releases/1405/photos/bakery.jpg", alt: "نانوای سالخورده کنار تنور", width: 30, height: 40 },
    ]);
  });
});

describe("publishing rules at a fixed build moment", () => {
  const releases = loadFixture();

  test("one minute after the build's moment is scheduled; one minute before is published", () => {
    assert.equal(releaseStatus(byFile(releases, "soon"), NOW), "scheduled");
    assert.equal(releaseStatus(byFile(releases, "just-now"), NOW), "published");
    // …and a build a minute later publishes it.
    assert.equal(releaseStatus(byFile(releases, "soon"), NOW + 60_000), "published");
  });

  test("a draft stays a draft whatever its date; withdrawal applies once published", () => {
    const draft = byFile(releases, "draft");
    assert.equal(releaseStatus(draft, NOW), "draft");
    assert.equal(releaseStatus({ ...draft, date: date("1406-01-01") }, NOW), "draft");
    const withdrawn = byFile(releases, "withdrawn");
    assert.equal(releaseStatus(withdrawn, NOW), "withdrawn");
    assert.equal(releaseStatus({ ...withdrawn, date: date("1406-01-01") }, NOW), "scheduled");
  });

  test("scheduledReleases lists what waits for the clock, soonest first, in Persian", () => {
    const later = { ...byFile(releases, "plain"), file: "releases/1405/later.md", date: date("1405-09-10 08:00") };
    const list = scheduledReleases([...releases, later], NOW, TEHRAN);
    assert.deepEqual(
      list.map((s) => [s.release.file, s.when, s.inMs]),
      [
        ["releases/1405/soon.md", "جمعه ۶ آذر ۱۴۰۵، ساعت ۱۲:۰۱", 60_000],
        ["releases/1405/later.md", "سه‌شنبه ۱۰ آذر ۱۴۰۵، ساعت ۰۸:۰۰", date("1405-09-10 08:00").instant - NOW],
      ],
    );
  });
});

describe("file sizes and kinds in Persian", () => {
  test("sizes", () => {
    assert.equal(formatFileSize(0, fa), "۰ بایت");
    assert.equal(formatFileSize(900, fa), "۹۰۰ بایت");
    assert.equal(formatFileSize(1024, fa), "۱ کیلوبایت");
    assert.equal(formatFileSize(1536, fa), "۱٫۵ کیلوبایت");
    assert.equal(formatFileSize(350 * 1024, fa), "۳۵۰ کیلوبایت");
    assert.equal(formatFileSize(2_516_582, fa), "۲٫۴ مگابایت");
    // 1023.96 KB rounds to the next unit rather than showing "۱۰۲۴ کیلوبایت".
    assert.equal(formatFileSize(1024 * 1024 - 40, fa), "۱ مگابایت");
    assert.equal(formatFileSize(3 * 1024 ** 3, fa), "۳ گیگابایت");
  });

  test("kinds", () => {
    assert.equal(fileKindLabel("a/report.PDF"), "PDF");
    assert.equal(fileKindLabel("x.docx"), "Word");
    assert.equal(fileKindLabel("x.xlsx"), "Excel");
    assert.equal(fileKindLabel("x.odp"), "ODP");
    assert.equal(fileKindLabel("x.jpg"), "تصویر JPEG");
  });
});

/** Writes files into a fresh copy of the fixture and returns the loader's errors. */
function errorsWith(files: Record<string, string | null>): ContentProblem[] {
  const dir = copyFixture("publishing-rules");
  for (const [file, source] of Object.entries(files)) {
    if (source === null) rmSync(path.join(dir, file));
    else writeFileSync(path.join(dir, file), source);
  }
  const { errors } = checkContent({ contentDir: dir });
  assert.ok(errors.length > 0, "expected errors");
  return errors;
}

function release(front: string): string {
  return `---\ntitle: "خبر آزمایشی"\ndate: "1405-08-20"\ncategory: culture\n${front}\n---\nمتن خبر.\n`;
}

/** The one error about `field` in `file`; its message must match every pattern. */
function expectError(errors: ContentProblem[], file: string, field: string, patterns: RegExp[], line?: number): void {
  const found = errors.filter((e) => e.file === file && e.field === field);
  assert.equal(
    found.length,
    1,
    `one error for ${file} «${field}», got:\n${errors.map((e) => `${e.file} ${e.field}: ${e.message}`).join("\n")}`,
  );
  for (const pattern of patterns) assert.match(found[0]!.message, pattern);
  if (line !== undefined) assert.equal(found[0]!.line, line);
}

describe("bad press fields: Persian messages naming file, field, value and what is allowed", () => {
  const bad = "releases/1405/bad.md";

  test("an unknown type lists the valid keys with their labels", () => {
    const errors = errorsWith({ [bad]: release("type: pressrelease") });
    expectError(
      errors,
      bad,
      "type",
      [
        /نوع خبر تعریف نشده است/,
        /«pressrelease»/,
        /news \(خبر\)، announcement \(اطلاعیه\)، statement \(بیانیه\)، photo-report \(گزارش تصویری\)/,
      ],
      5,
    );
  });

  test("a type without types.json says where types are defined", () => {
    const errors = errorsWith({ "_data/types.json": null, "_data/site.json": siteWithout("defaultType"), [bad]: release("type: news") });
    expectError(errors, bad, "type", [/نوع‌ها را در _data\/types\.json پوشه‌ی محتوا تعریف کنید/]);
  });

  test("an unknown contact id lists the valid ids", () => {
    const errors = errorsWith({ [bad]: release("contact: pres-office") });
    expectError(
      errors,
      bad,
      "contact",
      [/مسئول تماس تعریف نشده است/, /«pres-office»/, /press-office \(مریم احمدی\)، festival \(کاوه مرادی\)/],
      5,
    );
  });

  test("an inline contact needs a phone or an e-mail, and valid ones", () => {
    expectError(errorsWith({ [bad]: release('contact: {name: "سارا"}') }), bad, "contact", [/دست‌کم تلفن \(phone\) یا رایانامه \(email\)/]);
    expectError(errorsWith({ [bad]: release('contact: {name: "سارا", phone: "شماره"}') }), bad, "contact.phone", [/فقط رقم/, /«شماره»/]);
    expectError(errorsWith({ [bad]: release('contact: {name: "سارا", email: "نامه"}') }), bad, "contact.email", [/press@example\.ir/]);
    expectError(errorsWith({ [bad]: release('contact: {name: "سارا", phone: "021-1234", mail: "a@b.ir"}') }), bad, "contact", [
      /«mail»/,
      /name، role، phone، email/,
    ]);
  });

  test("an attachment that doesn't exist", () => {
    const errors = errorsWith({
      [bad]: release("attachments:\n  - file: files/programme.pdf\n    title: الف\n  - file: files/missing.pdf\n    title: ب"),
    });
    expectError(errors, bad, "attachments.1.file", [/پرونده‌ی پیوست 2 پیدا نشد/, /«files\/missing\.pdf»/], 8);
  });

  test("an attachment outside the content folder", () => {
    const errors = errorsWith({ [bad]: release("attachments:\n  - file: ../../../package.json\n    title: الف") });
    expectError(errors, bad, "attachments.0.file", [/درون پوشه‌ی محتوا/]);
  });

  test("an attachment without a title, and attachments that are not a list", () => {
    expectError(errorsWith({ [bad]: release("attachments:\n  - file: files/programme.pdf") }), bad, "attachments.0.title", [
      /عنوان پیوست \(title\) لازم است/,
    ]);
    expectError(errorsWith({ [bad]: release("attachments: files/programme.pdf") }), bad, "attachments", [
      /باید فهرستی باشد/,
      /«files\/programme\.pdf»/,
    ]);
  });

  test("withdrawn without a reason, without a date, or as a bare flag", () => {
    expectError(
      errorsWith({ [bad]: release('withdrawn:\n  date: "1405-08-23"') }),
      bad,
      "withdrawn.reason",
      [/دلیل برداشتن خبر \(reason\) لازم است/],
      5,
    );
    expectError(errorsWith({ [bad]: release('withdrawn:\n  reason: "لغو شد"') }), bad, "withdrawn.date", [
      /تاریخ برداشتن خبر \(date\) لازم است/,
    ]);
    expectError(errorsWith({ [bad]: release("withdrawn: true") }), bad, "withdrawn", [/date، reason/, /«true»/]);
    expectError(errorsWith({ [bad]: release('withdrawn: {date: "1405-08-01", reason: "لغو"}') }), bad, "withdrawn.date", [
      /پیش از تاریخ انتشار/,
    ]);
  });

  test("malformed updates", () => {
    expectError(errorsWith({ [bad]: release('updates: "1405-08-21"') }), bad, "updates", [/باید فهرستی باشد/, /«1405-08-21»/], 5);
    expectError(errorsWith({ [bad]: release('updates:\n  - date: "1405-13-01"\n    note: اصلاح') }), bad, "updates.0.date", [
      /ماه 13 وجود ندارد/,
      /«1405-13-01»/,
    ]);
    expectError(errorsWith({ [bad]: release('updates:\n  - date: "1405-08-21"') }), bad, "updates.0.note", [
      /شرح به‌روزرسانی \(note\) لازم است/,
    ]);
    expectError(errorsWith({ [bad]: release("updates:\n  - note: اصلاح") }), bad, "updates.0.date", [/تاریخ/]);
    expectError(errorsWith({ [bad]: release('updates:\n  - date: "1405-08-21"\n    note: اصلاح\n    by: مریم') }), bad, "updates.0", [
      /«by»/,
      /کلیدهای مجاز: date، note/,
    ]);
    expectError(errorsWith({ [bad]: release('updates:\n  - date: "1405-08-01"\n    note: اصلاح') }), bad, "updates.0.date", [
      /پیش از تاریخ انتشار/,
      /«1405-08-01»/,
    ]);
  });

  test("gallery photos need alt text and must be images", () => {
    expectError(errorsWith({ [bad]: release("gallery:\n  - file: photos/street.png") }), bad, "gallery.0.alt", [
      /متن جایگزین تصویر \(alt\) لازم است/,
    ]);
    expectError(errorsWith({ [bad]: release("gallery:\n  - file: files/programme.pdf\n    alt: برنامه") }), bad, "gallery.0.file", [
      /تصویر خوانایی نیست/,
      /«files\/programme\.pdf»/,
    ]);
    expectError(errorsWith({ [bad]: release("gallery:\n  - file: photos/none.jpg\n    alt: هیچ") }), bad, "gallery.0.file", [
      /پیدا نشد/,
      /«photos\/none\.jpg»/,
    ]);
  });

  test("every bad field of one file is reported in one run", () => {
    const errors = errorsWith({
      [bad]: release('type: x\ncontact: y\nwithdrawn: {date: "1405-08-23"}\nattachments:\n  - file: nope.pdf\n    title: الف'),
    });
    // The attachment is checked from the raw front matter too: the schema's three errors and the file's, together.
    assert.deepEqual(
      errors
        .filter((e) => e.file === bad)
        .map((e) => e.field)
        .sort(),
      ["attachments.0.file", "contact", "type", "withdrawn.reason"],
    );
  });
});

function siteWithout(key: string): string {
  const site = {
    name: "سایت",
    url: "https://example.ir/",
    organization: { name: "مؤسسه" },
    defaultType: "news",
    defaultContact: "press-office",
  } as Record<string, unknown>;
  delete site[key];
  return JSON.stringify(site);
}

describe("bad data files: types.json, contacts.json and site.json defaults", () => {
  test("a type key that isn't Latin, and an empty label", () => {
    const errors = errorsWith({ "_data/types.json": '{ "news": "خبر", "Press Release": "بیانیه", "note": "" }' });
    expectError(errors, "_data/types.json", "Press Release", [/کلید نوع «Press Release»/, /حروف کوچک لاتین/]);
    expectError(errors, "_data/types.json", "note", [/برچسب نوع نباید خالی باشد/]);
  });

  test("types.json that is not JSON", () => {
    const errors = errorsWith({ "_data/types.json": "{ news: خبر }" });
    assert.ok(
      errors.some(
        (e) =>
          e.file === "_data/types.json" &&
          e.line === 1 &&
          e.column === 3 &&
          e.message === 'JSON خوانده نشد: نام کلید باید میان گیومه‌ی دوتایی باشد: "news"',
      ),
    );
  });

  test("a contact without phone or e-mail, and a bad e-mail", () => {
    const errors = errorsWith({ "_data/contacts.json": '{ "press-office": { "name": "مریم" }, "b": { "name": "ب", "email": "no-at" } }' });
    expectError(errors, "_data/contacts.json", "press-office", [/مسئول تماس «press-office»/, /دست‌کم تلفن/]);
    expectError(errors, "_data/contacts.json", "b.email", [/رایانامه‌ی مسئول تماس «b» درست نیست/]);
  });

  test("defaultType and defaultContact must name what the data files define", () => {
    const site = JSON.parse(siteWithout("")) as Record<string, unknown>;
    const errors = errorsWith({ "_data/site.json": JSON.stringify({ ...site, defaultType: "newz", defaultContact: "nobody" }) });
    expectError(errors, "_data/site.json", "defaultType", [/«newz»/, /منظورتان «news» بود؟ نوع‌های مجاز: news \(خبر\)/]);
    assert.equal(errors.find((e) => e.field === "defaultType")?.line, 1, "the site.json line of defaultType");
    expectError(errors, "_data/site.json", "defaultContact", [/«nobody»/, /press-office \(مریم احمدی\)/]);
  });

  test("locale must be one Chapar ships: a Persian error listing the available codes", () => {
    const site = JSON.parse(siteWithout("")) as Record<string, unknown>;
    const errors = errorsWith({ "_data/site.json": JSON.stringify({ ...site, locale: "en" }) });
    expectError(errors, "_data/site.json", "locale", [/زبان سایت \(locale\) «en» شناخته نشد/, /زبان‌های موجود: fa$/]);
    expectError(errorsWith({ "_data/site.json": JSON.stringify({ ...site, locale: 1 }) }), "_data/site.json", "locale", [
      /زبان سایت \(locale\) باید متن باشد/,
    ]);
  });
});
