import type { ChainFields } from "../../graph/queries/projections.js";
import type { ApiContext } from "../context.js";
import { decodeChainCursor } from "../cursor.js";
import { boundedInt, limits, pageSize } from "../limits.js";
import { parentTaskKey, type CitationRecord, type DrivingRecord, type TaskRecord } from "./graph-records.js";
import { toPage, type Page } from "./page.js";

/** Reads a task's tree neighbours, citations and drivers through the request's loaders. */
export const taskService = {
  document: (ctx: ApiContext, task: TaskRecord) => ctx.loaders.documents.load(task.documentKey),
  parent: async (ctx: ApiContext, task: TaskRecord): Promise<TaskRecord | null> => {
    const key = parentTaskKey(task);
    return key ? ctx.loaders.tasks.load(key) : null;
  },
  children: (ctx: ApiContext, task: TaskRecord) => ctx.loaders.children.load(task.key),
  citations: (ctx: ApiContext, task: TaskRecord): Promise<CitationRecord[]> =>
    ctx.loaders.citations.load(task.key),
  /**
   * Directives driving the task: what it cites, what the headings above it cite (a heading's
   * citation frames every item under it), and onwards through ingested documents.
   */
  directivesDriving(
    ctx: ApiContext,
    task: TaskRecord,
    maxDepth: number | null,
    via: ChainFields,
  ): Promise<DrivingRecord[]> {
    const depth = boundedInt("maxDepth", maxDepth, limits.defaultTraversalDepth, 1, limits.maxTraversalDepth);
    return ctx.loaders.driversOf(depth, via).load(task.key);
  },
  /** The same directives as pages ordered by depth, date (undated last), document key. */
  async directivesDrivingPage(
    ctx: ApiContext,
    task: TaskRecord,
    maxDepth: number | null,
    args: { first?: number | null; after?: string | null; withTotal: boolean; via: ChainFields },
  ): Promise<Page<{ node: DrivingRecord }>> {
    const depth = boundedInt("maxDepth", maxDepth, limits.defaultTraversalDepth, 1, limits.maxTraversalDepth);
    const first = pageSize(args.first);
    const after = args.after ? decodeChainCursor(args.after) : null;
    const { rows, total } = await ctx.loaders
      .driverPagesOf({ first, after, withTotal: args.withTotal, maxDepth: depth, via: args.via })
      .load(task.key);
    return toPage(
      rows,
      first,
      (row) => [row.node.depth, row.date, row.node.document.key],
      total,
      after !== null,
    );
  },
};
