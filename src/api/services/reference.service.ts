import type { Citation } from "../../extract/index.js";
import { column, listOf } from "../../graph/record-mapping.js";
import { referenceCandidates } from "../../graph/queries/index.js";
import type { ApiContext } from "../context.js";
import { badUserInput } from "../errors.js";
import { limits } from "../limits.js";
import { extractCitations } from "../../extract/index.js";
import { boundedEditDistance, vietnameseDate, writtenReference } from "../../extract/index.js";
import { toCitation, toDocument, type CitationRecord, type DocumentRecord } from "./graph-records.js";

export interface ParsedReference {
  type: string;
  typeCode: string;
  symbol: string;
  number: string;
  year: number | null;
  date: string | null;
  issuer: string | null;
  issuerCandidates: string[];
  quote: string;
}

export interface ReferenceConflict {
  document: DocumentRecord;
  field: "date" | "issuer" | "type";
  given: string;
  known: string;
  message: string;
  quote: string | null;
  citation: CitationRecord | null;
}

export interface ReferenceSuggestion {
  document: DocumentRecord;
  reason: "symbol-typo" | "day-month-swapped";
  message: string;
  corrected: string;
}

export interface ReferenceCheck {
  input: string;
  parsed: ParsedReference | null;
  found: boolean;
  ambiguous: boolean;
  correct: boolean;
  documents: DocumentRecord[];
  conflicts: ReferenceConflict[];
  suggestions: ReferenceSuggestion[];
  notes: string[];
}

interface Candidate {
  document: DocumentRecord;
  exact: boolean;
  evidence: CitationRecord[];
}

/** The same date with day and month exchanged, when that is a date at all. */
export function swappedDayMonth(iso: string): string | null {
  const [year, month, day] = iso.split("-").map(Number);
  if (!year || !month || !day || day > 12 || day === month) return null;
  return `${year}-${String(day).padStart(2, "0")}-${String(month).padStart(2, "0")}`;
}

/** "26-NQ/TW" → "-NQ/TW", "16/2021/NQ-HĐND" → "/NQ-HĐND": what near misses share. */
export function symbolTail(symbol: string): string {
  return symbol.replace(/^\d+(\/(19|20)\d{2})?/, "");
}

function written(document: DocumentRecord): string {
  return writtenReference({
    type: document.type,
    symbol: document.symbol ?? document.key,
    issuedOn: document.issuedOn,
    issuerName: document.issuer?.name,
  });
}

