import type { MatchingText } from "../text/matching-text.js";
import { PARTY_CODES_IN_FILE_NAMES } from "../vocabulary/organizations.js";
import type { DocumentHeader, ExtractionWarning, OrganizationRef } from "../model.js";
import type { Line } from "../text/lines.js";
import { cleanInline } from "../text/clean-text.js";
import { foldKey, slugify, squashSpaces } from "../text/fold-vietnamese.js";
import { isoDateFromGroups } from "../text/iso-date.js";
import { parseSymbol, type ParsedSymbol } from "./normalise-symbol.js";
import {
  COUNCIL_TERM_LINE,
  FOOTNOTE_MARK_AT_END,
  HEADER_BODY_START,
  HEADER_DATE,
  HEADER_NUMBER_LINE,
  OWN_CITATION_LEAD,
  SOURCE_NAME_SYMBOL,
  SUBJECT_YEAR,
  SYMBOL,
} from "../patterns.js";
import {
  capitaliseFirst,
  matchOrganizationAt,
  organizationFromName,
  organizationRef,
  singleBodyForCode,
} from "./resolve-organization.js";
import { isCapitalised } from "../tree/heading-block.js";
import { readMarker } from "../tree/read-marker.js";
import {
  documentTypeByName,
  documentTypeForWord,
  keyTypeCode,
  typeForSymbol,
  type ResolvedType,
} from "./document-type.js";
import { HEADER_NOISE_LINES } from "../vocabulary/phrases.js";
import { findSignature } from "./find-signature.js";

/** How far into a document its header can reach, in non-blank lines. */
const HEADER_MAX_LINES = 60;

export interface HeaderResult {
  header: DocumentHeader;
  /** first line of the body */
  bodyStartLine: number;
  warnings: ExtractionWarning[];
}

interface Block {
  from: number;
  to: number;
}

/**
 * The document's own identity from its header: type line ("NGHỊ ĐỊNH"), number line ("Số:"),
 * place and date, issuer (the capitalised block above the number, a "CỦA …" line under the
 * type, a council line under the subject, the signature), subject; and the signer at the end.
 */
