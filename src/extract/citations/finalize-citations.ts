import type { MatchingText } from "../text/matching-text.js";
import type { Citation, ExtractionWarning, OrganizationRef, Span } from "../model.js";
import { keyTypeCode, typeAgreesWithSymbol, type ResolvedType } from "../header/document-type.js";
import { LIST_GAP, UNIT_SEGMENT } from "../patterns.js";
import {
  candidatesForCode,
  issuerAgreesWithCodes,
  issuerCodesAreKnown,
  organizationRef,
  singleBodyForCode,
} from "../header/resolve-organization.js";
import { citationType, titleText, type RawCitation } from "./scan-citations.js";
import { issuingCode, type ParsedSymbol } from "../header/normalise-symbol.js";
import {
  amendingList,
  citationRelation,
  isPrintedPart,
  relationBefore,
  subjectRanges,
} from "./relation-kind.js";
import { scopeIn } from "../tree/scope-codes.js";
import { impliedArticleRelations } from "./implied-target.js";

const UNKNOWN_TYPE: ResolvedType = { name: "Văn bản", code: "VB" };

/** Public citations from raw ones; `task` is filled by the caller. */
export function finalizeCitations(
  mt: MatchingText,
  raws: readonly RawCitation[],
  province: string | null,
): Citation[] {
  const out: Citation[] = [];
  const titles = subjectRanges(mt, raws);
  let runLead = 0;
  for (let k = 0; k < raws.length; k++) {
    const raw = raws[k]!;
    if (k === 0 || !continuesSentenceList(mt, raws[k - 1]!, raw)) runLead = raw.leadStart;
    const citation = finalizeOne(mt, raw, province, relationBefore(mt, runLead));
    let relation =
      (k > 0 ? nextObjectOfVerb(mt, raws[k - 1]!, out[k - 1]!, raw) : null) ??
      citationRelation(
        mt,
        runLead,
        raw.ownEnd,
        runLead === raw.leadStart,
        // its parts are named after the citation before it ("… của Luật B … và Điều 15 của Luật C")
        k > 0 ? Math.max(raws[k - 1]!.ownEnd, raws[k - 1]!.titleEnd) : 0,
        titles,
      );
    // the previous title names this one as its object ("a) Điều 2 Nghị định số 54/2022/NĐ-CP …
    // sửa đổi, bổ sung một số điều của Nghị định số 78/2016/NĐ-CP"): no act of this text reaches it
    // through the list
    if (
      k > 0 &&
      runLead !== raw.leadStart &&
      STATUS_KINDS.has(relation.kind) &&
      objectOfTitle(mt, raws[k - 1]!, raw)
    ) {
      runLead = raw.leadStart; // the members after it are its list's
      relation = citationRelation(mt, raw.leadStart, raw.ownEnd, true, 0, titles);
    }
    citation.relationKind = relation.kind;
    citation.scope = relation.scope;
    // an amending lead names its parts in its items ("một số điều" as printed when they name
    // none); an item that repeals a part states a second relation to the same document
    // a lead that replaces or repeals parts it does not number ("Điều 7. Thay thế, bãi bỏ một số
    // cụm từ, khoản, phụ lục của Nghị định số …") names them in its items
    const listLead =
      relation.kind === "AMENDS" ||
      ((relation.kind === "REPEALS" || relation.kind === "REPLACES") &&
        (relation.scope === null || isPrintedPart(relation.scope)));
    if (listLead && runLead === raw.leadStart) {
      const list = amendingList(
        mt,
        raw.leadStart,
        Math.max(raw.ownEnd, raw.titleEnd),
        relation.kind !== "AMENDS",
      );
      if (
        relation.kind === "AMENDS" &&
        list?.amended &&
        (relation.scope === null || isPrintedPart(relation.scope))
      )
        citation.scope = list.amended;
      if (list && list.repealed.length > 0)
        citation.listedRelations = list.repealed.map((r) => {
          const span = mt.spanOf(r.start, r.end);
          return {
            kind: "REPEALS" as const,
            scope: r.scope,
            span,
            quote: mt.original.slice(span[0], span[1]),
            task: null,
          };
        });
    }
    out.push(citation);
  }
  carryYears(out);
  impliedArticleRelations(mt, raws, out);
  return out;
}

/**
 * One document, one key: a symbol cited without a date takes the key and year of its dated
 * mentions in the same text when they all agree ("Kết luận số 18-KL/TW" after "Kết luận số
 * 18-KL/TW ngày 02/4/2026"). Its own `date` stays null: the text prints none there.
 */
