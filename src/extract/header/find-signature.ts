import type { MatchingText } from "../text/matching-text.js";
import { ON_BEHALF_OF, SIGNED_PLACEHOLDER, SIGNING_CAPACITY } from "../patterns.js";
import type { OrganizationRef } from "../model.js";
import type { Line } from "../text/lines.js";
import { cleanInline } from "../text/clean-text.js";
import { foldKey, squashSpaces } from "../text/fold-vietnamese.js";
import { matchOrganizationAt } from "./resolve-organization.js";
import { VIETNAMESE_SURNAMES } from "../vocabulary/ocr-confusions.js";
import { SIGNATURE_BLOCK_STARTS, SIGNER_TITLES } from "../vocabulary/phrases.js";

const SIGNATURE_FIRST_LETTERS = new Set(SIGNATURE_BLOCK_STARTS.map((s) => s.charCodeAt(0)));

export interface Signature {
  name: string | null;
  repaired: { from: string; to: string; span: [number, number] } | null;
  issuer: ((province: string | null) => OrganizationRef | null) | null;
}

/**
 * The signer: the first name-like line after a signer's title ("BÍ THƯ", "KT. BỘ TRƯỞNG /
 * THỨ TRƯỞNG") in the signature block; the issuer on a "T/M TỈNH ỦY" / "TM. CHÍNH PHỦ" line.
 */
export function findSignature(mt: MatchingText, lines: readonly Line[], from: number): Signature {
  const result: Signature = { name: null, repaired: null, issuer: null };
  let blockLine = -1;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (
      l.blank ||
      l.debris ||
      l.contentEnd - l.contentStart > 80 ||
      !SIGNATURE_FIRST_LETTERS.has(mt.folded.charCodeAt(l.contentStart))
    )
      continue;
    const folded = squashSpaces(mt.folded.slice(l.contentStart, l.contentEnd));
    if (SIGNATURE_BLOCK_STARTS.some((s) => folded.startsWith(s))) {
      blockLine = i;
      break;
    }
  }
  if (blockLine < 0) return result;
  for (let i = blockLine; i < Math.min(lines.length, blockLine + 40); i++) {
    const l = lines[i]!;
    if (l.blank || l.debris) continue;
    const folded = squashSpaces(mt.folded.slice(l.contentStart, l.contentEnd));
    const tm = ON_BEHALF_OF.exec(folded);
    if (tm && !result.issuer) {
      const at = l.contentStart + folded.lastIndexOf(tm[1]!);
      result.issuer = (province) => matchOrganizationAt(mt, at, province)?.org ?? null;
    }
    const title = folded.replace(SIGNING_CAPACITY, "");
    if (!SIGNER_TITLES.some((t) => title === t || title.endsWith(` ${t}`) || title === `${t} thu`)) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
      const n = lines[j]!;
      if (n.blank || n.debris) continue;
      const text = cleanInline(mt.text.slice(n.contentStart, n.contentEnd));
      const nf = foldKey(text);
      if (SIGNED_PLACEHOLDER.test(nf)) continue;
      if (SIGNER_TITLES.some((t) => nf === t || nf.endsWith(` ${t}`))) continue;
      if (!looksLikeName(text)) break;
      const repaired = repairSurname(text);
      if (repaired !== text) {
        result.repaired = { from: text, to: repaired, span: mt.spanOf(n.contentStart, n.contentEnd) };
      }
      result.name = repaired;
      return result;
    }
  }
  return result;
}

function looksLikeName(text: string): boolean {
  const words = text.split(" ");
  if (words.length < 2 || words.length > 6 || text.length > 40 || /\d/.test(text)) return false;
  return words.slice(1).every((w) => /^\p{Lu}/u.test(w));
}

/** "íguyễn Xuân Ký" → "Nguyễn Xuân Ký": only a lost first letter of a known surname is repaired. */
export function repairSurname(name: string): string {
  const [first, ...rest] = name.split(" ");
  if (!first || /^\p{Lu}/u.test(first)) return name;
  const fix = VIETNAMESE_SURNAMES.find((s) => s.length === first.length && s.slice(1) === first.slice(1));
  return fix ? [fix, ...rest].join(" ") : name;
}
