import fs from "node:fs";
import path from "node:path";
import {
  GraphQLSchema,
  Kind,
  getIntrospectionQuery,
  getNamedType,
  isInputObjectType,
  isObjectType,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApiSchema } from "../../../src/api/build-schema.js";
import { createApi, keyMatches, shortenQuotes, type Api } from "../../../src/api/create-server.js";
import { limits, quoted, stringInputCaps } from "../../../src/api/limits.js";
import { databaseFields, measureOperation } from "../../../src/api/operation-cost.js";
import { checkStringInputs } from "../../../src/api/operation-limits.plugin.js";
import { operationLimitsRule } from "../../../src/api/operation-limits.rule.js";
import { projectRoot } from "../../../src/config/settings.js";
import type { GraphExecutor } from "../../../src/graph/executor.js";
import { maxSourceChars } from "../../../src/graph/ingest.js";

// The operation limits without a database: the measurement (operation-cost.ts), the validation
// rule, the plugin that measures again with variables, and Apollo in-process with an executor
// that only counts the statements it is asked to run (a refused operation must run none).

let schema: GraphQLSchema;
let api: Api;
let statements = 0;

beforeAll(async () => {
  schema = await buildApiSchema();
  const executor = {
    scoped: () => executor,
    read: async () => {
      statements += 1;
      return [];
    },
    write: async () => {
      statements += 1;
      return [];
    },
  };
  api = await createApi({ graph: executor as unknown as GraphExecutor, apiKey: "secret" });
});

function fragmentsOf(document: DocumentNode) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return (name: string) => fragments.get(name);
}

function operationsOf(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
}

function measure(query: string, variables: Record<string, unknown> | null = {}) {
  const document = parse(query);
  return measureOperation(schema, operationsOf(document)[0]!, fragmentsOf(document), variables);
}

const ruleErrors = (query: string) =>
  validate(schema, parse(query, { maxTokens: limits.maxQueryTokens }), [operationLimitsRule()]);

async function execute(query: string, variables: Record<string, unknown> = {}) {
  statements = 0;
  const response = await api.apollo.executeOperation(
    { query, variables },
    { contextValue: await api.contextFor({}) },
  );
  const result = response.body.kind === "single" ? response.body.singleResult : null;
  return {
    status: response.http.status ?? 200,
    errors: result?.errors ?? [],
    codes: (result?.errors ?? []).map((e) => e.extensions?.code),
    statements,
  };
}

