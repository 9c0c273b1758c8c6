import { Field, ID, InterfaceType } from "type-graphql";

/** Anything with a global id, refetchable through `node(id:)`. */
@InterfaceType("Node", {
  description: "Anything with a global id; refetch it with node(id:)",
  resolveType: (value: { typename?: string }) => value.typename,
})
export abstract class NodeInterface {
  @Field(() => ID, { description: "Global id: opaque, stable; pass it to node(id:), path and neighborhood" })
  id!: string;
}
