import { h, replaceChildren } from "../dom.js";
import { facts, formatDate } from "../format.js";
import { ApiError } from "../graphql-client.js";
import { t, type LabelKey } from "../i18n.js";
import { documentHref } from "../router.js";
import { formatSize, pageAt, sourceFactRows, type PageRange } from "../source-file.js";
import { uploadDocument, type Extraction, type UploadPreview, type UploadWritten } from "../upload-client.js";
import { heading, isAbort, type ViewContext } from "./view-context.js";

/** What an ingest did (IngestResult.status), as said on the page. */
const statusLabels: Record<string, LabelKey> = {
  created: "status_created",
  upgraded: "status_upgraded",
  replaced: "status_replaced",
  unchanged: "status_unchanged",
};

/** Kept only when the user asks, and only for the tab (never in localStorage). */
const keyStorage = "cancu.apiKey";

type ExtractedTask = Extraction["tasks"][number];
type TreeNode = ExtractedTask & { children: TreeNode[] };

function pageNote(pages: readonly PageRange[] | null, offset: number | undefined): string | null {
  if (offset === undefined) return null;
  const page = pageAt(pages, offset);
  return page === null ? null : t("page", { page });
}

/** An error from the API as the page shows it: the message and its code, announced. */
function uploadError(error: unknown): HTMLParagraphElement {
  const code = error instanceof ApiError ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return h(
    "p",
    { class: "error", role: "alert", "data-code": code },
    `${t("error")}: ${message}`,
    code ? [" ", h("code", { class: "error-code" }, code)] : null,
  );
}

