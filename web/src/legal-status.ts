import type {
  ExplorerStatusStatementFragment,
  LegalStatusCode,
  RelationDirection,
  RelationKind,
} from "../../src/generated/graphql.js";
import { h } from "./dom.js";
import { documentLink, formatDate, statementBlock, taskLink } from "./format.js";
import { t, type LabelKey } from "./i18n.js";

/** Each status's label; the colour comes from its class (styles.css: .legal-…). */
const statusLabels: Record<LegalStatusCode, LabelKey> = {
  IN_FORCE: "legal_IN_FORCE",
  NOT_YET_IN_FORCE: "legal_NOT_YET_IN_FORCE",
  AMENDED: "legal_AMENDED",
  PARTLY_REPEALED: "legal_PARTLY_REPEALED",
  SUSPENDED: "legal_SUSPENDED",
  REPLACED: "legal_REPLACED",
  REPEALED: "legal_REPEALED",
  EXPIRED: "legal_EXPIRED",
  UNKNOWN: "legal_UNKNOWN",
};

/** Relation kinds as the document that makes the statement says them (outgoing) … */
const kindLabels: Record<RelationKind, LabelKey> = {
  BASED_ON: "kind_BASED_ON",
  IMPLEMENTS: "kind_IMPLEMENTS",
  GUIDES: "kind_GUIDES",
  AMENDS: "kind_AMENDS",
  REPLACES: "kind_REPLACES",
  REPEALS: "kind_REPEALS",
  SUSPENDS: "kind_SUSPENDS",
  CONSOLIDATES: "kind_CONSOLIDATES",
  CORRECTS: "kind_CORRECTS",
  CITES: "kind_CITES",
};

/** … and as the document it is said of reads them (incoming, passive: Bị thay thế bởi …). */
const incomingKindLabels: Record<RelationKind, LabelKey> = {
  BASED_ON: "kindIn_BASED_ON",
  IMPLEMENTS: "kindIn_IMPLEMENTS",
  GUIDES: "kindIn_GUIDES",
  AMENDS: "kindIn_AMENDS",
  REPLACES: "kindIn_REPLACES",
  REPEALS: "kindIn_REPEALS",
  SUSPENDS: "kindIn_SUSPENDS",
  CONSOLIDATES: "kindIn_CONSOLIDATES",
  CORRECTS: "kindIn_CORRECTS",
  CITES: "kindIn_CITES",
};

const basisLabels: Record<string, LabelKey> = {
  effective: "basis_effective",
  issued: "basis_issued",
  unknown: "basis_unknown",
};

export function statusLabel(code: LegalStatusCode): string {
  return t(statusLabels[code]);
}

export function kindLabel(kind: RelationKind, direction: RelationDirection = "OUTGOING"): string {
  return t(direction === "INCOMING" ? incomingKindLabels[kind] : kindLabels[kind]);
}

/** The statuses that say the document no longer applies (red), applies in part (amber), or not yet. */
function tone(code: LegalStatusCode): string {
  switch (code) {
    case "IN_FORCE":
      return "in-force";
    case "AMENDED":
    case "PARTLY_REPEALED":
    case "NOT_YET_IN_FORCE":
      return "partial";
    case "SUSPENDED":
    case "REPLACED":
    case "REPEALED":
    case "EXPIRED":
      return "ended";
    case "UNKNOWN":
      return "unknown";
  }
}

/** The colour-coded badge: label, and since when when known. */
export function statusBadge(
  status: { code: LegalStatusCode; since: string | null },
  id?: string,
): HTMLSpanElement {
  const when =
    status.since && status.code !== "UNKNOWN"
      ? t(status.code === "NOT_YET_IN_FORCE" ? "legalTakesEffect" : "legalSince", {
          date: formatDate(status.since),
        })
      : null;
  return h(
    "span",
    { class: `legal-badge legal-${tone(status.code)}`, id, "data-code": status.code },
    statusLabel(status.code),
    when ? h("span", { class: "legal-since" }, ` · ${when}`) : null,
  );
}

/** One statement another document makes of this one: its kind and scope, quote, stating document, date and basis. */
export function statementItem(
  statement: Omit<ExplorerStatusStatementFragment, "sentence"> & { sentence?: string | null },
): HTMLLIElement {
  return h(
    "li",
    { class: "statement", "data-kind": statement.kind },
    h(
      "p",
      { class: "statement-title" },
      h("strong", {}, kindLabel(statement.kind, "INCOMING")),
      " ",
      documentLink(statement.by),
      " · ",
      `${t("scope")}: `,
      statement.scope ?? t("wholeDocument"),
    ),
    statementBlock(statement.quote, statement.sentence),
    h(
      "dl",
      { class: "facts compact" },
      h("dt", {}, t("statedBy")),
      h("dd", {}, documentLink(statement.by), ` ${t("statedIn")} `, taskLink(statement.task, false)),
      h("dt", {}, t("statementFrom")),
      h(
        "dd",
        { class: "statement-from" },
        formatDate(statement.from),
        ` (${t(basisLabels[statement.fromBasis] ?? "basis_unknown")})`,
      ),
    ),
  );
}
