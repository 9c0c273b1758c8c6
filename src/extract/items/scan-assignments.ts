import type { MatchingText } from "../text/matching-text.js";
import type { OrganizationRef, Responsibility } from "../model.js";
import { cleanPassage } from "../text/clean-text.js";
import { organizationFromName } from "../header/resolve-organization.js";
import type { TreeNode } from "../tree/task-tree.js";
import { deadlinesWithin } from "./scan-responsibilities.js";
import type { RawDeadline } from "./scan-deadlines.js";

/** Who leads a duty and who supports the one that leads ("X chủ trì, phối hợp với Y": X lead, Y support). */
export type AssignmentRole = "lead" | "support";

/** A body a duty is assigned to, with its role in it. */
export interface AssignedOrganization extends OrganizationRef {
  role: AssignmentRole;
}

/**
 * folded: the first words of a phrase naming a body, a class of bodies or an office holder
 * ("Thường trực HĐND tỉnh", "các Ban của Hội đồng nhân dân", "Giám đốc các Sở", "Ngành y tế").
 */
const BODY_START = new RegExp(
  String.raw`^(?:(?:cac|nhung|moi)\s+)?(?:` +
    [
      "ban",
      "bo",
      "so",
      "uy ban",
      "ubnd",
      "hdnd",
      "hoi dong",
      "thuong truc",
      "to dai bieu",
      "dai bieu",
      "doan dai bieu",
      "dang doan",
      "dang uy",
      "ban can su",
      "cap uy",
      "cap chinh quyen",
      "chinh quyen",
      "chinh phu",
      "thu tuong",
      "mat tran",
      "van phong",
      "trung tam",
      "huyen uy",
      "thi uy",
      "thanh uy",
      "tinh uy",
      "tinh doan",
      "uy vien",
      "giam doc",
      "thu truong",
      "chu tich",
      "bo truong",
      "nganh",
      "thue",
      "thanh tra",
      "cong an",
      "co quan",
      "don vi",
      "dia phuong",
      "tap doan",
      "tong cuc",
      "cuc",
      "to cong tac",
      "to chuc",
      "doan the",
      "ngan hang",
    ].join("|") +
    String.raw`)(?![a-z])`,
);

/**
 * folded: words that end a list of bodies: the verb of the duty. Lower case in the text (a name's
 * words are capitalised: "Sở Xây dựng"), and not part of a body's name ("Ban tổ chức", "Ban
 * quản lý", "cơ quan tham mưu", "tổ chức cơ sở đảng").
 */
const VERB = new RegExp(
  String.raw`(?<![a-z])(?:` +
    [
      "chu tri",
      "phoi hop",
      "chiu trach nhiem",
      "co trach nhiem",
      "giam sat",
      "to chuc(?!\\s+(?:co so|dang|chinh tri|hoi|tin dung|quoc te|ca nhan|doan the|xa hoi|lien quan|hoat dong|bo may|can bo|kinh te)|\\s*,)",
      "trien khai",
      "thuc hien",
      "chi dao",
      "ban hanh",
      "quy dinh",
      "xay dung",
      "quyet dinh",
      "tiep thu",
      "phe duyet",
      "ra soat",
      "chu dong",
      "phan dau",
      "quan ly",
      "xet tang",
      "lap",
      "tong hop",
      "bao cao",
      "phan anh",
      "thong nhat",
      "tap trung",
      "tang cuong",
      "bo tri",
      "can doi",
      "huong dan",
      "kiem tra",
      "don doc",
      "theo doi",
      "nghien cuu",
      "tham muu",
      "khan truong",
      "la co quan",
      "theo chuc nang",
      "lanh dao",
      "hoan thanh",
      "bao dam",
      "dam bao",
      "cung cap",
      "cap nhat",
      "de xuat",
      "xem xet",
      "nang cao",
      "day manh",
      "tiep tuc",
      "quan triet",
      "ho tro",
      "tham gia",
      "can cu",
      "co nhiem vu",
      "duoc giao",
      "thi hanh",
      "phai",
    ].join("|") +
    String.raw`)(?![a-z])`,
  "g",
);

/** folded: words before a verb that make it part of a name ("Ban tổ chức", "cơ quan tham mưu", "công tác tổ chức"). */
const NAME_BEFORE_VERB = /(?:^|\s)(?:ban|co quan|cong tac|cac ban|don vi|ve)\s*$/;

/** folded: how an assignment opens before its bodies ("Hội đồng nhân dân tỉnh giao cho", "Giao", "yêu cầu"). */
const ASSIGNING_LEAD =
  /^(?:(?:hoi dong nhan dan|hdnd)(?:\s+(?:tinh|thanh pho))?\s+)?(?:giao(?:\s+cho)?|yeu cau|de nghi)\s+/;
