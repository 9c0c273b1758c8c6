/**
 * SYNTHETIC corpus for the scale benchmark (issue #6). None of these documents is real: every title
 * says "văn bản tổng hợp" and every source name starts with "synthetic-".
 *
 * Shaped like the seed resolution: a header (issuer, number, place and date, type, subject), section
 * I with a general aim and numbered targets "(1) …", section II with numbered tasks and sub-tasks,
 * section III naming who does what. Documents are issued in date order and cite EARLIER ones, so
 * chains of directives exist (a task implements a document whose tasks implement older ones); a
 * few hubs take a tenth of all citations (like 26-NQ/TW in real texts); some citations go to
 * documents never ingested (stubs). Party symbols (26-NQ/TW, 18-CT/TU) and State symbols
 * (128/NQ-CP, 16/2021/NQ-HĐND, 1909/QĐ-TTg, 15/2020/NĐ-CP) are both used, for the documents
 * themselves and for their citations.
 *
 * Two phases, so that 10^6 nodes never sit in memory as text: `planCorpus` makes every random
 * choice that shapes the graph (which documents exist, what each cites, how many tasks), cheap
 * objects only; `renderDocument` turns one plan into text with its own seeded RNG for wording.
 * The same seed and size give the same corpus, byte for byte.
 */
import { seededRandom } from "../synthetic-corpus.js";

export type SymbolStyle = "party" | "state";

interface Kind {
  id: string;
  style: SymbolStyle;
  /** central documents cite central ones only; provincial ones cite both, as real ones do */
  level: "central" | "provincial";
  /** document type word as printed in a citation: "Nghị quyết" */
  typeWord: string;
  /** type code as it appears in the graph key: "NQ" */
  typeCode: string;
  /** heading under the issuer block: "NGHỊ QUYẾT" */
  heading: string;
  /** the issuer block at the top of the document */
  issuerBlock: string[];
  /** the line under the type heading, or null */
  ofLine: string | null;
  /** how citations name the issuer: "của Chính phủ" */
  issuerPhrase: string;
  place: string;
  symbol(number: number, year: number): string;
  /** relative frequency among ingested documents */
  weight: number;
}

const province = "QUẢNG NINH";

