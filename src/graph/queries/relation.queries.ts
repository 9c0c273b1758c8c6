import neo4j from "neo4j-driver";
import type { CypherQuery } from "../cypher.js";
import { citationProjection, documentProjection } from "./projections.js";

/**
 * The relation kinds that change the force of the document they are said of: what the status of
 * a document (src/api/services/legal-status.ts) is derived from.
 */
export const STATUS_KINDS = ["REPLACES", "REPEALS", "SUSPENDS", "AMENDS"] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

/**
 * The kinds a traversal of drivers (Task.directivesDriving, Document.tasksImplementing) does not
 * follow: a text that amends, replaces, repeals, suspends, consolidates or corrects a document acts
 * on it; it does not carry it out. Drivers follow BASED_ON, IMPLEMENTS, GUIDES and CITES (a link
 * without a kind is compared as CITES: `NOT null IN […]` would be null and drop it).
 */
export const NOT_DRIVING_KINDS = [
  "AMENDS",
  "REPLACES",
  "REPEALS",
  "SUSPENDS",
  "CONSOLIDATES",
  "CORRECTS",
] as const;

/** At most this many statements about one document are read to derive its status. */
const STATUS_EVIDENCE_PER_DOCUMENT = 200;

/**
 * What other ingested documents say of each document's force: the IMPLEMENTS links of a status
 * kind (replaces, repeals, suspends, amends) that point at it, each with the stating document's
 * effect and issue dates (when the statement applies). Rows: `key`, `events` ({citation, by}).
 * Links without a kind (graphs loaded before #19) are plain citations and say nothing here.
 */
export function statusEvidence(documentKeys: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (d:Document {key: key})
CALL (d) {
  MATCH (:Task)-[r:IMPLEMENTS]->(d)
  WHERE r.kind IN $kinds
  WITH r ORDER BY r.sourceKey, r.start LIMIT ${STATUS_EVIDENCE_PER_DOCUMENT}
  MATCH (by:Document {key: r.sourceKey})
  RETURN collect({ citation: ${citationProjection("r")}, by: ${documentProjection("by")} }) AS events
}
RETURN key, events`,
    params: { keys: [...documentKeys], kinds: [...STATUS_KINDS] },
  };
}

export type RelationDirection = "OUTGOING" | "INCOMING";

export interface RelationPageRequest {
  first: number;
  /** the sort key of the last relation already seen (relationSortKey) */
  after: string | null;
  /** null: every kind */
  kinds: readonly string[] | null;
  directions: readonly RelationDirection[];
}

/**
 * A relation's place in the list: direction (what the document says of others first), kind, the
 * other document's key, the statement's start and the stating task, in one comparable string.
 */
const sortKeyOf = (direction: string, r: string, o: string, t: string): string =>
  `(CASE ${direction} WHEN 'OUTGOING' THEN '0' ELSE '1' END) + '|' + coalesce(${r}.kind, 'CITES') + '|' + ${o}.key + '|' + right('0000000000' + toString(${r}.start), 10) + '|' + ${t}.key`;

/**
 * The relations of each document in both directions: what its own tasks say of other documents
 * (OUTGOING) and what other documents' tasks say of it (INCOMING), grouped counts per direction
 * and kind over all of them, and a keyset page of those the request filters, ordered by
 * direction, kind, other document, position. Rows: `key`, `counts`, `rows` ({citation, direction,
 * source, target}).
 */
export function relationPages(documentKeys: readonly string[], page: RelationPageRequest): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (d:Document {key: key})
CALL (d) {
  CALL (d) {
    MATCH (d)<-[:IN_DOCUMENT]-(:Task)-[r:IMPLEMENTS]->(:Document)
    RETURN 'OUTGOING' AS direction, coalesce(r.kind, 'CITES') AS kind
    UNION ALL
    MATCH (:Task)-[r:IMPLEMENTS]->(d)
    RETURN 'INCOMING' AS direction, coalesce(r.kind, 'CITES') AS kind
  }
  WITH direction, kind, count(*) AS n ORDER BY direction DESC, kind
  RETURN collect({ direction: direction, kind: kind, count: n }) AS counts
}
CALL (d) {
  CALL (d) {
    MATCH (d)<-[:IN_DOCUMENT]-(t:Task)-[r:IMPLEMENTS]->(o:Document)
    WHERE 'OUTGOING' IN $directions AND ($kinds IS NULL OR coalesce(r.kind, 'CITES') IN $kinds)
    RETURN 'OUTGOING' AS direction, r, t, o
    UNION ALL
    MATCH (t:Task)-[r:IMPLEMENTS]->(d)
    WHERE 'INCOMING' IN $directions AND ($kinds IS NULL OR coalesce(r.kind, 'CITES') IN $kinds)
    MATCH (t)-[:IN_DOCUMENT]->(o:Document)
    RETURN 'INCOMING' AS direction, r, t, o
  }
  WITH direction, r, t, o, ${sortKeyOf("direction", "r", "o", "t")} AS sortKey
  WHERE $after IS NULL OR sortKey > $after
  WITH direction, r, o, sortKey ORDER BY sortKey LIMIT $limit
  RETURN collect({ citation: ${citationProjection("r")}, direction: direction, other: ${documentProjection("o")}, sortKey: sortKey }) AS rows
}
RETURN key, counts, rows`,
    params: {
      keys: [...documentKeys],
      after: page.after,
      kinds: page.kinds ? [...page.kinds] : null,
      directions: [...page.directions],
      limit: neo4j.int(page.first + 1),
    },
  };
}

/** A span of a document's text to read a window around (statementWindows). */
export interface WindowRequest {
  id: string;
  sourceKey: string;
  start: number;
  end: number;
}

/**
 * A window of each stating document's text around a statement's span, `margin` characters on each
 * side: the sentence around a quote is cut from it (src/api/services/statement-sentence.ts). Cypher
 * counts code points where spans count UTF-16 units, so the window may sit a few characters off;
 * the quote is found in it by its text. Rows: `key` (the request's id), `window`, `from` (the
 * window's start), `cutBefore`, `cutAfter`.
 */
export function statementWindows(requests: readonly WindowRequest[], margin: number): CypherQuery {
  return {
    cypher: `UNWIND $items AS item
MATCH (d:Document {key: item.sourceKey})
WHERE d.sourceText IS NOT NULL
WITH item, d, CASE WHEN item.start > $margin THEN item.start - $margin ELSE 0 END AS from
WITH item, d, from, item.end - from + $margin AS length
RETURN item.id AS key, substring(d.sourceText, from, length) AS window, item.start - from AS expectedAt,
       from > 0 AS cutBefore, from + length < size(d.sourceText) AS cutAfter`,
    params: {
      items: requests.map((r) => ({
        id: r.id,
        sourceKey: r.sourceKey,
        start: neo4j.int(r.start),
        end: neo4j.int(r.end),
      })),
      margin: neo4j.int(margin),
    },
  };
}
