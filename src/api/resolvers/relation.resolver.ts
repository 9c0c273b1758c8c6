import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ApiContext } from "../context.js";
import type { RelationRow } from "../services/graph-loaders.js";
import type { StatusEvent } from "../services/legal-status.js";
import { DocumentType } from "../types/document.type.js";
import { RelationType, StatusStatementType } from "../types/relation.type.js";
import { TaskType } from "../types/task.type.js";

type RelationNode = RelationRow["node"];

const sentenceDescription =
  "The sentence of the stating text that holds the quote, white space squashed (the quote is the citation; this is what the text says of it, e.g. '… hết hiệu lực thi hành kể từ ngày …'); … where it is longer than 500 characters on a side; null when the stating text is not ingested";

@Resolver(() => RelationType)
export class RelationResolver {
  @FieldResolver(() => DocumentType, { description: "The document whose text makes the statement" })
  source(@Root() relation: RelationNode, @Ctx() ctx: ApiContext) {
    return ctx.loaders.documents.load(relation.sourceKey ?? "");
  }

  @FieldResolver(() => DocumentType, { description: "The document the statement is about" })
  target(@Root() relation: RelationNode, @Ctx() ctx: ApiContext) {
    return ctx.loaders.documents.load(relation.documentKey);
  }

  @FieldResolver(() => TaskType, { description: "The part of the source's text (task) that makes it" })
  task(@Root() relation: RelationNode, @Ctx() ctx: ApiContext) {
    return ctx.loaders.tasks.load(relation.taskKey);
  }

  @FieldResolver(() => String, { nullable: true, description: sentenceDescription })
  sentence(@Root() relation: RelationNode, @Ctx() ctx: ApiContext) {
    return ctx.loaders.sentenceOf({ ...relation, sourceKey: relation.sourceKey ?? "" });
  }
}

@Resolver(() => StatusStatementType)
export class StatusStatementResolver {
  @FieldResolver(() => DocumentType, { description: "The document that says it" })
  by(@Root() event: StatusEvent, @Ctx() ctx: ApiContext) {
    return ctx.loaders.documents.load(event.byKey);
  }

  @FieldResolver(() => TaskType, { description: "The part of its text that says it" })
  task(@Root() event: StatusEvent, @Ctx() ctx: ApiContext) {
    return ctx.loaders.tasks.load(event.taskKey);
  }

  @FieldResolver(() => String, { nullable: true, description: sentenceDescription })
  sentence(@Root() event: StatusEvent, @Ctx() ctx: ApiContext) {
    return ctx.loaders.sentenceOf({ ...event, sourceKey: event.byKey });
  }
}
