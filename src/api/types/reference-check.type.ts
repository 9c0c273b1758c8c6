import { Field, ObjectType, Int } from "type-graphql";
import { CitationType } from "./citation.type.js";
import { DateScalar } from "./date.scalar.js";
import { DocumentType } from "./document.type.js";
import { StatusStatementType } from "./relation.type.js";

@ObjectType("ParsedReference", {
  simpleResolvers: true,
  description: "What the extractor's citation grammar read in the text",
})
export class ParsedReferenceType {
  @Field(() => String) type!: string;
  @Field(() => String) typeCode!: string;
  @Field(() => String) symbol!: string;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => DateScalar, { nullable: true }) date!: string | null;
  @Field(() => String, { nullable: true, description: "Issuer key when the text names one" }) issuer!:
    string | null;
  @Field(() => String, { description: "The part of the input that was read as the reference" })
  quote!: string;
}

@ObjectType("ReferenceConflict", {
  simpleResolvers: true,
  description: "A fact of the reference that disagrees with the graph",
})
export class ReferenceConflictType {
  @Field(() => DocumentType, { description: "The document whose known fact differs" })
  document!: DocumentType;
  @Field(() => String, { description: "date | issuer | type" }) field!: string;
  @Field(() => String, { description: "What the reference says" }) given!: string;
  @Field(() => String, { description: "What the graph knows" }) known!: string;
  @Field(() => String) message!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The source text that supports the graph's value: a citing quote, or the document's own header",
  })
  quote!: string | null;
  @Field(() => CitationType, {
    nullable: true,
    description: "The citing link that quote comes from, when it is one",
  })
  citation!: CitationType | null;
}

@ObjectType("ReferenceSuggestion", {
  simpleResolvers: true,
  description: "A near miss: the reference the text probably means",
})
export class ReferenceSuggestionType {
  @Field(() => DocumentType) document!: DocumentType;
  @Field(() => String, { description: "symbol-typo | day-month-swapped | year" }) reason!: string;
  @Field(() => String) message!: string;
  @Field(() => String, { description: "The reference written as the graph knows it" }) corrected!: string;
}

@ObjectType("ReferenceFinding", {
  simpleResolvers: true,
  description:
    "What the cited document's force says of the reference at the citing date (asOf): a warning, with the text it rests on",
})
export class ReferenceFindingType {
  @Field(() => String, {
    description:
      "REPLACED, REPEALED, SUSPENDED, EXPIRED (before asOf), NOT_YET_IN_FORCE (at asOf), ARTICLE_AMENDED or ARTICLE_REPEALED (the article the reference names)",
  })
  code!: string;
  @Field(() => DocumentType, { description: "The cited document" }) document!: DocumentType;
  @Field(() => DateScalar, { nullable: true, description: "Since when" }) since!: string | null;
  @Field(() => String) message!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The statement it rests on (the other document's), or the cited document's own effect clause",
  })
  quote!: string | null;
  @Field(() => StatusStatementType, {
    nullable: true,
    description:
      "The other document's statement (with by: the replacement, the repealing text …); null when the cited document's own clause says it",
  })
  statement!: StatusStatementType | null;
}

@ObjectType("ReferenceCheck", {
  simpleResolvers: true,
  description: "Is a reference, as a person typed it, right?",
})
export class ReferenceCheckType {
  @Field(() => String) input!: string;
  @Field(() => ParsedReferenceType, { nullable: true, description: "null when no reference was recognised" })
  parsed!: ParsedReferenceType | null;
  @Field(() => Boolean, { description: "true when the graph holds a document with this symbol" })
  found!: boolean;
  @Field(() => Boolean, {
    description: "true when several documents have this symbol (several years or issuers)",
  })
  ambiguous!: boolean;
  @Field(() => Boolean, { description: "true when found, unambiguous and without conflicts" })
  correct!: boolean;
  @Field(() => [DocumentType], {
    description: "Documents with this symbol (year-matching ones when the year is given and known)",
  })
  documents!: DocumentType[];
  @Field(() => [ReferenceConflictType], {
    description: "Each fact that disagrees with the graph, per document",
  })
  conflicts!: ReferenceConflictType[];
  @Field(() => [ReferenceSuggestionType]) suggestions!: ReferenceSuggestionType[];
  @Field(() => [String], { description: "Remarks, e.g. why nothing was recognised" }) notes!: string[];
  @Field(() => DateScalar, { description: "The date the reference was judged at (the citing text's date)" })
  asOf!: string;
  @Field(() => [ReferenceFindingType], {
    description:
      "Warnings from the cited document's force at asOf: replaced, repealed, suspended, expired, not yet in force, the cited article amended or repealed (each with the statement it rests on). They do not make correct false: the reference names the document rightly",
  })
  findings!: ReferenceFindingType[];
}