/** `fragment F0 on Query { ...F1 ...F1 }` … : 2^levels spreads of the last fragment when expanded. */
function fragmentFanOut(levels: number): string {
  const lines = ["query FanOut { ...F0 }"];
  for (let i = 0; i < levels; i++) lines.push(`fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  lines.push(`fragment F${levels} on Query { stats { documents } }`);
  return lines.join("\n");
}

describe("measuring an operation", () => {
  it("measures each fragment once: a fan-out of 30 levels is refused at once", () => {
    const started = performance.now();
    const measured = measure(fragmentFanOut(30));
    expect(measured.exceeded).toBe("databaseFields");
    expect(ruleErrors(fragmentFanOut(30)).map((e) => e.message)).toEqual([
      expect.stringMatching(/^Operation FanOut reads the database in \d+ fields or more/),
    ]);
    // exponential work would take hours here (44 s at 24 levels before); linear takes milliseconds
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("counts a repeated fragment at every spread (cost and database fields)", () => {
    const once = measure("{ ...D } fragment D on Query { documents(first: 2) { edges { node { key } } } }");
    const twice = measure(
      "{ ...D a: documents { totalCount } ...D } fragment D on Query { documents(first: 2) { edges { node { key } } } }",
    );
    expect(once.exceeded).toBeNull();
    expect(twice.databaseFields).toBe(3);
    expect(twice.cost).toBeGreaterThan(2 * once.cost);
  });

  it("stops at the first level past maxDepth, however deep the nesting (no deep recursion)", () => {
    const depth = 900; // within the token cap: the deepest nesting the parser lets through
    const query = `{ node(id: "x") { ... on Task { ${"parent { ".repeat(depth)}code${" }".repeat(depth)} } } }`;
    const measured = measure(query);
    expect(measured.exceeded).toBe("depth");
    expect(measured.depth).toBe(limits.maxQueryDepth + 1);
  });

  it("counts a list's size at the literal, the variable's value, the operation's default, capped", () => {
    const query = "query ($n: Int) { documents(first: $n) { edges { node { tasks { code } } } } }";
    const at = (variables: Record<string, unknown> | null) => measure(query, variables).cost;
    const inline = (n: number) =>
      measure(`{ documents(first: ${n}) { edges { node { tasks { code } } } } }`).cost;
    expect(at({ n: 7 })).toBe(inline(7));
    expect(at({ n: 100 })).toBe(inline(100));
    expect(at({ n: 5_000 })).toBe(inline(100)); // capped, as the resolver caps it
    expect(inline(5_000)).toBe(inline(100));
    expect(at({})).toBe(inline(limits.defaultPageSize)); // absent: the field's default
    expect(at(null)).toBe(inline(1)); // unknown (validation): a lower bound
    expect(
      measure("query ($n: Int = 60) { documents(first: $n) { edges { node { tasks { code } } } } }", {}).cost,
    ).toBe(inline(60));
    expect(measure("{ documents { edges { node { tasks { code } } } } }").cost).toBe(
      inline(limits.defaultPageSize),
    );
  });

  it("charges a database field a statement, not a field", () => {
    const plain = measure("{ version }");
    const read = measure("{ stats { documents } }");
    expect(plain.databaseFields).toBe(0);
    expect(read.databaseFields).toBe(1);
    expect(read.cost).toBeGreaterThanOrEqual(limits.databaseFieldCost);
  });

  it("names only fields that exist in the schema as database fields", () => {
    for (const coordinate of databaseFields) {
      const [typeName, fieldName] = coordinate.split(".") as [string, string];
      const type = schema.getType(typeName);
      expect(isObjectType(type) && type.getFields()[fieldName], coordinate).toBeTruthy();
    }
  });
});

describe("operations the product sends are accepted", () => {
  const realistic: Record<string, unknown> = {
    text: "chuyển đổi số",
    symbol: "Nghị quyết số 26-NQ/TW ngày 19/5/2018",
    id: "RG9jdW1lbnQ6TlF8MjYtTlEvVFd8MjAxOA",
    from: "RG9jdW1lbnQ6TlF8MjYtTlEvVFd8MjAxOA",
    to: "RG9jdW1lbnQ6TlF8MjYtTlEvVFd8MjAxOA",
    first: limits.maxPageSize,
    limit: limits.maxNeighborhoodNodes,
    depth: limits.maxNeighborhoodDepth,
    maxDepth: limits.maxTraversalDepth,
    year: 2018,
    transitive: true,
    after: null,
    sourceName: "upload.txt",
    code: "II.1",
  };
  const files = fs
    .readdirSync(path.join(projectRoot, "schema", "operations"))
    .filter((f) => f.endsWith(".graphql"))
    .map((f) => [f, fs.readFileSync(path.join(projectRoot, "schema", "operations", f), "utf8")] as const);
  const apiMd = fs.readFileSync(path.join(projectRoot, "docs", "API.md"), "utf8");
  const examples = [...apiMd.matchAll(/```graphql\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter((query) => !query.includes("parent { parent { parent { parent { parent { parent { parent"));

  it.each(files)(
    "every operation of schema/operations/%s, at the largest sizes its variables allow",
    (_, text) => {
      const document = parse(text, { maxTokens: limits.maxQueryTokens });
      expect(validate(schema, document, [...specifiedRules, operationLimitsRule()])).toEqual([]);
      for (const operation of operationsOf(document)) {
        const variables = Object.fromEntries(
          (operation.variableDefinitions ?? []).map((d) => [
            d.variable.name.value,
            realistic[d.variable.name.value],
          ]),
        );
        const measured = measureOperation(schema, operation, fragmentsOf(document), variables);
        expect(measured, operation.name?.value).toMatchObject({ exceeded: null });
        expect(measured.cost, operation.name?.value).toBeLessThanOrEqual(limits.maxQueryCost / 2);
        checkStringInputs(schema, document, operation, variables);
      }
    },
  );

  it("every example of docs/API.md (but the one shown refused)", () => {
    expect(examples.length).toBeGreaterThan(10);
    for (const query of examples) {
      const document = parse(query, { maxTokens: limits.maxQueryTokens });
      expect(validate(schema, document, [...specifiedRules, operationLimitsRule()]), query).toEqual([]);
    }
  });

  it("the introspection query GraphiQL sends, well within the token cap", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    expect(ruleErrors(query)).toEqual([]);
    const answer = await execute(query);
    expect(answer.errors).toEqual([]);
  });
});

