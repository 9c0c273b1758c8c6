/**
 * The loader: one text, or a batch of prepared texts, written to the graph in one transaction.
 * Checks and extraction in ingest-prepare.ts, rows in ingest-rows.ts, the plan (what the graph
 * already holds, each document's status) in ingest-plan.ts, the write's parameters in
 * ingest-params.ts, the batch's transaction in ingest-batch.ts, many sources in ingest-many.ts.
 */
import type { ParsedDocument } from "../extract/index.js";
import type { GraphExecutor } from "./executor.js";
import { ingestBatch, type IngestTestHooks } from "./ingest-batch.js";
import type { IngestResult } from "./ingest-plan.js";
import { prepareText, type IngestInput } from "./ingest-prepare.js";
import type { SourceInfo } from "./ingest-rows.js";

export { ingestBatch, type BatchPipelining, type IngestTestHooks } from "./ingest-batch.js";
export { loaderVersion, type BatchEffects, type IngestResult, type IngestStatus } from "./ingest-plan.js";
export {
  assertLoadable,
  IngestError,
  maxSourceChars,
  prepareText,
  sha256,
  type IngestInput,
  type PreparedDocument,
} from "./ingest-prepare.js";

/** Extracts `text` and writes it as one document, in one transaction. */
export async function ingestText(
  executor: GraphExecutor,
  input: IngestInput,
  testHooks: IngestTestHooks = {},
): Promise<IngestResult> {
  const { parsed, source } = prepareText(input);
  return ingestParsed(executor, parsed, source, testHooks);
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
  testHooks: IngestTestHooks = {},
): Promise<IngestResult> {
  const [result] = await ingestBatch(executor, [{ parsed, source }], null, testHooks);
  return result!;
}
