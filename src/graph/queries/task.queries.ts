import type { CypherQuery } from "../cypher.js";
import { citationProjection, documentProjection, taskProjection } from "./projections.js";

/** Tasks by key, one row per key found: `key`, `task`. */
export function tasksByKeys(keys: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (t:Task {key: key})
RETURN key, ${taskProjection("t")} AS task`,
    params: { keys: [...keys] },
  };
}

/** The top of each document's task tree, in order: one row per document key, `key`, `tasks`. */
export function topTasksOfDocuments(documentKeys: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (d:Document {key: key})
CALL (d) {
  MATCH (d)-[h:HAS_TASK]->(t:Task)
  WITH t ORDER BY h.order, t.key
  RETURN collect(${taskProjection("t")}) AS tasks
}
RETURN key, tasks`,
    params: { keys: [...documentKeys] },
  };
}

/** The children of each task, in order: one row per task key, `key`, `tasks`. */
export function childrenOfTasks(taskKeys: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (parent:Task {key: key})
CALL (parent) {
  MATCH (parent)-[h:HAS_TASK]->(t:Task)
  WITH t ORDER BY h.order, t.key
  RETURN collect(${taskProjection("t")}) AS tasks
}
RETURN key, tasks`,
    params: { keys: [...taskKeys] },
  };
}

/**
 * The citations (IMPLEMENTS links) each task holds, in text order, with the cited document so
 * that `citation.document` needs no further round trip: one row per task key, `key`, `citations`.
 */
export function citationsOfTasks(taskKeys: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (t:Task {key: key})
CALL (t) {
  MATCH (t)-[r:IMPLEMENTS]->(d:Document)
  WITH r, d ORDER BY r.start
  RETURN collect({ citation: ${citationProjection("r")}, document: ${documentProjection("d")} }) AS citations
}
RETURN key, citations`,
    params: { keys: [...taskKeys] },
  };
}
