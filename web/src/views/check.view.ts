import {
  ExplorerCheckReferenceDocument,
  type ExplorerCheckReferenceQuery,
} from "../../../src/generated/graphql.js";
import { h, replaceChildren } from "../dom.js";
import { documentLink, documentName, formatDate, quoteBlock, statementBlock, taskLink } from "../format.js";
import { request } from "../graphql-client.js";
import { fieldLabel, t, type LabelKey } from "../i18n.js";
import { kindLabel } from "../legal-status.js";
import { dateParam, documentHref, href } from "../router.js";
import { errorMessage, heading, isAbort, loadingMessage, type ViewContext } from "./view-context.js";

type Check = ExplorerCheckReferenceQuery["checkReference"];

function verdict(check: Check): HTMLElement {
  if (!check.parsed) return h("p", { class: "verdict bad", id: "verdict" }, t("checkNotParsed"));
  if (!check.found) return h("p", { class: "verdict bad", id: "verdict" }, t("checkNotFound"));
  if (check.correct) return h("p", { class: "verdict ok", id: "verdict" }, t("checkCorrect"));
  if (check.ambiguous && check.conflicts.length === 0)
    return h("p", { class: "verdict warn", id: "verdict" }, t("checkAmbiguous"));
  return h(
    "p",
    { class: "verdict bad", id: "verdict" },
    `${t("checkConflicts")} (${check.conflicts.length})`,
  );
}

function conflictItem(conflict: Check["conflicts"][number]): HTMLLIElement {
  const citingTask = conflict.citation?.task;
  return h(
    "li",
    { class: "conflict", "data-field": conflict.field },
    h("p", { class: "conflict-title" }, h("strong", {}, fieldLabel(conflict.field)), `: ${conflict.message}`),
    h(
      "dl",
      { class: "facts compact" },
      h("dt", {}, t("given")),
      h("dd", {}, conflict.field === "date" ? formatDate(conflict.given) : conflict.given),
      h("dt", {}, t("known")),
      h("dd", {}, conflict.field === "date" ? formatDate(conflict.known) : conflict.known),
    ),
    conflict.quote
      ? h(
          "figure",
          {},
          quoteBlock(conflict.quote),
          h(
            "figcaption",
            {},
            t("sourceQuote"),
            citingTask
              ? [`: ${t("citedIn")} `, taskLink(citingTask, false), ` (${documentName(citingTask.document)})`]
              : null,
          ),
        )
      : null,
  );
}

const findingLabels: Record<string, LabelKey> = {
  REPLACED: "finding_REPLACED",
  REPEALED: "finding_REPEALED",
  SUSPENDED: "finding_SUSPENDED",
  EXPIRED: "finding_EXPIRED",
  NOT_YET_IN_FORCE: "finding_NOT_YET_IN_FORCE",
  ARTICLE_AMENDED: "finding_ARTICLE_AMENDED",
  ARTICLE_REPEALED: "finding_ARTICLE_REPEALED",
};

/** A warning from the cited document's force: what, since when, the quote, and the document that says it. */
function findingItem(finding: Check["findings"][number]): HTMLLIElement {
  const label = findingLabels[finding.code];
  const statement = finding.statement;
  return h(
    "li",
    { class: "finding", "data-code": finding.code },
    h(
      "p",
      { class: "finding-title" },
      h("strong", {}, label ? t(label) : finding.code),
      ": ",
      documentLink(finding.document),
      finding.since ? ` · ${t("legalSince", { date: formatDate(finding.since) })}` : null,
    ),
    h("p", { class: "finding-message", lang: "en" }, finding.message),
    finding.quote
      ? h(
          "figure",
          {},
          finding.statement
            ? statementBlock(finding.quote, finding.statement.sentence)
            : quoteBlock(finding.quote),
          h(
            "figcaption",
            {},
            statement
              ? [
                  `${kindLabel(statement.kind, "INCOMING")} `,
                  h(
                    "a",
                    { href: documentHref(statement.by.id), class: "finding-by" },
                    documentName(statement.by),
                  ),
                  statement.scope ? ` (${statement.scope})` : null,
                  ` · ${t("statedIn")} `,
                  taskLink(statement.task, false),
                ]
              : t("legalOwnClause"),
          ),
        )
      : null,
  );
}

