/**
 * The web editor, end to end: `npm run edit` against a temp copy of the sample content, real
 * Chromium, real files. The six steps: the Persian right-to-left interface; a release made
 * through the form (title, a picked Jalali date and time, a category, two tags, a quote, an uploaded
 * image with alt text); the file on disk, `npm run check` and a build; a title edit of releases dated
 * in each accepted form touching only the title line; Chapar's messages for a missing alt and an
 * impossible date with nothing written; the preview's body HTML equal to the built page's. Axe checks
 * Chapar's own parts (the date field, the preview, the lint panel).
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Frame, Page } from "playwright-core";
import { jalaliDay, parseReleaseDate } from "../../lib/dates/jalali.ts";
import { build, copyContent, FIXED_NOW, readPage, ROOT, runScript } from "../helpers/build.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { axeScript } from "../helpers/reader-checks.ts";

const TZ = "Asia/Tehran";
let content: string;
let server: ChildProcess;
let base: string;
let browser: Browser;

/** Releases dated in each accepted form, written before the editor starts. */
const DATE_FORMS: Record<string, string> = {
  "jalali-dash": '"1403-05-20 11:00"',
  "jalali-slash": "1403/05/21",
  "persian-digits": '"۱۴۰۳-۰۵-۲۲"',
  gregorian: "2024-08-14",
  "gregorian-time": '"2024-08-15T09:30"',
  iso: '"2024-08-16T10:00:00+03:30"',
};

function datedRelease(date: string): string {
  return `---\ntitle: "نشست کتاب‌خوانی تابستان"\ndate: ${date}\ncategory: education\ntags: [کتاب, نوجوان]\nlocation: تهران\n---\nنشست کتاب‌خوانی تابستان با حضور نوجوانان برگزار شد.\n`;
}

const releasesIn = (year: string) => {
  try {
    return readdirSync(path.join(content, "releases", year)).filter((f) => f.endsWith(".md"));
  } catch {
    return [];
  }
};

async function openEditor(hash: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${base}admin/`);
  await page.getByRole("button", { name: "وارد شدن" }).click();
  await page.getByText("خبرها").first().waitFor();
  await page.goto(`${base}admin/#${hash}`);
  return page;
}

async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "انتشار", exact: true }).click();
  await page.getByText("اکنون منتشر کنید").click();
}

async function previewFrame(page: Page): Promise<Frame> {
  await page.waitForSelector("iframe");
  for (let i = 0; i < 50; i++) {
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (frame && (await frame.$(".release-body"))) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error("no preview");
}

async function axeViolations(target: Page | Frame, selector: string): Promise<string[]> {
  await target.evaluate(axeScript());
  return target.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(c: unknown): Promise<{ violations: { id: string }[] }> } }).axe;
    const result = await axe.run({ include: [sel] });
    return result.violations.map((v) => v.id);
  }, selector);
}

before(async () => {
  content = copyContent(path.join(ROOT, "content"));
  writeFileSync(
    path.join(content, "releases", "1403", "lint-fix.md"),
    '---\ntitle: "نشست کتاب‌خوانی"\ndate: "1403-05-20"\ncategory: education\n---\nکتاب ها در کتابخانه است.\n',
  );
  for (const [name, date] of Object.entries(DATE_FORMS))
    writeFileSync(path.join(content, "releases", "1403", `${name}.md`), datedRelease(date));
  server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/edit.ts"), "--port", "0"], {
    cwd: ROOT,
    env: { ...process.env, CHAPAR_CONTENT: content, CHAPAR_NOW: FIXED_NOW },
    stdio: ["ignore", "pipe", "inherit"],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/[^\s]+\/)admin\//.exec(out);
      if (m) resolve(m[1]!);
    });
    server.once("exit", (code) => reject(new Error(`npm run edit ended (${code}): ${out}`)));
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

