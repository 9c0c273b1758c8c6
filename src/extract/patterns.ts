/**
 * Every regular expression of the extractor, named, in one place. Patterns marked "folded" run
 * on the folded text (lower case, no diacritics, same offsets). All quantifiers are bounded or
 * separated by literal tokens, so no pattern can backtrack catastrophically on long input.
 */
import { foldKey } from "./text/fold-vietnamese.js";
import { DOCUMENT_TYPES, TYPE_ABBREVIATIONS } from "./vocabulary/document-types.js";
import { ORGANIZATIONS } from "./vocabulary/organizations.js";
import { PROVINCES, PROVINCE_SPELLINGS } from "./vocabulary/provinces.js";
import { COMPARATORS, UNITS } from "./vocabulary/quantities.js";
import { ORDINAL_NUMBERS } from "./vocabulary/structure.js";
import { BODY_HEAD_WORDS, DUTY_VERBS, RELATION_WORDS } from "./vocabulary/phrases.js";

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** A folded phrase as a pattern source: words separated by any white space (line breaks included). */
export const phraseSource = (folded: string): string =>
  folded
    .split(/[\s,\-–]+/)
    .filter((w) => w.length > 0)
    .map(escape)
    .join(String.raw`[\s,\-–]+`);
const alternation = (phrases: readonly string[]): string =>
  [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map(phraseSource)
    .join("|");

// ---------------------------------------------------------------- symbols

/** One code of a symbol: letters, term digits (QH14), and "&" joining two codes ("CCHC&PC"). */
const CODE = String.raw`[A-Za-zĐđƯư]{1,12}\d{0,2}(?:&[A-Za-zĐđƯư]{1,12})?`;
/** Any dash a converter may print for the hyphen. */
const DASH = String.raw`[-–—‐‑−]`;
/**
 * A document symbol, the one grammar for every printed form:
 * - Party `26-NQ/TW`; the hyphen may be spaced or any dash (`15 – NQ/TU`), lost in conversion
 *   (`294QĐ/TW`) or printed as a space (`57 QĐ/TWĐTN`): without a dash the type code starts
 *   with a capital (the scan then also wants a type word or "số" before it);
 * - State `128/NQ-CP`, `16/2021/NQ-HĐND`, `45/2019/QH14`;
 * - joint (liên tịch) `07/2010/NQLT/CP-UBTUMTTQVN`: a type code ending in LT, a second slash;
 * - codes joined by "&" (`1234/SNV-CCHC&PC`).
 * White space is allowed after a dash or slash because OCR and PDF line breaks put it there.
 */
export const SYMBOL = new RegExp(
  String.raw`(?<![\p{L}\p{N}\/.,:\-])(?:` +
    String.raw`\d{1,4}(?:\s{0,3}${DASH}\s{0,3}[A-Za-zĐđ]{1,6}|\s?[A-ZĐ][A-Za-zĐđ]{0,5})\s{0,2}\/\s{0,2}${CODE}(?:${DASH}\s{0,2}${CODE}){0,3}` +
    String.raw`|\d{1,5}(?:\.\d{1,3})?\s{0,2}\/\s{0,2}(?:(?:19|20)\d{2}\s{0,2}\/\s{0,2})?` +
    String.raw`(?:[A-ZĐ][A-Za-zĐđ]{0,4}LT\s{0,2}\/\s{0,2})?${CODE}(?:${DASH}\s{0,2}${CODE}){0,7}` +
    String.raw`)(?![\p{L}\p{N}])`,
  "gu",
);
/**
 * sticky, after a State symbol that ends with its type code ("1909/QĐ"): a spaced dash and a code
 * ("1909/QĐ – TTg"); the scan takes it in only when the code is a known issuer code.
 */
export const SYMBOL_SPACED_DASH_CODE = new RegExp(
  String.raw`[ \t]{1,2}${DASH}[ \t]{0,2}([A-ZĐ][A-Za-zĐđ]{0,11}\d{0,2})(?![\p{L}\p{N}])`,
  "uy",
);
/**
 * sticky, right after a symbol: a line break inside its last code ("12/QĐ-UB\nND"); the scan
 * takes the letters in only when they complete a known issuer code that the part before is not.
 */
export const SYMBOL_CODE_AFTER_BREAK = /[ \t]*\n[ \t]*([A-ZĐ]{1,6}\d{0,2})(?![\p{L}\p{N}])/uy;
/** A Party symbol printed with its number and type code joined by a dash (not lost, not a space). */
export const PARTY_SYMBOL_WITH_DASH = new RegExp(String.raw`^\d{1,4}\s{0,3}${DASH}`, "u");
/** Dashes other than the hyphen, for normalising a symbol. */
export const NON_HYPHEN_DASHES = /[–—‐‑−]/g;

/** A whole string that is only a symbol once white space is removed (normaliseSymbol). */
export const PARTY_SYMBOL_COMPACT = /^(\d{1,4})-?([A-Za-zĐđ]{1,6})\/(.+)$/u;
/** Groups: 1 number, 2 year, 3 a joint type code ending in LT before a second slash, 4 codes. */
export const STATE_SYMBOL_COMPACT =
  /^(\d{1,5}(?:\.\d{1,3})?)\/(?:((?:19|20)\d{2})\/)?(?:([A-Za-zĐđ]{1,5}LT)\/)?(.+)$/u;

// ---------------------------------------------------------------- type words

const TYPE_WORDS: readonly string[] = DOCUMENT_TYPES.flatMap((t) => t.words);

/** folded: type word (1: "các"?, 2: the word) and optional "số" right before a symbol (window, end-anchored). */
export const TYPE_WORD_BEFORE_SYMBOL = new RegExp(
  String.raw`(?<![a-z0-9])(?:(cac)\s+)?(${alternation([...TYPE_WORDS, ...TYPE_ABBREVIATIONS.keys()])})\s*(?:(so)\s*[:.]?\s*)?$`,
);
/** folded: a type word followed by up to three more words and "số" ("Báo cáo thẩm tra số"). */
export const TYPE_WORD_WORDS_SO_BEFORE_SYMBOL = new RegExp(
  String.raw`(?<![a-z0-9])(${alternation(TYPE_WORDS)})(?:\s+(?!va\s|cua\s|ngay\s)[a-z]{1,12}){1,3}\s+(so)\s*[:.]?\s*$`,
);
/** folded: words before "số" that number forms and annexes, not documents ("Biểu số 103/LĐVL-Sở"). */
export const NOT_A_DOCUMENT_BEFORE_SO =
  /(?<![a-z])(?:bieu|mau|phu luc|bang|ma|ky hieu|so hieu tai khoan|tai khoan|hop dong|giay phep|chung chi|the|van bang|hieu)\s*(?:so)\s*[:.]?\s*$/;
/** folded: "số" alone right before a symbol (lists: "…, số 04-NQ/TU"). */
export const SO_BEFORE_SYMBOL = /(?<![a-z0-9])(so)\s*[:.]?\s*$/;

/** folded: a short form "Nghị định 81", "Quyết định số 1909": a type word and a bare number. */
export const SHORT_FORM = new RegExp(
  String.raw`\b(${alternation(TYPE_WORDS)})\s+(?:(so)\s+)?(\d{1,5})` +
    // not a symbol ("81/2013"), a decimal, a suffix ("30a"), a duration ("Kế hoạch 6 tháng")
    // ("Quy định 102 ngày 15/11/2017" is dated, "Kế hoạch 30 ngày" is not)
    String.raw`(?![\d\/,a-z]|\.\d|\s{0,3}[\/\-–]\s{0,3}[a-z\d]|\s+(?:thang|nam|quy|tuan|gio)(?![a-z])|\s+ngay(?![a-z])(?!\s+\d{1,2}(?:\s*[\/\-.]|\s+thang)))`,
  "g",
);

/** folded: a conference reference "Nghị quyết Trung ương 4 (khóa XI, XII, xm)", "Kết luận Hội nghị Trung ương 4 khóa xm". */
const PLENUM_ORDINAL = alternation([...ORDINAL_NUMBERS.keys()]);
/** Groups: 1 type, 2 ordinal before "Trung ương" ("Hội nghị lần thứ tư Ban Chấp hành Trung ương"), 3 number, 4 ordinal after, 5 "(", 6 terms, 7 ")". */
export const CONFERENCE_REFERENCE = new RegExp(
  String.raw`\b(nghi quyet|ket luan)\s+(?:hoi nghi\s+)?(?:(?:lan\s+)?thu\s+(${PLENUM_ORDINAL})\s+)?(?:ban chap hanh\s+)?trung uong(?:\s+dang)?` +
    String.raw`(?:\s+(?:(\d{1,2})|lan thu\s+(${PLENUM_ORDINAL})))?(?![\d\/\-])` +
    String.raw`(?:\s{0,3}(\()?\s{0,2}khoa\s+([ivxlmn]{1,5}(?:\s{0,2},\s{0,2}[ivxlmn]{1,5}){0,4})(?![a-z])\s{0,2}(\))?)?`,
  "g",
);

// ---------------------------------------------------------------- dates

const NUMERIC_DATE = String.raw`(\d{1,2})\s{0,2}[\/.\-]\s{0,2}(\d{1,2})\s{0,2}[\/.\-]\s{0,2}((?:19|20)\d{2})`;
const WORDED_DATE = String.raw`(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:nam\s+|\/\s*)((?:19|20)\d{2})`;

/** folded, sticky: a date right after a symbol: "ngày 19/5/2018", ", ngày 19 tháng 7 năm 2013". Groups 1-3 numeric, 4-6 worded. */
export const DATE_AFTER = new RegExp(
  String.raw`[\s,]{0,4}(?:\(\s{0,2})?(?:ban hanh\s+)?ngay\s+(?:${NUMERIC_DATE}|${WORDED_DATE})`,
  "y",
);

// ---- effect clauses (#19): the document speaking of itself
/** "Luật này", "Nghị định này", "Quyết định này", "Văn bản này" …: the document speaking of itself. */
const SELF = String.raw`(?:bo\s+luat|luat|phap\s+lenh|nghi\s+dinh|nghi\s+quyet|thong\s+tu(?:\s+lien\s+tich)?|quyet\s+dinh|chi\s+thi|quy\s+dinh|quy\s+che|huong\s+dan|ke\s+hoach|van\s+ban|chuong\s+trinh)\s+nay`;

/**
 * folded: "có hiệu lực (thi hành) (kể) từ ngày <date | ký (ban hành)>", "… sau N ngày kể từ ngày
 * ký"; a Party text's "(được) thực hiện (kể) từ ngày ký" ("Hướng dẫn này … được phổ biến đến chi bộ
 * và thực hiện kể từ ngày ký") says the same.
 */
const EFFECT_PREDICATE_SOURCE =
  String.raw`(?:co\s+hieu\s+luc(?:\s+thi\s+hanh)?|(?<![a-z])(?:duoc\s+)?thuc\s+hien)\s*(?:ke\s+)?(?:` +
  String.raw`tu\s+ngay\s+(?:${NUMERIC_DATE}|${WORDED_DATE})` + // 1-3, 4-6
  String.raw`|(?:ke\s+)?tu\s+ngay\s+(ky|thong\s+qua)(?:\s+ban\s+hanh)?` + // 7
  String.raw`|sau\s+(\d{1,3})\s+ngay\s*,?\s*(?:ke\s+)?tu\s+ngay\s+(ky|cong\s+bo|thong\s+qua)` + // 8, 9
  String.raw`)`;
/** folded: "<self> có hiệu lực (thi hành) (kể) từ ngày <date | ký (ban hành)>", "… sau N ngày kể từ ngày ký". */
export const EFFECT_CLAUSE = new RegExp(
  String.raw`${SELF}\s+(?:chinh\s+thuc\s+)?${EFFECT_PREDICATE_SOURCE}`,
  "g",
);
/** folded: the predicate of an effect clause whatever its subject ("Khoản 8 Điều 69 của Nghị định này có hiệu lực từ …"); groups as EFFECT_CLAUSE. */
export const EFFECT_PREDICATE = new RegExp(EFFECT_PREDICATE_SOURCE, "g");
/** folded: "Thời điểm áp dụng: từ ngày 01/8/2017" (a council resolution's own application date). Groups 1-3, 4-6. */
export const APPLICATION_FROM = new RegExp(
  String.raw`thoi\s+diem\s+ap\s+dung\s*:?\s*(?:ke\s+)?tu\s+ngay\s+(?:${NUMERIC_DATE}|${WORDED_DATE})`,
  "g",
);
/** folded, sticky after an effect clause's date: "đến hết ngày 28 tháng 02 năm 2027", "và hết hiệu lực kể từ ngày …". Groups 1-3, 4-6. */
export const EFFECT_UNTIL_AFTER = new RegExp(
  String.raw`\s{0,3},?\s{0,3}(?:va\s+)?(?:den\s+het\s+(?:ngay\s+)?|het\s+hieu\s+luc(?:\s+thi\s+hanh)?\s*(?:ke\s+)?(?:tu|vao)\s+ngay\s+)(?:${NUMERIC_DATE}|${WORDED_DATE})`,
  "y",
);
/**
 * folded: a subject naming a part of the document itself ("khoản 1 Điều 3 Nghị định này", "Các
 * quy định của Luật này về …", "… tại Điều 19, Điều 20 Nghị định này"), not a date it follows
 * ("trước ngày Thông tư này có hiệu lực").
 */
export const OWN_PART_SUBJECT = new RegExp(
  String.raw`(?<![a-z])(?:cua|tai|dieu\s+\d{1,3}[a-z]?|khoan\s+\d{1,3}|diem\s+[a-z]\d?|chuong\s+[ivxlc\d]+)\s+${SELF}(?![a-z])`,
);
/** folded: a subject that opens with the document speaking of itself, after an item marker. */
export const SELF_SUBJECT = new RegExp(String.raw`^[\s*_]*(?:(?:\d{1,2}|[a-z])[.)]\s*)?${SELF}(?![a-z])`);
/** folded: "Các điều, khoản sau đây …:": a list of the document's own parts (its lead). */
export const OWN_PARTS_LEAD =
  /^[\s*_]*(?:(?:\d{1,2}|[a-z])[.)]\s*)?(?:cac\s+)?(?:dieu|khoan|diem|quy\s+dinh)[\sa-z,]{0,40}sau\s+day\s*$/;

