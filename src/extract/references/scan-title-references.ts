import type { MatchingText } from "../text/matching-text.js";
import { SUBJECT_ABOUT_PREFIX } from "../patterns.js";
import { DANGLING_LAST_WORDS } from "../vocabulary/phrases.js";
import { cleanPassage } from "../text/clean-text.js";
import { foldKey } from "../text/fold-vietnamese.js";
import type { RawNamedReference } from "./named-reference.js";
import type { RawCitation } from "../citations/scan-citations.js";

/**
 * A title standing for a document cited earlier in the same text: after "Quy định số 37-QĐ/TW
 * … về những điều đảng viên không được làm", the words "Quy định những điều đảng viên không
 * được làm" refer to 37-QĐ/TW.
 */
export function scanTitleReferences(
  mt: MatchingText,
  cited: readonly { raw: RawCitation; type: string; key: string; symbol: string; title: string | null }[],
): RawNamedReference[] {
  const index = new Map<string, { words: string[]; cite: (typeof cited)[number] }[]>();
  for (const c of cited) {
    if (!c.title) continue;
    const words = foldKey(c.title)
      .replace(SUBJECT_ABOUT_PREFIX, "")
      .replace(/[^a-z0-9 ]/g, " ")
      .split(/\s+/)
      .filter((w) => w.length > 0);
    // A short or unfinished subject ("sửa đổi, bổ sung một số điều của") names no one document.
    if (words.length < 5 || DANGLING_LAST_WORDS.has(words[words.length - 1]!)) continue;
    const lookup = `${foldKey(c.type)}|${words.slice(0, 3).join(" ")}`;
    const list = index.get(lookup) ?? [];
    list.push({ words, cite: c });
    index.set(lookup, list);
  }
  if (index.size === 0) return [];
  const out: RawNamedReference[] = [];
  const typeWords = [...new Set(cited.map((c) => foldKey(c.type)))];
  const pattern = new RegExp(`\\b(${typeWords.map((w) => w.replace(/ /g, "\\s+")).join("|")})\\s+`, "g");
  for (let m = pattern.exec(mt.folded); m; m = pattern.exec(mt.folded)) {
    const after = m.index + m[0].length;
    const firstWords = readWords(mt.folded, after, 3);
    const candidates = index.get(`${m[1]!.replace(/\s+/g, " ")}|${firstWords.map((w) => w.word).join(" ")}`);
    if (!candidates) continue;
    const wordsAfter = readWords(mt.folded, after, Math.max(...candidates.map((c) => c.words.length)));
    for (const cand of candidates) {
      if (cand.cite.raw.leadStart >= m.index) continue;
      if (cand.words.length > wordsAfter.length) continue;
      if (!cand.words.every((w, k) => wordsAfter[k]!.word === w)) continue;
      const end = wordsAfter[cand.words.length - 1]!.end;
      const [s, e] = mt.spanOf(cand.cite.raw.leadStart, cand.cite.raw.ownEnd);
      out.push({
        start: m.index,
        end,
        name: cleanPassage(mt, m.index, end),
        kind: "alias",
        resolvedSymbol: cand.cite.symbol,
        resolvedKey: cand.cite.key,
        resolvedBy: `title of the citation at [${s}, ${e}] in the same text`,
        date: null,
        year: null,
        key: null,
      });
      break;
    }
  }
  return out;
}

function readWords(folded: string, from: number, max: number): { word: string; end: number }[] {
  const out: { word: string; end: number }[] = [];
  const re = /[a-z0-9]+/y;
  let i = from;
  while (out.length < max && i < folded.length) {
    while (i < folded.length && /[\s,"“”]/.test(folded[i]!)) i++;
    re.lastIndex = i;
    const m = re.exec(folded);
    if (!m) break;
    out.push({ word: m[0], end: i + m[0].length });
    i += m[0].length;
  }
  return out;
}
