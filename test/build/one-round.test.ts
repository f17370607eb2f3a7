/**
 * All problems in one round (issue 14): one release file with six different mistakes — a bad date, an
 * unknown category, a missing image file, a missing attachment, a broken link to another release, an
 * unknown field and tags written as one text — reports every one of them in a single run, with the
 * address check that needs a valid date saying it was skipped and why, and the lint still run. Before,
 * the schema's errors came alone; the image and attachment after they were fixed, the link after that.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { build, buildOk, copyFixture, listOutput, runScript, contentRelative } from "../helpers/build.ts";

const SIX_MISTAKES = `---
title: "نشست خبری مدیرعامل"
date: "1404-12-30"
category: nope
tags: نشست، خبرنگاران
colour: red
image: images/missing.jpg
imageAlt: "مدیرعامل در نشست خبری"
attachments:
  - file: files/report.pdf
    title: "گزارش کامل"
---
متن خبر با [پیوند](../1401/nothing.md) و کتاب ها.

![تالار](images/hall.jpg)
`;

const FILE = "releases/1403/six.md";

const EXPECTED_ERRORS = [
  `${FILE}:3:1  فیلد «date»: روز 30 در اسفند 1404 وجود ندارد؛ اسفند 1404 29 روز دارد (مقدار فعلی: «1404-12-30»)`,
  `${FILE}:4:1  فیلد «category»: این دسته تعریف نشده است؛ دسته‌های مجاز (در _data/categories.json): culture، education، empty (مقدار فعلی: «nope»)`,
  `${FILE}:5:1  فیلد «tags»: برچسب‌ها باید فهرست باشند، نه یک متن (این‌طور همه‌ی آن یک برچسب می‌شود)؛ به این شکل بنویسید: tags: ["نشست", "خبرنگاران"] («npm run check -- --fix» خودش درستش می‌کند) (مقدار فعلی: «نشست، خبرنگاران»)`,
  `${FILE}:6:1  فیلد «colour»: این فیلد شناخته نشد؛ فیلدهای مجاز: title، date، category، tags، summary، slug، updated، image، imageAlt، imageCaption، imageCredit، draft، type، location، from، contact، updates، withdrawn، attachments، gallery`,
  `${FILE}:7:1  فیلد «image»: پرونده‌ی تصویر پیدا نشد: «images/missing.jpg» (نشانی نسبت به همین پرونده‌ی خبر است)`,
  `${FILE}:10:1  فیلد «attachments.0.file»: پرونده‌ی پیوست 1 پیدا نشد: «files/report.pdf» (نشانی نسبت به همین پرونده‌ی خبر است و باید درون پوشه‌ی محتوا باشد)`,
  `${FILE}:13:20  پیوند به خبری که نیست: «../1401/nothing.md» (پرونده‌ی releases/1401/nothing.md پیدا نشد؛ نشانی نسبت به همین پرونده‌ی خبر است)`,
  `${FILE}:15:1  پرونده‌ی تصویر پیدا نشد: «images/hall.jpg» (نشانی نسبت به همین پرونده‌ی خبر است)`,
];
const SKIPPED_ADDRESS = `${FILE}:3:1  فیلد «date»: بررسی یکتایی نشانی انجام نشد چون تاریخ نامعتبر است؛ پس از درست کردن تاریخ دوباره بررسی می‌شود`;
const LINT = `${FILE}:13:42  «ها» با نیم‌فاصله به واژه می‌چسبد، نه با فاصله → پیشنهاد: «کتاب‌ها» [zwnj-plural]`;

describe("every problem of a file in one run", () => {
  let content: string;
  before(() => {
    content = copyFixture("basic");
    writeFileSync(path.join(content, FILE), SIX_MISTAKES);
  });

  test("npm run check lists the schema's, the files', the links' and the lint's problems together", () => {
    const result = runScript("scripts/check.ts", [], { CHAPAR_CONTENT: content });
    assert.equal(result.code, 1, result.stderr);
    const report = contentRelative(result.stdout, content);
    const lines = report.split("\n");
    for (const expected of EXPECTED_ERRORS) assert.ok(lines.includes(expected), `missing:\n${expected}\n\nin:\n${report}`);
    assert.ok(lines.includes(SKIPPED_ADDRESS), result.stdout);
    assert.ok(lines.includes(LINT), result.stdout);
    assert.match(result.stdout, /^خطاها \(8\):$/m);
  });

  test("the build stops with all of them and leaves the previous output untouched", () => {
    const good = buildOk(copyFixture("basic")).out;
    const before = new Map(listOutput(good).map((f) => [f, readFileSync(path.join(good, f))]));
    const result = build(content, { out: good });
    assert.equal(result.code, 1);
    const report = contentRelative(result.stderr, content);
    const lines = report.split("\n");
    for (const expected of [...EXPECTED_ERRORS, SKIPPED_ADDRESS])
      assert.ok(lines.includes(expected), `missing:\n${expected}\n\nin:\n${report}`);
    assert.match(result.stderr, /^8 خطا در محتوا؛ ساخت سایت انجام نشد و خروجی قبلی دست نخورد\.$/m);
    assert.deepEqual(listOutput(good), [...before.keys()]);
    for (const [file, bytes] of before) assert.ok(readFileSync(path.join(good, file)).equals(bytes), file);
  });

  test("a file whose schema failed still claims its address: a duplicate is reported in the same run", () => {
    const dup = copyFixture("basic");
    // Same date and slug as releases/1401/spring.md, and an unknown category besides.
    writeFileSync(
      path.join(dup, "releases/1401/spring-copy.md"),
      '---\ntitle: "کپی"\ndate: "1401-02-25"\ncategory: nope\nslug: spring\n---\nمتن.\n',
    );
    const result = runScript("scripts/check.ts", [], { CHAPAR_CONTENT: dup });
    assert.equal(result.code, 1);
    const report = contentRelative(result.stdout, dup);
    assert.match(report, /releases\/1401\/spring-copy\.md:4:1 {2}فیلد «category»/);
    assert.ok(
      report
        .split("\n")
        .includes(
          "releases/1401/spring.md:1:1  فیلد «slug»: نشانی /1401/02/spring/ با خبر «releases/1401/spring-copy.md» یکی شده است؛ برای یکی از آن دو نامک (slug) دیگری بنویسید",
        ),
      report,
    );
  });
});
