import type { GraphExecutor } from "../../graph/executor.js";
import { column, listOf } from "../../graph/record-mapping.js";
import {
  assignmentsOfTasks,
  documentsByKeys,
  documentsBySymbol,
  organizationsByKeys,
} from "../../graph/queries/index.js";
import { tasksAssignedToForExport, tasksOfDocumentForExport } from "../../graph/queries/export.queries.js";
import { symbolFromText } from "../services/document.service.js";
import {
  toAssignment,
  toDocument,
  toOrganization,
  toTask,
  type AssignmentRecord,
  type DocumentRecord,
  type OrganizationRecord,
  type TaskRecord,
} from "../services/graph-records.js";
import { ExportError, exportLimits, type ExportLimits, type ExportRequest } from "./export-request.js";

/** A task of the scope with its document and the bodies it assigns (for an organization: only that one). */
export interface ExportTask {
  task: TaskRecord;
  document: DocumentRecord;
  assignments: AssignmentRecord[];
}

export type ExportScope =
  { kind: "organization"; organization: OrganizationRecord } | { kind: "document"; document: DocumentRecord };

/** What one export holds, read in four statements whatever its size. */
export interface ExportSelection {
  scope: ExportScope;
  tasks: ExportTask[];
  from: string | null;
  to: string | null;
}

/** A document as a person names it: its symbol, else its type and title (an unnumbered resolution). */
export function documentLabel(document: DocumentRecord): string {
  if (document.symbol) return `${document.type} ${document.symbol}`;
  return [document.type, document.title].filter(Boolean).join(" ") || document.key;
}

async function organizationOf(graph: GraphExecutor, key: string): Promise<OrganizationRecord> {
  const [record] = await graph.read(organizationsByKeys([key]));
  const organization = record ? toOrganization(column(record, "organization")) : null;
  if (!organization) throw new ExportError("NOT_FOUND", `no organization has the key ${JSON.stringify(key)}`);
  return organization;
}

/** By key first (what the API hands out), else by symbol read with the extractor's grammar. */
async function documentOf(graph: GraphExecutor, keyOrSymbol: string): Promise<DocumentRecord> {
  const [byKey] = await graph.read(documentsByKeys([keyOrSymbol]));
  if (byKey) return toDocument(column(byKey, "document"));
  const read = await symbolFromText(keyOrSymbol);
  const found = read
    ? (await graph.read(documentsBySymbol(read.symbol, null))).map((r) => toDocument(column(r, "document")))
    : [];
  const hinted = found.filter((d) => read && d.year === read.yearHint);
  if (found.length === 1) return found[0]!;
  if (hinted.length === 1) return hinted[0]!;
  if (found.length > 1)
    throw new ExportError(
      "BAD_USER_INPUT",
      `${read!.symbol} names ${found.length} documents; name one by its key: ${found.map((d) => d.key).join(", ")}`,
    );
  throw new ExportError(
    "NOT_FOUND",
    `no document has the key or symbol ${JSON.stringify(keyOrSymbol)} (a symbol is written like 26-NQ/TW)`,
  );
}

/**
 * The scope's tasks with their documents and assignments. A scope with more than
 * `caps.maxTasks` tasks is refused (EXPORT_TOO_LARGE) before anything is written.
 */
export async function readExport(
  graph: GraphExecutor,
  request: ExportRequest,
  caps: ExportLimits = exportLimits,
): Promise<ExportSelection> {
  const scope: ExportScope =
    request.scope.kind === "organization"
      ? { kind: "organization", organization: await organizationOf(graph, request.scope.key) }
      : { kind: "document", document: await documentOf(graph, request.scope.keyOrSymbol) };
  const records = await graph.read(
    scope.kind === "organization"
      ? tasksAssignedToForExport(scope.organization.key, caps.maxTasks + 1)
      : tasksOfDocumentForExport(scope.document.key, caps.maxTasks + 1),
  );
  if (records.length > caps.maxTasks)
    throw new ExportError(
      "EXPORT_TOO_LARGE",
      `this scope has more than ${caps.maxTasks} tasks, more than one export holds; export its documents one at a time`,
    );
  const tasks = records.map((r) => toTask(column(r, "task")));
  if (tasks.length === 0) return { scope, tasks: [], from: request.from, to: request.to };

  const assignments = new Map<string, AssignmentRecord[]>();
  for (const record of await graph.read(assignmentsOfTasks(tasks.map((t) => t.key)))) {
    const all = listOf(column(record, "assignments")).map(toAssignment);
    assignments.set(
      String(record.get("key")),
      scope.kind === "organization" ? all.filter((a) => a.organization.key === scope.organization.key) : all,
    );
  }
  const documents = new Map<string, DocumentRecord>();
  if (scope.kind === "document") documents.set(scope.document.key, scope.document);
  const missing = [...new Set(tasks.map((t) => t.documentKey))].filter((key) => !documents.has(key));
  if (missing.length > 0)
    for (const record of await graph.read(documentsByKeys(missing))) {
      const document = toDocument(column(record, "document"));
      documents.set(document.key, document);
    }
  return {
    scope,
    tasks: tasks.flatMap((task) => {
      const document = documents.get(task.documentKey);
      return document ? [{ task, document, assignments: assignments.get(task.key) ?? [] }] : [];
    }),
    from: request.from,
    to: request.to,
  };
}
