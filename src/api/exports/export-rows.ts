import { createHash } from "node:crypto";
import type { AssignmentRecord, DeadlineRecord } from "../services/graph-records.js";
import type { ExportSelection, ExportTask } from "./export-read.js";
import { ExportError, exportLimits, type ExportLimits } from "./export-request.js";

/**
 * What the two formats write, from one selection: deadlines as events (one per deadline) and
 * duties as rows (one per task and body). Pure; both are bounded by `maxRows`.
 */

/** One deadline of one task: a calendar event. */
export interface DeadlineEvent {
  /** stable across exports and scopes: the task key and the deadline's place in the task's text */
  uid: string;
  due: string;
  deadline: DeadlineRecord;
  item: ExportTask;
  /** who must meet it: an organization's own assignments, or for a document every body of the task */
  bodies: AssignmentRecord[];
}

/** One (task, body) of a scope; `body` null for a task of a document that names no body. */
export interface DutyRow {
  item: ExportTask;
  body: AssignmentRecord | null;
  /** its deadlines (a body's: those its passage sets; else the task's), within from/to when given */
  deadlines: DeadlineRecord[];
}

/** Whitespace as a reader sees it: quotes keep the line breaks of the printed page. */
export function plainText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const inRange = (due: string | null, from: string | null, to: string | null): due is string =>
  due !== null && (from === null || due >= from) && (to === null || due <= to);

function taskKeyDigest(taskKey: string): string {
  return createHash("sha256").update(taskKey, "utf8").digest("hex").slice(0, 32);
}

/**
 * `<place>` is the deadline's index among the task's own deadlines (Task.deadlines), so that an
 * organization's export and its document's give the same event the same UID, and importing
 * either again updates it instead of adding a second one.
 */
export function deadlineUid(taskKey: string, place: string | number): string {
  return `cancu-deadline-${taskKeyDigest(taskKey)}-${place}@cancu`;
}

/** Where an assignment's deadline sits among its task's own deadlines (the same passage of text). */
function placeOf(
  task: ExportTask["task"],
  deadline: DeadlineRecord,
  assignment: AssignmentRecord,
  j: number,
): string {
  const index = task.deadlines.findIndex(
    (d) => d.start === deadline.start && d.end === deadline.end && d.quote === deadline.quote,
  );
  return index >= 0 ? String(index) : `a${assignment.start ?? 0}-${j}`;
}

function bounded<T>(rows: T[], caps: ExportLimits, what: string): T[] {
  if (rows.length > caps.maxRows)
    throw new ExportError(
      "EXPORT_TOO_LARGE",
      `${rows.length} ${what}, more than the ${caps.maxRows} one export holds; narrow it with from and to`,
    );
  return rows;
}

/**
 * The deadlines of a selection within from/to, by day then text order. For a document: every
 * deadline its tasks set. For an organization: the deadlines of the passages that assign it (a
 * task's other deadlines may be another body's, as in "…; Ban cán sự … hoàn thành trước ngày
 * 31/12/2021").
 */
export function deadlineEvents(
  selection: ExportSelection,
  caps: ExportLimits = exportLimits,
): DeadlineEvent[] {
  const { from, to } = selection;
  const events = new Map<string, DeadlineEvent>();
  selection.tasks.forEach((item) => {
    if (selection.scope.kind === "document") {
      item.task.deadlines.forEach((deadline, index) => {
        if (!inRange(deadline.due, from, to)) return;
        const uid = deadlineUid(item.task.key, index);
        events.set(uid, { uid, due: deadline.due, deadline, item, bodies: item.assignments });
      });
      return;
    }
    for (const assignment of item.assignments)
      assignment.deadlines.forEach((deadline, j) => {
        if (!inRange(deadline.due, from, to)) return;
        const uid = deadlineUid(item.task.key, placeOf(item.task, deadline, assignment, j));
        const known = events.get(uid);
        if (known) known.bodies.push(assignment);
        else events.set(uid, { uid, due: deadline.due, deadline, item, bodies: [assignment] });
      });
  });
  const order = new Map(selection.tasks.map((item, i) => [item.task.key, i]));
  const sorted = [...events.values()].sort(
    (a, b) =>
      a.due.localeCompare(b.due) ||
      order.get(a.item.task.key)! - order.get(b.item.task.key)! ||
      (a.deadline.start ?? 0) - (b.deadline.start ?? 0),
  );
  return bounded(sorted, caps, "deadlines");
}

/**
 * One row per (task, body) in text order; a document's task that names no body is one row of its
 * own, with the task's deadlines. With from/to, only rows with a deadline in the range, and only
 * those deadlines.
 */
export function dutyRows(selection: ExportSelection, caps: ExportLimits = exportLimits): DutyRow[] {
  const { from, to } = selection;
  const ranged = from !== null || to !== null;
  const rows: DutyRow[] = [];
  for (const item of selection.tasks) {
    const bodies: (AssignmentRecord | null)[] = item.assignments.length > 0 ? item.assignments : [null];
    if (selection.scope.kind === "organization" && item.assignments.length === 0) continue;
    for (const body of bodies) {
      const all = body ? body.deadlines : item.task.deadlines;
      const deadlines = ranged ? all.filter((d) => inRange(d.due, from, to)) : all;
      if (ranged && deadlines.length === 0) continue;
      rows.push({ item, body, deadlines });
    }
  }
  return bounded(rows, caps, "rows");
}
