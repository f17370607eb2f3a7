/**
 * The release as pages see it, made from its parsed front matter (`ReleaseData`, lib/content/schema.ts)
 * by one handler per field. The `Release` type is derived from those handlers, so a field is declared
 * once (in the schema) and shown once (here).
 *
 * Why handlers and not `Release = Omit<ReleaseData, …> & Derived` (a new field flowing through by
 * itself): nearly every field is changed on its way to the page (display text, a default from
 * site.json, a file resolved, a label looked up), and a field passed through unhandled would reach the
 * templates unescaped-for-display or undefaulted without anyone deciding it should. The mapped type
 * on `FIELD_VIEWS` makes every schema field need an entry: add a field to the schema alone and the
 * type check fails here, naming it (test/build/schema-exhaustive.test.ts proves it).
 */
import path from "node:path";
import type { ReleaseDate } from "../dates/jalali.ts";
import { slugify } from "../text/persian.ts";
import { siteUrls } from "../site/urls.ts";
import { displayText } from "../text/render-transforms.ts";
import type { InlineImage } from "./image-refs.ts";
import { lastCorrection, releaseContact, releaseType, type Attachment, type GalleryImage, type PressData } from "./press.ts";
import type { ReleaseData, ReleaseField } from "./schema.ts";
import type { SiteSettings } from "./site-data.ts";

/** What the handlers use besides the front matter: the file, its rendered body, its resolved files, the site's data. */
export interface ReleaseSources {
  /** Path relative to the content folder, with `/` separators: the release's identity in messages. */
  file: string;
  /** The body's first paragraph as text (the lead when there is no `summary`). */
  firstParagraph: string;
  /** The lead image's file, resolved against the release (present when `image` is). */
  imageFile: string | undefined;
  attachments: Attachment[];
  gallery: GalleryImage[];
  site: SiteSettings;
  press: PressData;
}

/** A field read by another field's handler (the lead image's alt, caption and credit go in `image`). */
interface ReadBy {
  readBy: ReleaseField;
}

type FieldView = (r: ReleaseData, at: ReleaseSources) => unknown;

/**
 * How each front-matter field reaches the page: its handler's result is the release's property of
 * the same name (left out when `undefined`). One entry per schema field, in the schema's order.
 */
const FIELD_VIEWS = {
  // Shown text gets the render-time letter/digit transforms once, here (the file keeps what the author wrote).
  title: (r, at) => displayText(r.title, { persianDigits: at.site.persianDigits }),
  date: (r) => r.date,
  category: (r) => r.category,
  /** Tags as written (after trimming); identity and slugs are decided by the collections. */
  tags: (r) => r.tags,
  /** The lead: `summary`, or else the first paragraph's text. */
  summary: (r, at) => displayText(r.summary ?? at.firstParagraph, { persianDigits: at.site.persianDigits }),
  /** Default: the file's name (its extension as `.md` is matched, lower case). */
  slug: (r, at) => releaseSlug(r.slug, at.file),
  /** The last correction: `updated`, or the newest `updates` entry if later (see press.ts). */
  updated: (r): ReleaseDate | undefined => lastCorrection(r.updated, r.updates ?? []),
  /** The lead image (front matter `image`, `imageAlt`, `imageCaption`, `imageCredit`). */
  image: (r, at): { file: string; alt: string; caption?: string; credit?: string } | undefined => {
    if (at.imageFile === undefined) return undefined;
    const image: { file: string; alt: string; caption?: string; credit?: string } = { file: at.imageFile, alt: r.imageAlt ?? "" };
    if (r.imageCaption) image.caption = r.imageCaption;
    if (r.imageCredit) image.credit = r.imageCredit;
    return image;
  },
  imageAlt: { readBy: "image" },
  imageCaption: { readBy: "image" },
  imageCredit: { readBy: "image" },
  draft: (r) => r.draft,
  type: (r, at) => releaseType(r.type, at.site, at.press),
  location: (r) => r.location,
  /** The issuing office: `from`, or the organisation's name. */
  from: (r, at) => r.from ?? at.site.organization.name,
  contact: (r, at) => releaseContact(r.contact, at.site, at.press),
  /** Corrections, oldest first. */
  updates: (r) => [...(r.updates ?? [])].sort((a, b) => a.date.instant - b.date.instant),
  withdrawn: (r) => r.withdrawn,
  attachments: (_r, at) => at.attachments,
  gallery: (_r, at) => at.gallery,
} satisfies { [K in ReleaseField]-?: FieldView | ReadBy };

type Views = typeof FIELD_VIEWS;
type ShownField = { [K in keyof Views]: Views[K] extends FieldView ? K : never }[keyof Views];
type Shown = { [K in ShownField]: Views[K] extends (...args: never[]) => infer V ? V : never };
/** Handlers that may give `undefined` make optional properties (absent, not `undefined`, as before). */
type Optional<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** What the view adds that no single field gives. */
interface Derived {
  file: string;
  /** When the release last changed: `updated`, else `date`; a later withdrawal too (schema.org `dateModified`, feed `updated`). */
  modified: ReleaseDate;
  /** No `summary` was given: the body's first paragraph is the lead (marked in `html`, not repeated). */
  leadInBody: boolean;
  /** Site-relative URL without the base path, e.g. `/1401/02/nowruz-concert/`. */
  url: string;
  /** Images in the body, in order; `html` holds a marker for each (see markdown.ts). */
  inlineImages: InlineImage[];
  /** The body as HTML (escaped Markdown: no raw HTML). */
  html: string;
}

export type Release = Optional<Shown> & Derived;

/** The slug as written, or else from the file name: the last part of the release's address. */
export function releaseSlug(slug: string | undefined, file: string): string {
  return slug ?? slugify(path.basename(file, path.extname(file).toLowerCase()));
}

const SHOWN_FIELDS = (Object.keys(FIELD_VIEWS) as (keyof Views)[]).filter(
  (name): name is ShownField => typeof FIELD_VIEWS[name] === "function",
);

/** The release the pages get: every field through its handler, then what is derived from several. */
export function releaseView(r: ReleaseData, at: ReleaseSources, body: { html: string; inlineImages: InlineImage[] }): Release {
  // Built key by key from the table; the table's type is what makes the result a `Release`.
  const release = { file: at.file } as Record<string, unknown>;
  for (const name of SHOWN_FIELDS) {
    const value = (FIELD_VIEWS[name] as FieldView)(r, at);
    if (value !== undefined) release[name] = value;
  }
  const view = release as unknown as Release;
  view.leadInBody = r.summary === undefined;
  view.url = siteUrls.release(view.date.jy, view.date.jm, view.slug);
  view.html = body.html;
  view.inlineImages = body.inlineImages;
  view.modified = view.updated ?? view.date;
  // Withdrawing a release changes it too (schema.org dateModified).
  if (view.withdrawn && view.withdrawn.date.instant > view.modified.instant) view.modified = view.withdrawn.date;
  return view;
}
