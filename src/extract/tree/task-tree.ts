import type { MatchingText } from "../text/matching-text.js";
import type { ExtractionWarning, TaskKind, TaskNode } from "../model.js";
import type { Line } from "../text/lines.js";
import { cleanLines } from "../text/clean-text.js";
import { isLowerLetterCode, squashSpaces } from "../text/fold-vietnamese.js";
import { capsTitle, headingBlockEnd } from "./heading-block.js";
import { SENTENCE_END } from "../patterns.js";
import { readMarker } from "./read-marker.js";
import {
  CLOSING_FORMULAS,
  MAX_ARTICLE_GAP,
  MAX_ITEM_TITLE_CHARS,
  type MarkerKind,
} from "../vocabulary/structure.js";

/** A node of the tree while it is built; offsets index the matching text. */
export interface TreeNode {
  code: string;
  /** "" until describeNode reads it */
  kind: TaskKind | "";
  markerKind: MarkerKind;
  rank: number;
  /** numeric value of the marker (I → 1, đ → 5, 2.1 → 1) */
  value: number;
  /** all components of a numbered marker: 2.1 → [2, 1] */
  numbers: number[];
  label: string;
  parent: TreeNode | null;
  children: TreeNode[];
  line: number;
  start: number;
  /** where the unit's own words begin, after its marker */
  contentFrom: number;
  end: number;
  title: string;
  text: string;
  level: number;
  order: number;
}

export interface TaskTree {
  roots: TreeNode[];
  /** all nodes in document order */
  nodes: TreeNode[];
  warnings: ExtractionWarning[];
  /** matching-text offset where the structured body ends (signature, closing formula) */
  bodyEnd: number;
}

interface BuildOptions {
  firstLine: number;
  lastLine: number;
}

/**
 * Builds the tree of structural units from the lines of the body. A marker opens a unit only
 * when it continues the numbering of its would-be siblings (1 after nothing, 2 after 1, 2.1
 * under 2), so numbers inside sentences ("2.000 doanh nghiệp", a wrapped line "2021 - 2025")
 * and lists inside paragraphs do not become units.
 */
