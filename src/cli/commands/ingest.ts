import { connectGraph } from "../../graph/connection.js";
import { GraphExecutor } from "../../graph/executor.js";
import { applyMigrations } from "../../graph/migrations.js";
import type { IngestResult } from "../../graph/ingest.js";
import {
  bottleneck,
  defaultBatch,
  emptyTimings,
  ingestMany,
  timingsSince,
  type IngestTimings,
} from "../../graph/ingest-many.js";
import { DatabaseUnavailableError } from "../../graph/graph-errors.js";
import { UsageError, type Command, type CommandIO } from "../command.js";
import { expandPaths, fileSources } from "../source-files.js";

export interface IngestRunSummary {
  files: number;
  loaded: IngestResult[];
  failed: Array<{ file: string; reason: string }>;
  /** where the run's time went (ingest-many.ts) */
  timings: IngestTimings;
}

/** How often a long run says what sets its pace. */
const paceEveryMs = 60_000;

const inSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** "reading 1.0 s, extracting 20.1 s, waiting for the database 40.3 s: the database set the pace" */
export function paceLine(t: IngestTimings): string {
  return `reading ${inSeconds(t.readingMs)}, extracting ${inSeconds(t.extractingMs)}, waiting for the database ${inSeconds(t.waitingForDatabaseMs)}: ${bottleneck(t)} set the pace`;
}

/**
 * The database went away in the middle of a run: `summary` holds what had committed (outcomes are
 * reported only once their batch has committed), the cause says why.
 */
export class IngestInterrupted extends Error {
  override name = "IngestInterrupted";
  constructor(
    readonly summary: IngestRunSummary,
    databaseError: DatabaseUnavailableError,
  ) {
    super(databaseError.message, { cause: databaseError });
  }
}

/** Exit code of `cancu ingest` when the database became unavailable during the run. */
export const exitDatabaseLost = 3;

/**
 * Ingests files in order, `batch` documents per transaction (ingestMany), printing one progress
 * line per file; a bad file never stops the run.
 */
export async function ingestFiles(
  executor: GraphExecutor,
  files: string[],
  io: Pick<CommandIO, "err">,
  batch: number = defaultBatch.documents,
): Promise<IngestRunSummary> {
  const timings = emptyTimings();
  const summary: IngestRunSummary = { files: files.length, loaded: [], failed: [], timings };
  const width = String(files.length).length;
  let done = 0;
  // a long run says every minute what set its pace since the last time it said so
  let paceNoted = performance.now();
  let paceBefore = { ...timings };
  const notePace = () => {
    const now = performance.now();
    if (now - paceNoted < paceEveryMs) return;
    io.err(`cancu: the last ${inSeconds(now - paceNoted)}: ${paceLine(timingsSince(timings, paceBefore))}`);
    paceNoted = now;
    paceBefore = { ...timings };
  };
  // long reads (PDF pages, OCR) say where they are
  const sources = fileSources(files, (file, message) => io.err(`        ${file}: ${message}`));
  const run = ingestMany(executor, sources, {
    batchDocuments: batch,
    timings,
    onOutcome(outcome) {
      done += 1;
      notePace();
      const counter = `[${String(done).padStart(width)}/${files.length}]`;
      if (!outcome.ok) {
        summary.failed.push({ file: outcome.sourceName, reason: outcome.reason });
        io.err(`${counter} FAILED    ${outcome.reason}`);
        return;
      }
      const result = outcome.result;
      summary.loaded.push(result);
      io.err(
        `${counter} ${result.status.padEnd(9)} ${outcome.sourceName}: ${result.tasks} tasks, ${result.citations} citations, ${result.stubsCreated} new stubs${result.warnings.length ? `, ${result.warnings.length} warnings` : ""}`,
      );
    },
  });
  try {
    await run;
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw new IngestInterrupted(summary, error);
    throw error;
  }
  return summary;
}

export function summaryLines(summary: IngestRunSummary, seconds: number): string[] {
  const count = (status: string) => summary.loaded.filter((r) => r.status === status).length;
  const sum = (pick: (r: IngestResult) => number) => summary.loaded.reduce((n, r) => n + pick(r), 0);
  return [
    `files: ${summary.files}, loaded: ${summary.loaded.length} (created ${count("created")}, stubs upgraded ${count("upgraded")}, replaced ${count("replaced")}, unchanged ${count("unchanged")}), failed: ${summary.failed.length}`,
    `tasks: ${sum((r) => r.tasks)}, citations: ${sum((r) => r.citations)}, named references: ${sum((r) => r.namedReferences)}, targets: ${sum((r) => r.targets)}, stubs created: ${sum((r) => r.stubsCreated)}, warnings: ${sum((r) => r.warnings.length)}`,
    `time: ${seconds.toFixed(1)} s (${paceLine(summary.timings)})`,
  ];
}