/** The flat task list of the extractor (each with its parent's code) as a tree. */
function buildTree(tasks: readonly ExtractedTask[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const task of tasks) nodes.set(task.code, { ...task, children: [] });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent === null ? undefined : nodes.get(node.parent);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

function treeList(nodes: readonly TreeNode[], pages: readonly PageRange[] | null, id?: string): HTMLElement {
  return h(
    "ul",
    { class: "tree", id },
    nodes.map((node) => {
      const page = pageNote(pages, node.span[0]);
      return h(
        "li",
        {},
        h("span", { class: "code" }, node.code),
        node.title ? ` ${node.title}` : null,
        page ? h("span", { class: "meta" }, ` · ${page}`) : null,
        node.children.length ? treeList(node.children, pages) : null,
      );
    }),
  );
}

/** The citations the extractor found, in text order, without overlaps (the spans index `text`). */
function orderedCitations(extraction: Extraction): Extraction["citations"] {
  const sorted = [...extraction.citations].sort((a, b) => a.span[0] - b.span[0]);
  const kept: Extraction["citations"] = [];
  for (const citation of sorted) {
    const last = kept[kept.length - 1];
    if (!last || citation.span[0] >= last.span[1]) kept.push(citation);
  }
  return kept;
}

/** The text with each citation marked by its span (UTF-16 offsets): text nodes only, never HTML. */
function markedText(preview: UploadPreview, citations: Extraction["citations"]): HTMLElement {
  const { text } = preview;
  const parts: Array<Node | string> = [];
  let at = 0;
  citations.forEach((citation, index) => {
    const [start, end] = citation.span;
    parts.push(text.slice(at, start));
    const page = pageAt(preview.source.pages, start);
    parts.push(
      h(
        "mark",
        {
          class: "citation",
          id: `cite-${index + 1}`,
          "data-key": citation.key,
          "data-page": page ?? undefined,
          title: page === null ? citation.key : `${citation.key} · ${t("page", { page })}`,
        },
        text.slice(start, end),
      ),
    );
    at = end;
  });
  parts.push(text.slice(at));
  // scrolls on its own: focusable so that a keyboard can scroll it
  return h(
    "div",
    {
      class: "task-text source-text",
      id: "preview-text",
      tabindex: 0,
      role: "region",
      "aria-labelledby": "preview-text-heading",
    },
    parts,
  );
}

function citationList(preview: UploadPreview, citations: Extraction["citations"]): HTMLElement {
  return h(
    "ol",
    { class: "results", id: "preview-citations" },
    citations.map((citation, index) => {
      const page = pageAt(preview.source.pages, citation.span[0]);
      return h(
        "li",
        { class: "result", "data-key": citation.key, "data-page": page ?? undefined },
        h("a", { href: `#cite-${index + 1}` }, h("span", { class: "code" }, citation.symbol)),
        ` ${citation.type}`,
        h(
          "div",
          { class: "meta" },
          citation.key,
          ` · ${citation.task === null ? t("inPreamble") : t("inTask", { code: citation.task })}`,
          page === null ? null : [" · ", h("span", { class: "page" }, t("page", { page }))],
        ),
        h("blockquote", { class: "quote" }, citation.quote.replace(/\s+/g, " ")),
      );
    }),
  );
}

function namedReferenceList(preview: UploadPreview): HTMLElement | null {
  const named = preview.extraction.namedReferences;
  if (named.length === 0) return null;
  return h(
    "details",
    { id: "preview-named" },
    h("summary", {}, t("namedReferencesFound", { count: named.length })),
    h(
      "ul",
      {},
      named.map((reference) => {
        const page = pageNote(preview.source.pages, reference.span[0]);
        return h(
          "li",
          {},
          reference.quote.replace(/\s+/g, " "),
          h(
            "span",
            { class: "meta" },
            ` · ${reference.resolvedKey ?? reference.kind}`,
            page ? ` · ${page}` : null,
          ),
        );
      }),
    ),
  );
}

function headerFacts(document: Extraction["document"]): HTMLDListElement {
  return facts(
    [
      [t("documentKey"), h("code", {}, document.key)],
      [t("type"), document.type],
      [t("symbol"), document.symbol ?? t("unknown")],
      [t("date"), formatDate(document.issuedOn)],
      [t("issuer"), document.issuer?.name ?? t("unknown")],
      [t("title"), document.title ?? t("unknown")],
      [t("signer"), document.signer ?? t("unknown")],
    ],
    { id: "preview-header" },
  );
}

function sourceSection(preview: UploadPreview): HTMLElement {
  const { source } = preview;
  const ocrPages = (source.pages ?? []).filter((page) => page.confidence != null);
  return h(
    "section",
    { "aria-labelledby": "source-heading" },
    h("h3", { id: "source-heading" }, t("sourceFile")),
    facts(sourceFactRows(source), { id: "source-facts", className: "file-facts" }),
    ocrPages.length
      ? h(
          "p",
          { class: "meta", id: "ocr-pages" },
          `${t("ocrPageConfidence")}: `,
          ocrPages
            .map((page) => `${t("page", { page: page.page })} ${Number(page.confidence).toFixed(0)}`)
            .join(", "),
        )
      : null,
    source.notes.length
      ? [
          h("h4", {}, t("notes")),
          h(
            "ul",
            { id: "source-notes" },
            source.notes.map((note) => h("li", {}, note)),
          ),
        ]
      : null,
  );
}

function warningList(preview: UploadPreview): HTMLElement {
  const warnings = preview.extraction.warnings;
  if (warnings.length === 0) return h("p", { id: "preview-warnings" }, t("noWarnings"));
  return h(
    "ul",
    { class: "warnings", id: "preview-warnings" },
    warnings.map((warning) => {
      const page = pageNote(preview.source.pages, warning.span?.[0]);
      return h(
        "li",
        { "data-kind": warning.kind },
        h("span", { class: "code" }, warning.kind),
        `: ${warning.message}`,
        page ? h("span", { class: "meta" }, ` · ${page}`) : null,
      );
    }),
  );
}

function previewSection(preview: UploadPreview, writeButton: HTMLButtonElement): HTMLElement {
  const citations = orderedCitations(preview.extraction);
  const tree = buildTree(preview.extraction.tasks);
  return h(
    "section",
    { "aria-labelledby": "preview-heading", id: "preview" },
    h("h2", { id: "preview-heading", tabindex: -1 }, t("previewHeading")),
    h("p", { class: "meta" }, t("previewNotWritten")),
    sourceSection(preview),
    h(
      "section",
      { "aria-labelledby": "preview-document-heading" },
      h("h3", { id: "preview-document-heading" }, t("document")),
      headerFacts(preview.extraction.document),
    ),
    h(
      "section",
      { "aria-labelledby": "preview-warnings-heading" },
      h("h3", { id: "preview-warnings-heading" }, t("warnings")),
      warningList(preview),
    ),
    h(
      "section",
      { "aria-labelledby": "preview-tree-heading" },
      h("h3", { id: "preview-tree-heading" }, t("taskTree")),
      tree.length ? treeList(tree, preview.source.pages, "preview-tree") : h("p", {}, t("noTasks")),
    ),
    h(
      "section",
      { "aria-labelledby": "preview-citations-heading" },
      h(
        "h3",
        { id: "preview-citations-heading" },
        t("citationsFound", { count: preview.extraction.citations.length }),
      ),
      citations.length ? citationList(preview, citations) : h("p", {}, t("noCitations")),
      namedReferenceList(preview),
    ),
    h(
      "section",
      { "aria-labelledby": "preview-text-heading" },
      h("h3", { id: "preview-text-heading" }, t("documentText")),
      markedText(preview, citations),
    ),
    h("div", { class: "row write-row" }, writeButton),
  );
}

function writtenSection(written: UploadWritten): HTMLElement {
  const { result } = written;
  return h(
    "section",
    { "aria-labelledby": "written-heading", id: "written" },
    h(
      "h2",
      { id: "written-heading", tabindex: -1 },
      t("written", {
        status: statusLabels[result.status] ? t(statusLabels[result.status]!) : result.status,
        tasks: result.tasks,
        citations: result.citations,
      }),
    ),
    h(
      "p",
      { class: "row" },
      h(
        "a",
        { href: documentHref(written.documentId), id: "written-link", class: "button-link" },
        `${t("openWritten")}: ${result.documentKey}`,
      ),
      h(
        "a",
        {
          href: written.downloadUrl,
          id: "written-original",
          class: "button-link",
          download: written.source.name,
        },
        t("download"),
      ),
    ),
    result.warnings.length
      ? h(
          "ul",
          { class: "warnings" },
          result.warnings.map((warning) => h("li", {}, warning)),
        )
      : null,
  );
}

/** /add: choose or drop a file, preview what is read from it (nothing written), then write it. */
export function renderAdd(ctx: ViewContext): Promise<void> {
  ctx.setTitle(t("addTitle"));
  let chosen: File | null = null;
  let previewed: File | null = null;
  let running: AbortController | null = null;

  const chosenLine = h("p", { id: "chosen-file", class: "meta", "aria-live": "polite" }, t("noFileChosen"));
  const fileInput = h("input", {
    type: "file",
    id: "upload-file",
    name: "file",
    "aria-describedby": "drop-hint chosen-file",
  });
  const dropZone = h(
    "div",
    { class: "drop-zone", id: "drop-zone" },
    h("label", { for: "upload-file" }, t("fileLabel")),
    fileInput,
    h("p", { id: "drop-hint", class: "meta" }, t("dropHint")),
    chosenLine,
  );
  const keyInput = h("input", {
    type: "password",
    id: "api-key",
    name: "api-key",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": "api-key-help",
  });
  const remember = h("input", { type: "checkbox", id: "remember-key", name: "remember-key" });
  const saved = sessionStorage.getItem(keyStorage);
  if (saved) {
    keyInput.value = saved;
    remember.checked = true;
  }
  const keepKey = () => {
    if (remember.checked && keyInput.value) sessionStorage.setItem(keyStorage, keyInput.value);
    else sessionStorage.removeItem(keyStorage);
  };
  keyInput.addEventListener("input", keepKey);
  remember.addEventListener("change", keepKey);

  const previewButton = h("button", { type: "submit", id: "preview-button" }, t("previewButton"));
  const writeButton = h("button", { type: "button", id: "write-button" }, t("writeButton"));
  const status = h("p", { class: "status", id: "upload-status", role: "status" });
  const errors = h("div", { id: "upload-error" });
  const output = h("div", { id: "upload-output" });

  const choose = (file: File | null) => {
    chosen = file;
    chosenLine.textContent = file
      ? t("chosenFile", { name: file.name, size: formatSize(file.size) })
      : t("noFileChosen");
    if (file !== previewed) {
      previewed = null;
      replaceChildren(output);
      replaceChildren(errors);
    }
  };
  fileInput.addEventListener("change", () => choose(fileInput.files?.[0] ?? null));

  // Dropping a file on the zone chooses it; anywhere else on the page it is ignored (rather than the
  // browser leaving the page to show the file).
  let depth = 0;
  const zoneHighlight = (on: boolean) => dropZone.classList.toggle("dragging", on);
  dropZone.addEventListener("dragenter", (event) => {
    event.preventDefault();
    depth++;
    zoneHighlight(true);
  });
  dropZone.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zoneHighlight(false);
  });
  dropZone.addEventListener("dragover", (event) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
  });
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    event.stopPropagation();
    depth = 0;
    zoneHighlight(false);
    const files = event.dataTransfer?.files;
    const file = files?.[0];
    if (!files || !file) return;
    if (files.length === 1) {
      try {
        fileInput.files = files;
      } catch {
        // older browsers cannot set a file input's files: the drop still chooses the file
      }
    }
    choose(file);
  });
  const ignoreDrop = (event: DragEvent) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  };
  window.addEventListener("dragover", ignoreDrop);
  window.addEventListener("drop", ignoreDrop);
  ctx.onLeave(() => {
    window.removeEventListener("dragover", ignoreDrop);
    window.removeEventListener("drop", ignoreDrop);
    running?.abort();
  });

  /** Runs one request: buttons off, a status line, errors into the alert box; null when it failed. */
  const run = async <T>(label: string, work: (signal: AbortSignal) => Promise<T>): Promise<T | null> => {
    replaceChildren(errors);
    const file = chosen;
    if (!file) {
      replaceChildren(errors, uploadError(new Error(t("chooseFileFirst"))));
      fileInput.focus();
      return null;
    }
    if (!keyInput.value) {
      replaceChildren(errors, uploadError(new Error(t("enterKeyFirst"))));
      keyInput.focus();
      return null;
    }
    running?.abort();
    const controller = new AbortController();
    running = controller;
    ctx.signal.addEventListener("abort", () => controller.abort(), { once: true });
    previewButton.disabled = true;
    writeButton.disabled = true;
    status.textContent = label;
    output.setAttribute("aria-busy", "true");
    try {
      return await work(controller.signal);
    } catch (error) {
      if (isAbort(error)) return null;
      replaceChildren(errors, uploadError(error));
      return null;
    } finally {
      if (running === controller) {
        running = null;
        previewButton.disabled = false;
        writeButton.disabled = false;
        status.textContent = "";
        output.removeAttribute("aria-busy");
      }
    }
  };

  const form = h(
    "form",
    { class: "upload-form", id: "upload-form", "aria-describedby": "add-intro" },
    dropZone,
    h(
      "div",
      { class: "field" },
      h("label", { for: "api-key" }, t("apiKeyLabel")),
      keyInput,
      h("small", { id: "api-key-help", class: "meta" }, t("apiKeyHelp")),
    ),
    h("div", { class: "field-inline" }, remember, h("label", { for: "remember-key" }, t("rememberKey"))),
    h("div", { class: "row" }, previewButton),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run(t("reading"), async (signal) => {
      const file = chosen!;
      const preview = await uploadDocument(file, keyInput.value, true, signal);
      previewed = file;
      replaceChildren(output, previewSection(preview, writeButton));
      document.getElementById("preview-heading")?.focus();
    });
  });
  writeButton.addEventListener("click", () => {
    void run(t("writing"), async (signal) => {
      const written = await uploadDocument(chosen!, keyInput.value, false, signal);
      writeButton.remove();
      output.append(writtenSection(written));
      document.getElementById("written-heading")?.focus();
    });
  });

  replaceChildren(
    ctx.main,
    heading(t("addTitle")),
    h("p", { class: "tagline", id: "add-intro" }, t("addIntro")),
    form,
    status,
    errors,
    output,
  );
  return Promise.resolve();
}
