/**
 * The site icon (lib/features/favicon.ts): every page links one, so browsers never ask for a missing
 * `/favicon.ico`; the office's own `content/favicon.*` wins over Chapar's; the base path is kept.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { buildOk, copyFixture, fileFor, listOutput, readPage, ROOT } from "../helpers/build.ts";

function iconLinks(out: string): { page: string; href: string | null; type: string | null }[] {
  return listOutput(out)
    .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"))
    .map((f) => {
      const links = [...readPage(out, `/${f}`).querySelectorAll('link[rel="icon"]')];
      assert.equal(links.length, 1, `${f}: one icon link`);
      return { page: f, href: links[0]!.getAttribute("href"), type: links[0]!.getAttribute("type") };
    });
}

describe("favicon", () => {
  test("Chapar's icon, hashed under /assets/, is linked from every page", () => {
    const { out } = buildOk(copyFixture("basic"));
    const links = iconLinks(out);
    const hrefs = [...new Set(links.map((l) => l.href))];
    assert.equal(hrefs.length, 1, JSON.stringify(hrefs));
    assert.match(hrefs[0]!, /^\/assets\/favicon\.[0-9a-f]{10}\.svg$/);
    assert.ok(links.every((l) => l.type === "image/svg+xml"));
    assert.deepEqual(readFileSync(fileFor(out, hrefs[0]!)), readFileSync(path.join(ROOT, "assets/icons/favicon.svg")));
    assert.ok(!existsSync(path.join(out, "favicon.ico")));
  });

  test("the office's own content/favicon.png wins, and the base path is kept", () => {
    const content = copyFixture("basic");
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5f1a30000000049454e44ae426082",
      "hex",
    );
    writeFileSync(path.join(content, "favicon.png"), png);
    const siteFile = path.join(content, "_data/site.json");
    writeFileSync(siteFile, JSON.stringify({ ...JSON.parse(readFileSync(siteFile, "utf8")), url: "https://example.ir/press/" }));
    const { out } = buildOk(content);
    const links = iconLinks(out);
    const href = links[0]!.href!;
    assert.match(href, /^\/press\/assets\/favicon\.[0-9a-f]{10}\.png$/);
    assert.ok(links.every((l) => l.href === href && l.type === "image/png"));
    assert.deepEqual(readFileSync(fileFor(out, href.slice("/press".length))), png);
  });
});
