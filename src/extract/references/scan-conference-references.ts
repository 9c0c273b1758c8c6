import type { MatchingText } from "../text/matching-text.js";
import { findKnownDocument } from "./known-documents.js";
import { unresolvedReference, type RawNamedReference } from "./named-reference.js";
import { CONFERENCE_REFERENCE } from "../patterns.js";
import { ORDINAL_NUMBERS } from "../vocabulary/structure.js";
import { TERM_NUMERAL_OCR } from "../vocabulary/ocr-confusions.js";

/** "Nghị quyết Trung ương 4 khóa xn", "Kết luận Hội nghị Trung ương 4 khóa xm", "Nghị quyết Trung ương 4 (khóa XI, XII, xm)". */
export function scanConferenceReferences(mt: MatchingText): RawNamedReference[] {
  const out: RawNamedReference[] = [];
  CONFERENCE_REFERENCE.lastIndex = 0;
  for (let m = CONFERENCE_REFERENCE.exec(mt.folded); m; m = CONFERENCE_REFERENCE.exec(mt.folded)) {
    const type = m[1] === "ket luan" ? "Kết luận" : "Nghị quyết";
    const ordinal = m[2] ?? m[4];
    const plenum = m[3]
      ? Number(m[3])
      : ordinal
        ? (ORDINAL_NUMBERS.get(ordinal.replace(/\s+/g, " ")) ?? 0)
        : 0;
    if (plenum === 0) continue;
    // Trailing white space belongs to the sentence, not to the reference.
    const end = m.index + m[0].replace(/\s+$/, "").length;
    const terms = m[6]
      ? m[6].split(/\s*,\s*/).map((t) => TERM_NUMERAL_OCR.get(t.trim()) ?? t.trim().toUpperCase())
      : [];
    const base = `${type} Trung ương ${plenum}`;
    if (terms.length === 0) {
      out.push(unresolvedReference(m.index, end, base, "alias"));
      continue;
    }
    for (const term of terms) {
      const name = `${type === "Kết luận" ? "Kết luận Hội nghị" : type} Trung ương ${plenum} khóa ${term}`;
      const fact = findKnownDocument(type, plenum, term);
      if (fact && fact.symbol) {
        const year = fact.date ? Number(fact.date.slice(0, 4)) : null;
        out.push({
          start: m.index,
          end,
          name,
          kind: "alias",
          resolvedSymbol: fact.symbol,
          resolvedKey: `${fact.typeCode}|${fact.symbol}|${year ?? "?"}`,
          resolvedBy: fact.source,
          date: fact.date,
          year,
          key: null,
        });
      } else {
        out.push(unresolvedReference(m.index, end, name, "alias"));
      }
    }
  }
  return out;
}
