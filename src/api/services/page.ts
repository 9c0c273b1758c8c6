import { encodeCursor } from "../cursor.js";

/** One page of a keyset-paginated list, ready to become a Relay connection. */
export interface Page<Edge> {
  edges: (Edge & { cursor: string })[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  /** null when the client did not select totalCount (it was not computed) */
  totalCount: number | null;
}

/**
 * Builds a page from the `first + 1` rows a query returned: the extra row only tells that a next
 * page exists. `hasPreviousPage` is true when the client paged with `after`.
 */
export function toPage<Edge>(
  rows: Edge[],
  first: number,
  sortKey: (edge: Edge) => readonly (string | number)[],
  total: number | null,
  afterGiven: boolean,
): Page<Edge> {
  const kept = rows.slice(0, first);
  const edges = kept.map((edge) => ({ ...edge, cursor: encodeCursor(sortKey(edge)) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: afterGiven,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: total,
  };
}
