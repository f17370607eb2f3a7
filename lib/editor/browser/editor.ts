/**
 * Chapar's part of the web editor at /admin/ (bundled with esbuild by lib/features/editor.ts): it
 * registers, on Decap CMS's `window.CMS`, Chapar's file format, the Jalali date widget, the check
 * before saving (the schema's own Persian messages), the preview rendered by Chapar's Markdown
 * settings and stylesheet with the typography lint's findings, and the right-to-left text fields —
 * then starts the CMS with the configuration generated at build time (`config.json`).
 */
import { releaseSchema, crossFieldIssues, RELEASE_FIELDS, type SchemaContext } from "../../content/schema.ts";
import { schemaProblems } from "../../content/zod-problems.ts";
import { parseFrontMatter } from "../../content/front-matter.ts";
import { releaseRenderOptions, renderMarkdown } from "../../content/markdown.ts";
import { lintSource, type LintFinding } from "../../text/lint.ts";
import { displayText } from "../../text/render-transforms.ts";
import { toLatinDigits } from "../../text/digits.ts";
import { parseReleaseDate } from "../../dates/jalali.ts";
import { editorStrings } from "../../locale/fa.strings.ts";
import { CHAPAR_FORMAT, JALALI_WIDGET, JALALI_WIDGET_ALIAS, type DecapConfig } from "../config.ts";
import { fromFile, SOURCE_KEY, toFile, type EntryData } from "../front-matter-format.ts";
import { mountJalaliField, type JalaliField } from "./jalali-field.ts";

/** What lib/features/editor.ts writes beside the page as config.json. */
export interface EditorPageData {
  decap: DecapConfig;
  schema: { timeZone: string; categories: SchemaContext["categories"]; press: NonNullable<SchemaContext["press"]> };
  site: { url: string; persianDigits: boolean; stylesheet: string };
}

