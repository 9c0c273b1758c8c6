import type { MatchingText } from "../text/matching-text.js";
import { EXPIRY_AFTER_CITATION, RELATION_KIND_OF_WORD, type RelationKind } from "../vocabulary/relations.js";
import { relationWordBefore } from "./finalize-citations.js";

/** A citation's relation: its kind, and the part of the cited document it is about. */
export interface CitationRelation {
  kind: RelationKind;
  /** "Điều 5.2.a", "Chương II", "Điều 3, Điều 7": what of the cited document; null: the whole (or not said) */
  scope: string | null;
}

const ROMAN = /^[ivxlc]+$/;

/**
 * The units of a document named in a stretch of folded text, as task codes of the extractor's
 * normative style: "điểm a khoản 2 Điều 5" → "Điều 5.2.a", "khoản 3 Điều 12" → "Điều 12.3",
 * "Điều 7 và Điều 9" → "Điều 7, Điều 9", "Chương II" → "Chương II". Null when none is named.
 */
export function scopeIn(folded: string): string | null {
  const codes: string[] = [];
  const unit =
    /(?:diem\s+([a-z]|dd?)\s*,?\s*)?(?:khoan\s+(\d{1,3})\s*,?\s*)?(?:cua\s+)?dieu\s+(\d{1,3}[a-z]?)(?![\d])/g;
  for (let m = unit.exec(folded); m; m = unit.exec(folded)) {
    const point = m[1] ? (m[1] === "dd" ? "đ" : m[1]) : null;
    codes.push(
      `Điều ${m[3]}${m[2] ? `.${m[2]}` : ""}${m[2] && point ? `.${point}` : !m[2] && point ? `.${point}` : ""}`,
    );
  }
  const chapter = /chuong\s+([ivxlc]+|\d{1,2})(?![a-z\d])/g;
  for (let m = chapter.exec(folded); m; m = chapter.exec(folded)) {
    codes.push(`Chương ${ROMAN.test(m[1]!) ? m[1]!.toUpperCase() : m[1]}`);
  }
  return codes.length > 0 ? [...new Set(codes)].join(", ") : null;
}

/**
 * The relation a citation states, from the relation word before it (or the expiry said after it):
 * `leadStart` is where the citation (or the list it heads) begins, `ownEnd` where it ends; the
 * scope is read between the relation word and the citation ("bãi bỏ khoản 3 Điều 12 của Nghị định
 * số …"), only for the first member of a list (`firstOfList`).
 */
export function citationRelation(
  mt: MatchingText,
  leadStart: number,
  ownEnd: number,
  firstOfList: boolean,
): CitationRelation {
  if (EXPIRY_AFTER_CITATION.test(mt.folded.slice(ownEnd, ownEnd + 240)))
    return { kind: "REPEALS", scope: null };
  const found = relationWordBefore(mt, leadStart);
  if (!found) return { kind: "CITES", scope: null };
  const kind = RELATION_KIND_OF_WORD.get(found.word) ?? "CITES";
  const scoped =
    kind === "AMENDS" ||
    kind === "REPEALS" ||
    kind === "REPLACES" ||
    kind === "SUSPENDS" ||
    kind === "GUIDES" ||
    kind === "CORRECTS";
  const scope = scoped && firstOfList ? scopeIn(mt.folded.slice(found.end, leadStart)) : null;
  return { kind, scope };
}
