/**
 * Words and phrases of running text that the extractor keys on, folded (lower case, no
 * diacritics) unless said otherwise. Regular expressions built from them live in ../patterns.ts.
 */
import type { NamedReferenceKind } from "../model.js";

/** Relation words before a citation, folded → canonical. Longest first when matching. */
export const RELATION_WORDS: ReadonlyMap<string, string> = new Map([
  ["tiep tuc thuc hien", "tiếp tục thực hiện"],
  ["tiep tuc trien khai", "tiếp tục triển khai"],
  ["to chuc thuc hien", "thực hiện"],
  ["thuc hien", "thực hiện"],
  ["trien khai", "triển khai"],
  ["can cu", "căn cứ"],
  ["cu the hoa", "cụ thể hóa"],
  ["quan triet", "quán triệt"],
  // "Sửa đổi, bổ sung, bãi bỏ một số điều của Luật …": it amends; its items say what is repealed
  ["sua doi, bo sung, bai bo", "sửa đổi, bổ sung"],
  ["sua doi, bo sung", "sửa đổi, bổ sung"],
  ["sua doi", "sửa đổi"],
  ["bo sung", "bổ sung"],
  ["thay the", "thay thế"],
  ["bai bo", "bãi bỏ"],
  // "hướng dẫn (việc) thực hiện", "quy định chi tiết (việc) thực hiện": one guiding verb, not "thực hiện"
  ["huong dan viec thuc hien", "hướng dẫn thực hiện"],
  ["huong dan thuc hien", "hướng dẫn thực hiện"],
  ["quy dinh chi tiet viec thuc hien", "quy định chi tiết"],
  ["quy dinh chi tiet thuc hien", "quy định chi tiết"],
  ["huong dan thi hanh", "hướng dẫn thi hành"],
  ["huong dan", "hướng dẫn"],
  ["quy dinh chi tiet", "quy định chi tiết"],
  ["huy bo", "hủy bỏ"],
  // "tạm đình chỉ công việc", "đình chỉ các hoạt động" stop work, not a document
  ["dinh chi thi hanh", "đình chỉ"],
  ["dinh chi viec thi hanh", "đình chỉ"],
  ["dinh chi hieu luc", "đình chỉ"],
  // "tạm ngừng … hoạt động kinh doanh" stops a business, not a document
  ["tam ngung hieu luc", "tạm ngưng"],
  ["tam ngung thi hanh", "tạm ngưng"],
  ["tam ngung viec thi hanh", "tạm ngưng"],
  ["dinh chinh", "đính chính"],
  ["hop nhat", "hợp nhất"],
  ["gan voi", "gắn với"],
  ["xet", "xét"],
  ["goi tat la", "gọi tắt là"],
  ["theo", "theo"],
]);

/** Words that open a cited document's subject after its number, date and issuer. */
export const TITLE_LEADS: readonly string[] = [
  "ve viec",
  "ve",
  "phe duyet",
  "quy dinh",
  "huong dan",
  "ban hanh",
  "sua doi",
  "bo sung",
  "thong qua",
  "bai bo",
  "thanh lap",
  "giao",
];

/** Capitalised head words of documents cited by name only (plans, programmes, projects), original case. */
export const NAMED_DOCUMENT_HEADS: ReadonlyMap<string, NamedReferenceKind> = new Map([
  ["Quy hoạch", "plan"],
  ["Kế hoạch", "plan"],
  ["Chương trình", "programme"],
  ["Đề án", "project"],
  ["Chiến lược", "strategy"],
  ["Quy chế", "other"],
]);

/**
 * Where a named plan's name stops: words matched with their diacritics, at word boundaries
 * (folded, "về" would also stop at "vệ", "do" at "đô", "ma" at "ma túy", "tại" at "tài").
 */
export const NAME_STOP_WORDS: readonly string[] = [
  "và",
  "gắn với",
  "nhằm",
  "để",
  "theo",
  "một cách",
  "đã",
  "được",
  "tại",
  "với",
  "trong",
  "thì",
  "hoặc",
  "mà",
  "là",
  "này",
];

/** After a comma, these words start something else than the rest of a name (folded). */
export const NAME_BREAK_AFTER_COMMA: readonly string[] = [
  "dieu chinh",
  "xay dung",
  "trien khai",
  "thuc hien",
  "hoan thanh",
  "nang cao",
  "bao dam",
  "dam bao",
  "day manh",
  "thanh pho",
  "tinh ",
  "huyen ",
  "quy hoach",
  "cac ",
  "nhat la",
  "trong do",
  "ke hoach",
  "chuong trinh",
  "de an",
  "nghi quyet",
  "quyet dinh",
];

/** After a comma, these words continue a plan's name ("…2021 - 2030, tầm nhìn đến năm 2050"). */
export const NAME_CONTINUE_AFTER_COMMA: readonly string[] = [
  "tam nhin",
  "dinh huong",
  "giai doan",
  "thoi ky",
];

/** Signature and recipient blocks: the body of a document ends where one starts (folded line starts). */
export const SIGNATURE_BLOCK_STARTS: readonly string[] = [
  "noi nhan",
  "t/m ",
  "tm. ",
  "tm ",
  "kt. ",
  "kt ",
  "tl. ",
  "tuq. ",
  "q. ",
];

