import { ExplorerDocumentDocument, type ExplorerDocumentQuery } from "../../../src/generated/graphql.js";
import { h, replaceChildren } from "../dom.js";
import { documentLink, documentName, facts, formatDate, quoteBlock, taskLink } from "../format.js";
import { request } from "../graphql-client.js";
import { t } from "../i18n.js";
import { statementItem, statusBadge } from "../legal-status.js";
import { documentHref, neighborhoodHref, relationsHref } from "../router.js";
import { openAtPageLink, sourceFactRows, type SourceFacts } from "../source-file.js";
import { heading, type ViewContext } from "./view-context.js";

type Document = Extract<NonNullable<ExplorerDocumentQuery["node"]>, { __typename: "Document" }>;
type OwnCitation = Document["cites"]["edges"][number]["node"];
type TaskTreeNode = {
  id: string;
  code: string;
  title: string;
  children?: readonly TaskTreeNode[];
};

function taskTree(tasks: readonly TaskTreeNode[]): HTMLUListElement {
  return h(
    "ul",
    { class: "tree" },
    tasks.map((task) => h("li", {}, taskLink(task), task.children?.length ? taskTree(task.children) : null)),
  );
}

/** Every citation its own tasks make (Document.cites: at any depth of the tree), with its task, in text order. */
function ownCitations(document: Document): Array<{ task: OwnCitation["task"]; citation: OwnCitation }> {
  return document.cites.edges.map(({ node }) => ({ task: node.task, citation: node }));
}

/** One quote of its own tasks: the task, the quote, and its page in the original (with a link to it). */
function ownQuote(
  task: OwnCitation["task"],
  citation: OwnCitation,
  file: SourceFacts | null | undefined,
): HTMLLIElement {
  const page = citation.page;
  return h(
    "li",
    { class: "own-quote", "data-page": page ?? undefined },
    taskLink(task, false),
    page != null
      ? [
          " · ",
          h("span", { class: "page" }, t("page", { page })),
          file ? [" · ", openAtPageLink(file, page)] : null,
        ]
      : null,
    quoteBlock(citation.quote),
  );
}

function citedDocuments(
  document: Document,
  neighborhood: ExplorerDocumentQuery["neighborhood"],
): HTMLElement {
  const byId = new Map(neighborhood.nodes.map((node) => [node.id, node]));
  const cited = neighborhood.edges
    .filter((edge) => edge.type === "CITES" && edge.from === document.id)
    .map((edge) => byId.get(edge.to))
    .filter((node) => node !== undefined)
    .sort((a, b) => a.caption.localeCompare(b.caption, "vi", { numeric: true }));
  if (cited.length === 0) return h("p", {}, t("noCitedDocuments"));
  const quotes = ownCitations(document);
  return h(
    "ul",
    { class: "results", id: "cited-documents" },
    cited.map((node) => {
      const own = quotes.filter(({ citation }) => citation.document.id === node.id);
      return h(
        "li",
        { class: "result" },
        h("a", { href: documentHref(node.id) }, node.caption),
        own.length
          ? h(
              "ul",
              { class: "own-quotes", "aria-label": `${t("ownQuotes")}: ${node.caption}` },
              own.map(({ task, citation }) => ownQuote(task, citation, document.sourceFile)),
            )
          : null,
      );
    }),
  );
}

/** The as-of date, kept in the URL (?asOf=yyyy-mm-dd); empty: today. */
function asOfForm(ctx: ViewContext, id: string, asOf: string | undefined): HTMLFormElement {
  const input = h("input", {
    type: "date",
    id: "as-of-input",
    name: "asOf",
    value: asOf ?? "",
    "aria-describedby": "as-of-help",
  });
  const form = h(
    "form",
    { class: "as-of-form", action: documentHref(id) },
    h("label", { for: "as-of-input" }, t("asOfLabel")),
    h(
      "div",
      { class: "row" },
      input,
      h("button", { type: "submit" }, t("asOfApply")),
      asOf
        ? h("a", { href: documentHref(id), id: "as-of-today", class: "button-link" }, t("asOfClear"))
        : null,
    ),
    h("p", { class: "meta", id: "as-of-help" }, t("asOfHelp")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ctx.navigate(documentHref(id, input.value || undefined), { focus: "as-of-input" });
  });
  return form;
}

/** Its force at the as-of date: the badge, what it rests on (quotes, stating documents, dates), what comes later. */
function statusSection(ctx: ViewContext, document: Document, asOf: string | undefined): HTMLElement {
  const status = document.status;
  return h(
    "section",
    { "aria-labelledby": "legal-heading", id: "legal-status", class: "legal-status" },
    h("h2", { id: "legal-heading" }, t("legalStatus")),
    h(
      "p",
      { class: "legal-line" },
      statusBadge(status, "status-badge"),
      " ",
      h("span", { class: "meta" }, t("legalAsOf", { date: formatDate(status.asOf) })),
    ),
    status.code === "UNKNOWN"
      ? h("p", { class: "legal-unknown", id: "status-unknown" }, t("legalUnknownExplained"))
      : null,
    h(
      "p",
      { class: "meta", id: "status-summary" },
      `${t("legalSummary")}: `,
      h("span", { lang: "en" }, status.summary),
    ),
    status.parts.length ? h("p", {}, `${t("legalParts")}: ${status.parts.join(", ")}`) : null,
    status.ownQuote
      ? h(
          "figure",
          { id: "status-own-quote" },
          quoteBlock(status.ownQuote),
          h("figcaption", {}, t("legalOwnClause")),
        )
      : null,
    status.evidence.length
      ? [
          h("h3", {}, t("legalEvidence")),
          h("ul", { class: "statements", id: "status-evidence" }, status.evidence.map(statementItem)),
        ]
      : null,
    status.upcoming.length
      ? [
          h("h3", {}, t("legalUpcoming")),
          h("ul", { class: "statements", id: "status-upcoming" }, status.upcoming.map(statementItem)),
        ]
      : null,
    asOfForm(ctx, document.id, asOf),
  );
}

function sourceFileSection(file: SourceFacts & { downloadUrl: string }): HTMLElement {
  return h(
    "section",
    { "aria-labelledby": "source-heading" },
    h("h2", { id: "source-heading" }, t("sourceFile")),
    facts(sourceFactRows(file), { id: "source-facts", className: "file-facts" }),
    h(
      "p",
      {},
      h("a", { href: file.downloadUrl, id: "download-original", download: file.name }, t("download")),
    ),
  );
}

/** A document: its facts, its legal force, the tasks that implement it with their quotes, what its own tasks cite. */
export async function renderDocument(ctx: ViewContext, id: string, asOf?: string): Promise<void> {
  const found = await request(ExplorerDocumentDocument, { id, asOf: asOf ?? null }, ctx.signal);
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
    statusSection(ctx, document, asOf),
    h(
      "p",
      { class: "links" },
      h(
        "a",
        { href: relationsHref(document.id), class: "button-link", id: "open-relations" },
        `${t("openRelations")} (${document.relations.totalCount})`,
      ),
      " ",
      h("a", { href: neighborhoodHref(document.id), class: "button-link" }, t("openNeighborhood")),
    ),
    document.sourceFile ? sourceFileSection(document.sourceFile) : null,
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
      citedDocuments(document, found.neighborhood),
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
