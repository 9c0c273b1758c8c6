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
    ]
      // a verb's words may be printed across a line break ("ban\nhành")
      .map((v) => v.replace(/ /g, String.raw`\s+`))
      .join("|") +
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
 * list's "Đơn vị chủ trì:", and the rows of a task table printed one cell per line (tableRows). The
 * items of an implementation section that scanResponsibilities read (`implementation`) keep that
 * reading unless it took a duty's words for a body or the item's lines each assign a duty (then
 * they are read here); the passages it left are read here. Each body carries its role: the one that "chủ trì" leads, those it
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
    let listEnd = -1;
    for (const [cs, ce] of headingLinesApart(mt, clauses(mt, node.contentFrom, ownEnd))) {
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
          // "1. Giám đốc các Sở …; Chủ tịch Ủy ban nhân dân các xã, phường:": a heading's list goes on past a semicolon
          const goesOn =
            listEnd > 0 && mt.text[listEnd - 1] === ";" && /^\s*$/.test(mt.text.slice(listEnd, cs));
          subject = goesOn ? [...subject, ...own] : own;
          if (cs === node.contentFrom || goesOn) headingBodies.set(node, subject);
          listEnd = ce;
        }
        continue;
      }
      const verbWord = verb[0].replace(/\s+/g, " ");
      const after = cs + verb.index + verb[0].length;
      const bodies: AssignedOrganization[] = [];
      // copies: a heading's bodies take the role of each duty under it
      if (directs) bodies.push(...subject.map((b) => ({ ...b })), ...own);
      else if (own.length > 0) bodies.push(...own);
      else if (verb.index === p) bodies.push(...subject.map((b) => ({ ...b })));
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
  const meets = (a: readonly [number, number], b: readonly [number, number]): boolean =>
    a[0] < b[1] && b[0] < a[1];
  // … unless it took a duty's words for a body ("Sở Nông nghiệp và Môi trường - Là cơ quan thường trực",
  // "Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh"): then the passage is read here
  // or of a body heading an item whose lines each assign a duty ("2. Sở Nông nghiệp và Môi trường\n- Là
  // cơ quan thường trực …\n- Chủ trì, phối hợp với …"), read here one by one with their roles
  const kept = implementation.filter((r) => {
    const within = out.filter((o) => meets(o.span, r.span));
    if (within.length === 0) return true;
    if (r.organizations.some((o) => misreadBody(o.printed ?? o.name))) return false;
    const at = mt.text.indexOf(r.quote?.split("\n")[0] ?? "\u0000", r.span[0]);
    if (at >= 0 && bodyLine(mt, at, r.span[1]) !== null) return false;
    if (within.some((w) => w.organizations.some((o) => misreadBody(o.printed ?? o.name)))) return true;
    return !(
      within.length > 1 &&
      r.organizations.every((o) => within.some((w) => w.organizations.some((b) => b.key === o.key)))
    );
  });
  const taken = kept.map((r) => r.span);
  const read = [...kept, ...out.filter((r) => !taken.some((t) => meets(t, r.span)))];
  const rows = tableRows(mt, deadlines, province).filter((r) => !read.some((o) => meets(o.span, r.span)));
  return [...read, ...rows];
}

/** A body's name that holds the words of a duty: a lower-case verb, "giao", a dash before a capital, "trong việc". */
function misreadBody(name: string): boolean {
  const f = fold(name);
  const printed = name.normalize("NFC");
  if (!isBodyStart(printed)) return true;
  // a list read as one name ("Bộ trưởng và Thủ trưởng cơ quan ngang bộ và Chủ tịch …")
  if (printed.split(/\s+và\s+/u).filter((part) => isBodyStart(part) && /^\p{Lu}/u.test(part)).length > 1)
    return true;
  if (/\s(?:giao|trong việc|theo nhiệm vụ)(?!\p{L})|\s[-–]\s+\p{Lu}/u.test(printed)) return true;
  VERB.lastIndex = 0;
  for (let m = VERB.exec(f); m; m = VERB.exec(f)) {
    if (m.index === 0 || NAME_BEFORE_VERB.test(f.slice(Math.max(0, m.index - 12), m.index))) continue;
    const at = f.slice(0, m.index).split(/\s+/).length - 1;
    const word = printed.split(/\s+/)[at] ?? "";
    if (word === word.toLowerCase()) return true;
  }
  return false;
}

