import { h } from "../dom.js";
import { ApiError } from "../graphql-client.js";
import { t, type LabelKey } from "../i18n.js";

/** What a view gets: where to draw, how to move on, and when its data is no longer wanted. */
export interface ViewContext {
  main: HTMLElement;
  navigate(href: string, options?: { replace?: boolean; silent?: boolean; focus?: string }): void;
  /** aborted when the user leaves the view */
  signal: AbortSignal;
  /** runs when the user leaves the view (destroys graphs) */
  onLeave(cleanup: () => void): void;
  setTitle(title: string): void;
}

export function heading(text: string, ...rest: Array<Node | string | null>): HTMLHeadingElement {
  return h("h1", { id: "page-title", tabindex: -1 }, text, ...rest);
}

export function loadingMessage(): HTMLParagraphElement {
  return h("p", { class: "status", role: "status" }, t("loading"));
}

/** Errors that say nothing is wrong with the question: worth a plain explanation (and, if passing, a retry). */
const explained: Record<string, { label: LabelKey; retry: boolean }> = {
  DATABASE_UNAVAILABLE: { label: "databaseUnavailable", retry: true },
  QUERY_TIMEOUT: { label: "queryTimeout", retry: false },
};

export function errorMessage(error: unknown): HTMLParagraphElement {
  const known = error instanceof ApiError && error.code ? explained[error.code] : undefined;
  const message = known ? t(known.label) : error instanceof Error ? error.message : String(error);
  return h(
    "p",
    { class: "error", role: "alert", "data-code": error instanceof ApiError ? error.code : undefined },
    `${t("error")}: ${message}`,
    known?.retry
      ? [" ", h("button", { type: "button", onclick: () => location.reload() }, t("retry"))]
      : null,
  );
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