// Decap's globals (its bundle exposes React's createElement as `h` and create-react-class as `createClass`).
interface ImmutableLike {
  toJS(): unknown;
  get(key: string): ImmutableLike & string;
  set(key: string, value: string): ImmutableLike;
  getIn(path: string[]): unknown;
}
type Props = Record<string, unknown> & { value?: string; onChange(v: unknown): void; forID?: string; entry: ImmutableLike };
type Component = { props: Props; root?: HTMLElement; field?: JalaliField } & Record<string, unknown>;
interface DecapGlobals {
  CMS: {
    init(o: { config: DecapConfig }): void;
    registerWidget(name: string, control: unknown, preview?: unknown): void;
    registerPreviewTemplate(name: string, component: unknown): void;
    registerPreviewStyle(href: string): void;
    registerCustomFormat(
      name: string,
      extension: string,
      format: { fromFile(c: string): unknown; toFile(d: unknown, order?: string[]): string },
    ): void;
    registerEventListener(listener: { name: string; handler(o: { entry: ImmutableLike }): unknown }): void;
  };
  h(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
  createClass(spec: Record<string, unknown>): unknown;
  CMS_MANUAL_INIT?: boolean;
}
const w = window as unknown as Window & DecapGlobals;
w.CMS_MANUAL_INIT = true;

/** The release's file as the editor would write it: what `npm run check` would read. */
function fileOf(data: EntryData, order: readonly string[]): string {
  return toFile(data, order);
}

/** Chapar's Persian messages for an entry, as `npm run check` words them (fields the form doesn't know aside). */
export function entryProblems(data: EntryData, page: EditorPageData): string[] {
  const source = fileOf(data, RELEASE_FIELDS);
  const parsed = parseFrontMatter(source);
  if (!parsed.ok) return [parsed.message];
  const fields = parsed.value.data;
  const known = Object.fromEntries(Object.entries(fields).filter(([k]) => (RELEASE_FIELDS as readonly string[]).includes(k)));
  const result = releaseSchema(page.schema).safeParse(known);
  const messages: string[] = [];
  const label = (field: string | undefined) =>
    field && field in editorStrings.fields ? `«${editorStrings.fields[field as keyof typeof editorStrings.fields]}»: ` : "";
  if (!result.success) {
    for (const p of schemaProblems("", result.error, { input: known, fields: RELEASE_FIELDS }))
      messages.push(`${label(p.field)}${p.message}`);
  }
  for (const issue of crossFieldIssues(known)) messages.push(`${label(issue.field)}${issue.message}`);
  return messages;
}

function releasePreviewHtml(data: EntryData, page: EditorPageData): string {
  const summary = typeof data.summary === "string" && data.summary.trim() !== "" ? data.summary : undefined;
  const location = typeof data.location === "string" && data.location.trim() !== "" ? data.location : undefined;
  const options = releaseRenderOptions({ siteUrl: page.site.url, persianDigits: page.site.persianDigits }, { summary, location });
  return renderMarkdown(String(data.body ?? ""), options).html;
}

function lintFindings(data: EntryData): LintFinding[] {
  try {
    return lintSource({ source: fileOf(data, RELEASE_FIELDS) });
  } catch {
    return [];
  }
}

/**
 * Applies one safe fix of the lint to the form: the fix is made in the file's text (as `check --fix`
 * makes it), and each text field it changed gets its new value through its own box, as if typed.
 */
function applyFix(data: EntryData, finding: LintFinding): void {
  const source = fileOf(data, RELEASE_FIELDS);
  const fixed = fromFile(`${source.slice(0, finding.offset)}${finding.replacement}${source.slice(finding.offset + finding.length)}`);
  for (const [name, value] of Object.entries(fixed)) {
    if (typeof value !== "string" || value === data[name] || name === SOURCE_KEY) continue;
    const box = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[id^="${name}-field-"]`);
    if (!box) continue;
    // React keeps its own copy of a box's value: set it through the element's prototype, then say so.
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), "value")?.set;
    setter?.call(box, value);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

function start(page: EditorPageData): void {
  const { CMS, h, createClass } = w;
  const timeZone = page.schema.timeZone;

  CMS.registerCustomFormat(CHAPAR_FORMAT, "md", {
    fromFile: (content) => fromFile(content),
    toFile: (data, order) => toFile(data as EntryData, order ?? RELEASE_FIELDS),
  });

  const DateControl = createClass({
    componentDidMount(this: Component) {
      const props = this.props;
      this.field = mountJalaliField(this.root!, {
        id: String(props.forID ?? "date"),
        value: String(props.value ?? ""),
        timeZone,
        onChange: (text) => this.props.onChange(text),
      });
    },
    componentDidUpdate(this: Component) {
      this.field?.update(String(this.props.value ?? ""));
    },
    /** Decap asks this before saving: Chapar's parser decides, with its Persian message. */
    isValid(this: Component) {
      const value = String(this.props.value ?? "").trim();
      if (value === "") return true;
      const parsed = parseReleaseDate(toLatinDigits(value), timeZone);
      return parsed.ok ? true : { error: { type: "CUSTOM", message: parsed.reason } };
    },
    render(this: Component) {
      return h("div", {
        ref: (node: HTMLElement | null) => {
          if (node) this.root = node;
        },
        className: String(this.props.classNameWrapper ?? ""),
      });
    },
  });
  const DatePreview = createClass({
    render(this: Component) {
      return h("span", { dir: "ltr" }, String(this.props.value ?? ""));
    },
  });
  CMS.registerWidget(JALALI_WIDGET, DateControl, DatePreview);
  CMS.registerWidget(JALALI_WIDGET_ALIAS, DateControl, DatePreview);

  CMS.registerEventListener({
    name: "preSave",
    handler: ({ entry }) => {
      const data = entry.get("data").toJS() as EntryData;
      const problems = entryProblems(data, page);
      if (problems.length > 0) {
        const refused = new Error(`${editorStrings.saveRefused}\n${problems.join("\n")}`);
        refused.name = ""; // Decap shows `${error}`: the message alone, without «Error:».
        throw refused;
      }
      return undefined;
    },
  });

  if (page.site.stylesheet) CMS.registerPreviewStyle(page.site.stylesheet);
  const ReleasePreview = createClass({
    render(this: Component) {
      const data = (this.props.entry.get("data").toJS() ?? {}) as EntryData;
      const findings = lintFindings(data);
      const title = displayText(String(data.title ?? ""), { persianDigits: page.site.persianDigits });
      return h(
        "div",
        { lang: "fa", dir: "rtl", className: "chapar-preview" },
        h(
          "main",
          { id: "main" },
          h(
            "article",
            { className: "release" },
            h("header", { className: "release-header" }, h("h1", null, title)),
            summaryNode(data),
            h("div", { className: "release-body", dangerouslySetInnerHTML: { __html: releasePreviewHtml(data, page) } }),
          ),
        ),
        h(
          "aside",
          { className: "chapar-lint", "aria-labelledby": "chapar-lint-heading" },
          h("h2", { id: "chapar-lint-heading" }, editorStrings.lint.heading),
          findings.length === 0
            ? h("p", null, editorStrings.lint.none)
            : h(
                "ul",
                null,
                ...findings.map((f) =>
                  h(
                    "li",
                    { key: `${f.offset}-${f.rule}` },
                    `${f.field ? `«${f.field}» ` : ""}${f.message}${f.fix ? ` ← «${f.suggestion}»` : ""} `,
                    // Offered where the form has one box for the text: the body and top-level text fields.
                    f.fix && (f.field === undefined || typeof data[f.field] === "string")
                      ? h(
                          "button",
                          { type: "button", className: "chapar-lint-fix", onClick: () => applyFix(data, f) },
                          editorStrings.lint.fix,
                        )
                      : null,
                  ),
                ),
              ),
        ),
      );
    },
  });
  function summaryNode(data: EntryData) {
    const summary = typeof data.summary === "string" ? data.summary.trim() : "";
    return summary ? h("p", { className: "lead" }, displayText(summary, { persianDigits: page.site.persianDigits })) : null;
  }
  CMS.registerPreviewTemplate("releases", ReleasePreview);

  rightToLeftFields();
  // Decap takes only an absolute proxy address; the page knows where it is served from.
  const local = page.decap.local_backend;
  const decap = local ? { ...page.decap, local_backend: { url: new URL(local.url, location.href).href } } : page.decap;
  CMS.init({ config: decap });
}

/**
 * Decap renders its inputs left-to-right; every text box is made right-to-left (Persian), except the
 * ones that hold Latin codes (the date text, a slug, an address), which follow their own text.
 */
function rightToLeftFields(): void {
  const mark = (node: Element) => {
    for (const input of node.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input[type=text], input:not([type]), textarea")) {
      if (input.hasAttribute("dir")) continue;
      const latin = /slug|url|email|chapar-time/i.test(`${input.id} ${input.name} ${input.className}`);
      input.setAttribute("dir", latin ? "auto" : "rtl");
    }
    for (const editable of node.querySelectorAll("[contenteditable=true]"))
      if (!editable.hasAttribute("dir")) editable.setAttribute("dir", "rtl");
  };
  new MutationObserver((changes) => {
    for (const change of changes) for (const added of change.addedNodes) if (added instanceof Element) mark(added.parentElement ?? added);
  }).observe(document.body, { childList: true, subtree: true });
}

async function boot(): Promise<void> {
  const response = await fetch(new URL("config.json", document.baseURI), { cache: "no-store" });
  const page = (await response.json()) as EditorPageData;
  start(page);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void boot());
else void boot();

export { SOURCE_KEY };
