import type { OrganizationKind } from "../model.js";
import { foldKey, slugify } from "../text/fold-vietnamese.js";

/**
 * Issuing bodies: how the text names them (after "của …", in headers, in section III) and the
 * issuer codes of symbols that agree with them. Keys are slugs of the canonical name; bodies of
 * a province get the province appended ("tinh-uy-quang-ninh").
 */

export interface OrganizationEntry {
  key: string;
  name: string;
  kind: OrganizationKind;
  /** issuer codes of symbols issued by this body (digits of QH14/QH15 dropped) */
  codes: readonly string[];
  /** folded spellings; the longest that matches wins */
  spellings: readonly string[];
  /** a body of a province (or city): its key and name take the province */
  provincial?: boolean;
  /**
   * a board, office, department or delegation, known here to read issuers (#17): in free text
   * (section III, responsibilities) it keeps its printed name and the key of that name, as it did
   * before it was known, so that documents read before keep their output
   */
  issuerVocabulary?: boolean;
  /**
   * the body is one of several named by their field ("Ban Chỉ đạo Trung ương về …"): followed by
   * "về" and a field not known here, it is an unknown body, not this generic one
   */
  namedWithField?: boolean;
  /**
   * the key of the body it is part of (an organ, board, office or department of it), in the same
   * province for a provincial body: "Sở Tài chính" of a province is part of its People's
   * Committee, "Ban Thường vụ Tỉnh ủy" of its Tỉnh ủy (#20). A provincial department's parent
   * "uy-ban-nhan-dan-tinh" is the city's committee in a centrally-run city.
   */
  parent?: string;
}

export const CENTRAL_PARTY_BODIES: readonly OrganizationEntry[] = [
  {
    key: "ban-chap-hanh-trung-uong",
    name: "Ban Chấp hành Trung ương",
    kind: "party",
    codes: ["TW"],
    // "của Trung ương (khóa XII)" is the Central Committee: in Party usage a document "of the
    // Centre" is a plenum's (Nghị quyết Trung ương); the Politburo and the Secretariat are named.
    spellings: [
      "ban chap hanh trung uong dang",
      "ban chap hanh trung uong",
      "bch trung uong",
      "bchtw",
      "trung uong dang",
      "trung uong",
    ],
  },
  {
    key: "bo-chinh-tri",
    name: "Bộ Chính trị",
    kind: "party",
    codes: ["TW"],
    spellings: ["bo chinh tri"],
    parent: "ban-chap-hanh-trung-uong",
  },
  {
    key: "ban-bi-thu",
    name: "Ban Bí thư",
    kind: "party",
    codes: ["TW"],
    spellings: ["ban bi thu trung uong dang", "ban bi thu trung uong", "ban bi thu"],
    parent: "ban-chap-hanh-trung-uong",
  },
  {
    key: "van-phong-trung-uong-dang",
    name: "Văn phòng Trung ương Đảng",
    kind: "party",
    codes: ["VPTW"],
    spellings: ["van phong trung uong dang", "van phong trung uong"],
    parent: "ban-chap-hanh-trung-uong",
  },
  {
    key: "ban-tuyen-giao-trung-uong",
    name: "Ban Tuyên giáo Trung ương",
    kind: "party",
    codes: ["BTGTW"],
    spellings: ["ban tuyen giao trung uong"],
    parent: "ban-chap-hanh-trung-uong",
  },
  {
    key: "ban-to-chuc-trung-uong",
    name: "Ban Tổ chức Trung ương",
    kind: "party",
    codes: ["BTCTW"],
    spellings: ["ban to chuc trung uong"],
    parent: "ban-chap-hanh-trung-uong",
  },
  {
    key: "uy-ban-kiem-tra-trung-uong",
    name: "Ủy ban Kiểm tra Trung ương",
    kind: "party",
    codes: ["UBKTTW"],
    spellings: ["uy ban kiem tra trung uong"],
    parent: "ban-chap-hanh-trung-uong",
  },
  ...centralPartyBoards([
    ["Ban Dân vận Trung ương", "BDVTW"],
    ["Ban Nội chính Trung ương", "BNCTW"],
    ["Ban Kinh tế Trung ương", "BKTTW"],
    ["Ban Đối ngoại Trung ương", "BĐNTW"],
    ["Ban Chính sách, chiến lược Trung ương", "BCSCLTW"],
    ["Hội đồng Lý luận Trung ương", "HĐLLTW"],
    ["Đảng ủy Khối các cơ quan Trung ương", "ĐUK"],
  ]),
  {
    // Steering committees are named with their field ("Ban Chỉ đạo Trung ương về phòng, chống
    // tham nhũng, lãng phí, tiêu cực"); their symbols vary, so no code.
    key: "ban-chi-dao-trung-uong",
    name: "Ban Chỉ đạo Trung ương",
    kind: "party",
    codes: [],
    spellings: ["ban chi dao trung uong"],
    issuerVocabulary: true,
    namedWithField: true,
  },
  // Central steering committees known by their field (the longest spelling wins over the generic one).
  ...[
    "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "Ban Chỉ đạo Trung ương về hoàn thiện thể chế, pháp luật",
    "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, lãng phí, tiêu cực",
    "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực",
    "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng",
    "Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương, bảo hiểm xã hội và ưu đãi người có công",
  ].map((name): OrganizationEntry => ({
    key: slugify(name),
    name,
    kind: "party",
    codes: [],
    spellings: [foldKey(name)],
    issuerVocabulary: true,
  })),
];

