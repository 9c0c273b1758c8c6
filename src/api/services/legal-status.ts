/**
 * Legal force, derived and never guessed (issue #19): a document's status at a date follows only
 * from what ingested texts say — its own effect clause, and what other documents say of it
 * (replaces, repeals, suspends, amends) from the day they take effect. Pure: the API, the
 * reference checker and bench/status-accuracy.ts all call it.
 */

import type { StatusKind } from "../../graph/queries/relation.queries.js";

export { STATUS_KINDS, type StatusKind } from "../../graph/queries/relation.queries.js";

export type LegalStatusCode =
  | "IN_FORCE" // its own effect clause says it took effect, and nothing ingested says otherwise
  | "NOT_YET_IN_FORCE" // its own effect clause names a later date
  | "AMENDED" // in force, with parts amended (or replaced) by other documents
  | "PARTLY_REPEALED" // in force, with parts repealed
  | "SUSPENDED" // suspended as a whole
  | "REPLACED" // replaced as a whole by another document
  | "REPEALED" // repealed as a whole ("bãi bỏ", or "… hết hiệu lực" said by another document)
  | "EXPIRED" // its own clause says until when, and that date has passed
  | "UNKNOWN"; // nothing ingested says anything

/** Where the date of an event comes from. */
export type EventDateBasis =
  | "effective" // the stating document's effect date
  | "issued" // its issue date: it has no effect clause we could read
  | "unknown";

/** One statement by another document that changes this one's force. */
export interface StatusEvent {
  kind: StatusKind;
  /** the part concerned (Điều 5.2.a); null for the whole document */
  scope: string | null;
  /** the document that says it */
  byKey: string;
  /** from when it applies (ISO date), null when neither its effect nor its issue date is known */
  from: string | null;
  fromBasis: EventDateBasis;
  /** the statement as printed in the stating document, and where */
  quote: string;
  start: number;
  end: number;
  taskKey: string;
}

/** What a document says of its own force. */
export interface OwnEffect {
  effectiveFrom: string | null;
  effectiveRule: string | null;
  effectiveUntil: string | null;
  effectQuote: string | null;
}

export interface LegalStatus {
  code: LegalStatusCode;
  asOf: string;
  /** the date the status holds from, when known (the replacement's effect date, its own effect date …) */
  since: string | null;
  /** the statements the status rests on (empty when it rests on the document's own clause, or on nothing) */
  evidence: StatusEvent[];
  /** the document's own effect clause, when the status rests on it */
  ownQuote: string | null;
  /** the parts amended or repealed (AMENDED, PARTLY_REPEALED): scopes, in order, without repeats */
  parts: string[];
  /** statements dated after asOf: what will change */
  upcoming: StatusEvent[];
  /** one plain sentence */
  summary: string;
}

/** The date an event takes effect: the stating document's effect date, else its issue date. */
export function eventDate(by: { effectiveFrom: string | null; issuedOn: string | null }): {
  from: string | null;
  fromBasis: EventDateBasis;
} {
  if (by.effectiveFrom) return { from: by.effectiveFrom, fromBasis: "effective" };
  if (by.issuedOn) return { from: by.issuedOn, fromBasis: "issued" };
  return { from: null, fromBasis: "unknown" };
}

const byDate = (a: StatusEvent, b: StatusEvent): number =>
  (a.from ?? "").localeCompare(b.from ?? "") || a.byKey.localeCompare(b.byKey) || a.start - b.start;

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

const WORDS: Record<LegalStatusCode, string> = {
  IN_FORCE: "in force",
  NOT_YET_IN_FORCE: "not yet in force",
  AMENDED: "in force, amended in part",
  PARTLY_REPEALED: "in force, repealed in part",
  SUSPENDED: "suspended",
  REPLACED: "replaced",
  REPEALED: "repealed",
  EXPIRED: "expired",
  UNKNOWN: "unknown",
};

/** For a status its own clause gives: how the date reads after the status's words. */
const OWN_CLAUSE_DATE: Partial<Record<LegalStatusCode, string>> = {
  IN_FORCE: " since",
  NOT_YET_IN_FORCE: ": takes effect",
  EXPIRED: " after",
};

