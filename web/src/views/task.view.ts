import { ExplorerTaskDocument, type ExplorerTaskQuery } from "../../../src/generated/graphql.js";
import { h, replaceChildren } from "../dom.js";
import { documentLink, documentName, formatDate, quoteBlock, taskLink } from "../format.js";
import { deadlineList, organizationLink } from "../duties.js";
import { drawGraph, type GraphEdgeSpec, type GraphNodeSpec } from "../graph-view.js";
import { request } from "../graphql-client.js";
import { t } from "../i18n.js";
import { locateQuotes } from "../highlight.js";
import { documentHref, maxDrivingDepth, neighborhoodHref, taskHref } from "../router.js";
import { heading, type ViewContext } from "./view-context.js";

type Task = Extract<NonNullable<ExplorerTaskQuery["node"]>, { __typename: "Task" }>;
type Directive = Task["directivesDrivingPage"]["edges"][number]["node"];

interface Crumb {
  id: string;
  code: string;
  title: string;
}

function ancestors(task: Task): Crumb[] {
  const chain: Crumb[] = [];
  let parent: (Crumb & { parent?: unknown }) | null = task.parent;
  while (parent) {
    chain.unshift({ id: parent.id, code: parent.code, title: parent.title });
    parent = (parent.parent ?? null) as (Crumb & { parent?: unknown }) | null;
  }
  return chain;
}

function breadcrumbs(task: Task): HTMLElement {
  const items = [
    h("li", {}, documentLink(task.document)),
    ...ancestors(task).map((crumb) =>
      h("li", {}, h("a", { href: taskHref(crumb.id), title: crumb.title }, crumb.code)),
    ),
    h("li", {}, h("span", { "aria-current": "page" }, task.code)),
  ];
  return h("nav", { class: "breadcrumbs", "aria-label": t("breadcrumbs") }, h("ol", {}, items));
}

/** The task text with each citation's quote marked and linked to the cited document. */
function highlightedText(task: Task): HTMLElement {
  const spans = locateQuotes(task.text, task.citations);
  const parts: Array<Node | string> = [];
  let at = 0;
  for (const span of spans) {
    parts.push(task.text.slice(at, span.start));
    const cited = span.item.document;
    parts.push(
      h(
        "mark",
        { class: "citation" },
        h(
          "a",
          { href: documentHref(cited.id), title: documentName(cited) },
          task.text.slice(span.start, span.end),
        ),
      ),
    );
    at = span.end;
  }
  parts.push(task.text.slice(at));
  return h("div", { class: "task-text", id: "task-text" }, parts);
}