/** Ingested document kinds: Party (central and provincial) and State (government, Prime Minister, council). */
const kinds: Kind[] = [
  {
    id: "nq-tw",
    level: "central",
    style: "party",
    typeWord: "Nghị quyết",
    typeCode: "NQ",
    heading: "NGHỊ QUYẾT",
    issuerBlock: ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"],
    ofLine: "CỦA BAN CHẤP HÀNH TRUNG ƯƠNG",
    issuerPhrase: "Ban Chấp hành Trung ương",
    place: "Hà Nội",
    symbol: (n) => `${String(n).padStart(2, "0")}-NQ/TW`,
    weight: 8,
  },
  {
    id: "kl-tw",
    level: "central",
    style: "party",
    typeWord: "Kết luận",
    typeCode: "KL",
    heading: "KẾT LUẬN",
    issuerBlock: ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"],
    ofLine: "CỦA BỘ CHÍNH TRỊ",
    issuerPhrase: "Bộ Chính trị",
    place: "Hà Nội",
    symbol: (n) => `${String(n).padStart(2, "0")}-KL/TW`,
    weight: 8,
  },
  {
    id: "ct-tw",
    level: "central",
    style: "party",
    typeWord: "Chỉ thị",
    typeCode: "CT",
    heading: "CHỈ THỊ",
    issuerBlock: ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"],
    ofLine: "CỦA BAN BÍ THƯ",
    issuerPhrase: "Ban Bí thư",
    place: "Hà Nội",
    symbol: (n) => `${String(n).padStart(2, "0")}-CT/TW`,
    weight: 6,
  },
  {
    id: "nq-tu",
    level: "provincial",
    style: "party",
    typeWord: "Nghị quyết",
    typeCode: "NQ",
    heading: "NGHỊ QUYẾT",
    issuerBlock: [`TỈNH ỦY ${province}`, "*"],
    ofLine: "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH",
    issuerPhrase: "Tỉnh ủy",
    place: "Quảng Ninh",
    symbol: (n) => `${String(n).padStart(2, "0")}-NQ/TU`,
    weight: 12,
  },
  {
    id: "ct-tu",
    level: "provincial",
    style: "party",
    typeWord: "Chỉ thị",
    typeCode: "CT",
    heading: "CHỈ THỊ",
    issuerBlock: [`TỈNH ỦY ${province}`, "*"],
    ofLine: "CỦA BAN THƯỜNG VỤ TỈNH ỦY",
    issuerPhrase: "Ban Thường vụ Tỉnh ủy",
    place: "Quảng Ninh",
    symbol: (n) => `${String(n).padStart(2, "0")}-CT/TU`,
    weight: 10,
  },
  {
    id: "kh-tu",
    level: "provincial",
    style: "party",
    typeWord: "Kế hoạch",
    typeCode: "KH",
    heading: "KẾ HOẠCH",
    issuerBlock: [`TỈNH ỦY ${province}`, "*"],
    ofLine: "CỦA BAN THƯỜNG VỤ TỈNH ỦY",
    issuerPhrase: "Ban Thường vụ Tỉnh ủy",
    place: "Quảng Ninh",
    symbol: (n) => `${String(n).padStart(2, "0")}-KH/TU`,
    weight: 10,
  },
  {
    id: "nq-cp",
    level: "central",
    style: "state",
    typeWord: "Nghị quyết",
    typeCode: "NQ",
    heading: "NGHỊ QUYẾT",
    issuerBlock: ["CHÍNH PHỦ", "-------"],
    ofLine: null,
    issuerPhrase: "Chính phủ",
    place: "Hà Nội",
    symbol: (n) => `${String(n).padStart(2, "0")}/NQ-CP`,
    weight: 14,
  },
  {
    id: "qd-ttg",
    level: "central",
    style: "state",
    typeWord: "Quyết định",
    typeCode: "QĐ",
    heading: "QUYẾT ĐỊNH",
    issuerBlock: ["THỦ TƯỚNG CHÍNH PHỦ", "-------"],
    ofLine: null,
    issuerPhrase: "Thủ tướng Chính phủ",
    place: "Hà Nội",
    symbol: (n) => `${String(n).padStart(2, "0")}/QĐ-TTg`,
    weight: 14,
  },
  {
    id: "nq-hdnd",
    level: "provincial",
    style: "state",
    typeWord: "Nghị quyết",
    typeCode: "NQ",
    heading: "NGHỊ QUYẾT",
    issuerBlock: [`HỘI ĐỒNG NHÂN DÂN TỈNH ${province}`, "-------"],
    ofLine: null,
    issuerPhrase: "Hội đồng nhân dân tỉnh",
    place: "Quảng Ninh",
    symbol: (n, year) => `${String(n).padStart(2, "0")}/${year}/NQ-HĐND`,
    weight: 18,
  },
];

/** Documents cited but never ingested (decrees, circulars): they become stubs. */
const externalKinds = [
  {
    typeWord: "Nghị định",
    typeCode: "NĐ",
    issuerPhrase: "Chính phủ",
    symbol: (n: number, year: number) => `${n}/${year}/NĐ-CP`,
  },
  {
    typeWord: "Thông tư",
    typeCode: "TT",
    issuerPhrase: "Bộ Tài chính",
    symbol: (n: number, year: number) => `${String(n).padStart(2, "0")}/${year}/TT-BTC`,
  },
  {
    typeWord: "Nghị quyết",
    typeCode: "NQ",
    issuerPhrase: "Bộ Chính trị",
    symbol: (n: number) => `${String(n).padStart(2, "0")}-NQ/TW`,
  },
] as const;

/** A document as citations see it: enough to print "Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ". */
export interface CitedDocument {
  typeWord: string;
  symbol: string;
  /** the graph key the extractor gives it: typeCode|symbol|year */
  key: string;
  day: number;
  month: number;
  year: number;
  issuerPhrase: string;
  style: SymbolStyle;
}

/** One sub-task (II.h.s) or heading (II.h) body: which documents it cites, in order. */
interface PlannedBody {
  cites: CitedDocument[];
}

export interface DocumentPlan {
  index: number;
  kind: Kind;
  own: CitedDocument;
  /** targets (1)…(n) in I.2; none → no I.2 */
  targets: number;
  /** a preamble citation ("Căn cứ …", State documents only) */
  preamble: CitedDocument | null;
  /** II.h: the heading's own body, then its sub-tasks */
  headings: Array<{ body: PlannedBody; subs: PlannedBody[] }>;
}

export interface CorpusPlan {
  seed: number;
  targetNodes: number;
  documents: DocumentPlan[];
  /** what the generator expects the loaded graph to hold, before counting it for real */
  estimatedNodes: number;
  citations: number;
  externalDocuments: number;
  hubs: string[];
}

