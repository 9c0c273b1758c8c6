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

/**
 * The database refused a statement for what it asked (a constraint, a value Neo4j cannot store, a
 * statement it rejects): the data, not the connection, so the same statement will fail again.
 * `databaseCode` is Neo4j's code (Neo.ClientError.…), for the report. It extends the driver's error
 * class only while src/graph/ingest-many.ts still tests for that; callers test for this class.
 */
export class DatabaseRefusedError extends Neo4jError {
  override name = "DatabaseRefusedError";
  readonly databaseCode: string;

  constructor(original: Neo4jError) {
    super(
      original.message,
      original.code,
      original.gqlStatus,
      original.gqlStatusDescription,
      original.diagnosticRecord,
      original,
    );
    // the driver's constructor pins the prototype to its own class
    Object.setPrototypeOf(this, new.target.prototype);
    this.databaseCode = original.code;
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

/** Whether `error` is the database refusing a statement (a client error that is no time limit). */
function isRefusal(error: unknown): error is Neo4jError {
  return error instanceof Neo4jError && error.code.startsWith("Neo.ClientError.") && !isQueryTimeout(error);
}

/** Whether the database refused a statement (the translated DatabaseRefusedError, or the driver's error before translation). */
export function isRefusedByDatabase(error: unknown): error is Neo4jError {
  return error instanceof DatabaseRefusedError || isRefusal(error);
}

/** A refusal as a report line names it: Neo4j's code and the first line of its message. */
export function describeRefusal(error: Neo4jError): string {
  return `the database refused it (${error.code}): ${error.message.split("\n")[0]}`;
}

/** Whether `error` is the database's transaction time limit. */
export function isQueryTimeout(error: unknown): boolean {
  if (error instanceof QueryTimeoutError) return true;
  return error instanceof Neo4jError && timeoutCodes.has(error.code);
}

/**
 * The one translation of driver errors into cancu's, and the only reader of Neo4j's error codes: a
 * database out of reach becomes a DatabaseUnavailableError, a transaction stopped at its time limit
 * a QueryTimeoutError, a statement the database refuses (a constraint, a value it cannot store) a
 * DatabaseRefusedError; anything else (a transient error left after retries, a bug) is returned as
 * it is.
 */
export function translateDriverError(error: unknown): unknown {
  if (
    error instanceof DatabaseUnavailableError ||
    error instanceof QueryTimeoutError ||
    error instanceof DatabaseRefusedError
  )
    return error;
  if (isUnavailable(error)) {
    return new DatabaseUnavailableError(`the database is unavailable: ${describe(error as Error)}`, {
      cause: error,
    });
  }
  if (isQueryTimeout(error)) {
    return new QueryTimeoutError(`the database stopped the query at its time limit`, { cause: error });
  }
  if (isRefusal(error)) return new DatabaseRefusedError(error);
  return error;
}
