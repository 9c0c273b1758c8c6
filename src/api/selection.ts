import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { ChainFields } from "../graph/queries/projections.js";

/**
 * Whether the client selected `field` directly under the field being resolved (through fragments
 * too): lets a connection count its total only when totalCount is asked for.
 */
export function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  return selectsPath(info, [field]);
}

/**
 * Whether the client selected the nested field `path` under the field being resolved, e.g.
 * ["nodes", "properties"], through fragments too. Directives are not evaluated: a field under
 * `@include(if: false)` still counts (fetched and not shown, never missing).
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const visit = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value === path[depth]) {
        if (depth === path.length - 1 || visit(selection.selectionSet, depth + 1, new Set())) return true;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT && visit(selection.selectionSet, depth, seen)) return true;
      if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        if (visit(info.fragments[selection.name.value]?.selectionSet, depth, seen)) return true;
      }
    }
    return false;
  };
  return path.length > 0 && info.fieldNodes.some((node) => visit(node.selectionSet, 0, new Set()));
}

const citationDetails = ["date", "symbolAsPrinted", "relation", "warnings", "page"] as const;

/**
 * What of the chain citations under `path` (e.g. ["via"], ["edges", "via"]) the client selected:
 * their ends (`task`, `document`) and their details beyond quote and span.
 */
export function selectedChainFields(info: GraphQLResolveInfo, path: readonly string[]): ChainFields {
  return {
    ends: selectsPath(info, [...path, "task"]) || selectsPath(info, [...path, "document"]),
    details: citationDetails.some((field) => selectsPath(info, [...path, field])),
  };
}