function carryYears(citations: Citation[]): void {
  const dated = new Map<string, Set<string>>();
  for (const c of citations) {
    if (c.year === null) continue;
    const keys = dated.get(c.symbol) ?? new Set<string>();
    keys.add(c.key);
    dated.set(c.symbol, keys);
  }
  for (const c of citations) {
    if (c.year !== null) continue;
    const keys = dated.get(c.symbol);
    if (!keys || keys.size !== 1) continue;
    const key = [...keys][0]!;
    const year = Number(key.slice(key.lastIndexOf("|") + 1));
    if (!Number.isInteger(year)) continue;
    c.key = key;
    c.typeCode = key.slice(0, key.indexOf("|"));
    c.year = year;
    c.resolved = true;
    c.warnings = c.warnings.filter((w) => w.kind !== "no-year");
  }
}

/** Kinds whose verb governs a list of objects separated by ";" ("Bãi bỏ Điều 8 Nghị định A; Điều 13 Nghị định B; …"). */
const LISTED_OBJECT_KINDS = new Set(["REPEALS", "AMENDS", "REPLACES", "SUSPENDS"]);

/**
 * "Bãi bỏ Điều 8 Nghị định số 140/2025/NĐ-CP; Điều 13 Nghị định số 144/2025/NĐ-CP; khoản 4 Điều 9
 * của Nghị định số 11/2013/NĐ-CP": a segment after a ";" on the same line that names only a part
 * of a document before its citation (no verb of its own) is the next object of the verb before the
 * ";": the citation takes the previous one's kind, with its own scope.
 */
function nextObjectOfVerb(
  mt: MatchingText,
  prevRaw: RawCitation,
  prev: Citation,
  cur: RawCitation,
): { kind: NonNullable<Citation["relationKind"]>; scope: string | null } | null {
  if (!prev.relationKind || !LISTED_OBJECT_KINDS.has(prev.relationKind)) return null;
  const prevEnd = Math.max(prevRaw.ownEnd, prevRaw.titleEnd);
  if (prevEnd > cur.leadStart || cur.leadStart - prevEnd > 600) return null;
  const gap = mt.folded.slice(prevEnd, cur.leadStart);
  const semi = gap.lastIndexOf(";");
  if (semi < 0 || /[:]|\.\s/.test(gap.slice(0, semi))) return null;
  const segment = gap.slice(semi + 1);
  if (!UNIT_SEGMENT.test(segment)) return null;
  return { kind: prev.relationKind, scope: scopeIn(mt, cur.leadStart - segment.length, cur.leadStart) };
}

const STATUS_KINDS = new Set(["AMENDS", "REPEALS", "REPLACES", "SUSPENDS"]);

/** Whether the previous citation's title ends with a word whose object is this citation. */
function objectOfTitle(mt: MatchingText, prev: RawCitation, cur: RawCitation): boolean {
  if (prev.titleStart < 0 || prev.titleEnd > cur.leadStart) return false;
  return TITLE_ENDS_WITH_OBJECT_WORD.test(mt.folded.slice(prev.titleStart, cur.leadStart));
}

/** folded, the end of a cited document's title that wants an object: the next citation ("… một số điều của", "… hướng dẫn"). */
const TITLE_ENDS_WITH_OBJECT_WORD =
  /(?<![a-z])(?:cua|tai|theo|boi|doi\s+voi|huong\s+dan(?:\s+thi\s+hanh)?|quy\s+dinh\s+chi\s+tiet|sua\s+doi(?:\s*,?\s*bo\s+sung)?|thay\s+the|bai\s+bo)[\s,]*$/;

/** The relation word of a list reaches every member, also past a member's subject ("… năm 2030 và Nghị quyết số 11-NQ/TU"). */
function continuesSentenceList(mt: MatchingText, prev: RawCitation, cur: RawCitation): boolean {
  if (cur.linkedToPrevious) return true;
  const end = prev.titleStart >= 0 ? prev.titleEnd : prev.ownEnd;
  if (end > cur.leadStart) return false;
  return cur.leadStart - end <= 24 && LIST_GAP.test(mt.folded.slice(end, cur.leadStart));
}

/**
 * OCR damage inside a symbol that the named issuer repairs: "TƯ" reads as TW, but "07-NQ/TƯ của
 * Tỉnh ủy" is a provincial symbol (TU: the Ư is a U with a stray hook). Only a printed "TƯ" is
 * repaired, only to the code of the body written next to it; an "ocr-repair" warning keeps the
 * printed form. A clean "TW" beside a provincial body stays an issuer-mismatch.
 */
