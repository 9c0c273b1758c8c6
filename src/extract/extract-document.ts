import type { Citation, ExtractionWarning, NamedReference, ParsedDocument, Target } from "./model.js";
import { MatchingText } from "./text/matching-text.js";
import { detectProvince } from "./header/detect-province.js";
import { extractHeader } from "./header/document-header.js";
import { ownEffect, readEffectClauses } from "./header/effect-clause.js";
import { finalizeCitations } from "./citations/finalize-citations.js";
import { subjectRanges } from "./citations/relation-kind.js";
import { resolveShortForms } from "./citations/short-forms.js";
import { foldKey, squashSpaces } from "./text/fold-vietnamese.js";
import { splitLines, typicalLineLength, type Line } from "./text/lines.js";
import { innermostTaskLocator } from "./tree/locate-task.js";
import { readTitles, scanNumberedCitations, type RawCitation } from "./citations/scan-citations.js";
import { scanDeadlines } from "./items/scan-deadlines.js";
import { previousEndBefore, toNamedReference, type RawNamedReference } from "./references/named-reference.js";
import { scanConferenceReferences } from "./references/scan-conference-references.js";
import { scanLawReferences } from "./references/scan-law-references.js";
import { scanFoundingDocuments } from "./references/scan-founding-documents.js";
import { scanNamedDocuments } from "./references/scan-named-documents.js";
import { scanTitleReferences } from "./references/scan-title-references.js";
import { implementationItems, scanResponsibilities } from "./items/scan-responsibilities.js";
import { scanAssignments } from "./items/scan-assignments.js";
import { planYearOf, readTargets } from "./items/scan-targets.js";
import { knownLaw } from "./references/laws/known-law.js";
import { buildTaskTree, toTaskNode } from "./tree/task-tree.js";
import { SIGNATURE_BLOCK_STARTS } from "./vocabulary/phrases.js";

/** folded, right before a year: a plan's horizon ("định hướng", "tầm nhìn"; OCR "tầm nhm"), not a deadline. */
const HORIZON_BEFORE = /(?<![a-z])(?:dinh\s+huong|tam\s+nh[a-z]{0,2})\s*$/;

export interface ExtractOptions {
  /** file name or URL, for messages and as a last resort for the document's number */
  sourceName?: string;
}

/**
 * Text of a Vietnamese Party or State document → its typed model. Pure: no I/O. Never throws:
 * problems are reported as warnings, and text with no recognisable structure gives a model
 * with a "no-structure" warning.
 */
export function extractDocument(text: string, options: ExtractOptions = {}): ParsedDocument {
  const input = typeof text === "string" ? text : "";
  try {
    return extractUnchecked(input, options);
  } catch (error) {
    // A bug must not take the caller down with it; the loader refuses models with this warning.
    const message = error instanceof Error ? error.message : String(error);
    return emptyModel([
      { kind: "internal-error", message: `the extractor failed on this text: ${message}` },
      { kind: "no-structure", message: "no structure could be read (extractor failure)" },
    ]);
  }
}

function emptyModel(warnings: ExtractionWarning[]): ParsedDocument {
  return {
    document: {
      key: "VB|?|?|?",
      type: "Văn bản",
      typeCode: "VB",
      symbol: null,
      number: null,
      year: null,
      issuedOn: null,
      issuer: null,
      title: null,
      signer: null,
      span: null,
      province: null,
      provenance: [],
    },
    tasks: [],
    targets: [],
    citations: [],
    namedReferences: [],
    responsibilities: [],
    warnings,
    deadlines: [],
  };
}

