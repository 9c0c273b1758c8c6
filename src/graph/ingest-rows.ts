import { PREAMBLE_TITLE, slugify } from "../extract/index.js";
import type {
  Citation,
  Deadline,
  NamedReference,
  OrganizationRef,
  ParsedDocument,
  Span,
  TaskKind,
  TaskNode,
} from "../extract/index.js";
import { taskKey } from "./keys.js";

/** Code of the synthetic task that holds citations standing outside every heading (a preamble). */
export const preambleCode = "preamble";

export interface SourceInfo {
  name: string;
  /** SHA-256 of the original file's bytes when the text came from a file, else of the text */
  sha256: string;
  text: string;
  /** the original file (src/sources): kept with the document, its bytes served for download */
  file: StoredFile | null;
}

/** An original file as the loader keeps it. */
export interface StoredFile {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  pageCount: number | null;
  /** how the text was obtained: text, json, html, pdf-text, pdf-text+ocr, ocr, docx */
  method: string;
  ocrEngine: string | null;
  ocrConfidence: number | null;
  /** paged formats: where each page starts in the text (UTF-16 offsets), in page order */
  pageStarts: number[] | null;
  /** OCR: each page's mean confidence (0–100), -1 for a page read from its text layer; null without OCR */
  pageConfidences: number[] | null;
  bytes: Uint8Array;
}

export interface DocumentRow {
  key: string;
  type: string;
  typeCode: string;
  symbol: string | null;
  number: string | null;
  year: number | null;
  issuedOn: string | null;
  title: string | null;
  signer: string | null;
  issuerKey: string | null;
  resolved: boolean;
  /** an ingested document's own effect clause (#19); absent for cited documents */
  effectiveFrom?: string | null;
  effectiveRule?: string | null;
  effectiveUntil?: string | null;
  effectQuote?: string | null;
}

export interface TaskRow {
  key: string;
  code: string;
  title: string;
  text: string;
  level: number;
  order: number;
  kind: TaskKind | typeof preambleCode;
  start: number;
  end: number;
  parentKey: string | null;
  parentCode: string | null;
  /** the deadlines its own text sets (#20), JSON: [{date, period, due, quote, start, end}] */
  deadlines: string;
  /** their last days, sorted (ISO dates): what `tasksDue` filters on */
  dueDates: string[];
}

export interface CitationRow {
  taskKey: string;
  documentKey: string;
  quote: string;
  start: number;
  end: number;
  symbolAsPrinted: string | null;
  date: string | null;
  issuerKey: string | null;
  title: string | null;
  relation: string | null;
  /** the relation kind (#19): BASED_ON, IMPLEMENTS, GUIDES, AMENDS, REPLACES, REPEALS, SUSPENDS, CONSOLIDATES, CORRECTS, CITES */
  kind: string;
  /** what of the cited document ("Điều 5.2.a"), for AMENDS, REPEALS …; null: the whole or unsaid */
  scope: string | null;
  byName: boolean;
  resolvedBy: string | null;
  warnings: string[];
}

export interface NamedRow {
  taskKey: string;
  namedKey: string;
  name: string;
  kind: string;
  /** what the text says of it (#19): BASED_ON, REPEALS … or CITES */
  relationKind: string;
  scope: string | null;
  quote: string;
  start: number;
  end: number;
}

export interface TargetRow {
  key: string;
  ordinal: number;
  group: string;
  text: string;
  quantities: string;
  /** its indicator's key (src/extract/vocabulary/indicators.ts), null when none is named (#20) */
  indicator: string | null;
  /** the year it is for (printed, else the document's plan year) */
  year: number | null;
  /** the document's province, null for a central text */
  province: string | null;
  start: number;
  end: number;
  taskKey: string | null;
}

export interface AssignmentRow {
  taskKey: string;
  organizationKey: string;
  duty: string;
  /** the passage that assigns (bodies and duty, as printed) */
  quote: string | null;
  deadlines: string;
  /** the last days its own deadlines allow, sorted (Organization.assignments filters on them, #20) */
  dueDates: string[];
  start: number;
  end: number;
}

