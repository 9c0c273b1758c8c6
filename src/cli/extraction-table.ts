import type { ParsedDocument, Quantity } from "../extract/index.js";

/** Widest a cell may be in the terminal table before it is cut. */
const CELL_WIDTH = 60;

/**
 * A readable plain-text report of an extraction for the terminal: the document header, the task
 * tree indented, targets, citations with their task, date and issuer, named references, duties
 * and warnings.
 */
export function renderExtractionTable(parsed: ParsedDocument): string {
  const out: string[] = [];
  const d = parsed.document;
  out.push(`DOCUMENT  ${d.key}`);
  out.push(
    table(
      ["field", "value"],
      [
        ["type", `${d.type} (${d.typeCode})`],
        ["symbol", d.symbol ?? "—"],
        ["issued on", d.issuedOn ?? "—"],
        ["year", d.year === null ? "—" : String(d.year)],
        ["issuer", d.issuer ? `${d.issuer.name} [${d.issuer.key}]` : "—"],
        ["title", d.title ?? "—"],
        ["signer", d.signer ?? "—"],
        ["province", d.province ?? "—"],
      ],
      [12, 100],
    ),
  );

  out.push("", `TASKS  ${parsed.tasks.length}`);
  out.push(
    table(
      ["code", "kind", "title"],
      parsed.tasks.map((t) => [`${"  ".repeat(Math.max(0, t.level - 1))}${t.code}`, t.kind, t.title]),
      [18, 8, 90],
    ),
  );

  if (parsed.targets.length > 0) {
    out.push("", `TARGETS  ${parsed.targets.length}`);
    out.push(
      table(
        ["#", "group", "quantities", "text"],
        parsed.targets.map((t) => [
          `(${t.ordinal})`,
          t.group,
          t.quantities.map(formatQuantity).join("; "),
          t.text,
        ]),
        [5, 15, 40, 60],
      ),
    );
  }

  out.push("", `CITATIONS  ${parsed.citations.length}`);
  out.push(
    table(
      ["task", "type", "symbol", "date", "issuer", "relation", "key"],
      parsed.citations.map((c) => [
        c.task ?? "—",
        c.type,
        c.symbol,
        c.date ?? "—",
        c.issuer
          ? `${c.issuer.name}${c.issuerSource && c.issuerSource !== "text" ? ` (${c.issuerSource})` : ""}`
          : c.issuerCandidates
            ? `? ${c.issuerCandidates.map((o) => o.name).join(" / ")}`
            : "—",
        c.relation ?? "—",
        c.resolved ? c.key : `${c.key} (unresolved)`,
      ]),
      [10, 12, 18, 10, 34, 12, 32],
    ),
  );

  if (parsed.namedReferences.length > 0) {
    out.push("", `NAMED REFERENCES  ${parsed.namedReferences.length}`);
    out.push(
      table(
        ["task", "kind", "name", "resolves to"],
        parsed.namedReferences.map((r) => [
          r.task ?? "—",
          r.kind,
          r.name,
          r.resolvedSymbol
            ? `${r.resolvedSymbol} (${r.resolvedKey ?? "?"})`
            : r.date
              ? `dated ${r.date}`
              : "unresolved",
        ]),
        [10, 9, 60, 30],
      ),
    );
  }

  if (parsed.responsibilities.length > 0) {
    out.push("", `RESPONSIBILITIES  ${parsed.responsibilities.length}`);
    out.push(
      table(
        ["task", "bodies", "duty", "deadline"],
        parsed.responsibilities.map((r) => [
          r.task,
          r.organizations.map((o) => o.name).join(", "),
          r.duty,
          r.deadlines.map((x) => x.date ?? x.period ?? "").join(", ") || "—",
        ]),
        [8, 50, 60, 12],
      ),
    );
  }

  const deadlines = parsed.deadlines ?? [];
  if (deadlines.length > 0) {
    out.push("", `DEADLINES  ${deadlines.length}`);
    out.push(
      table(
        ["task", "when", "quote"],
        deadlines.map((x) => [x.task ?? "—", x.date ?? x.period ?? "—", x.quote]),
        [10, 12, 60],
      ),
    );
  }

  out.push("", `WARNINGS  ${parsed.warnings.length}`);
  if (parsed.warnings.length > 0) {
    out.push(
      table(
        ["kind", "message"],
        parsed.warnings.map((w) => [w.kind, w.message]),
        [22, 100],
      ),
    );
  }
  return `${out.join("\n")}\n`;
}

function formatQuantity(q: Quantity): string {
  const value = q.valueMax !== undefined ? `${q.value}–${q.valueMax}` : String(q.value);
  return [q.comparator, value, q.unit].filter((p) => p !== null && p !== "").join(" ");
}

function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
): string {
  const cells = rows.map((r) => r.map((c, i) => fit(c, widths[i] ?? CELL_WIDTH)));
  const cols = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => c.padEnd(cols[i]!))
      .join("  ")
      .trimEnd();
  return [line(headers), cols.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

function fit(s: string, width: number): string {
  const indent = /^ */.exec(s)?.[0] ?? "";
  const flat = indent + s.replace(/\s+/g, " ").trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}
