import "./styles.css";
import { h, replaceChildren } from "./dom.js";
import { lang, setLang, t } from "./i18n.js";
import { href, parseRoute, type Route } from "./router.js";
import { renderAdd } from "./views/add.view.js";
import { renderCheck } from "./views/check.view.js";
import { renderDocument } from "./views/document.view.js";
import { renderNeighborhood } from "./views/neighborhood.view.js";
import { renderOrganization } from "./views/organization.view.js";
import { renderOrganizations } from "./views/organizations.view.js";
import { renderRelations } from "./views/relations.view.js";
import { renderSearch } from "./views/search.view.js";
import { renderTask } from "./views/task.view.js";
import { errorMessage, heading, isAbort, loadingMessage, type ViewContext } from "./views/view-context.js";

const main = document.getElementById("main") as HTMLElement;
const nav = document.getElementById("site-nav") as HTMLElement;
const skipLink = document.querySelector(".skip-link") as HTMLAnchorElement;

let leaving = new AbortController();
let cleanups: Array<() => void> = [];

function renderNav(route: Route): void {
  const current = (page: Route["page"]) => (route.page === page ? "page" : null);
  const other = lang() === "vi" ? "en" : "vi";
  const switcher = h(
    "button",
    { type: "button", class: "lang-switch", lang: other, "aria-label": t("switchLangLabel") },
    t("switchLang"),
  );
  switcher.addEventListener("click", () => {
    setLang(other);
    void show({ focus: "lang-switch" });
  });
  switcher.id = "lang-switch";
  replaceChildren(
    nav,
    h(
      "ul",
      {},
      h(
        "li",
        {},
        h(
          "a",
          { href: href({ page: "search", q: "" }), "aria-current": current("search") ?? current("home") },
          t("navSearch"),
        ),
      ),
      h(
        "li",
        {},
        h(
          "a",
          {
            href: href({ page: "organizations", q: "" }),
            "aria-current": current("organizations") ?? current("organization"),
          },
          t("navOrganizations"),
        ),
      ),
      h(
        "li",
        {},
        h("a", { href: href({ page: "check", text: "" }), "aria-current": current("check") }, t("navCheck")),
      ),
      h("li", {}, h("a", { href: href({ page: "add" }), "aria-current": current("add") }, t("navAdd"))),
      h("li", {}, switcher),
    ),
  );
  skipLink.textContent = t("skip");
}

function view(route: Route, ctx: ViewContext): Promise<void> {
  switch (route.page) {
    case "home":
      return renderSearch(ctx, "");
    case "search":
      return renderSearch(ctx, route.q);
    case "document":
      return renderDocument(ctx, route.id, route.asOf, route.transitive ?? false);
    case "relations":
      return renderRelations(ctx, route.id, route.kinds);
    case "task":
      return renderTask(ctx, route.id, route.depth);
    case "check":
      return renderCheck(ctx, route.text, route.asOf);
    case "add":
      return renderAdd(ctx);
    case "neighborhood":
      return renderNeighborhood(ctx, route.id, route.depth);
    case "organization":
      return renderOrganization(ctx, route.key);
    case "organizations":
      return renderOrganizations(ctx, route.q);
    case "notFound":
      ctx.setTitle(t("pageNotFound"));
      replaceChildren(main, heading(t("pageNotFound")), h("p", {}, h("a", { href: "/" }, "cancu")));
      return Promise.resolve();
  }
}

/** Draws the view for the current URL; focus goes to its heading (or `focus`) after navigation. */
async function show(options: { focus?: string; initial?: boolean } = {}): Promise<void> {
  leaving.abort();
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  leaving = new AbortController();
  const signal = leaving.signal;
  document.documentElement.lang = lang();
  const route = parseRoute(new URL(location.href));
  renderNav(route);
  main.setAttribute("aria-busy", "true");
  replaceChildren(main, loadingMessage());
  const ctx: ViewContext = {
    main,
    signal,
    navigate,
    onLeave: (cleanup) => cleanups.push(cleanup),
    setTitle: (title) => {
      document.title = `${title} · cancu`;
    },
  };
  try {
    await view(route, ctx);
  } catch (error) {
    if (isAbort(error)) return;
    replaceChildren(main, heading(t("error")), errorMessage(error));
  }
  if (signal.aborted) return;
  main.removeAttribute("aria-busy");
  if (options.initial) return;
  const target =
    (options.focus && document.getElementById(options.focus)) || document.getElementById("page-title");
  target?.focus();
}

function navigate(to: string, options: { replace?: boolean; silent?: boolean; focus?: string } = {}): void {
  if (to === location.pathname + location.search && !options.focus) return;
  if (options.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  if (options.silent) return;
  window.scrollTo(0, 0);
  void show({ focus: options.focus });
}

// Same-origin links are followed in place; modified clicks (new tab, download) are left alone.
document.addEventListener("click", (event) => {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  const anchor = (event.target as Element | null)?.closest("a");
  if (!anchor || anchor.target || anchor.hasAttribute("download") || anchor.origin !== location.origin)
    return;
  // the API's own paths (GraphQL, GraphiQL, the original files under /documents/, the exports) are not pages
  if (/^\/(graphql|graphiql|documents|export)(\/|$)/.test(anchor.pathname)) return;
  if (anchor.hash && anchor.pathname === location.pathname) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
});

window.addEventListener("popstate", () => void show());
void show({ initial: true });
