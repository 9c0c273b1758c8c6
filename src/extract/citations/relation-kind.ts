import type { MatchingText } from "../text/matching-text.js";
import { EXPIRY_AFTER_CITATION, RELATION_KIND_OF_WORD, type RelationKind } from "../vocabulary/relations.js";
import { RELATION_WORD } from "../patterns.js";
import { scopeIn } from "../tree/scope-codes.js";
import { RELATION_WORDS } from "../vocabulary/phrases.js";

/** A citation's relation: its kind, and the part of the cited document it is about. */
export interface CitationRelation {
  kind: RelationKind;
  /** "Điều 5.2.a", "Chương II", "Điều 3, Điều 7": what of the cited document; null: the whole (or not said) */
  scope: string | null;
}

/** How far back a relation word may be from the first member of a list. */
const RELATION_WINDOW = 400;

/** The relation word closest before a citation, within its sentence ("Tiếp tục triển khai … Nghị quyết …"). */
export function relationBefore(mt: MatchingText, pos: number): string | null {
  return relationWordsBefore(mt, pos).at(-1)?.word ?? null;
}

/**
 * folded, at the end of the text before a relation word: a type word, so the word is part of a
 * document's name ("Luật sửa đổi, bổ sung một số điều của …", "Nghị định hướng dẫn Luật …"), not a
 * verb of this text.
 */
const TYPE_WORD_BEFORE =
  /(?<![a-z])(?:bo\s+luat|luat|phap\s+lenh|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet|chi\s+thi|van\s+ban)(?:\s+cua\s+(?:chinh\s+phu|quoc\s+hoi|bo\s+truong))?\s*$/;

/**
 * folded, between a verb and a reference: the reference is the source of a rule that is applied
 * ("… thực hiện theo quy định tại Điều 33 của Luật …"), not the object of the verb ("Bãi bỏ mức
 * thu … quy định tại khoản 1 Điều 1 Nghị quyết số …" is: the part it names).
 */
const RULE_SOURCE = /(?<![a-z])theo\s+(?:quy\s+dinh|(?:cac\s+)?(?:dieu|khoan|diem))(?![a-z])/;
/**
 * folded, the end of the gap between a verb and a reference: "theo" (not "kèm theo") or "bởi" right
 * before it ("bảo hiểm hưu trí bổ sung theo Luật …", "được sửa đổi, bổ sung bởi Luật số …"): the
 * reference is the rule followed or the agent, not the object of the verb.
 */
const AGENT_BEFORE = /(?<![a-z])(?<!kem\s{1,4})(?:theo|boi)\s*$/;
/** folded, the start of an item that names what its verb acts on: a part of a document, or a document. */
const ITEM_OBJECT_START =
  /^(?:(?:cac|toan\s+bo)\s+)?(?:dieu|khoan|diem|phu\s+luc|chuong|muc|mau|bieu|bo\s+luat|luat|phap\s+lenh|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet|chi\s+thi|hien\s+phap)(?![a-z])/;
/** folded, after "bổ sung" alone: what a verb of amendment adds to or in (a part, a phrase, a document). */
const SUPPLEMENT_OBJECT =
  /^\s*(?:(?:cac|mot\s+so)\s+)?(?:dieu|khoan|diem|phu\s+luc|chuong|muc|mau|bieu|cum\s+tu|tu\s+ngu|noi\s+dung|quy\s+dinh|vao|tai|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet|luat|bo\s+luat|phap\s+lenh)(?![a-z])/;
/** folded, right before a relation word: a document's type and number ("Pháp lệnh số 10-LCT/HĐNN7 "), so the word opens that document's subject. */
const NUMBER_BEFORE =
  /(?<![a-z])(?:bo\s+luat|luat|phap\s+lenh|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet|chi\s+thi|sac\s+lenh|sac\s+luat)\s+so\s+\d[\da-z./-]*[a-z][\da-z./-]*\s+$/;
/** folded, right before a relation word: it is passive ("được sửa đổi", "đã được thay thế", "bị bãi bỏ") or a noun ("việc sửa đổi, bổ sung giấy phép …"). */
const PASSIVE_BEFORE = /(?<![a-z])(?:duoc|bi|viec)\s+$/;
/**
 * folded, right before a relation word: a proposal or its content, no act of this text ("… trình
 * Quốc hội sửa đổi, bổ sung các quy định …", "đề xuất các nội dung sửa đổi, bổ sung …", "kiến
 * nghị sửa đổi Luật …").
 */
const PROPOSAL_BEFORE =
  /(?<![a-z])(?:trinh(?:\s+(?:quoc\s+hoi|chinh\s+phu|thu\s+tuong(?:\s+chinh\s+phu)?|uy\s+ban\s+thuong\s+vu\s+quoc\s+hoi|cap\s+co\s+tham\s+quyen))?|de\s+nghi|de\s+xuat|kien\s+nghi|(?:cac\s+)?noi\s+dung|nghien\s+cuu)\s*,?\s*$/;
/** folded, between a verb and a citation: the citation is inside a quoted phrase ("cụm từ “…"). */
const QUOTED_PHRASE = /cum\s+tu\s*["“][^"”]*$/;
/**
 * folded, the whole gap between a verb and the document it acts on: a part of it that the text
 * names without numbers ("Bãi bỏ một số cụm từ, điểm, khoản, điều của Nghị định số …", "Sửa đổi,
 * bổ sung một số điều của Luật …", "… một số nội dung quy định tại Nghị quyết số …", "bãi bỏ một
 * phần Nghị quyết số …"): group 1.
 */
const PRINTED_PART =
  /^\s*(mot\s+phan|(?:mot\s+so|cac)\s+(?:tu|cum\s+tu|tu\s+ngu|diem|khoan|dieu|phu\s+luc|chuong|muc|noi\s+dung|quy\s+dinh|mau|bieu\s+mau)(?:\s*(?:,|va|hoac)\s*(?:tu|cum\s+tu|tu\s+ngu|diem|khoan|dieu|phu\s+luc|chuong|muc|noi\s+dung|quy\s+dinh|mau|bieu\s+mau))*)(?![a-z])(?:\s+(?:cua|tai|trong|thuoc|quy\s+dinh\s+tai|ban\s+hanh\s+kem\s+theo|kem\s+theo))*(?:\s+(?:bo\s+luat|luat|phap\s+lenh|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet|chi\s+thi)(?:\s+so)?)?\s*$/;
