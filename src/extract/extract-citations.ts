import type { Citation, ExtractionWarning, NamedReference } from "./model.js";
import { MatchingText } from "./text/matching-text.js";
import { finalizeCitations } from "./citations/finalize-citations.js";
import { resolveShortForms } from "./citations/short-forms.js";
import { readTitles, scanNumberedCitations } from "./citations/scan-citations.js";
import { previousEndBefore, toNamedReference } from "./references/named-reference.js";
import { scanConferenceReferences } from "./references/scan-conference-references.js";
import { scanLawReferences } from "./references/scan-law-references.js";
import { scanNamedDocuments } from "./references/scan-named-documents.js";

export interface ExtractedCitations {
  citations: Citation[];
  namedReferences: NamedReference[];
  warnings: ExtractionWarning[];
}

/**
 * The citation grammar applied to a reference as a person types it: "Nghị quyết số 26-NQ/TW
 * ngày 19/5/2019", "NQ 128/NQ-CP", a bare "128/NQ-CP" (its type read from the symbol) or
 * "Nghị quyết 128" (a number-only citation, unresolved). Never throws.
 */
export function extractCitations(text: string): ExtractedCitations {
  const input = typeof text === "string" ? text : "";
  try {
    if (input.trim().length === 0) return { citations: [], namedReferences: [], warnings: [] };
    const mt = MatchingText.build(input);
    const raws = scanNumberedCitations(mt, { province: null, reference: true });
    const laws = scanLawReferences(mt, raws, null);
    readTitles(
      mt,
      raws,
      raws.map((c) => c.leadStart),
    );
    const full = finalizeCitations(mt, raws, null);
    const occupied = raws.map((c): [number, number] => [c.leadStart, Math.max(c.ownEnd, c.titleEnd)]);
    const short = resolveShortForms(mt, full, occupied, true);
    const citations = [...full, ...short.citations].sort((a, b) => a.span[0] - b.span[0]);
    const kept = [...scanConferenceReferences(mt), ...laws, ...scanNamedDocuments(mt, 80)]
      .filter((r) => !occupied.some(([a, b]) => r.start < b && r.end > a))
      .sort((a, b) => a.start - b.start);
    const ends = [...occupied.map(([, b]) => b), ...kept.map((r) => r.end)];
    const named = kept.map((r) => toNamedReference(mt, r, null, previousEndBefore(ends, r.start)));
    const warnings = [...citations.flatMap((c) => c.warnings), ...short.warnings];
    return { citations, namedReferences: named, warnings };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      citations: [],
      namedReferences: [],
      warnings: [{ kind: "internal-error", message: `the citation grammar failed on this text: ${message}` }],
    };
  }
}
