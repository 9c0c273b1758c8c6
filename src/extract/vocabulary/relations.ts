/**
 * What a citation says of the document it cites (issue #19): the relation kinds, and the canonical
 * relation words (phrases.ts RELATION_WORDS) that give each. A citation with no word of these is CITES.
 */

export type RelationKind =
  | "BASED_ON" // căn cứ: a preamble's legal basis
  | "IMPLEMENTS" // thực hiện, triển khai, quán triệt, cụ thể hóa
  | "GUIDES" // hướng dẫn, quy định chi tiết, hướng dẫn thi hành
  | "AMENDS" // sửa đổi, bổ sung
  | "REPLACES" // thay thế
  | "REPEALS" // bãi bỏ, hủy bỏ; or "… hết hiệu lực" said of it
  | "SUSPENDS" // đình chỉ, tạm ngưng hiệu lực
  | "CONSOLIDATES" // hợp nhất
  | "CORRECTS" // đính chính
  | "CITES"; // any other mention

export const RELATION_KINDS: readonly RelationKind[] = [
  "BASED_ON",
  "IMPLEMENTS",
  "GUIDES",
  "AMENDS",
  "REPLACES",
  "REPEALS",
  "SUSPENDS",
  "CONSOLIDATES",
  "CORRECTS",
  "CITES",
];

/** Canonical relation word → kind. */
export const RELATION_KIND_OF_WORD: ReadonlyMap<string, RelationKind> = new Map<string, RelationKind>([
  ["căn cứ", "BASED_ON"],
  ["thực hiện", "IMPLEMENTS"],
  ["tiếp tục thực hiện", "IMPLEMENTS"],
  ["triển khai", "IMPLEMENTS"],
  ["tiếp tục triển khai", "IMPLEMENTS"],
  ["quán triệt", "IMPLEMENTS"],
  ["cụ thể hóa", "IMPLEMENTS"],
  ["hướng dẫn", "GUIDES"],
  ["hướng dẫn thi hành", "GUIDES"],
  ["hướng dẫn thực hiện", "GUIDES"],
  ["quy định chi tiết", "GUIDES"],
  ["sửa đổi, bổ sung", "AMENDS"],
  ["sửa đổi", "AMENDS"],
  ["bổ sung", "AMENDS"],
  ["thay thế", "REPLACES"],
  ["bãi bỏ", "REPEALS"],
  ["hủy bỏ", "REPEALS"],
  ["đình chỉ", "SUSPENDS"],
  ["tạm ngưng", "SUSPENDS"],
  ["hợp nhất", "CONSOLIDATES"],
  ["đính chính", "CORRECTS"],
]);

/**
 * folded, anchored after a citation: the cited document is said to end ("Nghị định số 81/2013/NĐ-CP
 * hết hiệu lực kể từ ngày …", "… chấm dứt hiệu lực"): a repeal declared by this text.
 */
export const EXPIRY_AFTER_CITATION =
  /^[\s,]{0,3}(?:\([^)]{0,200}\)\s*)?(?:se\s+)?(?:het|cham\s+dut)\s+(?:hieu|lieu)\s+luc/;
