/**
 * The instruction texts `npm run new` writes into a release for the author to replace. Declared once:
 * the skeleton (schema.ts FIELDS, new-release.ts) writes them from here, and the check below finds
 * any of them left in a release — an error in a release that would be published, a warning in a draft.
 */
import type { ContentProblem } from "./errors.ts";
import type { FrontMatter } from "./front-matter.ts";

export const SKELETON_TEXTS = {
  /** The body. */
  body: "متن خبر را اینجا بنویسید.",
  /** `updates[].note`, `withdrawn.reason`, `gallery[].alt` in the commented examples. */
  updateNote: "چه چیزی تغییر کرد",
  withdrawnReason: "چرا این خبر دیگر معتبر نیست",
  imageAlt: "آنچه در تصویر دیده می‌شود",
} as const;

/** Every skeleton text left in the file (outside YAML comments), at its line and column. */
const SKELETON_TEXT_LIST: readonly string[] = Object.values(SKELETON_TEXTS);

export function skeletonTextProblems(file: string, source: string, frontMatter: FrontMatter): ContentProblem[] {
  // Nearly every file has none of them: one search each of the whole file first (~0.2 s at 10,000 files line by line).
  if (!SKELETON_TEXT_LIST.some((text) => source.includes(text))) return [];
  const draft = frontMatter.data.draft === true;
  const out: ContentProblem[] = [];
  const lines = source.split("\n");
  lines.forEach((line, i) => {
    const inFrontMatter = i + 1 < frontMatter.bodyLine;
    // The skeleton's commented examples hold these texts on purpose.
    if (inFrontMatter && /^\s*#/.test(line)) return;
    for (const text of SKELETON_TEXT_LIST) {
      const isBody = text === SKELETON_TEXTS.body;
      // The field texts are short phrases a real body may well contain; they count only as field values.
      if (isBody === inFrontMatter) continue;
      const at = line.indexOf(text);
      if (at < 0) continue;
      out.push({
        file,
        line: i + 1,
        column: [...line.slice(0, at)].length + 1,
        message: isBody
          ? `متن نمونه‌ی «npm run new» هنوز در خبر مانده است؛ متن خبر را جای آن بنویسید${draft ? "" : " (خبری که پیش‌نویس نیست با آن منتشر نمی‌شود)"}`
          : `متن راهنمای «npm run new» («${text}») هنوز در خبر مانده است؛ متن خودتان را جای آن بنویسید${draft ? "" : " (خبری که پیش‌نویس نیست با آن منتشر نمی‌شود)"}`,
        severity: draft ? "warning" : "error",
        rule: "placeholder",
      });
    }
  });
  return out;
}
