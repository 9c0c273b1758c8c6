/**
 * Blocks as the lines the extractor reads: a paragraph is a line (its numbering label first; a
 * manual line break inside it starts a new line), text boxes follow the paragraph that anchors
 * them, and a table is read cell by cell, each cell's paragraphs on their own lines:
 *
 * - a layout table (the header block of issuer | motto, number | date, or a signature block of
 *   recipients | signer: two or three columns, a few short rows, and a line only such blocks
 *   hold: "Số: …", the date line, the motto, "Nơi nhận", "TM. …") column by column, so the
 *   issuer, "Số: …" and the place and date come out as the extractor expects them, in the order
 *   a reader reads the page (left column, then the right one);
 * - any other table row by row, each cell on its own line(s), as the corpus texts have them.
 */
import type { Block, Cell, Table } from "./body.js";

/** A table with at most this many rows and columns, every cell this short, is a layout table. */
const LAYOUT_MAX_ROWS = 6;
const LAYOUT_MAX_COLUMNS = 3;
const LAYOUT_MAX_CELL_CHARS = 400;

function cellLines(cell: Cell): string[] {
  return cell.merged ? [] : renderLines(cell.blocks);
}

/**
 * Lines that only a header or signature block holds: the number ("Số: …", "Số 06-HD/TW"), the
 * place and date, the national or Party motto, "Nơi nhận", "Kính gửi", a signing authority
 * ("TM.", "T/M", "KT.", "TL.", "TUQ.", "Q.").
 */
const LAYOUT_LINE =
  /^(?:số\s*:?\s*(?:$|[\d/])|nơi nhận|kính gửi|(?:tm|kt|tl|tuq|q)\.\s*\S|t\/m\s)|ngày\s.*tháng\s.*năm|cộng (?:hòa|hoà) xã hội chủ nghĩa việt nam|đảng cộng sản việt nam|độc lập\s*-\s*tự do\s*-\s*hạnh phúc/iu;

function isLayoutTable(table: Table, rendered: string[][][]): boolean {
  if (table.rows.length === 0 || table.rows.length > LAYOUT_MAX_ROWS) return false;
  let widest = 0;
  for (const row of table.rows)
    widest = Math.max(
      widest,
      row.reduce((n, c) => n + c.span, 0),
    );
  if (widest < 2 || widest > LAYOUT_MAX_COLUMNS) return false;
  for (const row of table.rows)
    for (const cell of row) if (cell.blocks.some((b) => b.kind === "table")) return false;
  if (!rendered.every((row) => row.every((lines) => lines.join("\n").length <= LAYOUT_MAX_CELL_CHARS)))
    return false;
  // a small data table (TT | task | deadline) stays row by row: only header and signature blocks turn
  return rendered.some((row) =>
    row.some((lines) => lines.some((l) => LAYOUT_LINE.test(l.normalize("NFC").trim()))),
  );
}

function renderTable(table: Table): string[] {
  const rendered = table.rows.map((row) => row.map(cellLines));
  const out: string[] = [];
  if (!isLayoutTable(table, rendered)) {
    for (const row of rendered) for (const lines of row) out.push(...lines);
    return out;
  }
  const widest = Math.max(...table.rows.map((row) => row.reduce((n, c) => n + c.span, 0)));
  // rows that span the whole width cut the table into bands read one after the other
  let band: number[] = [];
  const flush = (): void => {
    for (let column = 0; column < widest; column++)
      for (const r of band) {
        let at = 0;
        const row = table.rows[r] ?? [];
        row.forEach((cell, i) => {
          if (at === column) out.push(...(rendered[r]?.[i] ?? []));
          at += cell.span;
        });
      }
    band = [];
  };
  table.rows.forEach((row, r) => {
    if (row.length === 1 && (row[0]?.span ?? 1) >= widest) {
      flush();
      out.push(...(rendered[r]?.[0] ?? []));
    } else band.push(r);
  });
  flush();
  return out;
}

/** The lines of `blocks`, in reading order. */
export function renderLines(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === "table") {
      out.push(...renderTable(block));
      continue;
    }
    const text = (block.label ?? "") + block.text;
    out.push(...text.split("\n"));
    if (block.floats.length > 0) out.push(...renderLines(block.floats));
  }
  return out;
}

/** Lines as text: trailing white space kept, runs of blank lines made one, none at the ends. */
export function joinLines(lines: readonly string[]): string {
  const out: string[] = [];
  let blank = true;
  for (const line of lines) {
    const isBlank = line.trim() === "";
    if (isBlank && blank) continue;
    out.push(isBlank ? "" : line);
    blank = isBlank;
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}
