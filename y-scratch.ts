import { parseFrontMatter } from "./lib/content/front-matter.ts";
const cases: Record<string,string> = {
  colon: 'title: نشست خبری: روز اول\ndate: "1403-01-10"\ncategory: culture\n',
  colon2: 'title: "خبر"\nsummary: نشست خبری: روز اول\ncategory: culture\n',
  unclosedDouble: 'title: "خبر\ndate: "1403-01-10"\ncategory: culture\n',
  unclosedDoubleLast: 'title: "خبر"\ndate: "1403-01-10"\ncategory: "culture\n',
  unclosedSingle: "title: 'خبر\ndate: \"1403-01-10\"\ncategory: culture\n",
  tab: 'title: "خبر"\ntags:\n\t- الف\ncategory: culture\n',
  tab2: 'title: "خبر"\n\tdate: "1403"\ncategory: culture\n',
  missingColon: 'title: "خبر"\ndate "1403-01-10"\ncategory: culture\n',
  missingColon2: 'title: "خبر"\ncategory culture\ndate: "1403"\n',
  missingColonLast: 'title: "خبر"\ncategory culture\n',
  badIndent: 'title: "خبر"\n  date: "1403-01-10"\ncategory: culture\n',
  deficient: 'title: "خبر"\nupdates:\n  - date: "1403"\n   note: x\n',
  dup: 'title: "خبر"\ntitle: "دو"\n',
  alias: 'title: *فوری* نشست\n',
  anchor: 'title: &x نشست\nsummary: *x\n',
  flowUnclosed: 'tags: [الف, ب\ncategory: culture\n',
  quoteAfter: 'title: "خبر" دوم\ncategory: culture\n',
  bracketTitle: 'title: [فوری] نشست\n',
  atSign: 'title: @خبر\n',
  multiline: 'title: "خبر"\nsummary: این\nیک\n',
  crlf: 'title: نشست خبری: روز اول\r\ndate: "1403-01-10"\r\n',
  nested: 'title: "خبر"\nupdates:\n  - date: "1403-01-11"\n    note: تمدید: تا فردا\n',
};
for (const [name, src] of Object.entries(cases)) {
  const r = parseFrontMatter(`---\n${src}---\nمتن\n`);
  console.log(name, JSON.stringify(r.ok ? "OK" : r));
}
