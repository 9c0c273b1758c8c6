/**
 * Document types: the words that name them in running text and the codes in their symbols
 * (Nghị định 30/2020/NĐ-CP for State documents, Hướng dẫn 36-HD/VPTW 2018 for Party ones).
 */

export interface DocumentType {
  /** Vietnamese name as used in the model ("Nghị quyết") */
  name: string;
  /** code used in document keys; for most types the symbol's type code */
  code: string;
  /** spellings in running text, folded (lower case, no diacritics) */
  words: readonly string[];
  /** upper-case header line that announces the type ("NGHỊ ĐỊNH"), folded */
  headerWords?: readonly string[];
}

/** Quy định takes "QĐi" (Party usage since 2018, HD 36-HD/VPTW) or "QyĐ" (State) as its key code. */
export const PARTY_REGULATION_CODE = "QĐi";
export const STATE_REGULATION_CODE = "QyĐ";

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { name: "Nghị quyết", code: "NQ", words: ["nghi quyet"] },
  { name: "Nghị quyết liên tịch", code: "NQLT", words: ["nghi quyet lien tich"] },
  { name: "Chỉ thị", code: "CT", words: ["chi thi"] },
  { name: "Kết luận", code: "KL", words: ["ket luan"] },
  { name: "Quyết định", code: "QĐ", words: ["quyet dinh"] },
  { name: "Quy định", code: PARTY_REGULATION_CODE, words: ["quy dinh"] },
  { name: "Kế hoạch", code: "KH", words: ["ke hoach"] },
  { name: "Chương trình", code: "CTr", words: ["chuong trinh"] },
  { name: "Đề án", code: "ĐA", words: ["de an"] },
  { name: "Thông báo", code: "TB", words: ["thong bao"] },
  { name: "Hướng dẫn", code: "HD", words: ["huong dan"] },
  { name: "Báo cáo", code: "BC", words: ["bao cao"] },
  { name: "Tờ trình", code: "TTr", words: ["to trinh"] },
  { name: "Quy chế", code: "QC", words: ["quy che"] },
  { name: "Nghị định", code: "NĐ", words: ["nghi dinh"] },
  { name: "Thông tư liên tịch", code: "TTLT", words: ["thong tu lien tich"] },
  { name: "Thông tư", code: "TT", words: ["thong tu"] },
  { name: "Thông tri", code: "TT", words: ["thong tri"] },
  { name: "Công điện", code: "CĐ", words: ["cong dien"] },
  { name: "Phương án", code: "PA", words: ["phuong an"] },
  { name: "Công văn", code: "CV", words: ["cong van"] },
  { name: "Văn bản hợp nhất", code: "VBHN", words: ["van ban hop nhat"] },
  { name: "Bộ luật", code: "BLuật", words: ["bo luat"] },
  { name: "Luật", code: "Luật", words: ["luat"] },
  { name: "Pháp lệnh", code: "PL", words: ["phap lenh"] },
  { name: "Hiến pháp", code: "HP", words: ["hien phap"] },
  { name: "Lệnh", code: "L", words: [] },
];

/** Abbreviations a person types before a symbol ("NQ 128/NQ-CP", "QĐ 1909/QĐ-TTg"), folded. */
export const TYPE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["nq", "Nghị quyết"],
  ["ct", "Chỉ thị"],
  ["kl", "Kết luận"],
  ["qd", "Quyết định"],
  ["nd", "Nghị định"],
  ["tt", "Thông tư"],
  ["ttlt", "Thông tư liên tịch"],
  ["kh", "Kế hoạch"],
  ["cv", "Công văn"],
]);

export interface SymbolTypeCode {
  /** canonical spelling in a symbol */
  code: string;
  /** type when the symbol is Party style (26-NQ/TW) */
  party: string;
  /** type when the symbol is State style (128/NQ-CP) */
  state: string;
}

