/**
 * Units and comparators of targets ("không thấp hơn 52.600 tỷ đồng", "đạt ít nhất 1,5 tỷ USD").
 * Spellings are folded regular-expression sources, so OCR variants fit in one entry:
 * "ƯSD" folds to "usd"; "l vạn" (letter l for digit 1) is `[1l]`.
 */

export interface UnitEntry {
  /** canonical unit */
  readonly unit: string;
  /** folded regular-expression source of its spellings */
  pattern: string;
}

const PER_10K = String.raw`\s*\/\s*[1l]\s+van\s+dan`;

/** Longer units first: the first that matches after a number is taken. */
export const UNITS = [
  { unit: "giường bệnh/1 vạn dân", pattern: String.raw`giuong\s+benh${PER_10K}` },
  { unit: "bác sỹ/1 vạn dân", pattern: String.raw`bac\s+s[yi]${PER_10K}` },
  { unit: "dược sỹ đại học/1 vạn dân", pattern: String.raw`duoc\s+s[yi]\s+dai\s+hoc${PER_10K}` },
  { unit: "điều dưỡng/1 vạn dân", pattern: String.raw`dieu\s+duong${PER_10K}` },
  { unit: "lít/người/ngày đêm", pattern: String.raw`lit\s*\/\s*nguoi\s*\/\s*ngay(?:\s+dem)?` },
  { unit: "m2/người", pattern: String.raw`m2\s*\/\s*nguoi` },
  { unit: "triệu đồng/năm", pattern: String.raw`trieu(?:\s+dong)?\s*\/\s*nam(?![a-z])` },
  { unit: "tỷ USD", pattern: String.raw`t[yi]\s+usd` },
  { unit: "triệu USD", pattern: String.raw`trieu\s+usd` },
  { unit: "USD", pattern: String.raw`usd` },
  { unit: "nghìn tỷ đồng", pattern: String.raw`(?:nghin|ngan)\s+t[yi]\s+dong` },
  { unit: "tỷ đồng", pattern: String.raw`t[yi]\s+dong` },
  { unit: "triệu đồng", pattern: String.raw`trieu\s+dong` },
  { unit: "đồng", pattern: String.raw`dong(?=\s*[\/;,.)]|\s*$)` },
  { unit: "%", pattern: String.raw`%` },
  { unit: "đơn vị cấp huyện", pattern: String.raw`don\s+vi\s+cap\s+huyen` },
  { unit: "doanh nghiệp", pattern: String.raw`doanh\s+nghiep` },
  { unit: "lượt khách", pattern: String.raw`(?:luot\s+khach|trieu\s+luot\s+khach)` },
  { unit: "hộ", pattern: String.raw`ho(?![a-z])` },
  { unit: "xã", pattern: String.raw`xa(?![a-z])` },
  { unit: "ha", pattern: String.raw`ha(?![a-z])` },
  { unit: "km", pattern: String.raw`km(?![a-z])` },
  { unit: "người", pattern: String.raw`nguoi(?![a-z])` },
  // "23.292 khẩu": persons of a household register
  { unit: "người", pattern: String.raw`khau(?![a-z])` },
  { unit: "đô thị", pattern: String.raw`do\s+thi(?![a-z])` },
  // a rank: "thuộc nhóm 70 nước dẫn đầu về Chính phủ điện tử (EGDI)"
  { unit: "hạng", pattern: String.raw`(?:nuoc|quoc\s+gia)\s+dan\s+dau` },
  { unit: "lao động", pattern: String.raw`lao\s+dong(?![a-z])` },
  { unit: "tấn", pattern: String.raw`tan(?![a-z])` },
  { unit: "dự án", pattern: String.raw`du\s+an(?![a-z])` },
  { unit: "trường", pattern: String.raw`truong(?![a-z])` },
] as const satisfies readonly UnitEntry[];

/** A canonical unit. */
export type QuantityUnit = (typeof UNITS)[number]["unit"];

export interface ComparatorEntry {
  readonly comparator: string;
  /** folded spellings that end right before the number */
  spellings: readonly string[];
}

/** The comparator is the most specific phrase right before a number: "đạt trên" reads "trên". */
export const COMPARATORS = [
  { comparator: "không thấp hơn", spellings: ["khong thap hon", "khong duoi", "khong it hon"] },
  { comparator: "không quá", spellings: ["khong qua", "khong vuot qua", "toi da", "duoi muc"] },
  { comparator: "tăng trên", spellings: ["tang tren"] },
  { comparator: "ít nhất", spellings: ["dat it nhat", "it nhat", "toi thieu", "dat toi thieu"] },
  { comparator: "trên", spellings: ["dat tren", "tren", "hon", ">"] },
  { comparator: "dưới", spellings: ["duoi", "<"] },
  { comparator: "khoảng", spellings: ["khoang", "dat khoang", "binh quan"] },
  { comparator: "tăng", spellings: ["tang", "tang them"] },
  { comparator: "giảm", spellings: ["giam", "giam con"] },
  { comparator: "thêm", spellings: ["co them", "them"] },
  { comparator: "đạt", spellings: ["dat", "dat va vuot", "bang"] },
  // after the number ("đạt 7,52% trở lên", "từ 20% trở lên"): COMPARATORS_AFTER
  { comparator: "trở lên", spellings: ["≥"] },
  { comparator: "trở xuống", spellings: ["≤"] },
] as const satisfies readonly ComparatorEntry[];

/** A canonical comparator. */
export type Comparator = (typeof COMPARATORS)[number]["comparator"];

/** Words between a comparator and its number that do not change it ("tăng từ 3 - 3,5%"). */
export const COMPARATOR_FILLERS: readonly string[] = ["tu", "muc", "len"];

/** Comparators printed after the number and its unit ("7,52% trở lên"): folded spelling → canonical. */
export const COMPARATORS_AFTER: readonly (readonly [string, Comparator])[] = [
  ["tro len", "trở lên"],
  ["tro xuong", "trở xuống"],
];
