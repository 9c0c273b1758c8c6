import { foldVietnamese, latinLookalikes } from "../text/fold-vietnamese.js";
import {
  NON_HYPHEN_DASHES,
  PARTY_SYMBOL_COMPACT,
  STATE_SYMBOL_COMPACT,
  SYMBOL,
  SYMBOL_CODE,
} from "../patterns.js";
import {
  SYMBOL_CODE_MIXED_CASE,
  SYMBOL_CODE_SPELLINGS,
  SYMBOL_TYPE_CODES,
  type SymbolTypeCode,
} from "../vocabulary/document-types.js";

export type SymbolStyle = "party" | "state";

export interface ParsedSymbol {
  /** normalised: no white space, canonical code spelling, number padded to two digits */
  symbol: string;
  number: string;
  /** the year written in a State normative symbol (16/2021/NQ-HĐND), else null */
  year: number | null;
  style: SymbolStyle;
  /** the type code when the symbol has one (NQ, QĐ, TT, …) */
  typeCode: SymbolTypeCode | null;
  /** issuer codes after the type code, canonical spelling, term digits kept (QH14) */
  issuerCodes: string[];
}

/** A symbol code in its canonical spelling: "ttg" → "TTg", "QD" → "QĐ", "TƯ" → "TW". */
export function canonicalCode(raw: string): string {
  const upper = raw.normalize("NFC").toUpperCase();
  if (upper === "TƯ" || upper === "T.Ư") return "TW";
  const mixed = SYMBOL_CODE_MIXED_CASE.get(upper);
  if (mixed !== undefined) return mixed;
  const digits = /\d+$/.exec(upper)?.[0] ?? "";
  const letters = upper.slice(0, upper.length - digits.length);
  if (/^[A-Z]+$/.test(letters)) {
    const spelled = SYMBOL_CODE_SPELLINGS.get(letters);
    if (spelled !== undefined) return spelled + digits;
  }
  return upper;
}

/**
 * The issuer code that names the one body issuing a symbol's document: the first issuer code
 * (later ones are its units: "7432/UBND-XD", "1234/SNV-CCHC&PC"), none for a joint (liên tịch)
 * symbol, whose codes name several bodies ("01/2015/TTLT-BTP-BTC").
 */
export function issuingCode(symbol: ParsedSymbol): string | null {
  if (symbol.typeCode && /LT$/.test(symbol.typeCode.code)) return null;
  return symbol.issuerCodes[0] ?? null;
}

/** The issuer code without a term number: "QH14" → "QH", "UBTVQH15" → "UBTVQH". */
export function issuerCodeBase(code: string): string {
  return code.replace(/\d+$/, "");
}

function padNumber(n: string): string {
  // "66.16/2026/NQ-CP" (a 2026 numbering) is kept as printed.
  if (n.includes(".")) return n;
  const v = Number.parseInt(n, 10);
  if (!Number.isFinite(v)) return n;
  return v < 10 ? `0${v}` : String(v);
}

const typeCodeByFolded: ReadonlyMap<string, SymbolTypeCode> = new Map(
  SYMBOL_TYPE_CODES.map((t) => [foldVietnamese(t.code).toUpperCase(), t]),
);

export function symbolTypeCode(code: string): SymbolTypeCode | null {
  const canonical = canonicalCode(code);
  const exact = SYMBOL_TYPE_CODES.find((t) => t.code === canonical);
  if (exact) return exact;
  // Only codes printed without diacritics fall back to their folded form ("QD" is QĐ).
  if (/^[A-Za-z]+$/.test(code)) return typeCodeByFolded.get(code.toUpperCase()) ?? null;
  return null;
}

/** Parses a symbol written with or without white space ("16-\nCT/TU", "15- NQ/TU", "128/nq-cp"). */
export function parseSymbol(raw: string): ParsedSymbol | null {
  const compact = latinLookalikes(raw.normalize("NFC"))
    .replace(/\s+/g, "")
    .replace(NON_HYPHEN_DASHES, "-")
    .replace(/T\.Ư/g, "TƯ");
  const party = PARTY_SYMBOL_COMPACT.exec(compact);
  if (party) {
    const typeCode = symbolTypeCode(party[2]!);
    if (!typeCode) return null;
    const raw = party[3]!.split("-").filter((c) => c.length > 0);
    if (raw.length === 0 || !raw.every((c) => SYMBOL_CODE.test(c))) return null;
    const issuers = raw.map(canonicalCode);
    const number = padNumber(party[1]!);
    return {
      symbol: `${number}-${typeCode.code}/${issuers.join("-")}`,
      number,
      year: null,
      style: "party",
      typeCode,
      issuerCodes: issuers,
    };
  }
  const state = STATE_SYMBOL_COMPACT.exec(compact);
  if (state) {
    const codes = state[4]!.split("-").filter((c) => c.length > 0);
    if (codes.length === 0 || !codes.every((c) => SYMBOL_CODE.test(c))) return null;
    // A joint symbol names its type before a second slash: 07/2010/NQLT/CP-UBTUMTTQVN.
    const joint = state[3] ? symbolTypeCode(state[3]) : null;
    if (state[3] && !joint) return null;
    const typeCode = joint ?? symbolTypeCode(codes[0]!);
    const rest = (typeCode && !joint ? codes.slice(1) : codes).map(canonicalCode);
    const number = padNumber(state[1]!);
    const year = state[2] ? Number.parseInt(state[2], 10) : null;
    const parts = [typeCode && !joint ? typeCode.code : null, ...rest].filter((p): p is string => p !== null);
    return {
      symbol: `${number}/${year !== null ? `${year}/` : ""}${joint ? `${joint.code}/` : ""}${parts.join("-")}`,
      number,
      year,
      style: "state",
      typeCode,
      issuerCodes: rest,
    };
  }
  return null;
}

/**
 * A document symbol in its normalised form: "16-\nCT/TU" → "16-CT/TU", "so 37-QĐ/TW" →
 * "37-QĐ/TW", "1909/qd-ttg" → "1909/QĐ-TTg", "4-NQ/TW" → "04-NQ/TW". When no symbol can be
 * read, the input with white space collapsed.
 */
export function normaliseSymbol(raw: string): string {
  const direct = parseSymbol(raw);
  if (direct) return direct.symbol;
  const text = raw.normalize("NFC");
  SYMBOL.lastIndex = 0;
  const m = SYMBOL.exec(text);
  if (m) {
    const parsed = parseSymbol(m[0]);
    if (parsed) return parsed.symbol;
  }
  return text.replace(/\s+/g, " ").trim();
}