/** A central Party board and its code: named in full, "của Ban …" in citations. */
function centralPartyBoards(boards: readonly (readonly [string, string])[]): OrganizationEntry[] {
  return boards.map(([name, code]) => ({
    key: slugify(name),
    name,
    kind: "party",
    codes: code === "ĐUK" ? [] : [code],
    spellings: [foldKey(name)],
    issuerVocabulary: true,
    parent: "ban-chap-hanh-trung-uong",
  }));
}

/**
 * The boards and office of a provincial Party committee, each under "Tỉnh ủy" and "Thành ủy"
 * ("Văn phòng Tỉnh ủy", code VPTU).
 */
const PROVINCIAL_PARTY_BOARDS: readonly (readonly [string, string])[] = [
  ["Văn phòng", "VPTU"],
  ["Ban Tổ chức", "BTCTU"],
  ["Ban Tuyên giáo", "BTGTU"],
  ["Ban Tuyên giáo và Dân vận", "BTGDVTU"],
  ["Ban Dân vận", "BDVTU"],
  ["Ban Nội chính", "BNCTU"],
  ["Ủy ban Kiểm tra", "UBKTTU"],
];

/** Departments (sở) of a provincial People's Committee, with their codes. */
const PROVINCIAL_DEPARTMENTS: readonly (readonly [string, string])[] = [
  ["Sở Nội vụ", "SNV"],
  ["Sở Tài chính", "STC"],
  ["Sở Kế hoạch và Đầu tư", "SKHĐT"],
  ["Sở Y tế", "SYT"],
  ["Sở Giáo dục và Đào tạo", "SGDĐT"],
  ["Sở Tư pháp", "STP"],
  ["Sở Xây dựng", "SXD"],
  ["Sở Công Thương", "SCT"],
  ["Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"],
  ["Sở Tài nguyên và Môi trường", "STNMT"],
  ["Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT"],
  ["Sở Nông nghiệp và Môi trường", "SNNMT"],
  ["Sở Giao thông vận tải", "SGTVT"],
  ["Sở Khoa học và Công nghệ", "SKHCN"],
  ["Sở Thông tin và Truyền thông", "STTTT"],
  ["Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"],
  ["Sở Văn hóa và Thể thao", "SVHTT"],
  ["Sở Ngoại vụ", "SNgV"],
];