export function extractHeader(
  mt: MatchingText,
  lines: readonly Line[],
  province: string | null,
  sourceName: string | null,
): HeaderResult {
  const warnings: ExtractionWarning[] = [];
  const provenance: string[] = [];
  let symbol: ParsedSymbol | null = null;
  let symbolLine = -1;
  let date: string | null = null;
  let typeName: string | null = null;
  let typeLine = -1;
  let issuer: OrganizationRef | null = null;
  let namedProvince: string | null = null;
  let subject: string | null = null;
  let headerStart = -1;
  let consolidated = false;
  let headerEnd = -1;
  let bodyStartLine = 0;
  const capsBlocks: Block[] = [];
  let currentBlock: Block | null = null;

  let seen = 0;
  let i = 0;
  for (; i < lines.length && seen < HEADER_MAX_LINES; i++) {
    const line = lines[i]!;
    if (line.blank || line.debris) {
      currentBlock = null;
      continue;
    }
    seen++;
    const text = mt.text.slice(line.contentStart, line.contentEnd);
    const folded = squashSpaces(mt.folded.slice(line.contentStart, line.contentEnd));
    if (HEADER_BODY_START.test(folded)) break;
    if (readMarker(text) && !isCapitalisedTypeLine(text)) break;
    if (HEADER_NOISE_LINES.some((n) => folded.startsWith(n)) || /^-{3,}/.test(folded)) {
      // "VĂN BẢN HỢP NHẤT - BỘ Y TẾ": the gazette files this text as a consolidation.
      if (folded.startsWith("van ban hop nhat")) consolidated = true;
      currentBlock = null;
      if (headerStart < 0) headerStart = i;
      continue;
    }
    if (symbol === null && typeName === null && !consolidated) {
      // A continued gazette issue opens with the document's own citation: "Thông tư số 102/2018/TT-BTC ngày …".
      const own = ownCitationLine(mt, line, folded);
      if (own) {
        symbol = own.symbol;
        typeName = own.type;
        date = own.date;
        if (headerStart < 0) headerStart = i;
        headerEnd = i;
        provenance.push("header:citation-line");
        bodyStartLine = i + 1;
        break;
      }
    }
    if (HEADER_NUMBER_LINE.test(folded)) {
      SYMBOL.lastIndex = line.contentStart;
      const m = SYMBOL.exec(mt.text);
      if (m && m.index < line.contentEnd) {
        symbol = parseSymbol(m[0]);
        symbolLine = i;
      }
      if (headerStart < 0) headerStart = i;
      headerEnd = i;
      currentBlock = null;
      continue;
    }
    if (date === null && text.length < 90) {
      const d = HEADER_DATE.exec(folded);
      if (d) {
        date = isoDateFromGroups(d, 1) ?? isoDateFromGroups(d, 4);
        if (headerStart < 0) headerStart = i;
        headerEnd = i;
        currentBlock = null;
        continue;
      }
    }
    const type = typeName === null ? headerTypeLine(text) : null;
    if (type) {
      typeName = type;
      typeLine = i;
      if (headerStart < 0) headerStart = i;
      headerEnd = i;
      const after = readSubject(mt, lines, i + 1, province);
      subject = after.subject;
      if (after.issuer && !issuer) {
        issuer = after.issuer;
        namedProvince = after.issuerProvince;
        provenance.push("issuer:header");
      }
      headerEnd = Math.max(headerEnd, after.lastLine);
      i = after.lastLine;
      bodyStartLine = after.lastLine + 1;
      break;
    }
    if (isCapitalised(text) && text.length < 100) {
      if (headerStart < 0) headerStart = i;
      if (currentBlock && currentBlock.to === i - 1) currentBlock.to = i;
      else {
        currentBlock = { from: i, to: i };
        capsBlocks.push(currentBlock);
      }
      continue;
    }
    // A long line of running text: this document has no header of the usual shape.
    if (text.length > 100) break;
  }
  if (typeName === null) bodyStartLine = headerEnd >= 0 ? headerEnd + 1 : 0;
  else if (bodyStartLine === 0) bodyStartLine = headerEnd + 1;

  // The issuer block is the last capitalised block above the number line, or above the type line.
  const limitLine = symbolLine >= 0 ? symbolLine : typeLine >= 0 ? typeLine : -1;
  if (!issuer && limitLine >= 0) {
    const block = [...capsBlocks].reverse().find((b) => b.to < limitLine);
    const found = block ? issuerFromBlock(mt, lines, block, province) : null;
    if (found) {
      issuer = found.org;
      namedProvince = found.province;
      provenance.push("issuer:header");
    }
  }

  // A consolidated text's header carries the number of the document it consolidates; its own
  // number (…/VBHN-…) is in the certification block at the end.
  if (consolidated && symbol && symbol.typeCode?.code !== "VBHN") {
    provenance.push(`original:${symbol.symbol}`);
    symbol = null;
  }
  if (!symbol) {
    const vbhn = consolidatedNumber(mt, lines);
    if (vbhn) {
      symbol = vbhn;
      provenance.push("symbol:consolidation-block");
    }
  }
  if (!symbol && sourceName) {
    symbol = symbolFromSourceName(sourceName);
    if (symbol) {
      provenance.push("symbol:source-name");
      warnings.push({
        kind: "symbol-from-source-name",
        message: `no number in the header; ${symbol.symbol} read from the file name "${sourceName}"`,
      });
    }
  }

  const symbolType = symbol ? typeForSymbol(symbol) : null;
  const named = typeName ? documentTypeByName(typeName) : null;
  let type: ResolvedType | null = named ? { name: named.name, code: named.code } : null;
  if (symbolType && (symbol?.typeCode?.code === "VBHN" || !type)) type = symbolType;
  if (consolidated && type?.code !== "VBHN") {
    type = { name: "Văn bản hợp nhất", code: "VBHN" };
    provenance.push("type:gazette-label");
  }
  if (!issuer && symbol) {
    const body = symbol.issuerCodes[0] ? singleBodyForCode(symbol.issuerCodes[0]) : null;
    if (body) {
      issuer = organizationRef(body, province);
      provenance.push("issuer:symbol");
    }
  }

  const signature = findSignature(mt, lines, bodyStartLine);
  if (!issuer && signature.issuer) {
    issuer = signature.issuer(province);
    if (issuer) provenance.push("issuer:signature");
  }
  if (signature.repaired) {
    warnings.push({
      kind: "ocr-repair",
      message: `signer's name repaired: "${signature.repaired.from}" → "${signature.repaired.to}"`,
      span: signature.repaired.span,
    });
  }

  let year: number | null = date ? Number(date.slice(0, 4)) : null;
  if (year === null && symbol?.year) {
    year = symbol.year;
    provenance.push("year:symbol");
  }
  if (year === null && subject) {
    const years = [...subject.matchAll(SUBJECT_YEAR)].map((m) => Number(m[1]));
    if (years.length > 0) {
      year = years[years.length - 1]!;
      provenance.push("year:subject");
    }
  }
  // A provincial issuer whose province the header does not name takes the one the text is about.
  const documentProvince = namedProvince ?? province;
  if (issuer && !namedProvince && province && issuer.key.endsWith(`-${slugify(province)}`))
    provenance.push("province:text");

  const resolvedType = type ?? { name: "Văn bản", code: "VB" };
  const typeCode = keyTypeCode(resolvedType, symbol, issuer);
  const title =
    subject && resolvedType.code !== "VB" && (resolvedType.name === "Luật" || resolvedType.name === "Bộ luật")
      ? `${resolvedType.name} ${capitaliseFirst(subject)}`
      : subject;
  const key = symbol
    ? `${typeCode}|${symbol.symbol}|${year ?? "?"}`
    : `${typeCode}|${issuer?.key ?? "?"}|${year ?? "?"}|${
        slugify(title ?? "")
          .slice(0, 80)
          .replace(/-+$/, "") || "?"
      }`;

  const spanStart = headerStart >= 0 ? lines[headerStart]!.contentStart : -1;
  const spanEnd = headerEnd >= 0 ? lines[headerEnd]!.contentEnd : -1;
  const header: DocumentHeader = {
    key,
    type: resolvedType.name,
    typeCode,
    symbol: symbol ? symbol.symbol : null,
    number: symbol ? symbol.number : null,
    year,
    issuedOn: date,
    issuer,
    title,
    signer: signature.name,
    span: spanStart >= 0 && spanEnd >= spanStart ? mt.spanOf(spanStart, spanEnd) : null,
    province: documentProvince,
    provenance,
  };
  return { header, bodyStartLine, warnings };
}

