import { IngestError, ingestText } from "../../graph/ingest.js";
import { Args, Ctx, Mutation, Resolver } from "type-graphql";
import { IngestArgs } from "../types/arguments.args.js";
import type { IngestResult } from "../../graph/ingest.js";
import type { ApiContext } from "../context.js";
import { badUserInput, unauthenticated } from "../errors.js";
import { IngestResultType } from "../types/ingest-result.type.js";

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestResultType, {
    description:
      "Extracts a document from its text and writes it in one transaction (the loader's ingestText). Needs the x-api-key header (CANCU_API_KEY): UNAUTHENTICATED without it. Bad text (empty, binary, no structure): BAD_USER_INPUT, nothing written.",
  })
  async ingestDocument(
    @Args(() => IngestArgs) { text, sourceName }: IngestArgs,
    @Ctx() ctx: ApiContext,
  ): Promise<IngestResult> {
    if (!ctx.canWrite)
      throw unauthenticated(
        "ingestDocument needs a valid API key in the x-api-key header (the server's CANCU_API_KEY)",
      );
    try {
      return await ingestText(ctx.graph, { text, sourceName: sourceName ?? "graphql-upload.txt" });
    } catch (error) {
      if (error instanceof IngestError) throw badUserInput(error.message, { reason: error.code });
      throw error;
    }
  }
}
