import { Neo4jError } from "neo4j-driver";
import type { GraphExecutor } from "./executor.js";
import {
  IngestError,
  ingestBatch,
  type BatchEffects,
  type IngestHooks,
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
  /**
   * start a batch's transaction as soon as the batch before it has run its write, while that one
   * commits (default true); false waits for each commit. Either way the outcome is the same.
   */
  overlapCommits?: boolean;
  /** called once per source, in order, as soon as its outcome is known */
  onOutcome?(outcome: IngestOutcome): void;
}

export const defaultBatch = { documents: 100, rows: 10_000, chars: 8_000_000 } as const;

/** A batch handed to the database and not yet committed (or failed). */
interface InFlight {
  documentKeys: ReadonlySet<string>;
  /** known once its write has run */
  effects: BatchEffects | null;
  /** settles when it has committed or failed: never waits for a later batch */
  settled: Promise<void>;
}

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
  const overlap = options.overlapCommits ?? true;
  // reports, in source order: settles when the last batch handed over has been reported
  let writing: Promise<void> = Promise.resolve();
  // settles when the last batch handed over has run its write (or settled): the next may start
  let gate: Promise<void> = Promise.resolve();
  const inFlight = new Set<InFlight>();
  // the first error that is not a refusal (a lost connection …): no batch starts after it, and the
  // run ends with it
  let failure: { error: unknown } | null = null;
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
    const previousGate = gate;
    const previousWriting = writing;
    let openGate!: () => void;
    gate = new Promise<void>((resolve) => (openGate = resolve));
    const documentKeys = new Set(toWrite.map((p) => p.prepared.parsed.document.key));
    writing = (async () => {
      // a document written again while its earlier version commits waits for that commit
      const clash = [...inFlight].some((f) => [...documentKeys].some((k) => f.documentKeys.has(k)));
      await (clash || !overlap ? previousWriting : previousGate);
      if (failure) throw failure.error;
      let outcomes: IngestOutcome[] = [];
      if (toWrite.length > 0) {
        // earlier batches still committing: this one plans as if they had committed
        const earlier = [...inFlight];
        const self: InFlight = { documentKeys, effects: null, settled: Promise.resolve() };
        const hooks: IngestHooks = {
          earlier: earlier.flatMap((f) => (f.effects ? [f.effects] : [])),
          earlierCommitted: async () => {
            await Promise.all(earlier.map((f) => f.settled));
          },
          afterWrite(effects) {
            self.effects = effects;
            openGate();
          },
        };
        const written = writeBatch(executor, toWrite, hooks);
        self.settled = written.then(
          () => undefined,
          () => undefined,
        );
        inFlight.add(self);
        try {
          outcomes = await written;
        } catch (error) {
          failure ??= { error };
          throw error;
        } finally {
          inFlight.delete(self);
          openGate();
        }
      }
      openGate();
      await previousWriting;
      for (const outcome of outcomes) report(outcome);
      for (const outcome of after) report(outcome);
    })();
    // handled here (the run ends with it below); left alone, a batch failing before the next one
    // awaits it would be an unhandled rejection
    writing.catch(() => undefined);
    // extraction of the next batch overlaps with the write of this one
    await (overlap ? previousGate : previousWriting);
    if (failure) throw failure.error;
  };

  try {
    await readAndWrite();
  } catch (error) {
    // the run ends with its first failure, but only once every batch already handed to the
    // database has committed or failed: the caller may close the driver next, and what it then
    // finds in the graph must be final
    await Promise.all([...inFlight].map((f) => f.settled));
    throw error;
  }
  return outcomes;

  async function readAndWrite(): Promise<void> {
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
  }
}

async function writeBatch(
  executor: GraphExecutor,
  batch: Pending[],
  hooks: IngestHooks,
): Promise<IngestOutcome[]> {
  try {
    const results = await ingestBatch(
      executor,
      batch.map((p) => p.prepared),
      hooks,
    );
    return results.map((result, i) => ({ ok: true, sourceName: batch[i]!.sourceName, result }));
  } catch (error) {
    if (!refusedByDatabase(error)) throw error;
    if (batch.length === 1) {
      return [{ ok: false, sourceName: batch[0]!.sourceName, reason: refusalReason(batch[0]!, error) }];
    }
    // isolate the document the database refuses: one transaction each, in order (the next batch
    // still waits: its gate opens when this one has settled)
    const { afterWrite: _next, ...alone } = hooks;
    const outcomes: IngestOutcome[] = [];
    for (const pending of batch) outcomes.push(...(await writeBatch(executor, [pending], alone)));
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