function extractUnchecked(text: string, options: ExtractOptions): ParsedDocument {
  if (text.trim().length === 0) {
    return emptyModel([{ kind: "no-structure", message: "the text is empty" }]);
  }
  const mt = MatchingText.build(text);
  const lines = splitLines(mt);
  const warnings: ExtractionWarning[] = [];

  const detected = detectProvince(mt);
  const head = extractHeader(mt, lines, detected, options.sourceName ?? null);
  const province = head.header.province ?? detected;
  warnings.push(...head.warnings);

  const lastLine = signatureLine(mt, lines, head.bodyStartLine);
  const tree = buildTaskTree(mt, lines, { firstLine: head.bodyStartLine, lastLine });
  warnings.push(...tree.warnings);
  const taskAt = innermostTaskLocator(tree.nodes);

  // Numbered citations, minus the document's own number: a text naming itself
  // ("ban hành kèm theo Thông tư số 02/2025/TT-BLĐTBXH") cites nothing.
  const raws = scanNumberedCitations(mt, { province, reference: false }).filter(
    (c) => !isOwnNumber(c, head.header.symbol),
  );
  const laws = scanLawReferences(mt, raws, head.header.title);
  readTitles(
    mt,
    raws,
    raws.map((c) => c.leadStart),
  );
  const full = finalizeCitations(mt, raws, province);
  const occupied = occupiedRanges(raws);
  const short = resolveShortForms(mt, full, occupied, false, province);
  warnings.push(...short.warnings);
  const citations: Citation[] = [...full, ...short.citations].sort((a, b) => a.span[0] - b.span[0]);
  for (const c of citations) {
    c.task = taskAt(matchingOffsetOf(mt, c.span[0]));
    for (const r of c.listedRelations ?? []) r.task = taskAt(matchingOffsetOf(mt, r.span[0]));
    warnings.push(...c.warnings);
  }

  resolveLawsByNumberedMention(mt, laws, raws, full);
  resolveLawsByKnownTable(laws);

  // Named references: conference aliases, titles standing for earlier citations, laws, named plans.
  const cited = raws.map((raw, k) => ({
    raw,
    type: full[k]?.type ?? "",
    key: full[k]?.key ?? "",
    symbol: full[k]?.symbol ?? "",
    title: full[k]?.title ?? null,
  }));
  const named = acceptNamed(
    [
      ...scanConferenceReferences(mt),
      ...scanTitleReferences(
        mt,
        cited.filter((c) => c.key !== ""),
      ),
      ...scanFoundingDocuments(mt, province),
      ...laws,
      ...short.partial,
      // Plans named in annex tables (after the signature) are column headings, not references.
      ...scanNamedDocuments(mt, typicalLineLength(lines)).filter((r) => r.start < tree.bodyEnd),
    ],
    occupied,
  );
  const ends = [...raws.map((c) => Math.max(c.ownEnd, c.titleEnd)), ...named.map((r) => r.end)];
  const subjects = subjectRanges(mt, raws);
  // the words of a named document's name are no verbs of this text ("… theo Pháp lệnh bổ sung,
  // sửa đổi một số điều lệ … năm 1987 và Pháp lệnh …")
  const namedSubjects = [...subjects, ...named.map((r): [number, number] => [r.start, r.end])];
  const namedReferences: NamedReference[] = named.map((r) =>
    toNamedReference(mt, r, taskAt(r.start), previousEndBefore(ends, r.start), namedSubjects),
  );

  const targets: Target[] = readTargets(mt, {
    nodes: tree.nodes,
    taskAt,
    planYear: planYearOf(head.header.title, head.header.year),
    bodyFrom: tree.nodes[0]?.start ?? lines[head.bodyStartLine]?.contentStart ?? 0,
    typeCode: head.header.typeCode,
  });

  // a year in a cited document's title or a plan's horizon ("… giai đoạn 2021 - 2025, định hướng
  // đến năm 2030", "tầm nhìn đến năm 2050") names that document, it sets no deadline
  const rawDeadlines = scanDeadlines(mt).filter(
    (d) =>
      !raws.some((r) => r.titleStart >= 0 && d.start >= r.titleStart && d.end <= r.titleEnd) &&
      !HORIZON_BEFORE.test(mt.folded.slice(Math.max(0, d.start - 24), d.start)),
  );
  const deadlines = rawDeadlines.map((d) => {
    const span = mt.spanOf(d.start, d.end);
    return {
      date: d.date,
      period: d.period,
      quote: mt.original.slice(span[0], span[1]),
      span,
      task: taskAt(d.start),
    };
  });
  const responsibilities = scanAssignments(
    mt,
    tree.nodes,
    scanResponsibilities(mt, implementationItems(tree.nodes), rawDeadlines, province),
    rawDeadlines,
    province,
    tree.bodyEnd,
  );

  if (mt.repairs.length > 0) {
    const first = mt.repairs[0]!;
    warnings.push({
      kind: "ocr-repair",
      message: `${mt.repairs.length} word-initial OCR confusions read as "tr" (first: "${first.from}" at ${first.span[0]})`,
      span: first.span,
    });
  }
  if (tree.nodes.length === 0) {
    warnings.push({
      kind: "no-structure",
      message: "no numbered sections, headings or articles were found: this text has no task tree to load",
    });
  }
  if (
    !province &&
    [...citations.map((c) => c.issuer), head.header.issuer].some(
      (o) => o !== null && /-(?:tinh|thanh)-uy$|-tinh$|-thanh-pho$/.test(o.key),
    )
  ) {
    warnings.push({
      kind: "no-province",
      message: "provincial bodies are named but the text names no province: their keys carry none",
    });
  }

  const effects = readEffectClauses(mt, head.header.issuedOn);
  const effect = ownEffect(effects);
  return {
    document: effects.length > 0 ? { ...head.header, ...(effect ? { effect } : {}), effects } : head.header,
    tasks: tree.nodes.map((n) => toTaskNode(mt, n)),
    targets,
    citations,
    namedReferences,
    responsibilities,
    warnings,
    deadlines,
  };
}

