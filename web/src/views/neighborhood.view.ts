import { ExplorerNeighborhoodDocument } from "../../../src/generated/graphql.js";
import { h, replaceChildren } from "../dom.js";
import { drawGraph } from "../graph-view.js";
import { request } from "../graphql-client.js";
import { t } from "../i18n.js";
import { documentHref, maxNeighborhoodDepth, neighborhoodHref, taskHref } from "../router.js";
import { heading, type ViewContext } from "./view-context.js";

/** Documents and tasks open their own page; other nodes (organisations, targets) their neighbourhood. */
function nodeHref(node: { id: string; label: string }): string {
  if (node.label === "Document") return documentHref(node.id);
  if (node.label === "Task") return taskHref(node.id);
  return neighborhoodHref(node.id);
}

/** The nodes within depth hops of any node, drawn, and listed for keyboard and screen readers. */
export async function renderNeighborhood(ctx: ViewContext, id: string, depth: number): Promise<void> {
  const found = await request(ExplorerNeighborhoodDocument, { id, depth, limit: 150 }, ctx.signal);
  const { nodes, edges, truncated } = found.neighborhood;
  const centre = nodes[0];
  if (!centre) {
    ctx.setTitle(t("notFound"));
    replaceChildren(ctx.main, heading(t("neighborhood")), h("p", {}, t("notFound")));
    return;
  }
  ctx.setTitle(`${t("neighborhood")}: ${centre.caption}`);
  const select = h(
    "select",
    { id: "depth", name: "depth" },
    Array.from({ length: maxNeighborhoodDepth }, (_, index) =>
      h("option", { value: index + 1, selected: index + 1 === depth }, String(index + 1)),
    ),
  );
  select.addEventListener("change", () =>
    ctx.navigate(neighborhoodHref(id, Number(select.value)), { focus: "depth" }),
  );
  const graphBox = h("div", {
    class: "graph",
    id: "neighborhood-graph",
    role: "img",
    "aria-label": t("neighborhood"),
  });
  replaceChildren(
    ctx.main,
    h("p", { class: "kicker" }, t("neighborhood")),
    heading(centre.caption),
    h("p", {}, h("a", { href: nodeHref(centre) }, `${centre.label}: ${centre.caption}`)),
    h("div", { class: "field-inline" }, h("label", { for: "depth" }, t("depth")), select),
    truncated ? h("p", { class: "meta" }, t("truncated")) : null,
    h("p", { class: "meta" }, t("graphHelp")),
    graphBox,
    h("h2", {}, `${t("nodes")} (${nodes.length})`),
    h(
      "ul",
      { class: "results", id: "neighborhood-nodes" },
      nodes.map((node, index) =>
        h(
          "li",
          {},
          h("span", { class: "badge" }, node.label),
          " ",
          h("a", { href: nodeHref(node) }, node.caption),
          index === 0 ? ` (${t("centre")})` : null,
        ),
      ),
    ),
  );
  ctx.onLeave(
    drawGraph(
      graphBox,
      nodes.map((node, index) => ({
        id: node.id,
        label: node.caption,
        kind: node.label,
        href: nodeHref(node),
        centre: index === 0,
      })),
      edges.map((edge) => ({
        id: edge.id,
        from: edge.from,
        to: edge.to,
        label: edge.quote ?? edge.type,
        kind: edge.type,
      })),
      (link) => ctx.navigate(link),
      "concentric",
    ),
  );
}
