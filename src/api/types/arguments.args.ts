import { ArgsType, Field, ID, Int } from "type-graphql";
import { DocumentFilterInput } from "./document-filter.input.js";

// Argument classes keep the arguments in the order clients read them in the schema
// (type-graphql lists separate @Arg parameters last-first).

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "Page size (default 20, at most 100)" }) first?:
    number | null;
  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" }) after?:
    string | null;
}

@ArgsType()
export class DocumentLookupArgs {
  @Field(() => String, { description: "The symbol as a person types it" }) symbol!: string;
  @Field(() => Int, { nullable: true, description: "Tells apart documents that share a symbol" }) year?:
    number | null;
}

@ArgsType()
export class DocumentsArgs {
  @Field(() => DocumentFilterInput, { nullable: true }) filter?: DocumentFilterInput | null;
  @Field(() => Int, { nullable: true, description: "Page size (default 20, at most 100)" }) first?:
    number | null;
  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" }) after?:
    string | null;
}

@ArgsType()
export class TasksImplementingArgs {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Also through ingested documents in between",
  })
  transitive?: boolean | null;
  @Field(() => Int, { nullable: true, defaultValue: 3, description: "Hops when transitive (at most 6)" })
  maxDepth?: number | null;
  @Field(() => Int, { nullable: true, description: "Page size (default 20, at most 100)" }) first?:
    number | null;
  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" }) after?:
    string | null;
}

@ArgsType()
export class SearchArgs {
  @Field(() => String, { description: "Words to find, with or without diacritics" }) text!: string;
  @Field(() => Int, { nullable: true, description: "Page size (default 20, at most 100)" }) first?:
    number | null;
  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" }) after?:
    string | null;
}

@ArgsType()
export class PathArgs {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => Int, { nullable: true, defaultValue: 6, description: "Longest path wanted (at most 10)" })
  maxDepth?: number | null;
}

@ArgsType()
export class NeighborhoodArgs {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true, defaultValue: 1, description: "Hops from the node (at most 3)" })
  depth?: number | null;
  @Field(() => Int, { nullable: true, defaultValue: 200, description: "Most nodes returned (at most 500)" })
  limit?: number | null;
}

@ArgsType()
export class IngestArgs {
  @Field(() => String, { description: "The document's full text" }) text!: string;
  @Field(() => String, { nullable: true, description: "A file name to remember it by" }) sourceName?:
    string | null;
}
