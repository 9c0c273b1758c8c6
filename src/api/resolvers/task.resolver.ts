import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import type { ApiContext } from "../context.js";
import { limits } from "../limits.js";
import { selectedChainFields, selectsField } from "../selection.js";
import { DirectivesDrivingArgs } from "../types/arguments.args.js";
import { DrivingDirectiveConnectionType } from "../types/connection.type.js";
import type { DrivingRecord, TaskRecord, CitationRecord } from "../services/graph-records.js";
import { taskService } from "../services/task.service.js";
import { CitationType, DrivingDirectiveType } from "../types/citation.type.js";
import { DocumentType } from "../types/document.type.js";
import { TaskType } from "../types/task.type.js";

@Resolver(() => TaskType)
export class TaskResolver {
  @FieldResolver(() => DocumentType)
  document(@Root() task: TaskRecord, @Ctx() ctx: ApiContext) {
    return taskService.document(ctx, task);
  }

  @FieldResolver(() => TaskType, {
    nullable: true,
    description: "The heading it stands under (null at the top)",
  })
  parent(@Root() task: TaskRecord, @Ctx() ctx: ApiContext) {
    return taskService.parent(ctx, task);
  }

  @FieldResolver(() => [TaskType])
  children(@Root() task: TaskRecord, @Ctx() ctx: ApiContext) {
    return taskService.children(ctx, task);
  }

  @FieldResolver(() => [CitationType], { description: "The documents its own text cites, in text order" })
  citations(@Root() task: TaskRecord, @Ctx() ctx: ApiContext): Promise<CitationRecord[]> {
    return taskService.citations(ctx, task);
  }

  @FieldResolver(() => [DrivingDirectiveType], {
    description: `Directives driving this task: documents it cites or the headings above it cite (inherited), and onwards through the task trees of ingested documents, up to maxDepth hops (at most ${limits.maxTraversalDepth}); each once, at its shortest chain, ordered by depth then key, all of them at once (directivesDrivingPage pages them). Follows citations of kinds BASED_ON, IMPLEMENTS, GUIDES and CITES, never those that act on a document (AMENDS, REPLACES, REPEALS, SUSPENDS, CONSOLIDATES, CORRECTS)`,
  })
  directivesDriving(
    @Root() task: TaskRecord,
    @Arg("maxDepth", () => Int, { nullable: true, defaultValue: limits.defaultTraversalDepth })
    maxDepth: number | null,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DrivingRecord[]> {
    return taskService.directivesDriving(ctx, task, maxDepth, selectedChainFields(info, ["via"]));
  }

  @FieldResolver(() => DrivingDirectiveConnectionType, {
    description: `directivesDriving in pages: the same directives and chains, ordered by depth, then the document's date (undated last), then its key. Without totalCount the search stops at the depth that fills the page`,
  })
  directivesDrivingPage(
    @Root() task: TaskRecord,
    @Args(() => DirectivesDrivingArgs) { maxDepth, first, after }: DirectivesDrivingArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return taskService.directivesDrivingPage(ctx, task, maxDepth ?? null, {
      first,
      after,
      withTotal: selectsField(info, "totalCount"),
      via: selectedChainFields(info, ["edges", "node", "via"]),
    });
  }
}

@Resolver(() => CitationType)
export class CitationResolver {
  @FieldResolver(() => TaskType, { description: "The citing task" })
  task(@Root() citation: CitationRecord, @Ctx() ctx: ApiContext) {
    return ctx.loaders.tasks.load(citation.taskKey);
  }

  @FieldResolver(() => DocumentType, { description: "The cited document" })
  document(@Root() citation: CitationRecord, @Ctx() ctx: ApiContext) {
    return ctx.loaders.documents.load(citation.documentKey);
  }
}

@Resolver(() => DrivingDirectiveType)
export class DrivingDirectiveResolver {
  @FieldResolver(() => DocumentType)
  document(@Root() driving: DrivingRecord) {
    return driving.document;
  }

  @FieldResolver(() => [CitationType], {
    description:
      "The chain that leads there: the first citation is in this task or a heading above it, the last cites the directive",
  })
  via(@Root() driving: DrivingRecord): CitationRecord[] {
    return driving.via;
  }

  @FieldResolver(() => TaskType, {
    nullable: true,
    description:
      "The heading above this task whose citation starts the chain; null when the task cites it itself",
  })
  inheritedFrom(@Root() driving: DrivingRecord, @Ctx() ctx: ApiContext) {
    return driving.inheritedFromKey ? ctx.loaders.tasks.load(driving.inheritedFromKey) : null;
  }
}
