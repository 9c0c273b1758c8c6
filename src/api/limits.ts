import { maxSourceChars } from "../graph/ingest.js";
import { badUserInput } from "./errors.js";

/** Server-side caps: whatever a client asks for, a request stays within these. */
export const limits = {
  defaultPageSize: 20,
  maxPageSize: 100,
  /** directivesDriving / tasksImplementing: hops through ingested documents (see MAX_TRAVERSAL_DEPTH) */
  maxTraversalDepth: 6,
  /** path: relationships (see MAX_PATH_LENGTH) */
  maxPathLength: 10,
  /** neighborhood: hops (see MAX_NEIGHBORHOOD_DEPTH) and nodes */
  maxNeighborhoodDepth: 3,
  maxNeighborhoodNodes: 500,
  /** nesting of fields in one operation (introspection excluded) */
  maxQueryDepth: 10,
  /**
   * Estimated cost of one operation: every field 1, times the size of the lists above it, plus
   * databaseFieldCost for every field that runs a Cypher statement (see operation-cost.ts).
   */
  maxQueryCost: 20_000,
  /** what a field that runs a Cypher statement adds to the cost, once per occurrence */
  databaseFieldCost: 50,
  /** fields that run a Cypher statement in one operation, aliases and fragment spreads counted */
  maxDatabaseFields: 30,
  /**
   * Lexical tokens in one document (graphql's parse maxTokens). GraphiQL's introspection query is
   * 184 tokens and the explorer's largest operation (ExplorerTask) 143; at 2,000 no nesting is deep enough
   * to exhaust the parser's stack, and graphql-js's own validation of the worst document stays fast.
   */
  maxQueryTokens: 2_000,
  /** input texts */
  maxReferenceChars: 2_000,
  maxSearchChars: 500,
  /** a document symbol as a person types it ("Nghị quyết số 128/NQ-CP ngày 11/10/2021") */
  maxSymbolChars: 300,
  /** global ids, cursors: what the API hands out is far shorter */
  maxIdChars: 1_000,
  maxCursorChars: 1_000,
  /** a task code (II.2.1), a filter's type name or issuer key */
  maxCodeChars: 100,
  maxFilterChars: 200,
  /** ingestDocument: the loader's own limit (maxSourceChars) and a file name */
  maxIngestChars: maxSourceChars,
  maxSourceNameChars: 255,
  /** how much of an argument an error message quotes */
  quotedChars: 80,
} as const;

/**
 * The cap of every String or ID argument and input field, by schema coordinate
 * (`Type.field.argument`, `InputType.field`). Checked before an operation runs
 * (operation-limits.plugin.ts); a test asserts that every string input of the schema has one.
 */
export const stringInputCaps: Readonly<Record<string, number>> = {
  "Query.document.symbol": limits.maxSymbolChars,
  "Query.documents.after": limits.maxCursorChars,
  "Query.search.text": limits.maxSearchChars,
  "Query.search.after": limits.maxCursorChars,
  "Query.checkReference.text": limits.maxReferenceChars,
  "Query.node.id": limits.maxIdChars,
  "Query.path.from": limits.maxIdChars,
  "Query.path.to": limits.maxIdChars,
  "Query.neighborhood.id": limits.maxIdChars,
  "Document.task.code": limits.maxCodeChars,
  "Document.citedBy.after": limits.maxCursorChars,
  "Document.tasksImplementing.after": limits.maxCursorChars,
  "DocumentFilter.type": limits.maxFilterChars,
  "DocumentFilter.issuer": limits.maxFilterChars,
  "Mutation.ingestDocument.text": limits.maxIngestChars,
  "Mutation.ingestDocument.sourceName": limits.maxSourceNameChars,
};

/** A value as an error message may quote it: at most limits.quotedChars characters, then "…". */
export function quoted(value: string, max: number = limits.quotedChars): string {
  const chars = Array.from(value.length > max * 2 ? value.slice(0, max * 2) : value);
  return chars.length > max ? `"${chars.slice(0, max).join("")}…"` : `"${value}"`;
}

/** `first` of a connection: default when absent, BAD_USER_INPUT when negative, capped. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return limits.defaultPageSize;
  if (!Number.isInteger(first) || first < 0)
    throw badUserInput(`first must be 0 or more (got ${first})`, { argumentName: "first" });
  return Math.min(first, limits.maxPageSize);
}

/** A depth-like argument: BAD_USER_INPUT below `min`, silently capped at `max`. */
export function boundedInt(
  name: string,
  value: number | null | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const given = value ?? fallback;
  if (!Number.isInteger(given) || given < min)
    throw badUserInput(`${name} must be at least ${min} (got ${given})`, { argumentName: name });
  return Math.min(given, max);
}
