/**
 * A Persian word list for the typography lint: npm `@cspell/dict-fa-ir` (Apache-2.0, from the lilak
 * Hunspell dictionary; 773k word forms), read with `cspell-trie-lib` (MIT), both pinned in
 * package.json. It stores words without ZWNJ (`فعالیتهای`, `کتابخانه`) and has none of the ZWNJ
 * compounds (`ثبت‌نام`, `برنامه‌ریزی`): so it can't tell where a ZWNJ goes, but a word it lacks that
 * splits into two words it has (`ثبتنام` = `ثبت` + `نام`) is very likely a compound whose ZWNJ was lost.
 *
 * Loading the list takes about 0.2 s: it is read on the first lookup only (a lint run over text with
 * no Persian word never reads it), and answers are remembered per word for the rest of the run.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { has, importTrie, type TrieRoot } from "cspell-trie-lib";

export interface PersianDictionary {
  /** Whether `word` (letters only, no ZWNJ) is a Persian word form. */
  has(word: string): boolean;
  /** Per-word results of rules that consult the list, kept for the run (the same words recur). */
  readonly memo: Map<string, string | null>;
}

const require = createRequire(import.meta.url);

function readTrie(): TrieRoot {
  // The package exports only its cspell settings file; the list lies beside it.
  const dir = path.dirname(require.resolve("@cspell/dict-fa-ir/cspell-ext.json"));
  const text = gunzipSync(readFileSync(path.join(dir, "fa-IR.trie.gz"))).toString("utf8");
  return importTrie(text.split(/^/m));
}

/** The word list, read on its first lookup. One per run: pass it to `lintSource`/`lintText`. */
export function openPersianDictionary(): PersianDictionary {
  let trie: TrieRoot | undefined;
  const known = new Map<string, boolean>();
  return {
    has(word) {
      let answer = known.get(word);
      if (answer === undefined) {
        trie ??= readTrie();
        answer = has(trie, word);
        known.set(word, answer);
      }
      return answer;
    },
    memo: new Map(),
  };
}

/** A dictionary from a plain list (tests). */
export function dictionaryOf(words: Iterable<string>): PersianDictionary {
  const set = new Set(words);
  return { has: (word) => set.has(word), memo: new Map() };
}
