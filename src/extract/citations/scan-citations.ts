import type { MatchingText } from "../text/matching-text.js";
import type { ExtractionWarning, IssuerSource, OrganizationRef } from "../model.js";
import { cleanPassage } from "../text/clean-text.js";
import { isUpperLetterCode } from "../text/fold-vietnamese.js";
import {
  documentTypeForWord,
  typeAgreesWithSymbol,
  typeForSymbol,
  type ResolvedType,
} from "../header/document-type.js";
import { isoDateFromAlternatives, isoDateFromDamaged } from "../text/iso-date.js";
import { canonicalCode, issuerCodeBase, parseSymbol, type ParsedSymbol } from "../header/normalise-symbol.js";
import {
  DAMAGED_DATE_AFTER,
  DATE_AFTER,
  DEFINITION_OPENING,
  FULL_STOP_BEFORE_SENTENCE,
  NEXT_DOCUMENT_AFTER_COMMA,
  ISSUER_LEAD,
  LIST_GAP,
  NOT_A_DOCUMENT_BEFORE_SO,
  PARTY_SYMBOL_WITH_DASH,
  SHARED_DATE_AFTER,
  SO_BEFORE_SYMBOL,
  SYMBOL,
  SYMBOL_CODE_AFTER_BREAK,
  SYMBOL_SPACED_DASH_CODE,
  TITLE_LEAD,
  TRAILING_LIST_GLUE,
  TYPE_WORD_BEFORE_SYMBOL,
  TYPE_WORD_WORDS_SO_BEFORE_SYMBOL,
} from "../patterns.js";
import {
  issuerCodesAreKnown,
  matchOrganizationAt,
  matchOrganizationNearAt,
  type OrganizationMatch,
} from "../header/resolve-organization.js";
import { OTHER_ISSUER_CODES, OTHER_PARTY_ISSUER_CODES } from "../vocabulary/organizations.js";

/** How far before a symbol its type word and "số" may be. */
const LEAD_WINDOW = 64;
/** Longest subject kept for a cited document. */
const MAX_TITLE_CHARS = 400;

/** A numbered citation while it is read; offsets index the matching text. */
export interface RawCitation {
  leadStart: number;
  symbolStart: number;
  symbolEnd: number;
  /** end of the citation proper: symbol, date and issuer (not its subject) */
  ownEnd: number;
  parsed: ParsedSymbol;
  symbolAsPrinted: string;
  /** type written before the number, if any */
  typeWord: ResolvedType | null;
  /** type taken from the previous member of a list ("các nghị quyết số 03-NQ/TU …, số 04-NQ/TU") */
  inheritedType: ResolvedType | null;
  date: string | null;
  dateWritten: boolean;
  sharedDate: string | null;
  issuer: OrganizationMatch | null;
  issuerRef: OrganizationRef | null;
  issuerSource: IssuerSource | null;
  titleStart: number;
  titleEnd: number;
  linkedToPrevious: boolean;
  /** name of a law written before "số" ("Luật bảo hiểm y tế số 25/2008/QH12") */
  lawName: string | null;
  warnings: ExtractionWarning[];
}

export interface ScanOptions {
  province: string | null;
  /** free-standing references (checkReference): bare symbols of unknown codes are accepted */
  reference: boolean;
}

const KNOWN_ISSUER_CODES = new Set([...OTHER_ISSUER_CODES, ...OTHER_PARTY_ISSUER_CODES]);

function isKnownIssuerCode(code: string): boolean {
  const base = issuerCodeBase(canonicalCode(code));
  return KNOWN_ISSUER_CODES.has(base) || issuerCodesAreKnown([base]);
}

/**
 * A symbol that goes on past the grammar's match, where only known codes can tell: a spaced dash
 * before the issuer code of a State symbol ("1909/QĐ – TTg"), or a line break inside its last code
 * ("12/QĐ-UB\nND", the joined code known and the part before it not).
 */
