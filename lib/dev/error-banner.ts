/**
 * What the preview adds to pages: the live-reload script, and while the content has errors, a banner
 * listing them (on every page served from the last good state) or a page of them (a broken release's
 * own page, or every page before anything has loaded). Like every author-facing message, in Persian
 * and right-to-left whatever the site's locale; inline styles only, nothing fetched from elsewhere.
 */
import { formatProblem, type ContentProblem } from "../content/errors.ts";
import { fa } from "../locale/fa.ts";
import { escapeHtml } from "../render/html.ts";

/** The script added before `</body>` of every page served in preview (never in a build). */
export const LIVE_RELOAD_SNIPPET = `<script>new EventSource("/__chapar/events").onmessage = () => location.reload();</script>`;

/** The banner's heading: the pages shown are older than the save. */
export const BANNER_HEADING = "محتوا خطا دارد؛ صفحه‌ها از آخرین حالت درست نشان داده می‌شوند تا پرونده درست شود.";
/** The heading of a broken release's own page. */
export const RELEASE_ERROR_HEADING = "این خبر خطا دارد؛ پس از ذخیره‌ی پرونده‌ی درست‌شده، صفحه خودش به‌روز می‌شود.";
/** The heading shown before the content has ever loaded without errors. */
export const CONTENT_ERROR_HEADING = "محتوا خطا دارد؛ پیش‌نمایش پس از درست کردن آن به‌روز می‌شود.";

/** One problem as a list item: where (file:line:column, left-to-right) and the message. */
function problemItem(problem: ContentProblem): string {
  // Content-relative paths in the page (the terminal's report has the clickable ones).
  const line = formatProblem(problem, { contentDir: ".", cwd: "." });
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  const message = line.startsWith(where) ? line.slice(where.length).trim() : line;
  return `<li style="margin:.25em 0"><code dir="ltr" style="font-family:ui-monospace,monospace;unicode-bidi:isolate">${escapeHtml(where)}</code> ${escapeHtml(message)}</li>`;
}

function problemList(problems: readonly ContentProblem[]): string {
  return `<ul style="margin:.5em 0 0;padding-inline-start:1.5em">${problems.map(problemItem).join("")}</ul>`;
}

/** The banner put at the top of every page while the latest save has errors. */
export function errorBanner(problems: readonly ContentProblem[]): string {
  return (
    `<div role="alert" dir="${fa.dir}" lang="${fa.lang}" id="chapar-dev-errors" style="all:initial;display:block;position:sticky;top:0;z-index:2147483647;` +
    `box-sizing:border-box;padding:.75rem 1rem;background:#fff4f4;color:#5c0000;border-block-end:4px solid #c00;` +
    `font:15px/1.8 system-ui,sans-serif;direction:${fa.dir};text-align:start">` +
    `<strong>${escapeHtml(BANNER_HEADING)}</strong>${problemList(problems)}</div>`
  );
}

/** The errors' page: a broken release's own page (with how many errors other files have), or the whole preview's before a first good load. */
export function errorPage(problems: readonly ContentProblem[], elsewhere?: number): string {
  const heading = elsewhere === undefined ? CONTENT_ERROR_HEADING : RELEASE_ERROR_HEADING;
  const others = elsewhere ? `<p>و ${elsewhere} خطای دیگر در پرونده‌های دیگر (در نوار بالای صفحه‌های دیگر).</p>` : "";
  return `<!doctype html>
<html lang="${fa.lang}" dir="${fa.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>خطا در محتوا</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.8}</style></head>
<body><div role="alert" style="background:#fff4f4;color:#5c0000;border-inline-start:4px solid #c00;padding:1rem"><h1 style="font-size:1.25rem;margin:0">${escapeHtml(heading)}</h1>
${problemList(problems)}</div>${others}
${LIVE_RELOAD_SNIPPET}</body>
</html>
`;
}

/** Adds `snippet` before `</body>` (or at the end). */
export function injectBeforeBodyEnd(html: string, snippet: string): string {
  const at = html.lastIndexOf("</body>");
  return at < 0 ? html + snippet : html.slice(0, at) + snippet + html.slice(at);
}

/** Puts the banner first inside `<body …>` (or first of all), where a screen reader and the eye meet it first. */
export function injectBanner(html: string, banner: string): string {
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return banner + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + banner + html.slice(at);
}
