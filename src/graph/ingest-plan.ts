import type { Record as Neo4jRecord } from "neo4j-driver";
import type { ParsedDocument } from "../extract/index.js";
import type { DocumentRow, IngestRows, SourceInfo } from "./ingest-rows.js";
import type { IngestStatementName } from "./ingest-statements.js";

/** Bump when extraction or loading changes what a text produces: same text, new version → re-ingested. */
// 3: references without a symbol (number-only, charters, congresses, the Constitution), originals kept (#17, #18)
// 4: relation kinds and scopes on citation links, effect clauses on documents (#19)
// 5: relation kinds and scopes on references by name (REFERS_TO), the relation reading of #19 finished
// 6: the parts an amending list's items repeal, a second (REPEALS) link to the lead's document (#19)
// 7: organizations with their province, aliases (printed names) and PART_OF their parent body (#20)
// 8: targets read where texts print them (not only "(1) … (n)" lists), with indicator, year and province (#20)
export const loaderVersion = 8;

export type IngestStatus = "created" | "replaced" | "unchanged" | "upgraded";

export interface IngestResult {
  documentKey: string;
  sourceName: string;
  /** created: new; upgraded: it was a stub, now its text is in; replaced: a changed version; unchanged: same SHA-256 */
  status: IngestStatus;
  tasks: number;
  citations: number;
  namedReferences: number;
  targets: number;
  assignments: number;
  stubsCreated: number;
  /** year-less citations linked to the only known document with that symbol */
  linkedByUniqueSymbol: number;
  warnings: string[];
}

/** The keys a batch writes (its documents and the documents they cite) and its resolved documents. */
export interface BatchEffects {
  keys: ReadonlySet<string>;
  resolved: readonly DocumentRow[];
}

/** A document of a batch with its rows. */
export interface RowsOfDocument {
  rows: IngestRows;
  parsed: ParsedDocument;
  source: SourceInfo;
}

/** A document to write: its rows, and the stubs and named documents its write may leave orphaned. */
export interface Planned {
  rows: IngestRows;
  source: SourceInfo;
  result: IngestResult;
  stubKeys: string[];
  namedKeys: string[];
}

/** Runs one of the batch's statements in its transaction. */
export type RunStatement = (
  name: IngestStatementName,
  params: Record<string, unknown>,
) => Promise<Neo4jRecord[]>;

/**
 * Reads the graph's state for `documents` and plans them in order, each seeing the ones before it,
 * up to and including the first one whose write deletes orphans (the rest wait for the next segment).
 */
export async function planSegment(
  run: RunStatement,
  documents: readonly RowsOfDocument[],
  earlier: readonly BatchEffects[],
): Promise<{ results: IngestResult[]; planned: Planned[] }> {
  await run("lock", { keys: documents.map(({ rows }) => rows.document.key).sort() });
  const before = await run("previous", {
    inputs: documents.map(({ rows }) => ({
      key: rows.document.key,
      citedKeys: rows.citedDocuments.map((d) => d.key),
      yearless: rows.citedDocuments
        .filter((d) => !d.resolved && d.symbol)
        .map((d) => ({ key: d.key, symbol: d.symbol, typeCode: d.typeCode })),
    })),
  });
  if (before.length !== documents.length)
    throw new Error("the previous-state query did not answer every document");
  // what the documents before this one add (in this segment, or in batches not yet committed), as
  // if they had been ingested one by one
  const earlierKeys = new Set<string>(earlier.flatMap((e) => [...e.keys]));
  const earlierResolved: DocumentRow[] = earlier.flatMap((e) => e.resolved);
  const planned: Planned[] = [];
  const results: IngestResult[] = [];
  for (const [index, { rows, parsed, source }] of documents.entries()) {
    const state = before[index]!;
    const existed = Boolean(state.get("exists")) || earlierKeys.has(rows.document.key);
    const wasIngested = Boolean(state.get("ingested"));
    const result: IngestResult = {
      documentKey: rows.document.key,
      sourceName: source.name,
      status: !existed ? "created" : wasIngested ? "replaced" : "upgraded",
      tasks: rows.tasks.length,
      citations: rows.citations.length,
      namedReferences: rows.namedReferences.length,
      targets: rows.targets.length,
      assignments: rows.assignments.length,
      stubsCreated: 0,
      linkedByUniqueSymbol: 0,
      warnings: parsed.warnings.map((w) => `${w.kind}: ${w.message}`),
    };
    results.push(result);
    if (
      wasIngested &&
      state.get("sha256") === source.sha256 &&
      Number(state.get("loaderVersion")) === loaderVersion
    ) {
      result.status = "unchanged";
      continue;
    }
    const candidates = withEarlier(
      state.get("yearlessCandidates") as YearlessCandidates[],
      rows,
      earlierResolved,
    );
    result.linkedByUniqueSymbol = linkYearless(rows, candidates);
    const existing = new Set(state.get("existingKeys") as string[]);
    result.stubsCreated = rows.citedDocuments.filter(
      (d) => !existing.has(d.key) && !earlierKeys.has(d.key),
    ).length;
    const plan: Planned = {
      rows,
      source,
      result,
      stubKeys: state.get("citedStubs") as string[],
      namedKeys: state.get("namedKeys") as string[],
    };
    planned.push(plan);
    // the documents after this one read the graph again, once its orphans are gone
    if (deletesOrphans(plan)) break;
    const added = addedBy(rows);
    for (const key of added.keys) earlierKeys.add(key);
    earlierResolved.push(...added.resolved);
  }
  return { results, planned };
}