export function buildTaskTree(mt: MatchingText, lines: readonly Line[], options: BuildOptions): TaskTree {
  const warnings: ExtractionWarning[] = [];
  const roots: TreeNode[] = [];
  const nodes: TreeNode[] = [];
  const stack: TreeNode[] = [];
  const lastChild = new Map<TreeNode | null, Map<string, number>>();
  let lastArticle = 0;
  let lastArticleSuffix = "";
  let lastChapter = 0;
  let lastPart = 0;
  let bodyEndLine = options.lastLine;

  const lastOf = (parent: TreeNode | null, key: string): number => lastChild.get(parent)?.get(key) ?? 0;
  const setLast = (parent: TreeNode | null, key: string, v: number): void => {
    let m = lastChild.get(parent);
    if (!m) {
      m = new Map();
      lastChild.set(parent, m);
    }
    m.set(key, v);
  };

  for (let i = options.firstLine; i < options.lastLine; i++) {
    const line = lines[i]!;
    if (line.blank || line.debris) continue;
    const lineText = mt.text.slice(line.contentStart, line.contentEnd);
    if (lastArticle === 0 && nodes.length > 0 && i > 0 && lines[i - 1]!.blank && isClosingFormula(mt, line)) {
      bodyEndLine = i;
      break;
    }
    const marker = readMarker(lineText);
    if (!marker) continue;

    // Where would it go, and does it continue the numbering there?
    let depth = stack.length;
    while (depth > 0 && stack[depth - 1]!.rank >= marker.rank) depth--;
    let parent: TreeNode | null = depth > 0 ? stack[depth - 1]! : null;
    let accepted = false;
    let gap = false;
    switch (marker.kind) {
      case "article": {
        if (marker.suffix && marker.value === lastArticle && marker.suffix > lastArticleSuffix)
          accepted = true;
        else if (!marker.suffix && marker.value === lastArticle + 1) accepted = true;
        else if (
          !marker.loose &&
          marker.value > lastArticle + 1 &&
          marker.value <= lastArticle + 1 + MAX_ARTICLE_GAP &&
          lastArticle > 0
        )
          accepted = gap = true;
        break;
      }
      case "chapter":
        accepted = marker.value === lastChapter + 1;
        break;
      case "part":
        accepted = marker.value === lastPart + 1;
        break;
      case "number": {
        if (marker.numbers.length > 1) {
          // 2.1 belongs under the open unit numbered 2 at the level above.
          const prefix = marker.numbers.slice(0, -1);
          const owner = [...stack.slice(0, depth)]
            .reverse()
            .find((n) => n.markerKind === "number" && n.numbers.length === prefix.length);
          if (owner && owner.numbers.every((v, k) => v === prefix[k])) {
            parent = owner;
            accepted = marker.value === lastOf(parent, `number${marker.numbers.length}`) + 1;
          }
        } else {
          accepted = marker.value === lastOf(parent, "number1") + 1;
        }
        break;
      }
      case "section":
      case "roman":
      case "letter":
        accepted =
          marker.value === lastOf(parent, marker.kind) + 1 ||
          (marker.kind === "letter" && Math.floor(marker.value) === lastOf(parent, marker.kind) + 1);
        break;
    }
    if (!accepted) continue;
    if (gap) {
      warnings.push({
        kind: "numbering-gap",
        message: `Điều ${marker.value} follows Điều ${lastArticle}`,
        span: mt.spanOf(line.contentStart, line.contentEnd),
      });
    }
    if (marker.kind === "article") {
      lastArticle = marker.value;
      lastArticleSuffix = marker.suffix;
    }
    if (marker.kind === "chapter") lastChapter = marker.value;
    if (marker.kind === "part") lastPart = marker.value;
    const siblingKey = marker.kind === "number" ? `number${marker.numbers.length}` : marker.kind;
    if (marker.kind !== "article" && marker.kind !== "chapter" && marker.kind !== "part")
      setLast(parent, siblingKey, Math.floor(marker.value));

    while (stack.length > 0 && stack[stack.length - 1] !== parent) stack.pop();
    const node: TreeNode = {
      code: "",
      kind: "",
      markerKind: marker.kind,
      rank: marker.rank,
      value: marker.value,
      numbers: marker.numbers,
      label: marker.suffix ? `${marker.label}${marker.suffix}` : marker.label,
      parent,
      children: [],
      line: i,
      start: line.contentStart,
      contentFrom: line.contentStart + marker.contentFrom,
      end: line.contentEnd,
      title: "",
      text: "",
      level: parent ? parent.level + 1 : 1,
      order: parent ? parent.children.length : roots.length,
    };
    node.code = codeFor(node);
    (parent ? parent.children : roots).push(node);
    nodes.push(node);
    stack.push(node);
  }

  const bodyEnd = lastContentEnd(lines, options.firstLine, bodyEndLine);
  assignEnds(roots, bodyEnd, lines);
  dedupeCodes(nodes);
  for (const node of nodes) describeNode(mt, lines, node, bodyEndLine);
  return { roots, nodes, warnings, bodyEnd };
}

function isClosingFormula(mt: MatchingText, line: Line): boolean {
  const folded = squashSpaces(
    mt.folded.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 60)),
  );
  return CLOSING_FORMULAS.some((re) => re.test(folded));
}

function codeFor(node: TreeNode): string {
  const parent = node.parent;
  switch (node.markerKind) {
    case "part":
      return `Phần ${node.label}`;
    case "chapter":
      return `Chương ${node.label}`;
    case "section": {
      const chapter = ancestor(node, "chapter");
      return chapter ? `${chapter.code}.Mục ${node.label}` : `Mục ${node.label}`;
    }
    case "article":
      return `Điều ${node.label}`;
    case "roman":
      return parent ? `${parent.code}.${node.label}` : node.label;
    case "number": {
      let base = parent;
      while (base && base.markerKind === "number") base = base.parent;
      return base ? `${base.code}.${node.numbers.join(".")}` : node.numbers.join(".");
    }
    case "letter":
      return parent ? `${parent.code}.${node.label}` : node.label;
  }
}

function ancestor(node: TreeNode, kind: MarkerKind): TreeNode | null {
  let p = node.parent;
  while (p && p.markerKind !== kind) p = p.parent;
  return p;
}

function dedupeCodes(nodes: readonly TreeNode[]): void {
  const seen = new Map<string, number>();
  for (const node of nodes) {
    const n = seen.get(node.code) ?? 0;
    seen.set(node.code, n + 1);
    if (n > 0) node.code = `${node.code}~${n + 1}`;
  }
}

function lastContentEnd(lines: readonly Line[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const l = lines[i]!;
    if (!l.blank && !l.debris) return l.contentEnd;
  }
  return lines[from]?.start ?? 0;
}

function assignEnds(siblings: readonly TreeNode[], parentEnd: number, lines: readonly Line[]): void {
  for (let k = 0; k < siblings.length; k++) {
    const node = siblings[k]!;
    const next = siblings[k + 1];
    const limit = next ? previousContentEnd(lines, next.line, node.line) : parentEnd;
    node.end = Math.max(node.end, limit);
    assignEnds(node.children, node.end, lines);
  }
}

