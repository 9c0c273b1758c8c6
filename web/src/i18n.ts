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
  navAdd: { vi: "Thêm văn bản", en: "Add a document" },
  addTitle: { vi: "Thêm văn bản", en: "Add a document" },
  addIntro: {
    vi: "Chọn hoặc thả một tệp (PDF, DOCX, ảnh quét PNG/JPEG/TIFF, HTML, JSON hoặc văn bản). Xem trước những gì được đọc ra, rồi mới ghi vào đồ thị bằng khóa API.",
    en: "Choose or drop a file (PDF, DOCX, a PNG/JPEG/TIFF scan, HTML, JSON or text). See what is read from it first, then write it to the graph with the API key.",
  },
  fileLabel: { vi: "Tệp văn bản", en: "Document file" },
  dropHint: {
    vi: "hoặc kéo thả tệp vào khung này. Định dạng được nhận biết theo nội dung, không theo tên tệp.",
    en: "or drop the file on this box. The format is recognised from the content, not the file name.",
  },
  noFileChosen: { vi: "Chưa chọn tệp.", en: "No file chosen." },
  chosenFile: { vi: "Đã chọn: {name} ({size})", en: "Chosen: {name} ({size})" },
  apiKeyLabel: { vi: "Khóa API (CANCU_API_KEY của máy chủ)", en: "API key (the server's CANCU_API_KEY)" },
  apiKeyHelp: {
    vi: "Cần để xem trước và để ghi. Không lưu lại, trừ khi bạn đánh dấu ô dưới đây.",
    en: "Needed to preview and to write. Not kept unless you tick the box below.",
  },
  rememberKey: {
    vi: "Nhớ khóa trong thẻ này (sessionStorage, mất khi đóng thẻ)",
    en: "Remember the key for this tab (sessionStorage, gone when the tab closes)",
  },
  previewButton: { vi: "Xem trước", en: "Preview" },
  writeButton: { vi: "Ghi vào đồ thị", en: "Write to the graph" },
  reading: { vi: "Đang đọc tệp…", en: "Reading the file…" },
  writing: { vi: "Đang ghi…", en: "Writing…" },
  chooseFileFirst: { vi: "Hãy chọn một tệp trước.", en: "Choose a file first." },
  enterKeyFirst: { vi: "Hãy nhập khóa API.", en: "Enter the API key." },
  previewHeading: { vi: "Xem trước (chưa ghi gì)", en: "Preview (nothing written yet)" },
  previewNotWritten: {
    vi: "Đây là những gì bộ trích xuất tìm thấy. Chưa có gì được ghi vào đồ thị.",
    en: "This is what the extractor found. Nothing has been written to the graph.",
  },
  sourceFile: { vi: "Tệp gốc", en: "Original file" },
  fileName: { vi: "Tên tệp", en: "File name" },
  format: { vi: "Định dạng", en: "Format" },
  size: { vi: "Dung lượng", en: "Size" },
  textFrom: { vi: "Văn bản lấy từ", en: "Text obtained from" },
  pages: { vi: "Số trang", en: "Pages" },
  ocrEngine: { vi: "Bộ nhận dạng (OCR)", en: "OCR engine" },
  ocrConfidence: { vi: "Độ tin cậy OCR", en: "OCR confidence" },
  ocrPageConfidence: { vi: "Độ tin cậy OCR theo trang", en: "OCR confidence by page" },
  sha256: { vi: "SHA-256", en: "SHA-256" },
  download: { vi: "Tải tệp gốc", en: "Download the original" },
  method_text: { vi: "tệp văn bản", en: "a text file" },
  method_json: { vi: "JSON (full_text)", en: "JSON (full_text)" },
  method_html: { vi: "HTML", en: "HTML" },
  "method_pdf-text": { vi: "lớp chữ của PDF", en: "the PDF's text layer" },
  "method_pdf-text+ocr": {
    vi: "lớp chữ của PDF, các trang quét qua OCR",
    en: "the PDF's text layer, scanned pages through OCR",
  },
  method_ocr: { vi: "nhận dạng ảnh quét (OCR)", en: "OCR of scanned pages" },
  method_docx: { vi: "DOCX (đoạn văn và đánh số)", en: "DOCX (paragraphs and numbering)" },
  documentKey: { vi: "Khóa", en: "Key" },
  signer: { vi: "Người ký", en: "Signer" },
  warnings: { vi: "Cảnh báo", en: "Warnings" },
  noWarnings: { vi: "Không có cảnh báo.", en: "No warnings." },
  noTasks: { vi: "Không tìm thấy cây nhiệm vụ.", en: "No task tree found." },
  documentText: { vi: "Văn bản, các trích dẫn được đánh dấu", en: "The text, citations marked" },
  citationsFound: { vi: "Trích dẫn tìm thấy ({count})", en: "Citations found ({count})" },
  namedReferencesFound: {
    vi: "Tham chiếu theo tên ({count})",
    en: "References by name ({count})",
  },
  inTask: { vi: "trong mục {code}", en: "in {code}" },
  inPreamble: { vi: "trong phần mở đầu", en: "in the preamble" },
  page: { vi: "trang {page}", en: "page {page}" },
  openAtPage: { vi: "mở bản gốc tại trang {page}", en: "open the original at page {page}" },
  written: {
    vi: "Đã ghi ({status}): {tasks} nhiệm vụ, {citations} trích dẫn.",
    en: "Written ({status}): {tasks} tasks, {citations} citations.",
  },
  openWritten: { vi: "Mở văn bản vừa ghi", en: "Open the document" },
  status_created: { vi: "mới", en: "created" },
  status_upgraded: { vi: "bổ sung toàn văn cho văn bản đã biết", en: "upgraded from a stub" },
  status_replaced: { vi: "thay bản cũ", en: "replaced" },
  status_unchanged: { vi: "không đổi, cùng SHA-256", en: "unchanged, same SHA-256" },
  ownQuotes: { vi: "Trích dẫn trong các nhiệm vụ của nó", en: "Quotes in its tasks" },
  legalStatus: { vi: "Hiệu lực", en: "Legal force" },
  legal_IN_FORCE: { vi: "Còn hiệu lực", en: "In force" },
  legal_NOT_YET_IN_FORCE: { vi: "Chưa có hiệu lực", en: "Not yet in force" },
  legal_AMENDED: { vi: "Được sửa đổi, bổ sung", en: "Amended" },
  legal_PARTLY_REPEALED: { vi: "Hết hiệu lực một phần", en: "Partly repealed" },
  legal_SUSPENDED: { vi: "Bị đình chỉ", en: "Suspended" },
  legal_REPLACED: { vi: "Bị thay thế", en: "Replaced" },
  legal_REPEALED: { vi: "Hết hiệu lực (bãi bỏ)", en: "No longer in force (repealed)" },
  legal_EXPIRED: { vi: "Hết hiệu lực (hết thời hạn)", en: "No longer in force (expired)" },
  legal_UNKNOWN: { vi: "Chưa rõ hiệu lực", en: "Force unknown" },
  legalUnknownExplained: {
    vi: "Không biết được từ các văn bản đã nạp: chưa văn bản nào (kể cả chính nó) nói về hiệu lực của văn bản này. Không có nghĩa là còn hiệu lực.",
    en: "Not known from the ingested texts: none of them (itself included) says anything of its force. This does not mean it is in force.",
  },
  legalSince: { vi: "từ ngày {date}", en: "since {date}" },
  legalTakesEffect: { vi: "có hiệu lực từ ngày {date}", en: "takes effect on {date}" },
  legalAsOf: { vi: "Tính tại ngày {date}", en: "As of {date}" },
  legalParts: { vi: "Phần liên quan", en: "Parts concerned" },
  legalSummary: { vi: "Tóm tắt (của API)", en: "Summary (from the API)" },
  legalOwnClause: { vi: "Điều khoản hiệu lực của chính văn bản", en: "Its own effect clause" },
  legalEvidence: { vi: "Căn cứ xác định hiệu lực", en: "What the status rests on" },
  legalUpcoming: { vi: "Sắp áp dụng sau ngày này", en: "Applying after that date" },
  statedBy: { vi: "Văn bản nêu", en: "Stated by" },
  statedIn: { vi: "tại mục", en: "in" },
  statementFrom: { vi: "Áp dụng từ", en: "Applies from" },
  wholeDocument: { vi: "toàn bộ văn bản", en: "the whole document" },
  scope: { vi: "Phạm vi", en: "Scope" },
  basis_effective: {
    vi: "ngày có hiệu lực của văn bản nêu",
    en: "the stating document's effect date",
  },
  basis_issued: {
    vi: "ngày ban hành của văn bản nêu (không đọc được ngày có hiệu lực)",
    en: "the stating document's issue date (no effect date was read)",
  },
  basis_unknown: { vi: "không rõ ngày", en: "date not known" },
  asOfLabel: { vi: "Tính hiệu lực tại ngày", en: "Legal force as of" },
  asOfHelp: {
    vi: "Để trống: hôm nay. Ví dụ: ngày của văn bản trích dẫn.",
    en: "Empty: today. For instance the date of the citing text.",
  },
  asOfApply: { vi: "Áp dụng", en: "Apply" },
  asOfClear: { vi: "Hôm nay", en: "Today" },
  openRelations: { vi: "Xem lược đồ", en: "Show the lược đồ (relations)" },
  relationsTitle: { vi: "Lược đồ", en: "Relations (lược đồ)" },
  relationsSummary: {
    vi: "{incoming} quan hệ đến, {outgoing} quan hệ đi",
    en: "{incoming} incoming, {outgoing} outgoing",
  },
  relationsIncoming: { vi: "Văn bản khác nói về văn bản này", en: "What other documents say of it" },
  relationsOutgoing: { vi: "Văn bản này nói về văn bản khác", en: "What it says of other documents" },
  relationsNone: { vi: "Không có quan hệ nào.", en: "No relations." },
  relationsNoneFiltered: {
    vi: "Không có quan hệ nào thuộc các loại đã chọn.",
    en: "No relations of the kinds chosen.",
  },
  relationsDiagram: {
    vi: "Lược đồ của {name}: {incoming} quan hệ đến, {outgoing} quan hệ đi",
    en: "Relations of {name}: {incoming} incoming, {outgoing} outgoing",
  },
  relationsFilter: { vi: "Lọc theo loại quan hệ", en: "Filter by kind" },
  relationsAllKinds: { vi: "Tất cả", en: "All" },
  relationsMore: { vi: "Xem thêm ({left} còn lại)", en: "More ({left} left)" },
  relationsShown: { vi: "đang hiện {shown}/{count}", en: "showing {shown} of {count}" },
  relationWord: { vi: "từ trong văn bản", en: "word in the text" },
  backToDocument: { vi: "Về trang văn bản", en: "Back to the document" },
  kind_BASED_ON: { vi: "Căn cứ", en: "Based on" },
  kind_IMPLEMENTS: { vi: "Thực hiện", en: "Implements" },
  kind_GUIDES: { vi: "Hướng dẫn", en: "Guides" },
  kind_AMENDS: { vi: "Sửa đổi, bổ sung", en: "Amends" },
  kind_REPLACES: { vi: "Thay thế", en: "Replaces" },
  kind_REPEALS: { vi: "Bãi bỏ", en: "Repeals" },
  kind_SUSPENDS: { vi: "Đình chỉ", en: "Suspends" },
  kind_CONSOLIDATES: { vi: "Hợp nhất", en: "Consolidates" },
  kind_CORRECTS: { vi: "Đính chính", en: "Corrects" },
  kind_CITES: { vi: "Dẫn chiếu", en: "Cites" },
  kindIn_BASED_ON: { vi: "Là căn cứ của", en: "Legal basis of" },
  kindIn_IMPLEMENTS: { vi: "Được thực hiện bởi", en: "Implemented by" },
  kindIn_GUIDES: { vi: "Được hướng dẫn bởi", en: "Guided by" },
  kindIn_AMENDS: { vi: "Được sửa đổi, bổ sung bởi", en: "Amended by" },
  kindIn_REPLACES: { vi: "Bị thay thế bởi", en: "Replaced by" },
  kindIn_REPEALS: { vi: "Bị bãi bỏ bởi", en: "Repealed by" },
  kindIn_SUSPENDS: { vi: "Bị đình chỉ bởi", en: "Suspended by" },
  kindIn_CONSOLIDATES: { vi: "Được hợp nhất bởi", en: "Consolidated by" },
  kindIn_CORRECTS: { vi: "Được đính chính bởi", en: "Corrected by" },
  kindIn_CITES: { vi: "Được dẫn chiếu bởi", en: "Cited by" },
  checkAsOfLabel: {
    vi: "Ngày của văn bản trích dẫn (không bắt buộc)",
    en: "Date of the citing text (optional)",
  },
  checkAsOfHelp: {
    vi: "Hiệu lực của văn bản được trích dẫn tính tại ngày này; để trống: hôm nay.",
    en: "The cited document's force is judged at this date; empty: today.",
  },
  checkedAsOf: { vi: "Hiệu lực tính tại ngày {date}", en: "Force judged as of {date}" },
  findings: { vi: "Cảnh báo về hiệu lực", en: "Warnings on legal force" },
  noFindings: {
    vi: "Không có cảnh báo về hiệu lực tại ngày này (kể cả khi chưa rõ hiệu lực).",
    en: "No warning on legal force at that date (nor when its force is unknown).",
  },
  finding_REPLACED: { vi: "Đã bị thay thế", en: "Replaced" },
  finding_REPEALED: { vi: "Đã hết hiệu lực (bãi bỏ)", en: "Repealed" },
  finding_SUSPENDED: { vi: "Đang bị đình chỉ", en: "Suspended" },
  finding_EXPIRED: { vi: "Đã hết thời hạn", en: "Expired" },
  finding_NOT_YET_IN_FORCE: { vi: "Chưa có hiệu lực", en: "Not yet in force" },
  finding_ARTICLE_AMENDED: { vi: "Điều được trích dẫn đã được sửa đổi", en: "The cited article was amended" },
  finding_ARTICLE_REPEALED: { vi: "Điều được trích dẫn đã bị bãi bỏ", en: "The cited article was repealed" },
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
