/**
 * `npm run gen-corpus -- --count 10000 --out /tmp/corpus-10k`: writes a synthetic Persian content
 * folder for benchmarks — N releases of 400–700 words with headings, lists and links, dates over ten
 * Jalali years in every accepted format, 8 categories, 40 tags, a few drafts and scheduled releases,
 * plus the data files the schema reads (`_data/site.json`, `categories.json`, `types.json`,
 * `contacts.json`). Deterministic: the same `--count` and `--seed` always write the same bytes.
 *
 * The vocabulary and sentence patterns below were written for this generator; the text reads like
 * a press office's prose without meaning anything.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { toGregorian } from "jalaali-js";
import { readCommandArgs } from "../lib/cli/args.ts";
import { GEN_CORPUS_COMMAND } from "../lib/cli/commands.ts";

/** mulberry32: a tiny PRNG with a fixed seed, so the corpus is the same on every machine. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number): boolean => next() < p;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof createRandom>;

const Z = "\u200c";

// — Vocabulary (ZWNJ compounds written with U+200C) —
const ORGS = [
  `مؤسسه${Z}ی فرهنگی و هنری سپیدار`,
  "فرهنگسرای نیلوفر",
  "کتابخانه‌ی مرکزی شهرستان",
  `اداره${Z}ی کل فرهنگ و ارشاد استان`,
  "خانه‌ی هنرمندان جوان",
  "انجمن سینمای مستند",
  `کانون پرورش${Z}فکری کودکان`,
  `شورای هماهنگی فرهنگسراها`,
];
const PEOPLE = [
  "مریم احمدی",
  "رضا کریمی",
  "زهرا موسوی",
  "علی رضایی",
  "فاطمه حسینی",
  "حسین محمدی",
  "نرگس صادقی",
  "امیر جعفری",
  "سارا قاسمی",
  "مهدی نوری",
  "لیلا شریفی",
  "بهرام فرهادی",
];
const ROLES = [
  "مدیرعامل مؤسسه",
  `معاون فرهنگی${Z}هنری`,
  "دبیر جشنواره",
  "مدیر فرهنگسرا",
  "رئیس کتابخانه",
  "مسئول روابط عمومی",
  "کارشناس آموزش",
  "داور بخش نمایش",
];
const PLACES = [
  "تالار اصلی فرهنگسرا",
  "سالن همایش‌های مؤسسه",
  "کتابخانه‌ی عمومی شهرستان",
  "پردیس سینمایی شهر",
  "نگارخانه‌ی سپیدار",
  "بوستان فرهنگ",
  "خانه‌ی موسیقی",
  "سرای محله",
  "تماشاخانه‌ی کوچک",
  "کارگاه هنرهای تجسمی",
];
const CITIES = ["تهران", "ورامین", "شهریار", "دماوند", "پاکدشت", "اسلامشهر", "رباط‌کریم", "فیروزکوه", "پردیس", "ری"];
const EVENTS = [
  "جشنواره‌ی تئاتر کودک",
  "نمایشگاه عکس",
  "کارگاه داستان‌نویسی",
  "نشست هم‌اندیشی",
  "آیین رونمایی کتاب",
  "دوره‌ی آموزش خوشنویسی",
  "کنسرت موسیقی سنتی",
  "شب شعر",
  "مسابقه‌ی کتاب‌خوانی",
  "همایش ملی میراث فرهنگی",
  "جشن نوروزی",
  "نمایش فیلم مستند",
  "کارگاه نقاشی کودکان",
  "بازارچه‌ی صنایع‌دستی",
  "سوگواره‌ی هنری",
  "دوره‌ی مربی‌گری",
];
const NOUNS = [
  "برنامه‌ها",
  "فعالیت‌های فرهنگی",
  "هنرمندان",
  "کودکان و نوجوانان",
  "خانواده‌ها",
  "علاقه‌مندان",
  "داوران",
  "شرکت‌کنندگان",
  "آثار برگزیده",
  "کتاب‌های تازه",
  "مربیان",
  "دانش‌آموزان",
  "پژوهشگران",
  "نویسندگان",
  "گروه‌های نمایشی",
  "عکاسان",
  "کتابداران",
  "نهادهای محلی",
  "فرهنگسراها",
  "داوطلبان",
];
const OBJECTS = [
  "فراخوان بخش جنبی",
  "جدول زمانی برنامه‌ها",
  "فهرست آثار راه‌یافته",
  "گزارش عملکرد سالانه",
  "شیوه‌نامه‌ی داوری",
  "برنامه‌ی آموزشی تازه",
  "طرح حمایت از نویسندگان جوان",
  "مجموعه‌ی عکس‌های تاریخی",
  "نسخه‌ی تازه‌ی کتاب",
  "نتایج مرحله‌ی نخست",
  "سامانه‌ی ثبت‌نام",
  "تقویم فرهنگی فصل",
];
const ADJECTIVES = ["گسترده", "چشمگیر", "تازه", "ماندگار", "پربار", "ارزشمند", "دیرینه", "بی‌سابقه", "پرشور", "سازنده", "هم‌افزا", "کم‌نظیر"];
const VERBS_PAST = ["برگزار شد", "آغاز شد", "به پایان رسید", "رونمایی شد", "اعلام شد", "گشایش یافت", "معرفی شد", "تمدید شد"];
const VERBS_PRESENT = [
  "برگزار می‌شود",
  "ادامه می‌یابد",
  "آغاز می‌شود",
  "در دسترس قرار می‌گیرد",
  "به نمایش درمی‌آید",
  "پیگیری می‌شود",
  "میزبان علاقه‌مندان است",
];
const CONNECTORS = [
  "همچنین",
  "افزون بر این",
  "در ادامه",
  "از سوی دیگر",
  "به گفته‌ی برگزارکنندگان",
  "بر پایه‌ی این گزارش",
  "در همین حال",
  "گفتنی است",
];
const TIME_WORDS = [
  "امروز",
  "روز گذشته",
  "هفته‌ی آینده",
  "از صبح فردا",
  "در روزهای پایانی ماه",
  "تا پایان هفته",
  "شامگاه پنجشنبه",
  "پس از تعطیلات نوروزی",
];
const HEADINGS = [
  "برنامه‌های جنبی",
  "شیوه‌ی ثبت‌نام",
  "گفت‌وگو با برگزارکنندگان",
  "آثار برگزیده",
  "زمان و مکان",
  "پیشینه‌ی برنامه",
  "حامیان و همکاران",
  "دستاوردهای دوره‌ی پیشین",
];

/** Eight categories, keys in Latin as the schema wants. */
export const CATEGORIES: Record<string, { name: string; description: string }> = {
  culture: { name: "فرهنگ و هنر", description: "نشست‌ها، نمایشگاه‌ها و اجراهای فرهنگی و هنری." },
  education: { name: "آموزش", description: "دوره‌ها، کارگاه‌ها و طرح‌های آموزشی برای همه‌ی سنین." },
  festivals: { name: "جشنواره‌ها", description: "جشنواره‌های هنری و آیین‌های ملی." },
  publications: { name: "نشر و کتاب", description: "کتاب‌های تازه، رونمایی‌ها و فهرست‌های پیشنهادی." },
  announcements: { name: "اطلاعیه‌ها", description: "فراخوان‌ها، پیام‌ها و خبرهای اداری." },
  cinema: { name: "سینما و مستند", description: "نمایش فیلم، نقد و گفت‌وگو با فیلم‌سازان." },
  heritage: { name: "میراث فرهنگی", description: "پاسداری از بناها، آیین‌ها و دست‌ساخته‌های کهن." },
  community: { name: "محله و شهروندی", description: "برنامه‌های محله‌محور و مشارکت شهروندان." },
};
const CATEGORY_KEYS = Object.keys(CATEGORIES);

