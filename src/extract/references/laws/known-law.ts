import { foldKey } from "../../text/fold-vietnamese.js";
import { KNOWN_LAWS } from "./known-laws.js";

/** A law of the corpus as its own text gives it: the name it is promulgated under, its number, its date of adoption. */
export interface KnownLaw {
  name: string;
  symbol: string;
  /** ISO date of adoption (the header's "Hà Nội, ngày …") */
  date: string;
  /** the file of ../shared/corpus it was read from */
  source: string;
}

const byNameAndDate = new Map<string, KnownLaw[]>();
for (const law of KNOWN_LAWS) {
  const key = `${foldKey(law.name)}|${law.date}`;
  byNameAndDate.set(key, [...(byNameAndDate.get(key) ?? []), law]);
}

/**
 * The one known law whose name and date of adoption are those written ("Bộ luật Lao động ngày 20
 * tháng 11 năm 2019" → 45/2019/QH14); null when none or more than one fits.
 */
export function knownLaw(name: string, date: string | null): KnownLaw | null {
  if (date === null) return null;
  const found = byNameAndDate.get(`${foldKey(name)}|${date}`) ?? [];
  return found.length === 1 ? found[0]! : null;
}
