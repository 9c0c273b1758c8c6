import { h } from "./dom.js";
import { t } from "./i18n.js";
import { documentHref, taskHref } from "./router.js";

export interface DocumentNaming {
  id: string;
  type: string;
  symbol?: string | null;
  title?: string | null;
  documentTitle?: string | null;
}

/** "Nghị quyết 128/NQ-CP", or for an unnumbered document "Nghị quyết về phương hướng …". */
export function documentName(document: DocumentNaming): string {
  if (document.symbol) return `${document.type} ${document.symbol}`;
  const title = document.title ?? document.documentTitle;
  return title ? `${document.type} ${title}` : document.type;
}

/** ISO date (2018-05-19) as Vietnamese write it: 19/5/2018. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return t("unknown");
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${Number(match[3])}/${Number(match[2])}/${match[1]}` : iso;
}

export function documentLink(document: DocumentNaming): HTMLAnchorElement {
  return h("a", { href: documentHref(document.id) }, documentName(document));
}

export function taskLink(
  task: { id: string; code: string; title?: string },
  withTitle = true,
): HTMLAnchorElement {
  return h(
    "a",
    { href: taskHref(task.id) },
    h("span", { class: "code" }, task.code),
    withTitle && task.title ? ` ${task.title}` : null,
  );
}

export function quoteBlock(quote: string): HTMLQuoteElement {
  return h("blockquote", { class: "quote" }, quote.replace(/\s+/g, " "));
}

/**
 * What a text says of a document: the sentence around a citation, the citation in it marked
 * (`<mark>`); the citation alone when the sentence is not known.
 */
export function statementBlock(quote: string, sentence: string | null | undefined): HTMLQuoteElement {
  const cited = quote.replace(/\s+/g, " ");
  const at = sentence ? sentence.indexOf(cited) : -1;
  if (!sentence || at < 0) return quoteBlock(sentence ?? quote);
  return h(
    "blockquote",
    { class: "quote statement-sentence" },
    sentence.slice(0, at),
    h("mark", { class: "citation" }, cited),
    sentence.slice(at + cited.length),
  );
}

/**
 * A definition list of facts (term, value), as the document page and the upload preview show them.
 * The document's own facts are `dl.facts`; an original file's are `dl.file-facts`, laid out alike.
 */
export function facts(
  rows: Array<[string, Node | string]>,
  options: { id?: string; className?: "facts" | "file-facts" } = {},
): HTMLDListElement {
  return h(
    "dl",
    { class: options.className ?? "facts", id: options.id },
    rows.map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]),
  );
}