/**
 * What a document's write adds for the documents after it: its key and its cited keys, and the
 * resolved documents among them (a dated citation makes a resolved stub), which a later year-less
 * citation of the same symbol would find as candidates.
 */
export function addedBy(rows: IngestRows): { keys: string[]; resolved: DocumentRow[] } {
  const documents = [rows.document, ...rows.citedDocuments];
  return { keys: documents.map((d) => d.key), resolved: documents.filter((d) => d.resolved) };
}

/** A replaced document may orphan stubs or named documents, which its write then deletes. */
export function deletesOrphans(plan: Planned): boolean {
  return plan.stubKeys.length > 0 || plan.namedKeys.length > 0;
}

type YearlessCandidates = { key: string; candidates: string[] };

/** Adds the resolved documents written earlier in the same batch to the year-less candidates. */
function withEarlier(
  fromGraph: YearlessCandidates[],
  rows: IngestRows,
  earlier: readonly DocumentRow[],
): YearlessCandidates[] {
  if (earlier.length === 0) return fromGraph;
  const graph = new Map(fromGraph.map((c) => [c.key, c.candidates]));
  // the query only answers for year-less citations with a candidate in the graph: ask each one
  return rows.citedDocuments
    .filter((cited) => !cited.resolved && cited.symbol)
    .map((cited) => {
      const more = earlier
        .filter((d) => d.symbol === cited.symbol && d.typeCode === cited.typeCode)
        .map((d) => d.key);
      return { key: cited.key, candidates: [...new Set([...(graph.get(cited.key) ?? []), ...more])] };
    });
}

/**
 * Party numbering restarts each term, so a citation without a year is not an identity. It is linked
 * to a known document only when exactly one resolved document carries that type and symbol, and the
 * link says so (`resolvedBy: unique-symbol`); otherwise it stays an explicitly unresolved stub.
 */
function linkYearless(rows: IngestRows, candidates: Array<{ key: string; candidates: string[] }>): number {
  const unique = new Map<string, string>();
  for (const { key, candidates: keys } of candidates) {
    const others = keys.filter((k) => k !== rows.document.key);
    if (others.length === 1) unique.set(key, others[0]!);
  }
  let linked = 0;
  for (const citation of rows.citations) {
    const target = unique.get(citation.documentKey);
    if (target) {
      citation.documentKey = target;
      citation.resolvedBy = "unique-symbol";
      linked += 1;
    }
  }
  rows.citedDocuments = rows.citedDocuments.filter((d) => !unique.has(d.key));
  return linked;
}
