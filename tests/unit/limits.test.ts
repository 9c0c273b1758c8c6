import { isObjectType, type GraphQLArgument, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { buildApiSchema } from "../../src/api/build-schema.js";
import type { ApiContext } from "../../src/api/context.js";
import { toGlobalId } from "../../src/api/global-id.js";
import { limits as apiLimits } from "../../src/api/limits.js";
import { documentService } from "../../src/api/services/document.service.js";
import type { DocumentRecord, TaskRecord } from "../../src/api/services/graph-records.js";
import { subgraphService } from "../../src/api/services/subgraph.service.js";
import { taskService } from "../../src/api/services/task.service.js";
import { limits } from "../../src/config/limits.js";
import type { CypherQuery } from "../../src/graph/cypher.js";
import {
  allChainFields,
  directivesDriving,
  neighborhood,
  shortestPath,
  tasksImplementingPages,
} from "../../src/graph/queries/index.js";

// Caps and defaults have one home (src/config/limits.ts); these are the places that must agree
// with it: the schema's defaults and descriptions, the services that apply them, the builders that
// spell them into Cypher.

const count = (text: string, part: string) => text.split(part).length - 1;
/** levels of the breadth-first searches, rings of a neighbourhood, as the builders spell them */
const drivingLevels = (query: CypherQuery) => 1 + count(query.cypher, "CALL (frontier, seen)");
const implementingLevels = (query: CypherQuery) => count(query.cypher, "-[r:IMPLEMENTS]->(y)");
const rings = (query: CypherQuery) => count(query.cypher, "RETURN collect(m) AS ring");
const page = { first: 10, after: null, withTotal: false };

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildApiSchema();
});

function field(type: string, name: string) {
  const object = schema.getType(type);
  if (!isObjectType(object)) throw new Error(`${type} is not an object type`);
  const found = object.getFields()[name];
  if (!found) throw new Error(`${type}.${name} is missing`);
  return found;
}

function argument(type: string, name: string, arg: string): GraphQLArgument {
  const found = field(type, name).args.find((a) => a.name === arg);
  if (!found) throw new Error(`${type}.${name}(${arg}) is missing`);
  return found;
}

describe("the schema documents the caps and defaults of src/config/limits.ts", () => {
  it.each([
    ["Document", "tasksImplementing", "maxDepth", limits.defaultTraversalDepth, limits.maxTraversalDepth],
    ["Task", "directivesDriving", "maxDepth", limits.defaultTraversalDepth, limits.maxTraversalDepth],
    ["Query", "path", "maxDepth", limits.defaultPathLength, limits.maxPathLength],
    ["Query", "neighborhood", "depth", limits.defaultNeighborhoodDepth, limits.maxNeighborhoodDepth],
    ["Query", "neighborhood", "limit", limits.defaultNeighborhoodNodes, limits.maxNeighborhoodNodes],
  ])("%s.%s(%s): default %i, at most %i", (type, name, arg, byDefault, most) => {
    expect(argument(type, name, arg).defaultValue).toBe(byDefault);
    const said = `${argument(type, name, arg).description ?? ""} ${field(type, name).description ?? ""}`;
    expect(said).toContain(`at most ${most}`);
  });

  it.each([
    ["Query", "documents"],
    ["Query", "search"],
    ["Document", "citedBy"],
    ["Document", "tasksImplementing"],
  ])("%s.%s(first): default and cap of a page", (type, name) => {
    expect(argument(type, name, "first").description).toContain(
      `default ${limits.defaultPageSize}, at most ${limits.maxPageSize}`,
    );
  });

  it("the API's limits are the shared ones", () => {
    expect(apiLimits).toMatchObject(limits);
  });
});

