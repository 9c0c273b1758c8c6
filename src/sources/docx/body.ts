/**
 * The body of word/document.xml (and the notes of word/footnotes.xml, word/endnotes.xml) as
 * blocks, in document order: paragraphs with the numbering label Word prints before them, and
 * tables of cells holding blocks. What a reader of the printed page sees is kept: runs, tabs,
 * line breaks, text boxes and shapes with text (after the paragraph that anchors them), the
 * result of fields; what it does not see is dropped: page-number fields (PAGE, NUMPAGES,
 * PAGEREF), field instructions, deleted and moved-away revisions, hidden runs, the VML fallback
 * copies of drawings (mc:Fallback), content-control properties.
 */
import { SourceError } from "../types.js";
import type { NumberingCounter } from "./numbering.js";
import { scanXml } from "./xml.js";

export interface Paragraph {
  kind: "p";
  /** the printed numbering label with its suffix ("1. ", "a) "), or null */
  label: string | null;
  text: string;
  /** text boxes anchored in the paragraph */
  floats: Block[];
}

export interface Cell {
  blocks: Block[];
  /** grid columns spanned (w:gridSpan) */
  span: number;
  /** a vertically merged continuation (w:vMerge continue): empty, shown by the cell above */
  merged: boolean;
}

export interface Table {
  kind: "table";
  rows: Cell[][];
}

export type Block = Paragraph | Table;

/** Elements whose content is never printed. */
const SKIPPED = new Set([
  "mc:Fallback",
  "w:del",
  "w:moveFrom",
  "w:delText",
  "w:delInstrText",
  "w:sdtPr",
  "w:pPrChange",
  "w:rPrChange",
  "w:tblPrChange",
  "w:tcPrChange",
  "w:trPrChange",
  "w:sectPrChange",
  "w:sectPr",
  "w:fldData",
]);

/** Tables in tables, text boxes in text boxes: Word itself stops far below this. */
const MAX_NESTING = 200;

/** Fields whose result is a page number. */
const PAGE_FIELD = /^\s*(?:PAGE|NUMPAGES|SECTIONPAGES|SECTION|PAGEREF)\b/i;

/** Note types that are not notes (the separator lines). */
const SEPARATOR_NOTE = new Set(["separator", "continuationSeparator", "continuationNotice"]);

interface ParagraphBuilder {
  parts: string[];
  style: string | null;
  numId: string | null;
  level: number | null;
  floats: Block[];
}

type Frame =
  | { kind: "root"; blocks: Block[]; id: string | null }
  | { kind: "table"; table: Table }
  | { kind: "row"; cells: Cell[] }
  | { kind: "cell"; cell: Cell }
  | { kind: "p"; p: ParagraphBuilder }
  | { kind: "txbx"; blocks: Block[] };

interface Field {
  instruction: string;
  phase: "instruction" | "result";
  hidden: boolean;
}

export interface ReadOptions {
  numbering: NumberingCounter;
  /** characters allowed in all (the reader's maxChars), and the file name for the message */
  maxChars: number;
  name: string;
  /** characters read so far, shared between the parts of one document */
  budget: { chars: number };
}

export interface BodyContent {
  blocks: Block[];
  /** w:footnoteReference and w:endnoteReference ids, in the order they appear */
  footnotes: string[];
  endnotes: string[];
}

function onOff(value: string | undefined): boolean {
  return value === undefined || !["0", "false", "off"].includes(value);
}