/** Everything one document writes, as flat rows for `UNWIND $rows` statements of constant shape. */
export interface IngestRows {
  document: DocumentRow;
  organizations: OrganizationRef[];
  tasks: TaskRow[];
  /** documents this one cites (stubs unless already ingested), one row per key */
  citedDocuments: DocumentRow[];
  citations: CitationRow[];
  namedReferences: NamedRow[];
  targets: TargetRow[];
  assignments: AssignmentRow[];
}

/** `NQ|04-NQ/TW|2016` → its parts; a key is the identity that both citations and headers share. */
export function parseDocumentKey(
  key: string,
): { typeCode: string; symbol: string; year: number | null } | null {
  const parts = key.split("|");
  if (parts.length !== 3 || !parts[0] || !parts[1]) return null;
  const year = /^\d{4}$/.test(parts[2] ?? "") ? Number(parts[2]) : null;
  return { typeCode: parts[0], symbol: parts[1], year };
}

/** A law cited by name keeps the extractor's key, which carries its year (`Luật|Luật Đất đai|2013`). */
export function namedDocumentKey(reference: NamedReference): string {
  return reference.key ?? `${reference.kind}|${slugify(reference.name)}`;
}

function spanRow(span: Span): { start: number; end: number } {
  return { start: span[0], end: span[1] };
}

function citedDocumentRow(citation: Citation): DocumentRow {
  return {
    key: citation.key,
    type: citation.type,
    typeCode: citation.typeCode,
    symbol: citation.symbol,
    number: citation.number,
    year: citation.year,
    issuedOn: citation.date,
    title: citation.title,
    signer: null,
    issuerKey: citation.issuer?.key ?? null,
    resolved: citation.resolved,
  };
}

/** First non-null value wins: a later, vaguer mention never erases what an earlier one said. */
function mergeDocumentRows(into: DocumentRow, from: DocumentRow): void {
  into.issuedOn ??= from.issuedOn;
  into.title ??= from.title;
  into.issuerKey ??= from.issuerKey;
  into.year ??= from.year;
}

/**
 * What the rows of one document share while they are built: its key, the codes of its tasks, and
 * the organizations and cited documents its rows name (first mention first).
 */
interface DocumentContext {
  key: string;
  taskCodes: ReadonlySet<string>;
  organizations: Map<string, OrganizationRef>;
  citedDocuments: Map<string, DocumentRow>;
}

/** Pure: turns the extractor's model into the rows the loader writes. */
export function ingestRows(parsed: ParsedDocument): IngestRows {
  const context: DocumentContext = {
    key: parsed.document.key,
    taskCodes: new Set(parsed.tasks.map((t) => t.code)),
    organizations: new Map(),
    citedDocuments: new Map(),
  };
  addOrganization(context, parsed.document.issuer);
  const tasks = taskRows(parsed, context);
  const numbered = citationRows(parsed.citations, context);
  const { byName, namedReferences } = namedReferenceRows(parsed.namedReferences, context);
  const targets = targetRows(parsed, context);
  const assignments = assignmentRows(parsed, context);
  return {
    document: documentRow(parsed),
    organizations: [...context.organizations.values()],
    tasks,
    citedDocuments: [...context.citedDocuments.values()],
    citations: [...numbered, ...byName],
    namedReferences,
    targets,
    assignments,
  };
}

function addOrganization(context: DocumentContext, org: OrganizationRef | null | undefined): void {
  if (org && !context.organizations.has(org.key)) context.organizations.set(org.key, org);
}

/** The key of the task that holds a row: its own, or the preamble when it stands outside every task. */
function holderKey(context: DocumentContext, code: string | null): string {
  return taskKey(context.key, code && context.taskCodes.has(code) ? code : preambleCode);
}

function documentRow({ document: header }: ParsedDocument): DocumentRow {
  return {
    key: header.key,
    type: header.type,
    typeCode: header.typeCode,
    symbol: header.symbol,
    number: header.number,
    year: header.year,
    issuedOn: header.issuedOn,
    title: header.title,
    signer: header.signer,
    issuerKey: header.issuer?.key ?? null,
    resolved: true,
    effectiveFrom: header.effect?.effectiveFrom ?? null,
    effectiveRule: header.effect?.rule ?? null,
    effectiveUntil: header.effect?.effectiveUntil ?? null,
    effectQuote: header.effect?.quote ?? null,
  };
}

/** The task tree in order, after a synthetic preamble task when a citation stands outside every task. */
/**
 * The last day a deadline allows: its date, else the end of its period ("2022-Q3" → 2022-09-30,
 * "2022" → 2022-12-31); null when neither reads as one.
 */