function repairedByIssuer(raw: RawCitation, warnings: ExtractionWarning[], span: Span): ParsedSymbol {
  const parsed = raw.parsed;
  if (parsed.style !== "party" || parsed.issuerCodes.length !== 1 || parsed.issuerCodes[0] !== "TW")
    return parsed;
  if (!raw.issuer || raw.issuer.entry.codes.includes("TW") || !raw.issuer.entry.codes.includes("TU"))
    return parsed;
  const printedCode = raw.symbolAsPrinted.slice(raw.symbolAsPrinted.lastIndexOf("/") + 1).trim();
  if (!/^T\.?Ư$/iu.test(printedCode.normalize("NFC"))) return parsed;
  const symbol = `${parsed.symbol.slice(0, parsed.symbol.lastIndexOf("/"))}/TU`;
  warnings.push({
    kind: "ocr-repair",
    message: `symbol printed "${raw.symbolAsPrinted}" read as ${symbol}: the text names ${raw.issuer.org.name}, a provincial body`,
    span,
  });
  return { ...parsed, symbol, issuerCodes: ["TU"] };
}

function finalizeOne(
  mt: MatchingText,
  raw: RawCitation,
  province: string | null,
  relation: string | null,
): Citation {
  const warnings: ExtractionWarning[] = [...raw.warnings];
  const span = mt.spanOf(raw.leadStart, raw.ownEnd);
  const parsed = repairedByIssuer(raw, warnings, mt.spanOf(raw.symbolStart, raw.symbolEnd));
  const type = citationType(raw) ?? UNKNOWN_TYPE;
  if (raw.typeWord && !typeAgreesWithSymbol(raw.typeWord, parsed)) {
    warnings.push({
      kind: "type-mismatch",
      message: `${raw.typeWord.name} is written before ${parsed.symbol}, whose type code ${parsed.typeCode?.code ?? "?"} names ${parsed.typeCode?.state ?? "another type"}`,
      span,
    });
  }
  if (type === UNKNOWN_TYPE) {
    warnings.push({
      kind: "unknown-type",
      message: `no type word before ${parsed.symbol} and no type code in it`,
      span,
    });
  }

  let issuer: OrganizationRef | null = raw.issuerRef;
  let issuerSource = raw.issuerSource;
  let issuerCandidates: OrganizationRef[] | undefined;
  if (
    raw.issuer &&
    issuerCodesAreKnown(parsed.issuerCodes) &&
    !issuerAgreesWithCodes(raw.issuer.entry, parsed.issuerCodes)
  ) {
    warnings.push({
      kind: "issuer-mismatch",
      message: `${parsed.symbol} carries issuer code ${parsed.issuerCodes.join("-")}, but the text names ${raw.issuer.org.name}`,
      span,
    });
  }
  const code = issuingCode(parsed);
  if (!issuer && code !== null) {
    const single = singleBodyForCode(code, province);
    if (single) {
      issuer = organizationRef(single, province);
      issuerSource = "symbol";
    } else {
      const candidates = candidatesForCode(code, province);
      if (candidates.length > 0) issuerCandidates = candidates;
    }
  }

  const dateYear = raw.date ? Number(raw.date.slice(0, 4)) : null;
  const year = parsed.year ?? dateYear;
  if (parsed.year !== null && dateYear !== null && parsed.year !== dateYear) {
    warnings.push({
      kind: "year-mismatch",
      message: `${parsed.symbol} is numbered in ${parsed.year} but dated ${raw.date}`,
      span,
    });
  }
  const typeCode = keyTypeCode(type, parsed, issuer);
  const key = `${typeCode}|${parsed.symbol}|${year ?? "?"}`;
  if (year === null) {
    warnings.push({
      kind: "no-year",
      message:
        parsed.style === "party"
          ? `${parsed.symbol} has no date in the text; Party numbers restart each term, so it stays unresolved`
          : `${parsed.symbol} has no date and no year in its number, so it stays unresolved`,
      span,
    });
  }
  const title = titleText(mt, raw);
  const citation: Citation = {
    key,
    resolved: year !== null,
    type: type.name,
    typeCode,
    symbol: parsed.symbol,
    symbolAsPrinted: raw.symbolAsPrinted,
    number: parsed.number,
    year,
    date: raw.date,
    issuer,
    title: raw.lawName && !title ? raw.lawName : title,
    task: null,
    relation,
    span,
    quote: mt.original.slice(span[0], span[1]),
    warnings,
    issuerSource: issuer ? issuerSource : null,
    titleSpan: raw.titleStart >= 0 ? mt.spanOf(raw.titleStart, raw.titleEnd) : null,
    shortFormOf: null,
  };
  if (issuerCandidates) citation.issuerCandidates = issuerCandidates;
  return citation;
}
