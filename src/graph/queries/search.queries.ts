import neo4j from "neo4j-driver";
import type { CypherQuery } from "../cypher.js";
import { documentProjection, taskProjection } from "./projections.js";

/** The full-text index created by the migrations (standard-folding: diacritics fold away). */
export const SEARCH_INDEX = "cancu_search";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

const LUCENE_OPERATOR = /^(AND|OR|NOT)$/;

/** Escapes one user word so Lucene reads it literally (operator words lower-cased: they are words here). */
export function escapeLucene(word: string): string {
  const literal = LUCENE_OPERATOR.test(word) ? word.toLowerCase() : word;
  return literal.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Turns what a person types into a Lucene query: every word must occur (in any form the analyzer
 * folds to the same token), and the exact phrase ranks higher. Returns null when nothing is left.
 */
export function luceneQuery(text: string): string | null {
  const words = text
    .split(/\s+/u)
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
  if (words.length === 0) return null;
  const all = words.map(escapeLucene).join(" AND ");
  if (words.length === 1) return all;
  const phrase = words.map((word) => word.replace(/["\\]/g, (c) => `\\${c}`)).join(" ");
  return `"${phrase}"^4 OR (${all})`;
}

export interface SearchPageRequest {
  first: number;
  /** the last (score, key) already seen: results are ordered by score, then key */
  after: { score: number; key: string } | null;
  withTotal: boolean;
}

/** One page of full-text hits over tasks and documents: one row `rows`, `total`. */
export function searchPage(lucene: string, page: SearchPageRequest): CypherQuery {
  const total = page.withTotal
    ? `CALL () {
  CALL db.index.fulltext.queryNodes($index, $query) YIELD node
  RETURN count(node) AS total
}`
    : "WITH null AS total";
  return {
    cypher: `${total}
CALL () {
  CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
  WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND node.key > $afterKey)
  WITH node, score ORDER BY score DESC, node.key LIMIT $limit
  RETURN collect({
    score: score,
    task: CASE WHEN node:Task THEN ${taskProjection("node")} END,
    document: CASE WHEN node:Document THEN ${documentProjection("node")} END
  }) AS rows
}
RETURN rows, total`,
    params: {
      index: SEARCH_INDEX,
      query: lucene,
      afterScore: page.after?.score ?? null,
      afterKey: page.after?.key ?? null,
      limit: neo4j.int(page.first + 1),
    },
  };
}
