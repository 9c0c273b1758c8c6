import { slugify } from "../extract/index.js";
import type {
  Citation,
  NamedReference,
  OrganizationRef,
  ParsedDocument,
  Span,
  TaskNode,
} from "../extract/model.js";

/** Code of the synthetic task that holds citations standing outside every heading (a preamble). */
export const preambleCode = "preamble";

export interface SourceInfo {
  name: string;
  sha256: string;
  text: string;
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
}

export interface TaskRow {
  key: string;
  code: string;
  title: string;
  text: string;
  level: number;
  order: number;
  kind: string;
  start: number;
  end: number;
  parentKey: string | null;
  parentCode: string | null;
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
  byName: boolean;
  resolvedBy: string | null;
  warnings: string[];
}

export interface NamedRow {
  taskKey: string;
  namedKey: string;
  name: string;
  kind: string;
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
  start: number;
  end: number;
  taskKey: string | null;
}

export interface AssignmentRow {
  taskKey: string;
  organizationKey: string;
  duty: string;
  deadlines: string;
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

export function taskKey(documentKey: string, code: string): string {
  return `${documentKey}#${code}`;
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

/** Pure: turns the extractor's model into the rows the loader writes. */
export function ingestRows(parsed: ParsedDocument): IngestRows {
  const header = parsed.document;
  const documentKey = header.key;
  const organizations = new Map<string, OrganizationRef>();
  const addOrganization = (org: OrganizationRef | null | undefined) => {
    if (org && !organizations.has(org.key)) organizations.set(org.key, org);
  };
  addOrganization(header.issuer);

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
  }));
  const taskCodes = new Set(parsed.tasks.map((t) => t.code));

  // citations outside every heading hang from one synthetic preamble task
  const needsPreamble =
    parsed.citations.some((c) => !c.task || !taskCodes.has(c.task)) ||
    parsed.namedReferences.some((n) => !n.task || !taskCodes.has(n.task));
  if (needsPreamble) {
    const firstStart = Math.min(...parsed.tasks.map((t) => t.span[0]), Number.MAX_SAFE_INTEGER);
    tasks.unshift({
      key: taskKey(documentKey, preambleCode),
      code: preambleCode,
      title: "Phần mở đầu",
      text: "",
      level: 0,
      order: -1,
      kind: "preamble",
      start: 0,
      end: Number.isFinite(firstStart) && firstStart !== Number.MAX_SAFE_INTEGER ? firstStart : 0,
      parentKey: null,
      parentCode: null,
    });
  }
  const holder = (code: string | null) =>
    taskKey(documentKey, code && taskCodes.has(code) ? code : preambleCode);

  const citedDocuments = new Map<string, DocumentRow>();
  const citations: CitationRow[] = [];
  for (const citation of parsed.citations) {
    if (citation.key === documentKey) continue; // a document quoting its own number is no citation
    addOrganization(citation.issuer);
    const row = citedDocumentRow(citation);
    const known = citedDocuments.get(row.key);
    if (known) mergeDocumentRows(known, row);
    else citedDocuments.set(row.key, row);
    citations.push({
      taskKey: holder(citation.task),
      documentKey: citation.key,
      quote: citation.quote,
      ...spanRow(citation.span),
      symbolAsPrinted: citation.symbolAsPrinted,
      date: citation.date,
      issuerKey: citation.issuer?.key ?? null,
      title: citation.title,
      relation: citation.relation,
      byName: false,
      resolvedBy: null,
      warnings: citation.warnings.map((w) => `${w.kind}: ${w.message}`),
    });
  }

  const namedReferences: NamedRow[] = [];
  for (const reference of parsed.namedReferences) {
    const resolved = reference.resolvedKey ? parseDocumentKey(reference.resolvedKey) : null;
    if (reference.resolvedKey && resolved) {
      if (!citedDocuments.has(reference.resolvedKey)) {
        citedDocuments.set(reference.resolvedKey, {
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
      citations.push({
        taskKey: holder(reference.task),
        documentKey: reference.resolvedKey,
        quote: reference.quote,
        ...spanRow(reference.span),
        symbolAsPrinted: null,
        date: null,
        issuerKey: null,
        title: reference.name,
        relation: null,
        byName: true,
        resolvedBy: reference.resolvedBy,
        warnings: [],
      });
    } else {
      namedReferences.push({
        taskKey: holder(reference.task),
        namedKey: namedDocumentKey(reference),
        name: reference.name,
        kind: reference.kind,
        quote: reference.quote,
        ...spanRow(reference.span),
      });
    }
  }

  const targets: TargetRow[] = parsed.targets.map((target) => ({
    key: `${documentKey}#target-${target.ordinal}`,
    ordinal: target.ordinal,
    group: target.group,
    text: target.text,
    quantities: JSON.stringify(target.quantities),
    ...spanRow(target.span),
    taskKey: target.task && taskCodes.has(target.task) ? taskKey(documentKey, target.task) : null,
  }));

  const assignments: AssignmentRow[] = [];
  for (const responsibility of parsed.responsibilities) {
    if (!taskCodes.has(responsibility.task)) continue;
    for (const organization of responsibility.organizations) {
      addOrganization(organization);
      assignments.push({
        taskKey: taskKey(documentKey, responsibility.task),
        organizationKey: organization.key,
        duty: responsibility.duty,
        deadlines: JSON.stringify(responsibility.deadlines),
        ...spanRow(responsibility.span),
      });
    }
  }

  return {
    document: {
      key: documentKey,
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
    },
    organizations: [...organizations.values()],
    tasks,
    citedDocuments: [...citedDocuments.values()],
    citations,
    namedReferences,
    targets,
    assignments,
  };
}
