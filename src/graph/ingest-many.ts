import type { GraphExecutor } from "./executor.js";
import type { StoredFile } from "./ingest-rows.js";
import { describeRefusal, isRefusedByDatabase } from "./graph-errors.js";
import {
  IngestError,
  ingestBatch,
  type BatchEffects,
  type BatchPipelining,
  prepareText,
  type IngestInput,
  type IngestResult,
  type PreparedDocument,
} from "./ingest.js";

/** One source of a multi-document run: reading it may fail (IngestError), like extracting it. */
/** What a source gives: a text, or a text with the original file it was read from. */
export type IngestRead = IngestInput["text"] | { text: string; file: StoredFile | null };

/** Reads a source into the loader's input (IngestError for bad input). */
export async function readIngestInput(source: IngestSource): Promise<IngestInput> {
  const read = await source.read();
  return typeof read === "string"
    ? { text: read, sourceName: source.sourceName }
    : { text: read.text, sourceName: source.sourceName, file: read.file };
}

export interface IngestSource {
  sourceName: string;
  /** reads the source when its turn comes (files are read one at a time); IngestError for bad input */
  read(): IngestRead | Promise<IngestRead>;
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
  /** filled as the run goes: where its time went (the caller may read it at any moment) */
  timings?: IngestTimings;
}

/**
 * Where a run's time went, in milliseconds of wall time, measured on the one thread that reads,
 * extracts and hands batches over: reading sources (files, PDF text, OCR), extracting them, and
 * waiting for the database (the batch before has not yet run its write, or, at the end, the last
 * commits). Writes overlap reading and extraction, so a database that keeps up costs no waiting:
 * when waiting is the larger share, the database, not the extractor, sets the pace.
 */
export interface IngestTimings {
  readingMs: number;
  extractingMs: number;
  waitingForDatabaseMs: number;
}

export function emptyTimings(): IngestTimings {
  return { readingMs: 0, extractingMs: 0, waitingForDatabaseMs: 0 };
}

/** The time spent in each share between `before` and `now` (two readings of one run's timings). */
export function timingsSince(now: IngestTimings, before: IngestTimings): IngestTimings {
  return {
    readingMs: now.readingMs - before.readingMs,
    extractingMs: now.extractingMs - before.extractingMs,
    waitingForDatabaseMs: now.waitingForDatabaseMs - before.waitingForDatabaseMs,
  };
}

