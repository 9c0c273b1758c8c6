import {
  getNamedType,
  isInterfaceType,
  isListType,
  isObjectType,
  isNonNullType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { limits } from "./limits.js";

/**
 * The cost and depth of one operation, measured in one pass over the document: each fragment is
 * measured once (by name) however often it is spread, and the walk stops as soon as a limit is
 * passed, so neither a fan-out of fragments nor a very deep nesting can make it slow or deep.
 *
 * The model:
 * - every field costs 1, times the number of items of the lists above it. A list's size is its
 *   `first` or `limit` (a literal, a variable's value, or the argument's default), capped at the
 *   field's own maximum; a list without one (tasks, citations …) is assumed to hold 10 (a task's
 *   children 3).
 *   Lists inside a connection or a subgraph are already counted by the field that returned it.
 * - every field that runs a Cypher statement (databaseFields below) adds databaseFieldCost once
 *   per occurrence, and is counted against maxDatabaseFields. Nested ones are batched through the
 *   request's DataLoaders (graph-loaders.ts): one statement per occurrence and level of nesting,
 *   whatever the length of the lists above it, so their statement is not multiplied by those
 *   lists; root fields run one statement per alias.
 * - introspection (`__schema`, `__type`) is free, so GraphiQL and codegen keep working.
 */

/**
 * Fields that run a Cypher statement (resolvers in src/api/resolvers/*). Root fields run one
 * statement each (`node` loads through a DataLoader); the others load through the request's
 * DataLoaders, one statement per level. `DrivingDirective.document` and `.via`, connection
 * `totalCount`s and subgraph `nodes`/`edges` are read from the answer of the field above them.
 */
export const databaseFields: ReadonlySet<string> = new Set([
  "Query.document",
  "Query.documents",
  "Query.node",
  "Query.search",
  "Query.checkReference",
  "Query.path",
  "Query.neighborhood",
  "Query.stats",
  "Mutation.ingestDocument",
  "Document.tasks",
  "Document.task",
  "Document.citedBy",
  "Document.cites",
  "Document.tasksImplementing",
  "Document.status",
  "Document.relations",
  "Relation.source",
  "Relation.target",
  "Relation.task",
  "Relation.sentence",
  "StatusStatement.sentence",
  "Query.tasksDue",
  "Query.targets",
  "Query.organization",
  "Query.organizations",
  "Organization.province",
  "Organization.aliases",
  "Organization.parent",
  "Organization.children",
  "Organization.documentsIssued",
  "Organization.assignments",
  "Task.assignedTo",
  "Task.targets",
  "Document.targets",
  "Document.implementers",
  "ImplementationProof.implementingTask",
  "Target.task",
  "Target.document",
  "Assignment.task",
  "StatusStatement.by",
  "StatusStatement.task",
  "Task.document",
  "Task.parent",
  "Task.children",
  "Task.citations",
  "Task.directivesDriving",
  "Task.directivesDrivingPage",
  "Citation.task",
  "Citation.document",
  "DrivingDirective.inheritedFrom",
]);

/** The arguments that size a list, and the most each may ask for (larger values are capped). */
const sizeArgumentCaps: Readonly<Record<string, number>> = {
  first: limits.maxPageSize,
  limit: limits.maxNeighborhoodNodes,
};
/** A list without a size argument (tasks, citations, drivers …) is assumed to hold this many … */
export const assumedListSize = 10;
/**
 * … but a task's children 3: a task tree's branches are short and most tasks are leaves (the seed:
 * 28 tasks, at most 6 under one heading), and however deep `children` are nested, the tree itself
 * bounds what they return.
 */
const assumedListSizes: Readonly<Record<string, number>> = { "Task.children": 3 };
/** Lists inside these types are already counted by the argument of the field that returned them. */
const sizedContainer = /(Connection|Subgraph|GraphPath)$/;

export interface CostLimits {
  maxDepth: number;
  maxCost: number;
  maxDatabaseFields: number;
}

export const defaultCostLimits: CostLimits = {
  maxDepth: limits.maxQueryDepth,
  maxCost: limits.maxQueryCost,
  maxDatabaseFields: limits.maxDatabaseFields,
};

export interface OperationMeasure {
  /** fields nested, the deepest (introspection excluded) */
  depth: number;
  /** estimated cost (see above) */
  cost: number;
  /** occurrences of fields that run a Cypher statement */
  databaseFields: number;
  /** the first limit passed, where the walk stopped (the figures are then lower bounds) */
  exceeded: "depth" | "cost" | "databaseFields" | null;
}

/**
 * Variable values: the request's (the Apollo plugin knows them), or `null` when unknown (the
 * validation rule): a size given as a variable then counts as 1, a lower bound, and the plugin
 * measures the operation again with the values.
 */
export type VariableValues = Readonly<Record<string, unknown>> | null;

interface Partial {
  depth: number;
  /** the part that list sizes above multiply */
  perItem: number;
  /** database statements: not multiplied by the lists above (batched per level) */
  statements: number;
  databaseFields: number;
}

const nothing: Partial = { depth: 0, perItem: 0, statements: 0, databaseFields: 0 };

export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  variables: VariableValues,
  bounds: CostLimits = defaultCostLimits,
): OperationMeasure {
  const memo = new Map<string, Partial | "measuring">();
  let exceeded: OperationMeasure["exceeded"] = null;
  const over = (part: Partial): boolean => {
    if (exceeded) return true;
    if (part.depth > bounds.maxDepth) exceeded = "depth";
    else if (part.perItem + part.statements > bounds.maxCost) exceeded = "cost";
    else if (part.databaseFields > bounds.maxDatabaseFields) exceeded = "databaseFields";
    return exceeded !== null;
  };

  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);

  /** The number of items a list field returns, or 1 for a field that is not a list. */
  const listSize = (field: FieldNode, definition: GraphQLField<unknown, unknown>, parentType: string) => {
    for (const argument of definition.args) {
      const cap = sizeArgumentCaps[argument.name];
      if (cap === undefined) continue;
      const given = field.arguments?.find((a) => a.name.value === argument.name)?.value;
      let value: unknown = null;
      if (given?.kind === Kind.INT) value = Number(given.value);
      else if (given?.kind === Kind.VARIABLE) {
        const name = given.name.value;
        if (variables === null) return 1;
        value = variables[name];
        const fallback = defaults.get(name);
        if (value === undefined && fallback?.kind === Kind.INT) value = Number(fallback.value);
      }
      if (typeof value !== "number" || !Number.isInteger(value))
        value = typeof argument.defaultValue === "number" ? argument.defaultValue : limits.defaultPageSize;
      return Math.min(Math.max(1, value as number), cap);
    }
    if (!isList(definition.type) || sizedContainer.test(parentType)) return 1;
    return assumedListSizes[`${parentType}.${field.name.value}`] ?? assumedListSize;
  };

  /** `level`: fields above this selection set, from the operation or the fragment measured. */
  const measure = (selectionSet: SelectionSetNode, parentType: string, level: number): Partial => {
    if (level >= bounds.maxDepth) {
      // its fields would be nested deeper than allowed: no need to look (or recurse) further
      exceeded ??= "depth";
      return { ...nothing, depth: 1 };
    }
    const total: Partial = { ...nothing };
    const add = (part: Partial) => {
      total.depth = Math.max(total.depth, part.depth);
      total.perItem += part.perItem;
      total.statements += part.statements;
      total.databaseFields += part.databaseFields;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === "__schema" || name === "__type") continue;
        const type = schema.getType(parentType);
        const definition = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
        const isDatabase = databaseFields.has(`${parentType}.${name}`);
        const below = selection.selectionSet
          ? measure(selection.selectionSet, definition ? getNamedType(definition.type).name : "", level + 1)
          : nothing;
        const size = definition ? listSize(selection, definition, parentType) : 1;
        add({
          depth: below.depth + 1,
          perItem: 1 + size * below.perItem,
          statements: below.statements + (isDatabase ? limits.databaseFieldCost : 0),
          databaseFields: below.databaseFields + (isDatabase ? 1 : 0),
        });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(measure(selection.selectionSet, selection.typeCondition?.name.value ?? parentType, level));
      } else {
        const name = selection.name.value;
        let known = memo.get(name);
        if (known === undefined) {
          const definition = fragment(name);
          if (!definition) continue;
          memo.set(name, "measuring");
          // measured once from its own top, whatever the places it is spread from
          known = measure(definition.selectionSet, definition.typeCondition.name.value, 0);
          memo.set(name, known);
        }
        // a cycle (graphql's NoFragmentCyclesRule reports it) adds nothing
        if (known !== "measuring") add(known);
      }
      if (exceeded || over({ ...total, depth: total.depth + level })) return total;
    }
    return total;
  };

  const root =
    operation.operation === "mutation"
      ? schema.getMutationType()
      : operation.operation === "subscription"
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const result = measure(operation.selectionSet, root?.name ?? "", 0);
  return {
    depth: result.depth,
    cost: result.perItem + result.statements,
    databaseFields: result.databaseFields,
    exceeded,
  };
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The sentence a client reads when an operation is refused; `null` when within the limits. */
export function limitMessage(
  measured: OperationMeasure,
  operationName: string | null,
  bounds: CostLimits = defaultCostLimits,
): { message: string; extensions: Record<string, unknown> } | null {
  const name = operationName ? `Operation ${operationName}` : "The operation";
  const atLeast = measured.exceeded ? " or more" : "";
  switch (measured.exceeded) {
    case null:
      return null;
    case "depth":
      return {
        message: `${name} is nested ${measured.depth} levels deep; at most ${bounds.maxDepth} are allowed.`,
        extensions: { limit: "depth", depth: measured.depth, maxDepth: bounds.maxDepth },
      };
    case "cost":
      return {
        message: `${name} would cost about ${measured.cost}${atLeast} (each field 1, times the size of the lists above it, and ${limits.databaseFieldCost} for each field that reads the database); at most ${bounds.maxCost} is allowed. Ask for smaller pages (first, limit) or fewer nested lists.`,
        extensions: { limit: "cost", cost: measured.cost, maxCost: bounds.maxCost },
      };
    case "databaseFields":
      return {
        message: `${name} reads the database in ${measured.databaseFields} fields${atLeast} (aliases and fragment spreads counted); at most ${bounds.maxDatabaseFields} are allowed. Split it into several requests.`,
        extensions: {
          limit: "databaseFields",
          databaseFields: measured.databaseFields,
          maxDatabaseFields: bounds.maxDatabaseFields,
        },
      };
  }
}
