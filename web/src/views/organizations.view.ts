import {
  ExplorerOrganizationsDocument,
  type ExplorerOrganizationsQuery,
} from "../../../src/generated/graphql.js";
import { h, replaceChildren } from "../dom.js";
import { kindLabel, moreButton, organizationLink } from "../duties.js";
import { request } from "../graphql-client.js";
import { t } from "../i18n.js";
import { organizationsHref } from "../router.js";
import { errorMessage, heading, isAbort, type ViewContext } from "./view-context.js";

type OrganizationEdge = ExplorerOrganizationsQuery["organizations"]["edges"][number];

const typingDelayMs = 200;

function organizationItem(edge: OrganizationEdge): HTMLLIElement {
  const { node } = edge;
  return h(
    "li",
    { class: "result", "data-key": node.key },
    organizationLink(node),
    h(
      "div",
      { class: "meta" },
      [
        kindLabel(node.kind),
        node.province,
        node.aliases.length ? `${t("aliases")}: ${node.aliases.join("; ")}` : null,
      ]
        .filter(Boolean)
        .join(" · "),
    ),
  );
}

/** /organizations?q=: the organizations, all or those whose names hold every word typed, as you type. */
export async function renderOrganizations(ctx: ViewContext, initial: string): Promise<void> {
  ctx.setTitle(t("navOrganizations"));
  const results = h("div", { id: "organization-results", "aria-live": "polite" });
  const input = h("input", {
    id: "organization-search",
    type: "search",
    name: "q",
    value: initial,
    placeholder: t("organizationsPlaceholder"),
    autocomplete: "off",
    spellcheck: "false",
  });
  const form = h(
    "form",
    { class: "search-form", role: "search", action: "/organizations" },
    h("label", { for: "organization-search" }, t("organizationsLabel")),
    h("div", { class: "row" }, input, h("button", { type: "submit" }, t("searchButton"))),
  );
  replaceChildren(ctx.main, heading(t("navOrganizations")), form, results);

  let running: AbortController | null = null;
  const search = async (text: string) => {
    running?.abort();
    running = new AbortController();
    const signal = running.signal;
    ctx.signal.addEventListener("abort", () => running?.abort(), { once: true });
    // the list on screen is stale until this answer arrives: say so (tests wait on it)
    results.setAttribute("aria-busy", "true");
    try {
      const search = text.trim() || null;
      const found = await request(ExplorerOrganizationsDocument, { search, after: null }, signal);
      if (signal.aborted) return;
      const { edges, pageInfo } = found.organizations;
      const list = h("ul", { class: "results", id: "organization-list" }, edges.map(organizationItem));
      replaceChildren(
        results,
        h(
          "p",
          { class: "meta", role: "status" },
          t(pageInfo.hasNextPage ? "organizationsShownMore" : "organizationsShown", { count: edges.length }),
        ),
        edges.length
          ? [
              list,
              moreButton({
                id: "more-organizations",
                label: t("moreOrganizations"),
                list,
                pageInfo,
                signal,
                load: async (after) => {
                  const page = await request(ExplorerOrganizationsDocument, { search, after }, signal);
                  return {
                    items: page.organizations.edges.map(organizationItem),
                    pageInfo: page.organizations.pageInfo,
                  };
                },
              }),
            ]
          : h("p", { id: "no-organizations" }, t("noOrganizations")),
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
      ctx.navigate(organizationsHref(input.value), { replace: true, silent: true });
      void search(input.value);
    }, typingDelayMs);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    ctx.navigate(organizationsHref(input.value), { replace: true, silent: true });
    void search(input.value);
  });
  ctx.onLeave(() => window.clearTimeout(timer));
  if (initial) input.focus();
  await search(initial);
}
