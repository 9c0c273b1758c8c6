import { Field, Int, ObjectType } from "type-graphql";
import { DocumentEdgeType, PageInfoType } from "./connection.type.js";
import { DateScalar } from "./date.scalar.js";
import { AssignmentType } from "./duty.type.js";
import { OrganizationType } from "./organization.type.js";

@ObjectType("OrganizationEdge", {
  simpleResolvers: true,
})
export class OrganizationEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => OrganizationType) node!: OrganizationType;
}

@ObjectType("OrganizationConnection", {
  simpleResolvers: true,
  description: "Organizations by key",
})
export class OrganizationConnectionType {
  @Field(() => [OrganizationEdgeType]) edges!: OrganizationEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType("OrganizationAssignmentEdge", {
  simpleResolvers: true,
})
export class OrganizationAssignmentEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: "The earliest last day of its deadlines (in the range asked for); null when it has none",
  })
  due!: string | null;
  @Field(() => AssignmentType, { description: "The assignment: task, duty, deadlines, quote and span" })
  node!: AssignmentType;
}

@ObjectType("OrganizationAssignmentConnection", {
  simpleResolvers: true,
  description: "Assignments by due date (none last), then the document's date, then text order",
})
export class OrganizationAssignmentConnectionType {
  @Field(() => [OrganizationAssignmentEdgeType]) edges!: OrganizationAssignmentEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType("IssuedDocumentConnection", {
  simpleResolvers: true,
  description: "Documents an organization issued, newest first",
})
export class IssuedDocumentConnectionType {
  @Field(() => [DocumentEdgeType]) edges!: DocumentEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int, { description: "Every document it issued, not only this page" }) totalCount!: number;
}