function continuedSymbol(
  text: string,
  start: number,
  end: number,
  parsed: ParsedSymbol,
): { parsed: ParsedSymbol; end: number } | null {
  if (parsed.style === "state" && parsed.typeCode && parsed.issuerCodes.length === 0) {
    SYMBOL_SPACED_DASH_CODE.lastIndex = end;
    const d = SYMBOL_SPACED_DASH_CODE.exec(text);
    if (d && isKnownIssuerCode(d[1]!)) {
      const longer = parseSymbol(text.slice(start, SYMBOL_SPACED_DASH_CODE.lastIndex));
      if (longer) return { parsed: longer, end: SYMBOL_SPACED_DASH_CODE.lastIndex };
    }
  }
  SYMBOL_CODE_AFTER_BREAK.lastIndex = end;
  const b = SYMBOL_CODE_AFTER_BREAK.exec(text);
  const last = /[\p{L}\d&]+$/u.exec(text.slice(start, end))?.[0];
  if (
    b &&
    last &&
    parsed.issuerCodes.length > 0 &&
    !isKnownIssuerCode(last) &&
    isKnownIssuerCode(last + b[1]!)
  ) {
    const longer = parseSymbol(text.slice(start, SYMBOL_CODE_AFTER_BREAK.lastIndex));
    if (longer) return { parsed: longer, end: SYMBOL_CODE_AFTER_BREAK.lastIndex };
  }
  return null;
}

function plausibleWithoutContext(parsed: ParsedSymbol): boolean {
  if (parsed.typeCode) return true;
  if (issuerCodesAreKnown(parsed.issuerCodes)) return true;
  return parsed.issuerCodes.some((c) => KNOWN_ISSUER_CODES.has(issuerCodeBase(c)));
}

/**
 * A type word in running text is capitalised or lower case; in capitals it is part of a name
 * ("BỘ KẾ HOẠCH VÀ ĐẦU TƯ Số: 9716/VBHN-BKHĐT"). Abbreviations (NQ, QĐ) are capitals by nature.
 */
function writtenAsTypeWord(text: string, at: number, length: number): boolean {
  if (length <= 4) return true;
  const word = text.slice(at, at + length);
  return word !== word.toUpperCase();
}

/**
 * Every numbered citation: a symbol, with the type word and "số" before it and the date,
 * issuer and subject after it; then the members of a list share type and issuer.
 */