/** folded: words before the subject that are no part of it ("Căn cứ …,", "hàng năm", "Định kỳ hằng năm (…),"). */
const SKIPPED_LEAD =
  /^(?:can cu\s[^,;]{0,200},\s*|(?:hang|hằng)\s+nam\s+|dinh ky[^,;]{0,80},\s*|(?:trong\s+)?qua trinh thuc hien,?\s+neu\s+(?:co|con)\s+vuong mac,?\s*(?:thi\s+)?)/;
/** folded: "Trách nhiệm (của) X": a heading naming who does what its items say. */
const RESPONSIBILITY_HEADING = /^trach nhiem(?:\s+cua)?\s+/;
/** folded: the column of a task list naming who leads it ("Đơn vị chủ trì: Bộ Công an."). */
const LEAD_FIELD = /^(?:don vi|co quan)\s+chu tri\s*:\s*/;
const SUPPORT_FIELD = /^(?:don vi|co quan)\s+phoi hop\s*:\s*/;
/** folded: after "chủ trì": ", phối hợp với" and its partners. */
const THEN_PARTNERS = /^\s*,?\s*(?:va\s+)?phoi hop\s*(?:chat che\s+)?(?:voi|cung voi|cung)?\s+/;
/** folded: after "phối hợp": "với" and who is supported. */
const PARTNERED = /^\s*(?:chat che\s+)?(?:,\s*ho tro\s+)?(?:voi|cung voi|cung)?\s*/;
/** Bodies named generically in laws and rules ("Tổ chức, cá nhân …", "cơ quan có thẩm quyền"): no assignee outside a list of duties. */
const GENERIC_SUBJECT = /^(?:to chuc|co quan|don vi|ca nhan|nguoi)(?![a-z])/;

const MAX_SUBJECT = 300;

/**
 * Responsibilities stated anywhere in a document's body, outside its implementation sections
 * (read by scanResponsibilities): "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện …", "Thường trực
 * HĐND tỉnh, các Ban … giám sát …", "Chính phủ quy định chi tiết …", items under a heading that
 * names a body ("3. Trách nhiệm của Bộ Công an", "2. Sở Nông nghiệp và Môi trường") and a task
 * list's "Đơn vị chủ trì:". The items of an implementation section that scanResponsibilities read
 * (`implementation`) keep that reading; the passages it left are read here. Each body carries its role: the one that "chủ trì" leads, those it
 * "phối hợp với" support; a body that "phối hợp với" another supports it.
 */
