import neo4j, { type Integer, type Record as Neo4jRecord } from "neo4j-driver";
import { createHash } from "node:crypto";
import { checkSourceText, extractDocument, ExtractionError } from "../extract/index.js";
import type { ParsedDocument } from "../extract/index.js";
import { UserFacingError } from "../config/user-facing-error.js";
import type { GraphExecutor } from "./executor.js";
import { ingestRows, type DocumentRow, type IngestRows, type SourceInfo } from "./ingest-rows.js";
import { ingestStatements as q } from "./ingest-statements.js";

/** Bad input, reported to the user with its code; nothing was written for it. */
export class IngestError extends UserFacingError {
  override name = "IngestError";
  constructor(
    readonly code: "EMPTY" | "BINARY" | "NOT_UTF8" | "NO_STRUCTURE" | "UNREADABLE" | "TOO_LARGE",
    message: string,
  ) {
    super(message);
  }
}

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

/** A failure injected between two statements, for the all-or-nothing test. */
export interface IngestHooks {
  afterStatement?(name: keyof typeof q): void | Promise<void>;
  /**
   * What earlier batches, written but not yet committed, add to the graph: this batch plans as if
   * they had committed (a later batch may start while an earlier one commits; see ingestMany).
   */
  earlier?: readonly BatchEffects[];
  /** Called once this batch's write has run: its locks are held and only its commit remains. */
  afterWrite?(effects: BatchEffects): void;
  /**
   * Awaited before a write that deletes nodes other documents may link to (a replaced document's
   * orphaned stubs or named documents): the earlier batches must have committed, or their new
   * links to such a node would be deleted with it.
   */
  earlierCommitted?(): Promise<void>;
}

/** The keys a batch writes (its documents and the documents they cite) and its resolved documents. */
export interface BatchEffects {
  keys: ReadonlySet<string>;
  resolved: readonly DocumentRow[];
}

/** Bump when extraction or loading changes what a text produces: same text, new version → re-ingested. */
export const loaderVersion = 2;
export const maxSourceChars = 5_000_000;

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Refuses what has nothing to load: a text in which the extractor found no structure at all. */
export function assertLoadable(parsed: ParsedDocument, sourceName: string): void {
  const found = parsed.tasks.length + parsed.citations.length + parsed.namedReferences.length;
  if (found === 0) {
    const reason = parsed.warnings.find((w) => w.kind === "no-structure")?.message;
    throw new IngestError(
      "NO_STRUCTURE",
      `${sourceName}: no recognisable structure (no headings, articles or citations)${reason ? `: ${reason}` : ""}`,
    );
  }
}

/** A text to load: its extraction may fail with an IngestError, which names the source. */
export interface IngestInput {
  text: string;
  sourceName: string;
}

/** Checks and extracts one text; IngestError when there is nothing loadable in it. */
export function prepareText(input: IngestInput): PreparedDocument {
  if (input.text.trim() === "") throw new IngestError("EMPTY", `${input.sourceName}: the text is empty`);
  if (input.text.length > maxSourceChars) {
    throw new IngestError(
      "TOO_LARGE",
      `${input.sourceName}: ${input.text.length} characters is over the limit of ${maxSourceChars}`,
    );
  }
  try {
    // the same binary and encoding test as a file gets (decodeSource), for every entry point
    checkSourceText(input.text, input.sourceName);
  } catch (error) {
    if (error instanceof ExtractionError) throw new IngestError(error.code, error.message);
    throw error;
  }
  let parsed: ParsedDocument;
  try {
    parsed = extractDocument(input.text, { sourceName: input.sourceName });
  } catch (error) {
    if (error instanceof ExtractionError)
      throw new IngestError("NO_STRUCTURE", `${input.sourceName}: ${error.message}`);
    throw error;
  }
  assertLoadable(parsed, input.sourceName);
  return { parsed, source: { name: input.sourceName, sha256: sha256(input.text), text: input.text } };
}

