import {
  ExplorerRelationsDocument,
  ExplorerRelationsMoreDocument,
  type ExplorerRelationPageFragment,
  type RelationDirection,
  type RelationKind,
} from "../../../src/generated/graphql.js";
import { h, replaceChildren } from "../dom.js";
import { documentLink, documentName, formatDate, statementBlock, taskLink } from "../format.js";
import { request } from "../graphql-client.js";
import { t } from "../i18n.js";
import { kindLabel, statusBadge } from "../legal-status.js";
import { documentHref, relationKinds, relationsHref } from "../router.js";
import { errorMessage, heading, isAbort, type ViewContext } from "./view-context.js";

type Edge = ExplorerRelationPageFragment["edges"][number];

/** The first page (all groups together, outgoing first) and each "more" (one group). */
const firstPageSize = 100;
const morePageSize = 50;

/** One direction and kind: its count (from counts, over all pages) and the edges loaded so far. */
interface Group {
  direction: RelationDirection;
  kind: RelationKind;
  count: number;
  edges: Edge[];
}

const directions: readonly RelationDirection[] = ["INCOMING", "OUTGOING"];
const groupId = (group: { direction: RelationDirection; kind: RelationKind }) =>
  `${group.direction.toLowerCase()}-${group.kind.toLowerCase().replace(/_/g, "-")}`;

/** The document on the other end of an edge: the source of an incoming statement, the target of an outgoing one. */
const otherEnd = (edge: Edge) => (edge.node.direction === "INCOMING" ? edge.node.source : edge.node.target);

function groupsOf(page: ExplorerRelationPageFragment, kinds: readonly RelationKind[]): Group[] {
  const shown = (kind: RelationKind) => kinds.length === 0 || kinds.includes(kind);
  const groups: Group[] = [];
  for (const direction of directions)
    for (const kind of relationKinds) {
      const count =
        page.counts.find((entry) => entry.direction === direction && entry.kind === kind)?.count ?? 0;
      if (count === 0 || !shown(kind)) continue;
      const edges = page.edges.filter((edge) => edge.node.direction === direction && edge.node.kind === kind);
      groups.push({ direction, kind, count, edges });
    }
  return groups;
}

function sum(groups: readonly Group[], direction: RelationDirection): number {
  return groups
    .filter((group) => group.direction === direction)
    .reduce((total, group) => total + group.count, 0);
}

/** Kind filter chips: toggle buttons whose state lives in the URL (?kind=REPEALS,GUIDES). */
function kindChips(
  ctx: ViewContext,
  id: string,
  page: ExplorerRelationPageFragment,
  kinds: readonly RelationKind[],
): HTMLElement {
  const total = (kind: RelationKind) =>
    page.counts.filter((entry) => entry.kind === kind).reduce((all, entry) => all + entry.count, 0);
  const chip = (
    label: string,
    pressed: boolean,
    next: RelationKind[],
    chipId: string,
    kind?: RelationKind,
  ) => {
    const button = h(
      "button",
      { type: "button", class: "chip", id: chipId, "aria-pressed": String(pressed), "data-kind": kind },
      label,
    );
    button.addEventListener("click", () => ctx.navigate(relationsHref(id, next), { focus: chipId }));
    return h("li", {}, button);
  };
  const available = relationKinds.filter((kind) => total(kind) > 0 || kinds.includes(kind));
  return h(
    "div",
    { class: "chips-box" },
    h("p", { class: "meta", id: "kind-filter-label" }, t("relationsFilter")),
    h(
      "ul",
      { class: "chips", id: "kind-filter", "aria-labelledby": "kind-filter-label" },
      chip(t("relationsAllKinds"), kinds.length === 0, [], "kind-all"),
      available.map((kind) => {
        const on = kinds.includes(kind);
        const next = on
          ? kinds.filter((k) => k !== kind)
          : relationKinds.filter((k) => k === kind || kinds.includes(k));
        return chip(`${kindLabel(kind)} (${total(kind)})`, on, next, `kind-${kind.toLowerCase()}`, kind);
      }),
    ),
  );
}