export function scanAssignments(
  mt: MatchingText,
  nodes: readonly TreeNode[],
  implementation: readonly Responsibility[],
  deadlines: readonly RawDeadline[],
  province: string | null,
  bodyEnd: number,
): Responsibility[] {
  const out: Responsibility[] = [];
  const headingBodies = new Map<TreeNode, AssignedOrganization[]>();
  const inherited = (node: TreeNode): AssignedOrganization[] => {
    for (let n: TreeNode | null = node.parent; n; n = n.parent) {
      const b = headingBodies.get(n);
      if (b) return b;
    }
    return [];
  };
  for (const node of nodes) {
    if (node.start >= bodyEnd) continue;
    const ownEnd = Math.min(node.children[0]?.start ?? node.end, bodyEnd);
    let subject = inherited(node);
    let fieldTask: Responsibility | null = null;
    let previous: { r: Responsibility; start: number } | null = null;
    for (const [cs, ce] of clauses(mt, node.contentFrom, ownEnd)) {
      let f = mt.folded.slice(cs, ce);
      let p = 0;
      const skip = (re: RegExp): boolean => {
        const m = re.exec(f.slice(p));
        if (m) p += m[0].length;
        return m !== null;
      };
      skip(/^[-+•*]\s*/);
      // "Đơn vị chủ trì: Bộ Công an." — the whole item is the task
      const lead = LEAD_FIELD.exec(f.slice(p));
      const support = lead ? null : SUPPORT_FIELD.exec(f.slice(p));
      if (lead || support) {
        const from = cs + p + (lead ?? support)![0].length;
        const bodies = bodyList(mt, from, ce, province, lead ? "lead" : "support", false);
        if (bodies.length === 0) continue;
        if (!fieldTask) {
          fieldTask = responsibility(mt, node, node.contentFrom, ownEnd, bodies, deadlines);
          fieldTask.duty = cleanPassage(mt, node.contentFrom, cs).replace(/[\s.;:-]+$/u, "");
          out.push(fieldTask);
        } else fieldTask.organizations.push(...bodies);
        continue;
      }
      const heading = RESPONSIBILITY_HEADING.exec(f.slice(p));
      if (heading) {
        const bodies = bodyList(mt, cs + p + heading[0].length, ce, province, "lead", false);
        if (bodies.length > 0) {
          headingBodies.set(node, bodies);
          subject = bodies;
          continue;
        }
      }
      skip(SKIPPED_LEAD);
      const directed = skip(ASSIGNING_LEAD);
      const directs = !directed && skip(/^chi dao\s+/);
      f = f.slice(0, MAX_SUBJECT + p + 200);
      const verb = verbAt(mt, cs, f, p);
      const sStart = cs + p;
      const sEnd = verb ? cs + verb.index : ce;
      const subjectText = mt.folded.slice(sStart, sEnd).trim();
      let own: AssignedOrganization[] = [];
      if (
        isBodyStart(mt.text.slice(sStart, sEnd)) &&
        sEnd - sStart <= MAX_SUBJECT &&
        (directed || directs || !GENERIC_SUBJECT.test(subjectText))
      ) {
        own = bodyList(mt, sStart, sEnd, province, "lead", true);
      }
      if (!verb) {
        // a line naming bodies only ("2. Sở Nông nghiệp và Môi trường", "1. Giám đốc các Sở …:") heads the items after it
        if (own.length > 0 && !directed && !directs) {
          subject = own;
          if (cs === node.contentFrom) headingBodies.set(node, own);
        }
        continue;
      }
      const verbWord = verb[0];
      const after = cs + verb.index + verbWord.length;
      const bodies: AssignedOrganization[] = [];
      if (directs) bodies.push(...subject, ...own);
      else if (own.length > 0) bodies.push(...own);
      else if (verb.index === p) bodies.push(...subject);
      // who else the verb names, and their roles
      const rest = mt.folded.slice(after, ce);
      if (verbWord === "chu tri") {
        const partners = THEN_PARTNERS.exec(rest);
        if (partners) bodies.push(...objectList(mt, after + partners[0].length, ce, province, "support"));
      } else if (verbWord === "phoi hop") {
        const m = PARTNERED.exec(rest)!;
        for (const b of bodies) b.role = "support";
        bodies.push(...objectList(mt, after + m[0].length, ce, province, "lead"));
      } else if (verbWord === "chi dao" && bodies.length > 0) {
        bodies.push(...objectList(mt, after, ce, province, "lead"));
      }
      if (bodies.length === 0) {
        // a clause that names no body goes on with the duty before it ("Định kỳ hằng quý … báo cáo …")
        if (previous) extend(mt, previous, cs, ce, deadlines);
        continue;
      }
      const r = responsibility(mt, node, cs, ce, dedupe(bodies), deadlines);
      r.duty = cleanPassage(mt, cs + verb.index, ce).replace(/[.;:]$/u, "");
      out.push(r);
      previous = { r, start: cs };
    }
  }
  // an implementation section's items read by scanResponsibilities keep that reading
  const taken = implementation.map((r) => r.span);
  return [...implementation, ...out.filter((r) => !taken.some((t) => t[0] < r.span[1] && r.span[0] < t[1]))];
}

function extend(
  mt: MatchingText,
  previous: { r: Responsibility; start: number },
  cs: number,
  ce: number,
  deadlines: readonly RawDeadline[],
): void {
  const { r } = previous;
  r.duty = `${r.duty}. ${cleanPassage(mt, cs, ce).replace(/[.;]$/u, "")}`;
  r.deadlines.push(...deadlinesWithin(mt, deadlines, cs, ce));
  r.span = mt.spanOf(previous.start, ce);
  r.quote = mt.quoteOf(previous.start, ce);
}

function verbAt(mt: MatchingText, cs: number, f: string, from: number): RegExpExecArray | null {
  VERB.lastIndex = from;
  for (let m = VERB.exec(f); m; m = VERB.exec(f)) {
    const first = mt.text[cs + m.index]!;
    if (first !== first.toLowerCase() && m.index !== from) continue;
    if (NAME_BEFORE_VERB.test(f.slice(Math.max(0, m.index - 12), m.index))) continue;
    return m;
  }
  return null;
}

function responsibility(
  mt: MatchingText,
  node: TreeNode,
  from: number,
  to: number,
  organizations: AssignedOrganization[],
  deadlines: readonly RawDeadline[],
): Responsibility {
  let e = to;
  while (e > from && /\s/.test(mt.text[e - 1]!)) e--;
  return {
    task: node.code,
    organizations,
    duty: cleanPassage(mt, from, e),
    deadlines: deadlinesWithin(mt, deadlines, from, e),
    span: mt.spanOf(from, e),
    quote: mt.quoteOf(from, e),
  };
}

