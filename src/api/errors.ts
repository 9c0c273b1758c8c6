import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { Neo4jError } from "neo4j-driver";

/** Codes a client may see and act on; any other error is masked as INTERNAL_SERVER_ERROR. */
export const ErrorCode = {
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** the database stopped the query at the server's time limit: ask for less */
  QUERY_TIMEOUT: "QUERY_TIMEOUT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

/** Neo4j's codes for a transaction stopped at its time limit (the executor sets one on every read). */
function isQueryTimeout(error: unknown): boolean {
  const original = unwrapResolverError(error);
  return (
    original instanceof Neo4jError &&
    (original.code === "Neo.ClientError.Transaction.TransactionTimedOut" ||
      original.code === "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration")
  );
}

export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } });
}

export function notFound(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code: ErrorCode.NOT_FOUND } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

/** Codes set on purpose, by us or by Apollo Server (parse, validation, bad request …). */
const deliberateCodes = new Set<string>([
  ErrorCode.NOT_FOUND,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ...Object.values(ApolloServerErrorCode).filter(
    (code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
  ),
]);

/**
 * Apollo's formatError: deliberate errors pass with their code; anything else (a driver error, a
 * bug) becomes "Internal server error" so that no Cypher, key or stack leaks, except in
 * development mode where the stack trace Apollo adds is kept.
 */
export function formatApiError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && deliberateCodes.has(code)) return formatted;
    if (isQueryTimeout(error)) {
      return {
        message:
          "The query took longer than this server allows and was stopped; ask for less (a smaller maxDepth, first or limit)",
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.QUERY_TIMEOUT },
      };
    }
    if (development)
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    void error;
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
