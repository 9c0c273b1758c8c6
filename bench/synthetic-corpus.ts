/**
 * SYNTHETIC corpus for benchmarks: resolutions shaped like the seed (a header with number and date,
 * sections I and II, numbered tasks and sub-tasks), each citing earlier documents in Party and State
 * style, with a few heavily cited hubs so that chains and hot spots exist. Seeded: the same seed
 * gives the same corpus. None of these documents is real.
 */

/** mulberry32: small, fast, good enough to make reproducible benchmark data */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticDocument {
  name: string;
  text: string;
  /** what the generator put in, to check the loader against */
  symbol: string;
  citations: number;
  tasks: number;
}

interface Issued {
  typeWord: string;
  symbol: string;
  day: number;
  month: number;
  year: number;
  issuerPhrase: string;
}

const partyKinds = [
  { typeWord: "Nghị quyết", code: "NQ", heading: "NGHỊ QUYẾT" },
  { typeWord: "Chỉ thị", code: "CT", heading: "CHỈ THỊ" },
  { typeWord: "Kết luận", code: "KL", heading: "KẾT LUẬN" },
  { typeWord: "Kế hoạch", code: "KH", heading: "KẾ HOẠCH" },
];
const topics = [
  "phát triển kinh tế biển bền vững",
  "chuyển đổi số toàn diện",
  "xây dựng đội ngũ cán bộ các cấp",
  "phát triển văn hóa, con người",
  "cải cách hành chính, cải thiện môi trường đầu tư",
  "bảo vệ môi trường, ứng phó biến đổi khí hậu",
  "phát triển nguồn nhân lực chất lượng cao",
  "bảo đảm quốc phòng, an ninh",
];
const verbs = [
  "Tiếp tục triển khai có hiệu quả",
  "Tập trung thực hiện",
  "Quán triệt, cụ thể hóa",
  "Triển khai thực hiện nghiêm túc",
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function citationPhrase(cited: Issued): string {
  return `${cited.typeWord} số ${cited.symbol} ngày ${cited.day}/${cited.month}/${cited.year} của ${cited.issuerPhrase}`;
}

/**
 * `documents` resolutions; each cites `citationsPerTask` (on average) earlier ones, a tenth of
 * all citations going to five hub documents.
 */
export function syntheticCorpus(options: {
  documents: number;
  seed?: number;
  tasksPerDocument?: number;
  citationsPerTask?: number;
}): SyntheticDocument[] {
  const random = seededRandom(options.seed ?? 20221);
  const tasksPerDocument = options.tasksPerDocument ?? 27; // about the seed: 28 tasks
  const citationsPerTask = options.citationsPerTask ?? 1.2;
  const issued: Issued[] = [];
  const hubs: Issued[] = [];
  const out: SyntheticDocument[] = [];
  const numbers = new Map<string, number>();

  for (let i = 0; i < options.documents; i++) {
    const kind = pick(random, partyKinds);
    const year = 2000 + Math.floor((i / options.documents) * 24);
    const counterKey = `${kind.code}|${year}`;
    const number = (numbers.get(counterKey) ?? 0) + 1;
    numbers.set(counterKey, number);
    const central = random() < 0.3;
    const own: Issued = {
      typeWord: kind.typeWord,
      symbol: `${String(number).padStart(2, "0")}-${kind.code}/${central ? "TW" : "TU"}`,
      day: 1 + Math.floor(random() * 28),
      month: 1 + Math.floor(random() * 12),
      year,
      issuerPhrase: central ? "Ban Chấp hành Trung ương" : "Ban Thường vụ Tỉnh ủy",
    };
    const lines: string[] = [
      central ? "BAN CHẤP HÀNH TRUNG ƯƠNG" : "TỈNH ỦY QUẢNG NINH",
      `Số ${own.symbol}`,
      `${central ? "Hà Nội" : "Quảng Ninh"}, ngày ${own.day} tháng ${own.month} năm ${own.year}`,
      "",
      kind.heading,
      central ? "CỦA BAN CHẤP HÀNH TRUNG ƯƠNG" : "CỦA BAN THƯỜNG VỤ TỈNH ỦY",
      `về ${pick(random, topics)} (tài liệu tổng hợp số ${i + 1})`,
      "",
      "I- MỤC TIÊU",
      "1. Mục tiêu tổng quát",
      "Phát triển nhanh, bền vững, bảo đảm quốc phòng, an ninh.",
      "",
      "II- NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU",
    ];
    let citations = 0;
    let tasks = 3; // I, I.1, II
    const headings = Math.max(1, Math.round(tasksPerDocument / 3));
    for (let h = 1; h <= headings; h++) {
      lines.push(`${h}. Nhiệm vụ về ${pick(random, topics)}`, "");
      tasks += 1;
      for (let s = 1; s <= 2; s++) {
        lines.push(`${h}.${s}. Giải pháp ${s} về ${pick(random, topics)}`, "");
        tasks += 1;
        const wanted = Math.floor(citationsPerTask + random());
        const sentences: string[] = [];
        for (let c = 0; c < wanted && issued.length > 0; c++) {
          const cited = hubs.length > 0 && random() < 0.1 ? pick(random, hubs) : pick(random, issued);
          sentences.push(`${pick(random, verbs)} ${citationPhrase(cited)} về ${pick(random, topics)}.`);
          citations += 1;
        }
        sentences.push("Nâng cao hiệu quả, hiệu lực quản lý nhà nước; tăng cường kiểm tra, giám sát.");
        lines.push(sentences.join(" "), "");
      }
    }
    lines.push(
      "III- TỔ CHỨC THỰC HIỆN",
      "1. Các cấp ủy xây dựng kế hoạch thực hiện, hoàn thành trước ngày 31/12/2022.",
      "",
    );
    tasks += 2;
    issued.push(own);
    if (hubs.length < 5 && random() < 0.05) hubs.push(own);
    out.push({
      name: `synthetic-${String(i + 1).padStart(6, "0")}.txt`,
      text: lines.join("\n"),
      symbol: own.symbol,
      citations,
      tasks,
    });
  }
  return out;
}
