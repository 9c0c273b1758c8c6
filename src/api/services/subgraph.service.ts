import { column, listOf, mapOf, stringOf, type PlainValue } from "../../graph/record-mapping.js";
import {
  allProperties,
  neighborhood,
  primaryLabel,
  shortestPath,
  type DrawnProperties,
} from "../../graph/queries/index.js";
import type { ApiContext } from "../context.js";
import { fromGlobalId, toGlobalId } from "../global-id.js";
import { boundedInt, limits } from "../limits.js";

export interface GraphNodeRecord {
  id: string;
  label: string;
  key: string;
  caption: string;
  properties: Record<string, unknown>;
}

export interface GraphEdgeRecord {
  id: string;
  type: string;
  from: string;
  to: string;
  quote: string | null;
  properties: Record<string, unknown>;
}

/** What to write on a drawn node: a document's symbol, a task's code and title, a name. */
export function captionOf(properties: Record<string, PlainValue>): string {
  const code = stringOf(properties.code);
  return (
    stringOf(properties.symbol) ??
    (code ? `${code} ${stringOf(properties.title) ?? ""}`.trim() : null) ??
    stringOf(properties.name) ??
    stringOf(properties.title) ??
    stringOf(properties.text)?.slice(0, 80) ??
    stringOf(properties.key) ??
    ""
  );
}

/** Not fetched when the client did not select them (then never shown either). */
const notFetched: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

function toGraphNode(value: PlainValue): GraphNodeRecord {
  const map = mapOf(value) ?? {};
  // the query blanks a document's source text; drop the key too
  const { sourceText: _omitted, ...properties } = mapOf(map.properties) ?? notFetched;
  void _omitted;
  const label = primaryLabel(map.labels);
  const key = stringOf(map.key) ?? "";
  return {
    id: toGlobalId(label, key),
    label,
    key,
    caption: captionOf(map),
    properties: map.properties ? properties : notFetched,
  };
}

function toGraphEdge(value: PlainValue): GraphEdgeRecord {
  const map = mapOf(value) ?? {};
  const properties = mapOf(map.properties) ?? notFetched;
  return {
    id: Buffer.from(`Edge:${stringOf(map.id) ?? ""}`, "utf8").toString("base64url"),
    type: stringOf(map.type) ?? "",
    from: toGlobalId(primaryLabel(map.fromLabels), stringOf(map.fromKey) ?? ""),
    to: toGlobalId(primaryLabel(map.toLabels), stringOf(map.toKey) ?? ""),
    quote: stringOf(map.quote),
    properties,
  };
}

/** Paths and neighbourhoods as nodes and edges, for drawing. */
export const subgraphService = {
  async path(
    ctx: ApiContext,
    from: string,
    to: string,
    maxDepth: number | null,
    drawn: DrawnProperties = allProperties,
  ) {
    const start = fromGlobalId(from);
    const end = fromGlobalId(to);
    const depth = boundedInt("maxDepth", maxDepth, 6, 1, limits.maxPathLength);
    const [record] = await ctx.graph.read(shortestPath(start, end, depth, drawn));
    if (!record) return null;
    const nodes = listOf(column(record, "nodes")).map(toGraphNode);
    const edges = listOf(column(record, "edges")).map(toGraphEdge);
    return { length: edges.length, nodes, edges };
  },

  async neighborhood(
    ctx: ApiContext,
    id: string,
    depth: number | null,
    limit: number | null,
    drawn: DrawnProperties = allProperties,
  ) {
    const center = fromGlobalId(id);
    const hops = boundedInt("depth", depth, 1, 0, limits.maxNeighborhoodDepth);
    const most = boundedInt("limit", limit, 200, 1, limits.maxNeighborhoodNodes);
    const [record] = await ctx.graph.read(neighborhood(center, hops, most, drawn));
    if (!record) return { nodes: [], edges: [], truncated: false };
    return {
      nodes: listOf(column(record, "nodes")).map(toGraphNode),
      edges: listOf(column(record, "edges")).map(toGraphEdge),
      truncated: column(record, "truncated") === true,
    };
  },
};