export function scanNumberedCitations(mt: MatchingText, options: ScanOptions): RawCitation[] {
  const { text, folded } = mt;
  const out: RawCitation[] = [];
  SYMBOL.lastIndex = 0;
  for (let m = SYMBOL.exec(text); m; m = SYMBOL.exec(text)) {
    const matched = parseSymbol(m[0]);
    if (!matched) continue;
    const symbolStart = m.index;
    const continued = continuedSymbol(text, symbolStart, m.index + m[0].length, matched);
    const parsed = continued?.parsed ?? matched;
    const symbolEnd = continued?.end ?? m.index + m[0].length;
    SYMBOL.lastIndex = symbolEnd;
    const windowStart = Math.max(0, symbolStart - LEAD_WINDOW);
    const window = folded.slice(windowStart, symbolStart);
    let leadStart = symbolStart;
    let typeWord: ResolvedType | null = null;
    let hasSo = false;
    const direct = TYPE_WORD_BEFORE_SYMBOL.exec(window);
    const directWord = direct?.[2];
    if (direct && directWord) {
      const wordAt =
        windowStart + direct.index + (direct[1] ? direct[0].indexOf(directWord, direct[1].length) : 0);
      if (writtenAsTypeWord(text, wordAt, directWord.length)) {
        const t = documentTypeForWord(directWord);
        if (t) typeWord = { name: t.name, code: t.code };
        leadStart = windowStart + direct.index;
      }
      hasSo = direct[3] !== undefined;
    }
    if (!typeWord) {
      const withWords = TYPE_WORD_WORDS_SO_BEFORE_SYMBOL.exec(window);
      if (withWords && writtenAsTypeWord(text, windowStart + withWords.index, withWords[1]!.length)) {
        const t = documentTypeForWord(withWords[1]!);
        if (t) typeWord = { name: t.name, code: t.code };
        hasSo = true;
        leadStart = windowStart + withWords.index;
      }
    }
    if (!typeWord) {
      const soOnly = SO_BEFORE_SYMBOL.exec(window);
      if (soOnly) {
        hasSo = true;
        leadStart = windowStart + soOnly.index;
      }
    }
    if (hasSo && !typeWord && NOT_A_DOCUMENT_BEFORE_SO.test(window)) continue;
    if (!typeWord && !hasSo && !options.reference && !plausibleWithoutContext(parsed)) continue;
    // "294QĐ/TW", "57 QĐ/TWĐTN": a Party symbol whose hyphen was lost or printed as a space is
    // read only after a type word or "số".
    if (parsed.style === "party" && !PARTY_SYMBOL_WITH_DASH.test(m[0]) && !typeWord && !hasSo) continue;

    const raw: RawCitation = {
      leadStart,
      symbolStart,
      symbolEnd,
      ownEnd: symbolEnd,
      parsed,
      symbolAsPrinted: mt.quoteOf(symbolStart, symbolEnd),
      typeWord,
      inheritedType: null,
      date: null,
      dateWritten: false,
      sharedDate: null,
      issuer: null,
      issuerRef: null,
      issuerSource: null,
      titleStart: -1,
      titleEnd: -1,
      linkedToPrevious: false,
      lawName: null,
      warnings: [],
    };
    readAfterSymbol(mt, raw, options);
    out.push(raw);
  }
  linkLists(mt, out);
  return out;
}

/** Date, issuer, date again (either order occurs), a shared "cùng ngày", then where a subject starts. */
function readAfterSymbol(mt: MatchingText, raw: RawCitation, options: ScanOptions): void {
  const { folded } = mt;
  let pos = raw.symbolEnd;
  const readDate = (): boolean => {
    DATE_AFTER.lastIndex = pos;
    const d = DATE_AFTER.exec(folded);
    if (!d) return readDamagedDate();
    const { date } = isoDateFromAlternatives(d, [1, 4]);
    raw.dateWritten = true;
    raw.date = date;
    if (date === null) {
      raw.warnings.push({
        kind: "bad-date",
        message: `"${mt.quoteOf(d.index, DATE_AFTER.lastIndex).trim()}" is not a calendar date`,
        span: mt.spanOf(d.index, DATE_AFTER.lastIndex),
      });
    }
    pos = DATE_AFTER.lastIndex;
    return true;
  };
  const readDamagedDate = (): boolean => {
    DAMAGED_DATE_AFTER.lastIndex = pos;
    const d = DAMAGED_DATE_AFTER.exec(folded);
    const date = d ? isoDateFromDamaged(d[1]!) : null;
    if (!d || !date) return false;
    const span = mt.spanOf(d.index + d[0].length - d[1]!.length, DAMAGED_DATE_AFTER.lastIndex);
    raw.warnings.push({
      kind: "ocr-repair",
      message: `date printed "${mt.original.slice(span[0], span[1])}" read as ${date}`,
      span,
    });
    raw.dateWritten = true;
    raw.date = date;
    pos = DAMAGED_DATE_AFTER.lastIndex;
    return true;
  };
  readDate();
  ISSUER_LEAD.lastIndex = pos;
  if (ISSUER_LEAD.exec(folded)) {
    const at = ISSUER_LEAD.lastIndex;
    const near = matchOrganizationAt(mt, at, options.province)
      ? null
      : matchOrganizationNearAt(mt, at, options.province);
    const org = matchOrganizationAt(mt, at, options.province) ?? near;
    if (near) {
      raw.warnings.push({
        kind: "ocr-repair",
        message: `issuer printed "${mt.quoteOf(at, near.nameEnd)}" read as ${near.entry.name}`,
        span: mt.spanOf(at, near.nameEnd),
      });
    }
    if (org) {
      raw.issuer = org;
      raw.issuerRef = org.org;
      raw.issuerSource = "text";
      pos = org.end;
      if (!raw.dateWritten) readDate();
    }
  }
  SHARED_DATE_AFTER.lastIndex = pos;
  const shared = SHARED_DATE_AFTER.exec(folded);
  if (shared) {
    raw.sharedDate = isoDateFromAlternatives(shared, [1, 4]).date;
    pos = SHARED_DATE_AFTER.lastIndex;
  }
  raw.ownEnd = pos;
  TITLE_LEAD.lastIndex = pos;
  const t = TITLE_LEAD.exec(folded);
  if (t) raw.titleStart = TITLE_LEAD.lastIndex - t[1]!.length;
}

