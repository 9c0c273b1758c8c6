import neo4j from "neo4j-driver";
import type { CypherQuery } from "../cypher.js";
import {
  allProperties,
  graphEdgeProjection,
  graphNodeProjection,
  NODE_LABELS,
  type DrawnProperties,
  type NodeLabel,
} from "./projections.js";

/** The longest path `path` looks for, and the widest neighbourhood: quantifier bounds are constants. */
export const MAX_PATH_LENGTH = 10;
/** The rings `neighborhood` is written with. */
export const MAX_NEIGHBORHOOD_DEPTH = 3;

/** Labels come from a closed list (never from user text), so they may stand in the Cypher text. */
function checkedLabel(label: NodeLabel): NodeLabel {
  if (!NODE_LABELS.includes(label)) throw new Error(`unknown node label ${String(label)}`);
  return label;
}

export interface NodeRef {
  label: NodeLabel;
  key: string;
}

/**
 * The shortest path between two nodes over any relationship, in either direction, if it is at
 * most `maxDepth` long: one row `nodes`, `edges`, or no row. (shortestPath() runs a bidirectional
 * breadth-first search; on 5.26 `SHORTEST 1` over an undirected pattern enumerated trails instead.)
 */
export function shortestPath(
  from: NodeRef,
  to: NodeRef,
  maxDepth: number,
  drawn: DrawnProperties = allProperties,
): CypherQuery {
  return {
    cypher: `MATCH (a:${checkedLabel(from.label)} {key: $fromKey}), (b:${checkedLabel(to.label)} {key: $toKey})
MATCH p = shortestPath((a)-[*0..${MAX_PATH_LENGTH}]-(b))
WITH p WHERE length(p) <= $maxDepth
RETURN [n IN nodes(p) | ${graphNodeProjection("n")}] AS nodes,
       [r IN relationships(p) | ${graphEdgeProjection("r")}] AS edges`,
    params: { fromKey: from.key, toKey: to.key, maxDepth: neo4j.int(maxDepth), ...drawn },
  };
}

const ring = (n: number, previous: string[]): string => `CALL (center, ${previous.join(", ")}) {
  UNWIND ring${n - 1} AS x
  MATCH (x)--(m)
  WHERE $depth >= ${n} AND m <> center${previous
    .slice(1)
    .map((r) => ` AND NOT m IN ${r}`)
    .join("")}
  WITH DISTINCT m ORDER BY m.key LIMIT $ringLimit
  RETURN collect(m) AS ring${n}
}`;

/**
 * The nodes within `depth` hops of a node, ring by ring (breadth first, each ring by key and cut
 * at limit + 1 so a hub cannot flood it), at most `limit`, and every relationship between them:
 * one row `nodes`, `edges`, `truncated`, or none when the node is unknown.
 */
export function neighborhood(
  center: NodeRef,
  depth: number,
  limit: number,
  drawn: DrawnProperties = allProperties,
): CypherQuery {
  return {
    cypher: `MATCH (center:${checkedLabel(center.label)} {key: $key})
WITH center, [center] AS ring0
${ring(1, ["ring0"])}
${ring(2, ["ring0", "ring1"])}
${ring(3, ["ring0", "ring1", "ring2"])}
WITH ring0 + ring1 + ring2 + ring3 AS reached
WITH reached[0..$limit] AS kept, size(reached) > $limit AS truncated
CALL (kept) {
  UNWIND kept AS x
  MATCH (x)-[r]->(y)
  WHERE y IN kept
  RETURN collect(${graphEdgeProjection("r")}) AS edges
}
RETURN [n IN kept | ${graphNodeProjection("n")}] AS nodes, edges, truncated`,
    params: {
      key: center.key,
      depth: neo4j.int(depth),
      limit: neo4j.int(limit),
      ringLimit: neo4j.int(limit + 1),
      ...drawn,
    },
  };
}
