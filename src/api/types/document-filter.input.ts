import { Field, InputType, Int } from "type-graphql";
import { limits } from "../limits.js";

@InputType("DocumentFilter", { description: "Every field given must hold (AND)" })
export class DocumentFilterInput {
  @Field(() => String, {
    nullable: true,
    description: `Type name (Nghị quyết) or code (NQ); at most ${limits.maxFilterChars} characters`,
  })
  type?: string | null;
  @Field(() => String, {
    nullable: true,
    description: `Issuer key, e.g. chinh-phu, tinh-uy-quang-ninh; at most ${limits.maxFilterChars} characters`,
  })
  issuer?: string | null;
  @Field(() => Int, { nullable: true, description: "Year at least" }) yearFrom?: number | null;
  @Field(() => Int, { nullable: true, description: "Year at most" }) yearTo?: number | null;
  @Field(() => Boolean, { nullable: true, description: "true: ingested documents only; false: stubs only" })
  ingested?: boolean | null;
}
