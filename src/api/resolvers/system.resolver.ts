import { Field, Int, ObjectType, Query, Resolver, Ctx } from "type-graphql";
import { cancuVersion } from "../../config/version.js";
import { graphStats } from "../../graph/queries/index.js";
import { column, numberOf } from "../../graph/record-mapping.js";
import type { ApiContext } from "../context.js";

const count = (record: { get(key: string): unknown } | undefined, name: string): number =>
  (record ? numberOf(column(record, name)) : null) ?? 0;

@ObjectType({ simpleResolvers: true, description: "What the graph holds right now" })
export class GraphStats {
  @Field(() => Int) documents!: number;
  @Field(() => Int) ingestedDocuments!: number;
  @Field(() => Int) tasks!: number;
  @Field(() => Int) citations!: number;
}

@Resolver()
export class SystemResolver {
  @Query(() => String, { description: "The running cancu version" })
  version(): string {
    return cancuVersion;
  }

  @Query(() => GraphStats, { description: "Counts of documents, tasks and citation links" })
  async stats(@Ctx() { graph }: ApiContext): Promise<GraphStats> {
    const [record] = await graph.read(graphStats());
    return {
      documents: count(record, "documents"),
      ingestedDocuments: count(record, "ingested"),
      tasks: count(record, "tasks"),
      citations: count(record, "citations"),
    };
  }
}
