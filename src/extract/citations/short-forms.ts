import type { MatchingText } from "../text/matching-text.js";
import { SHORT_FORM_TYPES } from "../vocabulary/document-types.js";
import type { Citation, ExtractionWarning, OrganizationRef } from "../model.js";
import { cleanPassage } from "../text/clean-text.js";
import { documentTypeForWord, keyTypeCode } from "../header/document-type.js";
import { isUpperLetterCode } from "../text/fold-vietnamese.js";
import { isoDateFromAlternatives } from "../text/iso-date.js";
import { DATE_AFTER, ISSUER_LEAD, SHORT_FORM, TERM_AFTER } from "../patterns.js";
import { matchOrganizationAt } from "../header/resolve-organization.js";
import { TERM_NUMERAL_OCR } from "../vocabulary/ocr-confusions.js";
import type { RawNamedReference } from "../references/named-reference.js";
import { citationRelation, relationBefore } from "./relation-kind.js";

export interface ShortFormResult {
  /** short forms that a full citation of the same text identifies: mentions of that document */
  citations: Citation[];
  /** in a document: the others, kept as partial (number-only) references with their span */
  partial: RawNamedReference[];
  warnings: ExtractionWarning[];
}

/** What may follow the number of a short form: "ngày …", "của <body>", "khóa XII". */
interface Tail {
  date: string | null;
  issuer: OrganizationRef | null;
  term: string | null;
  end: number;
}

function readTail(mt: MatchingText, from: number, province: string | null): Tail {
  const tail: Tail = { date: null, issuer: null, term: null, end: from };
  const readDate = (): void => {
    DATE_AFTER.lastIndex = tail.end;
    const d = DATE_AFTER.exec(mt.folded);
    if (!d) return;
    tail.date = isoDateFromAlternatives(d, [1, 4]).date;
    tail.end = DATE_AFTER.lastIndex;
  };
  readDate();
  ISSUER_LEAD.lastIndex = tail.end;
  if (ISSUER_LEAD.exec(mt.folded)) {
    const org = matchOrganizationAt(mt, ISSUER_LEAD.lastIndex, province);
    if (org) {
      tail.issuer = org.org;
      tail.end = org.end;
      if (tail.date === null) readDate();
    }
  }
  TERM_AFTER.lastIndex = tail.end;
  const t = TERM_AFTER.exec(mt.folded);
  if (t) {
    tail.term = TERM_NUMERAL_OCR.get(t[1]!) ?? t[1]!.toUpperCase();
    tail.end = TERM_AFTER.lastIndex;
  }
  return tail;
}

/** A full citation is the document a short form names when nothing written with the short form contradicts it. */
function agrees(c: Citation, tail: Tail): boolean {
  if (tail.date !== null && c.date !== null && c.date !== tail.date) return false;
  if (tail.date !== null && c.year !== null && Number(tail.date.slice(0, 4)) !== c.year) return false;
  if (tail.issuer) {
    const keys = [c.issuer?.key, ...(c.issuerCandidates ?? []).map((o) => o.key)].filter(Boolean);
    if (keys.length > 0 && !keys.includes(tail.issuer.key)) return false;
  }
  return true;
}

/**
 * Short forms "Nghị định 81", "Quyết định số 1909", "Chỉ thị số 17 của Ban Bí thư": a type word
 * and a number without a symbol. One is a mention of the full citation of the same type and
 * number in the same text that agrees with what is written with it (date, issuer): the latest
 * earlier one, else the first later one. In a document the others are kept as partial
 * references (kind "number-only", with type, number, issuer, term and span): never dropped.
 * Typed alone (`numberOnly`, checkReference) they become number-only citations.
 */
