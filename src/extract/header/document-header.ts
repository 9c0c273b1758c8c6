import type { MatchingText } from "../text/matching-text.js";
import { PARTY_CODES_IN_FILE_NAMES } from "../vocabulary/organizations.js";
import type { DocumentHeader, ExtractionWarning, OrganizationRef } from "../model.js";
import type { Line } from "../text/lines.js";
import { cleanInline } from "../text/clean-text.js";
import { foldKey, slugify, squashSpaces } from "../text/fold-vietnamese.js";
import { isoDateFromGroups } from "../text/iso-date.js";
import { issuingCode, parseSymbol, type ParsedSymbol } from "./normalise-symbol.js";
import {
  COUNCIL_TERM_LINE,
  DATE_AFTER,
  FOOTNOTE_MARK_AT_END,
  HEADER_BODY_START,
  HEADER_DATE,
  HEADER_NUMBER_LINE,
  ISSUER_LEAD,
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
import { findSignature, type Signature } from "./find-signature.js";

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

/** What the header's lines have given so far; line numbers are -1 until such a line is seen. */
interface HeaderScan {
  symbol: ParsedSymbol | null;
  /** the "Số:" line */
  symbolLine: number;
  date: string | null;
  /** the type name as its line reads it ("Nghị quyết") */
  typeName: string | null;
  typeLine: number;
  issuer: OrganizationRef | null;
  /** the province the issuer's own line names, if any */
  namedProvince: string | null;
  subject: string | null;
  /** the gazette files the text as a consolidation ("VĂN BẢN HỢP NHẤT - BỘ Y TẾ") */
  consolidated: boolean;
  headerStart: number;
  headerEnd: number;
  bodyStartLine: number;
  /** runs of capitalised lines: the issuer block is one of them */
  capsBlocks: Block[];
  /** the run the previous line belongs to, null after any other kind of line */
  currentBlock: Block | null;
  /** the previous non-blank line read, -1 before the first */
  previousLine: number;
  /** where header facts came from when not from the header itself (DocumentHeader.provenance) */
  provenance: string[];
}

/** One non-blank line of the header. */
interface HeaderLine {
  index: number;
  line: Line;
  text: string;
  folded: string;
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
  const scan = scanHeaderLines(mt, lines, province);
  const { provenance } = scan;
  const issuerAbove = scan.issuer ? null : issuerAboveNumber(mt, lines, scan, province);
  if (issuerAbove) provenance.push("issuer:header");
  const symbol = ownSymbol(mt, lines, scan, sourceName, warnings);
  const type = headerType(scan, symbol);
  const signature = findSignature(mt, lines, scan.bodyStartLine);
  const issuer = scan.issuer ?? issuerAbove?.org ?? laterIssuer(symbol, signature, province, provenance);
  if (signature.repaired) {
    warnings.push({
      kind: "ocr-repair",
      message: `signer's name repaired: "${signature.repaired.from}" → "${signature.repaired.to}"`,
      span: signature.repaired.span,
    });
  }
  const year = headerYear(scan.date, symbol, scan.subject, provenance);

  // A provincial issuer whose province the header does not name takes the one the text is about.
  const namedProvince = scan.issuer ? scan.namedProvince : (issuerAbove?.province ?? null);
  if (issuer && !namedProvince && province && issuer.key.endsWith(`-${slugify(province)}`))
    provenance.push("province:text");

  const typeCode = keyTypeCode(type, symbol, issuer);
  const title =
    scan.subject && type.code !== "VB" && (type.name === "Luật" || type.name === "Bộ luật")
      ? `${type.name} ${capitaliseFirst(scan.subject)}`
      : scan.subject;
  const spanStart = scan.headerStart >= 0 ? lines[scan.headerStart]!.contentStart : -1;
  const spanEnd = scan.headerEnd >= 0 ? lines[scan.headerEnd]!.contentEnd : -1;
  const header: DocumentHeader = {
    key: documentKey(typeCode, symbol, year, issuer, title),
    type: type.name,
    typeCode,
    symbol: symbol ? symbol.symbol : null,
    number: symbol ? symbol.number : null,
    year,
    issuedOn: scan.date,
    issuer,
    title,
    signer: signature.name,
    span: spanStart >= 0 && spanEnd >= spanStart ? mt.spanOf(spanStart, spanEnd) : null,
    province: namedProvince ?? province,
    provenance,
  };
  return { header, bodyStartLine: scan.bodyStartLine, warnings };
}

/** Reads the header line by line, up to the first line of the body. */
function scanHeaderLines(mt: MatchingText, lines: readonly Line[], province: string | null): HeaderScan {
  const scan: HeaderScan = {
    symbol: null,
    symbolLine: -1,
    date: null,
    typeName: null,
    typeLine: -1,
    issuer: null,
    namedProvince: null,
    subject: null,
    consolidated: false,
    headerStart: -1,
    headerEnd: -1,
    bodyStartLine: 0,
    capsBlocks: [],
    currentBlock: null,
    previousLine: -1,
    provenance: [],
  };
  let seen = 0;
  for (let i = 0; i < lines.length && seen < HEADER_MAX_LINES; i++) {
    const line = lines[i]!;
    if (line.blank || line.debris) {
      scan.currentBlock = null;
      continue;
    }
    seen++;
    const text = mt.text.slice(line.contentStart, line.contentEnd);
    const folded = squashSpaces(mt.folded.slice(line.contentStart, line.contentEnd));
    if (readHeaderLine(mt, lines, scan, { index: i, line, text, folded }, province) === "body") break;
    scan.previousLine = i;
  }
  if (scan.typeName === null) scan.bodyStartLine = scan.headerEnd >= 0 ? scan.headerEnd + 1 : 0;
  else if (scan.bodyStartLine === 0) scan.bodyStartLine = scan.headerEnd + 1;
  return scan;
}

/** Reads one line by its kind; "body" when the header ends at or after it. */
function readHeaderLine(
  mt: MatchingText,
  lines: readonly Line[],
  scan: HeaderScan,
  h: HeaderLine,
  province: string | null,
): "header" | "body" {
  if (HEADER_BODY_START.test(h.folded)) return "body";
  if (readMarker(h.text) && !isCapitalisedTypeLine(h.text)) return "body";
  if (HEADER_NOISE_LINES.some((n) => h.folded.startsWith(n)) || /^-{3,}/.test(h.folded)) {
    readNoiseLine(scan, h);
    return "header";
  }
  if (scan.symbol === null && scan.typeName === null && !scan.consolidated && underIssuerBlock(scan)) {
    // A continued gazette issue opens with the document's own citation, right under the issuer
    // block ("BỘ TÀI CHÍNH" / "Thông tư số 102/2018/TT-BTC ngày …"). The same words opening a
    // text without an issuer block are a citation ("Nghị quyết số 27-NQ/TW ngày … của …:").
    const own = ownCitationLine(mt, h.line, h.folded);
    if (own) {
      readOwnCitationLine(scan, h, own);
      return "body";
    }
  }
  const numberLine = HEADER_NUMBER_LINE.exec(h.folded);
  if (numberLine) {
    // "Số" inside a sentence ("… theo Quy\nđịnh số 367-QĐ/TW", "thực hiện Nghị quyết số 33-NQ/TW")
    // is a citation: the header is over.
    if (!isNumberLineShape(h, numberLine) || numberReadAsCitation(mt, h)) return "body";
    readNumberLine(mt, lines, scan, h);
    return "header";
  }
  if (scan.date === null && h.text.length < 90) {
    const d = HEADER_DATE.exec(h.folded);
    if (d) {
      readPlaceAndDateLine(scan, h, d);
      return "header";
    }
  }
  const type = scan.typeName === null ? headerTypeLine(h.text) : null;
  if (type) {
    readTypeAndSubject(mt, lines, scan, h, type, province);
    return "body";
  }
  if (isCapitalised(h.text) && h.text.length < 100) {
    readCapitalisedLine(scan, h);
    return "header";
  }
  // A long line of running text: this document has no header of the usual shape.
  return h.text.length > 100 ? "body" : "header";
}

/** The line is part of the header: it may open it, and it ends it so far. */
function takeHeaderLine(scan: HeaderScan, h: HeaderLine): void {
  if (scan.headerStart < 0) scan.headerStart = h.index;
  scan.headerEnd = h.index;
}

/** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "-----", gazette labels. */
function readNoiseLine(scan: HeaderScan, h: HeaderLine): void {
  // "VĂN BẢN HỢP NHẤT - BỘ Y TẾ": the gazette files this text as a consolidation.
  if (h.folded.startsWith("van ban hop nhat")) scan.consolidated = true;
  scan.currentBlock = null;
  if (scan.headerStart < 0) scan.headerStart = h.index;
}

function readOwnCitationLine(
  scan: HeaderScan,
  h: HeaderLine,
  own: { symbol: ParsedSymbol; type: string; date: string | null },
): void {
  scan.symbol = own.symbol;
  scan.typeName = own.type;
  scan.date = own.date;
  takeHeaderLine(scan, h);
  scan.provenance.push("header:citation-line");
  scan.bodyStartLine = h.index + 1;
}

/** The previous non-blank line closes a run of capitalised lines (an issuer block). */
function underIssuerBlock(scan: HeaderScan): boolean {
  const last = scan.capsBlocks[scan.capsBlocks.length - 1];
  return last !== undefined && last.to === scan.previousLine;
}

/**
 * A number line by its shape. With a colon ("Số: 128/NQ-CP"), "Số" opens the line or follows a
 * type word ("Luật số: 102/2016/QH13") or capitals (an issuer block run into the same line:
 * "TỈNH ỦY QUẢNG NINH Số: 16-CT/TU"). Without one, "Số" opens the line with a capital, or the
 * line is in capitals up to it ("LUẬT SỐ 102-SL/L-004 NGÀY …"). Lower-case words before "số" ("thực hiện
 * Nghị quyết số 33-NQ/TW"), or a lower-case "số 59-NQ/TW" continuing the line above, make it a
 * sentence.
 */
function isNumberLineShape(h: HeaderLine, m: RegExpExecArray): boolean {
  // h.folded is the squashed folded line: the same letters at the same offsets as the squashed text.
  const printed = squashSpaces(h.text);
  const prefix = m[1];
  const soAt = prefix === undefined ? 0 : prefix.length + 1;
  if (m[2] !== undefined) {
    // "Số: 128/NQ-CP", "Luật số: 102/2016/QH13": a label; only a type word or capitals before it.
    return (
      prefix === undefined || documentTypeForWord(prefix) !== null || isCapitalised(printed.slice(0, soAt))
    );
  }
  if (prefix !== undefined) return isCapitalised(printed.slice(0, soAt + 2));
  return printed.charAt(soAt) === "S";
}

/**
 * A line opening with "Số" whose symbol is followed by "ngày …" or "của …" is a citation in a
 * sentence ("Số 202/TTr-BVHTTDL ngày 11 tháng 5 năm 2026, số 192/TTr-BVHTTDL …"); a header's
 * number line is followed by nothing or by the place before its date ("Số: 12/QĐ-UBND Quảng
 * Ninh, ngày …").
 */
function numberReadAsCitation(mt: MatchingText, h: HeaderLine): boolean {
  SYMBOL.lastIndex = h.line.contentStart;
  const m = SYMBOL.exec(mt.text);
  if (!m || m.index >= h.line.contentEnd) return false;
  const end = m.index + m[0].length;
  DATE_AFTER.lastIndex = end;
  if (DATE_AFTER.test(mt.folded)) return true;
  ISSUER_LEAD.lastIndex = end;
  return ISSUER_LEAD.test(mt.folded);
}

/**
 * "Số: 128/NQ-CP". A label alone on its line ("Số:", a header table flattened one cell per line)
 * takes the symbol that is the whole of the next line.
 */
function readNumberLine(mt: MatchingText, lines: readonly Line[], scan: HeaderScan, h: HeaderLine): void {
  SYMBOL.lastIndex = h.line.contentStart;
  const m = SYMBOL.exec(mt.text);
  if (m && m.index < h.line.contentEnd) {
    scan.symbol = parseSymbol(m[0]);
    scan.symbolLine = h.index;
  } else if (/^so\s*:?$/.test(h.folded)) {
    let j = h.index + 1;
    while (j < lines.length && (lines[j]!.blank || lines[j]!.debris)) j++;
    const next = lines[j];
    if (next) {
      SYMBOL.lastIndex = next.contentStart;
      const s = SYMBOL.exec(mt.text);
      if (s && s.index === next.contentStart && s.index + s[0].length === next.contentEnd) {
        scan.symbol = parseSymbol(s[0]);
        scan.symbolLine = j;
      }
    }
  }
  takeHeaderLine(scan, h);
  scan.currentBlock = null;
}

/** "Quảng Ninh, ngày 10 tháng 12 năm 2021". */
function readPlaceAndDateLine(scan: HeaderScan, h: HeaderLine, d: RegExpExecArray): void {
  scan.date = isoDateFromGroups(d, 1) ?? isoDateFromGroups(d, 4);
  takeHeaderLine(scan, h);
  scan.currentBlock = null;
}

/** "NGHỊ QUYẾT" and the lines under it: the subject, and an issuer line ("CỦA …"). */
function readTypeAndSubject(
  mt: MatchingText,
  lines: readonly Line[],
  scan: HeaderScan,
  h: HeaderLine,
  typeName: string,
  province: string | null,
): void {
  scan.typeName = typeName;
  scan.typeLine = h.index;
  takeHeaderLine(scan, h);
  const after = readSubject(mt, lines, h.index + 1, province);
  scan.subject = after.subject;
  if (after.issuer && !scan.issuer) {
    scan.issuer = after.issuer;
    scan.namedProvince = after.issuerProvince;
    scan.provenance.push("issuer:header");
  }
  scan.headerEnd = Math.max(scan.headerEnd, after.lastLine);
  scan.bodyStartLine = after.lastLine + 1;
}

/** A capitalised line ("TỈNH ỦY QUẢNG NINH"): it joins the run of capitalised lines right above it. */
function readCapitalisedLine(scan: HeaderScan, h: HeaderLine): void {
  if (scan.headerStart < 0) scan.headerStart = h.index;
  if (scan.currentBlock && scan.currentBlock.to === h.index - 1) scan.currentBlock.to = h.index;
  else {
    scan.currentBlock = { from: h.index, to: h.index };
    scan.capsBlocks.push(scan.currentBlock);
  }
}

/** The issuer block is the last capitalised block above the number line, or above the type line. */
function issuerAboveNumber(
  mt: MatchingText,
  lines: readonly Line[],
  scan: HeaderScan,
  province: string | null,
): { org: OrganizationRef; province: string | null } | null {
  const limitLine = scan.symbolLine >= 0 ? scan.symbolLine : scan.typeLine >= 0 ? scan.typeLine : -1;
  if (limitLine < 0) return null;
  // A motto split over lines ("ĐẢNG\nCỘNG SẢN VIỆT NAM", a header table flattened) is not an issuer.
  const motto = (b: Block): boolean =>
    HEADER_NOISE_LINES.includes(
      squashSpaces(mt.folded.slice(lines[b.from]!.contentStart, lines[b.to]!.contentEnd)),
    );
  const block = [...scan.capsBlocks].reverse().find((b) => b.to < limitLine && !motto(b));
  return block ? issuerFromBlock(mt, lines, block, province) : null;
}

/**
 * The document's own number: the header's, except in a consolidated text, whose header carries
 * the number of the document it consolidates (its own, …/VBHN-…, is in the certification block
 * at the end); else the file name's.
 */
function ownSymbol(
  mt: MatchingText,
  lines: readonly Line[],
  scan: HeaderScan,
  sourceName: string | null,
  warnings: ExtractionWarning[],
): ParsedSymbol | null {
  const { provenance } = scan;
  let symbol = scan.symbol;
  if (scan.consolidated && symbol && symbol.typeCode?.code !== "VBHN") {
    provenance.push(`original:${symbol.symbol}`);
    symbol = null;
  }
  if (symbol) return symbol;
  const vbhn = consolidatedNumber(mt, lines);
  if (vbhn) {
    provenance.push("symbol:consolidation-block");
    return vbhn;
  }
  if (!sourceName) return null;
  const fromName = symbolFromSourceName(sourceName);
  if (fromName) {
    provenance.push("symbol:source-name");
    warnings.push({
      kind: "symbol-from-source-name",
      message: `no number in the header; ${fromName.symbol} read from the file name "${sourceName}"`,
    });
  }
  return fromName;
}

/** The type line's type, else the symbol's (always for a consolidation), else "Văn bản". */
function headerType(scan: HeaderScan, symbol: ParsedSymbol | null): ResolvedType {
  const symbolType = symbol ? typeForSymbol(symbol) : null;
  const named = scan.typeName ? documentTypeByName(scan.typeName) : null;
  let type: ResolvedType | null = named ? { name: named.name, code: named.code } : null;
  if (symbolType && (symbol?.typeCode?.code === "VBHN" || !type)) type = symbolType;
  if (scan.consolidated && type?.code !== "VBHN") {
    type = { name: "Văn bản hợp nhất", code: "VBHN" };
    scan.provenance.push("type:gazette-label");
  }
  return type ?? { name: "Văn bản", code: "VB" };
}

/** An issuer the header does not name: the one body of the symbol's issuer code, else the signature's. */
function laterIssuer(
  symbol: ParsedSymbol | null,
  signature: Signature,
  province: string | null,
  provenance: string[],
): OrganizationRef | null {
  if (symbol) {
    const code = issuingCode(symbol);
    const body = code !== null ? singleBodyForCode(code, province) : null;
    if (body) {
      provenance.push("issuer:symbol");
      return organizationRef(body, province);
    }
  }
  if (!signature.issuer) return null;
  const issuer = signature.issuer(province);
  if (issuer) provenance.push("issuer:signature");
  return issuer;
}

/** The year of the date, else of a normative symbol, else the last year in the subject. */
function headerYear(
  date: string | null,
  symbol: ParsedSymbol | null,
  subject: string | null,
  provenance: string[],
): number | null {
  if (date) return Number(date.slice(0, 4));
  if (symbol?.year) {
    provenance.push("year:symbol");
    return symbol.year;
  }
  if (!subject) return null;
  const years = [...subject.matchAll(SUBJECT_YEAR)].map((m) => Number(m[1]));
  if (years.length === 0) return null;
  provenance.push("year:subject");
  return years[years.length - 1]!;
}

/** `${typeCode}|${symbol}|${year}`, or for an unnumbered document `${typeCode}|${issuer}|${year}|${slug(title)}`. */
function documentKey(
  typeCode: string,
  symbol: ParsedSymbol | null,
  year: number | null,
  issuer: OrganizationRef | null,
  title: string | null,
): string {
  if (symbol) return `${typeCode}|${symbol.symbol}|${year ?? "?"}`;
  const slug =
    slugify(title ?? "")
      .slice(0, 80)
      .replace(/-+$/, "") || "?";
  return `${typeCode}|${issuer?.key ?? "?"}|${year ?? "?"}|${slug}`;
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