/** Forty tags; some with ZWNJ, a few written now and then with Arabic ي/ك (the same tag). */
export const TAGS = [
  "تئاتر",
  "کودک",
  "نوجوان",
  "کتاب",
  "کتاب‌خوانی",
  "موسیقی",
  "عکاسی",
  "نقاشی",
  "خوشنویسی",
  "سینما",
  "مستند",
  "شعر",
  "داستان",
  "نوروز",
  "یلدا",
  "جشنواره",
  "نمایشگاه",
  "کارگاه",
  "آموزش",
  "هم‌اندیشی",
  "میراث",
  "صنایع‌دستی",
  "محله",
  "داوطلبی",
  "کتابخانه",
  "فراخوان",
  "رونمایی",
  "پژوهش",
  "زنان",
  "سالمندان",
  "محیط‌زیست",
  "گردشگری",
  "ورزش",
  "بازی",
  "رسانه",
  "فناوری",
  "ترجمه",
  "تاریخ",
  "معماری",
  "گفت‌وگو",
] as const;

const TRANSLIT = [
  "barnameh",
  "jashnvareh",
  "ketab",
  "namayeshgah",
  "kargah",
  "neshast",
  "konsert",
  "film",
  "shab-sher",
  "ronamaei",
  "farakhan",
  "gozaresh",
];