/** "Thông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018" opening a text: its own type, number and date. */
function ownCitationLine(
  mt: MatchingText,
  line: Line,
  folded: string,
): { symbol: ParsedSymbol; type: string; date: string | null } | null {
  const lead = OWN_CITATION_LEAD.exec(folded);
  if (!lead) return null;
  const type = documentTypeForWord(lead[1]!);
  if (!type) return null;
  SYMBOL.lastIndex = line.contentStart;
  const m = SYMBOL.exec(mt.text);
  if (!m || m.index >= line.contentEnd || m.index > line.contentStart + lead[0].length + 2) return null;
  const symbol = parseSymbol(m[0]);
  if (!symbol) return null;
  const d = HEADER_DATE.exec(folded);
  return { symbol, type: type.name, date: d ? (isoDateFromGroups(d, 1) ?? isoDateFromGroups(d, 4)) : null };
}

function isCapitalisedTypeLine(text: string): boolean {
  return headerTypeLine(text) !== null;
}

/** A line that is only a type name in capitals ("NGHỊ QUYẾT", "BỘ LUẬT"). */
function headerTypeLine(text: string): string | null {
  // A footnote number may stick to the type line in gazette texts ("QUYẾT ĐỊNH1").
  const trimmed = cleanInline(text).replace(FOOTNOTE_MARK_AT_END, "");
  if (!isCapitalised(trimmed)) return null;
  const t = documentTypeForWord(foldKey(trimmed));
  return t ? t.name : null;
}

