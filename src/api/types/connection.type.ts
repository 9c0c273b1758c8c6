import { Field, Float, Int, ObjectType, createUnionType } from "type-graphql";
import { CitationType, DrivingDirectiveType } from "./citation.type.js";
import { DocumentType } from "./document.type.js";
import { TaskType } from "./task.type.js";

@ObjectType("PageInfo", {
  simpleResolvers: true,
  description: "Relay page info; cursors are keyset cursors, stable while data changes",
})
export class PageInfoType {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean, { description: "true when this page was asked for with after" })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType("DocumentEdge", {
  simpleResolvers: true,
})
export class DocumentEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => DocumentType) node!: DocumentType;
}

@ObjectType("DocumentConnection", {
  simpleResolvers: true,
  description: "Documents ordered by key",
})
export class DocumentConnectionType {
  @Field(() => [DocumentEdgeType]) edges!: DocumentEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType("CitationEdge", {
  simpleResolvers: true,
})
export class CitationEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => CitationType) node!: CitationType;
}

@ObjectType("CitationConnection", {
  simpleResolvers: true,
  description: "Citations ordered by citing task key, then position",
})
export class CitationConnectionType {
  @Field(() => [CitationEdgeType]) edges!: CitationEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType("TaskEdge", {
  simpleResolvers: true,
})
export class TaskEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => TaskType) node!: TaskType;
  @Field(() => Int, {
    description: "1: the task cites the document; n: through n-1 ingested documents in between",
  })
  depth!: number;
  @Field(() => [CitationType], { description: "The citations from the task to the document, in order" })
  via!: CitationType[];
}

@ObjectType("TaskConnection", {
  simpleResolvers: true,
  description: "Tasks ordered by depth, then their document's date (undated last), then key",
})
export class TaskConnectionType {
  @Field(() => [TaskEdgeType]) edges!: TaskEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType("DrivingDirectiveEdge", {
  simpleResolvers: true,
})
export class DrivingDirectiveEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => DrivingDirectiveType) node!: DrivingDirectiveType;
}

@ObjectType("DrivingDirectiveConnection", {
  simpleResolvers: true,
  description: "Directives ordered by depth, then the document's date (undated last), then its key",
})
export class DrivingDirectiveConnectionType {
  @Field(() => [DrivingDirectiveEdgeType]) edges!: DrivingDirectiveEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

export const SearchResultUnion = createUnionType({
  name: "SearchResult",
  description: "A task or a document",
  types: () => [TaskType, DocumentType] as const,
  resolveType: (value) => ("code" in value ? "Task" : "Document"),
});

@ObjectType("SearchEdge", {
  simpleResolvers: true,
})
export class SearchEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => SearchResultUnion) node!: typeof SearchResultUnion;
  @Field(() => Float, { description: "Full-text relevance; edges come best first" }) score!: number;
}

@ObjectType("SearchConnection", {
  simpleResolvers: true,
  description: "Tasks and documents matching a text, best first",
})
export class SearchConnectionType {
  @Field(() => [SearchEdgeType]) edges!: SearchEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}
