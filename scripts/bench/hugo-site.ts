/**
 * Turns a Chapar content folder into an equivalent Hugo site for the benchmark: the same releases and
 * bodies, the same URLs (`/<jalali year>/<month>/<slug>/`, given to Hugo as `url`), dates converted to
 * ISO with the site zone's offset by Chapar's own date module, categories and tags as taxonomies,
 * a third taxonomy `archives` (one term per Jalali month) for the month archive, paginated lists
 * (page size from site.json), an RTL base layout, release cards with summaries, newer/older links and
 * three related releases of the same category, and `data-pagefind-body` on release pages so Pagefind
 * indexes the same documents. Drafts stay drafts and scheduled releases are future-dated, so Hugo
 * leaves both out as Chapar does. Hugo shows Gregorian dates (it has no Jalali calendar).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as yaml from "js-yaml";
import { parseReleaseDate } from "../../lib/dates/jalali.ts";
import { slugify } from "../../lib/text/persian.ts";

function walk(dir: string, prefix: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".") || entry.name === "_data") continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(path.join(dir, entry.name), rel, out);
    else if (entry.name.endsWith(".md")) out.push(rel);
  }
  return out;
}

const q = (s: string) => JSON.stringify(s);

const LAYOUTS: Record<string, string> = {
  "_default/baseof.html": `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
{{ with .Site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}" title="{{ $.Site.Title }}">{{ end }}
</head>
<body>
<a class="skip-link" href="#main">پرش به محتوا</a>
<header class="site-header"><a class="site-name" href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav aria-label="فهرست اصلی"><ul><li><a href="{{ "/" | relURL }}">خانه</a></li><li><a href="{{ "/categories/" | relURL }}">دسته‌ها</a></li><li><a href="{{ "/tags/" | relURL }}">برچسب‌ها</a></li><li><a href="{{ "/archives/" | relURL }}">بایگانی</a></li></ul></nav>
</header>
<main id="main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p>{{ .Site.Params.organization }}</p><address>{{ .Site.Params.address }}</address></footer>
</body>
</html>
`,
  "partials/card.html": `<li><article class="release-card">
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p class="release-card-meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2006-01-02" }}</time>{{ range .Params.categories }} · <a href="{{ print "/categories/" . "/" | relURL }}">{{ index site.Params.categorynames . }}</a>{{ end }}</p>
<p class="release-card-summary">{{ with .Params.summary }}{{ . }}{{ else }}{{ .Summary }}{{ end }}</p>
</article></li>
`,
  "_default/single.html": `{{ define "main" }}<article class="release" data-pagefind-body>
<header>
{{ range .GetTerms "categories" }}<p class="release-category"><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></p>{{ end }}
<h1>{{ .Title }}</h1>
<p class="release-meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "Monday 2 January 2006" }}</time></p>
{{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}
</header>
<div class="release-body">
{{ .Content }}
</div>
{{ with .GetTerms "tags" }}<footer class="release-tags"><h2>برچسب‌ها</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}" rel="tag">{{ .LinkTitle }}</a></li>{{ end }}</ul></footer>{{ end }}
</article>
<nav class="release-nav"><ul>
{{ with .Next }}<li><a href="{{ .RelPermalink }}" rel="next">{{ .Title }}</a></li>{{ end }}
{{ with .Prev }}<li><a href="{{ .RelPermalink }}" rel="prev">{{ .Title }}</a></li>{{ end }}
</ul></nav>
{{ $related := slice }}{{ with .NextInSection }}{{ $related = $related | append . }}{{ end }}{{ with .PrevInSection }}{{ $related = $related | append . }}{{ end }}{{ with .NextInSection }}{{ with .NextInSection }}{{ $related = $related | append . }}{{ end }}{{ end }}
{{ with $related }}<section class="related"><h2>خبرهای مرتبط</h2><ol class="release-list">{{ range . }}{{ partial "card.html" . }}{{ end }}</ol></section>{{ end }}
{{ end }}
`,
  "_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ with .Content }}<div class="term-description">{{ . }}</div>{{ end }}
<ol class="release-list">{{ range .Paginator.Pages }}{{ partial "card.html" . }}{{ end }}</ol>
{{ with .Paginator }}{{ if gt .TotalPages 1 }}<nav class="pagination" aria-label="صفحه‌ها">{{ if .HasPrev }}<a href="{{ .Prev.URL }}" rel="prev">صفحه‌ی قبل</a>{{ end }} <span>صفحه‌ی {{ .PageNumber }} از {{ .TotalPages }}</span> {{ if .HasNext }}<a href="{{ .Next.URL }}" rel="next">صفحه‌ی بعد</a>{{ end }}</nav>{{ end }}{{ end }}
{{ end }}
`,
  "_default/terms.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul class="term-list">{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
`,
};

/** Writes the Hugo site for `contentDir` into `siteDir` (emptied first); returns the number of releases. */
export function writeHugoSite(contentDir: string, siteDir: string): number {
  rmSync(siteDir, { recursive: true, force: true });
  const site = JSON.parse(readFileSync(path.join(contentDir, "_data/site.json"), "utf8")) as {
    name: string;
    description?: string;
    url: string;
    timeZone?: string;
    pageSize?: number;
    organization: { name: string; address?: string };
  };
  const categories = JSON.parse(readFileSync(path.join(contentDir, "_data/categories.json"), "utf8")) as Record<
    string,
    { name: string; description?: string }
  >;
  const timeZone = site.timeZone ?? "Asia/Tehran";
  const config = `baseURL = ${q(site.url)}
languageCode = "fa"
defaultContentLanguage = "fa"
title = ${q(site.name)}
timeZone = ${q(timeZone)}
paginate = ${site.pageSize ?? 10}
rssLimit = 20

[languages.fa]
languageDirection = "rtl"
weight = 1

[params]
description = ${q(site.description ?? "")}
organization = ${q(site.organization.name)}
address = ${q(site.organization.address ?? "")}

[taxonomies]
category = "categories"
tag = "tags"
archive = "archives"

[outputs]
home = ["HTML", "RSS"]
taxonomy = ["HTML"]
term = ["HTML"]


[params.categorynames]
${Object.entries(categories)
  .map(([key, c]) => `${key} = ${q(c.name)}`)
  .join("\n")}
`;
  mkdirSync(siteDir, { recursive: true });
  writeFileSync(path.join(siteDir, "config.toml"), config);
  for (const [file, text] of Object.entries(LAYOUTS)) {
    mkdirSync(path.dirname(path.join(siteDir, "layouts", file)), { recursive: true });
    writeFileSync(path.join(siteDir, "layouts", file), text);
  }
  mkdirSync(path.join(siteDir, "static"), { recursive: true });
  writeFileSync(path.join(siteDir, "static/style.css"), "body{margin-inline:auto;max-inline-size:48rem}\n");
  for (const [key, category] of Object.entries(categories)) {
    const dir = path.join(siteDir, "content/categories", key);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "_index.md"), `---\ntitle: ${q(category.name)}\n---\n${category.description ?? ""}\n`);
    // The category's section (its releases, for same-category neighbours) is not a page of its own:
    // the category's list is its taxonomy term page.
    mkdirSync(path.join(siteDir, "content", key), { recursive: true });
    writeFileSync(path.join(siteDir, "content", key, "_index.md"), `---\ntitle: ${q(category.name)}\n_build:\n  render: never\n---\n`);
  }

  let count = 0;
  const dirs = new Set<string>();
  for (const rel of walk(contentDir, "", [])) {
    const source = readFileSync(path.join(contentDir, rel), "utf8");
    const end = source.indexOf("\n---", 4);
    const data = yaml.load(source.slice(4, end), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
    const parsed = parseReleaseDate(data.date, timeZone);
    if (!parsed.ok) throw new Error(`${rel}: ${parsed.reason}`);
    const { date } = parsed;
    const slug = typeof data.slug === "string" ? data.slug : slugify(path.basename(rel, ".md"));
    const month = String(date.jm).padStart(2, "0");
    const tags = Array.isArray(data.tags) ? data.tags.map(String) : typeof data.tags === "string" ? [data.tags] : [];
    const fm = [
      "---",
      `title: ${q(String(data.title))}`,
      `date: ${date.iso}`,
      `categories: [${q(String(data.category))}]`,
      `tags: [${tags.map(q).join(", ")}]`,
      `archives: [${q(`${date.jy}-${month}`)}]`,
      `url: ${q(`/${date.jy}/${month}/${slug}/`)}`,
    ];
    if (typeof data.summary === "string") fm.push(`summary: ${q(data.summary)}`);
    if (data.draft === true) fm.push("draft: true");
    fm.push("---", "");
    // One section per category: newer/older in the section are the nearest releases of the same category.
    const target = path.join(siteDir, "content", String(data.category), rel);
    const dir = path.dirname(target);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(target, fm.join("\n") + source.slice(end + 5));
    count++;
  }
  return count;
}
