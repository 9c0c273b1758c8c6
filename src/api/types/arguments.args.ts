import { ArgsType, Field, ID, Int } from "type-graphql";
import { DocumentFilterInput } from "./document-filter.input.js";
import { DateScalar } from "./date.scalar.js";
import { limits } from "../limits.js";

// String caps (limits.ts, stringInputCaps) are checked before an operation runs: a longer value is
// BAD_USER_INPUT and nothing runs. Each is said in the argument's description.
const atMost = (chars: number) => `at most ${chars.toLocaleString("en-US")} characters`;
const pageDescription = `Page size (default ${limits.defaultPageSize}, at most ${limits.maxPageSize}: larger values are capped)`;
const afterDescription = `The endCursor of the previous page (${atMost(limits.maxCursorChars)})`;
const idDescription = (what: string) => `${what} (${atMost(limits.maxIdChars)})`;

// Argument classes keep the arguments in the order clients read them in the schema
// (type-graphql lists separate @Arg parameters last-first).

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: pageDescription }) first?: number | null;
  @Field(() => String, { nullable: true, description: afterDescription }) after?: string | null;
}

@ArgsType()
export class DocumentLookupArgs {
  @Field(() => String, {
    description: `The symbol as a person types it (${atMost(limits.maxSymbolChars)})`,
  })
  symbol!: string;
  @Field(() => Int, { nullable: true, description: "Tells apart documents that share a symbol" }) year?:
    number | null;
}

@ArgsType()
export class DocumentsArgs {
  @Field(() => DocumentFilterInput, { nullable: true }) filter?: DocumentFilterInput | null;
  @Field(() => Int, { nullable: true, description: pageDescription }) first?: number | null;
  @Field(() => String, { nullable: true, description: afterDescription }) after?: string | null;
}

@ArgsType()
export class TasksImplementingArgs {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Also through ingested documents in between",
  })
  transitive?: boolean | null;
  @Field(() => Int, {
    nullable: true,
    defaultValue: limits.defaultTraversalDepth,
    description: `Hops when transitive (at most ${limits.maxTraversalDepth}: larger values are capped)`,
  })
  maxDepth?: number | null;
  @Field(() => Int, { nullable: true, description: pageDescription }) first?: number | null;
  @Field(() => String, { nullable: true, description: afterDescription }) after?: string | null;
}

@ArgsType()
export class DirectivesDrivingArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: limits.defaultTraversalDepth,
    description: `Hops (at most ${limits.maxTraversalDepth}: larger values are capped)`,
  })
  maxDepth?: number | null;
  @Field(() => Int, { nullable: true, description: pageDescription }) first?: number | null;
  @Field(() => String, { nullable: true, description: afterDescription }) after?: string | null;
}

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description: `Words to find, with or without diacritics (${atMost(limits.maxSearchChars)})`,
  })
  text!: string;
  @Field(() => Int, { nullable: true, description: pageDescription }) first?: number | null;
  @Field(() => String, { nullable: true, description: afterDescription }) after?: string | null;
}

@ArgsType()
export class PathArgs {
  @Field(() => ID, { description: idDescription("Global id of the first node") }) from!: string;
  @Field(() => ID, { description: idDescription("Global id of the last node") }) to!: string;
  @Field(() => Int, {
    nullable: true,
    defaultValue: limits.defaultPathLength,
    description: `Longest path wanted (at most ${limits.maxPathLength}: larger values are capped)`,
  })
  maxDepth?: number | null;
}

@ArgsType()
export class NeighborhoodArgs {
  @Field(() => ID, { description: idDescription("Global id of the centre") }) id!: string;
  @Field(() => Int, {
    nullable: true,
    defaultValue: limits.defaultNeighborhoodDepth,
    description: `Hops from the node (at most ${limits.maxNeighborhoodDepth}: larger values are capped)`,
  })
  depth?: number | null;
  @Field(() => Int, {
    nullable: true,
    defaultValue: limits.defaultNeighborhoodNodes,
    description: `Most nodes returned (at most ${limits.maxNeighborhoodNodes}: larger values are capped)`,
  })
  limit?: number | null;
}

@ArgsType()
export class IngestArgs {
  @Field(() => String, {
    description: `The document's full text (${atMost(limits.maxIngestChars)}, the loader's limit)`,
  })
  text!: string;
  @Field(() => String, {
    nullable: true,
    description: `A file name to remember it by (${atMost(limits.maxSourceNameChars)})`,
  })
  sourceName?: string | null;
}

@ArgsType()
export class TasksDueArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: "First day of the range (included); open when left out",
  })
  from?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the range (included); open when left out",
  })
  to?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: idDescription("Only tasks assigned to this organization (global id)"),
  })
  organization?: string | null;
  @Field(() => Int, { nullable: true, description: pageDescription }) first?: number | null;
  @Field(() => String, { nullable: true, description: afterDescription }) after?: string | null;
}

@ArgsType()
export class TargetsArgs {
  @Field(() => String, {
    nullable: true,
    description: `An indicator's key (grdp-growth, budget-revenue, urbanisation-rate …: TargetIndicator.key; ${atMost(limits.maxCodeChars)}); left out, every target whose indicator is named`,
  })
  indicator?: string | null;
  @Field(() => Int, { nullable: true, description: "Only targets for this year" }) year?: number | null;
  @Field(() => String, {
    nullable: true,
    description: `Only targets of documents of this province, as documents name it: Quảng Ninh (${atMost(limits.maxFilterChars)})`,
  })
  province?: string | null;
  @Field(() => Int, { nullable: true, description: pageDescription }) first?: number | null;
  @Field(() => String, { nullable: true, description: afterDescription }) after?: string | null;
}
