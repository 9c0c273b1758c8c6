import type { CypherQuery } from "../cypher.js";
import { citationProjection, documentProjection } from "./projections.js";

/** How many citing links `checkReference` reads per document to find the graph's evidence. */
const EVIDENCE_PER_DOCUMENT = 20;

/**
 * What the graph knows about documents a reference may mean: those with one of `symbols`, and
 * (for near misses) those of the same type code whose symbol ends like the reference's
 * (`-NQ/TW`, `/NQ-CP`). Each with up to 20 citing links, the evidence for its facts.
 * Rows: `document`, `exact` (symbol matched), `evidence`.
 */
export function referenceCandidates(
  symbols: readonly string[],
  typeCode: string,
  symbolTail: string,
): CypherQuery {
  return {
    cypher: `MATCH (d:Document)
WHERE d.symbol IN $symbols OR (d.typeCode = $typeCode AND d.symbol ENDS WITH $symbolTail)
CALL (d) {
  MATCH (:Task)-[r:IMPLEMENTS]->(d)
  WITH r ORDER BY r.sourceKey, r.start LIMIT ${EVIDENCE_PER_DOCUMENT}
  RETURN collect(${citationProjection("r")}) AS evidence
}
RETURN ${documentProjection("d")} AS document, d.symbol IN $symbols AS exact, evidence
ORDER BY exact DESC, d.year DESC, d.key
LIMIT 50`,
    params: { symbols: [...symbols], typeCode, symbolTail },
  };
}
