import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from "graphql";
import { defaultCostLimits, limitMessage, measureOperation, type CostLimits } from "./operation-cost.js";
import { limits } from "./limits.js";

/**
 * Rejects operations nested deeper than limits.maxQueryDepth, costing more than
 * limits.maxQueryCost or reading the database in more than limits.maxDatabaseFields fields, before
 * anything runs (measureOperation, in time linear in the document). Validation does not see
 * variables (and Apollo caches it per document), so a size given as a variable counts as 1 here;
 * operation-limits.plugin.ts measures again with the request's values. Subscriptions are left to
 * the plugin, which refuses them as BAD_REQUEST. Introspection is exempt.
 */
export function operationLimitsRule(
  maxDepth: number = limits.maxQueryDepth,
  maxCost: number = limits.maxQueryCost,
  maxDatabaseFields: number = limits.maxDatabaseFields,
): ValidationRule {
  const bounds: CostLimits = { ...defaultCostLimits, maxDepth, maxCost, maxDatabaseFields };
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      if (operation.operation === "subscription") return false;
      const measured = measureOperation(
        context.getSchema(),
        operation,
        (name) => context.getFragment(name),
        null,
        bounds,
      );
      const refused = limitMessage(measured, operation.name?.value ?? null, bounds);
      if (refused)
        context.reportError(
          new GraphQLError(refused.message, { nodes: [operation], extensions: refused.extensions }),
        );
      return false;
    },
  });
}