/** folded: "<self> hết hiệu lực (thi hành) (kể) từ ngày <date>". */
export const EXPIRY_CLAUSE = new RegExp(
  String.raw`${SELF}\s+(?:se\s+)?het\s+hieu\s+luc(?:\s+thi\s+hanh)?\s*(?:ke\s+)?(?:tu|vao)\s+ngay\s+(?:${NUMERIC_DATE}|${WORDED_DATE})`,
  "g",
);

/**
 * folded, sticky: a date after a symbol whose separators were lost in conversion: "ngày
 * 26-52025", "ngày 0962025" (group 1: the digits and the one separator left). Read only when
 * DATE_AFTER fails, and only when the digits split into one calendar date (text/iso-date.ts).
 */
export const DAMAGED_DATE_AFTER =
  /[\s,]{0,4}(?:\(\s{0,2})?(?:ban hanh\s+)?ngay\s+(\d{1,2}[/.-]\d{1,2}(?:19|20)\d{2}|\d{2,4}(?:19|20)\d{2})(?![\d/.-]\d)/y;
/** folded, sticky: "cùng ngày 23/3/2021", a date shared by a list. */
export const SHARED_DATE_AFTER = new RegExp(
  String.raw`[\s,]{0,4}cung\s+ngay\s+(?:${NUMERIC_DATE}|${WORDED_DATE})`,
  "y",
);
/** folded: a header date line "Hà Nội, ngày 20 tháng 11 năm 2019" (groups 1-3 worded, 4-6 numeric). */
export const HEADER_DATE = new RegExp(String.raw`ngay\s+${WORDED_DATE}|ngay\s+${NUMERIC_DATE}`);
/** folded: a year in a subject "năm 2022" (the last one is taken). */
export const SUBJECT_YEAR = /(?<![0-9/])((?:19|20)\d{2})(?![0-9/])/g;

// ---------------------------------------------------------------- issuers

/**
 * folded, sticky: "của " before an issuer, with the conference that adopted the document as a
 * detail to step over: "của Hội nghị lần thứ 7 Ban Chấp hành Trung ương", "của Hội nghị Trung
 * ương 4": the issuer is the committee, not the conference.
 */
export const ISSUER_LEAD = new RegExp(
  String.raw`[\s,]{0,4}(?:cua\s+(?:hoi\s+nghi\s+(?:(?:lan\s+)?thu\s+(?:\d{1,2}|${PLENUM_ORDINAL})(?![a-z0-9])\s*,?\s+)?)?` +
    // a numbered conference right after the citation is its issuer without "của" ("ngày 9-11-2022 Hội nghị lần thứ sáu Ban Chấp hành Trung ương")
    String.raw`|hoi\s+nghi\s+(?:lan\s+)?thu\s+(?:\d{1,2}|${PLENUM_ORDINAL})(?![a-z0-9])\s*,?\s+)`,
  "y",
);

/** folded, sticky: a Party term after a reference: ", khóa XII" (group 1: the numeral, OCR forms included). */
export const TERM_AFTER = /[\s,]{0,3}khoa\s+([ivxlmn]{1,5})(?![a-z])/y;

/** folded, sticky: one of the known organisations. */
export const ORGANIZATION_SPELLING = new RegExp(
  String.raw`(?:${alternation(ORGANIZATIONS.flatMap((o) => o.spellings))})(?![a-z0-9])`,
  "y",
);
/** the lookup form of a matched organisation spelling */
export const organizationLookupKey = (s: string): string =>
  s
    .split(/[\s,\-–]+/)
    .filter((w) => w.length > 0)
    .join(" ");

const PROVINCE_FOLDED: readonly string[] = [
  ...PROVINCES.map((p) => foldKey(p)),
  ...PROVINCE_SPELLINGS.keys(),
];
/** folded, sticky: a province after a provincial body ("tỉnh Quảng Ninh", " Quảng Ninh"). */
export const PROVINCE_AFTER = new RegExp(
  String.raw`[ \t\n]{1,3}(?:(?:tinh|thanh pho|tp\.?)\s+)?(${alternation(PROVINCE_FOLDED)})(?![a-z])`,
  "y",
);
/** folded: "tỉnh Quảng Ninh" anywhere (to find the province of a document). */
export const PROVINCE_MENTION = new RegExp(
  String.raw`\b(?:tinh uy|thanh uy|tinh|thanh pho)\s+(${alternation(PROVINCE_FOLDED)})(?![a-z])`,
  "g",
);

// ---------------------------------------------------------------- titles and relations

/** folded, sticky: a subject lead after a citation ("về", "phê duyệt", "quy định"). */
export const TITLE_LEAD =
  /[\s,]{0,3}(ve viec|ve|phe duyet|quy dinh|huong dan|ban hanh|sua doi|bo sung|thong qua|bai bo|thanh lap)(?![a-z])/y;

/** folded: relation words, matched globally in the window before a citation; the last one counts. */
export const RELATION_WORD = new RegExp(
  String.raw`(?<![a-z])(${alternation([...RELATION_WORDS.keys()])})(?![a-z])`,
  "g",
);

/**
 * folded, a whole segment after a ";" before a citation: only parts of a document, on the same
 * line ("khoản 4 Điều 9, Điều 38 của ", "các Điều 10, 11, 12 của ", "Điều 48 và Phụ lục XIV ban hành
 * kèm theo ").
 */
export const UNIT_SEGMENT =
  /^[ \t]{0,3}(?:(?:cac|toan bo)\s+)?(?:dieu|khoan|diem|phu\s+luc|chuong|muc)\s[\sa-z0-9,.()\-–]{0,200}$/;

/** folded: the gap between two members of a list ("," "và" "hoặc" "cùng"); nothing else. */
export const LIST_GAP = /^[\s,]*(?:(?:va|hoac|cung)\s*)?[\s,]*$/;

// ---------------------------------------------------------------- named references

/** folded: head words of documents known by name. The original must be capitalised (checked in code). */
export const NAMED_HEAD = /\b(quy hoach|ke hoach|chuong trinh|de an|chien luoc|quy che)(?=\s)/g;
/** folded: the National Target Programmes are named even in lower case. */
export const NATIONAL_TARGET_PROGRAMME = /\bchuong trinh muc tieu quoc gia(?![a-z])/g;
/** folded: a law by name: "Luật Đất đai", "Bộ luật Lao động", "Hiến pháp nước …". Capital checked in code. */
/** folded: a law's head word ("Bộ luật" may wrap: "Bộ\nluật Lao động"). */
export const LAW_HEAD = /\b(bo[ \t]*\n?[ \t]*luat|luat|phap lenh)(?=[ \t\n])/g;

/**
 * folded: the Constitution by name, "Hiến pháp năm 2013", "Hiến pháp nước Cộng hòa xã hội chủ
 * nghĩa Việt Nam năm 2013" (group 1: a year). Capital checked in code.
 */
export const CONSTITUTION_REFERENCE =
  /\bhien phap(?:\s+nuoc\s+cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam)?(?:\s*,?\s*(?:nam\s+)?(\d{4})(?!\d))?/g;
/** folded: "Điều lệ" before an organisation (CHARTERS); capital checked in code. */
export const CHARTER_HEAD = /\bdieu le\s+/g;
/** folded: a congress resolution or its documents, "Nghị quyết Đại hội …", "văn kiện Đại hội …"; capitals checked in code. */
export const CONGRESS_HEAD = /\b(nghi quyet|van kien)\s+(dai\s+hoi)(?![a-z])/dg;
/** folded, anchored: what names a congress right after "Đại hội" (not "Nghị quyết Đại hội đã giao …"). */
export const CONGRESS_DESIGNATION = /^\s+(?:dai\s+bieu|dang|lan\s+thu|toan\s+quoc|[ivxlmn]{1,6}(?![a-z]))/;
/** folded, at a comma inside a citation's subject: a document head that starts another reference (capital checked in code). */
export const NEXT_DOCUMENT_AFTER_COMMA =
  /^,\s*(?:nghi quyet|chi thi|ket luan|quyet dinh|quy dinh|nghi dinh|thong tu|dieu le|hien phap|van kien)(?![a-z])/;
/** folded, anchored: the congress number "lần thứ XIII", or a numeral right after "Đại hội (đại biểu)". */
export const CONGRESS_NUMBER = /(?:^|\s)(?:lan\s+thu\s+)([ivxlmn]{1,6}|\d{1,2})(?![a-z0-9])/;
export const CONGRESS_NUMBER_FIRST = /^\s+(?:dai\s+bieu\s+)?([ivxlmn]{1,6})(?![a-z0-9])/;
/** folded, sticky: a law's name ends before its date. */
export const LAW_DATE_AFTER = new RegExp(
  String.raw`\s{0,3},?\s{0,3}ngay\s+(?:${WORDED_DATE}|${NUMERIC_DATE})`,
  "y",
);
/** folded, sticky: "năm 2013" after a law's name. */
export const LAW_YEAR_AFTER = /\s{1,3}nam\s+((?:19|20)\d{2})(?![0-9])/y;
/** folded, sticky at white space after a law's name: its number ("số 41/2024/QH15", "số: 45"). */
export const NUMBER_AFTER_NAME = /\s{1,3}so\s{0,2}:?\s{0,2}\d/y;

// ---------------------------------------------------------------- structure

/** Line starts (original case, after left trim) of structural units. */
export const PART_MARKER =
  /^(?:PHẦN|Phần)\s+(THỨ\s+[\p{L}]+|thứ\s+[\p{L}]+|[IVXLC]{1,6}|\d{1,2})(?=[\s.:]|$)/u;
export const CHAPTER_MARKER = /^(?:CHƯƠNG|Chương)\s+([IVXLC]{1,7}|\d{1,3})(?=[\s.:]|$)/u;
export const SECTION_MARKER = /^(?:MỤC|Mục)\s+(\d{1,2}|[IVXLC]{1,6})(?=[\s.:]|$)/u;
export const ARTICLE_MARKER =
  /^(?:Điều|ĐIỀU)\s+(\d{1,4})([a-zđ])?(?:\s{0,2}([.:])|\s+(?=\p{Lu}))(?=\s*(?:$|[\p{Lu}"“([]))/u;
export const ROMAN_MARKER = /^([IVX]{1,5})\s{0,2}[.\-–:)]\s{0,3}(?=\S)/u;
export const NUMBER_MARKER = /^(\d{1,2})((?:\.\d{1,2}){0,3})(\.|\))?\s+(?=\S)/u;
export const LETTER_MARKER = /^([a-zđ])\s{0,2}\)\s{0,3}(?=\S)/u;

/** folded, whole trimmed line: page furniture and OCR debris, never content. */
export const DEBRIS_LINE =
  /^(?:[•·▪■□◦*\-–—_.\s]*|\d{1,4}|[-–]\s*\d{1,4}\s*[-–]|jl(?:\s*[•·])*|(?:[•·]\s*)+jl.*|cong bao\/.*|nguoi ky:.*|ky boi:.*|email:.*|co quan:.*|thoi gian ky:.*|<\/?jsontable[^>]*>.*)$/;
/** Trailing OCR debris on a heading line ("… CHỦ YẾU • •", "… chiến lược • • • • JL •"). */
export const DEBRIS_TRAIL = /(?:\s+(?:[•·▪]+|JL))+\s*$/u;
/** Debris tokens inside a line, dropped from cleaned text. */
export const DEBRIS_TOKEN = /(?:^|\s)(?:[•·▪]+|JL)(?=\s|$)/gu;

/** A sentence end inside a paragraph: a full stop and a capital, digit or opening quote after white space. */
export const SENTENCE_END = /[.!?](?=\s+[\p{Lu}\d"“(])/u;

/**
 * folded: "Số: 158/2025/NĐ-CP", "Luật số: 41/2024/QH15" at a header line start; Party headers often
 * print no colon: "Số 16-CT/TU" (then a digit must follow, so "Số lượng …" is no number line).
 */
/**
 * folded: a number line "Số: 128/NQ-CP", "Số 16-CT/TU", or "TỈNH ỦY QUẢNG NINH Số: 16-CT/TU" (the
 * issuer block and the number on one converted line). Group 1: the words before "số" (the line's
 * shape decides whether it is a header line: see document-header.ts), group 2: ":" or ".".
 */
export const HEADER_NUMBER_LINE = /^(?:([a-z]{1,6}(?:\s[a-z]{1,6}){0,3})\s+)?so\s*(?:([:.])\s*|\s(?=\d))/;

// ---------------------------------------------------------------- targets, quantities, deadlines

/** folded, sticky at a target marker: a group introduction right before it ("về kinh tế:", "vềxẫy dựng Đảng:"). */
export const TARGET_GROUP_INTRO = /(?<![a-z])ve\s{0,2}([a-z][a-z ,\-–]{1,40}?)\s{0,2}:\s*$/;
/** A target ordinal "(1)" … "(16)". */
export const TARGET_ORDINAL = /\((\d{1,2})\)/g;

/** A number in Vietnamese format: "52.600", "10,01", "3 - 3,5" (groups 1 value, 2 upper bound). */
export const QUANTITY_NUMBER =
  /(?<![\p{L}\p{N}.,/(+])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?:\s{0,2}[-–]\s{0,2}(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?=\s{0,2}%|\s+[\p{L}]))?(?![\p{N}]|[.,]\d|\))/gu;
/** folded, sticky: a unit right after a number (white space allowed). */
export const UNIT_AFTER = new RegExp(
  String.raw`\s{0,2}(?:${UNITS.map((u, i) => `(?<u${i}>${u.pattern})`).join("|")})`,
  "y",
);
/** folded: a comparator ending right before a number, with optional fillers ("tăng từ"). */
export const COMPARATOR_BEFORE = new RegExp(
  String.raw`(?<![a-z])(${alternation(COMPARATORS.flatMap((c) => c.spellings))})(?:\s+(?:tu|muc|len))?\s*$`,
);

const DEADLINE_DATE = String.raw`(?:${NUMERIC_DATE}|${WORDED_DATE})`;
/**
 * folded: a deadline. "trước ngày 31/12/2021", "đến 31/12/2022", "chậm nhất ngày 30 tháng 6 năm
 * 2023" (groups 1-3 numeric, 4-6 worded date); "hết Quý III/2022" (7 quarter, 8 year); "đến hết
 * năm 2022", "trong năm 2022" (9 year). One pattern, so the text is read once.
 */
export const DEADLINE = new RegExp(
  String.raw`\b(?:(?:(?:hoan thanh\s+)?truoc\s+ngay|(?:den|cham nhat)(?:\s+het)?(?:\s+ngay)?|cham nhat(?:\s+la)?(?:\s+ngay)?)\s+${DEADLINE_DATE}` +
    String.raw`|(?:den\s+)?(?:het|truoc|trong|cuoi)\s+(?:quy\s+(iv|iii|ii|i|[1-4])\s{0,2}(?:\/|nam)\s{0,2}((?:19|20)\d{2})|nam\s+((?:19|20)\d{2}))(?![0-9]))`,
  "g",
);

// ---------------------------------------------------------------- source names

/** A file name that carries a number: "01-2017-nq-hđnd.md" → 01/2017/NQ-HĐND. */
export const SOURCE_NAME_SYMBOL =
  /^(?:([a-z]+(?:-[a-z]+){0,3})-so-)?(\d{1,5})-(?:((?:19|20)\d{2})-)?([a-zđ][a-zđ]{0,7}(?:-[a-zđ][a-zđ0-9]{0,11}){0,3})(?:-\d{3,})?(?:\.[a-z]{1,4})?$/u;

// ---------------------------------------------------------------- small shapes used by several readers

/** One code of a symbol: letters, then at most two digits of a term ("QH14"). */
export const SYMBOL_CODE = /^[A-Za-zĐđƯư]{1,12}\d{0,2}(?:&[A-Za-zĐđƯư]{1,12})?$/u;
/** folded: lines that start the body proper, after the header. */
export const HEADER_BODY_START =
  /^(?:can cu|xet |xet:|theo de nghi|quyet nghi|quyet dinh:|chi thi:|sau khi xem xet)/;
/** folded: "KHÓA IX KỲ HỌP THỨ NĂM" under a council's name. */
export const COUNCIL_TERM_LINE = /^khoa\s/;
/** A footnote number stuck to a header line in gazette texts ("QUYẾT ĐỊNH1"). */
export const FOOTNOTE_MARK_AT_END = /\d{1,2}$/;
/** folded: a line opening with a type and "số": a continued gazette issue names its own document so. */
export const OWN_CITATION_LEAD = /^([a-z]+(?: [a-z]+){0,3}) so /;
/** folded: "T/M TỈNH ỦY", "TM. CHÍNH PHỦ": on behalf of a body (group 1). */
export const ON_BEHALF_OF = /(?:^|\s)(?:t\/m|tm\.?)\s+(.+)$/;
/** folded: the capacity a signer signs in: "KT.", "TM.", "TL.", "TUQ.", "Q.". */
export const SIGNING_CAPACITY = /^(?:kt|tm|tl|tuq|q)\.?\s+/;
/** folded: "(Đã ký)", "(ký)" where a signature was. */
export const SIGNED_PLACEHOLDER = /^\(?da ky\)?$|^\(?ky\b/;
/** "các", "Các đồng chí" before a body or its members. */
export const PLURAL_OR_MEMBERS_PREFIX = /^(?:các|Các)\s+(?:đồng chí\s+)?/u;
/** List glue that ends a subject cut at the next citation: ", và", " hoặc". */
export const TRAILING_LIST_GLUE = /(?:[\s,]|(?<!\p{L})(?:và|hoặc)(?!\p{L}))+$/u;
/** "(sau đây gọi tắt là …)": a definition of a short name, not a subject. */
export const DEFINITION_OPENING = /^\(\s*(?:sau|gọi|sau đây|viết tắt|dưới đây)/iu;
/** A full stop that ends a sentence (white space and a capital, a digit or an opening quote after it). */
export const FULL_STOP_BEFORE_SENTENCE = /^\.\s+[\p{Lu}\d"“(]/u;
/** Separators of a list of bodies: commas and "và". */
export const BODY_LIST_SEPARATOR = /,|\s+và\s+/u;
/** folded: "về việc", "về" before a cited document's subject. */
export const SUBJECT_ABOUT_PREFIX = /^ve viec\s+|^ve\s+/;
/** More quoted names after a first one: Đề án "…"; "…". */
export const NEXT_QUOTED_NAME = /^[\s;,]*(?:và\s+)?(["“])/u;
/** folded, sticky: " số " between a law's name and its number. */
export const SO_AFTER_NAME = /\s{1,3}so\s{0,2}/y;

/** folded: the verb that starts a body's duty in an implementation section. */
export const DUTY_VERB = new RegExp(String.raw`\b(?:${alternation(DUTY_VERBS)})\b`, "g");
/** folded: a phrase naming bodies or their members ("các huyện ủy", "Sở …", "ủy viên …"). */
export const BODY_HEAD = new RegExp(
  String.raw`^(?:(?:cac dong chi|cac|nhung)\s+)?(?:${alternation(BODY_HEAD_WORDS)})\b`,
);
/** A form field name in a template ("quyHoachBatDau", "maDoiTuong"): lower case then upper case inside a word. */
export const FIELD_NAME = /\p{Ll}\p{Lu}/u;
/** A footnote number after a name that ends in a year ("giai đoạn 2021 - 2025 7"). */
export const TRAILING_FOOTNOTE_AFTER_YEAR = /((?:19|20)\d\d) \d{1,2}$/;
/** A word that starts with a capital or a digit. */
export const CAPITAL_OR_DIGIT_START = /^[\p{Lu}\d]/u;
/** A footnote number after a law's name ("Luật Đấu thầu 39"): laws are named without numbers. */
export const TRAILING_FOOTNOTE_NUMBER = /\s+\d{1,3}$/;
/** A word that cannot end a name ("Luật Sửa đổi, bổ sung Điều 170 của"). */
export const TRAILING_DANGLING_WORD = /\s+(?:của|và|về|các|cho|với|tại|theo)$/u;
