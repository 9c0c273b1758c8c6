import { Field, ID, Int, ObjectType } from "type-graphql";
import { NodeInterface } from "./node.type.js";

@ObjectType("Task", {
  simpleResolvers: true,
  implements: NodeInterface,
  description: "A heading or item of an ingested document's task tree",
})
export class TaskType implements NodeInterface {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "Key: documentKey#code" }) key!: string;
  @Field(() => String, {
    description: "Hierarchical code, e.g. II.2.1; preamble for the text before the first heading",
  })
  code!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: "Body text of this node alone, without its children" }) text!: string;
  @Field(() => Int, { nullable: true }) level!: number | null;
  @Field(() => Int, { nullable: true, description: "Order among siblings, from 0" }) order!: number | null;
  @Field(() => String, { nullable: true, description: "section | heading | item | …" }) kind!: string | null;
  @Field(() => Int, { nullable: true, description: "Start of the node in the source text (UTF-16 offset)" })
  start!: number | null;
  @Field(() => Int, { nullable: true, description: "End of the node in the source text (exclusive)" }) end!:
    number | null;
}