/** folded, the gap opens with words of the document (“Thay thế cụm từ “…” bằng cụm từ “…” tại Thông tư số …”): a part. */
const WORDS_PART = /^\s*((?:(?:cac|mot\s+so)\s+)?(?:cum\s+tu|tu\s+ngu))(?![a-z])/;
/**
 * folded, the whole gap names a part by its subject ("thay thế nội dung quy định về lệ phí đăng ký
 * cư trú tại Nghị quyết số …", "bãi bỏ quy định về mức thu … của …"): group 1.
 */
const SUBJECT_PART =
  /^\s*((?:(?:cac|mot\s+so|toan\s+bo)\s+)?(?:noi\s+dung|quy\s+dinh)(?:\s+quy\s+dinh)?\s+(?:ve|lien\s+quan\s+den)\s+[^;:]{1,160}?)\s+(?:tai|cua|trong|quy\s+dinh\s+tai|ban\s+hanh\s+kem\s+theo)(?:\s+(?:bo\s+luat|luat|phap\s+lenh|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet|chi\s+thi)(?:\s+so)?)?\s*$/;
/** folded, before a relation word that a parenthesis closes right after: a label of what precedes ("Phụ lục số 03 (sửa đổi)"), not a verb. */
const LABEL_OPEN = /\(\s*$/;
/** original text: "thì" opens the main clause after a condition ("Khi chưa bãi bỏ … thì mức … tại Luật …"): a verb before it does not reach past it. */
const THEN = /(?<!\p{L})thì(?!\p{L})/iu;

/**
 * Every relation word before `pos` in its clause, in text order, with where each ends. With
 * `verbsOnly`, only the verbs of this text: words inside `titles` (the subjects of documents cited in the clause: "Thông tư số 40/2021/TT-BTC …
 * hướng dẫn thuế …; Thông tư số 100/2021/TT-BTC") describe those documents, and a word right
 * after a type word is part of a name: neither is read.
 */
export function relationWordsBefore(
  mt: MatchingText,
  pos: number,
  verbsOnly?: { titles: readonly (readonly [number, number])[] },
): { word: string; start: number; end: number }[] {
  const from = Math.max(0, pos - RELATION_WINDOW);
  // a gazette's signature stamp inside a sentence ("Người ký: …\nEmail: …\nThời gian ký: …"):
  // its colons end no clause
  let window = mt.folded.slice(from, pos).replace(SIGNATURE_STAMP, (m) => " ".repeat(m.length));
  let offset = from;
  for (;;) {
    const cut = Math.max(
      window.lastIndexOf(";"),
      window.lastIndexOf(". "),
      window.lastIndexOf(".\n"),
      window.lastIndexOf(":"),
    );
    if (cut < 0) break;
    // "… thực hiện A và B; Quy định C": a clause that is only the citation continues the list before it.
    if (window[cut] === ";" && window.slice(cut + 1).trim().length === 0) {
      window = window.slice(0, cut);
      continue;
    }
    // "quy định chi tiết Điều 11 của Luật A số …; Điều 10, Điều 11 của Luật B số …": a segment that
    // opens with a part of a document and says no verb of its own is the next object of the verb
    if (window[cut] === ";" && UNIT_SEGMENT_START.test(window.slice(cut + 1))) {
      RELATION_WORD.lastIndex = 0;
      if (!RELATION_WORD.test(window.slice(cut + 1))) {
        window = window.slice(0, cut);
        continue;
      }
    }
    window = window.slice(cut + 1);
    offset += cut + 1;
    break;
  }
  // a line that opens with "Căn cứ" opens a preamble's clause: a heading above it (a title that
  // ends with no stop, "… hướng dẫn thi hành Nghị quyết số …\n\nCăn cứ Nghị quyết số …") is not in it
  const basisLines = [...window.matchAll(/(?:^|\n)[ \t*_]*can\s+cu(?![a-z])/g)];
  const basisLine = basisLines.at(-1);
  if (basisLine && basisLine.index > 0) {
    const at = basisLine.index + 1;
    window = window.slice(at);
    offset += at;
  }
  const found: { word: string; start: number; end: number }[] = [];
  RELATION_WORD.lastIndex = 0;
  for (let m = RELATION_WORD.exec(window); m; m = RELATION_WORD.exec(window)) {
    if (verbsOnly) {
      const at = offset + m.index;
      // "Căn cứ" opening a line is this text's preamble, never a cited document's subject
      const opensBasisLine =
        m[1] === "can cu" && /(?:^|\n)[ \t*_]*$/.test(mt.folded.slice(Math.max(0, at - 8), at));
      if (!opensBasisLine && verbsOnly.titles.some(([a, b]) => at >= a && at < b)) {
        // the reference stands in that document's subject (no ";" between): the clause's verbs
        // before it are about that document, not this reference
        if (!mt.folded.slice(at, pos).includes(";")) found.length = 0;
        continue;
      }
      // right after a document's number, even one not read as a citation ("Pháp lệnh số
      // 10-LCT/HĐNN7 sửa đổi một số điều …"): that document's subject, as above
      if (NUMBER_BEFORE.test(window.slice(Math.max(0, m.index - 60), m.index))) {
        if (!mt.folded.slice(offset + m.index, pos).includes(";")) found.length = 0;
        continue;
      }
      // a type word in capitals is a heading ("NGHỊ ĐỊNH\nSửa đổi, bổ sung …": this text's own subject)
      const lookBack = Math.max(0, m.index - 40);
      const type = TYPE_WORD_BEFORE.exec(window.slice(lookBack, m.index));
      if (type) {
        const printed = mt.text.slice(
          offset + lookBack + type.index,
          offset + lookBack + type.index + type[0].length,
        );
        // "Chính phủ ban hành Nghị định sửa đổi, bổ sung …": the enacting formula names this text,
        // whose subject is its act
        const enacting = /(?<![a-z])ban\s+hanh\s*$/.test(
          mt.folded.slice(Math.max(0, offset + lookBack + type.index - 20), offset + lookBack + type.index),
        );
        if (printed !== printed.toUpperCase() && !enacting) continue;
      }
    }
    // "bổ sung" alone is a verb when a part or a document follows ("Bổ sung khoản 3 vào Điều 5",
    // "bổ sung một số điều của"); else it qualifies a noun ("bầu bổ sung", "hưu trí bổ sung")
    if (
      verbsOnly &&
      m[1]!.replace(/\s+/g, " ") === "bo sung" &&
      !SUPPLEMENT_OBJECT.test(window.slice(m.index + m[0].length))
    )
      continue;
    // "Phụ lục số 03 (sửa đổi)": a label in parentheses, not a verb
    if (
      verbsOnly &&
      LABEL_OPEN.test(window.slice(Math.max(0, m.index - 3), m.index)) &&
      /^\s*\)/.test(window.slice(m.index + m[0].length))
    )
      continue;
    const printed = m[1]!.replace(/\s+/g, " ");
    const word =
      RELATION_WORDS.get(printed) ?? RELATION_WORDS.get(printed.replace(/\s*,\s*/g, ", ")) ?? printed;
    found.push({ word, start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return found;
}

/** folded: the first words of a segment after ";" that is still a subject of the same sentence (a unit of a document, a document). */
const UNIT_SEGMENT_START =
  /^[ \t]*(?:(?:cac|toan bo)\s+)?(?:dieu|khoan|diem|phu\s+luc|chuong|muc|(?:nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet|luat|bo\s+luat|phap\s+lenh)(?:\s+lien\s+tich)?\s+so)(?![a-z])/;
/** folded: the lines of a gazette's digital signature stamp, same length when blanked. */
const SIGNATURE_STAMP = /(?<=^|\n)[ \t]*(?:nguoi ky|email|co quan|thoi gian ky)\s*:[^\n]*/g;
/** folded: a gazette's page break inside a sentence ("\n\nCÔNG BÁO/Số 199/Ngày …\n95\n"), read as spaces. */
const PAGE_BREAK = /\n[ \t\n\d]*cong bao\/[^\n]*(?:\n[ \t\d]*(?=\n))*/g;
/** folded: the document is said to end ("hết hiệu lực", "chấm dứt hiệu lực"), not this one ("… Nghị định này hết hiệu lực"). */
/** (typed "hết liệu lực" in a gazette copy: one letter off, same words) */
const ENDS = /(?<![a-z])(?:het|cham\s+dut)\s+(?:hieu|lieu)\s+luc/;

/**
 * The clause a citation stands in, from its end: up to a ":", a sentence end or a paragraph (a
 * gazette's page break is not one), and over a ";" followed on the same line by another unit or
 * document ("Điều 25 Nghị định số 55/2024/NĐ-CP …; Điều 48 … Nghị định số 146/2025/NĐ-CP … chấm
 * dứt hiệu lực": subjects of one verb).
 */
function clauseAfter(folded: string, ownEnd: number, max: number): string {
  const rest = folded.slice(ownEnd, ownEnd + max).replace(PAGE_BREAK, (m) => " ".repeat(m.length));
  let from = 0;
  for (;;) {
    const at = rest.slice(from).search(/[;:]|\.\s|\n\s*\n/);
    if (at < 0) return rest;
    const stop = from + at;
    if (rest[stop] === ";" && UNIT_SEGMENT_START.test(rest.slice(stop + 1))) {
      from = stop + 1;
      continue;
    }
    return rest.slice(0, stop);
  }
}

/** folded, right before a citation: it is the agent of a passive amendment ("đã được sửa đổi, bổ sung một số điều theo", "được sửa đổi, bổ sung bởi", "được sửa đổi tại"). */
const AMENDED_BY =
  /(?<![a-z])(?:duoc|bi)\s+(?:sua\s+doi|bo\s+sung|thay\s+the)(?:\s*,?\s*bo\s+sung)?[a-z\d\s,]{0,60}?(?<![a-z])(?:theo|boi|tai)\s*$/;

/** folded, a clause that opens a preamble's basis ("Căn cứ …"). */
const BASIS_CLAUSE = /^[\s*_]*can\s+cu(?![a-z])/;

/** folded, the clause before `pos`: back to a ";", ":", a sentence end or a paragraph. */
function clauseBefore(folded: string, pos: number): string {
  const before = folded.slice(Math.max(0, pos - 300), pos);
  const cut = Math.max(
    before.lastIndexOf(";"),
    before.lastIndexOf(":"),
    before.lastIndexOf(". "),
    before.lastIndexOf(".\n"),
    before.lastIndexOf("\n\n"),
  );
  return before.slice(cut + 1);
}

/**
 * "Nghị định số 75/2024/NĐ-CP điều chỉnh lương hưu … hết hiệu lực thi hành kể từ ngày …": the
 * cited document is said to end later in its clause, after its title, unless it is this document
 * that ends ("… kể từ ngày Nghị định này hết hiệu lực"). The scope is what the clause names before
 * the citation ("Điều 25 Nghị định số 55/2024/NĐ-CP … hết hiệu lực").
 */
function expiryInItsClause(
  mt: MatchingText,
  leadStart: number,
  ownEnd: number,
  firstOfList: boolean,
): CitationRelation | null {
  const { folded } = mt;
  let ends = EXPIRY_AFTER_CITATION.test(folded.slice(ownEnd, ownEnd + 240));
  if (!ends) {
    const clause = clauseAfter(folded, ownEnd, 800);
    const at = clause.search(ENDS);
    // the citation is the subject of "hết hiệu lực": not "… Nghị định này hết hiệu lực", "… cho đến
    // khi hết hiệu lực của Giấy phép", nor past "thì" (another clause's predicate)
    const before = clause.slice(0, at).trimEnd();
    ends =
      at >= 0 &&
      !/(?:nay|khi|ngay|den)$/.test(before) &&
      !/^[a-z\s]*?hieu\s+luc(?:\s+thi\s+hanh)?\s+cua(?![a-z])/.test(
        clause.slice(at).replace(/^(?:het|cham\s+dut)\s+/, ""),
      ) &&
      !THEN.test(mt.text.slice(ownEnd, ownEnd + at)) &&
      // "… tiếp tục thực hiện cho đến khi Luật … hết hiệu lực": the expiry of a time condition
      !/(?<![a-z])(?:den|truoc|sau)\s+khi(?![a-z])/.test(before);
  }
  if (!ends) return null;
  // a time condition, not a statement: "… tiếp tục thực hiện cho đến khi Luật … số … hết hiệu lực"
  if (/(?<![a-z])khi\s*$/.test(folded.slice(Math.max(0, leadStart - 20), leadStart))) return null;
  // the agent of a passive amendment before it ("Luật A đã được sửa đổi, bổ sung một số điều theo
  // Luật số B và Luật số C … hết hiệu lực"): A ends, not the documents that amended it
  // (a document followed by its own "đã được sửa đổi …" is another subject: "…, Luật B số … đã được
  // sửa đổi, bổ sung theo … hết hiệu lực")
  if (
    AMENDED_BY.test(clauseBefore(folded, leadStart)) &&
    !/^[\s,]*(?:da\s+)?duoc\s+(?:sua\s+doi|bo\s+sung)/.test(folded.slice(ownEnd, ownEnd + 40))
  )
    return null;
  const exception = exceptedParts(mt, ownEnd);
  if (!firstOfList) return { kind: "REPEALS", scope: exception };
  const before = folded.slice(Math.max(0, leadStart - 300), leadStart);
  const cut = Math.max(
    before.lastIndexOf(";"),
    before.lastIndexOf(":"),
    before.lastIndexOf(". "),
    before.lastIndexOf(".\n"),
  );
  return {
    kind: "REPEALS",
    scope: scopeIn(mt, leadStart - before.length + cut + 1, leadStart) ?? exception,
  };
}

/**
 * "… hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ các quy định tại các điều 3, 4, 5
 * …" / "…, trừ Điều 75 của Luật Đầu tư số 67/2014/QH14": parts of the ending document stay in
 * force, so it ends in part; the scope is the exception as printed ("trừ Điều 75 …"). Null when
 * the clause makes none, or its exception is a case of this text ("trừ trường hợp quy định tại
 * Điều 48 của Luật này") or lasts only until a date (the whole ends then).
 */
function exceptedParts(mt: MatchingText, ownEnd: number): string | null {
  const clause = clauseAfter(mt.folded, ownEnd, 800);
  const ends = clause.search(ENDS);
  if (ends < 0) return null;
  const m = /,\s*tru\s+/.exec(clause.slice(ends));
  if (!m) return null;
  const from = ends + m.index + m[0].length;
  const rest = clause.slice(from);
  if (/^(?:cac\s+)?truong\s+hop/.test(rest)) return null;
  if (
    /(?<![a-z])(?:bo\s+luat|luat|phap\s+lenh|nghi\s+dinh|thong\s+tu|nghi\s+quyet|quyet\s+dinh)\s+nay(?![a-z])/.test(
      rest,
    )
  )
    return null;
  if (/(?<![a-z])den\s+(?:het\s+)?(?:ngay|nam)(?![a-z])/.test(rest)) return null;
  if (!/(?<![a-z])(?:dieu|khoan|diem|chuong|muc|phu\s+luc|quy\s+dinh)(?![a-z])/.test(rest)) return null;
  const start = ownEnd + from - "trừ ".length;
  return mt.text
    .slice(start, ownEnd + from + Math.min(rest.length, 200))
    .replace(/\s+/g, " ")
    .replace(/\s*(?:(?:vẫn\s+)?(?:tiếp tục|còn)\s+có\s+hiệu lực|vẫn còn hiệu lực)[^]*$/u, "")
    .replace(/[\s.;,]+$/u, "")
    .trim();
}

/** folded, at the end of the sentence a citation opens: a consolidated text names its base ("Thông tư số … , được sửa đổi, bổ sung bởi:"). */
const CONSOLIDATION_LEAD_END = /duoc\s+sua\s+doi\s*,?\s*bo\s+sung\s+(?:boi|theo)\s*$/;

/** An item marker at a line start: "a)", "b.", "-", "+", "1.", "2)". */
const ITEM_START = /^[ \t]*(?:[a-zđ]\)|[a-zđ]\.|\d{1,2}[.)]|[-+•])\s/;
/** folded, an item that opens with this document ("Bộ luật này …", "Nghị định này …"). */
const SELF_ITEM_START =
  /^(?:bo\s+luat|luat|phap\s+lenh|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet|chi\s+thi)\s+nay(?![a-z])/;
/** folded, a line that is an article's heading ("Điều 517. Hiệu lực thi hành"). */
const ARTICLE_HEADING = /^[ \t*_#]*dieu\s+\d{1,3}[a-z]?\s*[.:]/;
/** How far back the lead of a list may be. */
const LIST_LEAD_WINDOW = 12000;

/**
 * A citation that opens an item of a list ("a) Nghị định số 115/2015/NĐ-CP …", "c) Khoản 5 Điều 4
 * của Nghị định số …") takes the relation of the list's lead, the line before the items that ends
 * with a colon ("… các Nghị định sau đây hết hiệu lực thi hành:", "Bãi bỏ các văn bản sau:"); its
 * scope is what the item names before the citation.
 */
function listLeadRelation(mt: MatchingText, leadStart: number): CitationRelation | null {
  const { text, folded } = mt;
  // the item's first line: back over the lines it wraps on (the line above ends with no ";", ":", ".")
  let lineStart = text.lastIndexOf("\n", leadStart - 1) + 1;
  // a number that ends a wrapped reference ("… khoản 1 Điều⏎13) và Điều 16 Thông tư số …") is no item's marker
  const wrappedNumber = (at: number): boolean =>
    /(?<![a-z])(?:dieu|khoan|diem|muc|chuong|so)\s*$/.test(folded.slice(Math.max(0, at - 12), at).trimEnd());
  while (
    lineStart > 0 &&
    leadStart - lineStart < 600 &&
    (!ITEM_START.test(text.slice(lineStart, lineStart + 40)) || wrappedNumber(lineStart))
  ) {
    const above = text.lastIndexOf("\n", lineStart - 2) + 1;
    const line = text.slice(above, lineStart - 1).trimEnd();
    if (line === "" || /[;:.]$/.test(line)) break;
    lineStart = above;
  }
  // an item: a marked line, or a line that opens with the citation ("Nghị định số 320/2025/NĐ-CP …"
  // under "Văn bản này được hợp nhất từ 02 Nghị định sau:")
  if (
    !ITEM_START.test(text.slice(lineStart, lineStart + 40)) &&
    text.slice(lineStart, leadStart).trim() !== ""
  )
    return null;
  // the item names what the lead's verb acts on: the citation opens it, or a part of a document
  // does ("c) Khoản 5 Điều 4 của Nghị định …"); "d) Chủ động rà soát Luật …" has a verb of its own
  const prefix = folded
    .slice(lineStart, leadStart)
    .replace(/^[ \t]*(?:[a-zđ]\)|[a-zđ]\.|\d{1,2}[.)]|[-+•])?\s*/, "");
  if (prefix.trim() !== "" && !ITEM_OBJECT_START.test(prefix)) return null;
  // "1. Bộ luật này có hiệu lực …": this document speaks, it is no object of a lead's verb
  if (SELF_ITEM_START.test(prefix)) return null;
  // another document numbered before it in the item: the citation is in that one's subject
  if (/(?<![a-z])so\s{0,2}\d/.test(prefix)) return null;
  // back over the items (and their wrapped lines) to the line that ends with ":"
  let end = lineStart - 1;
  const limit = Math.max(0, leadStart - LIST_LEAD_WINDOW);
  while (end > limit) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = folded.slice(start, end).trimEnd();
    // an article's heading: the lead of a list is inside the item's own article; a heading that
    // announces the list is its lead ("Điều 1. Bãi bỏ toàn bộ 15 văn bản quy phạm pháp luật")
    if (ARTICLE_HEADING.test(line) && !line.endsWith(":")) {
      if (!/(?<![a-z])(?:van\s+ban|sau\s+day|nhu\s+sau)(?![a-z])/.test(line)) return null;
      const word = relationWordsBefore(mt, start + line.length, { titles: [] }).find(
        (w) => (RELATION_KIND_OF_WORD.get(w.word) ?? "CITES") !== "CITES",
      );
      const kind = word ? (RELATION_KIND_OF_WORD.get(word.word) ?? "CITES") : "CITES";
      if (kind === "REPEALS" || kind === "REPLACES" || kind === "SUSPENDS")
        return { kind, scope: scopeIn(mt, lineStart, leadStart) };
      return null;
    }
    if (line.endsWith(":")) {
      // the lead may wrap over the lines above it, back to its sentence start
      const before = folded.slice(Math.max(0, start - 300), end);
      const cut = Math.max(before.lastIndexOf(". "), before.lastIndexOf(".\n"), before.lastIndexOf(";"));
      const lead = before.slice(cut + 1);
      const scope = scopeIn(mt, lineStart, leadStart);
      if (/het\s+(?:hieu|lieu)\s+luc/.test(lead)) return { kind: "REPEALS", scope };
      // a consolidated text's lists: "được hợp nhất từ …:", "… được sửa đổi, bổ sung bởi:" name what it merges
      if (/hop\s+nhat\s+tu|duoc\s+sua\s+doi\s*,?\s*bo\s+sung\s+(?:boi|theo)/.test(lead))
        return { kind: "CONSOLIDATES", scope: null };
      // the lead's verb comes first ("Tạm ngưng hiệu lực … Nghị định hướng dẫn Luật … đối với các văn bản sau đây:")
      const word = relationWordsBefore(mt, start + line.length - 1, { titles: [] }).find(
        (w) => (RELATION_KIND_OF_WORD.get(w.word) ?? "CITES") !== "CITES",
      );
      const kind = word ? (RELATION_KIND_OF_WORD.get(word.word) ?? "CITES") : "CITES";
      return kind === "CITES" || kind === "BASED_ON" ? null : { kind, scope };
    }
    if (start === 0) break;
    end = start - 1;
  }
  return null;
}

