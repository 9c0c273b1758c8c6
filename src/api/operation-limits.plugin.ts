import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from "graphql";
import { limits, stringInputCaps } from "./limits.js";
import {
  defaultCostLimits,
  limitMessage,
  measureOperation,
  type CostLimits,
  type OperationMeasure,
} from "./operation-cost.js";

/**
 * Checks every operation before it runs, with the request's variables (validation, cached per
 * document, cannot see them):
 * - a subscription is BAD_REQUEST (the schema has none; graphql-js 16 does not report it in
 *   validation and its executor's error would be masked as INTERNAL_SERVER_ERROR);
 * - every String or ID argument and input field is within its cap (stringInputCaps), else
 *   BAD_USER_INPUT, naming the argument without quoting it;
 * - the operation's cost, measured as the validation rule does but with a `first` or `limit`
 *   given as a variable counted at its value (or the operation's default), capped at the field's
 *   maximum: above the limit it is GRAPHQL_VALIDATION_FAILED with `limit: "cost"` (or
 *   "databaseFields"), as the rule answers an inline value.
 * Each answers HTTP 400 and nothing runs.
 */
export function operationLimitsPlugin(bounds: CostLimits = defaultCostLimits): ApolloServerPlugin {
  // per server (one schema, these bounds)
  const keptMeasures: KeptMeasures = new WeakMap();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          if (operation.operation === "subscription")
            throw refused(
              "This API has no subscriptions: send a query or a mutation (subscription operations are not supported).",
              "BAD_REQUEST",
            );
          const variables = request.variables ?? {};
          checkStringInputs(schema, document, operation, variables);
          const measured = measuredOperation(schema, document, operation, variables, bounds, keptMeasures);
          const limit = limitMessage(measured, operation.name?.value ?? null, bounds);
          if (limit) throw refused(limit.message, "GRAPHQL_VALIDATION_FAILED", limit.extensions);
        },
      };
    },
  };
}

/** Measurements kept per operation (Apollo reuses a parsed document while its text is the same). */
interface KeptMeasure {
  /** the variables the measurement read, in the order it read them, and their values then */
  read: Array<[name: string, value: string]>;
  measured: OperationMeasure;
}
type KeptMeasures = WeakMap<OperationDefinitionNode, KeptMeasure[]>;
/** measurements kept per operation (distinct values of its size variables); the oldest goes first */
const maxKeptPerOperation = 32;

/**
 * measureOperation, done once per operation and per value of the variables it reads (a `first`
 * or `limit` given as a variable); the other variables (a symbol, an id) do not change the cost,
 * so a question asked with new values costs no new walk. A measurement reads variables in an
 * order fixed by the document and by the values read before, so a request whose values agree
 * on every variable a kept measurement read would walk the same way: its result is that one.
 */
function measuredOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  bounds: CostLimits,
  keptMeasures: KeptMeasures,
): OperationMeasure {
  const valueOf = (name: string) => JSON.stringify(variables[name]) ?? "undefined";
  let kept = keptMeasures.get(operation);
  const found = kept?.find((k) => k.read.every(([name, value]) => valueOf(name) === value));
  if (found) return found.measured;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const read: KeptMeasure["read"] = [];
  const watched = new Proxy(variables, {
    get(target, property, receiver) {
      if (typeof property === "string") read.push([property, valueOf(property)]);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  const measured = measureOperation(schema, operation, (name) => fragments.get(name), watched, bounds);
  if (!kept) keptMeasures.set(operation, (kept = []));
  if (kept.length >= maxKeptPerOperation) kept.shift();
  kept.push({ read, measured });
  return measured;
}

function refused(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code, http: { status: 400 } } });
}

/** String inputs without a cap of their own (there should be none: a test checks) get this one. */
const fallbackCap = limits.maxIdChars;

/**
 * Refuses an over-long String or ID input, inline or in a variable, with BAD_USER_INPUT before
 * any work. One pass over the operation and the fragments (each once, not once per spread).
 */
export function checkStringInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): void {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);

  const tooLong = (coordinate: string, length: number) => {
    const cap = stringInputCaps[coordinate] ?? fallbackCap;
    if (length <= cap) return;
    const name = coordinate.split(".").slice(1).join(".");
    throw refused(
      `${name} is limited to ${cap} characters (got ${length}); nothing was run.`,
      "BAD_USER_INPUT",
      { argumentName: name, maxLength: cap, length },
    );
  };

  /** A variable's value, as JSON. */
  const checkJson = (value: unknown, type: GraphQLInputType, coordinate: string): void => {
    if (typeof value === "string") return tooLong(coordinate, value.length);
    const inner = isNonNullType(type) ? type.ofType : type;
    if (Array.isArray(value)) {
      const item = isListType(inner) ? inner.ofType : inner;
      for (const entry of value) checkJson(entry, item, coordinate);
      return;
    }
    const named = getNamedType(type);
    if (value && typeof value === "object" && isInputObjectType(named)) {
      const fields = named.getFields();
      for (const [key, entry] of Object.entries(value)) {
        const field = fields[key];
        if (field) checkJson(entry, field.type, `${named.name}.${key}`);
      }
    }
  };

  /** A value written in the document. */
  const checkValue = (value: ValueNode, type: GraphQLInputType, coordinate: string): void => {
    switch (value.kind) {
      case Kind.STRING:
        return tooLong(coordinate, value.value.length);
      case Kind.VARIABLE: {
        const given = variables[value.name.value];
        if (given !== undefined) return checkJson(given, type, coordinate);
        const fallback = defaults.get(value.name.value);
        if (fallback) checkValue(fallback, type, coordinate);
        return;
      }
      case Kind.LIST: {
        const inner = isNonNullType(type) ? type.ofType : type;
        const item = isListType(inner) ? inner.ofType : inner;
        for (const entry of value.values) checkValue(entry, item, coordinate);
        return;
      }
      case Kind.OBJECT: {
        const named = getNamedType(type);
        if (!isInputObjectType(named)) return;
        const fields = named.getFields();
        for (const field of value.fields) {
          const definition = fields[field.name.value];
          if (definition) checkValue(field.value, definition.type, `${named.name}.${field.name.value}`);
        }
        return;
      }
      default:
        return;
    }
  };

  for (const site of stringInputSites(schema, document, operation))
    checkValue(site.value, site.type, site.coordinate);
}

/** An argument's value as written in an operation or one of its fragments, with its input type. */
interface InputSite {
  value: ValueNode;
  type: GraphQLInputType;
  /** Type.field.argument */
  coordinate: string;
}

/** Every operation's argument sites, found once (Apollo reuses a parsed document while its text is the same). */
const sitesOf = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; sites: InputSite[] }>();

/** The arguments of the operation and of the fragments (each once, not once per spread), typed. */
function stringInputSites(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): InputSite[] {
  const known = sitesOf.get(operation);
  if (known?.schema === schema) return known.sites;
  const sites: InputSite[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const argument = typeInfo.getArgument();
      const field = typeInfo.getFieldDef();
      const parent = typeInfo.getParentType();
      if (!argument || !field || !parent || typeInfo.getDirective()) return false;
      sites.push({
        value: node.value,
        type: argument.type,
        coordinate: `${parent.name}.${field.name}.${argument.name}`,
      });
      return false;
    },
  });
  for (const definition of document.definitions)
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  sitesOf.set(operation, { schema, sites });
  return sites;
}