function sentence(r: Random): string {
  const patterns: (() => string)[] = [
    () => `${r.pick(EVENTS)} با حضور ${r.pick(NOUNS)} در ${r.pick(PLACES)} ${r.pick(VERBS_PAST)}.`,
    () => `${r.pick(CONNECTORS)}، ${r.pick(OBJECTS)} ${r.pick(TIME_WORDS)} ${r.pick(VERBS_PRESENT)}.`,
    () =>
      `${r.pick(PEOPLE)}، ${r.pick(ROLES)}، گفت: «${r.pick(NOUNS)} در این دوره استقبالی ${r.pick(ADJECTIVES)} داشتند و ما برای ${r.pick(EVENTS)} برنامه‌ریزی کرده‌ایم.»`,
    () =>
      `این برنامه که با همکاری ${r.pick(ORGS)} و ${r.pick(ORGS)} تدارک دیده شده، ${r.pick(TIME_WORDS)} در شهرستان ${r.pick(CITIES)} ${r.pick(VERBS_PRESENT)}.`,
    () =>
      `در این ${r.pick(["دوره", "مرحله", "بخش", "فصل"])} ${r.int(12, 480)} ${r.pick(["اثر", "نفر", "گروه", "کتاب"])} از ${r.int(3, 31)} شهرستان به دبیرخانه رسید که ${r.pick(OBJECTS)} آن‌ها ${r.pick(VERBS_PAST)}.`,
    () => `${r.pick(NOUNS)} می‌توانند برای آگاهی بیشتر به ${r.pick(PLACES)} بروند یا با ${r.pick(ROLES)} تماس بگیرند.`,
    () => `به باور ${r.pick(PEOPLE)}، ${r.pick(EVENTS)} فرصتی ${r.pick(ADJECTIVES)} برای آشنایی ${r.pick(NOUNS)} با ${r.pick(NOUNS)} است.`,
    () =>
      `${r.pick(ORGS)} پیش از این نیز ${r.pick(EVENTS)} را در ${r.pick(CITIES)} برگزار کرده بود و ${r.pick(NOUNS)} آن را ${r.pick(ADJECTIVES)} ارزیابی کرده‌اند.`,
  ];
  return r.pick(patterns)();
}

