import { GraphQLError } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { formatApiError } from "../../../src/api/errors.js";

const resolverError = (original: Error) =>
  new GraphQLError(original.message, { path: ["node", "directivesDriving"], originalError: original });

describe("formatApiError", () => {
  const format = formatApiError(false);

  it("tells the client that the database stopped a query at the time limit, and what to do", () => {
    const timeout = new Neo4jError(
      "The transaction has not completed within the timeout specified at its start by the client.",
      "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
      "",
      "",
    );
    const error = resolverError(timeout);
    expect(format(error.toJSON(), error)).toEqual({
      message: expect.stringMatching(/longer than this server allows.*smaller maxDepth/),
      path: ["node", "directivesDriving"],
      extensions: { code: "QUERY_TIMEOUT" },
    });
  });

  it("still masks any other database error", () => {
    const other = new Neo4jError(
      "boom in MATCH (n:Secret)",
      "Neo.DatabaseError.General.UnknownError",
      "",
      "",
    );
    const error = resolverError(other);
    expect(format(error.toJSON(), error)).toEqual({
      message: "Internal server error",
      path: ["node", "directivesDriving"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});
