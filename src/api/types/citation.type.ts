import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "./date.scalar.js";

@ObjectType("Citation", {
  simpleResolvers: true,
  description: "A task citing a document (an IMPLEMENTS link): the quote and its span in the citing text",
})
export class CitationType {
  @Field(() => String, { description: "The citation exactly as the source prints it" }) quote!: string;
  @Field(() => Int, { description: "Start of the quote in the citing document's text (UTF-16 offset)" })
  start!: number;
  @Field(() => Int, { description: "End of the quote (exclusive): text.slice(start, end) === quote" })
  end!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      "Page of the quote in the citing document's original (PDF, scan), 1-based; null without pages",
  })
  page!: number | null;
  @Field(() => String, {
    description:
      "What the citation says of the cited document: BASED_ON (căn cứ), IMPLEMENTS (thực hiện, triển khai …), GUIDES, AMENDS, REPLACES, REPEALS, SUSPENDS, CONSOLIDATES, CORRECTS, or CITES",
  })
  kind!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "For AMENDS, REPEALS, REPLACES …: the part of the cited document concerned, e.g. Điều 5.2.a; null: the whole or not said",
  })
  scope!: string | null;
  @Field(() => DateScalar, { nullable: true, description: "The date the citation gives for the document" })
  date!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The symbol as printed (may differ from the normalised one)",
  })
  symbolAsPrinted!: string | null;
  @Field(() => String, { nullable: true, description: "Relation word: căn cứ, thực hiện, triển khai …" })
  relation!: string | null;
  @Field(() => [String], { description: "What the extractor was unsure about in this citation" })
  warnings!: string[];
}

@ObjectType("DrivingDirective", {
  simpleResolvers: true,
  description: "A document that drives a task, and the chain of citations that leads to it",
})
export class DrivingDirectiveType {
  @Field(() => Int, {
    description: "1: the task (or a heading above it) cites it; n: through n-1 ingested documents",
  })
  depth!: number;
}
