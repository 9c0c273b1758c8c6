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
