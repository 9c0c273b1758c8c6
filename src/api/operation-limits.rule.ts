import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { limits } from "./limits.js";

/** Arguments that say how long a list field is; when given as variables, the default page is assumed. */
const sizeArguments = ["first", "limit"];
/** A list without a size argument (tasks, children, citations) is assumed to hold this many. */
const assumedListSize = 10;
/** Lists inside these types are already counted by the argument of the field that returned them. */
const sizedContainer = /(Connection|Subgraph|GraphPath)$/;

interface Measure {
  depth: number;
  cost: number;
}

function listSize(field: FieldNode, isList: boolean): number {
  for (const argument of field.arguments ?? []) {
    if (!sizeArguments.includes(argument.name.value)) continue;
    if (argument.value.kind === Kind.INT) return Math.max(1, Number(argument.value.value));
    return limits.defaultPageSize;
  }
  return isList ? assumedListSize : 1;
}

/**
 * Rejects operations nested deeper than limits.maxQueryDepth or costing more than
 * limits.maxQueryCost, before anything runs. Introspection (`__schema`, `__type`) is exempt so
 * GraphiQL and codegen keep working.
 */
export function operationLimitsRule(
  maxDepth: number = limits.maxQueryDepth,
  maxCost: number = limits.maxQueryCost,
): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const listFields = new Set<string>();
    const measure = (selectionSet: SelectionSetNode, parentType: string, seen: Set<string>): Measure => {
      let depth = 0;
      let cost = 0;
      for (const selection of selectionSet.selections) {
        let inner: Measure = { depth: 0, cost: 0 };
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          if (name === "__schema" || name === "__type") continue;
          const childType = fieldTypeName(context, parentType, name);
          const below = selection.selectionSet
            ? measure(selection.selectionSet, childType ?? "", seen)
            : { depth: 0, cost: 0 };
          const isList = listFields.has(`${parentType}.${name}`) && !sizedContainer.test(parentType);
          const size = listSize(selection, isList);
          inner = { depth: below.depth + 1, cost: 1 + size * below.cost };
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          inner = measure(selection.selectionSet, selection.typeCondition?.name.value ?? parentType, seen);
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          if (!fragment || seen.has(name)) continue;
          inner = measure(fragment.selectionSet, fragment.typeCondition.name.value, new Set([...seen, name]));
        }
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
      }
      return { depth, cost };
    };
    const schema = context.getSchema();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!("getFields" in type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        if (String(field.type).includes("[")) listFields.add(`${type.name}.${field.name}`);
      }
    }
    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === "mutation"
            ? schema.getMutationType()
            : operation.operation === "subscription"
              ? schema.getSubscriptionType()
              : schema.getQueryType();
        const { depth, cost } = measure(operation.selectionSet, root?.name ?? "", new Set());
        const name = operation.name ? `Operation ${operation.name.value}` : "The operation";
        if (depth > maxDepth)
          context.reportError(
            new GraphQLError(`${name} is nested ${depth} levels deep; at most ${maxDepth} are allowed.`, {
              nodes: [operation],
              extensions: { limit: "depth", depth, maxDepth },
            }),
          );
        if (cost > maxCost)
          context.reportError(
            new GraphQLError(
              `${name} would cost about ${cost} (each field 1, times the size of the lists above it); at most ${maxCost} is allowed. Ask for smaller pages (first) or fewer nested lists.`,
              { nodes: [operation], extensions: { limit: "cost", cost, maxCost } },
            ),
          );
      },
    };
  };
}

function fieldTypeName(context: ValidationContext, parentType: string, fieldName: string): string | null {
  const type = context.getSchema().getType(parentType);
  if (!type || !("getFields" in type)) return null;
  const field = type.getFields()[fieldName];
  if (!field) return null;
  return String(field.type).replace(/[[\]!]/g, "");
}