/**
 * The relation a citation states, from the relation word before it (or the expiry said after it):
 * `leadStart` is where the citation (or the list it heads) begins, `ownEnd` where it ends; the
 * scope is read between the relation word and the citation ("bãi bỏ khoản 3 Điều 12 của Nghị định
 * số …"), only for the first member of a list (`firstOfList`).
 */
export function citationRelation(
  mt: MatchingText,
  leadStart: number,
  ownEnd: number,
  firstOfList: boolean,
  scopeFrom = 0,
  titles: readonly (readonly [number, number])[] = [],
): CitationRelation {
  const expiry = expiryInItsClause(mt, leadStart, ownEnd, firstOfList);
  if (expiry) return expiry;
  const words = relationWordsBefore(mt, leadStart, { titles });
  // the nearest word that says something ("Bãi bỏ điểm 4.1 … ban hành kèm theo Luật …": not "theo")
  let found = [...words].reverse().find((w) => (RELATION_KIND_OF_WORD.get(w.word) ?? "CITES") !== "CITES");
  if (!found) {
    // an item under a list's lead ("Bãi bỏ … các văn bản sau đây:" / "a) Các điều … ban hành kèm theo Nghị định số …")
    const lead = listLeadRelation(mt, leadStart);
    if (lead) return lead;
    const rest = mt.folded.slice(ownEnd, ownEnd + 500);
    const stop = rest.search(/[;:]|\.\s/);
    if (stop >= 0 && rest[stop] === ":" && CONSOLIDATION_LEAD_END.test(rest.slice(0, stop).trimEnd()))
      return { kind: "CONSOLIDATES", scope: null };
    return { kind: "CITES", scope: null };
  }
  let kind = RELATION_KIND_OF_WORD.get(found.word) ?? "CITES";
  // "Thông tư này hướng dẫn việc ủy quyền thực hiện nhiệm vụ … theo quy định tại Nghị định số …":
  // the guiding verb of this text's own scope governs; "thực hiện" is inside its object
  if (kind === "IMPLEMENTS") {
    const before = found.start;
    const guide = words.find(
      (w) =>
        w.start < before &&
        RELATION_KIND_OF_WORD.get(w.word) === "GUIDES" &&
        SELF_SUBJECT_BEFORE.test(mt.folded.slice(Math.max(0, w.start - 30), w.start)),
    );
    if (guide) {
      kind = "GUIDES";
      found = guide;
    }
  }
  // "đ) Điều 3 Thông tư số 25/2018/TT-BTC … hướng dẫn Nghị định số 146/2017/NĐ-CP … và sửa đổi, bổ
  // sung một số điều của Thông tư số 78/2014/TT-BTC": an item that names an object goes on with
  // that object's title; a verb after the object's number is in it, no act of this text
  if (kind !== "BASED_ON" && verbInObjectItem(mt, found.start)) return { kind: "CITES", scope: null };
  // a verb that acts on a document (not "thực hiện theo …", "căn cứ theo …": acting by it is implementing it)
  const gap = mt.folded.slice(found.end, leadStart);
  // a passive verb ("… được sửa đổi, bổ sung tại khoản 20 Điều 1 của Nghị định số …", "được thay
  // thế bằng Phụ lục I ban hành kèm theo Nghị định số …"): the document after it is the agent; a
  // noun ("Việc sửa đổi, bổ sung giấy phép … quy định tại … Nghị định số …") is no act of this text; a
  // citation quoted as a phrase ("Thay thế cụm từ “khoản 3 Điều 6 Nghị định số …”") is words
  if (
    (kind !== "IMPLEMENTS" &&
      kind !== "BASED_ON" &&
      (PASSIVE_BEFORE.test(mt.folded.slice(Math.max(0, found.start - 12), found.start)) ||
        PROPOSAL_BEFORE.test(mt.folded.slice(Math.max(0, found.start - 40), found.start)))) ||
    QUOTED_PHRASE.test(gap)
  )
    return { kind: "CITES", scope: null };
  if (
    kind !== "IMPLEMENTS" &&
    kind !== "BASED_ON" &&
    // "quy định chi tiết … theo quy định tại khoản 4 Điều 122 Luật …", "hướng dẫn … theo các điều,
    // khoản sau đây của Bộ luật …": what a guiding text details is named as a rule's source
    ((kind !== "GUIDES" && RULE_SOURCE.test(gap)) ||
      // "hướng dẫn … theo Nghị quyết số …": what is guided; "bởi" names an agent still
      (AGENT_BEFORE.test(gap) && !(kind === "GUIDES" && /theo\s*$/.test(gap))) ||
      UNTIL_BEFORE.test(gap) ||
      THEN.test(mt.text.slice(found.end, leadStart)))
  )
    return { kind: "CITES", scope: null };
  // a preamble's "Căn cứ …" clause states a basis: a verb in it is in a cited document's title
  // ("Căn cứ Thông tư số 15/2023/… của Bộ trưởng⏎Bộ … sửa đổi, bổ sung một số điều của Thông tư
  // số 28/2015/…", "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật … số …"), never this text's act
  if (
    (kind === "AMENDS" || kind === "REPEALS" || kind === "REPLACES" || kind === "SUSPENDS") &&
    BASIS_CLAUSE.test(clauseBefore(mt.folded, leadStart))
  )
    return { kind: "BASED_ON", scope: null };
  const scoped =
    kind === "AMENDS" ||
    kind === "REPEALS" ||
    kind === "REPLACES" ||
    kind === "SUSPENDS" ||
    kind === "GUIDES" ||
    kind === "CORRECTS";
  // the parts a citation's scope names are in its own segment of a list ("…; Điều 10, Điều 11 của Luật B")
  const lastSemicolon = gap.lastIndexOf(";");
  const from = Math.max(found.end, scopeFrom, lastSemicolon >= 0 ? found.end + lastSemicolon + 1 : 0);
  // a part named without numbers counts for the kinds that change a document's force
  const status = kind === "AMENDS" || kind === "REPEALS" || kind === "REPLACES" || kind === "SUSPENDS";
  const scope =
    scoped && firstOfList
      ? (scopeIn(mt, from, leadStart) ?? (status ? printedPart(mt, from, leadStart) : null))
      : null;
  // "Thay thế, bãi bỏ một số cụm từ tại Nghị định số …": a change of wording amends the document;
  // so does a new annex or form in place of one ("Thay thế Phụ lục … ban hành kèm theo Nghị định số …")
  if ((kind === "REPLACES" || kind === "REPEALS") && scope !== null && WORDS_ONLY.test(scope))
    return { kind: "AMENDS", scope };
  if ((kind === "REPLACES" || kind === "REPEALS") && QUOTED_WORDS.test(gap)) return { kind: "AMENDS", scope };
  if (kind === "REPLACES" && scope !== null && ANNEXES_ONLY.test(scope)) return { kind: "AMENDS", scope };
  if (kind === "REPLACES" && scope === null && firstOfList && ANNEX_REPLACED.test(gap))
    return { kind: "AMENDS", scope: "Phụ lục" };
  return { kind, scope };
}

