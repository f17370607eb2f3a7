/**
 * Nothing from outside the content folder is read or published (lib/content/content-path.ts): each
 * attack of issue 15 with a real symbolic link in a copy of a fixture — a file link, a folder link,
 * the favicon, the logo, an attachment, a gallery photo, the lead image, an inline image, a data file,
 * an office page — is refused in Persian, naming the link and its target, before anything is written.
 * Also: hidden and linked `.md` files are reported, not skipped silently; junk files are ignored.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { readContentFile } from "../../lib/content/content-path.ts";
import { copyReleaseFiles } from "../../lib/features/release-files.ts";
import type { ChaparData } from "../../lib/site/data.ts";
import { build, buildOk, copyFixture, FIXTURES, listOutput, tempDir } from "../helpers/build.ts";

const SECRET = "chapar-secret-7f3a9c-root:x:0:0";
const JPEG = readFileSync(path.join(FIXTURES, "assets/releases/1404/images/hall.jpg"));

/** The message for a link that leads out, exactly as an author reads it. */
const leaves = (link: string, target: string) =>
  `«${link}» پیوندی (symlink) به «${target}» است که بیرون از پوشه‌ی محتواست؛ چاپار چیزی از بیرون پوشه‌ی محتوا نمی‌خواند و منتشر نمی‌کند: خودِ پرونده را به جای پیوند در پوشه‌ی محتوا بگذارید`;

/** A folder outside the content folder holding the "secret" files an attacker links to. */
function outside(): string {
  const dir = tempDir("chapar-outside-");
  writeFileSync(path.join(dir, "passwd"), `${SECRET}\n`);
  writeFileSync(path.join(dir, "shadow"), `${SECRET}:$6$hash\n`);
  writeFileSync(path.join(dir, "photo.jpg"), JPEG);
  writeFileSync(path.join(dir, "page.md"), `---\ntitle: "راز"\n---\n${SECRET}\n`);
  const categories = { culture: { name: SECRET }, education: { name: "آموزشی" }, empty: { name: "بی‌خبر" } };
  writeFileSync(path.join(dir, "categories.json"), JSON.stringify(categories));
  return dir;
}

/** Adds front-matter lines (and optionally body text) to a release of the fixture. */
function editRelease(content: string, file: string, lines: string, body = ""): void {
  const absolute = path.join(content, file);
  const source = readFileSync(absolute, "utf8");
  writeFileSync(absolute, source.replace(/^---\n/, `---\n${lines}\n`) + body);
}

/**
 * Builds `content` into a fresh output folder; the build must fail, write nothing (not even a staging
 * folder beside the output) and show no byte of the secret.
 */
function refused(content: string): string {
  const parent = tempDir();
  const out = path.join(parent, "dist");
  const result = build(content, { out });
  assert.notEqual(result.code, 0, `the build must fail:\n${result.stdout}\n${result.stderr}`);
  assert.equal(existsSync(out), false, "nothing may be written");
  assert.deepEqual(readdirSync(parent), [], "no staging folder may be left");
  assert.ok(!`${result.stdout}${result.stderr}`.includes(SECRET), "the secret's bytes may not be shown");
  return result.stderr;
}

