import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/**
 * Whether the client selected `field` directly under the field being resolved (through fragments
 * too): lets a connection count its total only when totalCount is asked for.
 */
export function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value === field) return true;
      if (selection.kind === Kind.INLINE_FRAGMENT && visit(selection.selectionSet, seen)) return true;
      if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        if (visit(info.fragments[selection.name.value]?.selectionSet, seen)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => visit(node.selectionSet, new Set()));
}
