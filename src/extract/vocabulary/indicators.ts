/**
 * Indicators that targets commit to (#20), so that one indicator can be compared across years and
 * provinces: a stable key, an English label, and the printed forms that name it, as folded
 * regular-expression sources (no diacritics, đ → d, lower case; words separated by any white
 * space). Forms come from real texts: the seed (Quảng Ninh 2022, its 16 targets), the Gia Lai and
 * Hậu Giang six-month resolutions (hdnd_resolutions/54-2017, 01-2017), the Đồng Tháp urban
 * programme (124/2017/NQ-HĐND), the Government's data-centre resolution (175/NQ-CP) and the usual
 * wording of provincial socio-economic resolutions.
 *
 * The target's subject (its words before the first number) is matched first, then its whole
 * text; the form that starts first wins ("Tỷ lệ giao thông so với diện tích đất xây dựng đô thị"
 * is the transport-land ratio, not urban land), a longer form on a tie. An indicator with a
 * `unit` also names a target whose first quantity has that unit and whose text names no form
 * ("Phấn đấu toàn tỉnh có 23 đô thị").
 */

export interface IndicatorEntry {
  readonly key: string;
  readonly label: string;
  /** folded regular-expression sources; `\s+` between words is added by indicatorFor */
  readonly forms: readonly string[];
  /** a unit that names it on its own (vocabulary/quantities.ts) */
  readonly unit?: string;
}

