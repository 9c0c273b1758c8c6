import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { DatabaseUnavailableError, QueryTimeoutError, translateDriverError } from "../graph/graph-errors.js";

/** Codes a client may see and act on; any other error is masked as INTERNAL_SERVER_ERROR. */
export const ErrorCode = {
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** the database stopped the query at the server's time limit: ask for less */
  QUERY_TIMEOUT: "QUERY_TIMEOUT",
  /** the database cannot be reached (HTTP 503): the same request may work in a moment */
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

/** The error a resolver threw, as the executor translates it (a raw driver error is translated here). */
function databaseError(error: unknown): unknown {
  return translateDriverError(unwrapResolverError(error));
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

/** Development mode keeps the stack trace Apollo adds. */
function stacktrace(formatted: GraphQLFormattedError, development: boolean): Record<string, unknown> {
  const trace = formatted.extensions?.stacktrace;
  return development && trace ? { stacktrace: trace } : {};
}

/**
 * Apollo's formatError: deliberate errors pass with their code; anything else (a driver error, a
 * bug) becomes "Internal server error" so that no Cypher, key or stack leaks, except in
 * development mode where the stack trace Apollo adds is kept.
 */
export function formatApiError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && deliberateCodes.has(code)) return formatted;
    const original = databaseError(error);
    if (original instanceof QueryTimeoutError) {
      return {
        message:
          "The query took longer than this server allows and was stopped; ask for less (a smaller maxDepth, first or limit)",
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...stacktrace(formatted, development), code: ErrorCode.QUERY_TIMEOUT },
      };
    }
    // Apollo has already taken the HTTP status (503) from the error's extensions.http and removed it
    if (original instanceof DatabaseUnavailableError) {
      return {
        message: "The database is unavailable; try again in a moment",
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...stacktrace(formatted, development), code: ErrorCode.DATABASE_UNAVAILABLE },
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
