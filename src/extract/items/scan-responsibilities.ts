import type { MatchingText } from "../text/matching-text.js";
import { BODY_HEAD, BODY_LIST_SEPARATOR, DUTY_VERB } from "../patterns.js";
import type { Deadline, OrganizationRef, Responsibility } from "../model.js";
import { cleanPassage } from "../text/clean-text.js";
import { foldKey, squashSpaces } from "../text/fold-vietnamese.js";
import { organizationFromName } from "../header/resolve-organization.js";
import type { RawDeadline } from "./scan-deadlines.js";
import type { TreeNode } from "../tree/task-tree.js";
import { IMPLEMENTATION_SECTION_TITLES } from "../vocabulary/phrases.js";

/** Longest list of bodies before a duty verb. */
const MAX_SUBJECT_CHARS = 400;

/** The nodes whose items assign duties: sections titled "Tổ chức thực hiện" and the like. */
export function implementationItems(nodes: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  for (const node of implementationSections(nodes)) {
    const leaves: TreeNode[] = [];
    const walk = (n: TreeNode): void => {
      if (n.children.length === 0) leaves.push(n);
      else n.children.forEach(walk);
    };
    walk(node);
    out.push(...leaves);
  }
  return out;
}

/** Sections titled "Tổ chức thực hiện" and the like. */
export function implementationSections(nodes: readonly TreeNode[]): TreeNode[] {
  // Section titles are short; clauses and points never open an implementation section.
  return nodes.filter(
    (node) =>
      node.kind !== "clause" &&
      node.kind !== "point" &&
      node.title.length <= 120 &&
      IMPLEMENTATION_SECTION_TITLES.some((t) => foldKey(node.title).includes(t)),
  );
}

/**
 * Each clause of an item that names bodies and then what they must do ("Ban Tuyên giáo Tỉnh
 * ủy, Sở …, Trung tâm … chủ trì, phối hợp …"); a clause without bodies continues the duty of
 * the clause before it ("Định kỳ hằng quý … báo cáo Ban Thường vụ Tỉnh ủy").
 */
export function scanResponsibilities(
  mt: MatchingText,
  items: readonly TreeNode[],
  deadlines: readonly RawDeadline[],
  province: string | null,
): Responsibility[] {
  const out: Responsibility[] = [];
  for (const item of items) {
    let previous: { r: Responsibility; start: number } | null = null;
    for (const [cs, ce] of clauses(mt, item.contentFrom, item.end)) {
      const folded = mt.folded.slice(cs, ce);
      DUTY_VERB.lastIndex = 0;
      const verb = DUTY_VERB.exec(folded);
      const subjectFolded = verb ? squashSpaces(folded.slice(0, verb.index)) : "";
      const hasBodies =
        verb !== null && verb.index > 0 && verb.index <= MAX_SUBJECT_CHARS && BODY_HEAD.test(subjectFolded);
      const own = deadlinesWithin(mt, deadlines, cs, ce);
      if (hasBodies && verb) {
        const organizations = bodiesOf(mt, cs, cs + verb.index, province);
        if (organizations.length > 0) {
          const r: Responsibility = {
            task: item.code,
            organizations,
            duty: cleanPassage(mt, cs + verb.index, ce).replace(/[.;]$/u, ""),
            deadlines: own,
            span: mt.spanOf(cs, ce),
            quote: mt.quoteOf(cs, ce),
          };
          out.push(r);
          previous = { r, start: cs };
          continue;
        }
      }
      if (previous) {
        previous.r.duty = `${previous.r.duty}. ${cleanPassage(mt, cs, ce).replace(/[.;]$/u, "")}`;
        previous.r.deadlines.push(...own);
        previous.r.span = mt.spanOf(previous.start, ce);
        previous.r.quote = mt.quoteOf(previous.start, ce);
      }
    }
  }
  return out;
}

/** Clauses of a passage: split at semicolons and sentence ends. */
function clauses(mt: MatchingText, from: number, to: number): [number, number][] {
  const text = mt.text;
  const out: [number, number][] = [];
  let start = from;
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push([s, e]);
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === ";" || (c === "." && /^\.\s+\p{Lu}/u.test(text.slice(i, i + 4)))) {
      push(start, i + 1);
      start = i + 1;
    }
  }
  push(start, to);
  return out;
}

function bodiesOf(mt: MatchingText, from: number, to: number, province: string | null): OrganizationRef[] {
  const text = mt.text.slice(from, to);
  const pieces = text
    .split(BODY_LIST_SEPARATOR)
    .map((p) => p.replace(/\s+/g, " ").trim())
    // a name ends before the words of a duty's circumstances ("đại biểu Hội đồng nhân dân tỉnh theo nhiệm vụ, …")
    .map((p) => p.replace(/\s(?:trong|theo|để|nhằm)\s.*$/u, ""))
    .filter((p) => p.length > 0);
  const merged: string[] = [];
  for (const p of pieces) {
    if (merged.length > 0 && !BODY_HEAD.test(foldKey(p)))
      merged[merged.length - 1] = `${merged[merged.length - 1]} và ${p}`;
    else merged.push(p);
  }
  const seen = new Set<string>();
  const out: OrganizationRef[] = [];
  for (const name of merged) {
    const org = organizationFromName(name, province);
    if (seen.has(org.key)) continue;
    seen.add(org.key);
    out.push(org);
  }
  return out;
}

export function deadlinesWithin(
  mt: MatchingText,
  deadlines: readonly RawDeadline[],
  from: number,
  to: number,
): Deadline[] {
  return deadlines
    .filter((d) => d.start >= from && d.end <= to)
    .map((d) => {
      const span = mt.spanOf(d.start, d.end);
      return { date: d.date, period: d.period, quote: mt.original.slice(span[0], span[1]), span };
    });
}
