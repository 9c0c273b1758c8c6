import type { CypherQuery } from "../cypher.js";

/** What the graph holds: one row `documents`, `ingested`, `tasks`, `citations`. */
export function graphStats(): CypherQuery {
  return {
    cypher: `CALL { MATCH (d:Document) RETURN count(d) AS documents, count(CASE WHEN d.ingested THEN 1 END) AS ingested }
CALL { MATCH (t:Task) RETURN count(t) AS tasks }
CALL { MATCH ()-[c:IMPLEMENTS]->() RETURN count(c) AS citations }
RETURN documents, ingested, tasks, citations`,
    params: {},
  };
}

/** Whether any document's own text was ingested: one row `seeded`. */
export function holdsIngestedDocuments(): CypherQuery {
  return {
    cypher: "MATCH (d:Document {ingested: true}) RETURN count(d) > 0 AS seeded",
    params: {},
  };
}