function summaryOf(
  code: LegalStatusCode,
  since: string | null,
  evidence: StatusEvent[],
  parts: string[],
): string {
  if (code === "UNKNOWN") return "unknown: no ingested document says anything of its force";
  const ownDate = OWN_CLAUSE_DATE[code];
  if (ownDate) return `${WORDS[code]}${ownDate} ${since ?? "an unknown date"}, as its own effect clause says`;
  const by = unique(evidence.map((e) => e.byKey.split("|")[1] ?? e.byKey));
  const what = parts.length > 0 ? ` (${parts.join(", ")})` : "";
  const who = by.length > 0 ? ` by ${by.join(", ")}` : "";
  const when = since ? ` from ${since}` : "";
  const basis = evidence.some((e) => e.fromBasis === "issued")
    ? " (the issue date: no effect date was read)"
    : "";
  return `${WORDS[code]}${what}${who}${when}${basis}`;
}

/**
 * The status at `asOf` (ISO date). Order of the rules, first that holds:
 * 1. replaced or repealed as a whole by a statement in effect at asOf (the earliest one wins); a
 *    statement without a scope is about the whole unless its text also amends the document;
 * 2. expired: its own end date has passed;
 * 3. suspended as a whole;
 * 4. not yet in force: its own effect date is after asOf;
 * 5. repealed in part, else amended (a part replaced counts as amended);
 * 6. in force, from its own effect clause;
 * 7. unknown.
 * An event whose date is unknown applies whatever asOf is (the text says it happened; when is
 * not known); events after asOf are listed as upcoming.
 */
export function deriveStatus(own: OwnEffect, events: readonly StatusEvent[], asOf: string): LegalStatus {
  const sorted = [...events].sort(byDate);
  const applying = sorted.filter((e) => e.from === null || e.from <= asOf);
  const upcoming = sorted.filter((e) => e.from !== null && e.from > asOf);
  const result = (
    code: LegalStatusCode,
    since: string | null,
    evidence: StatusEvent[],
    parts: string[] = [],
    ownQuote: string | null = null,
  ): LegalStatus => ({
    code,
    asOf,
    since,
    evidence,
    ownQuote,
    parts,
    upcoming,
    summary: summaryOf(code, since, evidence, parts),
  });

  // A text that amends a document does not also end it as a whole: its unscoped "thay thế" or
  // "bãi bỏ" of that document is about parts it did not name ("sửa đổi, bổ sung, thay thế, bãi bỏ
  // một số điều của …"), so it changes parts, not the whole.
  const amends = new Set(events.filter((e) => e.kind === "AMENDS").map((e) => e.byKey));
  const whole = (e: StatusEvent) => e.scope === null && !amends.has(e.byKey);
  const ending = applying.filter((e) => whole(e) && (e.kind === "REPLACES" || e.kind === "REPEALS"));
  if (ending.length > 0) {
    const first = ending[0]!;
    return result(
      first.kind === "REPLACES" ? "REPLACED" : "REPEALED",
      first.from,
      ending.filter((e) => e.kind === first.kind),
    );
  }
  if (own.effectiveUntil && own.effectiveUntil < asOf)
    return result("EXPIRED", own.effectiveUntil, [], [], own.effectQuote);
  const suspended = applying.filter((e) => whole(e) && e.kind === "SUSPENDS");
  if (suspended.length > 0) return result("SUSPENDED", suspended[0]!.from, suspended);
  if (own.effectiveFrom && own.effectiveFrom > asOf)
    return result("NOT_YET_IN_FORCE", own.effectiveFrom, [], [], own.effectQuote);
  const partlyRepealed = applying.filter((e) => e.kind === "REPEALS" && !whole(e));
  const changed = applying.filter(
    (e) => e.kind === "AMENDS" || (!whole(e) && (e.kind === "REPLACES" || e.kind === "SUSPENDS")),
  );
  if (partlyRepealed.length > 0 || changed.length > 0) {
    const evidence = [...partlyRepealed, ...changed].sort(byDate);
    return result(
      partlyRepealed.length > 0 ? "PARTLY_REPEALED" : "AMENDED",
      evidence[0]!.from,
      evidence,
      unique(evidence.flatMap((e) => (e.scope ? [e.scope] : []))),
    );
  }
  if (own.effectiveFrom) return result("IN_FORCE", own.effectiveFrom, [], [], own.effectQuote);
  return result("UNKNOWN", null, []);
}