export function dueDateOf(deadline: { date: string | null; period: string | null }): string | null {
  if (deadline.date) return deadline.date;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(deadline.period ?? "");
  if (quarter) return `${quarter[1]}-${["03-31", "06-30", "09-30", "12-31"][Number(quarter[2]) - 1]}`;
  const year = /^(\d{4})$/.exec(deadline.period ?? "");
  return year ? `${year[1]}-12-31` : null;
}

/** The deadlines each task's own text sets, by task code, with their last days. */
function deadlinesByTask(parsed: ParsedDocument): Map<string, { deadlines: string; dueDates: string[] }> {
  const grouped = new Map<string, Deadline[]>();
  for (const deadline of parsed.deadlines ?? []) {
    if (!deadline.task) continue;
    const list = grouped.get(deadline.task) ?? [];
    list.push(deadline);
    grouped.set(deadline.task, list);
  }
  const rows = new Map<string, { deadlines: string; dueDates: string[] }>();
  for (const [code, list] of grouped) {
    const deadlines = list.map((d) => ({
      date: d.date,
      period: d.period,
      due: dueDateOf(d),
      quote: d.quote,
      ...spanRow(d.span),
    }));
    const dueDates = [...new Set(deadlines.flatMap((d) => (d.due ? [d.due] : [])))].sort();
    rows.set(code, { deadlines: JSON.stringify(deadlines), dueDates });
  }
  return rows;
}

function taskRows(parsed: ParsedDocument, context: DocumentContext): TaskRow[] {
  const documentKey = context.key;
  const due = deadlinesByTask(parsed);
  const tasks: TaskRow[] = parsed.tasks.map((task: TaskNode) => ({
    key: taskKey(documentKey, task.code),
    code: task.code,
    title: task.title,
    text: task.text,
    level: task.level,
    order: task.order,
    kind: task.kind,
    ...spanRow(task.span),
    parentKey: task.parent ? taskKey(documentKey, task.parent) : null,
    parentCode: task.parent,
    deadlines: due.get(task.code)?.deadlines ?? "[]",
    dueDates: due.get(task.code)?.dueDates ?? [],
  }));
  const needsPreamble =
    parsed.citations.some(
      (c) =>
        !c.task ||
        !context.taskCodes.has(c.task) ||
        (c.listedRelations ?? []).some((r) => !r.task || !context.taskCodes.has(r.task)),
    ) || parsed.namedReferences.some((n) => !n.task || !context.taskCodes.has(n.task));
  if (needsPreamble) {
    const firstStart = Math.min(...parsed.tasks.map((t) => t.span[0]), Number.MAX_SAFE_INTEGER);
    tasks.unshift({
      key: taskKey(documentKey, preambleCode),
      code: preambleCode,
      title: PREAMBLE_TITLE,
      text: "",
      level: 0,
      order: -1,
      kind: preambleCode,
      start: 0,
      end: Number.isFinite(firstStart) && firstStart !== Number.MAX_SAFE_INTEGER ? firstStart : 0,
      parentKey: null,
      parentCode: null,
      deadlines: "[]",
      dueDates: [],
    });
  }
  return tasks;
}

/** Numbered citations, and the documents they cite (one row per key, merged). */
function citationRows(citations: readonly Citation[], context: DocumentContext): CitationRow[] {
  const rows: CitationRow[] = [];
  for (const citation of citations) {
    if (citation.key === context.key) continue; // a document quoting its own number is no citation
    addOrganization(context, citation.issuer);
    const row = citedDocumentRow(citation);
    const known = context.citedDocuments.get(row.key);
    if (known) mergeDocumentRows(known, row);
    else context.citedDocuments.set(row.key, row);
    rows.push({
      taskKey: holderKey(context, citation.task),
      documentKey: citation.key,
      quote: citation.quote,
      ...spanRow(citation.span),
      symbolAsPrinted: citation.symbolAsPrinted,
      date: citation.date,
      issuerKey: citation.issuer?.key ?? null,
      title: citation.title,
      relation: citation.relation,
      kind: citation.relationKind ?? "CITES",
      scope: citation.scope ?? null,
      byName: false,
      resolvedBy: null,
      warnings: citation.warnings.map((w) => `${w.kind}: ${w.message}`),
    });
    // what items and articles that do not name the document state of it (an amending list's
    // repeals, the articles of a text amending it alone): one link each, the item its quote
    // ("amending-list": the target is the one its lead or the text's title names)
    for (const repeal of citation.listedRelations ?? [])
      rows.push({
        taskKey: holderKey(context, repeal.task),
        documentKey: citation.key,
        quote: repeal.quote,
        ...spanRow(repeal.span),
        symbolAsPrinted: null,
        date: null,
        issuerKey: null,
        title: null,
        relation:
          repeal.kind === "REPEALS" ? "bãi bỏ" : repeal.kind === "AMENDS" ? "sửa đổi, bổ sung" : "thay thế",
        kind: repeal.kind,
        scope: repeal.scope,
        byName: false,
        resolvedBy: "amending-list",
        warnings: [],
      });
  }
  return rows;
}

