import { Neo4jError } from "neo4j-driver";
import type { GraphExecutor } from "./executor.js";
import {
  IngestError,
  ingestBatch,
  prepareText,
  type IngestInput,
  type IngestResult,
  type PreparedDocument,
} from "./ingest.js";

/** One source of a multi-document run: reading it may fail (IngestError), like extracting it. */
export interface IngestSource {
  sourceName: string;
  read(): IngestInput["text"];
}

export type IngestOutcome =
  { ok: true; sourceName: string; result: IngestResult } | { ok: false; sourceName: string; reason: string };

export interface IngestManyOptions {
  /** documents per write transaction (1 = strictly one transaction per document); default 100 */
  batchDocuments?: number;
  /** rows (tasks, citations, …) per transaction before a batch is cut; default 10,000 */
  batchRows?: number;
  /** characters of source text per transaction before a batch is cut; default 8,000,000 */
  batchChars?: number;
  /** called once per source, in order, as soon as its outcome is known */
  onOutcome?(outcome: IngestOutcome): void;
}

export const defaultBatch = { documents: 100, rows: 10_000, chars: 8_000_000 } as const;

interface Pending {
  sourceName: string;
  prepared: PreparedDocument;
  rows: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function rowCount({ parsed }: PreparedDocument): number {
  return (
    1 +
    parsed.tasks.length +
    parsed.citations.length +
    parsed.namedReferences.length +
    parsed.targets.length +
    parsed.responsibilities.length
  );
}

/**
 * Loads many sources fast and safely. Documents are written in batches, each batch ONE transaction
 * (two statements), so the per-transaction costs (statement round trips, the commit, index refresh)
 * are paid once per batch instead of once per document; while Neo4j writes a batch, the next one is
 * read and extracted. A batch lands whole or not at all, so every document in it does too. When a
 * batch fails in the database, its documents are retried one transaction each: a document the
 * database refuses is reported with the reason and the others still land. The outcome of each
 * source is exactly that of ingesting them one by one in order (ingestBatch sees earlier documents
 * of the batch), including bad input: reported, nothing written for it, the run goes on.
 */
export async function ingestMany(
  executor: GraphExecutor,
  sources: readonly IngestSource[],
  options: IngestManyOptions = {},
): Promise<IngestOutcome[]> {
  const limits = {
    documents: options.batchDocuments ?? defaultBatch.documents,
    rows: options.batchRows ?? defaultBatch.rows,
    chars: options.batchChars ?? defaultBatch.chars,
  };
  const outcomes: IngestOutcome[] = [];
  const report = (outcome: IngestOutcome) => {
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };
  let writing: Promise<void> = Promise.resolve();
  let batch: Pending[] = [];
  let rows = 0;
  let chars = 0;
  // outcomes are reported in source order: failures of reading wait for the batch before them
  let held: IngestOutcome[] = [];
  const flush = async () => {
    const toWrite = batch;
    const after = held;
    batch = [];
    held = [];
    rows = 0;
    chars = 0;
    const previous = writing;
    writing = (async () => {
      await previous;
      if (toWrite.length > 0) for (const outcome of await writeBatch(executor, toWrite)) report(outcome);
      for (const outcome of after) report(outcome);
    })();
    // one batch in flight: extraction of the next overlaps with the write of this one
    await previous;
  };

  for (const source of sources) {
    let pending: Pending;
    try {
      const prepared = prepareText({ text: source.read(), sourceName: source.sourceName });
      pending = { sourceName: source.sourceName, prepared, rows: rowCount(prepared) };
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      const failed: IngestOutcome = { ok: false, sourceName: source.sourceName, reason: error.message };
      if (batch.length === 0) await writing.then(() => report(failed));
      else held.push(failed);
      continue;
    }
    const key = pending.prepared.parsed.document.key;
    const clash = batch.some((p) => p.prepared.parsed.document.key === key);
    const full =
      batch.length >= limits.documents ||
      (batch.length > 0 && rows + pending.rows > limits.rows) ||
      (batch.length > 0 && chars + pending.prepared.source.text.length > limits.chars);
    if ((clash || full || held.length > 0) && batch.length > 0) await flush();
    batch.push(pending);
    rows += pending.rows;
    chars += pending.prepared.source.text.length;
    // let the driver send and receive while the next document is being extracted
    await yieldToEventLoop();
  }
  await flush();
  await writing;
  return outcomes;
}

async function writeBatch(executor: GraphExecutor, batch: Pending[]): Promise<IngestOutcome[]> {
  try {
    const results = await ingestBatch(
      executor,
      batch.map((p) => p.prepared),
    );
    return results.map((result, i) => ({ ok: true, sourceName: batch[i]!.sourceName, result }));
  } catch (error) {
    if (!refusedByDatabase(error)) throw error;
    if (batch.length === 1) {
      return [{ ok: false, sourceName: batch[0]!.sourceName, reason: refusalReason(batch[0]!, error) }];
    }
    // isolate the document the database refuses: one transaction each, in order
    const outcomes: IngestOutcome[] = [];
    for (const pending of batch) outcomes.push(...(await writeBatch(executor, [pending])));
    return outcomes;
  }
}

/** Errors about the data (a constraint, a value Neo4j cannot store), not about the connection. */
function refusedByDatabase(error: unknown): error is Neo4jError {
  return error instanceof Neo4jError && error.code.startsWith("Neo.ClientError.");
}

function refusalReason(pending: Pending, error: Neo4jError): string {
  return `${pending.sourceName}: the database refused it (${error.code}): ${error.message.split("\n")[0]}`;
}