function previousContentEnd(lines: readonly Line[], line: number, floor: number): number {
  for (let i = line - 1; i >= floor; i--) {
    const l = lines[i]!;
    if (!l.blank && !l.debris) return l.contentEnd;
  }
  return lines[floor]!.contentEnd;
}

/** Title, own text and kind of a node, read from its lines up to its first child. */
function describeNode(mt: MatchingText, lines: readonly Line[], node: TreeNode, bodyEndLine: number): void {
  const contentFrom = node.contentFrom;
  const firstChild = node.children[0];
  let ownEndLine = firstChild ? firstChild.line : lineAfter(lines, node.end, bodyEndLine);
  ownEndLine = Math.min(ownEndLine, bodyEndLine);
  const underArticle = node.markerKind !== "article" && ancestor(node, "article") !== null;

  if (node.markerKind === "chapter" || node.markerKind === "part" || node.markerKind === "section") {
    const { title, nextLine } = capsTitle(mt, lines, node.line, contentFrom, ownEndLine);
    node.title = title;
    node.text = cleanLines(mt, lines, nextLine, ownEndLine);
    node.kind = node.markerKind;
    return;
  }

  // Clauses and points are paragraphs: they run to their full stop, whatever the next line starts with.
  const paragraphUnit = underArticle && (node.markerKind === "number" || node.markerKind === "letter");
  const blockEnd = headingBlockEnd(mt, lines, node.line, ownEndLine, paragraphUnit);
  const block = cleanLines(mt, lines, node.line, blockEnd, contentFrom).replace(/\n/g, " ");
  const body = cleanLines(mt, lines, blockEnd, ownEndLine);
  const sentence = SENTENCE_END.exec(block);
  const sentenceAt = sentence ? sentence.index : -1;
  const colonAt = colonIntroduction(block);
  const paragraph = sentenceAt >= 0 || /[.]["”']?$/u.test(block);

  if (colonAt >= 0 && (sentenceAt < 0 || colonAt < sentenceAt)) {
    node.title = block.slice(0, colonAt).trim();
    node.text = joinText(block.slice(colonAt + 1).trim(), body);
    node.kind = kindOf(node, underArticle, false);
  } else if (paragraph) {
    const first = sentenceAt >= 0 ? block.slice(0, sentenceAt + 1) : block;
    node.title = shortenTitle(first.replace(/[.;:]$/u, "").trim());
    node.text = joinText(block, body);
    node.kind = kindOf(node, underArticle, true);
  } else {
    node.title = block.replace(/[:;,]$/u, "").trim();
    node.text = body;
    node.kind = kindOf(node, underArticle, false);
  }
}

function joinText(a: string, b: string): string {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return isLowerLetterCode(b.charCodeAt(0)) ? `${a} ${b}` : `${a}\n${b}`;
}

function kindOf(node: TreeNode, underArticle: boolean, paragraph: boolean): TaskKind {
  switch (node.markerKind) {
    case "article":
      return "article";
    case "roman":
      return "section";
    case "letter":
      return "point";
    case "number":
      return underArticle ? "clause" : paragraph ? "item" : "heading";
    default:
      return node.markerKind;
  }
}

/** A colon that introduces the body on the heading line ("2. Các chỉ tiêu chủ yếu: về …"). */
function colonIntroduction(block: string): number {
  const at = block.indexOf(":");
  if (at <= 0 || at > 200) return -1;
  return block.slice(at + 1).trim().length > 0 ? at : -1;
}

function shortenTitle(s: string): string {
  if (s.length <= MAX_ITEM_TITLE_CHARS) return s;
  const cut = s.lastIndexOf(" ", MAX_ITEM_TITLE_CHARS);
  return `${s.slice(0, cut > 40 ? cut : MAX_ITEM_TITLE_CHARS).trim()}…`;
}

function lineAfter(lines: readonly Line[], offset: number, limit: number): number {
  // The first line starting after `offset` (binary search would do; nodes are few per call).
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, limit);
}

/** The public form of a node. */
export function toTaskNode(mt: MatchingText, node: TreeNode): TaskNode {
  // buildTaskTree describes every node it returns, so this holds; a bug here becomes an internal-error warning.
  if (node.kind === "") throw new Error(`task ${node.code} has no kind`);
  return {
    code: node.code,
    title: node.title,
    text: node.text,
    parent: node.parent ? node.parent.code : null,
    level: node.level,
    order: node.order,
    kind: node.kind,
    span: mt.spanOf(node.start, node.end),
  };
}
