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
  /** estimated cost of one operation: every field 1, times the size of the lists above it */
  maxQueryCost: 20_000,
  /** input texts */
  maxReferenceChars: 2_000,
  maxSearchChars: 500,
} as const;

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
