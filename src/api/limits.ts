import { maxSourceChars } from "../graph/ingest.js";
import { limits as sharedLimits } from "../config/limits.js";
import { badUserInput } from "./errors.js";

/**
 * Server-side caps and argument defaults (their one home is src/config/limits.ts, which the query
 * builders read too), plus the loader's own limit on a source text for ingestDocument.
 */
export const limits = { ...sharedLimits, maxIngestChars: maxSourceChars } as const;

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
  "Document.cites.after": limits.maxCursorChars,
  "Document.tasksImplementing.after": limits.maxCursorChars,
  "Document.implementers.after": limits.maxCursorChars,
  "Document.relations.after": limits.maxCursorChars,
  "Task.directivesDrivingPage.after": limits.maxCursorChars,
  "Query.tasksDue.organization": limits.maxIdChars,
  "Query.tasksDue.after": limits.maxCursorChars,
  "Query.targets.indicator": limits.maxCodeChars,
  "Query.targets.province": limits.maxFilterChars,
  "Query.targets.after": limits.maxCursorChars,
  "Query.organization.key": limits.maxCodeChars,
  "Query.organizations.search": limits.maxSearchChars,
  "Query.organizations.province": limits.maxFilterChars,
  "Query.organizations.after": limits.maxCursorChars,
  "Organization.documentsIssued.after": limits.maxCursorChars,
  "Organization.assignments.after": limits.maxCursorChars,
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