function intOf(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads the blocks of a part. `roots` names the elements whose content is kept: "w:body" for the
 * document, "w:footnote" / "w:endnote" for notes (each note's blocks by its w:id).
 */
function readBlocks(
  xml: string,
  roots: "w:body" | "w:footnote" | "w:endnote",
  options: ReadOptions,
): { blocks: Map<string, Block[]>; footnotes: string[]; endnotes: string[] } {
  const out = new Map<string, Block[]>();
  const footnotes: string[] = [];
  const endnotes: string[] = [];
  const frames: Frame[] = [];
  const names: string[] = [];
  const fields: Field[] = [];
  let skipping = 0;
  let inText = false;
  let inInstruction = false;
  let runHidden = false;

  const tooLarge = (): SourceError =>
    new SourceError("TOO_LARGE", `${options.name}: the text is longer than ${options.maxChars} characters`);

  const nearest = <K extends Frame["kind"]>(kind: K): Extract<Frame, { kind: K }> | null => {
    for (let i = frames.length - 1; i >= 0; i--) {
      const f = frames[i];
      if (f && f.kind === kind) return f as Extract<Frame, { kind: K }>;
    }
    return null;
  };
  /** where a finished block goes: the innermost root, cell or text box */
  const place = (block: Block): void => {
    for (let i = frames.length - 1; i >= 0; i--) {
      const f = frames[i];
      if (!f) continue;
      if (f.kind === "root" || f.kind === "txbx") return void f.blocks.push(block);
      if (f.kind === "cell") return void f.cell.blocks.push(block);
    }
  };
  const visible = (): boolean => !runHidden && fields.every((f) => f.phase === "result" && !f.hidden);
  const append = (s: string): void => {
    const top = frames[frames.length - 1];
    if (!top || top.kind !== "p" || s === "" || !visible()) return;
    options.budget.chars += s.length;
    if (options.budget.chars > options.maxChars) throw tooLarge();
    top.p.parts.push(s);
  };

  scanXml(xml, {
    open(name, a) {
      const parent = names[names.length - 1];
      names.push(name);
      if (skipping > 0) {
        skipping++;
        return;
      }
      if (SKIPPED.has(name)) {
        skipping = 1;
        return;
      }
      if (name === roots) {
        if (SEPARATOR_NOTE.has(a.get("w:type") ?? "")) {
          skipping = 1;
          return;
        }
        frames.push({ kind: "root", blocks: [], id: a.get("w:id") ?? "" });
        return;
      }
      if (frames.length === 0) return;
      if (frames.length > MAX_NESTING)
        throw new SourceError(
          "CORRUPT",
          `${options.name}: not a readable DOCX (tables or text boxes nested too deeply)`,
        );
      switch (name) {
        case "w:p":
          frames.push({ kind: "p", p: { parts: [], style: null, numId: null, level: null, floats: [] } });
          return;
        case "w:pStyle":
        case "w:numId":
        case "w:ilvl": {
          const p = nearest("p");
          if (!p || !names.includes("w:pPr")) return;
          if (name === "w:pStyle" && parent === "w:pPr") p.p.style = a.get("w:val") ?? null;
          if (name === "w:numId" && parent === "w:numPr") p.p.numId = a.get("w:val") ?? null;
          if (name === "w:ilvl" && parent === "w:numPr") p.p.level = intOf(a.get("w:val"));
          return;
        }
        case "w:tbl":
          frames.push({ kind: "table", table: { kind: "table", rows: [] } });
          return;
        case "w:tr":
          frames.push({ kind: "row", cells: [] });
          return;
        case "w:tc":
          frames.push({ kind: "cell", cell: { blocks: [], span: 1, merged: false } });
          return;
        case "w:gridSpan": {
          const cell = nearest("cell");
          if (cell) cell.cell.span = Math.max(1, Math.min(intOf(a.get("w:val")) ?? 1, 64));
          return;
        }
        case "w:vMerge": {
          const cell = nearest("cell");
          if (cell && parent === "w:tcPr") cell.cell.merged = (a.get("w:val") ?? "continue") === "continue";
          return;
        }
        case "w:txbxContent":
          frames.push({ kind: "txbx", blocks: [] });
          return;
        case "w:r":
          runHidden = false;
          return;
        case "w:vanish":
        case "w:webHidden":
          if (parent === "w:rPr" && names[names.length - 3] === "w:r") runHidden = onOff(a.get("w:val"));
          return;
        case "w:t":
        case "m:t":
          inText = true;
          return;
        case "w:instrText":
          inInstruction = true;
          return;
        case "w:fldChar": {
          const type = a.get("w:fldCharType");
          if (type === "begin") fields.push({ instruction: "", phase: "instruction", hidden: false });
          else if (type === "separate") {
            const f = fields[fields.length - 1];
            if (f) {
              f.phase = "result";
              f.hidden = PAGE_FIELD.test(f.instruction);
            }
          } else if (type === "end") fields.pop();
          return;
        }
        case "w:fldSimple": {
          const instruction = a.get("w:instr") ?? "";
          fields.push({ instruction, phase: "result", hidden: PAGE_FIELD.test(instruction) });
          return;
        }
        case "w:tab":
        case "w:ptab":
          if (parent === "w:r") append("\t");
          return;
        case "w:br":
        case "w:cr":
          if (parent === "w:r") append("\n");
          return;
        case "w:noBreakHyphen":
          append("-");
          return;
        case "w:sym": {
          const code = parseInt(a.get("w:char") ?? "", 16);
          // symbol fonts map to the private use area: no faithful character
          if (Number.isFinite(code) && code > 0x1f && !(code >= 0xe000 && code <= 0xf8ff))
            append(String.fromCodePoint(code));
          return;
        }
        case "w:footnoteReference":
          if (a.get("w:id") !== undefined) footnotes.push(a.get("w:id") ?? "");
          return;
        case "w:endnoteReference":
          if (a.get("w:id") !== undefined) endnotes.push(a.get("w:id") ?? "");
          return;
      }
    },
    close(name) {
      names.pop();
      if (skipping > 0) {
        skipping--;
        return;
      }
      if (frames.length === 0) return;
      switch (name) {
        case "w:t":
        case "m:t":
          inText = false;
          return;
        case "w:instrText":
          inInstruction = false;
          return;
        case "w:fldSimple":
          fields.pop();
          return;
        case "w:p": {
          const frame = frames.pop();
          if (!frame || frame.kind !== "p") return;
          // a field's instruction never runs past its paragraph: a broken field hides no more
          while (fields.length > 0 && fields[fields.length - 1]?.phase === "instruction") fields.pop();
          const { p } = frame;
          const resolved = options.numbering.resolve(p.style, p.numId, p.level);
          const label = resolved ? options.numbering.next(resolved.numId, resolved.level) : null;
          const paragraph: Paragraph = { kind: "p", label, text: p.parts.join(""), floats: p.floats };
          options.budget.chars += label?.length ?? 0;
          if (options.budget.chars > options.maxChars) throw tooLarge();
          place(paragraph);
          return;
        }
        case "w:tc": {
          const frame = frames.pop();
          const row = nearest("row");
          if (frame?.kind === "cell" && row) row.cells.push(frame.cell);
          return;
        }
        case "w:tr": {
          const frame = frames.pop();
          const table = nearest("table");
          if (frame?.kind === "row" && table) table.table.rows.push(frame.cells);
          return;
        }
        case "w:tbl": {
          const frame = frames.pop();
          if (frame?.kind === "table") place(frame.table);
          return;
        }
        case "w:txbxContent": {
          const frame = frames.pop();
          if (frame?.kind !== "txbx") return;
          const p = nearest("p");
          if (p) p.p.floats.push(...frame.blocks);
          else for (const b of frame.blocks) place(b);
          return;
        }
      }
      if (name === roots) {
        const frame = frames.pop();
        if (frame?.kind === "root") out.set(frame.id ?? "", frame.blocks);
      }
    },
    text(s) {
      if (skipping > 0) return;
      if (inInstruction) {
        const f = fields[fields.length - 1];
        if (f && f.phase === "instruction") f.instruction += s;
        return;
      }
      if (inText) append(s);
    },
  });
  return { blocks: out, footnotes, endnotes };
}

/** The body of word/document.xml. */
export function readBody(xml: string, options: ReadOptions): BodyContent {
  const { blocks, footnotes, endnotes } = readBlocks(xml, "w:body", options);
  return { blocks: [...blocks.values()].flat(), footnotes, endnotes };
}

/** The notes of word/footnotes.xml or word/endnotes.xml, by id. */
export function readNotes(
  xml: string,
  kind: "w:footnote" | "w:endnote",
  options: ReadOptions,
): Map<string, Block[]> {
  return readBlocks(xml, kind, options).blocks;
}
