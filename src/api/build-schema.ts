import "reflect-metadata";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { SystemResolver } from "./resolvers/system.resolver.js";

let cached: Promise<GraphQLSchema> | null = null;

/** The code-first schema; built once per process (type-graphql keeps global metadata). */
export function buildApiSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [SystemResolver],
    validate: false,
  });
  return cached;
}