/** A scope of annexes only ("Phụ lục 03", "Phụ lục I, Phụ lục II"). */
const ANNEXES_ONLY = /^Phụ lục [^,]+(?:, Phụ lục [^,]+)*$/u;
/** folded, the gap between "thay thế" and a document: an annex or form of it ("Phụ lục phạm vi … ban hành kèm theo", "Mẫu số 02 …"). */
const ANNEX_REPLACED =
  /^\s*(?:(?:cac|mot\s+so)\s+)?(?:phu\s+luc|mau(?:\s+so)?|bieu\s+mau|mau\s+bieu)(?![a-z])/;
/** folded, the gap between a verb and a document opens with quoted words ("Bãi bỏ cụm từ “…” tại Mục 3 Chương III … của Thông tư số …"). */
const QUOTED_WORDS = /^\s*(?:(?:cac|mot\s+so)\s+)?(?:cum\s+tu|tu\s+ngu|tu)\s*["“]/;
/** A printed part that is words only ("một số cụm từ", "cụm từ", "từ, cụm từ"). */
const WORDS_ONLY = /^(?:(?:các|một số)\s+)?(?:từ ngữ|cụm từ|từ)(?:\s*(?:,|và)\s*(?:từ ngữ|cụm từ|từ))*$/u;

/** Whether `at` lies in a list item that opens with an object (a part or a document) after that object's number. */
function verbInObjectItem(mt: MatchingText, at: number): boolean {
  const { text, folded } = mt;
  let lineStart = text.lastIndexOf("\n", at - 1) + 1;
  for (let lines = 0; lines < 8 && !ITEM_START.test(text.slice(lineStart, lineStart + 40)); lines++) {
    if (lineStart === 0) return false;
    const above = text.lastIndexOf("\n", lineStart - 2) + 1;
    const line = text.slice(above, lineStart - 1).trimEnd();
    if (line === "" || /[;:.]$/.test(line)) return false;
    lineStart = above;
  }
  if (!ITEM_START.test(text.slice(lineStart, lineStart + 40))) return false;
  const item = folded.slice(lineStart, at).replace(/^[ \t]*(?:[a-zđ]\)|[a-zđ]\.|\d{1,2}[.)]|[-+•])\s*/, "");
  // "1. Thông tư này … thay thế …": this text speaks, its verbs are its acts
  if (SELF_ITEM_START.test(item)) return false;
  return ITEM_OBJECT_START.test(item) && /(?<![a-z])so\s{0,2}\d/.test(item);
}

