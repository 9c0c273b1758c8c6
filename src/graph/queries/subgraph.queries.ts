import neo4j from "neo4j-driver";
import { limits } from "../../config/limits.js";
import type { CypherQuery } from "../cypher.js";
import {
  allProperties,
  graphEdgeProjection,
  graphNodeProjection,
  NODE_LABELS,
  type DrawnProperties,
  type NodeLabel,
} from "./projections.js";

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
 * most `maxDepth` long (capped at limits.maxPathLength, the pattern's constant bound): one row
 * `nodes`, `edges`, or no row. (shortestPath() runs a bidirectional breadth-first search; on 5.26
 * `SHORTEST 1` over an undirected pattern enumerated trails instead.)
 */
export function shortestPath(
  from: NodeRef,
  to: NodeRef,
  maxDepth: number,
  drawn: DrawnProperties = allProperties,
): CypherQuery {
  return {
    cypher: `MATCH (a:${checkedLabel(from.label)} {key: $fromKey}), (b:${checkedLabel(to.label)} {key: $toKey})
MATCH p = shortestPath((a)-[*0..${limits.maxPathLength}]-(b))
WHERE none(n IN nodes(p) WHERE n:SourceFile)
WITH p WHERE length(p) <= $maxDepth
RETURN [n IN nodes(p) | ${graphNodeProjection("n")}] AS nodes,
       [r IN relationships(p) | ${graphEdgeProjection("r")}] AS edges`,
    params: {
      fromKey: from.key,
      toKey: to.key,
      maxDepth: neo4j.int(Math.min(maxDepth, limits.maxPathLength)),
      ...drawn,
    },
  };
}

/** Ring `n` of a neighbourhood: the nodes next to ring n-1 that no earlier ring holds. */
const ring = (n: number, previous: string[]): string => `CALL (center, ${previous.join(", ")}) {
  UNWIND ring${n - 1} AS x
  MATCH (x)--(m)
  WHERE $depth >= ${n} AND m <> center AND NOT m:SourceFile${previous
    .slice(1)
    .map((r) => ` AND NOT m IN ${r}`)
    .join("")}
  WITH DISTINCT m ORDER BY m.key LIMIT $ringLimit
  RETURN collect(m) AS ring${n}
}`;

/**
 * The nodes within `depth` hops of a node, ring by ring (breadth first, each ring by key and cut
 * at limit + 1 so a hub cannot flood it), at most `limit` (capped at limits.maxNeighborhoodNodes), and every relationship between them:
 * one row `nodes`, `edges`, `truncated`, or none when the node is unknown. The statement is written
 * with limits.maxNeighborhoodDepth rings (one shape, planned once); `$depth` turns the outer ones off.
 */
export function neighborhood(
  center: NodeRef,
  depth: number,
  limit: number,
  drawn: DrawnProperties = allProperties,
): CypherQuery {
  const most = Math.min(limit, limits.maxNeighborhoodNodes);
  const rings: string[] = ["ring0"];
  const calls: string[] = [];
  for (let n = 1; n <= limits.maxNeighborhoodDepth; n++) {
    calls.push(ring(n, rings));
    rings.push(`ring${n}`);
  }
  return {
    cypher: `MATCH (center:${checkedLabel(center.label)} {key: $key})
WITH center, [center] AS ring0
${calls.join("\n")}
WITH ${rings.join(" + ")} AS reached
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
      depth: neo4j.int(Math.min(depth, limits.maxNeighborhoodDepth)),
      limit: neo4j.int(most),
      ringLimit: neo4j.int(most + 1),
      ...drawn,
    },
  };
}
