/** Site footer: the organisation's details and the `extendFooter` extension point. */
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ChaparData } from "../../lib/site/data.ts";
import { subscribeLinks } from "../../lib/features/feeds.ts";
import { toPersianDigits } from "../../lib/text/digits.ts";

export function footer(chapar: ChaparData, extend?: SafeHtml): SafeHtml {
  const org = chapar.site.organization;
  const { strings } = chapar.locale;
  return html`<footer class="site-footer">
<p class="org-name">${org.name}</p>
${org.about ? html`<p class="org-about">${org.about}</p>` : ""}
<address>
${org.address ? html`<span>${strings.address}: ${org.address}</span>` : ""}
${org.phone ? html`<span>${strings.phone}: <a href="tel:${org.phone.replace(/[^\d+]/g, "")}" dir="ltr">${toPersianDigits(org.phone)}</a></span>` : ""}
${org.email ? html`<span>${strings.email}: <a href="mailto:${org.email}" dir="ltr">${org.email}</a></span>` : ""}
</address>
${subscribeLinks(chapar)}
${chapar.extensions.footerEnd ?? ""}${extend ?? ""}
</footer>`;
}