export const PROVINCIAL_BODIES: readonly OrganizationEntry[] = [
  {
    key: "ban-thuong-vu-tinh-uy",
    name: "Ban Thường vụ Tỉnh ủy",
    kind: "party",
    codes: ["TU"],
    spellings: ["ban thuong vu tinh uy", "btv tinh uy"],
    provincial: true,
    parent: "tinh-uy",
  },
  {
    key: "ban-thuong-vu-thanh-uy",
    name: "Ban Thường vụ Thành ủy",
    kind: "party",
    codes: ["TU"],
    spellings: ["ban thuong vu thanh uy"],
    provincial: true,
    parent: "thanh-uy",
  },
  {
    // The Provincial Party Committee *is* its executive committee: one key for both names.
    key: "tinh-uy",
    name: "Ban Chấp hành Đảng bộ tỉnh",
    kind: "party",
    codes: ["TU"],
    spellings: ["ban chap hanh dang bo tinh"],
    provincial: true,
  },
  {
    // The same for a city: the Party Committee of the city is its Thành ủy ("của Hội nghị lần thứ
    // tám Ban Chấp hành Đảng bộ thành phố").
    key: "thanh-uy",
    name: "Thành ủy",
    kind: "party",
    codes: ["TU"],
    spellings: ["ban chap hanh dang bo thanh pho"],
    provincial: true,
  },
  { key: "tinh-uy", name: "Tỉnh ủy", kind: "party", codes: ["TU"], spellings: ["tinh uy"], provincial: true },
  {
    key: "thanh-uy",
    name: "Thành ủy",
    kind: "party",
    codes: ["TU"],
    spellings: ["thanh uy"],
    provincial: true,
  },
  {
    key: "hoi-dong-nhan-dan-tinh",
    name: "Hội đồng nhân dân tỉnh",
    kind: "council",
    codes: ["HĐND"],
    spellings: ["hoi dong nhan dan tinh", "hdnd tinh"],
    provincial: true,
  },
  {
    key: "hoi-dong-nhan-dan-thanh-pho",
    name: "Hội đồng nhân dân thành phố",
    kind: "council",
    codes: ["HĐND"],
    spellings: ["hoi dong nhan dan thanh pho", "hdnd thanh pho"],
    provincial: true,
  },
  {
    key: "thuong-truc-hoi-dong-nhan-dan-tinh",
    name: "Thường trực Hội đồng nhân dân tỉnh",
    kind: "council",
    codes: ["HĐND"],
    spellings: ["thuong truc hoi dong nhan dan tinh", "thuong truc hdnd tinh"],
    provincial: true,
    parent: "hoi-dong-nhan-dan-tinh",
  },
  {
    key: "uy-ban-nhan-dan-tinh",
    name: "Ủy ban nhân dân tỉnh",
    kind: "state",
    codes: ["UBND"],
    spellings: ["uy ban nhan dan tinh", "ubnd tinh"],
    provincial: true,
  },
  {
    key: "uy-ban-nhan-dan-thanh-pho",
    name: "Ủy ban nhân dân thành phố",
    kind: "state",
    codes: ["UBND"],
    spellings: ["uy ban nhan dan thanh pho", "ubnd thanh pho"],
    provincial: true,
  },
  ...(["tỉnh", "thành phố"] as const).map((level): OrganizationEntry => ({
    // a council's monitoring delegation reports under its own code (33/BC-ĐGS), which other
    // delegations (the National Assembly's) use too: no code
    key: slugify(`Đoàn Giám sát Hội đồng nhân dân ${level}`),
    name: `Đoàn Giám sát Hội đồng nhân dân ${level}`,
    kind: "council",
    codes: [],
    spellings: [
      `doan giam sat hoi dong nhan dan ${foldKey(level)}`,
      `doan giam sat cua hoi dong nhan dan ${foldKey(level)}`,
      `doan giam sat hdnd ${foldKey(level)}`,
    ],
    provincial: true,
    issuerVocabulary: true,
    parent: slugify(`Hội đồng nhân dân ${level}`),
  })),
  ...PROVINCIAL_PARTY_BOARDS.flatMap(([board, code]) =>
    (["Tỉnh ủy", "Thành ủy"] as const).map((committee): OrganizationEntry => ({
      key: slugify(`${board} ${committee}`),
      name: `${board} ${committee}`,
      kind: "party",
      codes: [code],
      spellings: [foldKey(`${board} ${committee}`)],
      provincial: true,
      issuerVocabulary: true,
      parent: slugify(committee),
    })),
  ),
  {
    key: "van-phong-uy-ban-nhan-dan-tinh",
    name: "Văn phòng Ủy ban nhân dân tỉnh",
    kind: "state",
    codes: ["VPUB", "VPUBND"],
    spellings: ["van phong uy ban nhan dan tinh", "van phong ubnd tinh"],
    provincial: true,
    issuerVocabulary: true,
    parent: "uy-ban-nhan-dan-tinh",
  },
  ...PROVINCIAL_DEPARTMENTS.map(([name, code]): OrganizationEntry => ({
    key: slugify(name),
    name,
    kind: "state",
    codes: [code],
    spellings: [foldKey(name)],
    provincial: true,
    issuerVocabulary: true,
    parent: "uy-ban-nhan-dan-tinh",
  })),
];

interface Ministry {
  code: string;
  name: string;
  /** other folded spellings: the short names people write ("Bộ KH&ĐT", "Bộ LĐTBXH") */
  extra?: readonly string[];
}

