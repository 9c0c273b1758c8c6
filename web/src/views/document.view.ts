import {
  ExplorerDocumentDocument,
  ExplorerDocumentDutiesDocument,
  ExplorerDocumentImplementersDocument,
  type ExplorerDocumentDutiesQuery,
  type ExplorerDocumentQuery,
} from "../../../src/generated/graphql.js";
import { h, replaceChildren } from "../dom.js";
import { deadlineList, exportLinks, moreButton, organizationLink } from "../duties.js";
import { documentLink, documentName, facts, formatDate, quoteBlock, taskLink } from "../format.js";
import { request } from "../graphql-client.js";
import { lang, t, type LabelKey } from "../i18n.js";
import { statementItem, statusBadge } from "../legal-status.js";
import { documentHref, neighborhoodHref, relationsHref } from "../router.js";
import { openAtPageLink, sourceFactRows, type SourceFacts } from "../source-file.js";
import { heading, type ViewContext } from "./view-context.js";

type Document = Extract<NonNullable<ExplorerDocumentQuery["node"]>, { __typename: "Document" }>;
type Duties = Extract<NonNullable<ExplorerDocumentDutiesQuery["node"]>, { __typename: "Document" }>;
type Target = Duties["targets"][number];
type Quantity = Target["quantities"][number];
type ImplementerEdge = Duties["implementers"]["edges"][number];
type Proof = ImplementerEdge["node"]["proofs"][number];
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
function asOfForm(
  ctx: ViewContext,
  id: string,
  asOf: string | undefined,
  transitive: boolean,
): HTMLFormElement {
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
        ? h(
            "a",
            { href: documentHref(id, undefined, transitive), id: "as-of-today", class: "button-link" },
            t("asOfClear"),
          )
        : null,
    ),
    h("p", { class: "meta", id: "as-of-help" }, t("asOfHelp")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ctx.navigate(documentHref(id, input.value || undefined, transitive), { focus: "as-of-input" });
  });
  return form;
}

/** Its force at the as-of date: the badge, what it rests on (quotes, stating documents, dates), what comes later. */
function statusSection(
  ctx: ViewContext,
  document: Document,
  asOf: string | undefined,
  transitive: boolean,
): HTMLElement {
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
    asOfForm(ctx, document.id, asOf, transitive),
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

const numberFormat = () =>
  new Intl.NumberFormat(lang() === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 4 });

/** One parsed quantity: comparator, value or range, unit, and beside it the quantity as printed. */
function quantityItem(quantity: Quantity): HTMLLIElement {
  const format = numberFormat();
  const value =
    quantity.valueMax != null
      ? `${format.format(quantity.value)} – ${format.format(quantity.valueMax)}`
      : format.format(quantity.value);
  return h(
    "li",
    { class: "quantity" },
    h(
      "span",
      { class: "parsed" },
      quantity.comparator
        ? [h("span", { class: "comparator", title: t("comparator") }, quantity.comparator), " "]
        : null,
      h(
        "data",
        {
          class: "value",
          value: quantity.valueMax != null ? `${quantity.value}/${quantity.valueMax}` : quantity.value,
        },
        value,
      ),
      quantity.unit ? [" ", h("span", { class: "unit", title: t("unit") }, quantity.unit)] : null,
    ),
    " ",
    h(
      "span",
      { class: "printed" },
      `(${t("printedAs")}: `,
      h("q", { class: "printed-quote" }, quantity.quote.replace(/\s+/g, " ")),
      ")",
    ),
  );
}

