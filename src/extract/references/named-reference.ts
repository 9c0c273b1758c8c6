import type { MatchingText } from "../text/matching-text.js";
import type { NamedReference, NamedReferenceKind, OrganizationRef } from "../model.js";
import { namedRelation } from "../citations/relation-kind.js";

/** A named reference while it is read; offsets index the matching text. */
export interface RawNamedReference {
  start: number;
  end: number;
  name: string;
  kind: NamedReferenceKind;
  resolvedSymbol: string | null;
  resolvedKey: string | null;
  resolvedBy: string | null;
  date: string | null;
  year: number | null;
  key: string | null;
  /** number-only references and congresses (model.ts NamedReference) */
  type?: string | null;
  typeCode?: string | null;
  number?: string | null;
  issuer?: OrganizationRef | null;
  term?: string | null;
}

export function unresolvedReference(
  start: number,
  end: number,
  name: string,
  kind: NamedReferenceKind,
): RawNamedReference {
  return {
    start,
    end,
    name,
    kind,
    resolvedSymbol: null,
    resolvedKey: null,
    resolvedBy: null,
    date: null,
    year: null,
    key: null,
  };
}

/**
 * The public form, with spans in the original text; `previousEnd` is where the reference before
 * it (numbered or named) ends, in matching offsets (0: none), for its relation's scope; `subjects`
 * where cited documents' subjects lie (subjectRanges).
 */
export function toNamedReference(
  mt: MatchingText,
  r: RawNamedReference,
  task: string | null,
  previousEnd = 0,
  subjects: readonly (readonly [number, number])[] = [],
): NamedReference {
  const span = mt.spanOf(r.start, r.end);
  const relation = namedRelation(mt, r.start, r.end, previousEnd, subjects);
  return {
    name: r.name,
    kind: r.kind,
    resolvedSymbol: r.resolvedSymbol,
    resolvedKey: r.resolvedKey,
    resolvedBy: r.resolvedBy,
    task,
    span,
    quote: mt.original.slice(span[0], span[1]),
    date: r.date,
    year: r.year,
    key: r.key,
    ...(r.number !== undefined
      ? { type: r.type ?? null, typeCode: r.typeCode ?? null, number: r.number, issuer: r.issuer ?? null }
      : {}),
    ...(r.term !== undefined ? { term: r.term } : {}),
    relationKind: relation.kind,
    scope: relation.scope,
  };
}

/** Where the reference before `start` ends, among `ends` (numbered and named references), else 0. */
export function previousEndBefore(ends: readonly number[], start: number): number {
  let best = 0;
  for (const e of ends) if (e <= start && e > best) best = e;
  return best;
}