/**
 * A card's title leads to its group in the list: scrolled to and focused in place (a hash
 * navigation would fire popstate, which draws the view again and drops the pages loaded by "more").
 */
function jumpToGroup(event: Event): void {
  const link = event.currentTarget as HTMLAnchorElement;
  const target = document.getElementById(`${link.hash.slice(1)}-heading`);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "start" });
  target.focus();
}

/** The drawing: incoming groups on the left, the document in the centre, outgoing groups on the right. */
function diagram(
  document: {
    id: string;
    name: string;
    status: { code: Parameters<typeof statusBadge>[0]["code"]; since: string | null };
  },
  groups: readonly Group[],
): HTMLElement {
  const card = (group: Group) => {
    const others = new Map(group.edges.map((edge) => [otherEnd(edge).id, otherEnd(edge)]));
    const hidden = group.count - group.edges.length;
    return h(
      "li",
      { class: `relation-card kind-${group.kind.toLowerCase()}`, "data-kind": group.kind },
      h(
        "a",
        { class: "relation-card-title", href: `#${groupId(group)}`, onclick: jumpToGroup },
        h("span", { class: "arrow", "aria-hidden": "true" }, group.direction === "INCOMING" ? "→ " : ""),
        `${kindLabel(group.kind, group.direction)} (${group.count})`,
        h("span", { class: "arrow", "aria-hidden": "true" }, group.direction === "OUTGOING" ? " →" : ""),
      ),
      h(
        "ul",
        { class: "relation-others" },
        [...others.values()].map((other) => h("li", {}, documentLink(other))),
        hidden > 0 ? h("li", { class: "meta" }, `+${hidden}`) : null,
      ),
    );
  };
  const side = (direction: RelationDirection) => {
    const mine = groups.filter((group) => group.direction === direction);
    return h(
      "div",
      { class: `relations-side ${direction.toLowerCase()}` },
      h(
        "p",
        { class: "side-title" },
        t(direction === "INCOMING" ? "relationsIncoming" : "relationsOutgoing"),
        ` (${sum(groups, direction)})`,
      ),
      mine.length
        ? h("ul", { class: "relation-cards" }, mine.map(card))
        : h("p", { class: "meta" }, t("relationsNone")),
    );
  };
  return h(
    "figure",
    {
      class: "relations-diagram",
      id: "relations-diagram",
      "aria-label": t("relationsDiagram", {
        name: document.name,
        incoming: sum(groups, "INCOMING"),
        outgoing: sum(groups, "OUTGOING"),
      }),
    },
    side("INCOMING"),
    h(
      "div",
      { class: "relations-centre" },
      h("a", { href: documentHref(document.id), class: "centre-name" }, document.name),
      h("div", {}, statusBadge(document.status)),
    ),
    side("OUTGOING"),
  );
}

/** One edge in the list: its kind, the other document, scope, the word as printed, where, the quote. */
function edgeItem(edge: Edge): HTMLLIElement {
  const { node } = edge;
  return h(
    "li",
    { class: "relation", "data-kind": node.kind, "data-direction": node.direction },
    h(
      "p",
      { class: "relation-title" },
      h("strong", {}, kindLabel(node.kind, node.direction)),
      " ",
      documentLink(otherEnd(edge)),
      otherEnd(edge).issuedOn
        ? h("span", { class: "meta" }, ` · ${formatDate(otherEnd(edge).issuedOn)}`)
        : null,
    ),
    h(
      "p",
      { class: "meta" },
      `${t("scope")}: ${node.scope ?? t("wholeDocument")}`,
      node.relation ? ` · ${t("relationWord")}: “${node.relation}”` : null,
      " · ",
      documentName(node.source),
      ` ${t("statedIn")} `,
      taskLink(node.task, false),
      node.page != null ? ` · ${t("page", { page: node.page })}` : null,
    ),
    statementBlock(node.quote, node.sentence),
  );
}