/** What set the pace of a run (or part of it): the largest of the three shares. */
export function bottleneck(t: IngestTimings): "the database" | "the extractor" | "reading the files" {
  if (t.waitingForDatabaseMs >= t.extractingMs && t.waitingForDatabaseMs >= t.readingMs)
    return "the database";
  return t.extractingMs >= t.readingMs ? "the extractor" : "reading the files";
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

/** A batch's place in the pipeline: what it waits for, and how it lets the next batch start. */
interface Turn {
  /** the batch before it has run its write (or settled) */
  previousWritten: Promise<void>;
  /** the batch before it has been reported */
  previousReported: Promise<void>;
  /** lets the next batch start */
  openGate(): void;
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
  return new IngestPipeline(executor, options).run(sources);
}

/** The state of one ingestMany run: the batch being gathered, the batches in flight, the outcomes. */
class IngestPipeline {
  private readonly limits: { documents: number; rows: number; chars: number };
  private readonly overlap: boolean;
  private readonly outcomes: IngestOutcome[] = [];
  private readonly timings: IngestTimings;
  /** reports, in source order: settles when the last batch handed over has been reported */
  private reported: Promise<void> = Promise.resolve();
  /** settles when the last batch handed over has run its write (or settled): the next may start */
  private gate: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<InFlight>();
  /**
   * the first error that is not a refusal (a lost connection …): no batch starts after it, and the
   * run ends with it
   */
  private failure: { error: unknown } | null = null;
  /** the batch being gathered, its rows and characters */
  private batch: Pending[] = [];
  private rows = 0;
  private chars = 0;
  /** outcomes are reported in source order: failures of reading wait for the batch before them */
  private held: IngestOutcome[] = [];

  constructor(
    private readonly executor: GraphExecutor,
    private readonly options: IngestManyOptions,
  ) {
    this.limits = {
      documents: options.batchDocuments ?? defaultBatch.documents,
      rows: options.batchRows ?? defaultBatch.rows,
      chars: options.batchChars ?? defaultBatch.chars,
    };
    this.overlap = options.overlapCommits ?? true;
    this.timings = options.timings ?? emptyTimings();
  }

  /** `work`, its wall time added to one of the timings */
  private async timed<T>(share: keyof IngestTimings, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.timings[share] += performance.now() - started;
    }
  }

  async run(sources: readonly IngestSource[]): Promise<IngestOutcome[]> {
    try {
      await this.readAndWrite(sources);
    } catch (error) {
      // the run ends with its first failure, but only once every batch already handed to the
      // database has committed or failed: the caller may close the driver next, and what it then
      // finds in the graph must be final
      await Promise.all([...this.inFlight].map((f) => f.settled));
      throw error;
    }
    return this.outcomes;
  }

  private report(outcome: IngestOutcome): void {
    this.outcomes.push(outcome);
    this.options.onOutcome?.(outcome);
  }

  private async readAndWrite(sources: readonly IngestSource[]): Promise<void> {
    for (const source of sources) {
      let pending: Pending;
      try {
        const input = await this.timed("readingMs", () => readIngestInput(source));
        const prepared = await this.timed("extractingMs", () => prepareText(input));
        pending = { sourceName: source.sourceName, prepared, rows: rowCount(prepared) };
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        const failed: IngestOutcome = { ok: false, sourceName: source.sourceName, reason: error.message };
        if (this.batch.length === 0) await this.reported.then(() => this.report(failed));
        else this.held.push(failed);
        continue;
      }
      if ((this.clashes(pending) || this.isFullFor(pending) || this.held.length > 0) && this.batch.length > 0)
        await this.timed("waitingForDatabaseMs", () => this.flush());
      this.batch.push(pending);
      this.rows += pending.rows;
      this.chars += pending.prepared.source.text.length;
      // let the driver send and receive while the next document is being extracted
      await yieldToEventLoop();
    }
    await this.timed("waitingForDatabaseMs", async () => {
      await this.flush();
      await this.reported;
    });
  }

  /** A batch holds each key once. */
  private clashes(pending: Pending): boolean {
    const key = pending.prepared.parsed.document.key;
    return this.batch.some((p) => p.prepared.parsed.document.key === key);
  }

  private isFullFor(pending: Pending): boolean {
    const { batch, limits } = this;
    return (
      batch.length >= limits.documents ||
      (batch.length > 0 && this.rows + pending.rows > limits.rows) ||
      (batch.length > 0 && this.chars + pending.prepared.source.text.length > limits.chars)
    );
  }

  /** Hands the gathered batch over; returns when the next one may be gathered. */
  private async flush(): Promise<void> {
    const toWrite = this.batch;
    const after = this.held;
    this.batch = [];
    this.held = [];
    this.rows = 0;
    this.chars = 0;
    let openGate!: () => void;
    const turn: Turn = {
      previousWritten: this.gate,
      previousReported: this.reported,
      openGate: () => openGate(),
    };
    this.gate = new Promise<void>((resolve) => (openGate = resolve));
    this.reported = this.writeAndReport(toWrite, after, turn);
    // handled here (the run ends with it below); left alone, a batch failing before the next one
    // awaits it would be an unhandled rejection
    this.reported.catch(() => undefined);
    // extraction of the next batch overlaps with the write of this one
    await (this.overlap ? turn.previousWritten : turn.previousReported);
    if (this.failure) throw this.failure.error;
  }

  /** Writes a batch when its turn comes, then reports its outcomes and the held ones after it. */
  private async writeAndReport(toWrite: Pending[], after: IngestOutcome[], turn: Turn): Promise<void> {
    const documentKeys = new Set(toWrite.map((p) => p.prepared.parsed.document.key));
    // a document written again while its earlier version commits waits for that commit
    const clash = [...this.inFlight].some((f) => [...documentKeys].some((k) => f.documentKeys.has(k)));
    await (clash || !this.overlap ? turn.previousReported : turn.previousWritten);
    if (this.failure) throw this.failure.error;
    const outcomes = toWrite.length > 0 ? await this.writeInFlight(toWrite, documentKeys, turn) : [];
    turn.openGate();
    await turn.previousReported;
    for (const outcome of outcomes) this.report(outcome);
    for (const outcome of after) this.report(outcome);
  }

  /** Writes a batch while earlier ones may still commit: it plans as if they had committed. */
  private async writeInFlight(
    toWrite: Pending[],
    documentKeys: ReadonlySet<string>,
    turn: Turn,
  ): Promise<IngestOutcome[]> {
    const earlier = [...this.inFlight];
    const self: InFlight = { documentKeys, effects: null, settled: Promise.resolve() };
    const pipelining: BatchPipelining = {
      earlier: earlier.flatMap((f) => (f.effects ? [f.effects] : [])),
      earlierCommitted: async () => {
        await Promise.all(earlier.map((f) => f.settled));
      },
      afterWrite(effects) {
        self.effects = effects;
        turn.openGate();
      },
    };
    const written = writeBatch(this.executor, toWrite, pipelining);
    self.settled = written.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(self);
    try {
      return await written;
    } catch (error) {
      this.failure ??= { error };
      throw error;
    } finally {
      this.inFlight.delete(self);
      turn.openGate();
    }
  }
}

async function writeBatch(
  executor: GraphExecutor,
  batch: Pending[],
  pipelining: BatchPipelining,
): Promise<IngestOutcome[]> {
  try {
    const results = await ingestBatch(
      executor,
      batch.map((p) => p.prepared),
      pipelining,
    );
    return results.map((result, i) => ({ ok: true, sourceName: batch[i]!.sourceName, result }));
  } catch (error) {
    // the data, not the connection (the executor translated the driver's code): the same write
    // fails again, and the documents written with it may land alone
    if (!isRefusedByDatabase(error)) throw error;
    if (batch.length === 1) {
      const { sourceName } = batch[0]!;
      return [{ ok: false, sourceName, reason: `${sourceName}: ${describeRefusal(error)}` }];
    }
    // isolate the document the database refuses: one transaction each, in order (the next batch
    // still waits: its gate opens when this one has settled)
    const { afterWrite: _next, ...alone } = pipelining;
    const outcomes: IngestOutcome[] = [];
    for (const pending of batch) outcomes.push(...(await writeBatch(executor, [pending], alone)));
    return outcomes;
  }
}
