/**
 * Documents cited by a name that is their identity: the Constitution, the charters (Điều lệ) of
 * the Party and the mass organisations, congress resolutions. Spellings are folded (lower case,
 * no diacritics, đ → d) and matched after "Điều lệ"; the longest first.
 */

export interface CharterEntry {
  /** canonical name */
  name: string;
  /** folded spellings of the organisation after "Điều lệ" */
  spellings: readonly string[];
  /** folded words that, right after a short spelling, make it another body ("Điều lệ Đoàn luật sư") */
  notBefore?: readonly string[];
}

export const CHARTERS: readonly CharterEntry[] = [
  {
    name: "Điều lệ Đảng",
    spellings: ["dang cong san viet nam", "dang"],
    notBefore: ["bo", "vien", "uy", "doan"],
  },
  {
    name: "Điều lệ Đoàn",
    spellings: ["doan thanh nien cong san ho chi minh", "doan tncs ho chi minh", "doan"],
    notBefore: ["luat", "the", "kiem", "dai"],
  },
  {
    name: "Điều lệ Công đoàn Việt Nam",
    spellings: ["cong doan viet nam", "cong doan"],
    notBefore: ["co", "nganh"],
  },
  {
    name: "Điều lệ Hội Liên hiệp Phụ nữ Việt Nam",
    spellings: ["hoi lien hiep phu nu viet nam", "hoi lhpn viet nam", "hoi phu nu viet nam"],
  },
  { name: "Điều lệ Hội Nông dân Việt Nam", spellings: ["hoi nong dan viet nam"] },
  { name: "Điều lệ Hội Cựu chiến binh Việt Nam", spellings: ["hoi cuu chien binh viet nam"] },
  { name: "Điều lệ Mặt trận Tổ quốc Việt Nam", spellings: ["mat tran to quoc viet nam"] },
  { name: "Điều lệ Hội Chữ thập đỏ Việt Nam", spellings: ["hoi chu thap do viet nam"] },
  { name: "Điều lệ Hội Liên hiệp Thanh niên Việt Nam", spellings: ["hoi lien hiep thanh nien viet nam"] },
];

/** Years of the Constitutions of Viet Nam: a year after "Hiến pháp" that is not one of them is not its year. */
export const CONSTITUTION_YEARS: ReadonlySet<number> = new Set([1946, 1959, 1980, 1992, 2013]);

/** Party levels of a congress, folded ("Đại hội Đảng bộ tỉnh …"), to the printed word. */
export const CONGRESS_LEVELS: ReadonlyMap<string, string> = new Map([
  ["tinh", "tỉnh"],
  ["thanh pho", "thành phố"],
  ["huyen", "huyện"],
  ["quan", "quận"],
  ["thi xa", "thị xã"],
  ["xa", "xã"],
  ["phuong", "phường"],
  ["thi tran", "thị trấn"],
  ["khoi", "Khối"],
]);
