import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { SearchArgs } from "../types/arguments.args.js";
import type { ApiContext } from "../context.js";
import { selectsField } from "../selection.js";
import { searchService } from "../services/search.service.js";
import { SearchConnectionType } from "../types/connection.type.js";

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnectionType, {
    description:
      'Tasks and documents whose title, text or symbol hold every word, with or without diacritics ("chuyen doi so" finds "chuyển đổi số"); best first',
  })
  search(
    @Args(() => SearchArgs) { text, first, after }: SearchArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return searchService.search(ctx, text, { first, after, withTotal: selectsField(info, "totalCount") });
  }
}
