/**
 * OCR confusions seen in scanned Vietnamese documents (the seed is full of them). Diacritic-only
 * damage ("so" for "số", "Thương" for "Thường", "ƯSD") needs no entry: matching runs on folded
 * text. What is listed here changes letters, so it is applied explicitly.
 */

/**
 * "tr" read as one accented letter at the start of a word: "ừong" (trong), "ừên" (trên),
 * "ữận" (trận), "Chương ừình" (trình). No Vietnamese word starts with ữ, and ừ starts only the
 * interjection "ừ", which is left alone because the repair requires a following letter.
 */
export const WORD_INITIAL_TR_CONFUSIONS: ReadonlyMap<number, string> = new Map([
  [0x1eeb, "tr"], // ừ
  [0x1eef, "tr"], // ữ
  [0x1eea, "Tr"], // Ừ
  [0x1eee, "Tr"], // Ữ
  [0x1ee9, "tr"], // ứ, only before letters that cannot follow it (see WORD_INITIAL_U_ACUTE_KEEPS)
  [0x1ee8, "Tr"], // Ứ
]);

/**
 * A word-initial ứ is a real letter before n, c or plain a ("ứng", "ức", "ứa"); before anything
 * else it is OCR for "tr" ("phát ứiển" is "phát triển", "ứọng điểm" is "trọng điểm").
 */
export const WORD_INITIAL_U_ACUTE_KEEPS = "nca";

/** Icelandic eth (Ð ð) in place of Vietnamese đ (Đ đ): looks the same, breaks "QĐ", "NĐ". */
export const ETH_FOR_D: ReadonlyMap<number, number> = new Map([
  [0x00d0, 0x0110],
  [0x00f0, 0x0111],
]);

/**
 * Roman numerals of Party terms (khóa) as OCR returns them, folded: "xn" is XII, "xm" is XIII,
 * and lower-case forms of the real numerals.
 */
export const TERM_NUMERAL_OCR: ReadonlyMap<string, string> = new Map([
  ["i", "I"],
  ["ii", "II"],
  ["iii", "III"],
  ["iv", "IV"],
  ["v", "V"],
  ["vi", "VI"],
  ["vii", "VII"],
  ["viii", "VIII"],
  ["ix", "IX"],
  ["x", "X"],
  ["xi", "XI"],
  ["xii", "XII"],
  ["xn", "XII"],
  ["xil", "XII"],
  ["xiii", "XIII"],
  ["xm", "XIII"],
  ["xiil", "XIII"],
  ["xiv", "XIV"],
  ["xv", "XV"],
]);

/**
 * Common Vietnamese family names, to repair a signer's name whose first letter OCR lost
 * ("íguyễn Xuân Ký" → "Nguyễn Xuân Ký"): only a one-letter difference in the first letter.
 */
export const VIETNAMESE_SURNAMES: readonly string[] = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
  "Đào",
  "Đinh",
  "Mai",
  "Trịnh",
  "Lương",
  "Lâm",
  "Tô",
  "Hà",
  "Vương",
  "Cao",
  "Chu",
  "Đoàn",
  "Lưu",
  "Tạ",
  "Thái",
  "Triệu",
  "Quách",
  "Nông",
  "Lò",
];
