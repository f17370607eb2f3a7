/**
 * Frozen copy of lib/text/render-transforms.ts's text path before its fast paths (session 3): every
 * text split into URL, Latin-run and prose pieces, prose through three replaces. The equivalence test
 * (render-transforms-fast.test.ts) holds the current code to it. Not used by the build.
 */
import { toPersianDigits } from "../../lib/text/digits.ts";
import { foldArabicLetters } from "../../lib/text/persian.ts";

interface Options {
  persianDigits: boolean;
  isolateLatin: boolean;
}
const defaults: Options = { persianDigits: true, isolateLatin: true };

const URL_OR_EMAIL = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>«»"]*[^\s<>«»"().,;:!?،؛؟'’]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gi;
const LATIN_WORD = "[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:[-_.@+#/:&'’][A-Za-z0-9]+)*[+#]*(?:\\([A-Za-z0-9 ,.]*\\))?";
const LATIN_OR_NUMBER = "[A-Za-z0-9]+(?:[-_.@+#/:&'’][A-Za-z0-9]+)*[+#]*(?:\\([A-Za-z0-9 ,.]*\\))?";
const LATIN_RUN = new RegExp(`(?:[0-9]+(?:[.,/:][0-9]+)*[ \\u00a0])?${LATIN_WORD}(?:[ \\u00a0]+${LATIN_OR_NUMBER})*`, "g");

interface Piece {
  text: string;
  kind: "url" | "latin" | "prose";
}

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  const push = (t: string, kind: Piece["kind"]) => {
    if (t !== "") out.push({ text: t, kind });
  };
  let last = 0;
  for (const url of text.matchAll(URL_OR_EMAIL)) {
    latinPieces(text.slice(last, url.index), push);
    push(url[0], "url");
    last = url.index + url[0].length;
  }
  latinPieces(text.slice(last), push);
  return out;
}

function latinPieces(text: string, push: (t: string, kind: Piece["kind"]) => void): void {
  let last = 0;
  for (const run of text.matchAll(LATIN_RUN)) {
    push(text.slice(last, run.index), "prose");
    push(run[0], "latin");
    last = run.index + run[0].length;
  }
  push(text.slice(last), "prose");
}

function prose(text: string, options: Options): string {
  const folded = foldArabicLetters(text);
  return options.persianDigits ? toPersianDigits(folded) : folded.replace(/[\u0660-\u0669]/g, (d) => toPersianDigits(d));
}

const needsIsolation = (run: string) => /[^A-Za-z]/.test(run);

export function displayTextFrozen(text: string, options: Partial<Options> = {}): string {
  const o = { ...defaults, ...options };
  return pieces(text)
    .map((p) => (p.kind === "prose" ? prose(p.text, o) : p.text))
    .join("");
}

export function transformTextHtmlFrozen(text: string, options: Partial<Options>, escape: (s: string) => string, persianContext: boolean): string {
  const o = { ...defaults, ...options };
  const isolate = o.isolateLatin && persianContext;
  return pieces(text)
    .map((p) => {
      if (p.kind === "prose") return escape(prose(p.text, o));
      return isolate && (p.kind === "url" || needsIsolation(p.text)) ? `<bdi>${escape(p.text)}</bdi>` : escape(p.text);
    })
    .join("");
}