const MINISTRIES: readonly Ministry[] = [
  { code: "BTC", name: "Bộ Tài chính" },
  { code: "BLĐTBXH", name: "Bộ Lao động - Thương binh và Xã hội", extra: ["bo ldtbxh", "bo ld-tb&xh"] },
  { code: "BKHĐT", name: "Bộ Kế hoạch và Đầu tư", extra: ["bo kh&dt", "bo khdt"] },
  { code: "BCA", name: "Bộ Công an" },
  { code: "BQP", name: "Bộ Quốc phòng" },
  { code: "BYT", name: "Bộ Y tế" },
  { code: "BGDĐT", name: "Bộ Giáo dục và Đào tạo", extra: ["bo gd&dt", "bo gddt"] },
  { code: "BNV", name: "Bộ Nội vụ" },
  { code: "BTP", name: "Bộ Tư pháp" },
  { code: "BCT", name: "Bộ Công Thương" },
  { code: "BXD", name: "Bộ Xây dựng" },
  { code: "BGTVT", name: "Bộ Giao thông vận tải", extra: ["bo gtvt"] },
  { code: "BTNMT", name: "Bộ Tài nguyên và Môi trường", extra: ["bo tn&mt", "bo tnmt"] },
  { code: "BNNPTNT", name: "Bộ Nông nghiệp và Phát triển nông thôn", extra: ["bo nn&ptnt", "bo nnptnt"] },
  { code: "BNNMT", name: "Bộ Nông nghiệp và Môi trường", extra: ["bo nn&mt", "bo nnmt"] },
  { code: "BKHCN", name: "Bộ Khoa học và Công nghệ", extra: ["bo kh&cn", "bo khcn"] },
  { code: "BVHTTDL", name: "Bộ Văn hóa, Thể thao và Du lịch", extra: ["bo vhttdl", "bo vh,tt&dl"] },
  { code: "BTTTT", name: "Bộ Thông tin và Truyền thông", extra: ["bo tt&tt", "bo tttt"] },
  { code: "BNG", name: "Bộ Ngoại giao" },
  { code: "BDTTG", name: "Bộ Dân tộc và Tôn giáo" },
  { code: "UBDT", name: "Ủy ban Dân tộc" },
  { code: "TTCP", name: "Thanh tra Chính phủ" },
  {
    code: "NHNN",
    name: "Ngân hàng Nhà nước Việt Nam",
    extra: ["thong doc ngan hang nha nuoc viet nam", "thong doc ngan hang nha nuoc", "ngan hang nha nuoc"],
  },
  { code: "VPCP", name: "Văn phòng Chính phủ" },
  { code: "BHXH", name: "Bảo hiểm xã hội Việt Nam" },
  { code: "KTNN", name: "Kiểm toán nhà nước" },
];

export const NATIONAL_STATE_BODIES: readonly OrganizationEntry[] = [
  { key: "chinh-phu", name: "Chính phủ", kind: "state", codes: ["CP"], spellings: ["chinh phu"] },
  {
    key: "thu-tuong-chinh-phu",
    name: "Thủ tướng Chính phủ",
    kind: "state",
    codes: ["TTg"],
    spellings: ["thu tuong chinh phu", "thu tuong"],
    parent: "chinh-phu",
  },
  { key: "quoc-hoi", name: "Quốc hội", kind: "legislature", codes: ["QH"], spellings: ["quoc hoi"] },
  {
    key: "uy-ban-thuong-vu-quoc-hoi",
    name: "Ủy ban Thường vụ Quốc hội",
    kind: "legislature",
    codes: ["UBTVQH"],
    spellings: ["uy ban thuong vu quoc hoi", "ubtvqh"],
    parent: "quoc-hoi",
  },
  {
    key: "chu-tich-nuoc",
    name: "Chủ tịch nước",
    kind: "state",
    codes: ["CTN"],
    spellings: ["chu tich nuoc"],
  },
  {
    key: "toa-an-nhan-dan-toi-cao",
    name: "Tòa án nhân dân tối cao",
    kind: "state",
    codes: ["TANDTC", "HĐTP"],
    spellings: ["hoi dong tham phan toa an nhan dan toi cao", "toa an nhan dan toi cao"],
  },
  {
    key: "vien-kiem-sat-nhan-dan-toi-cao",
    name: "Viện kiểm sát nhân dân tối cao",
    kind: "state",
    codes: ["VKSNDTC"],
    spellings: ["vien kiem sat nhan dan toi cao"],
  },
  {
    key: "tong-lien-doan-lao-dong-viet-nam",
    name: "Tổng Liên đoàn Lao động Việt Nam",
    kind: "other",
    codes: ["TLĐ"],
    spellings: [
      "ban chap hanh tong lien doan lao dong viet nam",
      "doan chu tich tong lien doan lao dong viet nam",
      "tong lien doan lao dong viet nam",
    ],
  },
  ...MINISTRIES.map((m): OrganizationEntry => ({
    key: slugify(m.name),
    name: m.name,
    kind: "ministry",
    codes: [m.code],
    spellings: [...(m.extra ?? []), `bo truong ${foldKey(m.name)}`, foldKey(m.name)],
    // the State Audit answers to the National Assembly, not to the Government
    parent: m.code === "KTNN" ? "quoc-hoi" : "chinh-phu",
  })),
];