/** Extracts `text` and writes it as one document, in one transaction. */
export async function ingestText(
  executor: GraphExecutor,
  input: IngestInput,
  hooks: IngestHooks = {},
): Promise<IngestResult> {
  const { parsed, source } = prepareText(input);
  return ingestParsed(executor, parsed, source, hooks);
}

/**
 * Writes one parsed document in ONE write transaction: it lands whole or not at all. Re-ingesting
 * the same source changes nothing; a changed version replaces the document's tasks, targets and
 * links and touches no other document; a stub of the same key is upgraded in place, so links that
 * other documents already hold now lead into its task tree.
 */
export async function ingestParsed(
  executor: GraphExecutor,
  parsed: ParsedDocument,
  source: SourceInfo,
  hooks: IngestHooks = {},
): Promise<IngestResult> {
  const [result] = await ingestBatch(executor, [{ parsed, source }], hooks);
  return result!;
}

export interface PreparedDocument {
  parsed: ParsedDocument;
  source: SourceInfo;
}

interface Planned {
  rows: IngestRows;
  source: SourceInfo;
  result: IngestResult;
  stubKeys: string[];
  namedKeys: string[];
}

/**
 * Writes several parsed documents in ONE write transaction (two statements whatever their number):
 * the batch lands whole or not at all, so each of its documents does too. The outcome is the same
 * as ingesting them one after the other, in order: a document sees the ones before it in the batch
 * (year-less citations, stubs they created). Each key may appear once per batch.
 *
 * A replaced document may orphan stubs or named documents, which its write deletes at the end. A
 * later document of the batch that cites one of them must find it gone, as it would one by one (it
 * creates it again, and counts it as created): so the batch is written in segments, each ending
 * with such a document, every segment reading the graph the ones before it left (same transaction).
 * Replacements are rare in a bulk load; a batch without one is one segment.
 */
export async function ingestBatch(
  executor: GraphExecutor,
  documents: readonly PreparedDocument[],
  hooks: IngestHooks = {},
): Promise<IngestResult[]> {
  const all = documents.map(({ parsed, source }) => ({ rows: ingestRows(parsed), parsed, source }));
  const keys = new Set(all.map((d) => d.rows.document.key));
  if (keys.size !== all.length) throw new Error("ingestBatch: a document key appears twice in one batch");
  return executor.writeTransaction(async (tx) => {
    const run = async (name: keyof typeof q, params: Record<string, unknown>) => {
      const result = await tx.run(q[name], params);
      await hooks.afterStatement?.(name);
      return result.records;
    };
    // what this batch adds, for the batches that start while it commits
    const batchKeys = new Set<string>();
    const batchResolved: DocumentRow[] = [];
    const results: IngestResult[] = [];
    // what earlier batches, not yet committed, add: none once they have committed
    let earlier = hooks.earlier ?? [];
    let deletesShared = false;
    let remaining = all;
    while (remaining.length > 0) {
      const segment = await planSegment(run, remaining, earlier);
      results.push(...segment.results);
      remaining = remaining.slice(segment.results.length);
      const planned = segment.planned;
      for (const { rows } of planned) {
        const added = addedBy(rows);
        for (const key of added.keys) batchKeys.add(key);
        batchResolved.push(...added.resolved);
      }
      if (planned.some(deletesOrphans)) {
        await hooks.earlierCommitted?.();
        // they are in the graph now, and this transaction reads what it wrote itself
        earlier = [];
        deletesShared = true;
      }
      if (planned.length > 0) {
        const [written] = await run("write", writeParams(planned));
        const expected = planned.reduce((n, p) => n + p.rows.tasks.length, 0);
        // the tree is linked by position in the created list: a count that differs means it went wrong
        if (Number(written?.get("treeLinks")) !== expected) {
          throw new Error(
            `the task tree was not linked as written (${String(written?.get("treeLinks"))} of ${expected})`,
          );
        }
      }
    }
    // a later batch may start before this one commits only if this one deletes nothing shared: it
    // would plan as if a stub this batch deletes still existed (and count it as known, not created)
    if (!deletesShared) hooks.afterWrite?.({ keys: batchKeys, resolved: batchResolved });
    return results;
  });
}

