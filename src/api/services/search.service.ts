import { column, listOf, mapOf, numberOf } from "../../graph/record-mapping.js";
import { luceneQuery, searchPage } from "../../graph/queries/index.js";
import type { ApiContext } from "../context.js";
import { decodeCursor } from "../cursor.js";
import { badUserInput } from "../errors.js";
import { limits, pageSize } from "../limits.js";
import { toDocument, toTask, type DocumentRecord, type TaskRecord } from "./graph-records.js";
import type { PageArgs } from "./document.service.js";
import { toPage, type Page } from "./page.js";

export interface SearchRow {
  node: TaskRecord | DocumentRecord;
  score: number;
}

/** Full-text search over tasks and documents (the cancu_search index folds diacritics away). */
export const searchService = {
  async search(ctx: ApiContext, text: string, args: PageArgs): Promise<Page<SearchRow>> {
    if (text.length > limits.maxSearchChars)
      throw badUserInput(`search text is limited to ${limits.maxSearchChars} characters`, {
        argumentName: "text",
      });
    const lucene = luceneQuery(text);
    if (!lucene) throw badUserInput("search text is empty", { argumentName: "text" });
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, ["number", "string"] as const) : null;
    const [record] = await ctx.graph.read(
      searchPage(lucene, {
        first,
        after: after ? { score: after[0], key: after[1] } : null,
        withTotal: args.withTotal,
      }),
    );
    const rows = listOf(record ? column(record, "rows") : []).flatMap((value): SearchRow[] => {
      const row = mapOf(value);
      if (!row) return [];
      const score = numberOf(row.score) ?? 0;
      if (row.task) return [{ node: toTask(row.task), score }];
      if (row.document) return [{ node: toDocument(row.document), score }];
      return [];
    });
    const total = record ? numberOf(column(record, "total")) : null;
    return toPage(rows, first, (row) => [row.score, row.node.key], total, after !== null);
  },
};
