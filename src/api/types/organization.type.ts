import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { limits } from "../limits.js";
import { DateScalar } from "./date.scalar.js";
import { NodeInterface } from "./node.type.js";

@ObjectType("Organization", {
  simpleResolvers: true,
  implements: NodeInterface,
  description: "An issuing or assigned body",
})
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

// Arguments of the organization fields (#20). String caps: limits.ts, stringInputCaps.
const atMost = (chars: number) => `at most ${chars.toLocaleString("en-US")} characters`;
const pageDescription = `Page size (default ${limits.defaultPageSize}, at most ${limits.maxPageSize}: larger values are capped)`;
const afterDescription = `The endCursor of the previous page (${atMost(limits.maxCursorChars)})`;

/** How many bodies `Organization.children` lists at most. */
export const MAX_ORGANIZATION_CHILDREN = 100;

@ArgsType()
export class OrganizationLookupArgs {
  @Field(() => String, {
    description: `Its key, e.g. uy-ban-nhan-dan-tinh-quang-ninh (${atMost(limits.maxCodeChars)})`,
  })
  key!: string;
}

@ArgsType()
export class OrganizationsArgs {
  @Field(() => String, {
    nullable: true,
    description: `Words its key, name or a printed name must hold, with or without diacritics ("ubnd quang ninh") (${atMost(limits.maxSearchChars)})`,
  })
  search?: string | null;
  @Field(() => String, {
    nullable: true,
    description: `Only bodies of this province, as the graph writes it ("Quảng Ninh") (${atMost(limits.maxFilterChars)})`,
  })
  province?: string | null;
  @Field(() => Int, { nullable: true, description: pageDescription }) first?: number | null;
  @Field(() => String, { nullable: true, description: afterDescription }) after?: string | null;
}

@InputType("DueRange", { description: "Days a deadline's last day must fall in (both included)" })
export class DueRangeInput {
  @Field(() => DateScalar, { nullable: true, description: "First day; open when left out" })
  from?: string | null;
  @Field(() => DateScalar, { nullable: true, description: "Last day; open when left out" })
  to?: string | null;
}

@ArgsType()
export class OrganizationAssignmentsArgs {
  @Field(() => Int, { nullable: true, description: pageDescription }) first?: number | null;
  @Field(() => String, { nullable: true, description: afterDescription }) after?: string | null;
  @Field(() => DueRangeInput, {
    nullable: true,
    description: "Only assignments with a deadline in this range (the assignment's own, else its task's)",
  })
  due?: DueRangeInput | null;
}

@ArgsType()
export class OrganizationChildrenArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: MAX_ORGANIZATION_CHILDREN,
    description: `How many, by key (at most ${MAX_ORGANIZATION_CHILDREN}: larger values are capped)`,
  })
  first?: number | null;
}
