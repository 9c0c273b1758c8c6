import neo4j from "neo4j-driver";
import type { CypherQuery } from "../cypher.js";
import { documentProjection, taskProjection } from "./projections.js";

/** `o` → an organization map with its place (#20). */
export const organizationProjection = (o: string): string =>
  `${o} { .key, .name, .kind, .province, .aliases }`;

/** Organizations by key, with province and aliases: one row per key found, `key`, `organization`. */
export function organizationDetailsByKeys(keys: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (o:Organization {key: key})
RETURN key, ${organizationProjection("o")} AS organization`,
    params: { keys: [...keys] },
  };
}

export interface OrganizationSearch {
  /** each word twice: folded, and as typed in lower case; the key, name or an alias must hold one of the two */
  words: readonly (readonly [string, string])[];
  province: string | null;
  first: number;
  afterKey: string | null;
}

/**
 * Organizations by key whose key, name or aliases hold every word (folded: "uy ban" finds "Ủy
 * ban", "ubnd" the alias "UBND tỉnh"), optionally in one province. Scans the organizations (a
 * few thousand at most). Rows: `organization`.
 */
export function organizationsPage(search: OrganizationSearch): CypherQuery {
  return {
    cypher: `MATCH (o:Organization)
WHERE ($afterKey IS NULL OR o.key > $afterKey)
  AND ($province IS NULL OR o.province = $province)
WITH o, replace(o.key, '-', ' ') + ' ' + toLower(o.name + ' ' + reduce(s = '', a IN coalesce(o.aliases, []) | s + ' ' + a)) AS haystack
WHERE all(w IN $words WHERE haystack CONTAINS w[0] OR haystack CONTAINS w[1])
WITH o ORDER BY o.key LIMIT $limit
RETURN ${organizationProjection("o")} AS organization`,
    params: {
      words: search.words.map((w) => [...w]),
      province: search.province,
      afterKey: search.afterKey,
      limit: neo4j.int(search.first + 1),
    },
  };
}

export interface IssuedPageRequest {
  first: number;
  /** the last (issuedOn or "", key) already seen */
  after: { issuedOn: string; key: string } | null;
}

/**
 * Documents each organization issued (ISSUED_BY), newest first (undated last), then key. One
 * row per organization key, `key`, `rows` (documents), `total`.
 */
export function documentsIssuedPages(keys: readonly string[], page: IssuedPageRequest): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (o:Organization {key: key})
CALL (o) {
  MATCH (d:Document)-[:ISSUED_BY]->(o)
  WITH d, coalesce(d.issuedOn, '') AS issuedOn
  WHERE $afterKey IS NULL OR issuedOn < $afterDate OR (issuedOn = $afterDate AND d.key > $afterKey)
  WITH d, issuedOn ORDER BY issuedOn DESC, d.key LIMIT $limit
  RETURN collect({ document: ${documentProjection("d")}, issuedOn: issuedOn }) AS rows
}
CALL (o) {
  RETURN COUNT { (:Document)-[:ISSUED_BY]->(o) } AS total
}
RETURN key, rows, total`,
    params: {
      keys: [...keys],
      afterDate: page.after?.issuedOn ?? null,
      afterKey: page.after?.key ?? null,
      limit: neo4j.int(page.first + 1),
    },
  };
}

export interface AssignmentPageRequest {
  from: string | null;
  to: string | null;
  first: number;
  /** the sort key of the last row already seen */
  afterSortKey: string | null;
}

/**
 * The assignments of each organization (ASSIGNED_TO), ordered by due date (the earliest last day
 * of the assignment's own deadlines, else of its task's, within [from, to]; none: last), then the
 * document's date, then text order. With `from` or `to`, only assignments with a deadline in the
 * range. One row per organization key, `key`, `rows` ({assignment, task, due, sortKey}).
 */
export function assignmentsOfOrganizationsPages(
  keys: readonly string[],
  page: AssignmentPageRequest,
): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (o:Organization {key: key})
CALL (o) {
  MATCH (t:Task)-[a:ASSIGNED_TO]->(o)
  MATCH (t)-[:IN_DOCUMENT]->(d:Document)
  WITH t, a, d, CASE WHEN size(coalesce(a.dueDates, [])) > 0 THEN a.dueDates ELSE coalesce(t.dueDates, []) END AS dues
  WITH t, a, d, [due IN dues WHERE ($from IS NULL OR due >= $from) AND ($to IS NULL OR due <= $to)] AS inRange
  WHERE ($from IS NULL AND $to IS NULL) OR size(inRange) > 0
  WITH t, a, d, head(inRange) AS due
  WITH t, a, d, due,
       coalesce(due, '9999-12-31~') + '|' + coalesce(d.issuedOn, '9999-12-31') + '|' + d.key + '|'
         + right('0000000000' + toString(coalesce(a.start, 0)), 10) + '|' + t.key AS sortKey
  WHERE $afterSortKey IS NULL OR sortKey > $afterSortKey
  WITH t, a, due, sortKey ORDER BY sortKey LIMIT $limit
  RETURN collect({ assignment: { duty: a.duty, quote: a.quote, deadlines: a.deadlines, start: a.start, end: a.end, taskKey: t.key, organization: ${organizationProjection("o")} }, task: ${taskProjection("t")}, due: due, sortKey: sortKey }) AS rows
}
RETURN key, rows`,
    params: {
      keys: [...keys],
      from: page.from,
      to: page.to,
      afterSortKey: page.afterSortKey,
      limit: neo4j.int(page.first + 1),
    },
  };
}

/** The body each organization is part of (PART_OF), if any: one row per key, `key`, `parent`. */
export function parentsOfOrganizations(keys: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (o:Organization {key: key})-[:PART_OF]->(p:Organization)
WITH key, p ORDER BY p.key
WITH key, head(collect(p)) AS p
RETURN key, ${organizationProjection("p")} AS parent`,
    params: { keys: [...keys] },
  };
}

/** The bodies part of each organization, by key, at most `limit`: one row per key, `key`, `children`, `total`. */
export function childrenOfOrganizations(keys: readonly string[], limit: number): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (o:Organization {key: key})
CALL (o) {
  MATCH (c:Organization)-[:PART_OF]->(o)
  WITH c ORDER BY c.key LIMIT $limit
  RETURN collect(${organizationProjection("c")}) AS children
}
RETURN key, children`,
    params: { keys: [...keys], limit: neo4j.int(limit) },
  };
}
