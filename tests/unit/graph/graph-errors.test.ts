import { GraphQLError } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { formatApiError } from "../../../src/api/errors.js";
import {
  DatabaseRefusedError,
  DatabaseUnavailableError,
  describeRefusal,
  isRefusedByDatabase,
  QueryTimeoutError,
  translateDriverError,
} from "../../../src/graph/graph-errors.js";

const driverError = (message: string, code: string) => new Neo4jError(message, code, "", "");

describe("translateDriverError", () => {
  it.each([
    [
      "a refused connection",
      driverError(
        "Failed to connect to server. Please ensure that your database is listening on the correct host and port and that you have compatible encryption settings both on Neo4j server and driver. Note that the default encryption setting has changed in Neo4j 4.0. Caused by: connect ECONNREFUSED 127.0.0.1:7687",
        "ServiceUnavailable",
      ),
      "the database is unavailable: connect ECONNREFUSED 127.0.0.1:7687",
    ],
    [
      "a connection lost in a cluster",
      driverError("Connection was closed by server", "SessionExpired"),
      "the database is unavailable: Connection was closed by server",
    ],
    [
      "the pool's acquisition timeout (no code of its own)",
      driverError(
        "Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 100, Idle conn count = 0.",
        "N/A",
      ),
      "the database is unavailable: Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 100, Idle conn count = 0.",
    ],
    [
      "a connect timeout",
      driverError("Failed to establish connection in 5000ms", "ServiceUnavailable"),
      "the database is unavailable: Failed to establish connection in 5000ms",
    ],
    [
      "a database that is stopped or starting",
      driverError("Database 'neo4j' is unavailable.", "Neo.TransientError.General.DatabaseUnavailable"),
      "the database is unavailable: Database 'neo4j' is unavailable.",
    ],
  ])("%s becomes a DatabaseUnavailableError", (_name, error, message) => {
    const translated = translateDriverError(error);
    expect(translated).toBeInstanceOf(DatabaseUnavailableError);
    expect((translated as Error).message).toBe(message);
    expect((translated as Error).cause).toBe(error);
  });

  it.each([
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  ])("%s becomes a QueryTimeoutError", (code) => {
    const translated = translateDriverError(driverError("The transaction has not completed", code));
    expect(translated).toBeInstanceOf(QueryTimeoutError);
  });

  it("makes a statement the database refuses a DatabaseRefusedError with Neo4j's code", () => {
    const constraint = driverError("already exists", "Neo.ClientError.Schema.ConstraintValidationFailed");
    const translated = translateDriverError(constraint);
    expect(translated).toBeInstanceOf(DatabaseRefusedError);
    expect(translated).toMatchObject({
      databaseCode: "Neo.ClientError.Schema.ConstraintValidationFailed",
      message: "already exists",
      cause: constraint,
    });
    expect(translateDriverError(translated)).toBe(translated);
    expect(isRefusedByDatabase(translated)).toBe(true);
    expect(describeRefusal(translated as DatabaseRefusedError)).toBe(
      "the database refused it (Neo.ClientError.Schema.ConstraintValidationFailed): already exists",
    );
    const timedOut = driverError("stopped", "Neo.ClientError.Transaction.TransactionTimedOut");
    expect(isRefusedByDatabase(timedOut)).toBe(false);
  });

  it("leaves any other error as it is", () => {
    const deadlock = driverError("deadlock", "Neo.TransientError.Transaction.DeadlockDetected");
    const bug = new TypeError("x is undefined");
    for (const error of [deadlock, bug]) expect(translateDriverError(error)).toBe(error);
  });
});

describe("formatApiError on a database out of reach", () => {
  const resolverError = (original: Error) =>
    new GraphQLError(original.message, { path: ["stats"], originalError: original });

  it("answers DATABASE_UNAVAILABLE without the driver's details, also for an untranslated driver error", () => {
    const format = formatApiError(false);
    const translated = new DatabaseUnavailableError(
      "the database is unavailable: connect ECONNREFUSED 10.0.0.5:7687",
    );
    const raw = driverError(
      "Failed to connect to server. Caused by: connect ECONNREFUSED",
      "ServiceUnavailable",
    );
    for (const original of [translated, raw]) {
      const error = resolverError(original);
      expect(format(error.toJSON(), error)).toEqual({
        message: "The database is unavailable; try again in a moment",
        path: ["stats"],
        extensions: { code: "DATABASE_UNAVAILABLE" },
      });
    }
  });

  it("carries HTTP 503 in the extensions graphql-js copies onto the GraphQLError (Apollo reads and drops it)", () => {
    const error = resolverError(new DatabaseUnavailableError("gone"));
    expect(error.extensions).toEqual({ code: "DATABASE_UNAVAILABLE", http: { status: 503 } });
  });

  it("keeps the stack trace in development mode", () => {
    const error = resolverError(new DatabaseUnavailableError("gone"));
    const formatted = {
      ...error.toJSON(),
      extensions: { code: "DATABASE_UNAVAILABLE", stacktrace: ["at x"] },
    };
    expect(formatApiError(true)(formatted, error).extensions).toEqual({
      code: "DATABASE_UNAVAILABLE",
      stacktrace: ["at x"],
    });
  });
});