/** A group in the list: its edges, and "more" while the count says some are not loaded. */
function groupSection(ctx: ViewContext, id: string, group: Group): HTMLElement {
  const list = h("ul", { class: "relations-list" }, group.edges.map(edgeItem));
  const shown = h("span", { class: "meta group-shown" });
  const status = h("div", { "aria-live": "polite" });
  const more = h("button", { type: "button", class: "more", id: `more-${groupId(group)}` });
  const update = () => {
    const left = group.count - group.edges.length;
    shown.textContent =
      left > 0 ? ` · ${t("relationsShown", { shown: group.edges.length, count: group.count })}` : "";
    more.textContent = t("relationsMore", { left });
    more.hidden = left <= 0;
  };
  more.addEventListener("click", () => {
    more.disabled = true;
    const after = group.edges.at(-1)?.cursor ?? null;
    request(
      ExplorerRelationsMoreDocument,
      { id, kind: [group.kind], direction: group.direction, first: morePageSize, after },
      ctx.signal,
    )
      .then((answer) => {
        const page = answer.node?.__typename === "Document" ? answer.node.relations : null;
        const fresh = (page?.edges ?? []).filter(
          (edge) => edge.node.kind === group.kind && edge.node.direction === group.direction,
        );
        // nothing new: the count was larger than what is there now; stop offering more
        if (fresh.length === 0) group.count = group.edges.length;
        group.edges.push(...fresh);
        list.append(...fresh.map(edgeItem));
        replaceChildren(status);
        update();
        more.disabled = false;
        if (!more.hidden) more.focus();
      })
      .catch((error: unknown) => {
        more.disabled = false;
        if (!isAbort(error)) replaceChildren(status, errorMessage(error));
      });
  });
  update();
  return h(
    "section",
    { class: "relation-group", id: groupId(group), "aria-labelledby": `${groupId(group)}-heading` },
    h(
      "h3",
      { id: `${groupId(group)}-heading`, tabindex: -1 },
      `${kindLabel(group.kind, group.direction)} (${group.count})`,
      shown,
    ),
    list,
    more,
    status,
  );
}

/** The lược đồ: /document/<id>/relations?kind=…, drawn and listed, each edge with its quote. */
export async function renderRelations(ctx: ViewContext, id: string, kinds: RelationKind[]): Promise<void> {
  const found = await request(
    ExplorerRelationsDocument,
    { id, kind: kinds.length ? kinds : null, first: firstPageSize },
    ctx.signal,
  );
  const document = found.node?.__typename === "Document" ? found.node : null;
  if (!document) {
    ctx.setTitle(t("notFound"));
    replaceChildren(ctx.main, heading(t("relationsTitle")), h("p", {}, t("notFound")));
    return;
  }
  const name = documentName(document);
  ctx.setTitle(`${t("relationsTitle")}: ${name}`);
  const page = document.relations;
  const groups = groupsOf(page, kinds);
  const all = groupsOf(page, []);
  replaceChildren(
    ctx.main,
    h("p", { class: "kicker" }, t("relationsTitle")),
    heading(name),
    h(
      "p",
      {},
      h("a", { href: documentHref(document.id), id: "back-to-document" }, t("backToDocument")),
      " · ",
      h(
        "span",
        { id: "relations-summary" },
        t("relationsSummary", { incoming: sum(all, "INCOMING"), outgoing: sum(all, "OUTGOING") }),
      ),
    ),
    kindChips(ctx, document.id, page, kinds),
    groups.length === 0
      ? h("p", { id: "relations-empty" }, t(kinds.length ? "relationsNoneFiltered" : "relationsNone"))
      : [
          diagram({ id: document.id, name, status: document.status }, groups),
          directions.map((direction) => {
            const mine = groups.filter((group) => group.direction === direction);
            return mine.length
              ? h(
                  "section",
                  {
                    class: "relations-direction",
                    id: `relations-${direction.toLowerCase()}`,
                    "aria-labelledby": `relations-${direction.toLowerCase()}-heading`,
                  },
                  h(
                    "h2",
                    { id: `relations-${direction.toLowerCase()}-heading` },
                    t(direction === "INCOMING" ? "relationsIncoming" : "relationsOutgoing"),
                    ` (${sum(groups, direction)})`,
                  ),
                  mine.map((group) => groupSection(ctx, document.id, group)),
                )
              : null;
          }),
        ],
  );
}