/**
 * A part named without numbers between a verb and the document ("Bãi bỏ một số cụm từ, điểm,
 * khoản, điều của Nghị định số …" → "một số cụm từ, điểm, khoản, điều"), as printed: the
 * statement is about a part, not the whole. Null when the gap names none.
 */
export function printedPart(mt: MatchingText, from: number, to: number): string | null {
  const gap = mt.folded.slice(from, to);
  const m = PRINTED_PART.exec(gap) ?? WORDS_PART.exec(gap) ?? SUBJECT_PART.exec(gap);
  if (!m) return null;
  const at = from + m[0].indexOf(m[1]!);
  return mt.text
    .slice(at, at + m[1]!.length)
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** Whether a scope is a part printed without numbers (printedPart), not task codes. */
export const isPrintedPart = (scope: string | null): boolean =>
  scope !== null && !/^(?:Điều|Chương|Phụ lục)\s/u.test(scope);

/**
 * What the text says of a document named without a number ("Căn cứ Luật Đất đai ngày …", "Luật
 * này thay thế Luật thương mại ngày …", "Bãi bỏ Pháp lệnh … ngày …"): the rule of a numbered
 * citation (citationRelation), with `previousEnd` the end of the reference before it, so that
 * the second member of "thay thế Luật A ngày … và Luật B …" reads no scope from A's words.
 */
export function namedRelation(
  mt: MatchingText,
  start: number,
  end: number,
  previousEnd: number,
  subjects: readonly (readonly [number, number])[] = [],
): CitationRelation {
  return citationRelation(mt, start, end, true, previousEnd, subjects);
}

/** folded, between a citation and its subject's first word: spaces, a comma, a gazette's page break ("\n\nCÔNG BÁO/Số 245/…\n53\n"). */
const SUBJECT_GAP = /^[\s,]*(?:cong\s+bao\/[^\n]*(?:\n[ \t\d]*)*)?[\s,]*/;

/**
 * Where the cited documents' subjects lie: their titles, and the word right after each citation
 * ("Thông tư số 15/2023/TT-BLĐTBXH ngày … của Bộ trưởng … sửa đổi, bổ sung một số điều của …").
 */
export function subjectRanges(
  mt: MatchingText,
  cited: readonly { ownEnd: number; titleStart: number; titleEnd: number }[],
): [number, number][] {
  return cited.flatMap((c): [number, number][] => [
    ...(c.titleStart >= 0 ? [[c.titleStart, c.titleEnd] as [number, number]] : []),
    [c.ownEnd, c.ownEnd + SUBJECT_GAP.exec(mt.folded.slice(c.ownEnd, c.ownEnd + 160))![0].length + 1],
  ]);
}

/** folded, in the gap between a verb and a reference: a time condition ("Tạm ngưng hiệu lực … cho đến khi Luật A và Nghị định hướng dẫn Luật A có hiệu lực"), the reference in its subject. */
const UNTIL_BEFORE = /(?<![a-z])khi(?![a-z])/;

/** folded, right before a verb: this text is its subject ("Thông tư này hướng dẫn …"). */
const SELF_SUBJECT_BEFORE =
  /(?<![a-z])(?:bo\s+luat|luat|phap\s+lenh|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet|chi\s+thi|huong\s+dan|ke\s+hoach)\s+nay\s*$/;

/** folded, an item's head: it repeals ("b) Bãi bỏ khoản 3 Điều 22", "b) Bỏ khoản 2 Điều 4", "Điều 60 được bãi bỏ"). */
const REPEALING_ITEM =
  /^[\s*_]*(?:(?:\d{1,2}|[a-z])[.)]\s*)?(?:bai\s+bo|bo(?!\s+sung)|huy\s+bo)(?:\s|$)|(?:duoc|bi)\s+(?:bai|huy)\s+bo/;
