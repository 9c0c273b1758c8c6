import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { limits } from "../limits.js";
import type { ApiContext } from "../context.js";
import { referenceService } from "../services/reference.service.js";
import { ReferenceCheckType } from "../types/reference-check.type.js";
import { DateScalar } from "../types/date.scalar.js";

@Resolver()
export class ReferenceResolver {
  @Query(() => ReferenceCheckType, {
    description:
      "Checks a reference as a person types it (\"Nghị quyết số 26-NQ/TW ngày 19/5/2018\"), read with the extractor's own citation grammar: found or not, the document(s) it names, each conflict with the graph (date, issuer, type) with the quote behind the graph's value, near-miss suggestions, and findings from the cited document's force at asOf (replaced, repealed, not yet in force, the cited article amended)",
  })
  checkReference(
    @Arg("text", () => String, {
      description: `The reference as typed; at most ${limits.maxReferenceChars} characters`,
    })
    text: string,
    @Arg("asOf", () => DateScalar, {
      nullable: true,
      description:
        "The date of the citing text: findings say what had happened to the cited document by then (today in Việt Nam when left out)",
    })
    asOf: string | null,
    @Ctx() ctx: ApiContext,
  ) {
    return referenceService.check(ctx, text, asOf ?? null);
  }
}
