import { ExplorerDocumentDocument, type ExplorerDocumentQuery } from "../../../src/generated/graphql.js";
import { h, replaceChildren } from "../dom.js";
import { documentLink, documentName, formatDate, quoteBlock, taskLink } from "../format.js";
import { request } from "../graphql-client.js";
import { t } from "../i18n.js";
import { documentHref, neighborhoodHref } from "../router.js";
import { heading, type ViewContext } from "./view-context.js";

type TaskTreeNode = { id: string; code: string; title: string; children?: TaskTreeNode[] };

function taskTree(tasks: readonly TaskTreeNode[]): HTMLUListElement {
  return h(
    "ul",
    { class: "tree" },
    tasks.map((task) => h("li", {}, taskLink(task), task.children?.length ? taskTree(task.children) : null)),
  );
}

function facts(rows: Array<[string, Node | string]>): HTMLDListElement {
  return h(
    "dl",
    { class: "facts" },
    rows.map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]),
  );
}

function citedDocuments(id: string, neighborhood: ExplorerDocumentQuery["neighborhood"]): HTMLElement {
  const byId = new Map(neighborhood.nodes.map((node) => [node.id, node]));
  const cited = neighborhood.edges
    .filter((edge) => edge.type === "CITES" && edge.from === id)
    .map((edge) => byId.get(edge.to))
    .filter((node) => node !== undefined)
    .sort((a, b) => a.caption.localeCompare(b.caption, "vi", { numeric: true }));
  if (cited.length === 0) return h("p", {}, t("noCitedDocuments"));
  return h(
    "ul",
    { class: "results", id: "cited-documents" },
    cited.map((node) => h("li", {}, h("a", { href: documentHref(node.id) }, node.caption))),
  );
}

/** A document: its facts, the tasks that implement it with their quotes, what its own tasks cite. */
export async function renderDocument(ctx: ViewContext, id: string): Promise<void> {
  const found = await request(ExplorerDocumentDocument, { id }, ctx.signal);
  const document = found.node?.__typename === "Document" ? found.node : null;
  if (!document) {
    ctx.setTitle(t("notFound"));
    replaceChildren(ctx.main, heading(t("document")), h("p", {}, t("notFound")));
    return;
  }
  const name = documentName(document);
  ctx.setTitle(name);
  const implementing = document.citedBy.edges.map((edge) => edge.node);
  replaceChildren(
    ctx.main,
    h("p", { class: "kicker" }, t("document")),
    heading(name),
    facts([
      [t("type"), document.type],
      [t("symbol"), document.symbol ?? t("unknown")],
      [t("date"), formatDate(document.issuedOn)],
      [t("issuer"), document.issuer?.name ?? t("unknown")],
      [t("title"), document.title ?? t("unknown")],
      [
        t("ingested"),
        h(
          "span",
          { class: document.ingested ? "badge ok" : "badge stub" },
          t(document.ingested ? "ingestedYes" : "ingestedNo"),
        ),
      ],
    ]),
    h("p", {}, h("a", { href: neighborhoodHref(document.id), class: "button-link" }, t("openNeighborhood"))),
    h(
      "section",
      { "aria-labelledby": "implementing-heading" },
      h("h2", { id: "implementing-heading" }, `${t("implementingTasks")} (${document.citedBy.totalCount})`),
      implementing.length
        ? h(
            "ul",
            { class: "results", id: "implementing-tasks" },
            implementing.map((citation) =>
              h(
                "li",
                { class: "result" },
                taskLink(citation.task),
                h("div", { class: "meta" }, documentLink(citation.task.document)),
                quoteBlock(citation.quote),
              ),
            ),
          )
        : h("p", {}, t("noImplementingTasks")),
    ),
    h(
      "section",
      { "aria-labelledby": "cited-heading" },
      h("h2", { id: "cited-heading" }, t("citedDocuments")),
      citedDocuments(document.id, found.neighborhood),
    ),
    document.tasks.length
      ? h(
          "section",
          { "aria-labelledby": "tree-heading" },
          h("h2", { id: "tree-heading" }, t("taskTree")),
          taskTree(document.tasks),
        )
      : null,
  );
}