/** What `renderDocument` produces: the text and what the extractor should find in it. */
export interface GeneratedDocument {
  name: string;
  text: string;
  key: string;
  symbol: string;
  style: SymbolStyle;
  /** keys of every citation in the text, in text order */
  citationKeys: string[];
  /** headings the extractor should find (the loader adds a `preamble` task when `preamble`) */
  headings: number;
  preamble: boolean;
  targets: number;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function pickWeighted(random: () => number, items: readonly Kind[]): Kind {
  const total = items.reduce((sum, k) => sum + k.weight, 0);
  let r = random() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1]!;
}

/** Headings the extractor finds in a plan: I, I.1, [I.2], II, II.h, II.h.s, III, III.n. */
export function plannedHeadings(plan: DocumentPlan): number {
  const section2 = plan.headings.reduce((n, h) => n + 1 + h.subs.length, 0);
  return 2 + (plan.targets > 0 ? 1 : 0) + 1 + section2 + 1 + responsibleItems;
}

/** Task nodes in the graph: the headings, plus the loader's `preamble` task for a "Căn cứ" citation. */
export function plannedTasks(plan: DocumentPlan): number {
  return plannedHeadings(plan) + (plan.preamble ? 1 : 0);
}

/** Organisations the documents name (issuers and section III): a small fixed set, counted once. */
const organisationNodesEstimate = 40;

/**
 * Plans documents until the estimated node count (documents + tasks + targets + stubs +
 * organisations) reaches `targetNodes`. Years run 2000 → 2024 over the corpus so that citations
 * to earlier documents are also chronologically earlier.
 */
export function planCorpus(options: { targetNodes: number; seed: number }): CorpusPlan {
  const random = seededRandom(options.seed);
  // a first guess of the corpus length, only to spread years and size the external pool
  const expectedDocuments = Math.max(10, Math.round(options.targetNodes / 36));
  const externalCount = Math.max(20, Math.round(expectedDocuments / 15));
  const external: CitedDocument[] = [];
  for (let i = 0; i < externalCount; i++) {
    const kind = externalKinds[i % externalKinds.length]!;
    const year = 1995 + Math.floor(random() * 29);
    // numbers above the ingested ones (those restart at 1 each year or term and stay under ~500 at
    // 10^6 nodes), so no external key is also an ingested document's
    const number = 900 + i;
    const symbol = kind.symbol(number, year);
    external.push({
      typeWord: kind.typeWord,
      symbol,
      key: `${kind.typeCode}|${symbol}|${year}`,
      day: 1 + Math.floor(random() * 28),
      month: 1 + Math.floor(random() * 12),
      year,
      issuerPhrase: kind.issuerPhrase,
      style: kind.typeCode === "NQ" ? "party" : "state",
    });
  }

  const documents: DocumentPlan[] = [];
  const issued: CitedDocument[] = [];
  const issuedCentral: CitedDocument[] = [];
  const hubs: CitedDocument[] = [];
  const numbers = new Map<string, number>();
  const citedExternal = new Set<string>();
  let estimatedNodes = organisationNodesEstimate;
  let citations = 0;

  // years only grow along the corpus: the external documents issued so far are a prefix
  external.sort((a, b) => a.year - b.year);
  let externalSoFar = 1;
  // like the seed, a document cites another at most once (a hub is cited by many documents, not
  // many times by one); and a citation of the document's own symbol would read as the document
  // naming itself
  const citedHere = new Set<string>();
  const citeOne = (year: number, level: Kind["level"], ownSymbol: string): CitedDocument | null => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const cited = drawCited(year, level);
      if (cited.symbol !== ownSymbol && !citedHere.has(cited.key)) {
        citedHere.add(cited.key);
        return cited;
      }
    }
    return null;
  };
  const drawCited = (year: number, level: Kind["level"]): CitedDocument => {
    while (externalSoFar < external.length && external[externalSoFar]!.year <= year) externalSoFar += 1;
    const pool = level === "central" ? issuedCentral : issued;
    const r = random();
    if (pool.length === 0 || r < 0.12) {
      const cited = external[Math.floor(random() * externalSoFar)]!;
      citedExternal.add(cited.key);
      return cited;
    }
    if (hubs.length > 0 && r < 0.22) return pick(random, hubs);
    // recent documents are cited more than old ones (a new plan implements last year's resolution)
    if (r < 0.62) return pool[Math.max(0, pool.length - 1 - Math.floor(random() * 300))]!;
    return pick(random, pool);
  };
  const plannedBody = (own: CitedDocument, level: Kind["level"], mean: number): PlannedBody => {
    const count = Math.floor(mean + random() * 1.0 + (random() < 0.05 ? 3 : 0));
    const cites: CitedDocument[] = [];
    for (let c = 0; c < count; c++) {
      const cited = citeOne(own.year, level, own.symbol);
      if (cited) cites.push(cited);
    }
    citations += cites.length;
    return { cites };
  };

  for (let index = 0; estimatedNodes + citedExternal.size < options.targetNodes; index++) {
    const kind = pickWeighted(random, kinds);
    const progress = Math.min(1, index / expectedDocuments);
    const year = 2000 + Math.min(24, Math.floor(progress * 25));
    // Party numbering restarts each five-year term (26-NQ/TW is one document per term), State
    // numbering each year (128/NQ-CP of 2021 and of 2022 are two documents)
    const period = kind.style === "party" ? Math.floor((year - 2001) / 5) : year;
    const counterKey = `${kind.id}|${period}`;
    // State numbers grow by more than one (other documents of the year take the numbers between)
    const step = kind.style === "state" ? 1 + Math.floor(random() * 6) : 1;
    const number = (numbers.get(counterKey) ?? 0) + step;
    numbers.set(counterKey, number);
    const symbol = kind.symbol(number, year);
    const own: CitedDocument = {
      typeWord: kind.typeWord,
      symbol,
      key: `${kind.typeCode}|${symbol}|${year}`,
      day: 1 + Math.floor(random() * 28),
      month: 1 + Math.floor(random() * 12),
      year,
      issuerPhrase: kind.issuerPhrase,
      style: kind.style,
    };
    citedHere.clear();
    // about the seed's shape (6 headings, 21 sub-tasks, 16 targets), with spread
    const headingCount = 3 + Math.floor(random() * 8);
    const headings: DocumentPlan["headings"] = [];
    for (let h = 0; h < headingCount; h++) {
      const body = plannedBody(own, kind.level, random() < 0.5 ? 0.4 : 0);
      const subCount = Math.floor(random() * 5);
      const subs: PlannedBody[] = [];
      for (let s = 0; s < subCount; s++) subs.push(plannedBody(own, kind.level, 0.6));
      headings.push({ body, subs });
    }
    const preamble = kind.style === "state" && issued.length > 0 ? citeOne(year, kind.level, symbol) : null;
    if (preamble) citations += 1;
    const plan: DocumentPlan = {
      index,
      kind,
      own,
      targets: random() < 0.7 ? 2 + Math.floor(random() * 8) : 0,
      preamble,
      headings,
    };
    documents.push(plan);
    issued.push(own);
    if (kind.level === "central") {
      issuedCentral.push(own);
      // hubs: the first central documents, cited from everywhere ever after (like 26-NQ/TW)
      if (hubs.length < 6) hubs.push(own);
    }
    estimatedNodes += 1 + plannedTasks(plan) + plan.targets;
  }
  return {
    seed: options.seed,
    targetNodes: options.targetNodes,
    documents,
    estimatedNodes: estimatedNodes + citedExternal.size,
    citations,
    externalDocuments: citedExternal.size,
    hubs: hubs.map((h) => h.key),
  };
}