describe("links that leave the content folder", () => {
  test("a file link as an attachment: refused, and the previous output stays as it was", () => {
    const content = copyFixture("basic");
    const secrets = outside();
    const out = path.join(tempDir(), "dist");
    buildOk(content, { out });
    const before = new Map(listOutput(out).map((f) => [f, readFileSync(path.join(out, f))]));
    symlinkSync(path.join(secrets, "passwd"), path.join(content, "releases/1403/passwd.pdf"));
    editRelease(content, "releases/1403/nowruz.md", `attachments:\n  - file: passwd.pdf\n    title: "فهرست"`);
    const result = build(content, { out });
    assert.notEqual(result.code, 0);
    const target = path.join(secrets, "passwd");
    assert.ok(result.stderr.includes(`releases/1403/passwd.pdf  ${leaves("releases/1403/passwd.pdf", target)}`), result.stderr);
    assert.ok(
      result.stderr.includes(`releases/1403/nowruz.md:3:1  فیلد «attachments.0.file»: ${leaves("releases/1403/passwd.pdf", target)}`),
      result.stderr,
    );
    assert.deepEqual(listOutput(out), [...before.keys()], "the output's files are the previous build's");
    for (const [file, bytes] of before) assert.deepEqual(readFileSync(path.join(out, file)), bytes, `${file} unchanged`);
    assert.ok(!listOutput(out).some((f) => readFileSync(path.join(out, f)).includes(SECRET)));
  });

  test("the favicon linked to /etc/passwd", () => {
    const content = copyFixture("basic");
    const target = path.join(outside(), "passwd");
    symlinkSync(target, path.join(content, "favicon.svg"));
    const err = refused(content);
    assert.ok(err.includes(`favicon.svg  ${leaves("favicon.svg", target)}`), err);
  });

  test("a folder link with the logo in it (skipping the file-type allow-list)", () => {
    const content = copyFixture("basic");
    const secrets = outside();
    symlinkSync(secrets, path.join(content, "etc"));
    const siteFile = path.join(content, "_data/site.json");
    const site = JSON.parse(readFileSync(siteFile, "utf8")) as { organization: Record<string, string> };
    site.organization.logo = "etc/shadow";
    writeFileSync(siteFile, JSON.stringify(site));
    const err = refused(content);
    assert.ok(err.includes(`_data/site.json  فیلد «organization.logo»: ${leaves("etc", secrets)}`), err);
  });

  test("an unused folder link is refused too", () => {
    const content = copyFixture("basic");
    const secrets = outside();
    symlinkSync(secrets, path.join(content, "etc"));
    assert.ok(refused(content).includes(`etc  ${leaves("etc", secrets)}`));
  });

  test("a gallery photo in a linked folder", () => {
    const content = copyFixture("basic");
    const secrets = outside();
    symlinkSync(secrets, path.join(content, "releases/1403/photos"));
    editRelease(content, "releases/1403/nowruz.md", `gallery:\n  - file: photos/photo.jpg\n    alt: "عکس"`);
    const err = refused(content);
    assert.ok(err.includes(`releases/1403/photos  ${leaves("releases/1403/photos", secrets)}`), err);
    assert.ok(err.includes(`releases/1403/nowruz.md:3:1  فیلد «gallery.0.file»: ${leaves("releases/1403/photos", secrets)}`), err);
  });

  test("the lead image linked out", () => {
    const content = copyFixture("basic");
    const target = path.join(outside(), "photo.jpg");
    symlinkSync(target, path.join(content, "releases/1403/lead.jpg"));
    editRelease(content, "releases/1403/nowruz.md", `image: lead.jpg\nimageAlt: "عکس"`);
    const err = refused(content);
    assert.ok(err.includes(`releases/1403/nowruz.md:2:1  فیلد «image»: ${leaves("releases/1403/lead.jpg", target)}`), err);
  });

  test("an inline image linked out", () => {
    const content = copyFixture("basic");
    const target = path.join(outside(), "photo.jpg");
    symlinkSync(target, path.join(content, "releases/1403/inline.jpg"));
    editRelease(content, "releases/1403/nowruz.md", "", "\n![عکس](inline.jpg)\n");
    const err = refused(content);
    assert.match(err, new RegExp(`releases/1403/nowruz\\.md:\\d+:1  ${escapeRegExp(leaves("releases/1403/inline.jpg", target))}`));
  });

  test("a data file (_data/categories.json) linked out", () => {
    const content = copyFixture("basic");
    const target = path.join(outside(), "categories.json");
    const file = path.join(content, "_data/categories.json");
    renameSync(file, `${file}.orig`);
    symlinkSync(target, file);
    const err = refused(content);
    assert.ok(err.includes(`_data/categories.json  ${leaves("_data/categories.json", target)}`), err);
  });

  test("an office page linked out", () => {
    const content = copyFixture("office-pages");
    const target = path.join(outside(), "page.md");
    symlinkSync(target, path.join(content, "pages/secret.md"));
    const err = refused(content);
    assert.ok(err.includes(`pages/secret.md  ${leaves("pages/secret.md", target)}`), err);
  });

  test("a link into a hidden folder of the content (.git/config) is refused", () => {
    const content = copyFixture("basic");
    mkdirSync(path.join(content, ".git"));
    writeFileSync(path.join(content, ".git/config"), `url = https://${SECRET}@example.ir/\n`);
    symlinkSync("../../.git/config", path.join(content, "releases/1403/config.pdf"));
    const err = refused(content);
    assert.ok(
      err.includes(
        "releases/1403/config.pdf  «releases/1403/config.pdf» پیوندی (symlink) به «../../.git/config» است که پرونده یا پوشه‌ای پنهان است (نامش با نقطه شروع می‌شود)؛ چاپار آن را منتشر نمی‌کند: خودِ پرونده را به جای پیوند بگذارید",
      ),
      err,
    );
  });

  test("the copy step reads what was checked, not a link swapped in after the check", () => {
    const content = copyFixture("basic");
    const target = path.join(outside(), "passwd");
    // The content check saw a plain file; by the time of the copy it is a link to the secret.
    symlinkSync(target, path.join(content, "releases/1403/late.pdf"));
    const data = {
      content: { contentDir: content },
      model: { releasePages: [{ release: { attachments: [{ file: "releases/1403/late.pdf" }], gallery: [] } }], withdrawnPages: [] },
    } as unknown as ChaparData;
    const out = path.join(tempDir(), "dist");
    assert.throws(() => copyReleaseFiles(data, out), { message: `releases/1403/late.pdf  ${leaves("releases/1403/late.pdf", target)}` });
    assert.ok(!listOutput(out).some((f) => readFileSync(path.join(out, f)).includes(SECRET)));
    assert.throws(() => readContentFile(content, "releases/1403/late.pdf"), { name: "ContentPathError" });
  });
});

