/**
 * The sitemap reads what each page says of itself (its route's `lastModified` and `noindex`, declared
 * by its template with `definePage`): a new kind of page needs no edit in lib/features/sitemap.ts.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { defaults, sitemapFiles, type BuiltPage } from "../../lib/features/sitemap.ts";
import { createChaparData } from "../../lib/site/data.ts";
import { definePage, pageRoutes, type PageTemplate } from "../../lib/site/pages.ts";
import type { PageData } from "../../layouts/pages/types.ts";
import { FIXED_NOW, FIXTURES } from "../helpers/build.ts";

test("a new page template's routes reach the sitemap with their own lastmod and noindex", () => {
  const data = createChaparData({ contentDir: path.join(FIXTURES, "publishing"), preview: false, now: Date.parse(FIXED_NOW) });
  const newest = data.model.releases[0]!;
  const template = (file: string, page: ReturnType<typeof definePage<PageData>>): PageTemplate => ({
    file,
    page: page as unknown as PageTemplate["page"],
  });
  const templates = [
    template(
      "media-kit.11ty.ts",
      definePage({ data: { permalink: "/media-kit/" }, render: () => "", lastModified: () => newest.modified }),
    ),
    template("private.11ty.ts", definePage({ data: { permalink: "/private/" }, render: () => "", noindex: true })),
  ];
  const routes = pageRoutes(data, templates);
  assert.deepEqual(
    routes.map((r) => [r.url, r.lastModified?.iso, r.noindex]),
    [
      ["/media-kit/", newest.modified.iso, false],
      ["/private/", undefined, true],
    ],
  );
  // A page Eleventy wrote from a template of its own, with no route: listed, without lastmod.
  const built: BuiltPage[] = [
    ...routes.map((r) => ({ url: r.url, outputPath: `x${r.url}index.html` })),
    { url: "/other/", outputPath: "x/other/index.html" },
  ];
  const sitemap = sitemapFiles(data, built, routes, defaults).get("/sitemap.xml")!;
  assert.match(
    sitemap,
    new RegExp(`<loc>https://example.ir/media-kit/</loc><lastmod>${newest.modified.iso.replace(/\+/g, "\\+")}</lastmod>`),
  );
  assert.match(sitemap, /<loc>https:\/\/example.ir\/other\/<\/loc><\/url>/);
  assert.doesNotMatch(sitemap, /private/);
});
