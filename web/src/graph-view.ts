import cytoscape from "cytoscape";

export interface GraphNodeSpec {
  id: string;
  label: string;
  kind: string;
  href?: string;
  centre?: boolean;
}

export interface GraphEdgeSpec {
  id: string;
  from: string;
  to: string;
  label: string;
  kind?: string;
}

const style: cytoscape.StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "text-wrap": "wrap",
      "text-max-width": "160px",
      "font-size": "11px",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "background-color": "#6b7280",
      width: 22,
      height: 22,
    },
  },
  { selector: "node[kind = 'Document']", style: { "background-color": "#1d4ed8", shape: "round-rectangle" } },
  { selector: "node[kind = 'Task']", style: { "background-color": "#b45309" } },
  { selector: "node[kind = 'Organization']", style: { "background-color": "#047857", shape: "diamond" } },
  {
    selector: "node[?centre]",
    style: { width: 34, height: 34, "border-width": 3, "border-color": "#111827" },
  },
  {
    selector: "edge",
    style: {
      label: "data(label)",
      "font-size": "9px",
      "text-wrap": "wrap",
      "text-max-width": "180px",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "curve-style": "bezier",
      "target-arrow-shape": "triangle",
      width: 1.5,
      "line-color": "#9ca3af",
      "target-arrow-color": "#9ca3af",
    },
  },
  {
    selector: "edge[kind = 'IMPLEMENTS']",
    style: { "line-color": "#b91c1c", "target-arrow-color": "#b91c1c" },
  },
  { selector: "edge[kind = 'UNDER']", style: { "line-style": "dashed" } },
];

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Hops from the centre node, either direction: rings of the concentric layout. */
function hopsFromCentre(nodes: GraphNodeSpec[], edges: GraphEdgeSpec[]): Map<string, number> {
  const around = new Map<string, string[]>();
  for (const edge of edges) {
    around.set(edge.from, [...(around.get(edge.from) ?? []), edge.to]);
    around.set(edge.to, [...(around.get(edge.to) ?? []), edge.from]);
  }
  const hops = new Map<string, number>();
  let frontier = nodes.filter((node) => node.centre).map((node) => node.id);
  for (let distance = 0; frontier.length > 0; distance++) {
    const next: string[] = [];
    for (const id of frontier) {
      if (hops.has(id)) continue;
      hops.set(id, distance);
      next.push(...(around.get(id) ?? []).filter((other) => !hops.has(other)));
    }
    frontier = next;
  }
  return hops;
}

/**
 * Draws nodes and edges with cytoscape.js into container; tapping a node with a link follows it
 * through navigate. Returns a function that destroys the drawing.
 */
export function drawGraph(
  container: HTMLElement,
  nodes: GraphNodeSpec[],
  edges: GraphEdgeSpec[],
  navigate: (href: string) => void,
  layout: "tree" | "concentric" = "tree",
): () => void {
  const known = new Set(nodes.map((node) => node.id));
  const hops = hopsFromCentre(nodes, edges);
  const cy = cytoscape({
    container,
    elements: [
      ...nodes.map((node) => ({
        data: {
          id: node.id,
          label: shorten(node.label, 60),
          kind: node.kind,
          href: node.href,
          centre: node.centre,
        },
      })),
      ...edges
        .filter((edge) => known.has(edge.from) && known.has(edge.to))
        .map((edge) => ({
          data: {
            id: edge.id,
            source: edge.from,
            target: edge.to,
            label: shorten(edge.label, 80),
            kind: edge.kind,
          },
        })),
    ],
    style,
    layout:
      layout === "tree"
        ? {
            name: "breadthfirst",
            directed: true,
            roots: nodes.filter((n) => n.centre).map((n) => n.id),
            spacingFactor: 1.2,
          }
        : {
            name: "concentric",
            concentric: (node) => 100 - (hops.get(node.id()) ?? 99),
            levelWidth: () => 1,
            minNodeSpacing: 30,
          },
    minZoom: 0.2,
    maxZoom: 3,
    wheelSensitivity: 0.3,
  });
  cy.on("tap", "node", (event) => {
    const target = event.target as cytoscape.NodeSingular;
    const link = target.data("href") as string | undefined;
    if (link) navigate(link);
  });
  // The canvas says nothing to a screen reader: name what it draws (the list below has the detail).
  container.setAttribute(
    "aria-label",
    `${container.getAttribute("aria-label") ?? ""}: ${nodes.map((n) => n.label).join("; ")}`,
  );
  container.dataset.nodeCount = String(cy.nodes().length);
  container.dataset.edgeCount = String(cy.edges().length);
  return () => cy.destroy();
}
