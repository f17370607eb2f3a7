/**
 * No English from zod reaches an author: every field of site.json, categories.json, types.json,
 * contacts.json, a release's and an office page's front matter is fed wrong types, missing and
 * malformed values, and the whole files wrong shapes. With zod's own (English) messages replaced by a
 * sentinel, (1) the fields' declarations alone word every issue — the sentinel never shows — and
 * (2) what the loader reports (through `PERSIAN_ISSUES`) is Persian, with no English phrase.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { officePageSchema } from "../../lib/content/office-pages.ts";
import { contactsSchema, typesSchema } from "../../lib/content/press.ts";
import { releaseSchema, RELEASE_FIELDS } from "../../lib/content/schema.ts";
import { categoriesSchema, siteSchema } from "../../lib/content/site-data.ts";
import { PERSIAN_ISSUES, persianIssue } from "../../lib/content/zod-problems.ts";

const SENTINEL = "⟂zod-default⟂";
// Whatever zod would say from its own locale (English) becomes the sentinel, in this test process only.
z.config({ localeError: () => SENTINEL });

const ENGLISH = /\b(?:Invalid|expected|received|Too (?:small|big)|Unrecognized|must|input)\b/i;

const WRONG: unknown[] = [undefined, null, 5, -1, 1.5, 1e6, "", "   ", "x", true, [], {}, ["a"], [{}], { a: 1 }];

type Parse = (value: unknown, withFallback: boolean) => z.ZodSafeParseResult<unknown>;

/** A copy of `base` with the value at `at` replaced (or removed, for undefined). */
function withValue(base: unknown, at: readonly PropertyKey[], value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(base) as Record<PropertyKey, unknown>;
  let parent = copy;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<PropertyKey, unknown>;
  const last = at.at(-1)!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

interface Walk {
  name: string;
  parse: Parse;
  base: unknown;
  paths: PropertyKey[][];
  /** Issues the loader words itself (unknown top-level fields: «این فیلد شناخته نشد…»). */
  worded?: (issue: z.core.$ZodIssue) => boolean;
}

const schemaOf =
  (schema: z.ZodType): Parse =>
  (value, withFallback) =>
    withFallback ? schema.safeParse(value, PERSIAN_ISSUES) : schema.safeParse(value);

const release = releaseSchema({
  timeZone: "Asia/Tehran",
  categories: { culture: { name: "فرهنگی", description: "" } },
  press: { types: { news: "خبر" }, contacts: { press: { name: "دفتر", phone: "021-1" } } },
});
const fullRelease = {
  title: "خبر",
  date: "1403-01-10",
  category: "culture",
  image: "a.jpg",
  imageAlt: "الف",
  updates: [{ date: "1403-01-11", note: "یادداشت" }],
  withdrawn: { date: "1403-01-12", reason: "دلیل" },
  attachments: [{ file: "a.pdf", title: "پیوست" }],
  gallery: [{ file: "a.jpg", alt: "الف", caption: "زیرنویس" }],
  contact: { name: "نام", role: "سمت", phone: "021-1", email: "a@b.ir" },
};

const walks: Walk[] = [
  {
    name: "site.json",
    parse: schemaOf(siteSchema),
    base: { name: "x", url: "https://example.ir/", organization: { name: "o", logo: "l.png" } },
    paths: [
      ...[
        "name",
        "description",
        "url",
        "timeZone",
        "locale",
        "pageSize",
        "relatedCount",
        "persianDigits",
        "typographyLint",
        "defaultType",
        "defaultContact",
        "organization",
      ].map((k) => [k]),
      ...["name", "about", "address", "phone", "email", "logo"].map((k) => ["organization", k]),
    ],
  },
  {
    name: "categories.json",
    parse: schemaOf(categoriesSchema),
    base: { culture: { name: "فرهنگی", description: "d" } },
    paths: [["culture"], ["culture", "name"], ["culture", "description"], ["فرهنگ"]],
  },
  { name: "types.json", parse: schemaOf(typesSchema), base: { news: "خبر" }, paths: [["news"], ["News"]] },
  {
    name: "contacts.json",
    parse: schemaOf(contactsSchema),
    base: { press: { name: "دفتر", role: "r", phone: "021-1", email: "a@b.ir" } },
    paths: [["press"], ["Press"], ...["name", "role", "phone", "email", "extra"].map((k) => ["press", k])],
  },
  {
    name: "a release's front matter",
    parse: schemaOf(release),
    base: fullRelease,
    paths: [
      ...RELEASE_FIELDS.map((k) => [k]),
      ["unknownField"],
      ...["date", "note", "extra"].map((k) => ["updates", 0, k]),
      ["updates", 0],
      ...["date", "reason", "extra"].map((k) => ["withdrawn", k]),
      ...["file", "title", "extra"].map((k) => ["attachments", 0, k]),
      ["attachments", 0],
      ...["file", "alt", "caption", "extra"].map((k) => ["gallery", 0, k]),
      ["gallery", 0],
      ...["name", "role", "phone", "email", "extra"].map((k) => ["contact", k]),
    ],
    worded: (issue) => issue.code === "unrecognized_keys" && issue.path.length === 0,
  },
  {
    name: "an office page's front matter",
    parse: schemaOf(officePageSchema),
    base: { title: "درباره", permalink: "/about/", nav: true, description: "d", order: 1 },
    paths: [["title"], ["permalink"], ["nav"], ["description"], ["order"]],
    worded: (issue) => issue.code === "unrecognized_keys" && issue.path.length === 0,
  },
];

/** Every issue of every wrong value at every path (and of the whole file given wrong shapes). */
function* issues(walk: Walk, withFallback: boolean): Generator<{ input: string; issue: z.core.$ZodIssue }> {
  for (const at of [[], ...walk.paths]) {
    for (const value of WRONG) {
      const result = walk.parse(withValue(walk.base, at, value), withFallback);
      if (result.success) continue;
      for (const issue of result.error.issues) yield { input: `${at.join(".") || "(whole)"} = ${JSON.stringify(value)}`, issue };
    }
  }
}

for (const walk of walks) {
  test(`${walk.name}: every issue is worded by the field's own declaration`, () => {
    let count = 0;
    for (const { input, issue } of issues(walk, false)) {
      if (walk.worded?.(issue)) continue;
      count++;
      assert.ok(!issue.message.includes(SENTINEL), `${input}: ${issue.code} at ${issue.path.join(".")} has no Persian message`);
    }
    assert.ok(count > 20, `the walk found ${count} issues`);
  });

  test(`${walk.name}: what the loader reports is Persian, never zod's English`, () => {
    for (const { input, issue } of issues(walk, true)) {
      assert.ok(!issue.message.includes(SENTINEL) && !ENGLISH.test(issue.message), `${input}: ${issue.message}`);
      assert.match(issue.message, /[\u0600-\u06ff]/, `${input}: ${issue.message}`);
    }
  });
}

test("the safety net words every zod issue code in Persian", () => {
  const samples: z.core.$ZodRawIssue[] = [
    { code: "invalid_type", expected: "string", input: 5, path: [] },
    { code: "invalid_type", expected: "object", input: undefined, path: [] },
    { code: "too_small", origin: "string", minimum: 1, inclusive: true, input: "", path: [] },
    { code: "too_small", origin: "number", minimum: 0, inclusive: true, input: -1, path: [] },
    { code: "too_big", origin: "array", maximum: 3, inclusive: true, input: [], path: [] },
    { code: "invalid_value", values: ["a", "b"], input: "c", path: [] },
    { code: "invalid_format", format: "email", input: "x", path: [] },
    { code: "not_multiple_of", divisor: 5, input: 3, path: [] },
    { code: "unrecognized_keys", keys: ["x"], input: {}, path: [] },
    { code: "invalid_key", origin: "record", issues: [], input: "k", path: [] },
    { code: "invalid_element", origin: "map", key: "k", issues: [], input: "v", path: [] },
    { code: "invalid_union", errors: [], input: 1, path: [] },
    { code: "custom", input: 1, path: [] },
  ] as z.core.$ZodRawIssue[];
  assert.deepEqual(
    samples.map((s) => persianIssue(s)),
    [
      "باید متن باشد",
      "این مقدار لازم است",
      "نباید خالی باشد",
      "نباید کمتر از 0 باشد",
      "بیش از 3 مورد پذیرفته نیست",
      'باید یکی از این‌ها باشد: "a"، "b"',
      "قالب این مقدار درست نیست",
      "باید مضربی از 5 باشد",
      "کلید «x» شناخته نشد",
      "کلیدی نادرست دارد",
      "موردی نادرست دارد",
      "با هیچ یک از شکل‌های پذیرفته نمی‌خواند",
      "این مقدار پذیرفته نیست",
    ],
  );
});
