import { Field, ID, ObjectType } from "type-graphql";
import { NodeInterface } from "./node.type.js";

@ObjectType("Organization", { implements: NodeInterface, description: "An issuing or assigned body" })
export class OrganizationType implements NodeInterface {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "Stable key, e.g. chinh-phu, tinh-uy-quang-ninh" }) key!: string;
  @Field(() => String) name!: string;
  @Field(() => String, {
    nullable: true,
    description: "party | state | legislature | council | ministry | other",
  })
  kind!: string | null;
}