function parseIngestArgs(args: string[]): { paths: string[]; batch: number } {
  const paths: string[] = [];
  let batch: number = defaultBatch.documents;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--batch") {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 1 || value > 1000) {
        throw new UsageError("--batch takes a whole number of documents from 1 to 1000");
      }
      batch = value;
    } else if (arg.startsWith("--")) {
      throw new UsageError(`unknown option ${arg}; see cancu ingest --help`);
    } else {
      paths.push(arg);
    }
  }
  return { paths, batch };
}

export const ingestCommand: Command = {
  name: "ingest",
  summary: "extract documents from files (text, HTML, PDF, DOCX, scans) and load them into Neo4j",
  usage: "cancu ingest [--batch N] <file or folder>…",
  help: `Extracts each file and writes it into Neo4j; folders are walked. Formats, read from the
content: text (UTF-8, UTF-16, Windows-1258), JSON with a full_text field, HTML, PDF (its text layer;
pages without one through OCR), DOCX, PNG/JPEG/TIFF scans (OCR: tesseract-ocr with tesseract-ocr-vie
and poppler-utils). The original file is kept with its document (the API serves it for download). Every document lands whole or not at all: documents are written in batches of
up to N per transaction (--batch, default ${defaultBatch.documents}; --batch 1 is one transaction per
document), and when the database refuses a batch its documents are retried one transaction each, so
a document it refuses is reported and the others still land. Re-ingesting an unchanged file changes
nothing (a file is known by its SHA-256); a changed file replaces that document's tasks and links
only. Cited documents that were never ingested become stubs, upgraded in place when their own text
is ingested. Bad files (empty, unsupported format, encrypted, corrupt, too large, a scan without OCR
installed, no structure) are reported with their reason and skipped; the exit
code is 1 when any file failed. When the database becomes unreachable the run stops within seconds
(CANCU_DB_TIMEOUT_MS), prints how many files had committed and its summary, and exits 3: run the
same command again to resume (committed files are skipped as unchanged).
Uses NEO4J_URI when set, else the local Neo4j (started if needed).`,
  async run(args, io) {
    const { paths, batch } = parseIngestArgs(args);
    if (paths.length === 0) throw new UsageError("name at least one file or folder: cancu ingest <file>…");
    const { files, missing } = expandPaths(paths);
    for (const path of missing) io.err(`cancu: ${path}: no such file or folder`);
    const started = performance.now();
    // a Neo4j started for this run only is set up for a bulk load (a running one is reused as it is)
    const settings = io.settings();
    const connection = await connectGraph(settings.neo4j, io.err, "load", settings.databaseTimeoutMs);
    try {
      const executor = new GraphExecutor(connection.driver, connection.database, {
        unavailableRetryMs: settings.databaseTimeoutMs,
      });
      for (const applied of await applyMigrations(executor)) io.err(`cancu: migration ${applied}`);
      let summary: IngestRunSummary;
      try {
        summary = await ingestFiles(executor, files, io, batch);
      } catch (error) {
        if (!(error instanceof IngestInterrupted)) throw error;
        // stop at once, say what is safely in the graph and how to go on: every document lands
        // whole or not at all, and a second run skips what is unchanged
        const done = error.summary.loaded.length + error.summary.failed.length;
        io.err(`cancu: ${error.message}`);
        io.err(
          `cancu: stopped after ${error.summary.loaded.length} of ${files.length} files were committed (${done} handled); nothing is half-written. Run the same command again when the database is back: committed files are skipped as unchanged.`,
        );
        for (const line of summaryLines(error.summary, (performance.now() - started) / 1000)) io.out(line);
        return exitDatabaseLost;
      }
      for (const line of summaryLines(summary, (performance.now() - started) / 1000)) io.out(line);
      for (const { reason } of summary.failed) io.out(`failed: ${reason}`);
      return summary.failed.length > 0 || missing.length > 0 ? 1 : 0;
    } finally {
      await connection.close();
    }
  },
};