/** The numbered targets as a table: number, group, text, the parsed values beside the printed ones. */
function targetsSection(targets: readonly Target[]): HTMLElement | null {
  if (targets.length === 0) return null;
  const header = (label: LabelKey) => h("th", { scope: "col" }, t(label));
  return h(
    "section",
    { "aria-labelledby": "targets-heading", class: "targets-section" },
    h("h2", { id: "targets-heading" }, t("targets", { count: targets.length })),
    h(
      "div",
      { class: "table-scroll", role: "region", "aria-labelledby": "targets-heading", tabindex: 0 },
      h(
        "table",
        { class: "targets", id: "targets" },
        h("caption", {}, t("targetsCaption")),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            header("targetNumber"),
            header("targetGroup"),
            header("targetText"),
            header("targetValues"),
          ),
        ),
        h(
          "tbody",
          {},
          targets.map((target) =>
            h(
              "tr",
              { "data-ordinal": target.ordinal },
              h("th", { scope: "row", class: "ordinal" }, `(${target.ordinal})`),
              h("td", { class: "group" }, target.group ?? ""),
              h(
                "td",
                { class: "text" },
                target.text,
                target.task ? h("div", { class: "meta" }, taskLink(target.task, false)) : null,
              ),
              h(
                "td",
                { class: "values" },
                target.quantities.length
                  ? h("ul", { class: "quantities" }, target.quantities.map(quantityItem))
                  : h("span", { class: "meta" }, t("noQuantities")),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Each basis of a proof with its label's key (spelled out, so that every label is found in the source). */
const basisLabels = { TASK: "basis_TASK", HEADING: "basis_HEADING", DOCUMENT: "basis_DOCUMENT" } as const;

/** TASK, HEADING, DOCUMENT in words; another basis as the API gives it. */
function basisLabel(basis: string): string {
  const key = Object.hasOwn(basisLabels, basis) ? basisLabels[basis as keyof typeof basisLabels] : null;
  return key ? t(key) : basis;
}

function proofItem(proof: Proof): HTMLLIElement {
  return h(
    "li",
    { class: "proof", "data-basis": proof.basis },
    h(
      "p",
      { class: "proof-basis" },
      h("span", { class: "badge" }, basisLabel(proof.basis)),
      ` · ${t("depth")} ${proof.depth}`,
    ),
    h(
      "dl",
      { class: "proof-facts" },
      h("dt", {}, t("implementingTask")),
      h(
        "dd",
        { class: "implementing-task" },
        taskLink(proof.implementingTask),
        ` (${documentName(proof.implementingTask.document)})`,
      ),
      h("dt", {}, t("assigningTask")),
      h("dd", { class: "assigning-task" }, taskLink(proof.assignment.task)),
      h("dt", {}, t("duty")),
      h("dd", { class: "duty" }, proof.assignment.duty),
      h("dt", {}, t("deadlines")),
      h("dd", {}, deadlineList(proof.assignment.deadlines)),
    ),
  );
}

function implementerItem(edge: ImplementerEdge): HTMLLIElement {
  const { node } = edge;
  return h(
    "li",
    { class: "result implementer", "data-key": node.organization.key },
    h("h3", { class: "implementer-name" }, organizationLink(node.organization)),
    h(
      "p",
      { class: "meta" },
      `${t("depth")} ${node.depth}`,
      node.organization.province ? ` · ${node.organization.province}` : null,
      node.proofCount > node.proofs.length
        ? ` · ${t("proofsShown", { shown: node.proofs.length, count: node.proofCount })}`
        : null,
    ),
    h(
      "ol",
      { class: "proofs", "aria-label": `${t("basis")}: ${node.organization.name}` },
      node.proofs.map(proofItem),
    ),
  );
}

/** The bodies that carry the document out (Document.implementers), directly or (toggle) through ingested documents. */
function implementersSection(
  ctx: ViewContext,
  document: Document,
  implementers: Duties["implementers"],
  asOf: string | undefined,
  transitive: boolean,
): HTMLElement {
  const toggle = h("input", {
    type: "checkbox",
    id: "implementers-transitive",
    checked: transitive,
    "aria-describedby": "implementers-help",
  });
  toggle.addEventListener("change", () =>
    ctx.navigate(documentHref(document.id, asOf, toggle.checked), { focus: "implementers-transitive" }),
  );
  const list = h("ul", { class: "results", id: "implementers" }, implementers.edges.map(implementerItem));
  return h(
    "section",
    { "aria-labelledby": "implementers-heading", id: "implementers-section" },
    h("h2", { id: "implementers-heading" }, t("implementers", { count: implementers.totalCount })),
    h("p", { class: "meta", id: "implementers-help" }, t("implementersHelp")),
    h(
      "div",
      { class: "field-inline checkbox" },
      toggle,
      h("label", { for: "implementers-transitive" }, t("implementersTransitive")),
    ),
    implementers.edges.length
      ? [
          list,
          moreButton({
            id: "more-implementers",
            label: t("moreImplementers"),
            list,
            pageInfo: implementers.pageInfo,
            signal: ctx.signal,
            load: async (after) => {
              const answer = await request(
                ExplorerDocumentImplementersDocument,
                { id: document.id, transitive, after },
                ctx.signal,
              );
              const page = answer.node?.__typename === "Document" ? answer.node.implementers : null;
              return page ? { items: page.edges.map(implementerItem), pageInfo: page.pageInfo } : null;
            },
          }),
        ]
      : h("p", { id: "no-implementers" }, t("noImplementers")),
  );
}

/** A document: its facts, its legal force, the tasks that implement it with their quotes, what its own tasks cite. */
export async function renderDocument(
  ctx: ViewContext,
  id: string,
  asOf?: string,
  transitive = false,
): Promise<void> {
  // the page's own operation is near the cost limit: targets and implementers come in a second one
  const [found, dutiesAnswer] = await Promise.all([
    request(ExplorerDocumentDocument, { id, asOf: asOf ?? null }, ctx.signal),
    request(ExplorerDocumentDutiesDocument, { id, transitive }, ctx.signal),
  ]);
  const document = found.node?.__typename === "Document" ? found.node : null;
  const duties = dutiesAnswer.node?.__typename === "Document" ? dutiesAnswer.node : null;
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
      [
        t("issuer"),
        document.issuer ? organizationLink(document.issuer, { id: "issuer-link" }) : t("unknown"),
      ],
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
    statusSection(ctx, document, asOf, transitive),
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
    duties ? targetsSection(duties.targets) : null,
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
    duties ? implementersSection(ctx, document, duties.implementers, asOf, transitive) : null,
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
    document.ingested ? exportLinks({ document: document.key }) : null,
  );
}