function drivingGraph(task: Task): { nodes: GraphNodeSpec[]; edges: GraphEdgeSpec[] } {
  const nodes = new Map<string, GraphNodeSpec>();
  const edges = new Map<string, GraphEdgeSpec>();
  nodes.set(task.id, { id: task.id, label: `${task.code} ${task.title}`, kind: "Task", centre: true });
  const addDocument = (document: {
    id: string;
    type: string;
    symbol?: string | null;
    title?: string | null;
  }) => {
    if (!nodes.has(document.id))
      nodes.set(document.id, {
        id: document.id,
        label: documentName(document),
        kind: "Document",
        href: documentHref(document.id),
      });
  };
  const addEdge = (from: string, to: string, label: string, kind: string) => {
    const id = `${from}->${to}`;
    if (!edges.has(id)) edges.set(id, { id, from, to, label, kind });
  };
  for (const { node: directive } of task.directivesDrivingPage.edges) {
    let from = task.id;
    if (directive.inheritedFrom) {
      const heading = directive.inheritedFrom;
      if (!nodes.has(heading.id))
        nodes.set(heading.id, {
          id: heading.id,
          label: `${heading.code} ${heading.title}`,
          kind: "Task",
          href: taskHref(heading.id),
        });
      addEdge(task.id, heading.id, `${t("inheritedFrom")} ${heading.code}`, "UNDER");
      from = heading.id;
    }
    directive.via.forEach((citation, index) => {
      const source = index === 0 ? from : citation.task.document.id;
      if (index > 0) addDocument(citation.task.document);
      addDocument(citation.document);
      addEdge(source, citation.document.id, citation.quote, "IMPLEMENTS");
    });
    addDocument(directive.document);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function directiveItem(directive: Directive): HTMLLIElement {
  const document = directive.document;
  return h(
    "li",
    { class: "result" },
    h("a", { href: documentHref(document.id) }, documentName(document)),
    h(
      "div",
      { class: "meta" },
      `${t("depth")} ${directive.depth} · ${formatDate(document.issuedOn)}`,
      document.issuer ? [" · ", organizationLink(document.issuer)] : null,
      directive.inheritedFrom ? ` · ${t("inheritedFrom")} ${directive.inheritedFrom.code}` : null,
    ),
    h(
      "ol",
      { class: "via", "aria-label": t("via") },
      directive.via.map((citation) =>
        h(
          "li",
          {},
          taskLink(citation.task, false),
          ` (${documentName(citation.task.document)}) → `,
          documentLink(citation.document),
          quoteBlock(citation.quote),
        ),
      ),
    ),
  );
}

function depthPicker(ctx: ViewContext, task: Task, depth: number): HTMLElement {
  const select = h(
    "select",
    { id: "depth", name: "depth", "aria-describedby": "depth-help" },
    Array.from({ length: maxDrivingDepth }, (_, index) =>
      h("option", { value: index + 1, selected: index + 1 === depth }, String(index + 1)),
    ),
  );
  select.addEventListener("change", () =>
    ctx.navigate(taskHref(task.id, Number(select.value)), { focus: "depth" }),
  );
  return h(
    "div",
    { class: "field-inline" },
    h("label", { for: "depth" }, t("depth")),
    select,
    h("small", { id: "depth-help" }, t("depthHelp")),
  );
}

/** A task: breadcrumbs, its text with citations marked, and the directives driving it as a graph. */
export async function renderTask(ctx: ViewContext, id: string, depth: number): Promise<void> {
  const found = await request(ExplorerTaskDocument, { id, maxDepth: depth }, ctx.signal);
  const task = found.node?.__typename === "Task" ? found.node : null;
  if (!task) {
    ctx.setTitle(t("notFound"));
    replaceChildren(ctx.main, heading(t("task")), h("p", {}, t("notFound")));
    return;
  }
  ctx.setTitle(`${task.code} ${task.title}`);
  const graphBox = h("div", { class: "graph", id: "driving-graph", role: "img", "aria-label": t("drivers") });
  const graph = drivingGraph(task);
  const drivers = task.directivesDrivingPage.edges.map((edge) => edge.node);
  replaceChildren(
    ctx.main,
    breadcrumbs(task),
    h("p", { class: "kicker" }, `${t("task")} · ${documentName(task.document)}`),
    heading(`${task.code} ${task.title}`),
    h("p", {}, h("a", { href: neighborhoodHref(task.id), class: "button-link" }, t("openNeighborhood"))),
    h(
      "section",
      { "aria-labelledby": "text-heading" },
      h("h2", { id: "text-heading" }, t("taskText")),
      highlightedText(task),
    ),
    h(
      "section",
      { "aria-labelledby": "citations-heading" },
      h("h2", { id: "citations-heading" }, t("citations")),
      task.citations.length
        ? h(
            "ul",
            { class: "results", id: "task-citations" },
            task.citations.map((citation) =>
              h("li", { class: "result" }, documentLink(citation.document), quoteBlock(citation.quote)),
            ),
          )
        : h("p", {}, t("noCitations")),
    ),
    task.assignedTo.length
      ? h(
          "section",
          { "aria-labelledby": "assigned-heading" },
          h("h2", { id: "assigned-heading" }, t("assignedTo")),
          h(
            "ul",
            { class: "results", id: "task-assigned" },
            task.assignedTo.map((assignment) =>
              h(
                "li",
                { class: "result assignment", "data-key": assignment.organization.key },
                organizationLink(assignment.organization),
                h("p", { class: "duty" }, h("strong", {}, `${t("duty")}: `), assignment.duty),
                h(
                  "div",
                  { class: "deadlines-line" },
                  h("strong", {}, `${t("deadlines")}: `),
                  deadlineList(assignment.deadlines),
                ),
              ),
            ),
          ),
        )
      : null,
    task.deadlines.length
      ? h(
          "section",
          { "aria-labelledby": "task-deadlines-heading" },
          h("h2", { id: "task-deadlines-heading" }, t("taskDeadlines")),
          deadlineList(task.deadlines, "deadlines task-deadlines"),
        )
      : null,
    task.children.length
      ? h(
          "section",
          { "aria-labelledby": "children-heading" },
          h("h2", { id: "children-heading" }, t("children")),
          h(
            "ul",
            { class: "tree" },
            task.children.map((child) => h("li", {}, taskLink(child))),
          ),
        )
      : null,
    h(
      "section",
      { "aria-labelledby": "drivers-heading" },
      h("h2", { id: "drivers-heading" }, t("drivers")),
      depthPicker(ctx, task, depth),
      drivers.length
        ? [
            h("p", { class: "meta" }, t("graphHelp")),
            graphBox,
            h("ul", { class: "results", id: "drivers-list" }, drivers.map(directiveItem)),
            task.directivesDrivingPage.pageInfo.hasNextPage
              ? h("p", { class: "meta", id: "drivers-more" }, t("moreDrivers", { count: drivers.length }))
              : null,
          ]
        : h("p", {}, t("noDrivers")),
    ),
  );
  if (drivers.length)
    ctx.onLeave(drawGraph(graphBox, graph.nodes, graph.edges, (link) => ctx.navigate(link)));
}
