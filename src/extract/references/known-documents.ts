/**
 * Documents that texts cite by name only ("Nghị quyết Trung ương 4 khóa XII"), with the fact
 * that resolves each name and where that fact comes from. A name is resolved to a number only
 * through this table; anything else stays an unresolved named reference.
 */

export interface KnownDocumentFact {
  /** canonical name of the reference */
  name: string;
  /** "Nghị quyết" | "Kết luận" | … */
  type: string;
  typeCode: string;
  /** Central Committee plenum (Hội nghị Trung ương) number */
  plenum: number;
  /** Party term (khóa), Roman */
  term: string;
  /** null when the number is not confirmed by a shipped source: the reference stays unresolved */
  symbol: string | null;
  date: string | null;
  source: string;
}

const VOCABULARY_SOURCE = "cancu /work/shared/VOCABULARY.md, table 'Documents cited by name only'";

export const KNOWN_DOCUMENTS: readonly KnownDocumentFact[] = [
  {
    name: "Nghị quyết Trung ương 4 khóa XII",
    type: "Nghị quyết",
    typeCode: "NQ",
    plenum: 4,
    term: "XII",
    symbol: "04-NQ/TW",
    date: "2016-10-30",
    source: `Nghị quyết số 04-NQ/TW ngày 30/10/2016, Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII (${VOCABULARY_SOURCE})`,
  },
  {
    name: "Kết luận Hội nghị Trung ương 4 khóa XIII",
    type: "Kết luận",
    typeCode: "KL",
    plenum: 4,
    term: "XIII",
    symbol: "21-KL/TW",
    date: "2021-10-25",
    source: `Kết luận số 21-KL/TW ngày 25/10/2021, Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII (${VOCABULARY_SOURCE})`,
  },
  {
    name: "Nghị quyết Trung ương 4 khóa XI",
    type: "Nghị quyết",
    typeCode: "NQ",
    plenum: 4,
    term: "XI",
    symbol: null,
    date: null,
    source: `a 2012 resolution "Một số vấn đề cấp bách về xây dựng Đảng hiện nay"; number not confirmed by a shipped source, so kept unresolved (${VOCABULARY_SOURCE})`,
  },
];

export function findKnownDocument(type: string, plenum: number, term: string): KnownDocumentFact | null {
  for (const fact of KNOWN_DOCUMENTS) {
    if (fact.type === type && fact.plenum === plenum && fact.term === term) return fact;
  }
  return null;
}
