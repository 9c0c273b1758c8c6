import { column, listOf, mapOf, stringOf, type PlainValue } from "../../graph/record-mapping.js";
import {
  allProperties,
  neighborhood,
  primaryLabel,
  shortestPath,
  type NodeLabel,
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

/**
 * Global ids of one answer, each computed once: every edge names both its ends, so a neighbourhood
 * of 50 nodes and 150 edges would otherwise encode 350 ids for 50 distinct nodes.
 */
class GlobalIds {
  private readonly known = new Map<string, string>();

  of(label: NodeLabel, key: string): string {
    const name = `${label}:${key}`;
    let id = this.known.get(name);
    if (id === undefined) {
      id = toGlobalId(label, key);
      this.known.set(name, id);
    }
    return id;
  }
}

/**
 * A drawn node. Its id and caption are worked out only if the client selects them (graphql-js reads
 * fields as properties, so a getter runs only for a selected field).
 */
class GraphNode implements GraphNodeRecord {
  readonly label: NodeLabel;
  readonly key: string;
  readonly properties: Record<string, unknown>;

  constructor(
    private readonly map: Record<string, PlainValue>,
    private readonly ids: GlobalIds,
  ) {
    this.label = primaryLabel(map.labels);
    this.key = stringOf(map.key) ?? "";
    // the query blanks a document's source text; drop the key too
    const stored = mapOf(map.properties);
    if (stored) {
      const { sourceText: _omitted, ...properties } = stored;
      void _omitted;
      this.properties = properties;
    } else this.properties = notFetched;
  }

  get id(): string {
    return this.ids.of(this.label, this.key);
  }

  get caption(): string {
    // the projection's list: symbol, code, title, name, the first 80 characters of the text
    const [symbol = null, code = null, title = null, name = null, text = null] = listOf(this.map.caption);
    return captionOf({ symbol, code, title, name, text, key: this.key });
  }
}

/** A drawn edge; its ids are worked out only if selected, as a node's. */
class GraphEdge implements GraphEdgeRecord {
  readonly type: string;
  readonly quote: string | null;
  readonly properties: Record<string, unknown>;

  constructor(
    private readonly map: Record<string, PlainValue>,
    private readonly ids: GlobalIds,
  ) {
    this.type = stringOf(map.type) ?? "";
    this.quote = stringOf(map.quote);
    this.properties = mapOf(map.properties) ?? notFetched;
  }

  get id(): string {
    return Buffer.from(`Edge:${stringOf(this.map.id) ?? ""}`, "utf8").toString("base64url");
  }

  get from(): string {
    return this.ids.of(primaryLabel(this.map.fromLabels), stringOf(this.map.fromKey) ?? "");
  }

  get to(): string {
    return this.ids.of(primaryLabel(this.map.toLabels), stringOf(this.map.toKey) ?? "");
  }
}

/** The nodes and edges of one answer, sharing its global ids. */
function drawing(record: { get(key: string): unknown }): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const ids = new GlobalIds();
  return {
    nodes: listOf(column(record, "nodes")).map((value) => new GraphNode(mapOf(value) ?? {}, ids)),
    edges: listOf(column(record, "edges")).map((value) => new GraphEdge(mapOf(value) ?? {}, ids)),
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
    const depth = boundedInt("maxDepth", maxDepth, limits.defaultPathLength, 1, limits.maxPathLength);
    const [record] = await ctx.graph.read(shortestPath(start, end, depth, drawn));
    if (!record) return null;
    const { nodes, edges } = drawing(record);
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
    const hops = boundedInt("depth", depth, limits.defaultNeighborhoodDepth, 0, limits.maxNeighborhoodDepth);
    const most = boundedInt("limit", limit, limits.defaultNeighborhoodNodes, 1, limits.maxNeighborhoodNodes);
    const [record] = await ctx.graph.read(neighborhood(center, hops, most, drawn));
    if (!record) return { nodes: [], edges: [], truncated: false };
    return { ...drawing(record), truncated: column(record, "truncated") === true };
  },
};
