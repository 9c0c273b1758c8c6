/**
 * Names of bodies as they should be written, to repair the names that section III prints with
 * OCR damage ("tồ chức chính trị - xã hội" → "Tổ chức chính trị - xã hội", "Sở Thông tín Truyền
 * thông" → "Sở Thông tin và Truyền thông"). Besides the canonical names of the known bodies
 * (vocabulary/organizations.ts, added by the repair itself), the kinds of body that resolutions
 * assign duties to without naming one of them: a district committee, the Fatherland Front, the
 * socio-political organisations. Written with their diacritics and usual capitals; a name is
 * matched from the start of the printed name, the words after it kept as printed.
 */
export const GENERIC_BODY_NAMES: readonly string[] = [
  "Tổ chức chính trị - xã hội",
  "Mặt trận Tổ quốc Việt Nam",
  "Mặt trận Tổ quốc",
  "Ủy ban Mặt trận Tổ quốc Việt Nam",
  "Ủy ban Mặt trận Tổ quốc",
  "Đảng đoàn Hội đồng nhân dân",
  "Đảng đoàn Mặt trận Tổ quốc",
  "Ban cán sự đảng Ủy ban nhân dân",
  "Ủy ban nhân dân",
  "Hội đồng nhân dân",
  "Thường trực Hội đồng nhân dân",
  "Ban Kinh tế - Ngân sách Hội đồng nhân dân",
  "Ban Văn hóa - Xã hội Hội đồng nhân dân",
  "Ban Pháp chế Hội đồng nhân dân",
  "Ban Dân tộc Hội đồng nhân dân",
  "Ban xây dựng Đảng",
  "Ban Chấp hành Đảng bộ",
  "Ban Thường vụ",
  "Huyện ủy",
  "Thị ủy",
  "Thành ủy",
  "Tỉnh ủy",
  "Đảng ủy Khối",
  "Đảng ủy",
  "Trung tâm Truyền thông",
  "Liên đoàn Lao động",
  "Hội Liên hiệp Phụ nữ",
  "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
  "Hội Nông dân",
  "Hội Cựu chiến binh",
];

/**
 * Words that a printed name may drop without naming another body: "Sở Thông tin Truyền
 * thông" is the department "Sở Thông tin và Truyền thông" (folded).
 */
export const OPTIONAL_NAME_WORDS: ReadonlySet<string> = new Set(["va"]);

/**
 * A known body's printed name is compared with a name of the vocabulary within one edit (OCR
 * damage: "Ủy han nhân dân"), when the name is at least this long (folded): shorter names are
 * too close to each other ("Bộ Y tế", "Bộ Tư pháp") for an edit to be damage.
 */
export const MIN_FUZZY_NAME_CHARS = 14;