/** The same, on the printed text: "bỏ" is not "bộ" ("b) Bộ trưởng …"). */
const REPEALING_ITEM_PRINTED =
  /^[\s*_]*(?:(?:\d{1,2}|[a-zđ])[.)]\s*)?(?:bãi\s+bỏ|bỏ(?!\s+sung)|h[uủ][yỷ]\s+bỏ)(?:\s|$)|(?:được|bị)\s+(?:bãi|h[uủ][yỷ])\s+bỏ/u;
/** folded, an item that acts on quoted words of the document ("a) Bãi bỏ cụm từ “…” tại khoản 2 Điều 22"): a change of wording, no part repealed. */
const WORDS_ITEM =
  /^[\s*_]*(?:(?:\d{1,2}|[a-z])[.)]\s*)?(?:bai\s+bo|bo|huy\s+bo|thay\s+the|sua\s+doi)\s+(?:(?:cac|mot\s+so)\s+)?(?:cum\s+tu|tu\s+ngu|tu)\s*["“]/;
/** How far an amending list may run after its lead. */
const AMENDMENT_LIST_WINDOW = 60000;
/** A marker at a line start: group 1 a number ("7."), group 2 a letter ("a)"), group 3 an article heading ("Điều 57."). */
const LINE_MARKER = /^[ \t*_]*(?:(\d{1,2})[.)]|([a-zđ])\)|(Điều|ĐIỀU)\s+\d{1,3}[a-zđ]?\s*[.:])(?=\s)/u;

