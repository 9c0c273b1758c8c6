import {
  ExplorerOrganizationAssignmentsDocument,
  ExplorerOrganizationDocument,
  ExplorerOrganizationDocumentsDocument,
  type ExplorerOrganizationQuery,
} from "../../../src/generated/graphql.js";
import { h, replaceChildren } from "../dom.js";
import {
  countBar,
  deadlineList,
  exportLinks,
  kindLabel,
  monthLabel,
  moreButton,
  organizationLink,
} from "../duties.js";
import { documentLink, documentName, facts, formatDate, quoteBlock, taskLink } from "../format.js";
import { request } from "../graphql-client.js";
import { t } from "../i18n.js";
import { heading, type ViewContext } from "./view-context.js";

type Organization = NonNullable<ExplorerOrganizationQuery["organization"]>;
type AssignmentEdge = Organization["assignments"]["edges"][number];
type IssuedEdge = Organization["documentsIssued"]["edges"][number];

function assignmentItem(edge: AssignmentEdge): HTMLLIElement {
  const { node } = edge;
  return h(
    "li",
    { class: "result assignment", "data-task": node.task.code, "data-due": edge.due ?? undefined },
    taskLink(node.task),
    h(
      "div",
      { class: "meta" },
      `${t("assignedIn")}: `,
      documentLink(node.task.document),
      " · ",
      edge.due ? t("dueOn", { date: formatDate(edge.due) }) : t("noDeadline"),
    ),
    h("p", { class: "duty" }, h("strong", {}, `${t("duty")}: `), node.duty),
    h(
      "div",
      { class: "deadlines-line" },
      h("strong", {}, `${t("deadlines")}: `),
      deadlineList(node.deadlines),
    ),
    node.quote ? quoteBlock(node.quote) : null,
  );
}

function issuedItem(edge: IssuedEdge): HTMLLIElement {
  const document = edge.node;
  return h(
    "li",
    { class: "result" },
    documentLink(document),
    h(
      "div",
      { class: "meta" },
      formatDate(document.issuedOn),
      document.symbol && document.title ? ` · ${document.title}` : null,
      document.ingested ? null : ` · ${t("ingestedNo")}`,
    ),
  );
}

/**
 * The timeline: each month that holds a due date, in order, with the tasks due in it (a list a
 * screen reader reads as it is, a bar for the eye), then how many have no deadline.
 */
function drawTimeline(target: HTMLElement, edges: readonly AssignmentEdge[], partial: boolean): void {
  const months = new Map<string, AssignmentEdge[]>();
  let undated = 0;
  for (const edge of edges) {
    if (!edge.due) {
      undated += 1;
      continue;
    }
    const month = edge.due.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), edge]);
  }
  const ordered = [...months.entries()].sort(([a], [b]) => a.localeCompare(b));
  const most = Math.max(1, ...ordered.map(([, due]) => due.length));
  replaceChildren(
    target,
    h("p", { class: "meta" }, t("timelineHelp"), partial ? ` ${t("timelinePartial")}` : null),
    ordered.length
      ? h(
          "ol",
          { class: "timeline", id: "timeline" },
          ordered.map(([month, due]) =>
            h(
              "li",
              { class: "timeline-month", "data-month": month, "aria-labelledby": `timeline-${month}` },
              h(
                "h4",
                { id: `timeline-${month}` },
                h("time", { datetime: month }, monthLabel(month)),
                h("span", { class: "meta" }, ` · ${t("tasksDueCount", { count: due.length })}`),
              ),
              countBar(due.length, most),
              h(
                "ul",
                { class: "timeline-tasks" },
                due.map((edge) =>
                  h(
                    "li",
                    {},
                    h("time", { datetime: edge.due ?? undefined }, formatDate(edge.due)),
                    " · ",
                    taskLink(edge.node.task, false),
                    ` · ${documentName(edge.node.task.document)}`,
                  ),
                ),
              ),
            ),
          ),
        )
      : h("p", { id: "timeline-empty" }, t("timelineNone")),
    undated
      ? h("p", { class: "meta", id: "timeline-undated" }, t("timelineUndated", { count: undated }))
      : null,
  );
}

