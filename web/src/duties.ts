import { h, replaceChildren } from "./dom.js";
import { formatDate } from "./format.js";
import { lang, t } from "./i18n.js";
import { exportHref, organizationHref } from "./router.js";
import { errorMessage, isAbort } from "./views/view-context.js";

/** Who does what, by when (#20): pieces the organization, document and task pages share. */

export interface OrganizationNaming {
  key: string;
  name: string;
  province?: string | null;
}

export function organizationLink(
  organization: OrganizationNaming,
  attributes: Record<string, string> = {},
): HTMLAnchorElement {
  return h("a", { ...attributes, href: organizationHref(organization.key) }, organization.name);
}

export interface DeadlineFacts {
  date?: string | null;
  period?: string | null;
  due?: string | null;
  quote: string;
}

/** "hoàn thành trước ngày 31/12/2021 (hạn 31/12/2021)", "đến hết Quý III/2022 (hạn 30/9/2022, cuối kỳ 2022-Q3)". */
export function deadlineText(deadline: DeadlineFacts): string {
  const printed = deadline.quote.replace(/\s+/g, " ");
  if (!deadline.due) return printed;
  const due = t("dueOn", { date: formatDate(deadline.due) });
  return deadline.period && !deadline.date
    ? `${printed} (${due}, ${t("periodEnd", { period: deadline.period })})`
    : `${printed} (${due})`;
}

/** A passage's deadlines, each as printed with the last day it allows; "no deadline" when none. */
export function deadlineList(deadlines: readonly DeadlineFacts[], className = "deadlines"): HTMLElement {
  if (deadlines.length === 0) return h("span", { class: `${className} none` }, t("noDeadline"));
  return h(
    "ul",
    { class: className },
    deadlines.map((deadline) =>
      h(
        "li",
        { "data-due": deadline.due ?? undefined },
        h("time", { datetime: deadline.due ?? undefined }, deadlineText(deadline)),
      ),
    ),
  );
}

/** Each kind of body with its label's key (spelled out, so that every label is found in the source). */
const kindLabels = {
  party: "orgKind_party",
  state: "orgKind_state",
  legislature: "orgKind_legislature",
  council: "orgKind_council",
  ministry: "orgKind_ministry",
  other: "orgKind_other",
} as const;

/** The label of a body's kind (party, state …); the word as given when it is not one of them. */
export function kindLabel(kind: string | null | undefined): string {
  if (!kind) return t("unknown");
  const key = Object.hasOwn(kindLabels, kind) ? kindLabels[kind as keyof typeof kindLabels] : null;
  return key ? t(key) : kind;
}

/** Links to the HTTP exports of a scope: its deadlines as iCalendar, its duties as CSV. */
export function exportLinks(scope: { organization: string } | { document: string }): HTMLElement {
  return h(
    "section",
    { "aria-labelledby": "exports-heading", class: "exports" },
    h("h2", { id: "exports-heading" }, t("exports")),
    h(
      "ul",
      { class: "export-links" },
      h(
        "li",
        {},
        h(
          "a",
          { href: exportHref("ics", scope), download: "", id: "export-ics", class: "button-link" },
          t("exportIcs"),
        ),
      ),
      h(
        "li",
        {},
        h(
          "a",
          { href: exportHref("csv", scope), download: "", id: "export-csv", class: "button-link" },
          t("exportCsv"),
        ),
      ),
    ),
  );
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/**
 * "More" for a keyset-paged list: loads the page after the last cursor, appends its items, and
 * marks the list aria-busy while the answer is on its way; hidden once there is no next page.
 * Focus stays on the button, or moves to the first new item when the button goes away.
 */
export function moreButton(options: {
  id: string;
  label: string;
  list: HTMLElement;
  pageInfo: PageInfo;
  signal: AbortSignal;
  load(after: string): Promise<{ items: HTMLElement[]; pageInfo: PageInfo } | null>;
}): HTMLElement {
  let pageInfo = options.pageInfo;
  const button = h("button", { type: "button", class: "more", id: options.id }, options.label);
  const status = h("div", { "aria-live": "polite" });
  const update = () => {
    button.hidden = !pageInfo.hasNextPage || !pageInfo.endCursor;
  };
  button.addEventListener("click", () => {
    if (!pageInfo.endCursor) return;
    button.disabled = true;
    options.list.setAttribute("aria-busy", "true");
    options
      .load(pageInfo.endCursor)
      .then((page) => {
        if (options.signal.aborted) return;
        const items = page?.items ?? [];
        options.list.append(...items);
        pageInfo = page?.pageInfo ?? { hasNextPage: false };
        replaceChildren(status);
        button.disabled = false;
        update();
        options.list.removeAttribute("aria-busy");
        if (!button.hidden) button.focus();
        else if (items[0]) {
          items[0].tabIndex = -1;
          items[0].focus();
        }
      })
      .catch((error: unknown) => {
        button.disabled = false;
        options.list.removeAttribute("aria-busy");
        if (!isAbort(error)) replaceChildren(status, errorMessage(error));
      });
  });
  update();
  return h("div", { class: "more-row" }, button, status);
}

/** "Tháng 12 năm 2021" / "December 2021" for yyyy-mm. */
export function monthLabel(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  const label = new Intl.DateTimeFormat(lang() === "vi" ? "vi-VN" : "en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const svgNs = "http://www.w3.org/2000/svg";

/** A bar of `count` out of `most`, drawn with SVG attributes (the page's policy allows no inline style). */
export function countBar(count: number, most: number): SVGSVGElement {
  const width = 160;
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("class", "count-bar");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", "12");
  svg.setAttribute("viewBox", `0 0 ${width} 12`);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const track = document.createElementNS(svgNs, "rect");
  track.setAttribute("class", "count-bar-track");
  track.setAttribute("width", String(width));
  track.setAttribute("height", "12");
  track.setAttribute("rx", "3");
  const bar = document.createElementNS(svgNs, "rect");
  bar.setAttribute("class", "count-bar-value");
  bar.setAttribute("width", String(Math.max(6, Math.round((width * count) / Math.max(1, most)))));
  bar.setAttribute("height", "12");
  bar.setAttribute("rx", "3");
  svg.append(track, bar);
  return svg;
}
