import { Neo4jError } from "neo4j-driver";

/**
 * The database cannot be reached or lost the connection (refused, closed, no route, pool acquisition
 * timed out): nothing the client asked for is wrong, and the same request may work later. The API
 * answers it as DATABASE_UNAVAILABLE with HTTP 503; `cancu ingest` stops on it.
 */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  /** read by graphql-js (copied onto the GraphQLError) and by Apollo Server (the HTTP status, then dropped) */
  readonly extensions = { code: "DATABASE_UNAVAILABLE", http: { status: 503 } };

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The database stopped a transaction at its time limit (the executor sets one on every read). */
export class QueryTimeoutError extends Error {
  override name = "QueryTimeoutError";
  readonly extensions = { code: "QUERY_TIMEOUT" };

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const unavailableCodes = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  // a database that is stopped, starting or being recovered
  "Neo.TransientError.General.DatabaseUnavailable",
]);

const timeoutCodes = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
]);

/**
 * Driver errors that say the server is out of reach. Some carry no code of their own: the pool's
 * acquisition timeout, and the channel's connect errors (their code is the one the driver was
 * configured with, ServiceUnavailable by default, but the message is the stable part).
 */
const unavailableMessages = [
  /^Connection acquisition timed out/,
  /^Failed to connect to server/,
  /^Failed to establish connection in/,
  /^Connection was closed by server/,
  /^Pool is closed/,
];

function describe(error: Error): string {
  // the driver's connect message is a paragraph; its cause (ECONNREFUSED …) is what an operator needs
  const cause = /Caused by: (.*)$/.exec(error.message)?.[1];
  return (cause ?? error.message.split("\n")[0] ?? "").trim();
}

/** Whether `error` (a driver error) means the database cannot be reached. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (!(error instanceof Neo4jError)) return false;
  return unavailableCodes.has(error.code) || unavailableMessages.some((m) => m.test(error.message));
}

/** Whether `error` is the database's transaction time limit. */
export function isQueryTimeout(error: unknown): boolean {
  if (error instanceof QueryTimeoutError) return true;
  return error instanceof Neo4jError && timeoutCodes.has(error.code);
}

/**
 * The one translation of driver errors into cancu's: a database out of reach becomes a
 * DatabaseUnavailableError, a transaction stopped at its time limit a QueryTimeoutError; anything
 * else (a constraint, a syntax error, a bug) is returned as it is.
 */
export function translateDriverError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || error instanceof QueryTimeoutError) return error;
  if (isUnavailable(error)) {
    return new DatabaseUnavailableError(`the database is unavailable: ${describe(error as Error)}`, {
      cause: error,
    });
  }
  if (isQueryTimeout(error)) {
    return new QueryTimeoutError(`the database stopped the query at its time limit`, { cause: error });
  }
  return error;
}
