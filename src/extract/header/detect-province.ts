import type { MatchingText } from "../text/matching-text.js";
import { PROVINCE_MENTION } from "../patterns.js";
import { provinceFromFolded } from "./resolve-organization.js";

/** The province a document is about: the one most often written "tỉnh X" / "thành phố X". */
export function detectProvince(mt: MatchingText): string | null {
  const counts = new Map<string, number>();
  PROVINCE_MENTION.lastIndex = 0;
  for (let m = PROVINCE_MENTION.exec(mt.folded); m; m = PROVINCE_MENTION.exec(mt.folded)) {
    const p = provinceFromFolded(m[1]!);
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [p, c] of counts) {
    if (c > bestCount) {
      best = p;
      bestCount = c;
    }
  }
  return best;
}
