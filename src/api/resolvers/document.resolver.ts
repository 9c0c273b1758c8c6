import type { GraphQLResolveInfo } from "graphql";
import { limits } from "../limits.js";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { taskKey } from "../../graph/keys.js";
import type { ApiContext } from "../context.js";
import { selectedChainFields, selectsField } from "../selection.js";
import { documentService } from "../services/document.service.js";
import type { DocumentRecord, TaskRecord } from "../services/graph-records.js";
import {
  CitationConnectionType,
  DocumentConnectionType,
  TaskConnectionType,
} from "../types/connection.type.js";
import {
  DocumentLookupArgs,
  DocumentsArgs,
  PageArgs,
  TasksImplementingArgs,
} from "../types/arguments.args.js";
import { DocumentType } from "../types/document.type.js";
import { TaskType } from "../types/task.type.js";
import { DateScalar } from "../types/date.scalar.js";
import {
  LegalStatusType,
  RelationConnectionType,
  RelationDirectionsValue,
  RelationKindValue,
} from "../types/relation.type.js";

@Resolver(() => DocumentType)
export class DocumentResolver {
  @Query(() => DocumentType, {
    nullable: true,
    description:
      'A document by symbol, typed as a person would: "128/NQ-CP", "NQ 128/NQ-CP", "Nghị quyết số 128/NQ-CP ngày 11/10/2021". ' +
      "null when the graph has none; BAD_USER_INPUT when the text holds no symbol, or when several documents share it and no year tells them apart.",
  })
  document(@Args(() => DocumentLookupArgs) { symbol, year }: DocumentLookupArgs, @Ctx() ctx: ApiContext) {
    return documentService.bySymbol(ctx, symbol, year ?? null);
  }

  @Query(() => DocumentConnectionType, {
    description: "Documents by key, filtered by type, issuer, year range, ingested",
  })
  documents(
    @Args(() => DocumentsArgs) { filter, first, after }: DocumentsArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return documentService.page(ctx, filter ?? {}, {
      first,
      after,
      withTotal: selectsField(info, "totalCount"),
    });
  }

  @FieldResolver(() => [TaskType], { description: "The top of its task tree (empty for a stub)" })
  tasks(@Root() document: DocumentRecord, @Ctx() ctx: ApiContext): Promise<TaskRecord[]> {
    return ctx.loaders.topTasks.load(document.key);
  }

  @FieldResolver(() => TaskType, { nullable: true, description: "One task of its tree by code, e.g. II.2.1" })
  task(
    @Root() document: DocumentRecord,
    @Arg("code", () => String, { description: `e.g. II.2.1; at most ${limits.maxCodeChars} characters` })
    code: string,
    @Ctx() ctx: ApiContext,
  ) {
    return ctx.loaders.tasks.load(taskKey(document.key, code.trim()));
  }

  @FieldResolver(() => CitationConnectionType, {
    description: "The links that point at it, with their quotes",
  })
  citedBy(
    @Root() document: DocumentRecord,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return documentService.citedBy(ctx, document, {
      first,
      after,
      withTotal: selectsField(info, "totalCount"),
    });
  }

  @FieldResolver(() => CitationConnectionType, {
    description:
      "The citations its own tasks make, in text order: each quote with its span, its page in the original (when it has pages), the citing task and the cited document",
  })
  cites(
    @Root() document: DocumentRecord,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return documentService.cites(ctx, document, {
      first,
      after,
      withTotal: selectsField(info, "totalCount"),
    });
  }

  @FieldResolver(() => LegalStatusType, {
    description:
      "Whether it is in force at asOf (today in Việt Nam when left out): from its own effect clause and what ingested documents say of it (replaced, repealed, suspended, amended), each with its quote; UNKNOWN when nothing ingested says anything",
  })
  status(
    @Root() document: DocumentRecord,
    @Arg("asOf", () => DateScalar, {
      nullable: true,
      description: "The date to judge at, e.g. the date of a text that cites it",
    })
    asOf: string | null,
    @Ctx() ctx: ApiContext,
  ) {
    return documentService.status(ctx, document, asOf ?? null);
  }

  @FieldResolver(() => RelationConnectionType, {
    description:
      "Its lược đồ: what its text says of other documents (OUTGOING) and what theirs say of it (INCOMING), filtered by kind, with counts per direction and kind",
  })
  relations(
    @Root() document: DocumentRecord,
    @Arg("kind", () => [RelationKindValue], {
      nullable: true,
      description: "Only these kinds (all when left out or empty)",
    })
    kind: RelationKindValue[] | null,
    @Arg("direction", () => RelationDirectionsValue, { defaultValue: RelationDirectionsValue.BOTH })
    direction: RelationDirectionsValue,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: ApiContext,
  ) {
    return documentService.relations(ctx, document, { kinds: kind ?? null, direction, first, after });
  }

  @FieldResolver(() => TaskConnectionType, {
    description: `Tasks that implement it: those citing it, and with transitive: true also tasks citing a document whose tasks implement it, up to maxDepth (at most ${limits.maxTraversalDepth}). Follows citations of kinds BASED_ON, IMPLEMENTS, GUIDES and CITES: a task that amends, replaces or repeals it does not implement it`,
  })
  tasksImplementing(
    @Root() document: DocumentRecord,
    @Args(() => TasksImplementingArgs) { transitive, maxDepth, first, after }: TasksImplementingArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return documentService.tasksImplementing(
      ctx,
      document,
      { transitive: transitive ?? false, maxDepth: maxDepth ?? null },
      {
        first,
        after,
        withTotal: selectsField(info, "totalCount"),
        via: selectedChainFields(info, ["edges", "via"]),
      },
    );
  }
}
