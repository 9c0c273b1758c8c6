import neo4j from "neo4j-driver";
import type { CypherQuery } from "../cypher.js";
import { citationProjection, documentProjection, taskProjection } from "./projections.js";

/** The deepest chain a traversal follows (the API caps `maxDepth` here). */
export const MAX_TRAVERSAL_DEPTH = 6;

/**
 * A validated depth, spelled into the pattern: Cypher takes no parameter in a quantifier, and a
 * bound of `maxDepth` (not the maximum, filtered afterwards) keeps the search no deeper than asked.
 * At most MAX_TRAVERSAL_DEPTH query shapes exist, each planned once.
 */
function depthBound(maxDepth: number): number {
  if (!Number.isInteger(maxDepth) || maxDepth < 1)
    throw new RangeError(`maxDepth must be a positive integer, got ${maxDepth}`);
  return Math.min(maxDepth, MAX_TRAVERSAL_DEPTH);
}

/**
 * Onward hops after the first citation, from a cited document into its own task tree and out by
 * another citation, at most `maxDepth - 1` of them. Used under `ANY SHORTEST`, which searches
 * breadth-first and keeps one shortest chain per pair of ends: enumerating every chain instead
 * (a plain quantified pattern) grows exponentially with the depth on a well-connected corpus.
 * Null at depth 1, where there is no onward hop (and Cypher refuses a `{0,0}` quantifier).
 */
function onwardHops(maxDepth: number): string | null {
  const bound = depthBound(maxDepth);
  return bound === 1
    ? null
    : `((:Document)<-[:IN_DOCUMENT]-(:Task)-[hops:IMPLEMENTS]->(:Document)){0,${bound - 1}}`;
}

/** Tasks reaching `d` (bound) by a chain of citations: `t`, `first`, `hops` (one shortest per task). */
function tasksReaching(maxDepth: number): string {
  const onward = onwardHops(maxDepth);
  return onward === null
    ? `MATCH (t:Task)-[first:IMPLEMENTS]->(d)
  WHERE NOT (t)-[:IN_DOCUMENT]->(d)
  WITH t, first, [] AS hops`
    : `MATCH ANY SHORTEST (t:Task)-[first:IMPLEMENTS]->(:Document) ${onward} (d)
  WHERE NOT (t)-[:IN_DOCUMENT]->(d)`;
}

/** Documents reached from `cited` (bound) onwards: `d`, `hops` (one shortest chain per document). */
function documentsReached(maxDepth: number): string {
  const onward = onwardHops(maxDepth);
  return onward === null
    ? "WITH start, home, origin, first, cited AS d, [] AS hops"
    : `MATCH ANY SHORTEST (cited) ${onward} (d:Document)`;
}

export interface CitationPageRequest {
  first: number;
  /** the last (citing task key, start) already seen */
  after: { taskKey: string; start: number } | null;
  withTotal: boolean;
}

/**
 * Links pointing at each document, ordered by (citing task key, start) for keyset paging:
 * one row per document key, `key`, `rows` (citation + citing task), `total`.
 */
export function citedByPages(documentKeys: readonly string[], page: CitationPageRequest): CypherQuery {
  const total = page.withTotal
    ? `CALL (d) {
  MATCH (:Task)-[r:IMPLEMENTS]->(d)
  RETURN count(r) AS total
}`
    : "WITH key, d, null AS total";
  return {
    cypher: `UNWIND $keys AS key
MATCH (d:Document {key: key})
${total}
CALL (d) {
  MATCH (t:Task)-[r:IMPLEMENTS]->(d)
  WHERE $afterTask IS NULL OR t.key > $afterTask OR (t.key = $afterTask AND r.start > $afterStart)
  WITH t, r ORDER BY t.key, r.start LIMIT $limit
  RETURN collect({ citation: ${citationProjection("r")}, task: ${taskProjection("t")} }) AS rows
}
RETURN key, rows, total`,
    params: {
      keys: [...documentKeys],
      afterTask: page.after?.taskKey ?? null,
      afterStart: page.after ? neo4j.int(page.after.start) : null,
      limit: neo4j.int(page.first + 1),
    },
  };
}

export interface TaskPageRequest {
  first: number;
  /** the last task key already seen */
  after: string | null;
  withTotal: boolean;
  /** 1 = tasks citing the document themselves; n = also through n-1 documents in between */
  maxDepth: number;
}

/**
 * Tasks implementing each document, directly or through a chain of ingested documents (each task
 * at its shortest depth, with that chain's citations as `via`, from the task to the document).
 * Tasks of the document itself are left out (a chain that returns home is a cycle).
 * One row per document key: `key`, `rows`, `total`.
 */
export function tasksImplementingPages(documentKeys: readonly string[], page: TaskPageRequest): CypherQuery {
  // one shortest chain per citing task, searched breadth-first backwards from the document
  const reaching = tasksReaching(page.maxDepth);
  const total = page.withTotal
    ? `CALL (d) {
  ${reaching}
  RETURN count(DISTINCT t) AS total
}`
    : "WITH key, d, null AS total";
  return {
    cypher: `UNWIND $keys AS key
MATCH (d:Document {key: key})
${total}
CALL (d) {
  ${reaching}
  WITH t, size(hops) + 1 AS depth, [first] + hops AS via
  WHERE $after IS NULL OR t.key > $after
  // a task citing the document twice: its first citation
  WITH t, depth, via ORDER BY depth, via[0].start
  WITH t, collect({ depth: depth, via: via })[0] AS best
  WITH t, best ORDER BY t.key LIMIT $limit
  RETURN collect({ task: ${taskProjection("t")}, depth: best.depth, via: [r IN best.via | ${citationProjection("r")}] }) AS rows
}
RETURN key, rows, total`,
    params: {
      keys: [...documentKeys],
      after: page.after,
      limit: neo4j.int(page.first + 1),
    },
  };
}

/**
 * The directives driving each task: documents its own citations, and those of the headings above
 * it, point at, and onwards through the task trees of ingested documents up to `maxDepth` hops.
 * Each document once, at its shortest chain (own citations before inherited ones at equal depth);
 * the task's own document is left out (a cycle). One row per task key: `key`, `drivers`.
 */
export function directivesDriving(taskKeys: readonly string[], maxDepth: number): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (start:Task {key: key})
OPTIONAL MATCH (start)-[:IN_DOCUMENT]->(home:Document)
CALL (start, home) {
  MATCH (origin:Task)-[:HAS_TASK*0..]->(start)
  MATCH (origin)-[first:IMPLEMENTS]->(cited:Document)
  // breadth-first from each first citation: one shortest chain to every document it reaches
  ${documentsReached(maxDepth)}
  WITH start, home, origin, first, d, hops
  WHERE home IS NULL OR d <> home
  WITH d, origin, size(hops) + 1 AS depth, [first] + hops AS via
  ORDER BY depth, CASE WHEN origin = start THEN 0 ELSE 1 END, via[0].start
  WITH d, collect({ depth: depth, via: via, origin: origin })[0] AS best
  ORDER BY best.depth, d.key
  RETURN collect({
    document: ${documentProjection("d")},
    depth: best.depth,
    inheritedFrom: CASE WHEN best.origin = start THEN null ELSE best.origin.key END,
    via: [r IN best.via | ${citationProjection("r")}]
  }) AS drivers
}
RETURN key, drivers`,
    params: { keys: [...taskKeys] },
  };
}