/**
 * One law, one identity in one text: a law named without a number ("Căn cứ Luật Bảo hiểm xã hội
 * ngày 29 tháng 6 năm 2024", "quy định chi tiết … Luật Dân số") is the law the same text cites by
 * that name with its number ("Luật Bảo hiểm xã hội số 41/2024/QH15"), when only one number goes
 * with that name there (of the year written, if one is: a text may cite the old and the new law).
 */
function resolveLawsByNumberedMention(
  mt: MatchingText,
  laws: RawNamedReference[],
  raws: readonly RawCitation[],
  full: readonly Citation[],
): void {
  const byName = new Map<string, { citation: Citation; raw: RawCitation }[]>();
  raws.forEach((raw, k) => {
    const citation = full[k];
    if (!raw.lawName || !citation?.resolved) return;
    const name = foldKey(raw.lawName);
    byName.set(name, [...(byName.get(name) ?? []), { citation, raw }]);
  });
  for (const r of laws) {
    if (r.resolvedSymbol !== null) continue;
    const numbered = (byName.get(foldKey(r.name)) ?? []).filter(
      (n) => r.year === null || n.citation.year === r.year,
    );
    if (numbered.length === 0 || new Set(numbered.map((n) => n.citation.key)).size !== 1) continue;
    const { citation, raw } = numbered[0]!;
    const [s, e] = mt.spanOf(raw.leadStart, raw.ownEnd);
    r.resolvedSymbol = citation.symbol;
    r.resolvedKey = citation.key;
    r.resolvedBy = `numbered mention at [${s}, ${e}] in the same text`;
  }
}

/**
 * A law named by its name and date of adoption, with no number in the text ("Căn cứ Bộ luật Lao
 * động ngày 20 tháng 11 năm 2019"), takes the number of the one law of the corpus table
 * (references/laws/known-laws.ts, built from the laws' own headers) with that name and date.
 */
function resolveLawsByKnownTable(laws: RawNamedReference[]): void {
  for (const r of laws) {
    if (r.resolvedSymbol !== null || r.date === null) continue;
    const law = knownLaw(r.name, r.date);
    if (!law) continue;
    r.resolvedSymbol = law.symbol;
    r.resolvedKey = r.key
      ? `${r.key.slice(0, r.key.indexOf("|"))}|${law.symbol}|${law.date.slice(0, 4)}`
      : null;
    r.resolvedBy = `the corpus table of laws (${law.name}, ${law.date}: ${law.source})`;
  }
}

function isOwnNumber(c: RawCitation, own: string | null): boolean {
  return own !== null && c.parsed.symbol === own;
}

const SIGNATURE_FIRST_LETTERS = new Set(SIGNATURE_BLOCK_STARTS.map((s) => s.charCodeAt(0)));

/** Where the structured body ends: the first signature or recipients block after it starts. */
function signatureLine(mt: MatchingText, lines: readonly Line[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (
      l.blank ||
      l.debris ||
      l.contentEnd - l.contentStart > 120 ||
      !SIGNATURE_FIRST_LETTERS.has(mt.folded.charCodeAt(l.contentStart))
    )
      continue;
    const folded = squashSpaces(mt.folded.slice(l.contentStart, Math.min(l.contentEnd, l.contentStart + 16)));
    if (
      SIGNATURE_BLOCK_STARTS.some(
        (s) =>
          folded.startsWith(s.trimEnd()) && (folded.length === s.trimEnd().length || folded.startsWith(s)),
      )
    )
      return i;
  }
  return lines.length;
}

function occupiedRanges(raws: readonly RawCitation[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of raws) {
    out.push([c.leadStart, c.ownEnd]);
    if (c.titleStart >= 0) out.push([c.titleStart, c.titleEnd]);
  }
  return out;
}

/** Named references inside a citation or its subject belong to that citation; overlapping ones keep the first. */
function acceptNamed(
  all: readonly RawNamedReference[],
  occupied: readonly [number, number][],
): RawNamedReference[] {
  const taken: [number, number][] = [];
  const out: RawNamedReference[] = [];
  for (const r of all) {
    if (occupied.some(([a, b]) => r.start < b && r.end > a)) continue;
    const same = taken.findIndex(([a, b]) => a === r.start && b === r.end);
    if (same < 0 && taken.some(([a, b]) => r.start < b && r.end > a)) continue;
    taken.push([r.start, r.end]);
    out.push(r);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The matching-text offset of an original offset (spans are original; tasks are located in matching offsets). */
function matchingOffsetOf(mt: MatchingText, original: number): number {
  let lo = 0;
  let hi = mt.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mt.spanOf(mid, mid + 1)[0] < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