function paragraph(r: Random, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(r));
  return out.join(" ");
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A body of 400–700 words: an opening, paragraphs, one or two headings, a list, a link or two. */
function body(r: Random, org: string): string {
  const target = r.int(400, 700);
  const blocks: string[] = [`به گزارش روابط عمومی ${org}، ${paragraph(r, r.int(2, 3))}`];
  let words = countWords(blocks[0]!);
  let headingDone = 0;
  let listDone = false;
  let linkDone = false;
  while (words < target) {
    let block: string;
    if (headingDone < 2 && blocks.length >= 2 && r.chance(0.3)) {
      block = `## ${r.pick(HEADINGS)}`;
      headingDone++;
    } else if (!listDone && blocks.length >= 3 && r.chance(0.35)) {
      const ordered = r.chance(0.4);
      const items: string[] = [];
      for (let i = 0, n = r.int(3, 5); i < n; i++)
        items.push(`${ordered ? `${i + 1}.` : "-"} ${r.pick(EVENTS)} در ${r.pick(PLACES)}، ${r.pick(TIME_WORDS)}`);
      block = items.join("\n");
      listDone = true;
    } else if (!linkDone && blocks.length >= 2 && r.chance(0.3)) {
      block = `${paragraph(r, 1)} متن کامل ${r.pick(OBJECTS)} در [پایگاه ${r.pick(ORGS)}](https://example.org/${r.pick(TRANSLIT)}/${r.int(100, 9999)}) آمده است و ${r.pick(NOUNS)} می‌توانند **تا ${r.int(1, 30)} ${r.pick(["روز", "هفته"])} دیگر** نظر خود را بفرستند.`;
      linkDone = true;
    } else {
      block = paragraph(r, r.int(3, 5));
    }
    blocks.push(block);
    words += countWords(block);
  }
  return `${blocks.join("\n\n")}\n`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const persianDigits = (s: string) => s.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]!);

/** A date in one of the accepted forms (Jalali with - or /, Persian digits, with a time; Gregorian; ISO with offset). */
function dateText(r: Random, jy: number, jm: number, jd: number): string {
  const hh = r.int(8, 20);
  const mm = r.pick([0, 15, 30, 45]);
  const form = r.int(0, 7);
  const jalali = `${jy}-${pad(jm)}-${pad(jd)}`;
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  const gregorian = `${gy}-${pad(gm)}-${pad(gd)}`;
  switch (form) {
    case 0:
      return jalali;
    case 1:
      return `${jy}/${pad(jm)}/${pad(jd)}`;
    case 2:
      return persianDigits(`${jy}/${pad(jm)}/${pad(jd)}`);
    case 3:
      return `${jalali} ${pad(hh)}:${pad(mm)}`;
    case 4:
      return gregorian;
    case 5:
      return `${gregorian}T${pad(hh)}:${pad(mm)}:00`;
    case 6:
      // Tehran has been +03:30 all year since autumn 2022; the offset written is what the author wrote.
      return `${gregorian}T${pad(hh)}:${pad(mm)}:00+03:30`;
    default:
      return persianDigits(`${jalali} ${pad(hh)}:${pad(mm)}`);
  }
}

const JALALI_MONTH_DAYS = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29];

export interface CorpusOptions {
  /** Number of releases. */
  count: number;
  /** Output content folder (emptied first). */
  out: string;
  /** PRNG seed. */
  seed: number;
  /** First Jalali year; releases spread over ten years from it. */
  firstYear: number;
}

