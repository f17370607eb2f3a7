/**
 * Small word lists the typography lint needs: verb stems (to tell `می‌شود` from `میز`), words that
 * only look like a joined suffix (`تنها`, `الهام`), and the built-in glossary of compounds whose
 * ZWNJ is often lost. Deliberately small and hand-checked: a finding outside these lists is a
 * warning with a suggestion, never a silent fix.
 */

/** Present stems (with the glide form of vowel-final stems: `گو`/`گوی`, `نما`/`نمای`). */
const PRESENT_STEMS = `
شو کن ده رو آ آی گیر توان خواه دان گو گوی بین رس گذار گذر پرداز یاب ساز نویس خوان آور بر زن کوش
گرد مان شناس پذیر افزا افزای انداز نما نمای شمار کاه خیز بخش دار گشا گشای سپار فرست جو جوی پوش
ریز آموز سوز خور خند پرس ران بند پیوند کش نشین ایست خواب ترس تاب چین آرا آرای پا پای گزین رسان
گردان نشان کار فروش خر باش شکن رقص لرز گریز پیچ چرخ فهم طلب پسند نگر نگار گمار آفرین ستا ستای
زدا زدای فرما فرمای آزما آزمای آسا آسای رهان ربا ربای دو پیما پیمای آمیز آویز ورز اندیش کوب لغز
شتاب چسب افت افروز انجام آغاز گنج بال تپ رنج جنب خوابان ترسان گریان سرا سرای کاو زی شوی پز دوز
باف تاز گزار ستیز نه انگیز گسل شکاف
`;

/** Past stems: the irregular ones; regular ones are a present stem + `ید` and are added below. */
const IRREGULAR_PAST_STEMS = `
شد کرد داد رفت آمد گرفت توانست خواست دانست گفت دید گذاشت گذشت پرداخت یافت ساخت نوشت خواند آورد برد
زد ماند شناخت پذیرفت افزود انداخت نمود شمرد کاست خاست داشت گشود سپرد فرستاد جست پوشید ریخت آموخت
سوخت خورد راند بست پیوست نشست ایستاد آراست گزید شکست گریخت فروخت خرید بود افتاد کشت کاشت زیست شست
پخت دوخت بافت شتافت آمیخت آویخت انگیخت گریست نگریست نهاد ستود ربود فرمود آزمود آسود زدود پیمود گشت
کوفت رساند گرداند نشاند گسست شکافت اندیشید رهاند
`;

const words = (list: string) => list.split(/\s+/).filter((w) => w !== "");

const PRESENT = new Set(words(PRESENT_STEMS));
const PAST = new Set(words(IRREGULAR_PAST_STEMS));
for (const stem of PRESENT) {
  // Regular verbs: کوش → کوشید, رس → رسید (vowel-final stems don't form the past this way).
  if (!/[اوی]$/.test(stem)) PAST.add(`${stem}ید`);
}

const PRESENT_ENDINGS = ["م", "ی", "د", "یم", "ید", "ند"];
/** `""` is the third person (`می‌شد`), `ه` the participle (`می‌شده‌است`). */
const PAST_ENDINGS = ["", "م", "ی", "یم", "ید", "ند", "ه"];
/** Complete forms without a personal ending. */
const BARE_FORMS = new Set(["توان"]);

/**
 * Whether `rest` (a word after its `می`/`نمی` prefix) is a verb form: a present stem with a personal
 * ending or a past stem with an optional one. `دان` (of `میدان`) and `لیون` (of `میلیون`) are not.
 */
export function isVerbAfterMi(rest: string): boolean {
  if (BARE_FORMS.has(rest)) return true;
  for (const ending of PRESENT_ENDINGS) {
    if (rest.length > ending.length && rest.endsWith(ending) && PRESENT.has(rest.slice(0, -ending.length))) return true;
  }
  for (const ending of PAST_ENDINGS) {
    const stem = ending === "" ? rest : rest.endsWith(ending) ? rest.slice(0, -ending.length) : "";
    if (stem !== "" && PAST.has(stem)) return true;
  }
  return false;
}

/** Words starting with `می`/`نمی` that are verbs AND something else (`میدانی`: "you know" or "field-"). */
export const AMBIGUOUS_MI_WORDS = new Set(["میدانی"]);