/** A part of the amended document repealed by an item of its amending list ("e) Bãi bỏ khoản 3 Điều 22 và Điều 171."). */
export interface RepealingItem {
  /** task codes of the amended document ("Điều 22.3, Điều 171") */
  scope: string;
  /** the item's first line, in the matching text */
  start: number;
  end: number;
}

/** What the items of an amending list do to the document its lead names. */
export interface AmendingList {
  /** the parts the items amend, as task codes; null when they name none */
  amended: string | null;
  /** the parts items repeal, each with its item: the same document, a second relation */
  repealed: RepealingItem[];
}

/** folded: a document's number in an item ("… của Luật đường sắt số 35/2005/QH11"): the item names its own object. */
const NUMBER_IN_ITEM = /(?<![a-z])so\s{0,2}\d{1,4}\s*[/-]/;

/**
 * "7. Sửa đổi, bổ sung một số điều của Luật Viễn thông số 41/2009/QH12 như sau:\na) Sửa đổi, bổ sung
 * điểm a khoản 2 Điều 8 như sau: “…”\nb) Bãi bỏ khoản 3 Điều 22.": an amending lead ending with a
 * colon is followed by its items, one marker level below its own; the parts of the amended document
 * are those each item names before its own colon ("như sau:"), outside the quoted new wording. An
 * item that repeals ("b) Bãi bỏ …", "Điều 60 được bãi bỏ") amends nothing: it repeals the parts it
 * names of the same document, unless it names a document of its own. Null when the citation does
 * not end such a lead or its items name no part.
 */
