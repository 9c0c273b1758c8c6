/** Vietnamese and English labels; the choice is kept in localStorage and may be set with ?lang=. */
export type Lang = "vi" | "en";

const labels = {
  skip: { vi: "Bỏ qua, tới nội dung", en: "Skip to content" },
  navSearch: { vi: "Tìm kiếm", en: "Search" },
  navCheck: { vi: "Kiểm tra căn cứ", en: "Check a reference" },
  switchLang: { vi: "English", en: "Tiếng Việt" },
  switchLangLabel: { vi: "Switch to English", en: "Chuyển sang tiếng Việt" },
  tagline: {
    vi: "Văn bản chỉ đạo, các văn bản chúng trích dẫn và các nhiệm vụ thực hiện chúng.",
    en: "Policy documents, the documents they cite, and the tasks that implement them.",
  },
  searchLabel: {
    vi: "Tìm văn bản và nhiệm vụ (có dấu hoặc không dấu)",
    en: "Find documents and tasks (with or without diacritics)",
  },
  searchPlaceholder: { vi: "ví dụ: chuyen doi so", en: "e.g. chuyen doi so" },
  searchButton: { vi: "Tìm", en: "Search" },
  results: { vi: "kết quả", en: "results" },
  noResults: { vi: "Không tìm thấy kết quả.", en: "Nothing found." },
  loading: { vi: "Đang tải…", en: "Loading…" },
  error: { vi: "Lỗi", en: "Error" },
  databaseUnavailable: {
    vi: "Cơ sở dữ liệu tạm thời không trả lời. Vui lòng thử lại sau ít phút.",
    en: "The database is not answering right now. Please try again in a minute.",
  },
  queryTimeout: {
    vi: "Truy vấn quá lâu và đã bị dừng. Hãy giảm độ sâu hoặc số kết quả.",
    en: "The query took too long and was stopped. Ask for less depth or fewer results.",
  },
  retry: { vi: "Thử lại", en: "Try again" },
  notFound: { vi: "Không tìm thấy trong đồ thị.", en: "Not in the graph." },
  pageNotFound: { vi: "Không có trang này.", en: "No such page." },
  ingestedDocuments: { vi: "Văn bản đã nạp", en: "Ingested documents" },
  statsLine: {
    vi: "{documents} văn bản ({ingested} đã nạp toàn văn), {tasks} nhiệm vụ, {citations} trích dẫn",
    en: "{documents} documents ({ingested} with full text), {tasks} tasks, {citations} citations",
  },
  task: { vi: "Nhiệm vụ", en: "Task" },
  document: { vi: "Văn bản", en: "Document" },
  type: { vi: "Loại", en: "Type" },
  symbol: { vi: "Số, ký hiệu", en: "Number" },
  date: { vi: "Ngày ban hành", en: "Issued on" },
  issuer: { vi: "Cơ quan ban hành", en: "Issuer" },
  title: { vi: "Trích yếu", en: "Title" },
  ingested: { vi: "Toàn văn", en: "Full text" },
  ingestedYes: { vi: "Đã nạp toàn văn", en: "Ingested" },
  ingestedNo: {
    vi: "Chưa có toàn văn (chỉ biết qua trích dẫn)",
    en: "Not ingested (known from citations only)",
  },
  unknown: { vi: "không rõ", en: "unknown" },
  implementingTasks: { vi: "Các nhiệm vụ thực hiện văn bản này", en: "Tasks that implement it" },
  noImplementingTasks: { vi: "Chưa có nhiệm vụ nào trích dẫn văn bản này.", en: "No task cites it yet." },
  citedDocuments: { vi: "Văn bản mà các nhiệm vụ của nó trích dẫn", en: "Documents its tasks cite" },
  noCitedDocuments: {
    vi: "Các nhiệm vụ của văn bản này không trích dẫn văn bản nào.",
    en: "Its tasks cite no document.",
  },
  taskTree: { vi: "Cây nhiệm vụ", en: "Task tree" },
  neighborhood: { vi: "Lân cận trong đồ thị", en: "Neighbourhood in the graph" },
  openNeighborhood: { vi: "Xem lân cận", en: "Show neighbourhood" },
  breadcrumbs: { vi: "Vị trí", en: "Breadcrumbs" },
  taskText: { vi: "Nội dung", en: "Text" },
  citations: { vi: "Trích dẫn", en: "Citations" },
  noCitations: { vi: "Nội dung nhiệm vụ không trích dẫn văn bản nào.", en: "Its text cites no document." },
  children: { vi: "Nhiệm vụ con", en: "Sub-tasks" },
  drivers: { vi: "Các văn bản chỉ đạo nhiệm vụ này", en: "Directives driving this task" },
  noDrivers: { vi: "Không tìm thấy văn bản chỉ đạo.", en: "No driving directive found." },
  depth: { vi: "Độ sâu", en: "Depth" },
  depthHelp: {
    vi: "1: văn bản được trích dẫn trực tiếp; lớn hơn: qua các văn bản đã nạp ở giữa",
    en: "1: documents cited directly; more: through ingested documents in between",
  },
  via: { vi: "Chuỗi trích dẫn", en: "Citation chain" },
  inheritedFrom: { vi: "kế thừa từ mục", en: "inherited from heading" },
  graph: { vi: "Đồ thị", en: "Graph" },
  graphHelp: {
    vi: "Nhấp vào một nút để mở. Danh sách bên dưới có cùng nội dung và dùng được bằng bàn phím.",
    en: "Click a node to open it. The list below holds the same content and works with the keyboard.",
  },
  checkTitle: { vi: "Kiểm tra căn cứ", en: "Check a reference" },
  checkLabel: { vi: "Căn cứ như viết trong dự thảo", en: "The reference as written in the draft" },
  checkPlaceholder: {
    vi: "ví dụ: Nghị quyết số 26-NQ/TW ngày 19/5/2018",
    en: "e.g. Nghị quyết số 26-NQ/TW ngày 19/5/2018",
  },
  checkButton: { vi: "Kiểm tra", en: "Check" },
  checkCorrect: {
    vi: "Khớp với đồ thị: đúng số, ngày và cơ quan ban hành.",
    en: "Matches the graph: number, date and issuer.",
  },
  checkConflicts: { vi: "Có sai khác với đồ thị", en: "Differs from the graph" },
  checkNotFound: {
    vi: "Không có văn bản nào mang số, ký hiệu này trong đồ thị.",
    en: "No document in the graph has this number.",
  },
  checkNotParsed: {
    vi: "Không đọc được căn cứ nào trong đoạn này.",
    en: "No reference recognised in this text.",
  },
  checkAmbiguous: { vi: "Nhiều văn bản mang số, ký hiệu này.", en: "Several documents carry this number." },
  parsed: { vi: "Đã đọc", en: "Read as" },
  matches: { vi: "Văn bản khớp", en: "Matching documents" },
  conflicts: { vi: "Sai khác", en: "Conflicts" },
  given: { vi: "Dự thảo ghi", en: "The draft says" },
  known: { vi: "Đồ thị ghi", en: "The graph knows" },
  sourceQuote: { vi: "Nguồn", en: "Source" },
  citedIn: { vi: "trích trong nhiệm vụ", en: "quoted in task" },
  suggestions: { vi: "Có thể ý là", en: "Perhaps you mean" },
  notes: { vi: "Ghi chú", en: "Notes" },
  field_date: { vi: "ngày", en: "date" },
  field_issuer: { vi: "cơ quan ban hành", en: "issuer" },
  field_type: { vi: "loại văn bản", en: "type" },
  nodes: { vi: "Các nút", en: "Nodes" },
  truncated: {
    vi: "Chỉ hiện một phần: có thêm nút trong phạm vi này.",
    en: "Partial: more nodes lie within reach.",
  },
  centre: { vi: "tâm", en: "centre" },
} as const;

export type LabelKey = keyof typeof labels;

const storageKey = "cancu.lang";
let current: Lang = initialLang();

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get("lang");
  if (fromUrl === "vi" || fromUrl === "en") {
    localStorage.setItem(storageKey, fromUrl);
    return fromUrl;
  }
  const stored = localStorage.getItem(storageKey);
  return stored === "en" ? "en" : "vi";
}

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem(storageKey, next);
  document.documentElement.lang = next;
}

/** The label in the current language, with {name} placeholders filled in. */
export function t(key: LabelKey, values: Record<string, string | number> = {}): string {
  return labels[key][current].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

export function fieldLabel(field: string): string {
  const key = `field_${field}`;
  return key in labels ? t(key as LabelKey) : field;
}
