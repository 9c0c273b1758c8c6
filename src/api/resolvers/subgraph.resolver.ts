import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, Query, Resolver } from "type-graphql";
import type { DrawnProperties } from "../../graph/queries/index.js";
import { selectsPath } from "../selection.js";
import { NeighborhoodArgs, PathArgs } from "../types/arguments.args.js";
import type { ApiContext } from "../context.js";
import { limits } from "../limits.js";
import { subgraphService } from "../services/subgraph.service.js";
import { GraphPathType, SubgraphType } from "../types/subgraph.type.js";

@Resolver()
export class SubgraphResolver {
  @Query(() => GraphPathType, {
    nullable: true,
    description: `The shortest path between two nodes over any relationship, either direction, at most maxDepth edges (at most ${limits.maxPathLength}); null when there is none`,
  })
  path(
    @Args(() => PathArgs) { from, to, maxDepth }: PathArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return subgraphService.path(ctx, from, to, maxDepth ?? null, drawnProperties(info));
  }

  @Query(() => SubgraphType, {
    description: `The nodes within depth hops (at most ${limits.maxNeighborhoodDepth}) of a node, nearest first, at most limit (at most ${limits.maxNeighborhoodNodes}), and every edge between them; empty when the id is unknown`,
  })
  neighborhood(
    @Args(() => NeighborhoodArgs) { id, depth, limit }: NeighborhoodArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return subgraphService.neighborhood(ctx, id, depth ?? null, limit ?? null, drawnProperties(info));
  }
}

/** Stored properties, captions and edge ids travel from Neo4j only when the client selected them. */
function drawnProperties(info: GraphQLResolveInfo): DrawnProperties {
  return {
    nodeProperties: selectsPath(info, ["nodes", "properties"]),
    edgeProperties: selectsPath(info, ["edges", "properties"]),
    captions: selectsPath(info, ["nodes", "caption"]),
    edgeIds: selectsPath(info, ["edges", "id"]),
  };
}
