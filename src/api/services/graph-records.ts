import {
  booleanOf,
  listOf,
  mapOf,
  numberOf,
  stringListOf,
  stringOf,
  type PlainValue,
} from "../../graph/record-mapping.js";
import { documentKeyOf, taskKey } from "../../graph/keys.js";
import { dueDateOf } from "../../graph/ingest-rows.js";
import { toGlobalId } from "../global-id.js";

/** What resolvers pass around: plain objects mapped once from the query projections. */
export interface OrganizationRecord {
  typename: "Organization";
  id: string;
  key: string;
  name: string;
  kind: string | null;
}

export interface DocumentRecord {
  typename: "Document";
  id: string;
  key: string;
  type: string;
  typeCode: string | null;
  symbol: string | null;
  number: string | null;
  year: number | null;
  issuedOn: string | null;
  title: string | null;
  issuerKey: string | null;
  issuer: OrganizationRecord | null;
  ingested: boolean;
  resolved: boolean;
  sourceName: string | null;
  signer: string | null;
  /** the original file, for documents ingested from one (#18) */
  sourceFile: SourceFileRecord | null;
  /** its own effect clause (#19) */
  effectiveFrom: string | null;
  effectiveRule: string | null;
  effectiveUntil: string | null;
  effectQuote: string | null;
}

export interface SourceFileRecord {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  pageCount: number | null;
  method: string;
  ocrEngine: string | null;
  ocrConfidence: number | null;
  /** where the API serves the original bytes */
  downloadUrl: string;
  /** paged originals: each page's start in the text and, for a page read by OCR, its confidence */
  pages: { page: number; start: number; confidence: number | null }[] | null;
}

export interface TaskRecord {
  typename: "Task";
  id: string;
  key: string;
  code: string;
  title: string;
  text: string;
  level: number | null;
  order: number | null;
  kind: string | null;
  start: number | null;
  end: number | null;
  documentKey: string;
  parentCode: string | null;
  /** the deadlines its own text sets (#20) */
  deadlines: DeadlineRecord[];
}

/** A deadline as printed, with the last day it allows. */
export interface DeadlineRecord {
  date: string | null;
  period: string | null;
  due: string | null;
  quote: string;
  start: number | null;
  end: number | null;
}

/** A body a task is assigned to (ASSIGNED_TO). */
export interface AssignmentRecord {
  taskKey: string;
  organization: OrganizationRecord;
  duty: string;
  quote: string | null;
  deadlines: DeadlineRecord[];
  start: number | null;
  end: number | null;
}

export interface QuantityRecord {
  value: number;
  valueMax: number | null;
  unit: string | null;
  comparator: string | null;
  quote: string;
}

/** A target a document sets. */
export interface TargetRecord {
  key: string;
  ordinal: number;
  group: string | null;
  text: string;
  quantities: QuantityRecord[];
  /** its indicator's key (src/extract/vocabulary/indicators.ts), null when none is named (#20) */
  indicator: string | null;
  year: number | null;
  province: string | null;
  start: number | null;
  end: number | null;
  documentKey: string;
  taskKey: string | null;
}

export interface CitationRecord {
  taskKey: string;
  documentKey: string;
  quote: string;
  start: number;
  end: number;
  /** page of the quote in the citing document's original, when it has pages */
  page: number | null;
  /** relation kind (#19); CITES for links written before kinds were read */
  kind: string;
  scope: string | null;
  sourceKey: string | null;
  symbolAsPrinted: string | null;
  date: string | null;
  issuerKey: string | null;
  title: string | null;
  relation: string | null;
  warnings: string[];
}

export interface DrivingRecord {
  document: DocumentRecord;
  depth: number;
  inheritedFromKey: string | null;
  via: CitationRecord[];
}

type PlainMap = { [key: string]: PlainValue };

function required(value: PlainValue | undefined, what: string): PlainMap {
  const map = mapOf(value);
  if (!map) throw new Error(`expected ${what} in a query result`);
  return map;
}

export function toOrganization(value: PlainValue | undefined): OrganizationRecord | null {
  const map = mapOf(value);
  const key = stringOf(map?.key);
  if (!map || !key) return null;
  return {
    typename: "Organization",
    id: toGlobalId("Organization", key),
    key,
    name: stringOf(map.name) ?? key,
    kind: stringOf(map.kind),
  };
}

export function toDocument(value: PlainValue | undefined): DocumentRecord {
  const map = required(value, "a document");
  const key = stringOf(map.key) ?? "";
  return {
    typename: "Document",
    id: toGlobalId("Document", key),
    key,
    type: stringOf(map.type) ?? "",
    typeCode: stringOf(map.typeCode),
    symbol: stringOf(map.symbol),
    number: stringOf(map.number) ?? (numberOf(map.number) === null ? null : String(map.number)),
    year: numberOf(map.year),
    issuedOn: stringOf(map.issuedOn),
    title: stringOf(map.title),
    issuerKey: stringOf(map.issuerKey),
    issuer: toOrganization(map.issuer),
    ingested: booleanOf(map.ingested) ?? false,
    resolved: booleanOf(map.resolved) ?? true,
    sourceName: stringOf(map.sourceName),
    signer: stringOf(map.signer),
    sourceFile: toSourceFile(map.sourceFile, toGlobalId("Document", key)),
    effectiveFrom: stringOf(map.effectiveFrom),
    effectiveRule: stringOf(map.effectiveRule),
    effectiveUntil: stringOf(map.effectiveUntil),
    effectQuote: stringOf(map.effectQuote),
  };
}

/** Where the HTTP server serves a document's original file (src/api/original-file.ts). */
export function originalFileUrl(documentId: string): string {
  return `/documents/${encodeURIComponent(documentId)}/original`;
}