describe("through Apollo (nothing runs when refused)", () => {
  it("refuses 2,000 aliased searches before running any", async () => {
    const aliases = Array.from(
      { length: 2_000 },
      (_, i) => `s${i}: search(text: "x", first: 1) { totalCount }`,
    );
    // 2,000 aliases are more tokens than a document may hold …
    const long = await execute(`{ ${aliases.join(" ")} }`);
    expect(long).toMatchObject({ status: 400, codes: ["GRAPHQL_PARSE_FAILED"], statements: 0 });
    // … and the most that fit are over the database-field limit
    const fit = await execute(`{ ${aliases.slice(0, 100).join(" ")} }`);
    expect(fit).toMatchObject({ status: 400, codes: ["GRAPHQL_VALIDATION_FAILED"], statements: 0 });
    expect(fit.errors[0]?.message).toMatch(/reads the database in \d+ fields or more .*at most 30/);
    expect(fit.errors[0]?.extensions).toMatchObject({ limit: "databaseFields", maxDatabaseFields: 30 });
    const few = await execute(`{ ${aliases.slice(0, 5).join(" ")} }`);
    expect(few).toMatchObject({ errors: [], statements: 5 });
  });

  it("counts a variable page size at its value: refused as the same inline value is", async () => {
    const selection =
      "{ edges { node { citedBy(first: 100) { edges { node { quote task { children { code } } } } } } } }";
    const inline = await execute(`{ documents(first: 100) ${selection} }`);
    expect(inline).toMatchObject({ status: 400, codes: ["GRAPHQL_VALIDATION_FAILED"], statements: 0 });
    const variable = await execute(`query ($n: Int) { documents(first: $n) ${selection} }`, { n: 100 });
    expect(variable).toMatchObject({ status: 400, codes: ["GRAPHQL_VALIDATION_FAILED"], statements: 0 });
    expect(variable.errors[0]?.message).toMatch(/would cost about \d+/);
    expect(variable.errors[0]?.extensions).toMatchObject({ limit: "cost", maxCost: limits.maxQueryCost });
    const defaulted = await execute(`query ($n: Int = 100) { documents(first: $n) ${selection} }`);
    expect(defaulted).toMatchObject({ status: 400, codes: ["GRAPHQL_VALIDATION_FAILED"], statements: 0 });
    const small = await execute(`query ($n: Int) { documents(first: $n) ${selection} }`, { n: 1 });
    expect(small.codes).toEqual([]);
  });

  it("keeps a measurement per operation and per value of its page sizes, never across values", async () => {
    // the same text is parsed once and its measurement kept (#21): each value of $n is its own
    const selection =
      "{ edges { node { citedBy(first: 100) { edges { node { quote task { children { code } } } } } } } }";
    const query = `query Kept($n: Int, $s: String) { documents(first: $n, after: $s) ${selection} }`;
    for (const [n, refused] of [
      [1, false],
      [100, true],
      [1, false],
      [100, true],
      [2, false],
    ] as const) {
      const answer = await execute(query, { n, s: null });
      expect(answer.codes, `first: ${n}`).toEqual(refused ? ["GRAPHQL_VALIDATION_FAILED"] : []);
    }
    // a string variable is checked on every request, whatever was kept for the operation
    const long = await execute(query, { n: 1, s: "x".repeat(limits.maxIdChars + 1) });
    expect(long.codes).toEqual(["BAD_USER_INPUT"]);
    const short = await execute(query, { n: 1, s: null });
    expect(short.codes).toEqual([]);
  });

  it("counts a neighbourhood limit of 500 given as a variable", async () => {
    const query = `query ($l: Int) { a: neighborhood(id: "x", limit: $l) { nodes { id properties caption } edges { id from to properties quote } }
      b: neighborhood(id: "x", limit: $l) { nodes { id properties caption } edges { id from to properties quote } }
      c: neighborhood(id: "x", limit: $l) { nodes { id properties caption } edges { id from to properties quote } }
      d: neighborhood(id: "x", limit: $l) { nodes { id properties caption } edges { id from to properties quote } } }`;
    expect(ruleErrors(query)).toEqual([]);
    const refused = await execute(query, { l: 500 });
    expect(refused).toMatchObject({ status: 400, codes: ["GRAPHQL_VALIDATION_FAILED"], statements: 0 });
  });

  it("answers a subscription with 400 BAD_REQUEST and a clear message", async () => {
    const answer = await execute("subscription { x }");
    expect(answer).toMatchObject({ status: 400, codes: ["BAD_REQUEST"], statements: 0 });
    expect(answer.errors[0]?.message).toMatch(/no subscriptions/);
  });

  it("refuses a document over the token cap, however it is nested, at once", async () => {
    const megabyte = `{ ${"stats ".repeat(170_000)}}`;
    expect(megabyte.length).toBeGreaterThan(1_000_000);
    for (const query of [megabyte, `${"{ a ".repeat(100_000)}${"}".repeat(100_000)}`]) {
      const answer = await execute(query);
      expect(answer).toMatchObject({ status: 400, codes: ["GRAPHQL_PARSE_FAILED"], statements: 0 });
      expect(answer.errors[0]?.message).toMatch(/more that? \d+ tokens/);
    }
    // the deepest nesting within the cap is parsed and refused by depth, not by a stack overflow
    const deep = Math.floor(limits.maxQueryTokens / 3) - 10; // "parent {" … "}": 3 tokens a level
    const answer = await execute(
      `{ node(id: "x") { ... on Task { ${"parent { ".repeat(deep)}code${" }".repeat(deep)} } } }`,
    );
    expect(answer).toMatchObject({ status: 400, codes: ["GRAPHQL_VALIDATION_FAILED"], statements: 0 });
    expect(answer.errors[0]?.message).toMatch(/nested \d+ levels deep; at most 10/);
  });

  it("refuses an over-long string argument with a short message, before anything runs", async () => {
    const huge = "A".repeat(1_000_000);
    for (const [query, variables] of [
      [`{ node(id: "${huge}") { id } }`, {}],
      ["query ($id: ID!) { node(id: $id) { id } }", { id: huge }],
      ["query ($c: String) { documents(after: $c) { totalCount } }", { c: huge }],
      ["query ($f: DocumentFilter) { documents(filter: $f) { totalCount } }", { f: { issuer: huge } }],
      ['{ documents(filter: { type: "' + huge + '" }) { totalCount } }', {}],
      ["query ($s: String!) { document(symbol: $s) { key } }", { s: huge }],
      ["query ($t: String!) { search(text: $t) { totalCount } }", { t: huge }],
    ] as const) {
      const answer = await execute(query, variables);
      expect(answer, query.slice(0, 60)).toMatchObject({
        status: 400,
        codes: ["BAD_USER_INPUT"],
        statements: 0,
      });
      expect(JSON.stringify(answer.errors).length).toBeLessThan(500);
      expect(answer.errors[0]?.message).toMatch(/is limited to \d+ characters \(got 1000000\)/);
    }
  });

  it("lets ingestDocument text up to the loader's own limit through to the loader", async () => {
    const document = parse("mutation ($t: String!) { ingestDocument(text: $t) { status } }");
    const operation = operationsOf(document)[0]!;
    expect(() =>
      checkStringInputs(schema, document, operation, { t: "x".repeat(maxSourceChars) }),
    ).not.toThrow();
    expect(() =>
      checkStringInputs(schema, document, operation, { t: "x".repeat(maxSourceChars + 1) }),
    ).toThrow(/limited to 5000000 characters/);
  });
});