/** The graph's date for a document: its own, else the one its citing links agree on most. */
function knownDate(candidate: Candidate): { date: string; evidence: CitationRecord | null } | null {
  const { document, evidence } = candidate;
  if (document.issuedOn)
    return { date: document.issuedOn, evidence: evidence.find((c) => c.date === document.issuedOn) ?? null };
  const counts = new Map<string, number>();
  for (const c of evidence) if (c.date) counts.set(c.date, (counts.get(c.date) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? { date: best[0], evidence: evidence.find((c) => c.date === best[0]) ?? null } : null;
}

function headerNote(document: DocumentRecord): string | null {
  return document.ingested ? `the document's own header (${document.sourceName ?? document.key})` : null;
}

function conflictsOf(parsed: ParsedReference, candidate: Candidate): ReferenceConflict[] {
  const { document, evidence } = candidate;
  const conflicts: ReferenceConflict[] = [];
  const known = knownDate(candidate);
  if (parsed.date && known && known.date !== parsed.date) {
    conflicts.push({
      document,
      field: "date",
      given: parsed.date,
      known: known.date,
      message: `${document.symbol} is dated ${vietnameseDate(known.date)} in the graph, not ${vietnameseDate(parsed.date)}`,
      quote: known.evidence?.quote ?? headerNote(document),
      citation: known.evidence,
    });
  }
  const issuerDiffers = parsed.issuer
    ? document.issuerKey !== null && parsed.issuer !== document.issuerKey
    : parsed.issuerCandidates.length > 0 &&
      document.issuerKey !== null &&
      !parsed.issuerCandidates.includes(document.issuerKey);
  if (issuerDiffers && document.issuerKey) {
    const support = evidence.find((c) => c.issuerKey === document.issuerKey) ?? null;
    conflicts.push({
      document,
      field: "issuer",
      given: parsed.issuer ?? parsed.issuerCandidates.join(" | "),
      known: document.issuerKey,
      message: `${document.symbol} was issued by ${document.issuer?.name ?? document.issuerKey} according to the graph`,
      quote: support?.quote ?? headerNote(document),
      citation: support,
    });
  }
  if (parsed.type && document.type && parsed.type.toLowerCase() !== document.type.toLowerCase()) {
    const support = evidence[0] ?? null;
    conflicts.push({
      document,
      field: "type",
      given: parsed.type,
      known: document.type,
      message: `${document.symbol} is a ${document.type} in the graph, not a ${parsed.type}`,
      quote: support?.quote ?? headerNote(document),
      citation: support,
    });
  }
  return conflicts;
}

function suggestionsFor(
  parsed: ParsedReference,
  documents: DocumentRecord[],
  candidates: Candidate[],
  boundedEditDistance: (a: string, b: string, max: number) => number,
): ReferenceSuggestion[] {
  const suggestions: ReferenceSuggestion[] = [];
  if (parsed.date) {
    const swapped = swappedDayMonth(parsed.date);
    for (const document of documents)
      if (swapped && document.issuedOn === swapped)
        suggestions.push({
          document,
          reason: "day-month-swapped",
          message: `day and month look swapped: ${document.symbol} is dated ${vietnameseDate(swapped)}`,
          corrected: written(document),
        });
  }
  if (documents.length > 0) return suggestions;
  const near = candidates
    .filter((c) => !c.exact && c.document.number !== null && c.document.symbol !== null)
    .map((c) => ({ c, distance: boundedEditDistance(c.document.number ?? "", parsed.number, 2) }))
    .filter(({ distance }) => distance <= 1)
    .sort(
      (a, b) => Number(b.c.document.issuedOn === parsed.date) - Number(a.c.document.issuedOn === parsed.date),
    );
  for (const { c } of near.slice(0, 3))
    suggestions.push({
      document: c.document,
      reason: "symbol-typo",
      message: `no ${parsed.symbol} is known; did you mean ${c.document.symbol}${c.document.issuedOn === parsed.date ? " (same date)" : ""}?`,
      corrected: written(c.document),
    });
  return suggestions;
}

function toParsed(citation: Citation): ParsedReference {
  return {
    type: citation.type,
    typeCode: citation.typeCode,
    symbol: citation.symbol,
    number: citation.number,
    year: citation.year,
    date: citation.date,
    issuer: citation.issuer?.key ?? null,
    issuerCandidates: (citation.issuerCandidates ?? []).map((o) => o.key),
    quote: citation.quote,
  };
}

/** checkReference: reads a reference with the extractor's grammar and compares it with the graph. */
export const referenceService = {
  async check(ctx: ApiContext, text: string): Promise<ReferenceCheck> {
    if (text.trim().length === 0) throw badUserInput("text is empty", { argumentName: "text" });
    if (text.length > limits.maxReferenceChars)
      throw badUserInput(`text is limited to ${limits.maxReferenceChars} characters`, {
        argumentName: "text",
      });
    const { citations } = extractCitations(text);
    const first = citations[0];
    const empty = { documents: [], conflicts: [], suggestions: [] };
    if (!first)
      return {
        input: text,
        parsed: null,
        found: false,
        ambiguous: false,
        correct: false,
        ...empty,
        notes: ["no numbered reference recognised (write e.g. Nghị quyết số 26-NQ/TW ngày 19/5/2018)"],
      };
    const parsed = toParsed(first);
    const notes =
      citations.length > 1 ? [`${citations.length} references found; only the first was checked`] : [];
    const records = await ctx.graph.read(
      referenceCandidates([parsed.symbol], parsed.typeCode, symbolTail(parsed.symbol)),
    );
    const candidates: Candidate[] = records.map((r) => ({
      document: toDocument(column(r, "document")),
      exact: column(r, "exact") === true,
      evidence: listOf(column(r, "evidence")).map(toCitation),
    }));
    for (const c of candidates) ctx.loaders.documents.prime(c.document.key, c.document);
    const exact = candidates.filter((c) => c.exact);
    const sameYear = exact.filter((c) => parsed.year !== null && c.document.year === parsed.year);
    const matching = sameYear.length > 0 ? sameYear : exact;
    const conflicts = matching.flatMap((c) => conflictsOf(parsed, c));
    const documents = matching.map((c) => c.document);
    const suggestions = suggestionsFor(parsed, documents, candidates, boundedEditDistance);
    return {
      input: text,
      parsed,
      found: documents.length > 0,
      ambiguous: documents.length > 1,
      correct: documents.length === 1 && conflicts.length === 0,
      documents,
      conflicts,
      suggestions,
      notes,
    };
  },
};
