import neo4j from "neo4j-driver";
import type { CypherQuery } from "../cypher.js";
import { taskProjection } from "./projections.js";

/** `o` → an organization map. */
const organizationMap = (o: string): string => `${o} { .key, .name, .kind }`;

/** `g` → a target map (quantities as stored: a JSON string). */
const targetMap = (g: string): string =>
  `${g} { .key, .ordinal, .group, .text, .quantities, .indicator, .year, .province, .start, .end, .documentKey, taskKey: head([(${g})-[:UNDER]->(t:Task) | t.key]) }`;

/**
 * The bodies each task is assigned to (ASSIGNED_TO), in text order, with duty, deadlines and the
 * passage that assigns: one row per task key, `key`, `assignments`.
 */
export function assignmentsOfTasks(taskKeys: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (t:Task {key: key})
CALL (t) {
  MATCH (t)-[a:ASSIGNED_TO]->(o:Organization)
  WITH a, o ORDER BY a.start, o.key
  RETURN collect({ duty: a.duty, quote: a.quote, deadlines: a.deadlines, start: a.start, end: a.end, taskKey: t.key, organization: ${organizationMap("o")} }) AS assignments
}
RETURN key, assignments`,
    params: { keys: [...taskKeys] },
  };
}

/**
 * The targets each node holds, by ordinal: a document's (SET_BY) or a task's (UNDER). One row per
 * key, `key`, `targets`.
 */
function targetsOf(
  label: "Document" | "Task",
  via: "SET_BY" | "UNDER",
  keys: readonly string[],
): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (n:${label} {key: key})
CALL (n) {
  MATCH (g:Target)-[:${via}]->(n)
  WITH g ORDER BY g.ordinal
  RETURN collect(${targetMap("g")}) AS targets
}
RETURN key, targets`,
    params: { keys: [...keys] },
  };
}

/** The targets each document sets, by ordinal. */
export const targetsOfDocuments = (documentKeys: readonly string[]): CypherQuery =>
  targetsOf("Document", "SET_BY", documentKeys);

/** The targets set under each task, by ordinal. */
export const targetsOfTasks = (taskKeys: readonly string[]): CypherQuery =>
  targetsOf("Task", "UNDER", taskKeys);

export interface DuePageRequest {
  from: string | null;
  to: string | null;
  /** only tasks assigned to this organization (its key) by an ASSIGNED_TO link of their own */
  organizationKey: string | null;
  first: number;
  /** the last (due date, task key) already seen */
  after: { due: string; taskKey: string } | null;
}

/**
 * Tasks with a deadline in [from, to] across every document, ordered by that last day, then task
 * key (a task with two deadlines in the range comes once per deadline). With an organization,
 * only tasks assigned to it. Scans the tasks that have deadlines (a list property: no index
 * answers a range over its items). Rows: `due`, `task`.
 */
export function tasksDue(page: DuePageRequest): CypherQuery {
  return {
    cypher: `MATCH (t:Task) WHERE t.dueDates IS NOT NULL AND size(t.dueDates) > 0
  AND ($organization IS NULL OR EXISTS { (t)-[:ASSIGNED_TO]->(:Organization {key: $organization}) })
UNWIND t.dueDates AS due
WITH t, due
WHERE ($from IS NULL OR due >= $from) AND ($to IS NULL OR due <= $to)
  AND ($afterDue IS NULL OR due > $afterDue OR (due = $afterDue AND t.key > $afterTask))
WITH t, due ORDER BY due, t.key LIMIT $limit
RETURN due, ${taskProjection("t")} AS task`,
    params: {
      from: page.from,
      to: page.to,
      organization: page.organizationKey,
      afterDue: page.after?.due ?? null,
      afterTask: page.after?.taskKey ?? null,
      limit: neo4j.int(page.first + 1),
    },
  };
}

export interface TargetsPageRequest {
  /** an indicator's key; null: every target whose indicator is named */
  indicator: string | null;
  year: number | null;
  /** the province as documents name it ("Quảng Ninh"); null: every province and central texts */
  province: string | null;
  first: number;
  /** the last (indicator, province or "", year or 0, document key, ordinal) already seen */
  after: readonly [string, string, number, string, number] | null;
}

/**
 * Targets across documents (#20) with an indicator (one, or any named), optionally of one year and
 * province, ordered by indicator, province ("" for a central text), year (0 when unknown),
 * document key, ordinal: a keyset page of `first + 1` rows, `sortKey` (that tuple) and `target`.
 * The target_indicator index (migration 9) answers the indicator.
 */
export function targetsAcross(page: TargetsPageRequest): CypherQuery {
  return {
    cypher: `MATCH (g:Target)
WHERE g.indicator IS NOT NULL AND ($indicator IS NULL OR g.indicator = $indicator)
  AND ($year IS NULL OR g.year = $year) AND ($province IS NULL OR g.province = $province)
WITH g, [g.indicator, coalesce(g.province, ''), coalesce(g.year, 0), g.documentKey, g.ordinal] AS k
WHERE $after IS NULL OR k[0] > $after[0]
  OR (k[0] = $after[0] AND (k[1] > $after[1]
  OR (k[1] = $after[1] AND (k[2] > $after[2]
  OR (k[2] = $after[2] AND (k[3] > $after[3]
  OR (k[3] = $after[3] AND k[4] > $after[4])))))))
WITH g, k ORDER BY k[0], k[1], k[2], k[3], k[4] LIMIT $limit
RETURN k AS sortKey, ${targetMap("g")} AS target`,
    params: {
      indicator: page.indicator,
      year: page.year === null ? null : neo4j.int(page.year),
      province: page.province,
      after: page.after
        ? [page.after[0], page.after[1], neo4j.int(page.after[2]), page.after[3], neo4j.int(page.after[4])]
        : null,
      limit: neo4j.int(page.first + 1),
    },
  };
}
