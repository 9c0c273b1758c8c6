import { h } from "../dom.js";
import { t } from "../i18n.js";

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

export function errorMessage(error: unknown): HTMLParagraphElement {
  const message = error instanceof Error ? error.message : String(error);
  return h("p", { class: "error", role: "alert" }, `${t("error")}: ${message}`);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