export function resolveShortForms(
  mt: MatchingText,
  full: readonly Citation[],
  occupied: readonly [number, number][],
  numberOnly: boolean,
  province: string | null = null,
): ShortFormResult {
  const citations: Citation[] = [];
  const partial: RawNamedReference[] = [];
  const warnings: ExtractionWarning[] = [];
  const starts = full.map((c) => c.span[0]);
  SHORT_FORM.lastIndex = 0;
  for (let m = SHORT_FORM.exec(mt.folded); m; m = SHORT_FORM.exec(mt.folded)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (occupied.some(([a, b]) => start < b && end > a)) continue;
    const t = documentTypeForWord(m[1]!);
    if (!t || !SHORT_FORM_TYPES.has(t.name)) continue;
    // A short form names a document, so its type word is capitalised ("Nghị định 81", not "quyết định 01 đơn vị").
    const first = mt.text.charCodeAt(start);
    const second = mt.text.charCodeAt(start + 1);
    const capitalised = isUpperLetterCode(first) && !isUpperLetterCode(second);
    // Typed alone ("nghị quyết 128") a reference may be in lower case; in running text it is capitalised.
    if (!capitalised && !(numberOnly && mt.text.slice(0, start).trim() === "")) continue;
    const numberText = m[3]!;
    const value = Number(numberText);
    // Without "số", a small number followed by "." or ")" is a list marker: "ban hành Chỉ thị 2. Các bộ …".
    if (m[2] === undefined && value < 10 && /^[.)]/.test(mt.text.slice(end, end + 1))) continue;
    const number = value < 10 ? `0${value}` : String(value);
    const tail = readTail(mt, end, province);
    const span = mt.spanOf(start, end);
    const quote = mt.original.slice(span[0], span[1]);
    let target: Citation | null = null;
    for (let k = full.length - 1; k >= 0 && !target; k--) {
      const c = full[k]!;
      if (starts[k]! < span[0] && c.type === t.name && c.number === number && agrees(c, tail)) target = c;
    }
    for (let k = 0; k < full.length && !target; k++) {
      const c = full[k]!;
      if (starts[k]! > span[0] && c.type === t.name && c.number === number && agrees(c, tail)) target = c;
    }
    if (target) {
      const relation = citationRelation(mt, start, end, true);
      citations.push({
        ...target,
        span,
        quote,
        relation: relationBefore(mt, start),
        task: null,
        warnings: [],
        titleSpan: null,
        shortFormOf: target.span,
        symbolAsPrinted: quote,
        relationKind: relation.kind,
        scope: relation.scope,
      });
      continue;
    }
    const code = keyTypeCode({ name: t.name, code: t.code }, null, tail.issuer);
    if (numberOnly) {
      citations.push({
        key: `${code}|${number}|?`,
        resolved: false,
        type: t.name,
        typeCode: code,
        symbol: number,
        symbolAsPrinted: numberText,
        number,
        year: null,
        date: null,
        issuer: null,
        title: null,
        task: null,
        relation: null,
        span,
        quote,
        warnings: [
          {
            kind: "number-only",
            message: `"${quote}" gives a type and a number but no symbol, date or issuer`,
            span,
          },
        ],
        issuerSource: null,
        titleSpan: null,
        shortFormOf: null,
      });
      continue;
    }
    // A year is not a number ("Nghị quyết 2022" of a yearly series).
    if (/^(?:19|20)\d\d$/.test(numberText)) continue;
    // Kept as a partial reference: its span covers what was read with it ("… của Ban Bí thư khóa XII").
    const fullEnd = tail.end;
    warnings.push({
      kind: "unresolved-short-form",
      message: `"${cleanPassage(mt, start, end)}" names no citation of that number in the text: kept as a partial reference`,
      span,
    });
    const year = tail.date ? Number(tail.date.slice(0, 4)) : null;
    const identity = tail.term ? `khoa-${tail.term.toLowerCase()}` : (year ?? "?");
    partial.push({
      start,
      end: fullEnd,
      name: cleanPassage(mt, start, fullEnd).replace(/\s+/g, " ").trim(),
      kind: "number-only",
      resolvedSymbol: null,
      resolvedKey: null,
      resolvedBy: null,
      date: tail.date,
      year,
      key: `number-only|${code}|${number}|${tail.issuer?.key ?? "?"}|${identity}`,
      type: t.name,
      typeCode: code,
      number,
      issuer: tail.issuer,
      term: tail.term,
    });
  }
  return { citations, partial, warnings };
}
