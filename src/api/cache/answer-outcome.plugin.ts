import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphExecutor } from "../../graph/executor.js";
import type { ApiContext } from "../context.js";

/** What Apollo made of a request, for the cache (keep it or not) and /metrics (operation type). */
export interface AnswerOutcome {
  /** query, mutation or subscription; undefined when the document did not parse or validate */
  operationType: string | undefined;
  /** a single answer without errors */
  clean: boolean;
}

/**
 * Per request, keyed by the request's own executor (ApiContext.graph, one per request): Apollo runs
 * an operation on a shallow copy of the context it was given, so the context object itself is not
 * what the plugin sees, but its members are. The HTTP layer reads it once Apollo has answered.
 */
const outcomes = new WeakMap<GraphExecutor, AnswerOutcome>();

export function answerOutcome(context: ApiContext | undefined): AnswerOutcome | undefined {
  return context ? outcomes.get(context.graph) : undefined;
}

/**
 * Records each request's outcome (answerOutcome). Only a query whose answer has no error is ever
 * kept (response-cache.ts): a mutation, a failed parse or validation, a partial answer with errors
 * or a database failure never is.
 */
export function answerOutcomePlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response, errors }) {
          const body = response.body;
          const clean =
            body.kind === "single" &&
            !(body.singleResult.errors?.length ?? 0) &&
            !(errors?.length ?? 0) &&
            (response.http.status ?? 200) === 200;
          outcomes.set(contextValue.graph, { operationType: operation?.operation, clean });
        },
      };
    },
  };
}
