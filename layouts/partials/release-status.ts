/** The dev-server banner on drafts and scheduled releases (they never reach `npm run build`). */
import { formatDateTime } from "../../lib/dates/format.ts";
import type { Release } from "../../lib/content/load.ts";
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ChaparData } from "../../lib/site/data.ts";

export function statusBanner(chapar: ChaparData, release: Release, compact = false): SafeHtml {
  const status = chapar.model.statusOf.get(release.url);
  const { strings } = chapar.locale;
  if (status === "draft") return html`<p class="status-banner status-draft" role="note">${compact ? "پیش‌نویس" : strings.draftBanner}</p>`;
  if (status === "scheduled") {
    const when = formatDateTime(release.date.instant, chapar.site.timeZone, chapar.locale);
    return html`<p class="status-banner status-scheduled" role="note">${compact ? "زمان‌بندی‌شده" : strings.scheduledBanner(when)}</p>`;
  }
  return html``;
}
