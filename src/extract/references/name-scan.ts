import { isLetterCode } from "../text/fold-vietnamese.js";

/** Reading names: skipping white space, and stop words at word boundaries. */

export function skipSpaces(s: string, from: number): number {
  let j = from;
  while (j < s.length && (s[j] === " " || s[j] === "\n" || s[j] === "\t")) j++;
  return j;
}

/** One of `words` (folded, may hold spaces) at `at` of a folded text, ending at a word boundary. */
export function startsWithStopWord(folded: string, at: number, words: readonly string[]): boolean {
  for (const w of words) {
    const bare = w.trim();
    if (!folded.startsWith(bare, at)) continue;
    const next = folded.charCodeAt(at + bare.length);
    if (!(next >= 0x61 && next <= 0x7a) && !(next >= 0x30 && next <= 0x39)) return true;
  }
  return false;
}

/**
 * One of `words` (lower case, with diacritics) at `at` of the text, in any case, ending at a
 * word boundary: for short words whose folded forms collide with other words.
 */
export function startsWithSpelledWord(text: string, at: number, words: readonly string[]): boolean {
  for (const w of words) {
    if (text.slice(at, at + w.length).toLowerCase() !== w) continue;
    if (!isLetterCode(text.charCodeAt(at + w.length))) return true;
  }
  return false;
}