/** An organization: its facts and structure, what it must do by when (with a timeline), what it issued, its exports. */
export async function renderOrganization(ctx: ViewContext, key: string): Promise<void> {
  const found = await request(ExplorerOrganizationDocument, { key }, ctx.signal);
  const organization = found.organization;
  if (!organization) {
    ctx.setTitle(t("notFound"));
    replaceChildren(ctx.main, heading(t("organization")), h("p", {}, t("notFound")));
    return;
  }
  ctx.setTitle(organization.name);

  const assignments = [...organization.assignments.edges];
  const timeline = h("div", { id: "timeline-box" });
  drawTimeline(timeline, assignments, organization.assignments.pageInfo.hasNextPage);
  const assignmentList = h("ul", { class: "results", id: "assignments" }, assignments.map(assignmentItem));
  const moreAssignments = moreButton({
    id: "more-assignments",
    label: t("moreAssignments"),
    list: assignmentList,
    pageInfo: organization.assignments.pageInfo,
    signal: ctx.signal,
    load: async (after) => {
      const answer = await request(ExplorerOrganizationAssignmentsDocument, { key, after }, ctx.signal);
      const page = answer.organization?.assignments;
      if (!page) return null;
      assignments.push(...page.edges);
      drawTimeline(timeline, assignments, page.pageInfo.hasNextPage);
      return { items: page.edges.map(assignmentItem), pageInfo: page.pageInfo };
    },
  });

  const issued = organization.documentsIssued;
  const issuedList = h("ul", { class: "results", id: "documents-issued" }, issued.edges.map(issuedItem));
  const moreIssued = moreButton({
    id: "more-documents",
    label: t("moreDocuments"),
    list: issuedList,
    pageInfo: issued.pageInfo,
    signal: ctx.signal,
    load: async (after) => {
      const answer = await request(ExplorerOrganizationDocumentsDocument, { key, after }, ctx.signal);
      const page = answer.organization?.documentsIssued;
      return page ? { items: page.edges.map(issuedItem), pageInfo: page.pageInfo } : null;
    },
  });

  replaceChildren(
    ctx.main,
    h("p", { class: "kicker" }, t("organization")),
    heading(organization.name),
    facts(
      [
        [t("orgKind"), kindLabel(organization.kind)],
        [t("province"), organization.province ?? t("unknown")],
        [
          t("aliases"),
          organization.aliases.length
            ? h(
                "ul",
                { class: "aliases", id: "aliases" },
                organization.aliases.map((alias) => h("li", {}, alias)),
              )
            : t("none"),
        ],
        [
          t("orgParent"),
          organization.parent
            ? organizationLink(organization.parent, { id: "parent-organization" })
            : t("none"),
        ],
        [
          t("orgChildren"),
          organization.children.length
            ? h(
                "ul",
                { class: "org-children", id: "children" },
                organization.children.map((child) => h("li", {}, organizationLink(child))),
              )
            : t("none"),
        ],
      ],
      { id: "organization-facts" },
    ),
    exportLinks({ organization: organization.key }),
    h(
      "section",
      { "aria-labelledby": "assignments-heading" },
      h("h2", { id: "assignments-heading" }, t("assignments")),
      assignments.length
        ? [
            h("p", { class: "meta" }, t("assignmentsHelp")),
            h(
              "section",
              { "aria-labelledby": "timeline-heading", class: "timeline-section" },
              h("h3", { id: "timeline-heading" }, t("timeline")),
              timeline,
            ),
            assignmentList,
            moreAssignments,
          ]
        : h("p", { id: "no-assignments" }, t("noAssignments")),
    ),
    h(
      "section",
      { "aria-labelledby": "issued-heading" },
      h("h2", { id: "issued-heading" }, t("documentsIssued", { count: issued.totalCount })),
      issued.edges.length ? [issuedList, moreIssued] : h("p", {}, t("noDocumentsIssued")),
    ),
  );
}