/** Upper-case lines in headers that are not the issuer (folded). */
export const HEADER_NOISE_LINES: readonly string[] = [
  "cong hoa xa hoi chu nghia viet nam",
  "doc lap - tu do - hanh phuc",
  "dang cong san viet nam",
  "van ban quy pham phap luat",
  "van ban phap luat khac",
  "van ban hop nhat",
  "cong bao",
];

/** Titles of signers, folded; the signer's name follows on a later line. */
export const SIGNER_TITLES: readonly string[] = [
  "bi thu",
  "pho bi thu",
  "chu tich",
  "pho chu tich",
  "thu tuong",
  "pho thu tuong",
  "bo truong",
  "thu truong",
  "thong doc",
  "pho thong doc",
  "chu nhiem",
  "pho chu nhiem",
  "tong kiem toan",
  "chanh an",
  "vien truong",
  "cuc truong",
  "tong giam doc",
  "giam doc",
  "truong ban",
  "pho truong ban",
  "chanh van phong",
];

/** Verbs that start a body's duty in an implementation section (after the list of bodies). */
export const DUTY_VERBS: readonly string[] = [
  "chi dao",
  "can cu",
  "chu tri",
  "thuc hien",
  "theo chuc nang",
  "co trach nhiem",
  "chiu trach nhiem",
  "phoi hop",
  "tham muu",
  "theo doi",
  "lanh dao",
  "trien khai",
  "khan truong",
  "to chuc thuc hien",
  "huong dan",
  "ban hanh",
];

/** First words of a phrase naming a body or its members in an implementation section (folded). */
export const BODY_HEAD_WORDS: readonly string[] = [
  "ban",
  "dang doan",
  "dang uy",
  "so",
  "uy ban",
  "hoi dong",
  "mat tran",
  "van phong",
  "trung tam",
  "huyen uy",
  "thi uy",
  "thanh uy",
  "tinh uy",
  "bo",
  "cac",
  "uy vien",
  "thuong truc",
  "chinh quyen",
  "to chuc",
  "doan",
  "co quan",
  "nganh",
  "dia phuong",
];

/** Titles of implementation sections (folded): their items carry responsibilities. */
export const IMPLEMENTATION_SECTION_TITLES: readonly string[] = [
  "to chuc thuc hien",
  "trach nhiem thi hanh",
  "trach nhiem thuc hien",
  "to chuc thi hanh",
];

/** Titles of target sections (folded). */
export const TARGET_SECTION_TITLES: readonly string[] = ["chi tieu"];

/** Target groups of a resolution ("về kinh tế: (4) …"), folded → canonical. */
export const TARGET_GROUPS: ReadonlyMap<string, string> = new Map([
  ["xay dung dang", "xây dựng Đảng"],
  ["xay dung dang va he thong chinh tri", "xây dựng Đảng"],
  ["kinh te", "kinh tế"],
  ["xa hoi", "xã hội"],
  ["van hoa - xa hoi", "văn hóa - xã hội"],
  ["van hoa, xa hoi", "văn hóa - xã hội"],
  ["moi truong", "môi trường"],
  ["quoc phong - an ninh", "quốc phòng - an ninh"],
  ["quoc phong, an ninh", "quốc phòng - an ninh"],
]);

/** Closing formulas of a resolution that end the last item ("Nghị quyết này được phổ biến đến chi bộ."). */
export const CLOSING_FORMULA_VERBS: readonly string[] = ["duoc pho bien", "co hieu luc", "duoc pho bien den"];

/** Lower-case words after "Luật" that show it is not a law's name ("Luật các nước", "Luật đã quy định"), folded. */
export const NOT_A_LAW_NAME: ReadonlySet<string> = new Set([
  "cac",
  "da",
  "duoc",
  "va",
  "do",
  "thi",
  "co",
  "tren",
  "khac",
  "hien",
  "chuyen",
  "nam",
  "ve",
  "nuoc",
  "phap",
  "moi",
  "cu",
]);

/** Where a law's name stops when no date follows it: words with their diacritics (see NAME_STOP_WORDS). */
export const LAW_NAME_STOP_WORDS: readonly string[] = [
  "về",
  "và",
  "với",
  "nhằm",
  "của",
  "theo",
  "thì",
  "hoặc",
  "quy định",
  "đã",
  "được",
  "tại",
  "có",
  "như",
  "để",
  "do",
  "trong",
  "mà",
  "là",
  "đối với",
  "bao gồm",
];

/** First words after a head word that show it is not a name ("Kế hoạch này", "Đề án số …", "Quy chế của …"), folded. */
export const NOT_A_NAME_AFTER_HEAD: ReadonlySet<string> = new Set([
  "so",
  "nay",
  "cua",
  "da",
  "duoc",
  "va",
  "do",
  "tren",
  "tai",
  "nhu",
  "de",
  "cho",
]);

/** Words that leave a subject unfinished ("sửa đổi, bổ sung một số điều của"), folded. */
export const DANGLING_LAST_WORDS: ReadonlySet<string> = new Set([
  "cua",
  "ve",
  "va",
  "cac",
  "cho",
  "voi",
  "tai",
  "theo",
  "tu",
  "den",
  "nhu",
]);

/** After a comma, these words start the sentence's next part, not the rest of a law's name (with diacritics). */
export const NOT_A_NAME_AFTER_COMMA: readonly string[] = [
  "việc",
  "các",
  "những",
  "trong",
  "khi",
  "nếu",
  "thì",
  "trường hợp",
  "theo",
  "tại",
  "do",
  "còn",
  "nhất là",
  "đồng thời",
];
