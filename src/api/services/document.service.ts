import { column, listOf, numberOf } from "../../graph/record-mapping.js";
import {
  documentsBySymbol,
  documentsPage,
  type ChainFields,
  type DocumentFilterValues,
} from "../../graph/queries/index.js";
import type { ApiContext } from "../context.js";
import { decodeChainCursor, decodeCursor } from "../cursor.js";
import { badUserInput } from "../errors.js";
import { fromGlobalId } from "../global-id.js";
import { boundedInt, limits, pageSize } from "../limits.js";
import {
  toDocument,
  type CitationRecord,
  type DocumentRecord,
  type OrganizationRecord,
  type TaskRecord,
} from "./graph-records.js";
import { toPage, type Page } from "./page.js";
import { deriveStatus, type LegalStatus } from "./legal-status.js";
import type { RelationDirection } from "../../graph/queries/index.js";
import type { RelationRow } from "./graph-loaders.js";

/** Today in Việt Nam (legal dates are Vietnamese calendar dates), yyyy-mm-dd. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDate.format(now);
}
/** made once: a formatter costs far more to make than to use */
const vietnamDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });

export interface RelationArgs {
  kinds: readonly string[] | null;
  direction: "OUTGOING" | "INCOMING" | "BOTH";
  first?: number | null;
  after?: string | null;
}
import { LRUCache } from "lru-cache";
import { extractCitations, normaliseSymbol, parseSymbol } from "../../extract/index.js";

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  withTotal: boolean;
}

/**
 * The symbol a person typed, however they typed it ("NQ 128/NQ-CP", "Nghị quyết số 128/NQ-CP ngày
 * 11/10/2021"), read with the extractor's citation grammar; the year it implies is only a hint.
 */
export async function symbolFromText(text: string): Promise<SymbolRead | null> {
  const known = symbolsRead.get(text);
  if (known !== undefined) return known.read;
  const read = readSymbol(text);
  symbolsRead.set(text, { read });
  return read;
}

type SymbolRead = { readonly symbol: string; readonly yearHint: number | null };

function readSymbol(text: string): SymbolRead | null {
  const cited = extractCitations(text).citations.find((c) => c.symbol);
  if (cited) return { symbol: cited.symbol, yearHint: cited.year };
  const parsed = parseSymbol(normaliseSymbol(text));
  return parsed ? { symbol: parsed.symbol, yearHint: parsed.year } : null;
}

/**
 * What the extractor read in a typed symbol, per process: the grammar is fixed, and reading it
 * again was a tenth of a `document` question's time in the API. Keys are arguments within their
 * cap (limits.ts), so the cache is bounded in bytes too (10,000 × at most a few hundred characters).
 */
const symbolsRead = new LRUCache<string, { read: SymbolRead | null }>({ max: 10_000 });

type RelationRowsCounts = { direction: RelationDirection; kind: string; count: number }[];