function result(check: Check): HTMLElement {
  return h(
    "div",
    { id: "check-result" },
    verdict(check),
    check.parsed
      ? h(
          "p",
          { class: "meta" },
          `${t("parsed")}: ${check.parsed.type} ${check.parsed.symbol}`,
          check.parsed.date ? ` · ${formatDate(check.parsed.date)}` : null,
          check.parsed.issuer ? ` · ${check.parsed.issuer}` : null,
        )
      : null,
    h("p", { class: "meta", id: "checked-as-of" }, t("checkedAsOf", { date: formatDate(check.asOf) })),
    check.findings.length
      ? [
          h("h2", {}, t("findings")),
          h("ul", { class: "findings", id: "findings", role: "list" }, check.findings.map(findingItem)),
        ]
      : check.found
        ? h("p", { class: "meta", id: "no-findings" }, t("noFindings"))
        : null,
    check.conflicts.length
      ? [
          h("h2", {}, t("conflicts")),
          h("ul", { class: "conflicts", id: "conflicts" }, check.conflicts.map(conflictItem)),
        ]
      : null,
    check.documents.length
      ? [
          h("h2", {}, t("matches")),
          h(
            "ul",
            { class: "results" },
            check.documents.map((document) =>
              h(
                "li",
                { class: "result" },
                documentLink(document),
                h(
                  "div",
                  { class: "meta" },
                  formatDate(document.issuedOn),
                  document.issuer ? ` · ${document.issuer.name}` : null,
                ),
              ),
            ),
          ),
        ]
      : null,
    check.suggestions.length
      ? [
          h("h2", {}, t("suggestions")),
          h(
            "ul",
            { class: "results" },
            check.suggestions.map((suggestion) =>
              h(
                "li",
                { class: "result" },
                h("a", { href: documentHref(suggestion.document.id) }, suggestion.corrected),
                h("div", { class: "meta" }, suggestion.message),
              ),
            ),
          ),
        ]
      : null,
    check.notes.length
      ? [
          h("h2", {}, t("notes")),
          h(
            "ul",
            {},
            check.notes.map((note) => h("li", {}, note)),
          ),
        ]
      : null,
  );
}

/** The reference checker: /check?text=… holds the reference, so a check can be shared. */
export async function renderCheck(ctx: ViewContext, text: string, asOf?: string): Promise<void> {
  ctx.setTitle(t("checkTitle"));
  const textarea = h("textarea", {
    id: "reference-input",
    name: "text",
    rows: 3,
    placeholder: t("checkPlaceholder"),
    spellcheck: "false",
  });
  textarea.value = text;
  const asOfInput = h("input", {
    type: "date",
    id: "check-as-of",
    name: "asOf",
    value: asOf ?? "",
    "aria-describedby": "check-as-of-help",
  });
  const output = h("div", { "aria-live": "polite" });
  const form = h(
    "form",
    { class: "check-form", action: "/check" },
    h("label", { for: "reference-input" }, t("checkLabel")),
    textarea,
    h("label", { for: "check-as-of" }, t("checkAsOfLabel")),
    h("div", { class: "row" }, asOfInput),
    h("p", { class: "meta", id: "check-as-of-help" }, t("checkAsOfHelp")),
    h("div", { class: "row" }, h("button", { type: "submit" }, t("checkButton"))),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ctx.navigate(href({ page: "check", text: textarea.value.trim(), asOf: dateParam(asOfInput.value) }), {
      focus: "check-result",
    });
  });
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  replaceChildren(ctx.main, heading(t("checkTitle")), form, output);
  if (!text.trim()) return;
  replaceChildren(output, loadingMessage());
  try {
    const checked = await request(ExplorerCheckReferenceDocument, { text, asOf: asOf ?? null }, ctx.signal);
    replaceChildren(output, result(checked.checkReference));
  } catch (error) {
    if (!isAbort(error)) replaceChildren(output, errorMessage(error));
  }
}
