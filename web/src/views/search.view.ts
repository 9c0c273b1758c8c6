import {
  ExplorerHomeDocument,
  ExplorerSearchDocument,
  type ExplorerSearchQuery,
} from "../../../src/generated/graphql.js";
import { h, replaceChildren } from "../dom.js";
import { organizationLink } from "../duties.js";
import { documentName, formatDate } from "../format.js";
import { request } from "../graphql-client.js";
import { t } from "../i18n.js";
import { documentHref, href, taskHref } from "../router.js";
import { errorMessage, heading, isAbort, type ViewContext } from "./view-context.js";

type SearchResult = ExplorerSearchQuery["search"]["edges"][number]["node"];

const typingDelayMs = 200;

function resultItem(result: SearchResult): HTMLLIElement {
  if (result.__typename === "Task") {
    return h(
      "li",
      { class: "result" },
      h("a", { href: taskHref(result.id) }, h("span", { class: "code" }, result.code), ` ${result.title}`),
      h("div", { class: "meta" }, `${t("task")} · ${documentName(result.document)}`),
    );
  }
  return h(
    "li",
    { class: "result" },
    h("a", { href: documentHref(result.id) }, documentName(result)),
    h(
      "div",
      { class: "meta" },
      `${t("document")} · ${formatDate(result.issuedOn)}`,
      result.symbol && result.documentTitle ? ` · ${result.documentTitle}` : null,
      result.ingested ? null : ` · ${t("ingestedNo")}`,
    ),
  );
}

async function showHome(target: HTMLElement, ctx: ViewContext): Promise<void> {
  const home = await request(ExplorerHomeDocument, {}, ctx.signal);
  // a newer search may have started while this answer was on its way: never let it overwrite that
  if (ctx.signal.aborted) return;
  const { stats } = home;
  replaceChildren(
    target,
    h("h2", {}, t("ingestedDocuments")),
    h(
      "ul",
      { class: "results" },
      home.documents.edges.map(({ node }) =>
        h(
          "li",
          { class: "result" },
          h("a", { href: documentHref(node.id) }, documentName(node)),
          h(
            "div",
            { class: "meta" },
            node.issuer ? organizationLink(node.issuer) : null,
            node.issuer && node.year ? " · " : null,
            node.year,
          ),
        ),
      ),
    ),
    h(
      "p",
      { class: "meta" },
      t("statsLine", {
        documents: stats.documents,
        ingested: stats.ingestedDocuments,
        tasks: stats.tasks,
        citations: stats.citations,
      }),
    ),
  );
}

/** Home and /search?q=: a search box that searches as you type, the query kept in the URL. */
export async function renderSearch(ctx: ViewContext, initial: string): Promise<void> {
  ctx.setTitle(t("navSearch"));
  const results = h("div", { id: "search-results", "aria-live": "polite" });
  const input = h("input", {
    id: "search-input",
    type: "search",
    name: "q",
    value: initial,
    placeholder: t("searchPlaceholder"),
    autocomplete: "off",
    spellcheck: "false",
  });
  const form = h(
    "form",
    { class: "search-form", role: "search", action: "/search" },
    h("label", { for: "search-input" }, t("searchLabel")),
    h("div", { class: "row" }, input, h("button", { type: "submit" }, t("searchButton"))),
  );
  replaceChildren(ctx.main, heading("Căn cứ"), h("p", { class: "tagline" }, t("tagline")), form, results);

  let running: AbortController | null = null;
  const search = async (text: string) => {
    running?.abort();
    running = new AbortController();
    const signal = running.signal;
    ctx.signal.addEventListener("abort", () => running?.abort(), { once: true });
    // the results on screen are stale until this answer arrives: say so (and let tests wait on it)
    results.setAttribute("aria-busy", "true");
    try {
      if (!text.trim()) {
        await showHome(results, { ...ctx, signal });
        return;
      }
      const found = await request(ExplorerSearchDocument, { text, first: 30 }, signal);
      if (signal.aborted) return;
      const { edges, totalCount } = found.search;
      replaceChildren(
        results,
        h("p", { class: "meta", role: "status" }, `${totalCount} ${t("results")}`),
        edges.length
          ? h(
              "ul",
              { class: "results" },
              edges.map((edge) => resultItem(edge.node)),
            )
          : h("p", {}, t("noResults")),
      );
    } catch (error) {
      if (!isAbort(error)) replaceChildren(results, errorMessage(error));
    } finally {
      if (!signal.aborted) results.removeAttribute("aria-busy");
    }
  };

  let timer: number | undefined;
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      ctx.navigate(href({ page: "search", q: input.value }), { replace: true, silent: true });
      void search(input.value);
    }, typingDelayMs);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    ctx.navigate(href({ page: "search", q: input.value }), { replace: true, silent: true });
    void search(input.value);
  });
  if (initial) input.focus();
  await search(initial);
}
