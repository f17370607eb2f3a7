/**
 * The parts of a release page that make it a press release: type label, issuing office, dateline,
 * withdrawal notice, and after the body the correction history, photo gallery, attachments, the
 * organisation's "about" text and the media contact.
 */
import type { Release } from "../../lib/content/load.ts";
import type { Contact, GalleryImage } from "../../lib/content/press.ts";
import type { ReleaseDate } from "../../lib/dates/jalali.ts";
import { formatDateTime, formatLongDate } from "../../lib/dates/format.ts";
import { pictureHtml } from "../../lib/features/images.ts";
import { html, type SafeHtml } from "../../lib/render/html.ts";
import type { ChaparData } from "../../lib/site/data.ts";
import { siteUrls } from "../../lib/site/urls.ts";
import { toLatinDigits, toPersianDigits } from "../../lib/text/digits.ts";
import type { UiStrings } from "../../lib/locale/types.ts";

/** A date as readers see it, with the hour when the author gave one, in a `<time>` element. */
function timeElement(chapar: ChaparData, date: ReleaseDate): SafeHtml {
  const { site, locale } = chapar;
  const text = date.hasTime ? formatDateTime(date.instant, site.timeZone, locale) : formatLongDate(date.instant, site.timeZone, locale);
  return html`<time datetime="${date.iso}">${text}</time>`;
}

/** `اطلاعیه` — the release's type, shown beside its category. */
export function releaseTypeLabel(release: Release): SafeHtml {
  return release.type ? html`<span class="release-type">${release.type.label}</span>` : html``;
}

/** `صادرکننده: روابط عمومی …` for the release's meta line. */
export function issuedBy(strings: UiStrings, release: Release): SafeHtml {
  return html`<span class="release-from">${strings.issuedBy}: ${release.from}</span>`;
}

/** The lead, opened by the dateline (`تهران —`) when the release has a `location`. */
export function leadParagraph(release: Release): SafeHtml {
  // Without a summary the body's first paragraph is the lead and already opens with the dateline.
  if (release.leadInBody) return html``;
  const dateline = release.location ? html`<span class="dateline">${release.location} —</span> ` : "";
  if (release.summary) return html`<p class="lead">${dateline}${release.summary}</p>`;
  return release.location ? html`<p class="lead">${dateline}</p>` : html``;
}

/** The notice at the top of a withdrawn release: when and why it was withdrawn. */
export function withdrawalNotice(chapar: ChaparData, release: Release): SafeHtml {
  const { withdrawn } = release;
  if (!withdrawn) return html``;
  const { strings } = chapar.locale;
  return html`<div class="withdrawal-notice" role="note">
<p class="withdrawal-title"><strong>${strings.withdrawnTitle}</strong></p>
<p>${strings.withdrawnOn}: ${timeElement(chapar, withdrawn.date)}</p>
<p>${strings.withdrawnReason}: ${withdrawn.reason}</p>
</div>`;
}

function updatesHistory(chapar: ChaparData, release: Release): SafeHtml {
  if (release.updates.length === 0) return html``;
  return html`<section class="release-updates" id="updates" aria-labelledby="updates-heading">
<h2 id="updates-heading">${chapar.locale.strings.updatesHeading}</h2>
<ol>
${release.updates.map((u) => html`<li>${timeElement(chapar, u.date)}: ${u.note}</li>`)}
</ol>
</section>`;
}

/** How wide a gallery cell is shown (press.css: columns of at least 12rem in a ~40rem column). */
const GALLERY_SIZES = "(min-width: 42rem) 20rem, 50vw";

/** A thumbnail: the lead-image pipeline's `<picture>` when it made one, else the file as it is. */
function galleryThumbnail(chapar: ChaparData, image: GalleryImage, original: string): SafeHtml {
  const processed = chapar.assets.images.get(image.file);
  if (processed) return pictureHtml(processed, { alt: image.alt, href: chapar.urls.href, sizes: GALLERY_SIZES });
  const size = image.width !== undefined && image.height !== undefined ? html` width="${image.width}" height="${image.height}"` : "";
  return html`<img src="${original}" alt="${image.alt}"${size} loading="lazy" decoding="async">`;
}

/** A grid of photos, each linking to its full-size file; CSS only, no script. */
function gallery(chapar: ChaparData, release: Release): SafeHtml {
  if (release.gallery.length === 0) return html``;
  return html`<section class="gallery" aria-labelledby="gallery-heading">
<h2 id="gallery-heading">${chapar.locale.strings.galleryHeading}</h2>
<ul class="gallery-grid">
${release.gallery.map((image) => {
  const original = chapar.urls.href(siteUrls.media(image.file));
  return html`<li><figure><a href="${original}">${galleryThumbnail(chapar, image, original)}</a>${
    image.caption ? html`<figcaption>${image.caption}</figcaption>` : ""
  }</figure></li>`;
})}
</ul>
</section>`;
}

function attachments(chapar: ChaparData, release: Release): SafeHtml {
  if (release.attachments.length === 0) return html``;
  const { urls } = chapar;
  return html`<section class="attachments" aria-labelledby="attachments-heading">
<h2 id="attachments-heading">${chapar.locale.strings.attachmentsHeading}</h2>
<ul>
${release.attachments.map(
  (a) =>
    html`<li><a href="${urls.href(siteUrls.media(a.file))}">${a.title}</a> <span class="attachment-meta">(<bdi>${a.kind}</bdi>، ${a.size})</span></li>`,
)}
</ul>
</section>`;
}

function aboutOrganization(chapar: ChaparData): SafeHtml {
  const org = chapar.site.organization;
  if (!org.about) return html``;
  // The same on every release: left out of the search index, or each of its words would find them all.
  return html`<section class="about-org" aria-labelledby="about-org-heading" data-pagefind-ignore>
<h2 id="about-org-heading">${chapar.locale.strings.aboutHeading(org.name)}</h2>
<p>${org.about}</p>
</section>`;
}

function mediaContact(strings: UiStrings, contact: Contact | undefined): SafeHtml {
  if (!contact) return html``;
  return html`<section class="media-contact" aria-labelledby="media-contact-heading">
<h2 id="media-contact-heading">${strings.mediaContactHeading}</h2>
<address>
<p class="contact-name">${contact.name}${contact.role ? html`<span class="contact-role">، ${contact.role}</span>` : ""}</p>
${contact.phone ? html`<p>${strings.phone}: <a href="tel:${toLatinDigits(contact.phone).replace(/[^\d+]/g, "")}" dir="ltr">${toPersianDigits(contact.phone)}</a></p>` : ""}
${contact.email ? html`<p>${strings.email}: <a href="mailto:${contact.email}" dir="ltr">${contact.email}</a></p>` : ""}
</address>
</section>`;
}

/** Everything that follows a release's body, in the order a press release has it. */
export function afterReleaseBody(chapar: ChaparData, release: Release): SafeHtml {
  return html`${updatesHistory(chapar, release)}
${gallery(chapar, release)}
${attachments(chapar, release)}
${aboutOrganization(chapar)}
${mediaContact(chapar.locale.strings, release.contact)}`;
}