describe("web editor (npm run edit, local mode)", { timeout: 240_000 }, () => {
  test("1. the interface is Persian and right-to-left, and so are the text fields", async () => {
    const page = await openEditor("/collections/releases/new");
    await page.locator("[id^=title-field]").first().waitFor();
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    assert.equal(await page.getAttribute("html", "lang"), "fa");
    await page.getByRole("button", { name: "انتشار", exact: true }).waitFor();
    assert.equal(await page.getAttribute("[id^=title-field]", "dir"), "rtl");
    assert.equal(await page.getAttribute("[id^=summary-field]", "dir"), "rtl");
    assert.equal(await page.getAttribute("[id^=body-field]", "dir"), "rtl");
    assert.equal(await page.getAttribute("[id^=slug-field]", "dir"), "auto");
    const violations = await axeViolations(page, ".chapar-date");
    assert.deepEqual(violations, [], "axe on the date field");
    await page.close();
  });

  let created: string;
  const today = jalaliDay(Date.now(), TZ);
  const shown = today.jm === 1 ? { jy: today.jy - 1, jm: 12 } : { jy: today.jy, jm: today.jm - 1 };
  const pickedDate = `${shown.jy}-${String(shown.jm).padStart(2, "0")}-10 10:30`;

  test("2. a release made through the form is saved", async () => {
    const before = releasesIn(String(shown.jy));
    const page = await openEditor("/collections/releases/new");
    await page.locator("[id^=title-field]").first().fill("جشنواره‌ی تئاتر کودک در فرهنگسرای ارغوان");
    const dateField = page.locator(".chapar-date").first();
    await dateField.locator(".chapar-month-previous").click();
    await dateField.locator("[data-day='10']").click();
    await dateField.locator(".chapar-time").fill("10:30");
    await dateField.locator(".chapar-time").press("Tab");
    assert.equal(await page.inputValue("[id^=date-field]"), pickedDate);
    await page.locator("[id^=category-field]").fill("آموزش");
    await page.keyboard.press("Enter");
    await page.locator("[id^=tags-field]").fill("تئاتر, کودک");
    await page.locator("[id^=body-field]").fill("> «تئاتر کودک آینه‌ی فردای جامعه است.»\n\nجشنواره یک هفته ادامه دارد.\n");
    await page.getByRole("button", { name: "یک تصویر را انتخاب کنید" }).click();
    await page.locator("input[type=file]").setInputFiles(path.join(ROOT, "content/releases/1404/puppets/puppet-red.jpg"));
    await page.getByRole("button", { name: "انتخاب شده را انتخاب کنید" }).click();
    await page.locator("[id^=imageAlt-field]").fill("کودکان روی صحنه‌ی فرهنگسرا");
    await publish(page);
    for (let i = 0; i < 100 && releasesIn(String(shown.jy)).length === before.length; i++) await page.waitForTimeout(100);
    const added = releasesIn(String(shown.jy)).filter((f) => !before.includes(f));
    assert.equal(added.length, 1, "one new release file");
    created = path.join(content, "releases", String(shown.jy), added[0]!);
    await page.close();
  });

  test("3. the file has exactly the expected front matter, passes check and builds at its Jalali URL", () => {
    const text = readFileSync(created, "utf8");
    assert.equal(
      text,
      [
        "---",
        'title: "جشنواره‌ی تئاتر کودک در فرهنگسرای ارغوان"',
        `date: "${pickedDate}"`,
        'category: "education"',
        'tags: ["تئاتر", "کودک"]',
        'image: "images/puppet-red.jpg"',
        'imageAlt: "کودکان روی صحنه‌ی فرهنگسرا"',
        "draft: false",
        "---",
        "> «تئاتر کودک آینه‌ی فردای جامعه است.»",
        "",
        "جشنواره یک هفته ادامه دارد.",
        "",
      ].join("\n"),
    );
    readFileSync(path.join(path.dirname(created), "images", "puppet-red.jpg"));
    const check = runScript("scripts/check.ts", [], { CHAPAR_CONTENT: content });
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const built = build(content);
    assert.equal(built.code, 0, built.stderr);
    // The address is the Jalali year and month, then the slug Chapar makes of the file name (ZWNJ → «-»).
    const month = `/${shown.jy}/${String(shown.jm).padStart(2, "0")}/`;
    const slug = path.basename(created, ".md").replace(/\u200c/g, "-");
    const doc = readPage(built.out, `${month}${slug}/`);
    assert.equal(doc.querySelector("h1")?.textContent, "جشنواره‌ی تئاتر کودک در فرهنگسرای ارغوان");
    const parsed = parseReleaseDate(pickedDate, TZ);
    assert.ok(parsed.ok);
    assert.equal(doc.querySelector("time")?.getAttribute("datetime"), parsed.date.iso);
  });

  for (const name of Object.keys(DATE_FORMS)) {
    test(`4. a release dated ${name}: opens with its day selected, and a title edit touches only the title line`, async () => {
      const file = path.join(content, "releases", "1403", `${name}.md`);
      const original = readFileSync(file, "utf8");
      const page = await openEditor(`/collections/releases/entries/1403/${name}`);
      const title = page.locator("[id^=title-field]").first();
      await title.waitFor();
      const picked = await page.locator(".chapar-date").first().locator(".is-picked").getAttribute("data-day");
      const parsed = parseReleaseDate(DATE_FORMS[name]!.replace(/"/g, ""), TZ);
      assert.ok(parsed.ok);
      assert.equal(picked, String(parsed.date.jd));
      await title.fill("نشست کتاب‌خوانی تابستان برگزار شد");
      await publish(page);
      // decap-server writes in place (truncate, then write): wait for the whole new text.
      const saved = () => readFileSync(file, "utf8").endsWith("نوجوانان برگزار شد.\n") && readFileSync(file, "utf8").includes('برگزار شد"');
      for (let i = 0; i < 100 && !saved(); i++) await page.waitForTimeout(100);
      const now = readFileSync(file, "utf8").split("\n");
      const was = original.split("\n");
      assert.equal(now.length, was.length);
      const changed = was.map((line, i) => [line, now[i]]).filter(([a, b]) => a !== b);
      assert.deepEqual(changed, [['title: "نشست کتاب‌خوانی تابستان"', 'title: "نشست کتاب‌خوانی تابستان برگزار شد"']]);
      await page.close();
    });
  }

  test("5. a missing alt text and an impossible date get Chapar's messages, and nothing is written", async () => {
    const before = releasesIn("1404");
    const page = await openEditor("/collections/releases/new");
    await page.locator("[id^=title-field]").first().fill("نمایشگاه عروسک‌های دست‌ساز");
    await page.locator("[id^=date-field]").first().fill("1404-12-30");
    await page.locator("[id^=category-field]").fill("آموزش");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "یک تصویر را انتخاب کنید" }).click();
    await page.locator("input[type=file]").setInputFiles(path.join(ROOT, "content/releases/1404/puppets/puppet-blue.jpg"));
    await page.getByRole("button", { name: "انتخاب شده را انتخاب کنید" }).click();
    await publish(page);
    const impossible = parseReleaseDate("1404-12-30", TZ);
    assert.ok(!impossible.ok);
    await page.getByText(impossible.reason, { exact: false }).first().waitFor();
    await page.locator("[id^=date-field]").first().fill("1404-12-29");
    await publish(page);
    await page.getByText("وقتی تصویر (image) دارید، متن جایگزین آن (imageAlt) لازم است", { exact: false }).first().waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(releasesIn("1404"), before);
    await page.close();
  });

  test("6. the preview's body is the built page's body; axe finds nothing in the preview and the lint panel", async () => {
    const page = await openEditor("/collections/releases/entries/1404/photo-contest-call");
    const frame = await previewFrame(page);
    const previewBody = await frame.$eval(".release-body", (el) => el.innerHTML.trim());
    const built = build(content);
    const doc = readPage(built.out, "/1404/02/photo-contest-call/");
    assert.equal(previewBody, doc.querySelector(".release-body")!.innerHTML.trim());
    assert.ok(await frame.$(".chapar-lint h2"));
    assert.deepEqual(await axeViolations(frame, ".chapar-preview"), [], "axe on the preview and the lint panel");
    await page.close();
  });

  test("8. the lint panel lists a finding, and its fix is one click away", async () => {
    const page = await openEditor("/collections/releases/entries/1403/lint-fix");
    const frame = await previewFrame(page);
    await frame.getByText("«ها» با نیم‌فاصله به واژه می‌چسبد").waitFor();
    await frame.locator(".chapar-lint-fix").first().click();
    assert.equal(await page.inputValue("[id^=body-field]"), "کتاب\u200cها در کتابخانه است.\n");
    await frame.getByText("نکته‌ای در نگارش این خبر پیدا نشد.").waitFor();
    await page.close();
  });
});
