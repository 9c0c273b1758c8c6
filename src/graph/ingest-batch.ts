import type { GraphExecutor } from "./executor.js";
import { writeParams } from "./ingest-params.js";
import {
  addedBy,
  deletesOrphans,
  planSegment,
  type BatchEffects,
  type IngestResult,
  type RunStatement,
} from "./ingest-plan.js";
import type { PreparedDocument } from "./ingest-prepare.js";
import { ingestRows, type DocumentRow } from "./ingest-rows.js";
import { ingestStatements, type IngestStatementName } from "./ingest-statements.js";

/** A test seam: called after each statement of a batch (the all-or-nothing tests inject failures here). */
export interface IngestTestHooks {
  afterStatement?(name: IngestStatementName): void | Promise<void>;
}

/**
 * How a batch takes part in ingestMany's pipeline, where a later batch may start while an earlier
 * one commits.
 */
export interface BatchPipelining {
  /**
   * What earlier batches, written but not yet committed, add to the graph: this batch plans as if
   * they had committed.
   */
  earlier: readonly BatchEffects[];
  /**
   * Called once this batch's write has run: its locks are held and only its commit remains (absent
   * when a refused batch is retried one document at a time: the next batch waits for all of it).
   */
  afterWrite?(effects: BatchEffects): void;
  /**
   * Awaited before a write that deletes nodes other documents may link to (a replaced document's
   * orphaned stubs or named documents): the earlier batches must have committed, or their new
   * links to such a node would be deleted with it.
   */
  earlierCommitted(): Promise<void>;
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
  pipelining: BatchPipelining | null = null,
  testHooks: IngestTestHooks = {},
): Promise<IngestResult[]> {
  const all = documents.map(({ parsed, source }) => ({ rows: ingestRows(parsed), parsed, source }));
  const keys = new Set(all.map((d) => d.rows.document.key));
  if (keys.size !== all.length) throw new Error("ingestBatch: a document key appears twice in one batch");
  return executor.writeTransaction(async (tx) => {
    const run: RunStatement = async (name, params) => {
      const result = await tx.run(ingestStatements[name], params);
      await testHooks.afterStatement?.(name);
      return result.records;
    };
    // what this batch adds, for the batches that start while it commits
    const batchKeys = new Set<string>();
    const batchResolved: DocumentRow[] = [];
    const results: IngestResult[] = [];
    // what earlier batches, not yet committed, add: none once they have committed
    let earlier = pipelining?.earlier ?? [];
    let deletesShared = false;
    let wrote = false;
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
        await pipelining?.earlierCommitted();
        // they are in the graph now, and this transaction reads what it wrote itself
        earlier = [];
        deletesShared = true;
      }
      if (planned.length > 0) {
        const [written] = await run("write", writeParams(planned));
        wrote = true;
        const expected = planned.reduce((n, p) => n + p.rows.tasks.length, 0);
        // the tree is linked by position in the created list: a count that differs means it went wrong
        if (Number(written?.get("treeLinks")) !== expected) {
          throw new Error(
            `the task tree was not linked as written (${String(written?.get("treeLinks"))} of ${expected})`,
          );
        }
      }
    }
    // the graph's version (#21), in this transaction: an answer cached under the old version is
    // never served once this batch has committed; the node's lock is held from here to the commit
    if (wrote) await run("bumpVersion", {});
    // a later batch may start before this one commits only if this one deletes nothing shared: it
    // would plan as if a stub this batch deletes still existed (and count it as known, not created)
    if (!deletesShared) pipelining?.afterWrite?.({ keys: batchKeys, resolved: batchResolved });
    return results;
  });
}
