import { Field, ID, Int, ObjectType } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";

@ObjectType("GraphNode", {
  simpleResolvers: true,
  description: "A node to draw",
})
export class GraphNodeType {
  @Field(() => ID, { description: "Global id (refetch Documents, Tasks and Organizations with node(id:))" })
  id!: string;
  @Field(() => String, { description: "Document, Task, Organization, Target or NamedDocument" })
  label!: string;
  @Field(() => String) key!: string;
  @Field(() => String, { description: "A short text to show: symbol, code and title, or name" })
  caption!: string;
  @Field(() => GraphQLJSONObject, { description: "Every stored property but a document's source text" })
  properties!: Record<string, unknown>;
}

@ObjectType("GraphEdge", {
  simpleResolvers: true,
  description: "A relationship to draw, between two GraphNode ids",
})
export class GraphEdgeType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "HAS_TASK, IN_DOCUMENT, IMPLEMENTS, CITES, ISSUED_BY, …" })
  type!: string;
  @Field(() => ID, { description: "id of the start node" }) from!: string;
  @Field(() => ID, { description: "id of the end node" }) to!: string;
  @Field(() => String, { nullable: true, description: "The quote, for IMPLEMENTS and REFERS_TO" }) quote!:
    string | null;
  @Field(() => GraphQLJSONObject, { description: "Every stored property" }) properties!: Record<
    string,
    unknown
  >;
}

@ObjectType("GraphPath", {
  simpleResolvers: true,
  description: "A shortest path: nodes in order, and the edges between consecutive ones",
})
export class GraphPathType {
  @Field(() => Int, { description: "Number of edges" }) length!: number;
  @Field(() => [GraphNodeType]) nodes!: GraphNodeType[];
  @Field(() => [GraphEdgeType]) edges!: GraphEdgeType[];
}

@ObjectType("Subgraph", {
  simpleResolvers: true,
  description: "Nodes around a centre and every edge between them, ready to draw",
})
export class SubgraphType {
  @Field(() => [GraphNodeType], { description: "Nearest first; the centre is the first" })
  nodes!: GraphNodeType[];
  @Field(() => [GraphEdgeType]) edges!: GraphEdgeType[];
  @Field(() => Boolean, { description: "true when the limit left nodes within reach out" })
  truncated!: boolean;
}
