import "reflect-metadata";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import {
  CitationConnectionResolver,
  DocumentConnectionResolver,
  SearchConnectionResolver,
  TaskConnectionResolver,
  DrivingDirectiveConnectionResolver,
} from "./resolvers/connection.resolver.js";
import { DocumentResolver } from "./resolvers/document.resolver.js";
import { IngestResolver } from "./resolvers/ingest.resolver.js";
import { NodeResolver } from "./resolvers/node.resolver.js";
import { OrganizationResolver } from "./resolvers/organization.resolver.js";
import { ReferenceResolver } from "./resolvers/reference.resolver.js";
import { RelationResolver, StatusStatementResolver } from "./resolvers/relation.resolver.js";
import {
  AssignmentResolver,
  DocumentImplementersResolver,
  DocumentTargetsResolver,
  ImplementationProofResolver,
  ImplementerConnectionResolver,
  TargetResolver,
  TaskDutyResolver,
  TasksDueResolver,
  TargetsResolver,
} from "./resolvers/duty.resolver.js";
import { SearchResolver } from "./resolvers/search.resolver.js";
import { SubgraphResolver } from "./resolvers/subgraph.resolver.js";
import { SystemResolver } from "./resolvers/system.resolver.js";
import { CitationResolver, DrivingDirectiveResolver, TaskResolver } from "./resolvers/task.resolver.js";
import { OrganizationType } from "./types/organization.type.js";

let cached: Promise<GraphQLSchema> | null = null;

/** The code-first schema; built once per process (type-graphql keeps global metadata). */
export function buildApiSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      NodeResolver,
      DocumentResolver,
      TaskResolver,
      CitationResolver,
      DrivingDirectiveResolver,
      DocumentConnectionResolver,
      CitationConnectionResolver,
      TaskConnectionResolver,
      DrivingDirectiveConnectionResolver,
      SearchConnectionResolver,
      SearchResolver,
      SubgraphResolver,
      ReferenceResolver,
      RelationResolver,
      StatusStatementResolver,
      TaskDutyResolver,
      DocumentTargetsResolver,
      DocumentImplementersResolver,
      ImplementerConnectionResolver,
      ImplementationProofResolver,
      TargetResolver,
      AssignmentResolver,
      TasksDueResolver,
      TargetsResolver,
      OrganizationResolver,
      IngestResolver,
      SystemResolver,
    ],
    // Organization is reachable only through the Node interface and Document.issuer: list it so node(id:) can return it.
    orphanedTypes: [OrganizationType],
    validate: false,
  });
  return cached;
}
