import neo4j from "neo4j-driver";
import type { CypherQuery } from "../cypher.js";
import { citationProjection, documentProjection, taskProjection } from "./projections.js";

/**
 * The deepest chain a traversal follows. Cypher takes no parameter in a quantifier, so the bound
 * in the text is this constant and the caller's `maxDepth` (a parameter, at most this) filters.
 */
export const MAX_TRAVERSAL_DEPTH = 6;
const furtherHops = `{0,${MAX_TRAVERSAL_DEPTH - 1}}`;

/** One hop onwards: from a cited document into its own task tree and out by another citation. */
const onwardHop = `((:Document)<-[:IN_DOCUMENT]-(:Task)-[hops:IMPLEMENTS]->(:Document))${furtherHops}`;

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
  const reaching = `MATCH (t:Task)-[first:IMPLEMENTS]->(:Document) ${onwardHop} (d)
  WHERE size(hops) < $maxDepth AND NOT (t)-[:IN_DOCUMENT]->(d)`;
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
  WITH t, size(hops) + 1 AS depth, [first] + hops AS via ORDER BY depth
  WITH t, collect({ depth: depth, via: via })[0] AS best
  WHERE $after IS NULL OR t.key > $after
  WITH t, best ORDER BY t.key LIMIT $limit
  RETURN collect({ task: ${taskProjection("t")}, depth: best.depth, via: [r IN best.via | ${citationProjection("r")}] }) AS rows
}
RETURN key, rows, total`,
    params: {
      keys: [...documentKeys],
      maxDepth: neo4j.int(page.maxDepth),
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
  MATCH (origin)-[first:IMPLEMENTS]->(:Document) ${onwardHop} (d:Document)
  WHERE size(hops) < $maxDepth AND (home IS NULL OR d <> home)
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
    params: { keys: [...taskKeys], maxDepth: neo4j.int(maxDepth) },
  };
}
