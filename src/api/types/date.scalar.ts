import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function checked(value: unknown): string {
  if (typeof value !== "string" || !isoDate.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new GraphQLError(`Date must be an ISO calendar date yyyy-mm-dd (got ${JSON.stringify(value)})`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  return value;
}

/** A calendar date as the graph stores it (`issuedOn`: "2018-05-19"), without time or zone. */
export const DateScalar = new GraphQLScalarType({
  name: "Date",
  description: "A calendar date, ISO 8601 yyyy-mm-dd (2018-05-19)",
  serialize: checked,
  parseValue: checked,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("Date must be a string yyyy-mm-dd");
    return checked(ast.value);
  },
});