const topics = [
  "phát triển kinh tế biển bền vững",
  "chuyển đổi số toàn diện",
  "xây dựng đội ngũ cán bộ các cấp",
  "phát triển văn hóa, con người",
  "cải cách hành chính, cải thiện môi trường đầu tư",
  "bảo vệ môi trường, ứng phó biến đổi khí hậu",
  "phát triển nguồn nhân lực chất lượng cao",
  "bảo đảm quốc phòng, an ninh",
  "phát triển hạ tầng giao thông",
  "nâng cao chất lượng y tế cơ sở",
];
const verbs = [
  "Tiếp tục triển khai có hiệu quả",
  "Tập trung thực hiện",
  "Quán triệt, cụ thể hóa",
  "Triển khai thực hiện nghiêm túc",
  "Tổ chức sơ kết việc thực hiện",
];
const filler = [
  "Nâng cao hiệu quả, hiệu lực quản lý nhà nước; tăng cường kiểm tra, giám sát.",
  "Phát huy vai trò chủ động, tích cực của hệ thống chính trị ở cơ sở.",
  "Bảo đảm nguồn lực triển khai hoàn thành dứt điểm các công trình, dự án trọng điểm.",
  "Đề cao trách nhiệm người đứng đầu trong tổ chức thực hiện.",
  "Đẩy mạnh ứng dụng công nghệ thông tin, cải cách thủ tục hành chính.",
  "Tăng cường phối hợp giữa các cấp, các ngành trong chỉ đạo, điều hành.",
];
const targetPhrases = [
  "Tốc độ tăng trưởng GRDP đạt trên 10%.",
  "Tỷ lệ lao động đã qua đào tạo đạt 85%.",
  "Tỷ lệ che phủ rừng đạt 55%.",
  "Tỷ lệ hộ nghèo giảm 0,5%.",
  "Thu hút vốn FDI đạt ít nhất 1,5 tỷ USD.",
  "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 90%.",
];
/** Section III: who does what (same number of items at both levels: plannedTasks counts them). */
const responsible: Record<Kind["level"], string[]> = {
  provincial: [
    "Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo xây dựng kế hoạch thực hiện, hoàn thành trước ngày 31/12 hằng năm.",
    "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan tổ chức phổ biến, tuyên truyền.",
    "Ủy ban kiểm tra Tỉnh ủy thực hiện việc giám sát, kiểm tra các cơ quan trong tổ chức thực hiện.",
  ],
  central: [
    "Các bộ, ngành chủ trì xây dựng kế hoạch thực hiện, hoàn thành trước ngày 31/12 hằng năm.",
    "Ban Tuyên giáo Trung ương chủ trì, phối hợp với các cơ quan liên quan tổ chức phổ biến, tuyên truyền.",
    "Ủy ban Kiểm tra Trung ương thực hiện việc giám sát, kiểm tra các cơ quan trong tổ chức thực hiện.",
  ],
};
const responsibleItems = 3;

