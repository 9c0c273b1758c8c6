import { column, listOf, stringOf } from "../../graph/record-mapping.js";
import { targetsAcross, tasksDue } from "../../graph/queries/index.js";
import { INDICATORS, indicatorByKey } from "../../extract/index.js";
import type { ApiContext } from "../context.js";
import { decodeCursor } from "../cursor.js";
import { badUserInput } from "../errors.js";
import { fromGlobalId } from "../global-id.js";
import { boundedInt, limits, pageSize } from "../limits.js";
import type { ImplementerRow } from "./graph-loaders.js";
import {
  toTarget,
  toTask,
  type DocumentRecord,
  type TargetRecord,
  type TaskRecord,
} from "./graph-records.js";
import { toPage, type Page } from "./page.js";

export interface TasksDueArgs {
  from?: string | null;
  to?: string | null;
  organization?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface TargetsArgs {
  indicator?: string | null;
  year?: number | null;
  province?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Who must do what, by when (#20): tasks by their deadlines across documents. */
export const dutyService = {
  /** Targets across documents (#20) by indicator, province, year, document, ordinal. */
  async targets(ctx: ApiContext, args: TargetsArgs): Promise<Page<{ node: TargetRecord }>> {
    const first = pageSize(args.first);
    const after = args.after
      ? decodeCursor(args.after, ["string", "string", "number", "string", "number"] as const)
      : null;
    const indicator = args.indicator ?? null;
    if (indicator !== null && !indicatorByKey.has(indicator))
      throw badUserInput(
        `"${indicator}" is not an indicator's key (some are: ${INDICATORS.slice(0, 6)
          .map((i) => i.key)
          .join(", ")} …; TargetIndicator.key gives a target's)`,
        { argumentName: "indicator", validKeys: INDICATORS.map((i) => i.key) },
      );
    const records = await ctx.graph.read(
      targetsAcross({
        indicator,
        year: args.year ?? null,
        province: args.province ?? null,
        first,
        after,
      }),
    );
    const rows = records.map((r) => ({
      node: toTarget(column(r, "target")),
      sortKey: listOf(column(r, "sortKey")).map((v) => (typeof v === "number" ? v : String(v ?? ""))),
    }));
    return toPage(rows, first, (row) => row.sortKey, null, after !== null);
  },

  async tasksDue(ctx: ApiContext, args: TasksDueArgs): Promise<Page<{ node: TaskRecord; due: string }>> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, ["string", "string"] as const) : null;
    if (args.from && args.to && args.from > args.to)
      throw badUserInput(`from (${args.from}) is after to (${args.to})`, { argumentName: "from" });
    let organizationKey: string | null = null;
    if (args.organization) {
      const { label, key } = fromGlobalId(args.organization);
      if (label !== "Organization")
        throw badUserInput(`organization must be an Organization's id, not a ${label}'s`, {
          argumentName: "organization",
        });
      organizationKey = key;
    }
    const records = await ctx.graph.read(
      tasksDue({
        from: args.from ?? null,
        to: args.to ?? null,
        organizationKey,
        first,
        after: after ? { due: after[0], taskKey: after[1] } : null,
      }),
    );
    const rows = records.map((r) => {
      const node = toTask(column(r, "task"));
      ctx.loaders.tasks.prime(node.key, node);
      return { node, due: stringOf(column(r, "due")) ?? "" };
    });
    return toPage(rows, first, (row) => [row.due, row.node.key], null, after !== null);
  },

  /**
   * The bodies carrying out a document (#20): those assigned to the tasks implementing it,
   * directly or (transitive) through ingested documents in between.
   */
  async implementers(
    ctx: ApiContext,
    document: DocumentRecord,
    options: { transitive: boolean; maxDepth: number | null },
    args: { first?: number | null; after?: string | null; withTotal: boolean },
  ): Promise<Page<ImplementerRow>> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, ["number", "string"] as const) : null;
    const depth = boundedInt(
      "maxDepth",
      options.maxDepth,
      limits.defaultTraversalDepth,
      1,
      limits.maxTraversalDepth,
    );
    const { rows, total } = await ctx.loaders
      .implementersOf({
        first,
        after: after ? { depth: after[0], organizationKey: after[1] } : null,
        withTotal: args.withTotal,
        maxDepth: options.transitive ? depth : 1,
      })
      .load(document.key);
    return toPage(rows, first, (row) => [row.node.depth, row.node.organization.key], total, after !== null);
  },
};