/** Members of a list are separated only by commas, "và", "hoặc": they share a type word and an issuer. */
function linkLists(mt: MatchingText, cites: RawCitation[]): void {
  for (let k = 1; k < cites.length; k++) {
    const prev = cites[k - 1]!;
    const cur = cites[k]!;
    if (prev.ownEnd > cur.leadStart) {
      // The previous one read into this one (a subject lead that was really the next type word).
      prev.ownEnd = Math.min(prev.ownEnd, cur.leadStart);
      if (prev.titleStart >= cur.leadStart) prev.titleStart = -1;
    }
    const gap = mt.folded.slice(prev.ownEnd, cur.leadStart);
    cur.linkedToPrevious = gap.length <= 24 && prev.titleStart < 0 && LIST_GAP.test(gap);
  }
  // Type words carry forward to members that only say "số".
  for (let k = 1; k < cites.length; k++) {
    const cur = cites[k]!;
    const prev = cites[k - 1]!;
    if (!cur.typeWord && cur.linkedToPrevious) {
      const t = prev.typeWord ?? prev.inheritedType;
      if (t && typeAgreesWithSymbol(t, cur.parsed)) cur.inheritedType = t;
    }
  }
  // Issuers and shared dates carry backward, from the member that names them to the members before it.
  let runEnd = cites.length - 1;
  while (runEnd >= 0) {
    let runStart = runEnd;
    while (runStart > 0 && cites[runStart]!.linkedToPrevious) runStart--;
    let carry: OrganizationMatch | null = null;
    let sharedDate: string | null = null;
    for (let k = runEnd; k >= runStart; k--) {
      const c = cites[k]!;
      if (c.sharedDate) sharedDate = c.sharedDate;
      if (sharedDate && !c.dateWritten) {
        c.date = sharedDate;
        c.dateWritten = true;
      }
      if (c.issuer) {
        carry = c.issuer;
        continue;
      }
      if (carry && issuerFits(carry, c.parsed)) {
        c.issuer = carry;
        c.issuerRef = carry.org;
        c.issuerSource = "list";
      }
    }
    runEnd = runStart - 1;
  }
}

function issuerFits(org: OrganizationMatch, parsed: ParsedSymbol): boolean {
  const bases = parsed.issuerCodes.map(issuerCodeBase);
  if (bases.length === 0 || !issuerCodesAreKnown(parsed.issuerCodes)) return true;
  return org.entry.codes.some((c) => bases.includes(c));
}

