/**
 * Share links for a release: plain links to each service's own share address, so no third-party
 * script, frame or request is on the page until a reader clicks; shown as a row of labelled buttons.
 * "Copy link" needs no JavaScript either: the whole address is shown as text (one click selects it
 * all, `user-select: all`), left-to-right and isolated (`<bdi dir="ltr">`) so the Persian sentence
 * around it keeps its order. Print CSS hides `.share-links`.
 */
import type { Release } from "../../lib/content/load.ts";
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ChaparData } from "../../lib/site/data.ts";
import { toUri } from "../../lib/site/urls.ts";
import type { UiStrings } from "../../lib/locale/types.ts";

/** Share addresses of each service for one URL and title (query values percent-encoded). */
export function shareTargets(strings: UiStrings, url: string, title: string): { service: string; label: string; href: string }[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { service: "telegram", label: strings.shareTelegram, href: `https://t.me/share/url?url=${u}&text=${t}` },
    { service: "whatsapp", label: strings.shareWhatsApp, href: `https://wa.me/?text=${encodeURIComponent(`${title}\n${url}`)}` },
    { service: "x", label: strings.shareX, href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { service: "email", label: strings.shareEmail, href: `mailto:?subject=${t}&body=${encodeURIComponent(`${title}\n\n${url}`)}` },
  ];
}

export function shareLinks(chapar: ChaparData, release: Release): SafeHtml {
  const url = toUri(chapar.urls.absolute(release.url));
  const { strings } = chapar.locale;
  return html`<aside class="share-links" aria-labelledby="share-heading">
<h2 id="share-heading">${strings.share}</h2>
<ul class="share-buttons">
${shareTargets(strings, url, release.title).map((s) => html`<li><a class="share-button share-${s.service}" href="${s.href}" rel="noopener">${s.label}</a></li>`)}
</ul>
<p class="share-copy"><span class="share-copy-label">${strings.shareLinkLabel}</span>
<bdi class="share-url" dir="ltr">${url}</bdi></p>
</aside>`;
}