/** Type codes found inside symbols. TT is Thông tri in Party symbols and Thông tư in State ones. */
export const SYMBOL_TYPE_CODES: readonly SymbolTypeCode[] = [
  { code: "NQ", party: "Nghị quyết", state: "Nghị quyết" },
  { code: "NQLT", party: "Nghị quyết liên tịch", state: "Nghị quyết liên tịch" },
  { code: "CT", party: "Chỉ thị", state: "Chỉ thị" },
  { code: "KL", party: "Kết luận", state: "Kết luận" },
  { code: "QĐ", party: "Quyết định", state: "Quyết định" },
  { code: "QĐi", party: "Quy định", state: "Quy định" },
  { code: "QyĐ", party: "Quy định", state: "Quy định" },
  { code: "QĐLT", party: "Quyết định liên tịch", state: "Quyết định liên tịch" },
  { code: "KH", party: "Kế hoạch", state: "Kế hoạch" },
  { code: "CTr", party: "Chương trình", state: "Chương trình" },
  { code: "ĐA", party: "Đề án", state: "Đề án" },
  { code: "TB", party: "Thông báo", state: "Thông báo" },
  { code: "HD", party: "Hướng dẫn", state: "Hướng dẫn" },
  { code: "HDLT", party: "Hướng dẫn liên tịch", state: "Hướng dẫn liên tịch" },
  { code: "BC", party: "Báo cáo", state: "Báo cáo" },
  { code: "TTr", party: "Tờ trình", state: "Tờ trình" },
  { code: "QC", party: "Quy chế", state: "Quy chế" },
  { code: "NĐ", party: "Nghị định", state: "Nghị định" },
  { code: "TT", party: "Thông tri", state: "Thông tư" },
  { code: "TTLT", party: "Thông tư liên tịch", state: "Thông tư liên tịch" },
  { code: "CĐ", party: "Công điện", state: "Công điện" },
  { code: "PA", party: "Phương án", state: "Phương án" },
  { code: "CV", party: "Công văn", state: "Công văn" },
  { code: "VBHN", party: "Văn bản hợp nhất", state: "Văn bản hợp nhất" },
  { code: "PL", party: "Pháp lệnh", state: "Pháp lệnh" },
  { code: "L", party: "Lệnh", state: "Lệnh" },
];

/**
 * Codes printed without their diacritic or in other case, to their canonical spelling
 * ("QD" → "QĐ", "TTG" → "TTg", "HDND" → "HĐND"); keys are upper-cased and folded.
 */
export const SYMBOL_CODE_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ["QD", "QĐ"],
  ["QDI", "QĐi"],
  ["QYD", "QyĐ"],
  ["QDLT", "QĐLT"],
  ["ND", "NĐ"],
  ["DA", "ĐA"],
  ["CD", "CĐ"],
  ["CTR", "CTr"],
  ["TTR", "TTr"],
  ["TTG", "TTg"],
  ["HDND", "HĐND"],
  ["DU", "ĐU"],
  ["DUK", "ĐUK"],
  ["BCSD", "BCSĐ"],
  ["DDQH", "ĐĐQH"],
  ["TU", "TU"],
  ["TW", "TW"],
  ["BLDTBXH", "BLĐTBXH"],
  ["BKHDT", "BKHĐT"],
  ["BGDDT", "BGDĐT"],
  ["SGDDT", "SGDĐT"],
  ["BNNPTNT", "BNNPTNT"],
  ["HDTP", "HĐTP"],
  ["TLD", "TLĐ"],
  ["DHQG", "ĐHQG"],
]);

/** Upper-case forms that keep a lower-case letter in their canonical spelling. */
export const SYMBOL_CODE_MIXED_CASE: ReadonlyMap<string, string> = new Map([
  ["QĐI", "QĐi"],
  ["QYĐ", "QyĐ"],
  ["TTG", "TTg"],
  ["CTR", "CTr"],
  ["TTR", "TTr"],
]);

/** Types whose documents are cited again by type and number alone ("Nghị định 81"). */
export const SHORT_FORM_TYPES: ReadonlySet<string> = new Set([
  "Nghị quyết",
  "Nghị định",
  "Thông tư",
  "Quyết định",
  "Chỉ thị",
  "Kết luận",
  "Quy định",
  "Kế hoạch",
  "Thông báo",
  "Hướng dẫn",
  "Công văn",
]);