/** Reads documents: lookups by symbol, filtered pages, global ids. */
export const documentService = {
  async bySymbol(ctx: ApiContext, text: string, year: number | null): Promise<DocumentRecord | null> {
    const read = await symbolFromText(text);
    if (!read)
      throw badUserInput(`"${text}" holds no document symbol (expected e.g. 128/NQ-CP or 26-NQ/TW)`, {
        argumentName: "symbol",
      });
    const records = await ctx.graph.read(documentsBySymbol(read.symbol, year));
    const documents = records.map((r) => toDocument(column(r, "document")));
    for (const document of documents) ctx.loaders.documents.prime(document.key, document);
    if (documents.length <= 1) return documents[0] ?? null;
    const hinted = documents.filter((d) => d.year === read.yearHint);
    if (hinted.length === 1) return hinted[0]!;
    throw badUserInput(
      `${read.symbol} names ${documents.length} documents (years ${documents.map((d) => d.year ?? "?").join(", ")}); pass year to choose one`,
      { argumentName: "year", candidates: documents.map((d) => d.key) },
    );
  },

  async page(
    ctx: ApiContext,
    filter: DocumentFilterValues,
    args: PageArgs,
  ): Promise<Page<{ node: DocumentRecord }>> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, ["string"] as const)[0] : null;
    if (filter.yearFrom != null && filter.yearTo != null && filter.yearFrom > filter.yearTo)
      throw badUserInput(`yearFrom (${filter.yearFrom}) is after yearTo (${filter.yearTo})`, {
        argumentName: "filter",
      });
    const [record] = await ctx.graph.read(documentsPage(filter, { first, after, withTotal: args.withTotal }));
    const rows = listOf(record ? column(record, "rows") : []).map((value) => ({ node: toDocument(value) }));
    for (const row of rows) ctx.loaders.documents.prime(row.node.key, row.node);
    const total = record ? numberOf(column(record, "total")) : null;
    return toPage(rows, first, (row) => [row.node.key], total, after !== null);
  },

  /** node(id:): null when the id is well formed but nothing has it (it may have been removed). */
  async node(ctx: ApiContext, id: string): Promise<DocumentRecord | TaskRecord | OrganizationRecord | null> {
    const { label, key } = fromGlobalId(id);
    if (label === "Document") return ctx.loaders.documents.load(key);
    if (label === "Task") return ctx.loaders.tasks.load(key);
    if (label === "Organization") return ctx.loaders.organizations.load(key);
    return null;
  },

  async citedBy(
    ctx: ApiContext,
    document: DocumentRecord,
    args: PageArgs,
  ): Promise<Page<{ node: CitationRecord }>> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, ["string", "number"] as const) : null;
    const { rows, total } = await ctx.loaders
      .citedByOf({
        first,
        after: after ? { taskKey: after[0], start: after[1] } : null,
        withTotal: args.withTotal,
      })
      .load(document.key);
    return toPage(rows, first, (row) => [row.node.taskKey, row.node.start], total, after !== null);
  },

  async cites(
    ctx: ApiContext,
    document: DocumentRecord,
    args: PageArgs,
  ): Promise<Page<{ node: CitationRecord }>> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, ["number", "string"] as const) : null;
    const { rows, total } = await ctx.loaders
      .citesOf({
        first,
        after: after ? { start: after[0], documentKey: after[1] } : null,
        withTotal: args.withTotal,
      })
      .load(document.key);
    return toPage(rows, first, (row) => [row.node.start, row.node.documentKey], total, after !== null);
  },

  /** Its force at `asOf` (today in Việt Nam by default), from its own clause and what others say of it. */
  async status(ctx: ApiContext, document: DocumentRecord, asOf: string | null): Promise<LegalStatus> {
    const events = await ctx.loaders.statusEvents.load(document.key);
    return deriveStatus(document, events, asOf ?? todayInVietnam());
  },

  /** A page of its relations in the directions and kinds asked for, with counts over all of them. */
  async relations(
    ctx: ApiContext,
    document: DocumentRecord,
    args: RelationArgs,
  ): Promise<Page<RelationRow> & { totalCount: number; counts: RelationRowsCounts }> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, ["string"] as const)[0] : null;
    const directions: RelationDirection[] =
      args.direction === "BOTH" ? ["OUTGOING", "INCOMING"] : [args.direction];
    const kinds = args.kinds && args.kinds.length > 0 ? [...new Set(args.kinds)].sort() : null;
    const { rows, counts } = await ctx.loaders
      .relationsOf({ first, after, kinds, directions })
      .load(document.key);
    const total = counts
      .filter((c) => directions.includes(c.direction) && (kinds === null || kinds.includes(c.kind)))
      .reduce((sum, c) => sum + c.count, 0);
    return {
      ...toPage(rows, first, (row) => [row.sortKey], total, after !== null),
      totalCount: total,
      counts,
    };
  },

  async tasksImplementing(
    ctx: ApiContext,
    document: DocumentRecord,
    options: { transitive: boolean; maxDepth: number | null },
    args: PageArgs & { via: ChainFields },
  ): Promise<Page<{ node: TaskRecord; depth: number; via: CitationRecord[] }>> {
    const first = pageSize(args.first);
    const after = args.after ? decodeChainCursor(args.after) : null;
    const depth = boundedInt(
      "maxDepth",
      options.maxDepth,
      limits.defaultTraversalDepth,
      1,
      limits.maxTraversalDepth,
    );
    const { rows, total } = await ctx.loaders
      .implementingOf({
        first,
        after,
        withTotal: args.withTotal,
        maxDepth: options.transitive ? depth : 1,
        via: args.via,
      })
      .load(document.key);
    return toPage(rows, first, (row) => [row.depth, row.date, row.node.key], total, after !== null);
  },
};
