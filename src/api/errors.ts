import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode } from "@apollo/server/errors";

/** Codes a client may see and act on; any other error is masked as INTERNAL_SERVER_ERROR. */
export const ErrorCode = {
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

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