type Prepared = { rows: IngestRows; parsed: ParsedDocument; source: SourceInfo };
type RunStatement = (name: keyof typeof q, params: Record<string, unknown>) => Promise<Neo4jRecord[]>;

/**
 * Reads the graph's state for `documents` and plans them in order, each seeing the ones before it,
 * up to and including the first one whose write deletes orphans (the rest wait for the next segment).
 */
async function planSegment(
  run: RunStatement,
  documents: readonly Prepared[],
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
function addedBy(rows: IngestRows): { keys: string[]; resolved: DocumentRow[] } {
  const documents = [rows.document, ...rows.citedDocuments];
  return { keys: documents.map((d) => d.key), resolved: documents.filter((d) => d.resolved) };
}

/** A replaced document may orphan stubs or named documents, which its write then deletes. */
function deletesOrphans(plan: Planned): boolean {
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
 * The batch's parameters: per document its rows, tasks in order, and every other row pointing at
 * its task by position in that list (the statement links them without looking tasks up again).
 */
function writeParams(planned: readonly Planned[]): Record<string, unknown> {
  // one row per cited document, as the citations one by one would leave it: the first creates it,
  // each later one only fills its gaps; a document ingested in the batch overwrites what the
  // citations before it said (its own header is SET), so only the citations after it count
  const cited = new Map<string, DocumentRow>();
  const organizations = new Map<string, unknown>();
  for (const { rows } of planned) {
    cited.delete(rows.document.key);
    // MERGE … ON CREATE: the first spelling of an organization's name wins, as one by one
    for (const org of rows.organizations) if (!organizations.has(org.key)) organizations.set(org.key, org);
    for (const doc of rows.citedDocuments) {
      const known = cited.get(doc.key);
      if (known) fillGaps(known, doc);
      else cited.set(doc.key, { ...doc });
    }
  }
  return {
    docKeys: planned.map((p) => p.rows.document.key),
    docs: planned.map(({ rows, source }) => documentParams(rows, source)),
    loaderVersion,
    organizations: [...organizations.values()],
    cited: [...cited.values()],
    stubKeys: [...new Set(planned.flatMap((p) => p.stubKeys))],
    namedKeys: [...new Set(planned.flatMap((p) => p.namedKeys))],
  };
}

/** What the write's cited-document step does to a known document, in the same terms. */
function fillGaps(into: DocumentRow, from: DocumentRow): void {
  into.issuedOn ??= from.issuedOn;
  into.title ??= from.title;
  into.issuerKey ??= from.issuerKey;
  if (!into.type) into.type = from.type;
}

function documentParams(rows: IngestRows, source: SourceInfo) {
  const position = new Map(rows.tasks.map((task, index) => [task.key, index]));
  // list positions must be Cypher integers: a JavaScript number is sent as a float
  const at = (key: string | null): Integer | null => {
    if (key === null) return null;
    const index = position.get(key);
    if (index === undefined)
      throw new Error(`${source.name}: a row points at task ${key}, which is not in its tree`);
    return neo4j.int(index);
  };
  return {
    doc: rows.document,
    source,
    tasks: rows.tasks.map((task) => ({ ...task, parentIndex: at(task.parentKey) })),
    citations: rows.citations.map((c) => ({ ...c, taskIndex: at(c.taskKey) })),
    named: rows.namedReferences.map((n) => ({ ...n, taskIndex: at(n.taskKey) })),
    targets: rows.targets.map((g) => ({ ...g, taskIndex: at(g.taskKey) })),
    assignments: rows.assignments.map((a) => ({ ...a, taskIndex: at(a.taskKey) })),
  };
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
