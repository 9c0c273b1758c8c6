import { foldKey } from "../text/fold-vietnamese.js";
import { boundedEditDistance } from "../text/bounded-edit-distance.js";
import { GENERIC_BODY_NAMES, MIN_FUZZY_NAME_CHARS, OPTIONAL_NAME_WORDS } from "../vocabulary/body-names.js";
import { ORGANIZATIONS } from "../vocabulary/organizations.js";

interface VocabularyName {
  words: readonly string[];
  folded: readonly string[];
  joined: string;
}

/** Words of a name, a hyphen standing alone ("chính trị-xã hội" → chính, trị, -, xã, hội). */
function nameWords(name: string): string[] {
  return name
    .replace(/\s*[-–]\s*/g, " - ")
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** The names a printed name may be repaired to, those of more words first. */
const VOCABULARY: readonly VocabularyName[] = [
  ...new Set([...GENERIC_BODY_NAMES, ...ORGANIZATIONS.map((o) => o.name)]),
]
  .map((name) => {
    const words = nameWords(name);
    const folded = words.map((w) => foldKey(w));
    return { words, folded, joined: folded.join(" ") };
  })
  .sort((a, b) => b.words.length - a.words.length || b.joined.length - a.joined.length);

/**
 * A body's name with the OCR damage of its first words repaired by the vocabulary of body names
 * (vocabulary/body-names.ts and the known bodies' names), the rest of it as printed:
 * - a word that folds to the vocabulary's word but differs from it in more than capitals takes
 *   the vocabulary's diacritics ("tồ chức" → "Tổ chức", "Uy ban" → "Ủy ban");
 * - a word the vocabulary marks as optional may be missing ("Sở Thông tín Truyền thông" →
 *   "Sở Thông tin và Truyền thông");
 * - a name of at least MIN_FUZZY_NAME_CHARS letters may differ by one edit, with the same first
 *   letter ("Ủy han nhân dân" → "Ủy ban nhân dân").
 * A word that differs only in capitals keeps its printed capitals ("Đảng Đoàn" stays). Returns
 * the name as printed when no vocabulary name starts it.
 */
export function repairBodyName(printed: string): string {
  const words = nameWords(printed);
  const folded = words.map((w) => foldKey(w));
  for (const name of VOCABULARY) {
    const taken = exactPrefix(name, folded) ?? fuzzyPrefix(name, folded);
    if (taken === null) continue;
    const repaired = taken.pairs.map(([v, p]) =>
      p === null || v.toLowerCase() !== words[p]!.toLowerCase() ? v : words[p]!,
    );
    return joinWords([...repaired, ...words.slice(taken.consumed)]);
  }
  return printed;
}

interface Taken {
  /** each vocabulary word with the index of the printed word it stands for (null: it was missing) */
  pairs: (readonly [string, number | null])[];
  /** printed words consumed */
  consumed: number;
}

function exactPrefix(name: VocabularyName, folded: readonly string[]): Taken | null {
  const pairs: (readonly [string, number | null])[] = [];
  let j = 0;
  for (let i = 0; i < name.words.length; i++) {
    if (j < folded.length && folded[j] === name.folded[i]) pairs.push([name.words[i]!, j++]);
    else if (OPTIONAL_NAME_WORDS.has(name.folded[i]!)) pairs.push([name.words[i]!, null]);
    else return null;
  }
  return { pairs, consumed: j };
}

function fuzzyPrefix(name: VocabularyName, folded: readonly string[]): Taken | null {
  const n = name.words.length;
  if (name.joined.length < MIN_FUZZY_NAME_CHARS || folded.length < n) return null;
  // words only: a name cut short of its punctuation ("Môi trường: Thường xuyên") is no damage
  if (!folded.slice(0, n).every((w) => /^(?:[a-z0-9&]+|-)$/.test(w))) return null;
  const candidate = folded.slice(0, n).join(" ");
  if (candidate[0] !== name.joined[0] || boundedEditDistance(candidate, name.joined, 1) > 1) return null;
  return { pairs: name.words.map((w, i) => [w, i] as const), consumed: n };
}

/** Words back into a name: a lone hyphen between spaces, as the vocabulary writes it. */
function joinWords(words: readonly string[]): string {
  return words.join(" ");
}