/** Subjects end at the next citation, a semicolon, a sentence end, a colon, a closing quote, or a blank line. */
export function readTitles(mt: MatchingText, cites: RawCitation[], nextStarts: readonly number[]): void {
  const { text } = mt;
  for (const c of cites) {
    if (c.titleStart < 0) continue;
    const limitByNext = nextStarts.find((s) => s > c.titleStart) ?? text.length;
    const limit = Math.min(limitByNext, c.titleStart + MAX_TITLE_CHARS, text.length);
    let end = limit;
    let quote: string | null = null;
    let i = c.titleStart;
    // Skip the lead word itself before looking for an opening quote.
    while (i < limit && !/\s/.test(text[i]!)) i++;
    while (i < limit && /\s/.test(text[i]!)) i++;
    if (text[i] === '"' || text[i] === "“") {
      quote = text[i] === "“" ? "”" : '"';
      const close = text.indexOf(quote, i + 1);
      if (close > 0 && close < limit) end = close + 1;
    }
    if (quote === null || end === limit) {
      for (let k = c.titleStart; k < limit; k++) {
        const ch = text[k]!;
        if (ch === ";" || ch === ":") {
          end = k;
          break;
        }
        // "… về phát triển kinh tế tư nhân, Nghị quyết Đại hội …": a capitalised document head after a comma starts another reference.
        if (ch === "," && NEXT_DOCUMENT_AFTER_COMMA.test(mt.folded.slice(k, k + 24))) {
          const at = k + 1 + /^\s*/.exec(text.slice(k + 1, k + 8))![0].length;
          if (isUpperLetterCode(text.charCodeAt(at))) {
            end = k;
            break;
          }
        }
        if (ch === "(" && DEFINITION_OPENING.test(text.slice(k, k + 12))) {
          end = k;
          break;
        }
        if (ch === "\n" && /^\n[ \t]*\n/.test(text.slice(k, k + 8))) {
          end = k;
          break;
        }
        // "… thay thế Thông tư số A … về việc hướng dẫn … và bãi bỏ Điều 2 Thông tư số B": a verb of
        // this text after "và" ends the title ("và sửa đổi, bổ sung …" often goes on a title: not those)
        if (
          (ch === " " || ch === "\n" || ch === ",") &&
          /^[\s,]+va\s+(?:bai\s+bo|huy\s+bo)(?![a-z])/.test(mt.folded.slice(k, k + 24))
        ) {
          end = k;
          break;
        }
        // a numbered or lettered item on the next line ("… có sử dụng đất\n1. Bãi bỏ …") or an
        // article's heading: the title has ended
        if (
          ch === "\n" &&
          /^\n[ \t*_]*(?:\d{1,2}[.)]|[a-zđ]\)|Điều\s+\d{1,3}[a-zđ]?\s*[.:])\s/u.test(text.slice(k, k + 16))
        ) {
          end = k;
          break;
        }
        if (
          ch === "." &&
          (k + 1 >= text.length ||
            FULL_STOP_BEFORE_SENTENCE.test(text.slice(k, k + 4)) ||
            /^\.\s*$/.test(text.slice(k, k + 2)))
        ) {
          end = k;
          break;
        }
      }
    }
    let raw = text.slice(c.titleStart, end);
    // Trailing list glue before the next citation: ", và", " và", ",".
    raw = raw.replace(TRAILING_LIST_GLUE, "");
    c.titleEnd = c.titleStart + raw.length;
    if (c.titleEnd <= c.titleStart) c.titleStart = c.titleEnd = -1;
  }
}

export function titleText(mt: MatchingText, c: RawCitation): string | null {
  if (c.titleStart < 0) return null;
  const t = cleanPassage(mt, c.titleStart, c.titleEnd).replace(/["“”]/g, "").replace(/\s+/g, " ").trim();
  return t.length > 0 ? t : null;
}

/** The type of a citation: written, inherited from its list, or read from the symbol's type code. */
export function citationType(c: RawCitation): ResolvedType | null {
  if (c.lawName)
    return {
      name: c.lawName.startsWith("Bộ luật")
        ? "Bộ luật"
        : c.lawName.startsWith("Pháp lệnh")
          ? "Pháp lệnh"
          : "Luật",
      code: c.lawName.startsWith("Bộ luật") ? "BLuật" : c.lawName.startsWith("Pháp lệnh") ? "PL" : "Luật",
    };
  return c.typeWord ?? c.inheritedType ?? typeForSymbol(c.parsed);
}