/** folded: the header cells of a task table's lead and partner columns ("Sở, ngành chủ trì, tham mưu", "Đơn vị phối hợp thực hiện"). */
const LEAD_COLUMN = /^[^:]{0,40}\bchu tri\b[^:]{0,30}$/;
const SUPPORT_COLUMN = /^[^:]{0,40}\bphoi hop\b[^:]{0,30}$/;
const TASK_COLUMN = /^(?:ten\s+)?(?:nhiem vu|noi dung)\b[^:]{0,30}$/;
const TIME_COLUMN = /^thoi gian\b[^:]{0,30}$/;

/**
 * The rows of a task table printed one cell per line (an appendix "TT | Tên nhiệm vụ | Sở, ngành
 * chủ trì | Đơn vị phối hợp | Thời gian thực hiện"): after a header with a lead column, a partner
 * column and a time column, each row is a block of lines opened by its number, its last three
 * lines the lead, the partners and the time, the lines before them the task. A cell is split at
 * semicolons; a plural class ("Các Sở, ban, ngành và các cơ quan, đơn vị liên quan") is one body.
 */
function tableRows(
  mt: MatchingText,
  deadlines: readonly RawDeadline[],
  province: string | null,
): Responsibility[] {
  const out: Responsibility[] = [];
  const lines: [number, number][] = [];
  for (let s = 0; s <= mt.text.length;) {
    const nl = mt.text.indexOf("\n", s);
    const e = nl < 0 ? mt.text.length : nl;
    lines.push([s, e]);
    s = e + 1;
  }
  const folded = (l: [number, number]): string => fold(mt.text.slice(l[0], l[1]));
  for (let i = 0; i + 2 < lines.length; i++) {
    // the columns in this order, the task's before the lead's ("Tên nhiệm vụ | Sở, ngành chủ trì | Đơn vị phối hợp | Thời gian")
    const columns =
      i > 0 &&
      TASK_COLUMN.test(folded(lines[i - 1]!)) &&
      LEAD_COLUMN.test(folded(lines[i]!)) &&
      !/\bnhiem vu\b/.test(folded(lines[i]!)) &&
      SUPPORT_COLUMN.test(folded(lines[i + 1]!)) &&
      TIME_COLUMN.test(folded(lines[i + 2]!));
    if (!columns) continue;
    // rows after the header, each opened by a line holding its number alone, up to a blank line or the next row
    let j = i + 3;
    while (j < lines.length && j < i + 20 && !/^\d{1,3}\.?$/.test(folded(lines[j]!))) j++;
    while (j < lines.length) {
      const number = /^(\d{1,3})\.?$/.exec(folded(lines[j]!));
      if (!number) break;
      const block: [number, number][] = [lines[j++]!];
      // a row short of its five cells goes on past a blank line
      for (;;) {
        while (j < lines.length && folded(lines[j]!) !== "" && !/^\d{1,3}\.?$/.test(folded(lines[j]!)))
          block.push(lines[j++]!);
        while (j < lines.length && folded(lines[j]!) === "") j++;
        if (block.length >= 5 || j >= lines.length || /^\d{1,3}\.?$/.test(folded(lines[j]!))) break;
      }
      if (block.length < 5) continue;
      const [lead, support, time] = block.slice(-3) as [[number, number], [number, number], [number, number]];
      // each cell on its line: the lead's and the partners' name bodies
      const text = (l: [number, number]): string => mt.text.slice(l[0], l[1]).trim();
      if (!isBodyStart(text(lead)) || !isBodyStart(text(support))) continue;
      const leads = cellBodies(mt, lead, province, "lead");
      if (leads.length === 0) continue;
      const bodies = dedupe([...leads, ...cellBodies(mt, support, province, "support")]);
      const from = block[1]![0];
      const r = responsibility(mt, { code: `PL.${number[1]}` } as TreeNode, from, time[1], bodies, deadlines);
      r.duty = cleanPassage(mt, from, block[block.length - 4]![1]).replace(/[.;:]$/u, "");
      out.push(r);
    }
    i = j;
  }
  return out;
}

function cellBodies(
  mt: MatchingText,
  [from, to]: [number, number],
  province: string | null,
  role: AssignmentRole,
): AssignedOrganization[] {
  const out: AssignedOrganization[] = [];
  let s = from;
  for (const part of `${mt.text.slice(from, to)};`.split(";")) {
    const e = s + part.length;
    const name = part.replace(/\s+/g, " ").trim();
    if (/^(?:các|những)\s/iu.test(name) && isBodyStart(name) && name.length <= 160)
      out.push({ ...organizationFromName(name, province), role });
    else if (name.length > 0) out.push(...bodyList(mt, s, e, province, role, false));
    s = e + 1;
  }
  return out;
}

