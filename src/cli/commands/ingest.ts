import { neo4jSettings } from "../../config/settings.js";
import { connectGraph } from "../../graph/connection.js";
import { GraphExecutor } from "../../graph/executor.js";
import { applyMigrations } from "../../graph/migrations.js";
import { IngestError, ingestText, type IngestResult } from "../../graph/ingest.js";
import { UsageError, type Command, type CommandIO } from "../command.js";
import { expandPaths, readSourceText } from "../source-files.js";

export interface IngestRunSummary {
  files: number;
  loaded: IngestResult[];
  failed: Array<{ file: string; reason: string }>;
}

/**
 * Ingests files, `concurrency` documents at a time (each in its own transaction: concurrent commits
 * share the transaction log's flushes), reporting progress; a bad file never stops the run.
 */
export async function ingestFiles(
  executor: GraphExecutor,
  files: string[],
  io: Pick<CommandIO, "err">,
  concurrency = 1,
): Promise<IngestRunSummary> {
  const summary: IngestRunSummary = { files: files.length, loaded: [], failed: [] };
  const width = String(files.length).length;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      try {
        const result = await ingestText(executor, { text: readSourceText(file), sourceName: file });
        summary.loaded.push(result);
        done += 1;
        io.err(
          `[${String(done).padStart(width)}/${files.length}] ${result.status.padEnd(9)} ${file}: ${result.tasks} tasks, ${result.citations} citations, ${result.stubsCreated} new stubs${result.warnings.length ? `, ${result.warnings.length} warnings` : ""}`,
        );
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        summary.failed.push({ file, reason: error.message });
        done += 1;
        io.err(`[${String(done).padStart(width)}/${files.length}] FAILED    ${error.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, files.length)) }, worker));
  return summary;
}

export function summaryLines(summary: IngestRunSummary, seconds: number): string[] {
  const count = (status: string) => summary.loaded.filter((r) => r.status === status).length;
  const sum = (pick: (r: IngestResult) => number) => summary.loaded.reduce((n, r) => n + pick(r), 0);
  return [
    `files: ${summary.files}, loaded: ${summary.loaded.length} (created ${count("created")}, stubs upgraded ${count("upgraded")}, replaced ${count("replaced")}, unchanged ${count("unchanged")}), failed: ${summary.failed.length}`,
    `tasks: ${sum((r) => r.tasks)}, citations: ${sum((r) => r.citations)}, named references: ${sum((r) => r.namedReferences)}, targets: ${sum((r) => r.targets)}, stubs created: ${sum((r) => r.stubsCreated)}, warnings: ${sum((r) => r.warnings.length)}`,
    `time: ${seconds.toFixed(1)} s`,
  ];
}

function parseIngestArgs(args: string[]): { paths: string[]; concurrency: number } {
  const paths: string[] = [];
  let concurrency = 1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--concurrency") {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 1 || value > 64) {
        throw new UsageError("--concurrency takes a whole number from 1 to 64");
      }
      concurrency = value;
    } else if (arg.startsWith("--")) {
      throw new UsageError(`unknown option ${arg}; see cancu ingest --help`);
    } else {
      paths.push(arg);
    }
  }
  return { paths, concurrency };
}

export const ingestCommand: Command = {
  name: "ingest",
  summary: "extract documents from text files and load them into Neo4j",
  usage: "cancu ingest [--concurrency N] <file or folder>…",
  help: `Extracts each file (UTF-8 text, or JSON with a full_text field; folders are walked) and
writes it into Neo4j in one transaction per document: a document lands whole or not at all.
Re-ingesting an unchanged file changes nothing; a changed file replaces that document's tasks and
links only. Cited documents that were never ingested become stubs, upgraded in place when their own
text is ingested. Bad files (empty, binary, not UTF-8, unreadable, no structure) are reported with
their reason and skipped; the exit code is 1 when any file failed.
--concurrency N: documents in flight at once (default 1: on 2 cores more did not help, see
bench/INGEST.md; each is still one transaction).
Uses NEO4J_URI when set, else the local Neo4j (started if needed).`,
  async run(args, io) {
    const { paths, concurrency } = parseIngestArgs(args);
    if (paths.length === 0) throw new UsageError("name at least one file or folder: cancu ingest <file>…");
    const { files, missing } = expandPaths(paths);
    for (const path of missing) io.err(`cancu: ${path}: no such file or folder`);
    const started = performance.now();
    const connection = await connectGraph(neo4jSettings(), io.err);
    try {
      const executor = new GraphExecutor(connection.driver, connection.database);
      for (const applied of await applyMigrations(executor)) io.err(`cancu: migration ${applied}`);
      const summary = await ingestFiles(executor, files, io, concurrency);
      for (const line of summaryLines(summary, (performance.now() - started) / 1000)) io.out(line);
      for (const { reason } of summary.failed) io.out(`failed: ${reason}`);
      return summary.failed.length > 0 || missing.length > 0 ? 1 : 0;
    } finally {
      await connection.close();
    }
  },
};
