import type { OrganizationRef } from "../model.js";
import type { ParsedSymbol } from "./normalise-symbol.js";
import {
  DOCUMENT_TYPES,
  PARTY_REGULATION_CODE,
  STATE_REGULATION_CODE,
  TYPE_ABBREVIATIONS,
  type DocumentType,
} from "../vocabulary/document-types.js";

export interface ResolvedType {
  name: string;
  code: string;
}

const typeByWord: ReadonlyMap<string, DocumentType> = new Map(
  DOCUMENT_TYPES.flatMap((t) => t.words.map((w) => [w, t] as const)),
);
const typeByName: ReadonlyMap<string, DocumentType> = new Map(DOCUMENT_TYPES.map((t) => [t.name, t]));

/** The type a folded word names ("nghi quyet", "NQ" folded as "nq"), white space normalised. */
export function documentTypeForWord(folded: string): DocumentType | null {
  const w = folded.replace(/\s+/g, " ").trim();
  const direct = typeByWord.get(w);
  if (direct) return direct;
  const abbreviated = TYPE_ABBREVIATIONS.get(w);
  return abbreviated ? (typeByName.get(abbreviated) ?? null) : null;
}

export function documentTypeByName(name: string): DocumentType | null {
  return typeByName.get(name) ?? null;
}

/** The type a symbol's type code names (Thông tư for State TT, Thông tri for Party TT). */
export function typeForSymbol(symbol: ParsedSymbol): ResolvedType | null {
  const code = symbol.typeCode;
  if (!code) return null;
  const name = symbol.style === "party" ? code.party : code.state;
  const t = typeByName.get(name);
  return { name, code: t ? t.code : code.code };
}

/**
 * The code used in document keys. Quy định is keyed "QĐi" when issued by the Party (its symbol
 * may still print QĐ: 37-QĐ/TW) and "QyĐ" when issued by the State; every other type keeps its
 * code, so the symbol as printed never decides between Quyết định and Quy định.
 */
export function keyTypeCode(
  type: ResolvedType,
  symbol: ParsedSymbol | null,
  issuer: OrganizationRef | null,
): string {
  if (type.name !== "Quy định") return type.code;
  if (symbol) return symbol.style === "party" ? PARTY_REGULATION_CODE : STATE_REGULATION_CODE;
  if (issuer) return issuer.kind === "party" ? PARTY_REGULATION_CODE : STATE_REGULATION_CODE;
  return PARTY_REGULATION_CODE;
}

/** Whether a type written in words fits the type code of a symbol (no code fits anything). */
export function typeAgreesWithSymbol(type: ResolvedType, symbol: ParsedSymbol): boolean {
  const code = symbol.typeCode;
  if (!code) return true;
  if (code.party === type.name || code.state === type.name) return true;
  // QĐ is both Quyết định and (Party usage) Quy định; QĐi/QyĐ are Quy định.
  if (type.name === "Quy định" && (code.code === "QĐ" || code.code === "QĐi" || code.code === "QyĐ"))
    return true;
  return false;
}