describe("string inputs", () => {
  it("every String or ID argument and input field of the schema has a cap", () => {
    const inputs: Array<{ coordinate: string; description: string | null | undefined }> = [];
    const isString = (type: GraphQLInputType) => ["String", "ID"].includes(getNamedType(type).name);
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (isObjectType(type))
        for (const field of Object.values(type.getFields()))
          for (const argument of field.args)
            if (isString(argument.type))
              inputs.push({
                coordinate: `${type.name}.${field.name}.${argument.name}`,
                description: argument.description,
              });
      if (isInputObjectType(type))
        for (const field of Object.values(type.getFields()))
          if (isString(field.type))
            inputs.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
    }
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((i) => !(i.coordinate in stringInputCaps)).map((i) => i.coordinate)).toEqual([]);
    expect(Object.keys(stringInputCaps).filter((c) => !inputs.some((i) => i.coordinate === c))).toEqual([]);
    // the argument classes of arguments.args.ts say their caps in the schema
    for (const coordinate of [
      "Query.document.symbol",
      "Query.search.text",
      "Query.search.after",
      "Query.path.from",
      "Query.neighborhood.id",
      "Document.citedBy.after",
      "Mutation.ingestDocument.text",
      "Mutation.ingestDocument.sourceName",
    ]) {
      const cap = stringInputCaps[coordinate]!.toLocaleString("en-US");
      expect(inputs.find((i) => i.coordinate === coordinate)?.description, coordinate).toContain(
        `at most ${cap} characters`,
      );
    }
  });

  it("quotes at most a short prefix", () => {
    expect(quoted("abc")).toBe('"abc"');
    expect(quoted("x".repeat(1_000_000))).toBe(`"${"x".repeat(limits.quotedChars)}…"`);
    const shortened = shortenQuotes({
      message: `"${"y".repeat(5_000)}" is not a cancu id (ids come from the id field)`,
      extensions: { code: "BAD_USER_INPUT", argumentValue: "y".repeat(5_000) },
    });
    expect(shortened.message).toBe(
      `"${"y".repeat(limits.quotedChars)}…" is not a cancu id (ids come from the id field)`,
    );
    expect(String(shortened.extensions?.argumentValue).length).toBe(limits.quotedChars + 1);
    const pieces = shortenQuotes({ message: `Variable "$n" got invalid value "${'a\\"'.repeat(100_000)}"` });
    expect(pieces.message.length).toBeLessThanOrEqual(1_001);
  });
});

describe("API key", () => {
  it("compares keys by their digests: equal only when equal, whatever the lengths", () => {
    expect(keyMatches("secret", "secret")).toBe(true);
    expect(keyMatches("secret ", "secret")).toBe(false);
    expect(keyMatches("s", "secret")).toBe(false);
    expect(keyMatches("x".repeat(10_000), "secret")).toBe(false);
    expect(keyMatches(undefined, "secret")).toBe(false);
    expect(keyMatches("", undefined)).toBe(false);
  });

  it("accepts x-api-key and Authorization: Bearer", async () => {
    expect((await api.contextFor({ "x-api-key": "secret" })).canWrite).toBe(true);
    expect((await api.contextFor({ authorization: "Bearer secret" })).canWrite).toBe(true);
    expect((await api.contextFor({ authorization: "Bearer wrong" })).canWrite).toBe(false);
    expect((await api.contextFor({})).canWrite).toBe(false);
  });
});
