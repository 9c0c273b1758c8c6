import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "./date.scalar.js";
import { PageInfoType } from "./connection.type.js";

export enum RelationKindValue {
  BASED_ON = "BASED_ON",
  IMPLEMENTS = "IMPLEMENTS",
  GUIDES = "GUIDES",
  AMENDS = "AMENDS",
  REPLACES = "REPLACES",
  REPEALS = "REPEALS",
  SUSPENDS = "SUSPENDS",
  CONSOLIDATES = "CONSOLIDATES",
  CORRECTS = "CORRECTS",
  CITES = "CITES",
}

registerEnumType(RelationKindValue, {
  name: "RelationKind",
  description: "What a text says of a document it cites (read from the words around the citation)",
  valuesConfig: {
    BASED_ON: { description: "căn cứ: the legal basis in a preamble" },
    IMPLEMENTS: { description: "thực hiện, triển khai, quán triệt, cụ thể hóa" },
    GUIDES: { description: "hướng dẫn, quy định chi tiết, hướng dẫn thi hành" },
    AMENDS: { description: "sửa đổi, bổ sung (scope: what is amended)" },
    REPLACES: { description: "thay thế" },
    REPEALS: { description: "bãi bỏ, hủy bỏ, or '… hết hiệu lực' said of it (scope: the part, null: whole)" },
    SUSPENDS: { description: "đình chỉ, tạm ngưng hiệu lực" },
    CONSOLIDATES: { description: "a consolidated text (văn bản hợp nhất) and what it merges" },
    CORRECTS: { description: "đính chính" },
    CITES: { description: "any other mention" },
  },
});

export enum RelationDirectionValue {
  OUTGOING = "OUTGOING",
  INCOMING = "INCOMING",
}

registerEnumType(RelationDirectionValue, {
  name: "RelationDirection",
  valuesConfig: {
    OUTGOING: { description: "what this document's text says of another document" },
    INCOMING: { description: "what another document's text says of this one" },
  },
});

export enum RelationDirectionsValue {
  OUTGOING = "OUTGOING",
  INCOMING = "INCOMING",
  BOTH = "BOTH",
}

registerEnumType(RelationDirectionsValue, { name: "RelationDirections" });

export enum LegalStatusCodeValue {
  IN_FORCE = "IN_FORCE",
  NOT_YET_IN_FORCE = "NOT_YET_IN_FORCE",
  AMENDED = "AMENDED",
  PARTLY_REPEALED = "PARTLY_REPEALED",
  SUSPENDED = "SUSPENDED",
  REPLACED = "REPLACED",
  REPEALED = "REPEALED",
  EXPIRED = "EXPIRED",
  UNKNOWN = "UNKNOWN",
}

registerEnumType(LegalStatusCodeValue, {
  name: "LegalStatusCode",
  description: "A document's force at a date, derived from ingested texts (docs/API.md: the rules)",
  valuesConfig: {
    IN_FORCE: { description: "its own effect clause says it took effect; nothing ingested says otherwise" },
    NOT_YET_IN_FORCE: { description: "its own effect clause names a later date" },
    AMENDED: { description: "in force, with parts amended or replaced by other documents" },
    PARTLY_REPEALED: { description: "in force, with parts repealed" },
    SUSPENDED: { description: "suspended as a whole" },
    REPLACED: { description: "replaced as a whole by another document" },
    REPEALED: { description: "repealed as a whole, or declared no longer in effect by another document" },
    EXPIRED: { description: "its own end date has passed" },
    UNKNOWN: { description: "no ingested document says anything of its force" },
  },
});

@ObjectType("Relation", {
  simpleResolvers: true,
  description:
    "A statement by one document about another (a citation with its kind), seen from the document asked about",
})
export class RelationType {
  @Field(() => RelationKindValue) kind!: RelationKindValue;
  @Field(() => RelationDirectionValue) direction!: RelationDirectionValue;
  @Field(() => String, {
    nullable: true,
    description: "The part of the target concerned, e.g. Điều 5.2.a; null: the whole or not said",
  })
  scope!: string | null;
  @Field(() => String, { description: "The statement as the source prints it" }) quote!: string;
  @Field(() => Int, { description: "Start of the quote in the source's text (UTF-16 offset)" })
  start!: number;
  @Field(() => Int, { description: "End of the quote (exclusive)" }) end!: number;
  @Field(() => Int, { nullable: true, description: "Page of the quote in the source's original" })
  page!: number | null;
  @Field(() => String, { nullable: true, description: "The relation word as printed: thay thế, bãi bỏ …" })
  relation!: string | null;
}

@ObjectType("RelationCount", {
  simpleResolvers: true,
  description: "How many relations of one kind in one direction",
})
export class RelationCountType {
  @Field(() => RelationDirectionValue) direction!: RelationDirectionValue;
  @Field(() => RelationKindValue) kind!: RelationKindValue;
  @Field(() => Int) count!: number;
}

@ObjectType("RelationEdge", {
  simpleResolvers: true,
})
export class RelationEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => RelationType) node!: RelationType;
}

@ObjectType("RelationConnection", {
  simpleResolvers: true,
  description: "Relations ordered by direction (outgoing first), kind, the other document's key, position",
})
export class RelationConnectionType {
  @Field(() => [RelationEdgeType]) edges!: RelationEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int, { description: "Relations matching kind and direction (all pages)" }) totalCount!: number;
  @Field(() => [RelationCountType], {
    description: "Counts per direction and kind over all the document's relations, whatever the filter",
  })
  counts!: RelationCountType[];
}

@ObjectType("StatusStatement", {
  simpleResolvers: true,
  description: "A statement by another document that the status rests on: what it says, and from when",
})
export class StatusStatementType {
  @Field(() => RelationKindValue, { description: "REPLACES, REPEALS, SUSPENDS or AMENDS" })
  kind!: RelationKindValue;
  @Field(() => String, { nullable: true, description: "The part concerned; null: the whole document" })
  scope!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "From when it applies: the stating document's effect date, else its issue date",
  })
  from!: string | null;
  @Field(() => String, {
    description: "effective (its effect clause), issued (no effect date read: its issue date) or unknown",
  })
  fromBasis!: string;
  @Field(() => String, { description: "The statement as printed" }) quote!: string;
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
}

@ObjectType("LegalStatus", {
  simpleResolvers: true,
  description:
    "Whether a document is in force at a date, derived from ingested texts and never guessed, with the quotes it rests on",
})
export class LegalStatusType {
  @Field(() => LegalStatusCodeValue) code!: LegalStatusCodeValue;
  @Field(() => DateScalar, { description: "The date the status is computed for" }) asOf!: string;
  @Field(() => DateScalar, { nullable: true, description: "Since when the status holds, when known" })
  since!: string | null;
  @Field(() => String, { description: "One plain sentence, e.g. replaced by 26/2026/NĐ-CP from 2026-01-17" })
  summary!: string;
  @Field(() => [StatusStatementType], {
    description:
      "The statements by other documents it rests on (empty when it rests on its own clause or nothing)",
  })
  evidence!: StatusStatementType[];
  @Field(() => String, { nullable: true, description: "Its own effect clause, when the status rests on it" })
  ownQuote!: string | null;
  @Field(() => [String], { description: "AMENDED, PARTLY_REPEALED: the parts concerned (Điều 5.2)" })
  parts!: string[];
  @Field(() => [StatusStatementType], { description: "Statements that apply after asOf" })
  upcoming!: StatusStatementType[];
}
