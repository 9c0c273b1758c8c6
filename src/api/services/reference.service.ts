import type { Citation } from "../../extract/index.js";
import { column, listOf } from "../../graph/record-mapping.js";
import { referenceCandidates } from "../../graph/queries/index.js";
import type { ApiContext } from "../context.js";
import { badUserInput } from "../errors.js";
import { limits } from "../limits.js";
import { extractCitations } from "../../extract/index.js";
import { boundedEditDistance, vietnameseDate, writtenReference } from "../../extract/index.js";
import { toCitation, toDocument, type CitationRecord, type DocumentRecord } from "./graph-records.js";
import { deriveStatus, type LegalStatusCode, type StatusEvent } from "./legal-status.js";
import { todayInVietnam } from "./document.service.js";

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

/**
 * What the cited document's force says of the reference at the citing date: it had been replaced,
 * repealed, suspended or had expired; it was not yet in force; the article cited had been amended.
 */
export interface ReferenceFinding {
  code:
    | Exclude<LegalStatusCode, "IN_FORCE" | "UNKNOWN" | "PARTLY_REPEALED">
    | "ARTICLE_AMENDED"
    | "ARTICLE_REPEALED";
  document: DocumentRecord;
  /** the document that replaced, repealed, suspended or amended it (null: its own clause says so) */
  byKey: string | null;
  since: string | null;
  message: string;
  /** the text it rests on: the other document's statement, or the cited document's own effect clause */
  quote: string | null;
  statement: StatusEvent | null;
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
  asOf: string;
  findings: ReferenceFinding[];
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

/**
 * The article a reference names before its document ("khoản 2 Điều 5 của Nghị định số …",
 * "điểm a khoản 3 Điều 12 Thông tư …"), as a scope like the extractor writes (`Điều 5.2`,
 * `Điều 12.3.a`); null when it names none.
 */
export function citedArticle(text: string): string | null {
  const match = /(?:điểm\s+([a-zđ])\s*,?\s+)?(?:khoản\s+(\d+)\s*,?\s+)?điều\s+(\d+[a-z]?)\b/iu.exec(text);
  if (!match) return null;
  return ["Điều " + match[3], match[2], match[1]?.toLowerCase()].filter(Boolean).join(".");
}

/** true when two scopes overlap: the same part, or one inside the other (Điều 5 and Điều 5.2.a). */
export function scopesOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

const symbolOfKey = (key: string | null): string => (key ? (key.split("|")[1] ?? key) : "");

function findingsOf(
  document: DocumentRecord,
  events: readonly StatusEvent[],
  asOf: string,
  article: string | null,
): ReferenceFinding[] {
  const status = deriveStatus(document, events, asOf);
  const name = document.symbol ?? document.key;
  const first = status.evidence[0] ?? null;
  const when = (date: string | null) => (date ? vietnameseDate(date) : "an unknown date");
  const findings: ReferenceFinding[] = [];
  const byStatement = (
    code: ReferenceFinding["code"],
    message: string,
    statement: StatusEvent | null,
  ): ReferenceFinding => ({
    code,
    document,
    byKey: statement?.byKey ?? null,
    since: statement?.from ?? status.since,
    message,
    quote: statement?.quote ?? status.ownQuote,
    statement,
  });
  switch (status.code) {
    case "REPLACED":
      findings.push(
        byStatement(
          "REPLACED",
          `${name} was replaced by ${symbolOfKey(first!.byKey)} from ${when(first!.from)}, before ${vietnameseDate(asOf)}`,
          first,
        ),
      );
      break;
    case "REPEALED":
      findings.push(
        byStatement(
          "REPEALED",
          `${name} was repealed (no longer in effect) by ${symbolOfKey(first!.byKey)} from ${when(first!.from)}, before ${vietnameseDate(asOf)}`,
          first,
        ),
      );
      break;
    case "SUSPENDED":
      findings.push(
        byStatement(
          "SUSPENDED",
          `${name} was suspended by ${symbolOfKey(first!.byKey)} from ${when(first!.from)}`,
          first,
        ),
      );
      break;
    case "EXPIRED":
      findings.push(
        byStatement(
          "EXPIRED",
          `${name} expired after ${when(status.since)}, as its own effect clause says`,
          null,
        ),
      );
      break;
    case "NOT_YET_IN_FORCE":
      findings.push(
        byStatement(
          "NOT_YET_IN_FORCE",
          `${name} was not yet in force on ${vietnameseDate(asOf)}: it takes effect on ${when(status.since)}`,
          null,
        ),
      );
      break;
    default:
      break;
  }
  if (article) {
    const applying = events.filter(
      (e) => e.scope !== null && scopesOverlap(e.scope, article) && (e.from === null || e.from <= asOf),
    );
    for (const event of applying) {
      const repealed = event.kind === "REPEALS";
      findings.push(
        byStatement(
          repealed ? "ARTICLE_REPEALED" : "ARTICLE_AMENDED",
          `${event.scope} of ${name} was ${repealed ? "repealed" : event.kind === "REPLACES" ? "replaced" : "amended"} by ${symbolOfKey(event.byKey)} from ${when(event.from)}: cite it ${repealed ? "no longer" : "with its amendment"}`,
          event,
        ),
      );
    }
  }
  return findings;
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
  async check(ctx: ApiContext, text: string, asOfGiven: string | null = null): Promise<ReferenceCheck> {
    const asOf = asOfGiven ?? todayInVietnam();
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
        asOf,
        findings: [],
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
    const article = citedArticle(text.slice(0, Math.max(0, text.indexOf(first.quote))) || text);
    const events = await ctx.loaders.statusEvents.loadMany(documents.map((d) => d.key));
    const findings = documents.flatMap((document, i) => {
      const found = events[i];
      if (found instanceof Error) throw found;
      return findingsOf(document, found ?? [], asOf, article);
    });
    return {
      asOf,
      findings,
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