test("a folder swapped for a link between the check and the open is caught by the opened file's own path (Linux)", {
  skip: !existsSync("/proc/self/fd"),
}, () => {
  const content = copyFixture("basic");
  const secrets = outside();
  mkdirSync(path.join(content, "files"));
  writeFileSync(path.join(content, "files/passwd"), "harmless");
  writeFileSync(path.join(secrets, "files-passwd"), SECRET);
  mkdirSync(path.join(secrets, "files"));
  writeFileSync(path.join(secrets, "files/passwd"), SECRET);
  // The attacker's move, timed to land right after the real path is checked and before it is opened.
  const realpath = fs.realpathSync.native;
  let swapped = false;
  fs.realpathSync.native = ((file: string) => {
    const real = realpath(file);
    if (!swapped && String(file).endsWith(path.join("files", "passwd"))) {
      swapped = true;
      renameSync(path.join(content, "files"), path.join(content, "files.checked"));
      symlinkSync(path.join(secrets, "files"), path.join(content, "files"));
    }
    return real;
  }) as typeof fs.realpathSync.native;
  try {
    assert.throws(() => readContentFile(content, "files/passwd"), {
      name: "ContentPathError",
      message: `files/passwd  ${leaves("files/passwd", path.join(fs.realpathSync(secrets), "files/passwd"))}`,
    });
    assert.ok(swapped, "the swap happened between the check and the open");
  } finally {
    fs.realpathSync.native = realpath;
  }
});

describe("links inside the content folder, hidden files and junk", () => {
  test("a link inside the folder is followed: a linked image folder publishes its photo, a linked release is built", () => {
    const content = copyFixture("basic");
    symlinkSync("../1401/spring.md", path.join(content, "releases/1403/alias.md"));
    mkdirSync(path.join(content, "shared"));
    writeFileSync(path.join(content, "shared/photo.jpg"), JPEG);
    symlinkSync("../../shared", path.join(content, "releases/1403/photos"));
    editRelease(content, "releases/1403/nowruz.md", `gallery:\n  - file: photos/photo.jpg\n    alt: "عکس"`);
    const { out } = buildOk(content);
    assert.ok(listOutput(out).some((f) => f.startsWith("assets/images/") && f.endsWith(".jpg")));
    // Copied from the checked real path (on Linux through the opened descriptor): the photo's own bytes.
    assert.deepEqual(readFileSync(path.join(out, "media/releases/1403/photos/photo.jpg")), JPEG);
    // Its URL comes from its own name (a linked release is a second release, as a copy would be).
    assert.ok(
      listOutput(out).some((f) => /^1401\/02\/alias\/index\.html$/.test(f)),
      listOutput(out).join("\n"),
    );
  });

  test("a release linked out is refused; a hidden one is a warning, not built", () => {
    const content = copyFixture("basic");
    const target = path.join(outside(), "page.md");
    symlinkSync(target, path.join(content, "releases/1403/linked.md"));
    writeFileSync(path.join(content, "releases/1403/.hidden.md"), `---\ntitle: "پنهان"\n---\nمتن.\n`);
    const err = refused(content);
    assert.ok(err.includes(`releases/1403/linked.md  ${leaves("releases/1403/linked.md", target)}`), err);
    assert.ok(
      err.includes(
        "releases/1403/.hidden.md  این پرونده پنهان است (نامش با نقطه شروع می‌شود) و ساخته نمی‌شود؛ اگر خبر است، نقطه‌ی آغاز نامش را بردارید",
      ),
      err,
    );
  });

  test("junk left by operating systems, Office and editors is ignored", () => {
    const content = copyFixture("basic");
    const dir = path.join(content, "releases/1403");
    for (const junk of [
      "Thumbs.db",
      "desktop.ini",
      ".DS_Store",
      "~$گزارش.docx",
      ".nowruz.md.swp",
      "nowruz.md~",
      "#nowruz.md#",
      ".#nowruz.md",
    ]) {
      writeFileSync(path.join(dir, junk), "junk");
    }
    writeFileSync(path.join(content, "Thumbs.db"), "junk");
    const { stderr } = buildOk(content);
    assert.ok(!stderr.includes("جایی ندارد"), stderr);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