function citationPhrase(cited: CitedDocument): string {
  return `${cited.typeWord} số ${cited.symbol} ngày ${cited.day}/${cited.month}/${cited.year} của ${cited.issuerPhrase}`;
}

/** A mixing step, so that per-document RNG streams from neighbouring indexes are unrelated. */
function documentSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  return Math.imul(h, 0x27d4eb2d) >>> 0;
}

/** The text of one planned document, and what the extractor should find in it. */
export function renderDocument(plan: DocumentPlan, seed: number): GeneratedDocument {
  const random = seededRandom(documentSeed(seed, plan.index));
  const { kind, own } = plan;
  const citationKeys: string[] = [];
  const body = (cites: CitedDocument[]): string => {
    const sentences = cites.map((cited) => {
      citationKeys.push(cited.key);
      return `${pick(random, verbs)} ${citationPhrase(cited)} về ${pick(random, topics)}.`;
    });
    const fillers = 1 + Math.floor(random() * 3);
    for (let f = 0; f < fillers; f++) sentences.push(pick(random, filler));
    return sentences.join(" ");
  };
  const lines: string[] = [
    ...kind.issuerBlock,
    `Số: ${own.symbol}`,
    `${kind.place}, ngày ${own.day} tháng ${own.month} năm ${own.year}`,
    "",
    kind.heading,
    ...(kind.ofLine ? [kind.ofLine] : []),
    `về ${pick(random, topics)} (văn bản tổng hợp số ${plan.index + 1}, không có thật)`,
    "",
  ];
  if (plan.preamble) {
    citationKeys.push(plan.preamble.key);
    lines.push(`Căn cứ ${citationPhrase(plan.preamble)};`, "");
  }
  lines.push("I- MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU", "1. Mục tiêu tổng quát", pick(random, filler), "");
  if (plan.targets > 0) {
    const items: string[] = [];
    for (let t = 1; t <= plan.targets; t++) items.push(`(${t}) ${pick(random, targetPhrases)}`);
    lines.push(`2. Các chỉ tiêu chủ yếu: ${items.join(" ")}`, "");
  }
  lines.push("II- NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU");
  plan.headings.forEach((heading, h) => {
    lines.push(`${h + 1}. Nhiệm vụ về ${pick(random, topics)}`, body(heading.body.cites), "");
    heading.subs.forEach((sub, s) => {
      lines.push(`${h + 1}.${s + 1}. Giải pháp về ${pick(random, topics)}`, body(sub.cites), "");
    });
  });
  lines.push("III- TỔ CHỨC THỰC HIỆN");
  responsible[kind.level].forEach((line, r) => lines.push(`${r + 1}. ${line}`, ""));
  return {
    name: `synthetic-${String(plan.index + 1).padStart(7, "0")}.txt`,
    text: lines.join("\n"),
    key: own.key,
    symbol: own.symbol,
    style: own.style,
    citationKeys,
    headings: plannedHeadings(plan),
    preamble: plan.preamble !== null,
    targets: plan.targets,
  };
}

/** Renders the plan lazily, one document at a time (10^6 nodes of text never sit in memory at once). */
export function* renderCorpus(plan: CorpusPlan): Generator<GeneratedDocument> {
  for (const document of plan.documents) yield renderDocument(document, plan.seed);
}
