import type { TreeNode } from "./task-tree.js";

/**
 * Finds the innermost unit containing an offset: nodes are in document order and nested, so a
 * binary search for the last node starting at or before the offset, then a walk up to the first
 * ancestor that still contains it.
 */
export function innermostTaskLocator(nodes: readonly TreeNode[]): (offset: number) => string | null {
  const starts = nodes.map((n) => n.start);
  return (offset: number): string | null => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    let node: TreeNode | null = lo > 0 ? nodes[lo - 1]! : null;
    while (node && offset >= node.end) node = node.parent;
    return node ? node.code : null;
  };
}
