import ical from "ical-generator";
import type { DeadlineRecord } from "../services/graph-records.js";
import { documentLabel, type ExportSelection } from "./export-read.js";
import { exportLimits, type ExportLimits } from "./export-request.js";
import { deadlineEvents, plainText, type DeadlineEvent } from "./export-rows.js";

/**
 * Deadlines as iCalendar (RFC 5545), written by ical-generator (escaping, and folding at 75
 * octets: Vietnamese lines are mostly multi-byte). One all-day event per deadline on the last day
 * it allows; a stable UID, so a calendar that imports the file again updates its events.
 */

/** Characters of a task's title in an event's SUMMARY (the whole title is in its DESCRIPTION). */
const summaryTitleChars = 80;

function shortTitle(title: string): string {
  const text = plainText(title);
  if (text.length <= summaryTitleChars) return text;
  const cut = text.slice(0, summaryTitleChars);
  const space = cut.lastIndexOf(" ");
  return `${(space > summaryTitleChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

function dueLine(deadline: DeadlineRecord, due: string): string {
  const printed = `"${plainText(deadline.quote)}"`;
  if (deadline.date) return `Deadline: ${due} (${printed})`;
  return `Deadline: ${due}, the last day of the period ${deadline.period ?? "?"}: the text sets a period, not a day (${printed})`;
}

function description(event: DeadlineEvent): string {
  const { item, deadline } = event;
  const lines = [
    dueLine(deadline, event.due),
    `Task: ${item.task.code} ${plainText(item.task.title)}`,
    `Document: ${documentLabel(item.document)}${item.document.symbol ? "" : ` (${item.document.key})`}`,
  ];
  if (event.bodies.length > 0) {
    lines.push("Bodies:");
    for (const body of event.bodies) lines.push(`- ${body.organization.name}: ${plainText(body.duty)}`);
    const passages = [
      ...new Set(event.bodies.map((b) => (b.quote ? plainText(b.quote) : "")).filter(Boolean)),
    ];
    for (const passage of passages) lines.push(`Quote: "${passage}"`);
  }
  return lines.join("\n");
}

function dayAfter(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1));
}

function calendarName(selection: ExportSelection): string {
  return selection.scope.kind === "organization"
    ? `Deadlines: ${selection.scope.organization.name}`
    : `Deadlines: ${documentLabel(selection.scope.document)}`;
}

/** The selection's deadlines as an .ics text; `now` is every event's DTSTAMP. */
export function deadlinesIcs(
  selection: ExportSelection,
  options: { now?: Date; caps?: ExportLimits } = {},
): string {
  const now = options.now ?? new Date();
  const calendar = ical({
    prodId: { company: "cancu", product: "deadlines", language: "VI" },
    name: calendarName(selection),
  });
  for (const event of deadlineEvents(selection, options.caps ?? exportLimits)) {
    const [y, m, d] = event.due.split("-").map(Number) as [number, number, number];
    calendar.createEvent({
      id: event.uid,
      allDay: true,
      start: new Date(Date.UTC(y, m - 1, d)),
      end: dayAfter(event.due),
      stamp: now,
      summary: `${event.item.task.code} ${shortTitle(event.item.task.title)}`,
      description: description(event),
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves it off
  return `${calendar.toString()}\r\n`;
}