function toSourceFile(value: PlainValue | undefined, documentId: string): SourceFileRecord | null {
  if (value === null || value === undefined || typeof value !== "object" || Array.isArray(value)) return null;
  const map = value as { [key: string]: PlainValue };
  return {
    name: stringOf(map.name) ?? "",
    mediaType: stringOf(map.mediaType) ?? "application/octet-stream",
    size: numberOf(map.size) ?? 0,
    sha256: stringOf(map.sha256) ?? "",
    pageCount: numberOf(map.pageCount),
    method: stringOf(map.method) ?? "text",
    ocrEngine: stringOf(map.ocrEngine),
    ocrConfidence: numberOf(map.ocrConfidence),
    downloadUrl: originalFileUrl(documentId),
    pages: pagesOf(map.pageStarts, map.pageConfidences),
  };
}

function pagesOf(
  starts: PlainValue | undefined,
  confidences: PlainValue | undefined,
): SourceFileRecord["pages"] {
  if (!Array.isArray(starts)) return null;
  const conf = Array.isArray(confidences) ? confidences : [];
  return starts.map((start, i) => {
    const c = numberOf(conf[i]);
    return { page: i + 1, start: numberOf(start) ?? 0, confidence: c === null || c < 0 ? null : c };
  });
}

export function toTask(value: PlainValue | undefined): TaskRecord {
  const map = required(value, "a task");
  const key = stringOf(map.key) ?? "";
  return {
    typename: "Task",
    id: toGlobalId("Task", key),
    key,
    code: stringOf(map.code) ?? "",
    title: stringOf(map.title) ?? "",
    text: stringOf(map.text) ?? "",
    level: numberOf(map.level),
    order: numberOf(map.order),
    kind: stringOf(map.kind),
    start: numberOf(map.start),
    end: numberOf(map.end),
    documentKey: stringOf(map.documentKey) ?? documentKeyOf(key),
    parentCode: stringOf(map.parentCode),
    deadlines: toDeadlines(map.deadlines),
  };
}

/** A JSON list stored as a string property; [] when absent or unreadable (graphs loaded before #20). */
function jsonList(value: PlainValue | undefined): Record<string, unknown>[] {
  const text = stringOf(value);
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed)
      ? (parsed.filter((x) => x && typeof x === "object") as Record<string, unknown>[])
      : [];
  } catch {
    return [];
  }
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Deadlines as the loader stores them: on tasks {date, period, due, quote, start, end}; on assignments the extractor's {…, span}. */
export function toDeadlines(value: PlainValue | undefined): DeadlineRecord[] {
  return jsonList(value).map((d) => {
    const span = Array.isArray(d.span) ? d.span : null;
    const date = str(d.date);
    const period = str(d.period);
    return {
      date,
      period,
      due: str(d.due) ?? dueDateOf({ date, period }),
      quote: str(d.quote) ?? "",
      start: num(d.start) ?? num(span?.[0]),
      end: num(d.end) ?? num(span?.[1]),
    };
  });
}

export function toAssignment(value: PlainValue | undefined): AssignmentRecord {
  const map = required(value, "an assignment");
  return {
    taskKey: stringOf(map.taskKey) ?? "",
    organization: toOrganization(map.organization)!,
    duty: stringOf(map.duty) ?? "",
    quote: stringOf(map.quote),
    deadlines: toDeadlines(map.deadlines),
    start: numberOf(map.start),
    end: numberOf(map.end),
  };
}

export function toTarget(value: PlainValue | undefined): TargetRecord {
  const map = required(value, "a target");
  return {
    key: stringOf(map.key) ?? "",
    ordinal: numberOf(map.ordinal) ?? 0,
    group: stringOf(map.group),
    text: stringOf(map.text) ?? "",
    quantities: jsonList(map.quantities).map((q) => ({
      value: num(q.value) ?? 0,
      valueMax: num(q.valueMax),
      unit: str(q.unit),
      comparator: str(q.comparator),
      quote: str(q.quote) ?? "",
    })),
    indicator: stringOf(map.indicator),
    year: numberOf(map.year),
    province: stringOf(map.province),
    start: numberOf(map.start),
    end: numberOf(map.end),
    documentKey: stringOf(map.documentKey) ?? "",
    taskKey: stringOf(map.taskKey),
  };
}

export function toCitation(value: PlainValue | undefined): CitationRecord {
  const map = required(value, "a citation");
  return {
    taskKey: stringOf(map.taskKey) ?? "",
    documentKey: stringOf(map.documentKey) ?? "",
    quote: stringOf(map.quote) ?? "",
    start: numberOf(map.start) ?? 0,
    end: numberOf(map.end) ?? 0,
    page: numberOf(map.page),
    kind: stringOf(map.kind) ?? "CITES",
    scope: stringOf(map.scope),
    sourceKey: stringOf(map.sourceKey),
    symbolAsPrinted: stringOf(map.symbolAsPrinted),
    date: stringOf(map.date),
    issuerKey: stringOf(map.issuerKey),
    title: stringOf(map.title),
    relation: stringOf(map.relation),
    warnings: stringListOf(map.warnings),
  };
}

export function toDriving(value: PlainValue | undefined): DrivingRecord {
  const map = required(value, "a driving directive");
  return {
    document: toDocument(map.document),
    depth: numberOf(map.depth) ?? 1,
    inheritedFromKey: stringOf(map.inheritedFrom),
    via: listOf(map.via).map(toCitation),
  };
}

/** The key of a task's parent: its heading's code in the same document. */
export function parentTaskKey(task: TaskRecord): string | null {
  return task.parentCode ? taskKey(task.documentKey, task.parentCode) : null;
}