/**
 * Where a clause's first line ends when that line names a body and nothing else and the next
 * line opens with a capitalised verb ("3. Bộ Công Thương\nChủ trì, phối hợp với …"); else null.
 */
function bodyLine(mt: MatchingText, cs: number, ce: number): number | null {
  const nl = mt.text.indexOf("\n", cs);
  if (nl <= cs || nl >= ce) return null;
  const line = mt.text.slice(cs, nl).trim();
  if (line.length > 100 || !isBodyStart(line) || /(?:\s(?:và|của)|[,\-–])$/u.test(line)) return null;
  if (verbAt(mt, cs, fold(line), 1) !== null) return null;
  const next = mt.text.slice(nl + 1, ce).replace(/^\s+/, "");
  if (!/^\p{Lu}/u.test(next)) return null;
  VERB.lastIndex = 0;
  const m = VERB.exec(fold(next));
  return m && m.index === 0 ? nl : null;
}

/** folded: an assignment that opens inside a sentence ("… đã đề ra và yêu cầu Ủy ban nhân dân tỉnh tăng cường …"). */
const INNER_ASSIGNMENT = /\s(?:va|dong thoi)\s+(?=(?:giao(?:\s+cho)?|yeu cau|de nghi)\s)/g;

/** A clause split where an assignment opens inside it: the assignment is a clause of its own. */
function assignmentsApart(mt: MatchingText, spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [cs, ce] of spans) {
    let s = cs;
    for (const m of mt.folded.slice(cs, ce).matchAll(INNER_ASSIGNMENT)) {
      const at = cs + m.index;
      if (at > s) out.push([s, at]);
      s = at + m[0].length;
    }
    out.push([s, ce]);
  }
  return out;
}

/**
 * A heading "Trách nhiệm (của) X" on a line of its own is a clause of its own: the line after it
 * starts the duty ("5. Trách nhiệm của Bộ Quốc phòng\nPhối hợp với Bộ Công an …").
 */
function headingLinesApart(mt: MatchingText, spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [cs, ce] of assignmentsApart(mt, spans)) {
    const nl = mt.text.indexOf("\n", cs);
    const f = mt.folded.slice(cs, ce).replace(/^[-+•*]\s*/, "");
    const heading = RESPONSIBILITY_HEADING.test(f) || bodyLine(mt, cs, ce) !== null;
    if (nl > cs && nl < ce && heading && mt.text.slice(nl + 1, ce).trim().length > 0) {
      let e = nl;
      while (e > cs && /\s/.test(mt.text[e - 1]!)) e--;
      let s = nl + 1;
      while (s < ce && /\s/.test(mt.text[s]!)) s++;
      out.push([cs, e], [s, ce]);
    } else out.push([cs, ce]);
  }
  return out;
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

/** folded: a class noun standing alone, the head of a list of classes ("bộ, ngành, địa phương"). */
const BARE_CLASS =
  /^(?:bo|nganh|so|ban|dia phuong|co quan|don vi)(?:,? (?:bo|nganh|so|ban|dia phuong|co quan|don vi))*$/;

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
    // a name ends before the words of a duty's circumstances ("cơ quan, đơn vị có liên quan trong quá trình")
    const circumstance = /\s(?:trong|theo|để|nhằm)\s/u.exec(text.slice(s, e));
    if (circumstance && circumstance.index > 0) e = s + circumstance.index;
    if (e <= s) continue;
    if (circumstance && circumstance.index > 0) {
      // the list ends there
      const previous = spans[spans.length - 1];
      if (previous && !isBodyStart(text.slice(s, e))) previous[1] = e;
      else spans.push([s, e]);
      break;
    }
    const p = text.slice(s, e);
    const previous = spans[spans.length - 1];
    const before = previous ? fold(text.slice(previous[0], previous[1])) : "";
    const continues =
      previous !== undefined &&
      (!isBodyStart(p) ||
        ((PLURAL.test(` ${before}`) || BARE_CLASS.test(before)) &&
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
  return first !== "bố" && first !== "số" && first !== "sơ" && first !== "bản" && first !== "bạn";
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
