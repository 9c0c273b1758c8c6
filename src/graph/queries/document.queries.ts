import neo4j from "neo4j-driver";
import type { CypherQuery } from "../cypher.js";
import { documentProjection } from "./projections.js";

/** Documents by key, one row per key found: `key`, `document`. */
export function documentsByKeys(keys: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (d:Document {key: key})
RETURN key, ${documentProjection("d")} AS document`,
    params: { keys: [...keys] },
  };
}

/** Every document with this normalised symbol (any year unless one is given), newest first. */
export function documentsBySymbol(symbol: string, year: number | null): CypherQuery {
  return {
    cypher: `MATCH (d:Document {symbol: $symbol})
WHERE $year IS NULL OR d.year = $year
RETURN ${documentProjection("d")} AS document
ORDER BY d.year DESC, d.key`,
    params: { symbol, year: year === null ? null : neo4j.int(year) },
  };
}

export interface DocumentFilterValues {
  /** type name ("Nghị quyết") or type code ("NQ") */
  type?: string | null;
  /** organization key ("chinh-phu") */
  issuer?: string | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  ingested?: boolean | null;
}

export interface PageRequest {
  /** rows wanted; the query fetches one more to tell whether a next page exists */
  first: number;
  /** the sort key of the last row already seen */
  after: string | null;
  /** count every match too (only when the client selected totalCount) */
  withTotal: boolean;
}

const documentFilter = `($type IS NULL OR d.type = $type OR d.typeCode = $type)
  AND ($issuer IS NULL OR d.issuerKey = $issuer)
  AND ($yearFrom IS NULL OR d.year >= $yearFrom)
  AND ($yearTo IS NULL OR d.year <= $yearTo)
  AND ($ingested IS NULL OR d.ingested = $ingested)`;

/** One page of documents by key (keyset), and the total when asked: one row `rows`, `total`. */
export function documentsPage(filter: DocumentFilterValues, page: PageRequest): CypherQuery {
  const total = page.withTotal
    ? `CALL () {
  MATCH (d:Document)
  WHERE ${documentFilter}
  RETURN count(d) AS total
}`
    : "WITH null AS total";
  return {
    cypher: `${total}
CALL () {
  MATCH (d:Document)
  WHERE ${documentFilter}
    AND ($after IS NULL OR d.key > $after)
  WITH d ORDER BY d.key LIMIT $limit
  RETURN collect(${documentProjection("d")}) AS rows
}
RETURN rows, total`,
    params: {
      type: filter.type ?? null,
      issuer: filter.issuer ?? null,
      yearFrom: filter.yearFrom == null ? null : neo4j.int(filter.yearFrom),
      yearTo: filter.yearTo == null ? null : neo4j.int(filter.yearTo),
      ingested: filter.ingested ?? null,
      after: page.after,
      limit: neo4j.int(page.first + 1),
    },
  };
}

/** Organizations by key: `key`, `organization`. */
export function organizationsByKeys(keys: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (o:Organization {key: key})
RETURN key, o { .key, .name, .kind } AS organization`,
    params: { keys: [...keys] },
  };
}