/** Words that end like a joined plural but aren't one. */
export const NOT_PLURAL = new Set(
  words(`
تنها انتها منتها منها اشتها بها رها الها ایها آنها اینها فقها سها مها
تنهای تنهایی انتهای منتهای اشتهای بهای بهایی رهای رهایی نهایی نهایت الهام سهام اتهام ابهام ایهام اوهام
`),
);

/**
 * Words whose final `ه` is the consonant h (so a joined `ی` is right: `توجهی`, `مشابهی`), unlike a
 * silent final `ه` (`جلسه` → `جلسه‌ی`). Words whose `ه` follows `ا`/`و` (`راه`, `کوه`) are h-words
 * already and need no entry.
 */
export const H_FINAL_WORDS = new Set(
  words(`
توجه متوجه وجه موجه فقه شبه مشتبه مشابه متشابه منزه تنبیه تشبیه فقیه کریه سفیه شبیه تنبه تفقه
اله مکروه ابله فربه نزه تنزه کنه
`),
);

/**
 * Compounds often written joined where a ZWNJ belongs (the left side ends in a joining letter, so the
 * joined form reads wrong). Entries are whole words that can't be anything else (not `بهروز`: also
 * the name Behrouz); the office adds its own in `content/_data/glossary.json`.
 */
export const BUILT_IN_GLOSSARY: Readonly<Record<string, string>> = {
  هماندیشی: "هم‌اندیشی",
  همافزایی: "هم‌افزایی",
  هماکنون: "هم‌اکنون",
  همزمان: "هم‌زمان",
  همزمانی: "هم‌زمانی",
  نرمافزار: "نرم‌افزار",
  نرمافزاری: "نرم‌افزاری",
  نرمافزارها: "نرم‌افزارها",
  سختافزار: "سخت‌افزار",
  سختافزاری: "سخت‌افزاری",
  چشمانداز: "چشم‌انداز",
  بهروزرسانی: "به‌روزرسانی",
  پیشنویس: "پیش‌نویس",
  پیشبینی: "پیش‌بینی",
  گفتوگو: "گفت‌وگو",
  دانشآموز: "دانش‌آموز",
  دانشآموزان: "دانش‌آموزان",
  دانشآموزی: "دانش‌آموزی",
  بینالمللی: "بین‌المللی",
  "بین المللی": "بین‌المللی",
  تماموقت: "تمام‌وقت",
  پارهوقت: "پاره‌وقت",
  نیمهوقت: "نیمه‌وقت",
  ویژهنامه: "ویژه‌نامه",
  آییننامه: "آیین‌نامه",
  شیوهنامه: "شیوه‌نامه",
  تفاهمنامه: "تفاهم‌نامه",
  برنامهریزی: "برنامه‌ریزی",
  بیتوجهی: "بی‌توجهی",
  بینظیر: "بی‌نظیر",
  بیشمار: "بی‌شمار",
  کمتوان: "کم‌توان",
  خوشآمد: "خوش‌آمد",
  خوشآمدگویی: "خوش‌آمدگویی",
  دستاندرکار: "دست‌اندرکار",
  دستاندرکاران: "دست‌اندرکاران",
  راهاندازی: "راه‌اندازی",
  پسانداز: "پس‌انداز",
  سرمایهگذاری: "سرمایه‌گذاری",
  علاقهمند: "علاقه‌مند",
  علاقهمندان: "علاقه‌مندان",
  بهرهبرداری: "بهره‌برداری",
  بهرهمند: "بهره‌مند",
};

/**
 * Words ending in «هه» (`دهه`، `جبهه`): after them a joined «ای» reads like a plural of the word
 * without its last «ه» (`دههای`: `دهه‌ای` or `ده‌های`), so that plural is only a suggestion. The
 * common ones, for a lint run without the word list (with it, the list answers).
 */
export const HEH_FINAL_WORDS = new Set(
  words(`
دهه جبهه برهه سیاهه شبهه مواجهه وجهه الهه بداهه شیهه قهقهه چهچهه آبراهه بیراهه دوراهه کوهه انبوهه
`),
);