export const corpusDefaults: Omit<CorpusOptions, "count" | "out"> = { seed: 1404, firstYear: 1395 };

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** Writes the corpus; returns how many releases are drafts and how many are scheduled. */
export function generateCorpus(options: CorpusOptions): { releases: number; drafts: number; scheduled: number } {
  const { count, out, seed, firstYear } = options;
  const r = createRandom(seed);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, "_data"), { recursive: true });
  const json = (file: string, value: unknown) => writeFileSync(path.join(out, "_data", file), `${JSON.stringify(value, null, 2)}\n`);
  json("site.json", {
    name: "خبرهای مؤسسه‌ی فرهنگی و هنری سپیدار",
    description: "پیکره‌ی ساختگی برای سنجش سرعت ساخت چاپار.",
    url: "https://example.ir/",
    timeZone: "Asia/Tehran",
    pageSize: 10,
    relatedCount: 3,
    persianDigits: true,
    defaultType: "news",
    defaultContact: "press-office",
    organization: {
      name: "مؤسسه‌ی فرهنگی و هنری سپیدار",
      about: "نهادی ساختگی برای آزمودن سرعت ساخت.",
      address: "تهران، خیابان انقلاب، کوچه‌ی نیلوفر، پلاک ۱۲",
      phone: "021-66461234",
      email: "press@example.ir",
    },
  });
  json("categories.json", CATEGORIES);
  json("types.json", { news: "خبر", announcement: "اطلاعیه", invitation: "دعوت‌نامه", statement: "بیانیه" });
  json("contacts.json", {
    "press-office": { name: "واحد روابط عمومی", phone: "021-66461234", email: "press@example.ir" },
    "festival-desk": { name: "نرگس صادقی", role: "دبیرخانه‌ی جشنواره", email: "festival@example.ir" },
  });

  let drafts = 0;
  let scheduled = 0;
  const dirs = new Set<string>();
  for (let i = 0; i < count; i++) {
    // Spread evenly over ten years, in file order, with a random day inside each slot.
    const yearOffset = Math.floor((i * 10) / count);
    const jy = firstYear + yearOffset;
    const jm = r.int(1, 12);
    const jd = r.int(1, JALALI_MONTH_DAYS[jm - 1]!);
    const isScheduled = i % 997 === 500;
    const isDraft = !isScheduled && i % 613 === 300;
    // Scheduled releases are dated well after any build moment (Jalali 1410).
    const date = isScheduled ? dateText(r, 1410, jm, jd) : dateText(r, jy, jm, jd);
    const category = r.pick(CATEGORY_KEYS);
    const tags = new Set<string>();
    for (let t = 0, n = r.int(1, 4); t < n; t++) tags.add(r.pick(TAGS));
    // Now and then a tag is written with Arabic letters or without its ZWNJ: the same tag.
    const tagList = [...tags].map((t) =>
      r.chance(0.03) ? t.replace(/ی/g, "ي").replace(/ک/g, "ك") : r.chance(0.03) ? t.replace(new RegExp(Z, "g"), "") : t,
    );
    const org = r.pick(ORGS);
    const title = `${r.pick(EVENTS)} ${r.pick(["در", "با حضور", "ویژه‌ی", "برای"])} ${r.chance(0.5) ? r.pick(NOUNS) : r.pick(CITIES)} ${r.pick(VERBS_PAST)}`;
    const lines = ["---", `title: ${yamlString(title)}`, `date: ${yamlString(date)}`, `category: ${category}`];
    lines.push(`tags: [${tagList.map(yamlString).join(", ")}]`);
    if (r.chance(0.5)) lines.push(`summary: ${yamlString(paragraph(r, 1))}`);
    const persianSlug = r.chance(0.1);
    if (persianSlug) lines.push(`slug: ${yamlString(`خبر-${i + 1}`)}`);
    if (!isScheduled && r.chance(0.05) && jy < firstYear + 9) lines.push(`updated: ${yamlString(`${jy + 1}-01-15`)}`);
    if (r.chance(0.2)) lines.push(`type: ${r.pick(["announcement", "invitation", "statement"])}`);
    if (r.chance(0.3)) lines.push(`location: ${r.pick(CITIES)}`);
    if (isDraft) lines.push("draft: true");
    lines.push("---", "");
    if (isDraft) drafts++;
    if (isScheduled) scheduled++;
    const dir = path.join(out, "releases", String(jy));
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    const name = `${pad(i + 1, 5)}-${r.pick(TRANSLIT)}.md`;
    writeFileSync(path.join(dir, name), `${lines.join("\n")}\n${body(r, org)}`);
  }
  return { releases: count, drafts, scheduled };
}

function main(argv: string[]): void {
  const { values } = readCommandArgs(GEN_CORPUS_COMMAND, argv);
  const count = Number(values.count ?? 1000);
  const out = path.resolve(values.out ?? `corpus-${count}`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer`);
  const seed = Number(values.seed ?? corpusDefaults.seed);
  const result = generateCorpus({ count, out, seed, firstYear: corpusDefaults.firstYear });
  console.log(`${result.releases} releases (${result.drafts} drafts, ${result.scheduled} scheduled) → ${out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
