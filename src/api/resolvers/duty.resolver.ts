import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { ImplementerRow } from "../services/graph-loaders.js";
import { selectsField } from "../selection.js";
import type { ApiContext } from "../context.js";
import { dutyService } from "../services/duty.service.js";
import type {
  AssignmentRecord,
  DeadlineRecord,
  DocumentRecord,
  TargetRecord,
  TaskRecord,
} from "../services/graph-records.js";
import { TargetsArgs, TasksDueArgs, TasksImplementingArgs } from "../types/arguments.args.js";
import { indicatorByKey } from "../../extract/index.js";
import { DocumentType } from "../types/document.type.js";
import {
  AssignmentType,
  DeadlineType,
  ImplementationProofType,
  ImplementerConnectionType,
  TargetConnectionType,
  TargetIndicatorType,
  TargetType,
  TaskDueConnectionType,
} from "../types/duty.type.js";
import type { Page } from "../services/page.js";
import { TaskType } from "../types/task.type.js";

@Resolver(() => TaskType)
export class TaskDutyResolver {
  @FieldResolver(() => [DeadlineType], {
    description:
      "The deadlines its own text sets (đến 31/12/2022, trong năm 2022, đến hết Quý III/2022), in text order",
  })
  deadlines(@Root() task: TaskRecord): DeadlineRecord[] {
    return task.deadlines;
  }

  @FieldResolver(() => [AssignmentType], {
    description:
      "The bodies it assigns (section III of a resolution: who leads, with duty and deadlines), in text order",
  })
  assignedTo(@Root() task: TaskRecord, @Ctx() ctx: ApiContext): Promise<AssignmentRecord[]> {
    return ctx.loaders.assignments.load(task.key);
  }

  @FieldResolver(() => [TargetType], { description: "The numbered targets listed under it" })
  targets(@Root() task: TaskRecord, @Ctx() ctx: ApiContext): Promise<TargetRecord[]> {
    return ctx.loaders.taskTargets.load(task.key);
  }
}

@Resolver(() => DocumentType)
export class DocumentTargetsResolver {
  @FieldResolver(() => [TargetType], {
    description:
      "The numbered targets it sets, by number, with their quantities parsed beside the printed text",
  })
  targets(@Root() document: DocumentRecord, @Ctx() ctx: ApiContext): Promise<TargetRecord[]> {
    return ctx.loaders.documentTargets.load(document.key);
  }
}

@Resolver(() => DocumentType)
export class DocumentImplementersResolver {
  @FieldResolver(() => ImplementerConnectionType, {
    description:
      "The bodies that carry it out: those assigned to the tasks implementing it (as tasksImplementing: implements, based-on, guides and plain citations; not amends, replaces, repeals …), directly or, with transitive, through ingested documents in between; each with the task, duty and deadlines that prove it",
  })
  implementers(
    @Root() document: DocumentRecord,
    @Args(() => TasksImplementingArgs) { transitive, maxDepth, first, after }: TasksImplementingArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return dutyService.implementers(
      ctx,
      document,
      { transitive: transitive ?? false, maxDepth: maxDepth ?? null },
      { first, after, withTotal: selectsField(info, "totalCount") },
    );
  }
}

@Resolver(() => ImplementerConnectionType)
export class ImplementerConnectionResolver {
  @FieldResolver(() => Int, { description: "Every body, not only this page (counted only when selected)" })
  totalCount(@Root() page: Page<ImplementerRow>): number {
    return page.totalCount ?? 0;
  }
}

@Resolver(() => ImplementationProofType)
export class ImplementationProofResolver {
  @FieldResolver(() => TaskType, { description: "The task that implements the document" })
  implementingTask(@Root() proof: ImplementerRow["node"]["proofs"][number], @Ctx() ctx: ApiContext) {
    return ctx.loaders.tasks.load(proof.implementingTaskKey);
  }
}

@Resolver(() => TargetType)
export class TargetResolver {
  @FieldResolver(() => TargetIndicatorType, {
    nullable: true,
    description:
      "What it measures, normalised (GRDP growth, budget revenue, urbanisation rate …) from its words; null when it names no indicator of the vocabulary",
  })
  indicator(@Root() target: TargetRecord): TargetIndicatorType | null {
    const entry = target.indicator ? indicatorByKey.get(target.indicator) : undefined;
    return entry ? { key: entry.key, label: entry.label } : null;
  }

  @FieldResolver(() => TaskType, { nullable: true, description: "The task it is listed under" })
  task(@Root() target: TargetRecord, @Ctx() ctx: ApiContext) {
    return target.taskKey ? ctx.loaders.tasks.load(target.taskKey) : null;
  }

  @FieldResolver(() => DocumentType, { description: "The document that sets it" })
  document(@Root() target: TargetRecord, @Ctx() ctx: ApiContext) {
    return ctx.loaders.documents.load(target.documentKey);
  }
}

@Resolver(() => AssignmentType)
export class AssignmentResolver {
  @FieldResolver(() => TaskType, { description: "The task that assigns it" })
  task(@Root() assignment: AssignmentRecord, @Ctx() ctx: ApiContext) {
    return ctx.loaders.tasks.load(assignment.taskKey);
  }
}

@Resolver()
export class TargetsResolver {
  @Query(() => TargetConnectionType, {
    description:
      "Targets across documents with a named indicator (one, or every one), optionally of one year and one province, by indicator, province (central texts first), year, document key and ordinal; an unknown indicator key is BAD_USER_INPUT",
  })
  targets(@Args(() => TargetsArgs) args: TargetsArgs, @Ctx() ctx: ApiContext) {
    return dutyService.targets(ctx, args);
  }
}

@Resolver()
export class TasksDueResolver {
  @Query(() => TaskDueConnectionType, {
    description:
      "Tasks with a deadline in [from, to] across every document, by that deadline's last day (a period counts to its end: 2022-Q3 → 2022-09-30), optionally only those assigned to an organization",
  })
  tasksDue(@Args(() => TasksDueArgs) args: TasksDueArgs, @Ctx() ctx: ApiContext) {
    return dutyService.tasksDue(ctx, args);
  }
}
