import { Field, Int, ObjectType, Query, Resolver, Ctx } from "type-graphql";
import type { ApiContext } from "../context.js";

@ObjectType({ description: "What the graph holds right now" })
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
    return "0.1.0";
  }

  @Query(() => GraphStats, { description: "Counts of documents, tasks and citation links" })
  async stats(@Ctx() { graph }: ApiContext): Promise<GraphStats> {
    const [record] = await graph.read({
      cypher: `CALL { MATCH (d:Document) RETURN count(d) AS documents, count(CASE WHEN d.ingested THEN 1 END) AS ingested }
               CALL { MATCH (t:Task) RETURN count(t) AS tasks }
               CALL { MATCH ()-[c:IMPLEMENTS]->() RETURN count(c) AS citations }
               RETURN documents, ingested, tasks, citations`,
      params: {},
    });
    return {
      documents: Number(record?.get("documents") ?? 0),
      ingestedDocuments: Number(record?.get("ingested") ?? 0),
      tasks: Number(record?.get("tasks") ?? 0),
      citations: Number(record?.get("citations") ?? 0),
    };
  }
}