export function amendingList(
  mt: MatchingText,
  leadStart: number,
  ownEnd: number,
  leadRepeals = false,
): AmendingList | null {
  const { text, folded } = mt;
  const rest = folded.slice(ownEnd, ownEnd + 400);
  const leadLine = text.slice(text.lastIndexOf("\n", leadStart - 1) + 1, leadStart);
  const own = LINE_MARKER.exec(leadLine);
  // the lead ends with a colon at its line's end, or is an article's heading ("Điều 516. Sửa đổi,
  // bổ sung một số điều của Bộ luật lao động số 10/2012/QH13")
  let colon = rest.search(/[.;:]/);
  const heading = own?.[3] !== undefined && /^[ \t]*\r?\n/.test(rest);
  if (heading) colon = 0;
  else if (
    colon < 0 ||
    rest[colon] !== ":" ||
    !/^[ \t]*\r?\n/.test(text.slice(ownEnd + colon + 1, ownEnd + colon + 8))
  )
    return null;
  // the items' marker: letters under a numbered lead, numbers under an article or an unmarked lead
  const itemKind = own?.[1] ? 2 : own?.[2] ? 0 : 1;
  // the items' items: letters under numbered items
  const subKind = itemKind === 1 ? 2 : 0;
  const codes: string[] = [];
  const repealed: RepealingItem[] = [];
  const isRepealingItem = (from: number, to: number): boolean =>
    REPEALING_ITEM.test(folded.slice(from, to)) &&
    REPEALING_ITEM_PRINTED.test(text.slice(from, to).toLowerCase()) &&
    !WORDS_ITEM.test(folded.slice(from, to));
  const itemSpan = (from: number, line: string): { start: number; end: number } => ({
    start: from + (line.length - line.trimStart().length),
    end: from + line.trimEnd().length,
  });
  // the end of an item's text: its next lines up to a marked line, quoted wording or a blank line
  const itemTextEnd = (firstLineEnd: number): number => {
    let end = firstLineEnd;
    for (let lines = 0; lines < 4; lines++) {
      const next = text.indexOf("\n", end + 1);
      const line = text.slice(end + 1, next < 0 ? text.length : next);
      const trimmed = line.trim();
      if (trimmed === "" || LINE_MARKER.test(line) || /^["“]/.test(trimmed) || next - firstLineEnd > 800)
        break;
      end = next < 0 ? text.length : next;
      if (next < 0) break;
    }
    return end;
  };
  let subRepeals = false;
  let codesClosed = false;
  let depth = 0;
  let sawItem = false;
  let at = text.indexOf("\n", ownEnd + colon) + 1;
  const limit = Math.min(text.length, ownEnd + AMENDMENT_LIST_WINDOW);
  while (at > 0 && at < limit) {
    const next = text.indexOf("\n", at);
    const lineEnd = next < 0 ? text.length : next;
    const line = text.slice(at, lineEnd);
    if (depth === 0) {
      const marker = LINE_MARKER.exec(line);
      const trimmed = line.trim();
      if (trimmed.startsWith("“") || trimmed.startsWith('"')) {
        // quoted new wording: skipped below
      } else if (marker && itemKind && marker[itemKind]) {
        const head = folded.slice(at, lineEnd);
        const stop = head.search(/nhu\s+sau|:/);
        const headEnd = stop < 0 ? lineEnd : at + stop;
        sawItem = true;
        subRepeals = false;
        if (isRepealingItem(at, headEnd)) {
          // "6. Bãi bỏ⏎Mục 3 Chương II … gồm các Điều 32, 33 …; bãi bỏ khoản 5 Điều 30 …": the
          // parts may follow on the item's next lines
          const itemEnd = stop < 0 ? itemTextEnd(lineEnd) : headEnd;
          const scope = NUMBER_IN_ITEM.test(folded.slice(at, itemEnd)) ? null : scopeIn(mt, at, itemEnd);
          if (scope)
            repealed.push({
              scope,
              ...itemSpan(at, text.slice(at, itemEnd)),
            });
          // "4. Bãi bỏ một số cụm từ, khoản như sau:": its own items name what it repeals
          else subRepeals = stop >= 0 && !NUMBER_IN_ITEM.test(folded.slice(at, headEnd));
        } else if (!leadRepeals && !codesClosed && !REPEALING_ITEM.test(folded.slice(at, headEnd))) {
          const scope = scopeIn(mt, at, headEnd);
          if (scope) codes.push(...scope.split(", "));
        }
      } else if (marker && subKind && marker[subKind]) {
        // an item of an item: read only under an item that repeals and names no part itself. Past
        // unquoted items of items, the lead's amended parts are no longer read (an item's own
        // items may be relative to it), its repeals still are
        codesClosed = true;
        if (subRepeals) {
          const head = folded.slice(at, lineEnd);
          const stop = head.search(/nhu\s+sau|:/);
          const headEnd = stop < 0 ? lineEnd : at + stop;
          const bare = head.replace(/^[\s*_]*[a-z\d]{1,2}[.)]\s*/, "");
          if (
            (isRepealingItem(at, headEnd) || ITEM_OBJECT_START.test(bare)) &&
            !WORDS_ITEM.test(folded.slice(at, headEnd)) &&
            !NUMBER_IN_ITEM.test(folded.slice(at, headEnd))
          ) {
            const scope = scopeIn(mt, at, headEnd);
            if (scope) repealed.push({ scope, ...itemSpan(at, line) });
          }
        }
      } else if (marker || /^\s*(?:chuong|muc)\s+[ivxlc\d]+\b/.test(folded.slice(at, lineEnd))) {
        break; // the lead's level (or above) again: the list has ended
      } else if (trimmed !== "" && !sawItem) {
        break; // text before any item: not an amending list
      }
    }
    depth = Math.max(0, depth + (line.match(/“/g)?.length ?? 0) - (line.match(/”/g)?.length ?? 0));
    if (next < 0) break;
    at = next + 1;
  }
  if (codes.length === 0 && repealed.length === 0) return null;
  return { amended: codes.length > 0 ? [...new Set(codes)].join(", ") : null, repealed };
}
