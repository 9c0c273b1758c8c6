import neo4j from "neo4j-driver";
import type { CypherQuery } from "../cypher.js";
import { taskProjection } from "./projections.js";

/**
 * The tasks an export reads (#20, exports): a scope's tasks, at most `limit` (the caller asks for
 * one more than it allows, to tell a scope that is too large). Their assignments and documents
 * are read with the builders every API field uses (assignmentsOfTasks, documentsByKeys). Rows:
 * `task`.
 */

/** Every task of a document, in text order. */
export function tasksOfDocumentForExport(documentKey: string, limit: number): CypherQuery {
  return {
    cypher: `MATCH (:Document {key: $key})<-[:IN_DOCUMENT]-(t:Task)
WITH t ORDER BY t.start, t.key LIMIT $limit
RETURN ${taskProjection("t")} AS task`,
    params: { key: documentKey, limit: neo4j.int(limit) },
  };
}

/** The tasks assigned to an organization (ASSIGNED_TO), by document, then text order. */
export function tasksAssignedToForExport(organizationKey: string, limit: number): CypherQuery {
  return {
    cypher: `MATCH (:Organization {key: $key})<-[:ASSIGNED_TO]-(t:Task)
WITH DISTINCT t ORDER BY t.documentKey, t.start, t.key LIMIT $limit
RETURN ${taskProjection("t")} AS task`,
    params: { key: organizationKey, limit: neo4j.int(limit) },
  };
}