describe("the services apply those defaults and caps", () => {
  const task = { key: "D#1", documentKey: "D" } as TaskRecord;
  const document = { key: "D" } as DocumentRecord;

  function recordingContext() {
    const asked: { depths: number[]; queries: CypherQuery[] } = { depths: [], queries: [] };
    const loader = { load: async () => ({ rows: [], total: 0 }) };
    const ctx = {
      graph: {
        read: async (query: CypherQuery) => {
          asked.queries.push(query);
          return [];
        },
      },
      loaders: {
        driversOf: (depth: number) => {
          asked.depths.push(depth);
          return { load: async () => [] };
        },
        implementingOf: (request: { maxDepth: number }) => {
          asked.depths.push(request.maxDepth);
          return loader;
        },
      },
    } as unknown as ApiContext;
    return { ctx, asked };
  }

  it("directivesDriving and tasksImplementing: default depth when absent, capped above", async () => {
    const { ctx, asked } = recordingContext();
    await taskService.directivesDriving(ctx, task, null, allChainFields);
    await taskService.directivesDriving(ctx, task, 99, allChainFields);
    const transitive = { transitive: true };
    const args = { withTotal: false, via: allChainFields };
    await documentService.tasksImplementing(ctx, document, { ...transitive, maxDepth: null }, args);
    await documentService.tasksImplementing(ctx, document, { ...transitive, maxDepth: 99 }, args);
    expect(asked.depths).toEqual([
      limits.defaultTraversalDepth,
      limits.maxTraversalDepth,
      limits.defaultTraversalDepth,
      limits.maxTraversalDepth,
    ]);
  });

  it("path and neighborhood: default length, depth and size when absent, capped above", async () => {
    const { ctx, asked } = recordingContext();
    const a = toGlobalId("Document", "A");
    const b = toGlobalId("Document", "B");
    await subgraphService.path(ctx, a, b, null);
    await subgraphService.path(ctx, a, b, 99);
    await subgraphService.neighborhood(ctx, a, null, null);
    await subgraphService.neighborhood(ctx, a, 99, 99_999);
    const [byDefault, capped, near, wide] = asked.queries.map((q) => q.params);
    expect(Number(byDefault?.maxDepth)).toBe(limits.defaultPathLength);
    expect(Number(capped?.maxDepth)).toBe(limits.maxPathLength);
    expect([Number(near?.depth), Number(near?.limit)]).toEqual([
      limits.defaultNeighborhoodDepth,
      limits.defaultNeighborhoodNodes,
    ]);
    expect([Number(wide?.depth), Number(wide?.limit)]).toEqual([
      limits.maxNeighborhoodDepth,
      limits.maxNeighborhoodNodes,
    ]);
  });
});

describe("the builders spell the caps into Cypher", () => {
  it("traversals: a level per hop, never more than maxTraversalDepth", () => {
    expect(drivingLevels(directivesDriving(["t"], 2))).toBe(2);
    expect(drivingLevels(directivesDriving(["t"], 99))).toBe(limits.maxTraversalDepth);
    expect(implementingLevels(tasksImplementingPages(["d"], { ...page, maxDepth: 2 }))).toBe(2);
    expect(implementingLevels(tasksImplementingPages(["d"], { ...page, maxDepth: 99 }))).toBe(
      limits.maxTraversalDepth,
    );
  });

  it("path and neighborhood: the pattern's bound and the rings", () => {
    const from = { label: "Document" as const, key: "A" };
    const path = shortestPath(from, { label: "Document", key: "B" }, 99);
    expect(path.cypher).toContain(`[*0..${limits.maxPathLength}]`);
    expect(Number(path.params.maxDepth)).toBe(limits.maxPathLength);
    const around = neighborhood(from, 99, 99_999);
    expect(rings(around)).toBe(limits.maxNeighborhoodDepth);
    expect(Number(around.params.limit)).toBe(limits.maxNeighborhoodNodes);
  });

  it("follow a changed cap: the builders read limits.ts, not a copy", async () => {
    vi.resetModules();
    vi.doMock("../../src/config/limits.js", () => ({
      limits: { ...limits, maxTraversalDepth: 8, maxPathLength: 4, maxNeighborhoodDepth: 2 },
    }));
    try {
      const moved = await import("../../src/graph/queries/index.js");
      expect(drivingLevels(moved.directivesDriving(["t"], 99))).toBe(8);
      expect(implementingLevels(moved.tasksImplementingPages(["d"], { ...page, maxDepth: 99 }))).toBe(8);
      const from = { label: "Document" as const, key: "A" };
      expect(moved.shortestPath(from, from, 99).cypher).toContain("[*0..4]");
      expect(rings(moved.neighborhood(from, 99, 10))).toBe(2);
    } finally {
      vi.doUnmock("../../src/config/limits.js");
      vi.resetModules();
    }
  });
});