/** The subject under the type line, and an issuer line ("CỦA BAN CHẤP HÀNH …", "HỘI ĐỒNG NHÂN DÂN TỈNH …"). */
function readSubject(
  mt: MatchingText,
  lines: readonly Line[],
  from: number,
  province: string | null,
): {
  subject: string | null;
  issuer: OrganizationRef | null;
  issuerProvince: string | null;
  lastLine: number;
} {
  const parts: string[] = [];
  let issuer: OrganizationRef | null = null;
  let issuerProvince: string | null = null;
  let lastLine = from - 1;
  let started = false;
  let allCaps = true;
  for (let i = from; i < lines.length && i < from + 16; i++) {
    const line = lines[i]!;
    if (line.blank || line.debris) {
      if (started) break;
      continue;
    }
    const text = mt.text.slice(line.contentStart, line.contentEnd);
    const folded = squashSpaces(mt.folded.slice(line.contentStart, line.contentEnd));
    if (HEADER_BODY_START.test(folded) || readMarker(text)) break;
    if (!started && folded.startsWith("cua ") && isCapitalised(text)) {
      const m = matchOrganizationAt(mt, line.contentStart + 4, province);
      if (m) {
        issuer = m.org;
        issuerProvince = m.province;
      }
      lastLine = i;
      continue;
    }
    if (started && isCapitalised(text)) {
      const m = matchOrganizationAt(mt, line.contentStart, province);
      if (m) {
        const fromBlock = issuerFromBlock(mt, lines, { from: i, to: capsRunEnd(mt, lines, i) }, province);
        issuer = fromBlock?.org ?? m.org;
        issuerProvince = fromBlock ? fromBlock.province : m.province;
        lastLine = capsRunEnd(mt, lines, i);
        break;
      }
      if (COUNCIL_TERM_LINE.test(folded)) break;
    }
    if (!isCapitalised(text)) allCaps = false;
    parts.push(cleanInline(text));
    started = true;
    lastLine = i;
  }
  if (parts.length === 0) return { subject: null, issuer, issuerProvince, lastLine };
  let subject = parts.join(" ").replace(/\s+/g, " ").trim();
  if (allCaps) subject = subject.toLowerCase();
  return { subject, issuer, issuerProvince, lastLine };
}

function capsRunEnd(mt: MatchingText, lines: readonly Line[], from: number): number {
  let i = from;
  while (i + 1 < lines.length) {
    const next = lines[i + 1]!;
    if (next.blank || next.debris) break;
    const t = mt.text.slice(next.contentStart, next.contentEnd);
    if (!isCapitalised(t) || COUNCIL_TERM_LINE.test(foldKey(t))) break;
    i++;
  }
  return i;
}

function issuerFromBlock(
  mt: MatchingText,
  lines: readonly Line[],
  block: Block,
  province: string | null,
): { org: OrganizationRef; province: string | null } | null {
  const start = lines[block.from]!.contentStart;
  const m = matchOrganizationAt(mt, start, province);
  if (m) return { org: m.org, province: m.province };
  const text = cleanInline(mt.text.slice(start, lines[block.to]!.contentEnd));
  if (text.length < 4 || text.length > 120) return null;
  return { org: organizationFromName(capitaliseFirst(text.toLowerCase()), null), province: null };
}

function symbolFromSourceName(sourceName: string): ParsedSymbol | null {
  const base = sourceName.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const m = SOURCE_NAME_SYMBOL.exec(base.toLowerCase());
  if (!m) return null;
  const codes = m[4]!.split("-");
  if (!m[3] && codes.length === 2 && PARTY_CODES_IN_FILE_NAMES.has(codes[1]!))
    return parseSymbol(`${m[2]}-${codes[0]}/${codes[1]}`);
  return parseSymbol(`${m[2]}/${m[3] ? `${m[3]}/` : ""}${m[4]}`);
}

/** A consolidated text (văn bản hợp nhất) prints its number in the certification block at the end. */
function consolidatedNumber(mt: MatchingText, lines: readonly Line[]): ParsedSymbol | null {
  if (!mt.folded.includes("vbhn")) return null;
  for (const line of lines) {
    if (line.blank || line.contentEnd - line.contentStart > 60) continue;
    const folded = mt.folded.slice(line.contentStart, line.contentEnd);
    if (!HEADER_NUMBER_LINE.test(folded) || !folded.includes("vbhn")) continue;
    SYMBOL.lastIndex = line.contentStart;
    const m = SYMBOL.exec(mt.text);
    if (m && m.index < line.contentEnd) return parseSymbol(m[0]);
  }
  return null;
}