export const ORGANIZATIONS: readonly OrganizationEntry[] = [
  ...CENTRAL_PARTY_BODIES,
  ...PROVINCIAL_BODIES,
  ...NATIONAL_STATE_BODIES,
];

/**
 * Issuer codes that name several bodies: the issuer is left null when the text does not say
 * which one, and these candidates are reported instead.
 */
export const AMBIGUOUS_ISSUER_CODES: ReadonlyMap<string, readonly string[]> = new Map([
  ["TW", ["ban-chap-hanh-trung-uong", "bo-chinh-tri", "ban-bi-thu"]],
  ["TU", ["tinh-uy", "ban-thuong-vu-tinh-uy"]],
  ["HĐND", ["hoi-dong-nhan-dan-tinh", "thuong-truc-hoi-dong-nhan-dan-tinh"]],
  ["UBND", ["uy-ban-nhan-dan-tinh"]],
]);

/** Codes of Party committees below the province, and other Party issuer codes (no single body). */
export const OTHER_PARTY_ISSUER_CODES: readonly string[] = [
  "HU",
  "QU",
  "ĐU",
  "ĐUK",
  "BCSĐ",
  "ĐĐ",
  "ĐĐQH",
  "VPTU",
  "BTGTU",
  "BTCTU",
  "UBKTTU",
  "BDVTU",
];

/** Issuer codes known as such (symbols whose first code after "/" is one of these are plausible). */
export const OTHER_ISSUER_CODES: readonly string[] = [
  "MTTQ",
  "UBTWMTTQVN",
  "LMHTXVN",
  "LPQT",
  "BTCTW",
  "TCT",
  "TCHQ",
  "TCTK",
  "KBNN",
  "SGDĐT",
  "SYT",
  "STC",
  "SKHĐT",
  "SNV",
  "VP",
  "TH",
  "KT",
  "VX",
  "NC",
];

/**
 * Kind of a body named in free text (section III, headers), by its first words, folded; the
 * first prefix that matches wins, so the more specific come first.
 */
export const BODY_KIND_PREFIXES: readonly (readonly [string, OrganizationKind])[] = [
  ["uy ban kiem tra", "party"],
  ["dang doan", "party"],
  ["ban can su dang", "party"],
  ["dang uy", "party"],
  ["ban chap hanh", "party"],
  ["ban thuong vu", "party"],
  ["uy vien", "party"],
  ["tinh uy", "party"],
  ["huyen uy", "party"],
  ["thi uy", "party"],
  ["thanh uy", "party"],
  ["chi bo", "party"],
  ["van phong tinh uy", "party"],
  ["ban tuyen giao", "party"],
  ["ban to chuc", "party"],
  ["ban dan van", "party"],
  ["ban noi chinh", "party"],
  ["ban xay dung dang", "party"],
  ["cac ban xay dung dang", "party"],
  ["ban kinh te", "council"],
  ["ban van hoa", "council"],
  ["ban phap che", "council"],
  ["hoi dong nhan dan", "council"],
  ["thuong truc hoi dong nhan dan", "council"],
  ["thuong truc hdnd", "council"],
  ["hdnd", "council"],
  ["quoc hoi", "legislature"],
  ["uy ban nhan dan", "state"],
  ["ubnd", "state"],
  ["so ", "state"],
  ["trung tam", "state"],
  ["chinh quyen", "state"],
  ["co quan", "state"],
  ["chinh phu", "state"],
  ["thu tuong", "state"],
  ["bo ", "ministry"],
  ["mat tran", "other"],
  ["to chuc chinh tri", "other"],
  ["cac to chuc chinh tri", "other"],
];

/** Bodies whose name is national: no province is appended to their key (folded prefixes). */
export const NATIONAL_BODY_PREFIXES: readonly string[] = [
  "bo ",
  "chinh phu",
  "thu tuong",
  "quoc hoi",
  "trung uong",
  "ban chap hanh trung uong",
  "bo chinh tri",
  "ban bi thu",
  "van phong chinh phu",
  "ngan hang nha nuoc",
  "toa an nhan dan toi cao",
  "vien kiem sat nhan dan toi cao",
];

/** Party issuer codes as they appear in file names: "05-ct-tw" is 05-CT/TW, not 05/CT-TW. */
export const PARTY_CODES_IN_FILE_NAMES = new Set<string>(["tw", "tu", "hu", "du", "duk", "đu", "đuk"]);