/**
 * References by name: one resolved to a document key is a citation by name (and cites that
 * document); the others link to a named document.
 */
function namedReferenceRows(
  references: readonly NamedReference[],
  context: DocumentContext,
): { byName: CitationRow[]; namedReferences: NamedRow[] } {
  const byName: CitationRow[] = [];
  const namedReferences: NamedRow[] = [];
  for (const reference of references) {
    const resolved = reference.resolvedKey ? parseDocumentKey(reference.resolvedKey) : null;
    if (reference.resolvedKey && resolved) {
      if (!context.citedDocuments.has(reference.resolvedKey)) {
        context.citedDocuments.set(reference.resolvedKey, {
          key: reference.resolvedKey,
          type: reference.kind === "alias" ? "" : reference.kind,
          typeCode: resolved.typeCode,
          symbol: resolved.symbol,
          number: resolved.symbol.split(/[-/]/)[0] ?? null,
          year: resolved.year,
          issuedOn: null,
          title: null,
          signer: null,
          issuerKey: null,
          resolved: resolved.year !== null,
        });
      }
      byName.push({
        taskKey: holderKey(context, reference.task),
        documentKey: reference.resolvedKey,
        quote: reference.quote,
        ...spanRow(reference.span),
        symbolAsPrinted: null,
        date: null,
        issuerKey: null,
        title: reference.name,
        relation: null,
        kind: reference.relationKind ?? "CITES",
        scope: reference.scope ?? null,
        byName: true,
        resolvedBy: reference.resolvedBy,
        warnings: [],
      });
    } else {
      namedReferences.push({
        taskKey: holderKey(context, reference.task),
        namedKey: namedDocumentKey(reference),
        name: reference.name,
        kind: reference.kind,
        relationKind: reference.relationKind ?? "CITES",
        scope: reference.scope ?? null,
        quote: reference.quote,
        ...spanRow(reference.span),
      });
    }
  }
  return { byName, namedReferences };
}

function targetRows(parsed: ParsedDocument, context: DocumentContext): TargetRow[] {
  return parsed.targets.map((target) => ({
    key: `${context.key}#target-${target.ordinal}`,
    ordinal: target.ordinal,
    group: target.group,
    text: target.text,
    quantities: JSON.stringify(target.quantities),
    indicator: target.indicator ?? null,
    year: target.year ?? null,
    province: parsed.document.province ?? null,
    ...spanRow(target.span),
    taskKey: target.task && context.taskCodes.has(target.task) ? taskKey(context.key, target.task) : null,
  }));
}

/** One row per organization named by a responsibility of a task. */
function assignmentRows(parsed: ParsedDocument, context: DocumentContext): AssignmentRow[] {
  const assignments: AssignmentRow[] = [];
  for (const responsibility of parsed.responsibilities) {
    if (!context.taskCodes.has(responsibility.task)) continue;
    for (const organization of responsibility.organizations) {
      addOrganization(context, organization);
      assignments.push({
        taskKey: taskKey(context.key, responsibility.task),
        organizationKey: organization.key,
        duty: responsibility.duty,
        quote: responsibility.quote ?? null,
        deadlines: JSON.stringify(responsibility.deadlines),
        dueDates: [...new Set(responsibility.deadlines.flatMap((d) => dueDateOf(d) ?? []))].sort(),
        ...spanRow(responsibility.span),
      });
    }
  }
  return assignments;
}