export const INDICATORS: readonly IndicatorEntry[] = [
  {
    key: "grdp-growth",
    label: "GRDP growth",
    forms: [
      "toc do tang truong (?:kinh te )?\\(?grdp\\)?",
      "toc do tang truong kinh te",
      "tang truong kinh te \\(?grdp\\)?",
      "tong san pham (?:tren dia ban|trong tinh) \\(?grdp\\)? tang",
      "grdp tang",
    ],
  },
  {
    key: "grdp-per-capita",
    label: "GRDP per capita",
    forms: ["grdp binh quan dau nguoi", "(?:tong san pham|grdp) binh quan (?:dau nguoi|mot nguoi)"],
  },
  {
    key: "income-per-capita",
    label: "Income per capita",
    forms: ["thu nhap binh quan (?:dau nguoi|mot nguoi|nguoi)"],
  },
  {
    key: "budget-revenue",
    label: "State budget revenue in the province",
    forms: [
      "(?:tong )?thu ngan sach (?:nha nuoc )?(?:tren dia ban|cua tinh)",
      "tong thu ngan sach(?: nha nuoc)?",
      "thu ngan sach nha nuoc",
    ],
  },
  {
    key: "investment",
    label: "Total social investment",
    forms: [
      "(?:tong )?von dau tu (?:phat trien )?toan xa hoi",
      "tong (?:nguon )?von dau tu (?:phat trien )?(?:tren dia ban|toan tinh)",
    ],
  },
  {
    key: "fdi",
    label: "Foreign direct investment attracted",
    forms: ["von fdi", "von dau tu truc tiep nuoc ngoai"],
  },
  {
    key: "exports",
    label: "Exports",
    forms: ["kim ngach xuat khau", "gia tri xuat khau", "tong kim ngach xuat"],
  },
  {
    key: "labour-productivity-growth",
    label: "Labour productivity growth",
    forms: ["(?:toc do )?tang nang suat lao dong"],
  },
  { key: "urbanisation-rate", label: "Urbanisation rate", forms: ["ty le do thi hoa"] },
  { key: "urban-population", label: "Urban population", forms: ["dan so do thi"] },
  { key: "urban-areas", label: "Number of urban areas", forms: ["so (?:luong )?do thi"], unit: "đô thị" },
  {
    key: "urban-construction-land",
    label: "Urban construction land",
    forms: ["(?:quy mo )?dien tich dat xay dung do thi"],
  },
  {
    key: "urban-transport-land-ratio",
    label: "Transport land ratio of urban land",
    forms: ["ty le (?:dat )?giao thong so voi dien tich dat xay dung do thi"],
  },
  {
    key: "housing-floor-area",
    label: "Housing floor area per person",
    forms: ["dien tich (?:san )?nha o (?:do thi )?binh quan", "dien tich san nha o"],
  },
  { key: "permanent-housing-rate", label: "Permanent housing rate", forms: ["ty le nha (?:o )?kien co"] },
  {
    key: "public-transport-share",
    label: "Public transport share",
    forms: ["ty le van tai hanh khach cong cong", "van tai hanh khach cong cong"],
  },
  {
    key: "urban-clean-water",
    label: "Urban population with clean water",
    forms: ["ty le (?:dan cu|nguoi dan|dan so) (?:o )?do thi (?:duoc )?(?:cung cap|cap|su dung) nuoc sach"],
  },
  {
    key: "rural-clean-water",
    label: "Rural population with clean water",
    forms: ["ty le (?:dan cu|nguoi dan|dan so) (?:o )?nong thon (?:duoc )?(?:cung cap|cap|su dung) nuoc"],
  },
  {
    key: "drainage-coverage",
    label: "Drainage coverage",
    forms: ["(?:ty le )?bao phu (?:cua )?he thong thoat nuoc"],
  },
  {
    key: "wastewater-treated",
    label: "Domestic wastewater collected and treated",
    forms: ["nuoc thai sinh hoat (?:duoc )?thu gom"],
  },
  {
    key: "solid-waste-treated",
    label: "Domestic solid waste collected and treated",
    forms: [
      "(?:ty le )?(?:thu gom(?: va)? xu ly )?(?:chat thai ran|rac thai(?: ran)?) sinh hoat",
      "ty le thu gom(?: va)? xu ly (?:chat thai|rac thai)",
    ],
  },
  {
    key: "health-insurance-coverage",
    label: "Health insurance coverage",
    forms: [
      "(?:ty le )?bao phu (?:cua )?bao hiem y te",
      "ty le (?:dan so |nguoi dan )?tham gia bao hiem y te",
    ],
  },
  {
    key: "social-insurance-coverage",
    label: "Social insurance coverage",
    forms: ["(?:ty le )?(?:lao dong |nguoi )?tham gia bao hiem xa hoi"],
  },
  { key: "hospital-beds", label: "Hospital beds per 10,000 people", forms: ["giuong benh"] },
  { key: "doctors", label: "Doctors per 10,000 people", forms: ["bac s[yi] ?\\/"] },
  { key: "poverty-rate", label: "Poverty rate", forms: ["ty le ho ngheo", "giam ty le ho ngheo"] },
  { key: "poverty-reduction", label: "Poverty rate reduction", forms: ["ty le giam ngheo", "giam ngheo"] },
  {
    key: "trained-labour",
    label: "Trained labour rate",
    forms: ["ty le lao dong (?:da )?qua dao tao", "lao dong (?:da )?qua dao tao"],
  },
  { key: "jobs", label: "Jobs created", forms: ["giai quyet viec lam", "tao viec lam"] },
  { key: "forest-cover", label: "Forest cover", forms: ["(?:ty le|do) che phu rung"] },
  {
    key: "new-rural-communes",
    label: "Communes meeting the new-rural standard",
    forms: [
      "xa (?:dat|dat chuan|duoc cong nhan dat chuan) (?:chuan )?nong thon moi",
      "dat chuan nong thon moi",
    ],
  },
  { key: "tourists", label: "Tourist arrivals", forms: ["(?:luot )?khach du lich", "tong luot khach"] },
  { key: "digital-economy-share", label: "Digital economy share of GDP", forms: ["kinh te so"] },
  {
    key: "online-procedures",
    label: "Administrative procedures handled online",
    forms: ["ho so thu tuc hanh chinh duoc xu ly (?:hoan toan )?truc tuyen", "dich vu cong truc tuyen"],
  },
  {
    key: "administrative-satisfaction",
    label: "Satisfaction with administrative procedures",
    forms: ["muc do hai long"],
  },
  { key: "egdi-rank", label: "E-Government Development Index rank", forms: ["chinh phu dien tu \\(egdi\\)"] },
  {
    key: "party-organisations-rated-good",
    label: "Grassroots Party organisations rated good",
    forms: ["(?:ty le )?to chuc co so dang hoan thanh tot nhiem vu"],
  },
  {
    key: "party-members-rated-good",
    label: "Party members rated good",
    forms: ["(?:ty le )?dang vien hoan thanh tot nhiem vu"],
  },
  {
    key: "new-party-members",
    label: "New Party members admitted",
    forms: ["dang vien moi (?:duoc )?ket nap", "ket nap dang vien moi"],
  },
];

/** An indicator by key, or undefined. */
export const indicatorByKey: ReadonlyMap<string, IndicatorEntry> = new Map(INDICATORS.map((i) => [i.key, i]));

const compiled = INDICATORS.map((entry) => ({
  entry,
  res: entry.forms.map((f) => new RegExp(`(?<![a-z0-9])${f.replace(/ /g, "\\s+")}(?![a-z])`)),
}));

/**
 * The indicator a folded text names: the form that starts first, the longer on a tie; null when
 * none does.
 */
export function indicatorIn(folded: string): IndicatorEntry | null {
  let best: { entry: IndicatorEntry; at: number; length: number } | null = null;
  for (const { entry, res } of compiled)
    for (const re of res) {
      const m = re.exec(folded);
      if (!m) continue;
      if (!best || m.index < best.at || (m.index === best.at && m[0].length > best.length))
        best = { entry, at: m.index, length: m[0].length };
    }
  return best?.entry ?? null;
}

/** The indicator a target names: its subject first, then its whole text, then its first unit. */
export function indicatorFor(
  foldedSubject: string,
  foldedText: string,
  firstUnit: string | null,
): IndicatorEntry | null {
  return (
    indicatorIn(foldedSubject) ??
    indicatorIn(foldedText) ??
    (firstUnit ? (INDICATORS.find((i) => i.unit === firstUnit) ?? null) : null)
  );
}
