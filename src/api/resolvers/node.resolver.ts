import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { limits } from "../limits.js";
import type { ApiContext } from "../context.js";
import { documentService } from "../services/document.service.js";
import { NodeInterface } from "../types/node.type.js";

@Resolver()
export class NodeResolver {
  @Query(() => NodeInterface, {
    nullable: true,
    description:
      "Refetch a Document, Task or Organization by its global id. Malformed id: BAD_USER_INPUT; unknown id: null.",
  })
  node(
    @Arg("id", () => ID, { description: `A global id; at most ${limits.maxIdChars} characters` }) id: string,
    @Ctx() ctx: ApiContext,
  ) {
    return documentService.node(ctx, id);
  }
}
