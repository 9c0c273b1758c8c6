import neo4j from "neo4j-driver";
import type { CypherQuery } from "../cypher.js";
import { taskProjection } from "./projections.js";

/** `o` → an organization map. */
const organizationMap = (o: string): string => `${o} { .key, .name, .kind }`;

/** `g` → a target map (quantities as stored: a JSON string). */
const targetMap = (g: string): string =>
  `${g} { .key, .ordinal, .group, .text, .quantities, .start, .end, .documentKey, taskKey: head([(${g})-[:UNDER]->(t:Task) | t.key]) }`;

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