function dedupe(bodies: AssignedOrganization[]): AssignedOrganization[] {
  const seen = new Set<string>();
  return bodies.filter((b) => !seen.has(b.key) && seen.add(b.key));
}

/** The bodies of the list that starts at `from`, up to the next verb. */
function objectList(
  mt: MatchingText,
  from: number,
  to: number,
  province: string | null,
  role: AssignmentRole,
): AssignedOrganization[] {
  const f = mt.folded.slice(from, Math.min(to, from + MAX_SUBJECT));
  const verb = verbAt(mt, from, f, 0);
  const end = verb ? from + verb.index : from + f.length;
  return bodyList(mt, from, end, province, role, false);
}

/** Plural class words that continue a list ("các Sở, ban, ngành", "các bộ, cơ quan ngang bộ"). */
const PLURAL = /(?:^|\s)(?:cac|nhung)\s/;
/** folded: class nouns that go on a plural list; a named body ("thị ủy", "huyện ủy") starts its own. */
const CLASS_WORD =
  /^(?:ban|nganh|doan the|dia phuong|co quan|don vi|to chuc|ca nhan|thanh pho|thi xa|thi tran|phuong|huyen|xa|cap|bo)(?![a-z])/;

/**
 * The bodies a list names: split at commas, semicolons and "và"; a piece that names no body
 * continues the one before ("Sở Kế hoạch và Đầu tư"), and so does a lower-case piece after a
 * plural class ("các Sở, ban, ngành", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương").
 */
function bodyList(
  mt: MatchingText,
  from: number,
  to: number,
  province: string | null,
  role: AssignmentRole,
  all: boolean,
): AssignedOrganization[] {
  const text = mt.text.slice(from, to);
  // pieces as [start, end) of `text`; a merged piece keeps the words between its parts as printed
  const pieces: [number, number][] = [];
  const separator = /\s*(?:[,;]|\s(?:và|cùng|với)\s)\s*/gu;
  let last = 0;
  for (const m of text.matchAll(separator)) {
    pieces.push([last, m.index]);
    last = m.index + m[0].length;
  }
  pieces.push([last, text.length]);
  const spans: [number, number][] = [];
  for (const [a, b] of pieces) {
    let s = a;
    let e = b;
    while (s < e && /[-–:\s]/.test(text[s]!)) s++;
    while (e > s && /[-–:.\s]/.test(text[e - 1]!)) e--;
    if (e <= s) continue;
    const p = text.slice(s, e);
    const previous = spans[spans.length - 1];
    const continues =
      previous !== undefined &&
      (!isBodyStart(p) ||
        (PLURAL.test(` ${fold(text.slice(previous[0], previous[1]))}`) &&
          /^\p{Ll}/u.test(p) &&
          CLASS_WORD.test(fold(p))));
    if (continues) previous[1] = e;
    else spans.push([s, e]);
  }
  const merged = spans.map(([s, e]) => text.slice(s, e).replace(/\s+/g, " "));
  const out: AssignedOrganization[] = [];
  for (const [i, name] of merged.entries()) {
    if (!isBodyStart(name)) {
      if (all && i === 0) return [];
      continue;
    }
    if (name.length > 160) continue;
    out.push({ ...organizationFromName(name, province), role });
  }
  return out;
}

/** A body's first word as printed: "Bộ", "Sở" with their marks (folded, "bố trí", "số" would pass). */
function isBodyStart(printed: string): boolean {
  if (!BODY_START.test(fold(printed))) return false;
  const first = /^(?:(?:các|những|mọi)\s+)?(\p{L}+)/iu.exec(printed.normalize("NFC"))?.[1]?.toLowerCase();
  return first !== "bố" && first !== "số" && first !== "bạn";
}

const fold = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

/** Clauses of a passage: split at semicolons, sentence ends, line breaks before a bullet and a colon before one. */
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
    const cut =
      c === ";" ||
      (c === "." && /^\.\s+[\p{Lu}\d-]/u.test(text.slice(i, i + 4))) ||
      (c === "\n" && /^\n\s*[-+•]\s/u.test(text.slice(i, i + 4))) ||
      (c === ":" && /^:\s*\n/u.test(text.slice(i, i + 3)));
    if (cut) {
      push(start, c === "\n" ? i : i + 1);
      start = i + 1;
    }
  }
  push(start, to);
  return out;
}
