import fs from "node:fs";
import type http from "node:http";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type Api } from "../../../src/api/create-server.js";
import { createHttpServer, listen } from "../../../src/api/http-server.js";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { applyMigrations } from "../../../src/graph/migrations.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";

// Documents as files over HTTP (issue #18): upload (preview, write, refusals), the original kept
// and served, pages of quotes, and the same file again unchanged. The PDF is made here with
// unique numbers, so its document is this test's own; it is removed afterwards.

const driver = testDriver();
const apiKey = "test-key-document-files";
const own = 7000 + Math.floor(Math.random() * 2000);
const cited = 7000 + Math.floor(Math.random() * 2000);
const year = 2019;
let api: Api;
let server: http.Server;
let base: string;

/** A two-page Party plan whose second page cites a resolution: real shape, unique numbers. */
async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(fs.readFileSync("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
  const pages: string[][] = [
    [
      "TỈNH ỦY QUẢNG NINH",
      `Số: ${own}-KH/TU`,
      `Quảng Ninh, ngày 10 tháng 3 năm ${year}`,
      "KẾ HOẠCH",
      "thực hiện chương trình chuyển đổi số",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số.",
    ],
    [
      "II. NHIỆM VỤ",
      `1. Thực hiện Nghị quyết số ${cited}-NQ/TU ngày 05/01/${year} của Ban Chấp hành`,
      "Đảng bộ tỉnh về chuyển đổi số, các cấp ủy xây dựng chương trình hành động.",
    ],
  ];
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 60, y: 780 - 22 * i, size: 11, font }));
  }
  return pdf.save();
}

function form(name: string, bytes: Uint8Array): FormData {
  const body = new FormData();
  body.append("file", new Blob([bytes]), name);
  return body;
}

async function post(path: string, body: FormData, key: string | null = apiKey) {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    body,
    headers: key ? { "x-api-key": key } : {},
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

const ownKey = () => `KH|${own}-KH/TU|${year}`;

async function removeOwnDocument(): Promise<void> {
  await driver.executeQuery(
    `MATCH (d:Document {key: $key})
     OPTIONAL MATCH (d)<-[:IN_DOCUMENT]-(t:Task)
     OPTIONAL MATCH (d)-[:FROM_FILE]->(f:SourceFile)
     DETACH DELETE t, f, d`,
    { key: ownKey() },
    { database: testNeo4j().database },
  );
  await driver.executeQuery(
    "MATCH (c:Document {key: $key}) WHERE NOT c.ingested DETACH DELETE c",
    { key: `NQ|${cited}-NQ/TU|${year}` },
    { database: testNeo4j().database },
  );
}

beforeAll(async () => {
  const graph = new GraphExecutor(driver, testNeo4j().database);
  await applyMigrations(graph);
  await removeOwnDocument();
  api = await createApi({ graph, apiKey });
  server = createHttpServer(api);
  base = `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`;
});

afterAll(async () => {
  await removeOwnDocument();
  await new Promise((resolve) => server.close(resolve));
  await api.apollo.stop();
  await driver.close();
});

describe("POST /documents", () => {
  it("refuses an upload without the API key, and writes nothing", async () => {
    const { status, json } = await post("/documents", form("plan.pdf", await makePdf()), null);
    expect(status).toBe(401);
    expect(json).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
  });

  it("previews a PDF: the text, the page map and what the extractor found, writing nothing", async () => {
    const { status, json } = await post("/documents?preview=1", form("plan.pdf", await makePdf()));
    expect(status).toBe(200);
    const source = json.source as {
      mediaType: string;
      method: string;
      pageCount: number;
      pages: { page: number; start: number }[];
    };
    expect(source).toMatchObject({ mediaType: "application/pdf", method: "pdf-text", pageCount: 2 });
    const extraction = json.extraction as {
      document: { key: string };
      citations: { symbol: string; span: [number, number] }[];
    };
    expect(extraction.document.key).toBe(ownKey());
    const citation = extraction.citations.find((c) => c.symbol === `${cited}-NQ/TU`);
    expect(citation).toBeDefined();
    // the citation lies on page 2 of the page map
    expect(citation!.span[0]).toBeGreaterThanOrEqual(source.pages[1]!.start);
    const { records } = await driver.executeQuery(
      "MATCH (d:Document {key: $key}) RETURN count(d) AS n",
      { key: ownKey() },
      { database: testNeo4j().database },
    );
    expect(Number(records[0]!.get("n"))).toBe(0);
  });

  it("writes it with its original; the same file again is unchanged; the original is served byte for byte", async () => {
    const pdf = await makePdf();
    const first = await post("/documents", form("plan.pdf", pdf));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ result: { documentKey: ownKey(), status: "created" } });
    const again = await post("/documents", form("plan-copy.pdf", pdf));
    expect(again.json).toMatchObject({ result: { status: "unchanged" } });

    const data = await graphql<{
      document: {
        id: string;
        sourceFile: {
          name: string;
          mediaType: string;
          pageCount: number;
          method: string;
          size: number;
          downloadUrl: string;
          pages: { page: number; start: number; confidence: number | null }[];
        };
      };
      cited: { citedBy: { edges: { node: { quote: string; page: number | null } }[] } };
    }>(
      `
        query ($own: String!, $cited: String!, $year: Int!) {
          document(symbol: $own, year: $year) {
            id
            sourceFile {
              name
              mediaType
              pageCount
              method
              size
              downloadUrl
              pages {
                page
                start
                confidence
              }
            }
          }
          cited: document(symbol: $cited, year: $year) {
            citedBy(first: 5) {
              edges {
                node {
                  quote
                  page
                }
              }
            }
          }
        }
      `,
      { own: `${own}-KH/TU`, cited: `${cited}-NQ/TU`, year },
    );
    expect(data.document.sourceFile).toMatchObject({
      name: "plan.pdf",
      mediaType: "application/pdf",
      pageCount: 2,
      method: "pdf-text",
      size: pdf.length,
    });
    expect(data.cited.citedBy.edges.map((e) => e.node.page)).toEqual([2]);
    // its pages, read from the text layer (no OCR confidence)
    expect(data.document.sourceFile.pages.map((p) => [p.page, p.confidence])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(data.document.sourceFile.pages[0]!.start).toBe(0);

    const download = await fetch(`${base}${data.document.sourceFile.downloadUrl}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="plan.pdf"/);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    const inline = await fetch(`${base}${data.document.sourceFile.downloadUrl}?inline=1`);
    expect(inline.headers.get("content-disposition")).toMatch(/^inline/);
    expect(inline.headers.get("content-security-policy")).toMatch(/sandbox/);
  });

  it("refuses unsupported, empty and oversized files with a code, and a multipart body without a file", async () => {
    const rtf = await post("/documents", form("a.rtf", new TextEncoder().encode("{\\rtf1 x}")));
    expect(rtf.status).toBe(415);
    expect(rtf.json).toMatchObject({ errors: [{ extensions: { code: "UNSUPPORTED_FORMAT" } }] });
    const empty = await post("/documents", form("empty.txt", new Uint8Array(0)));
    expect(empty.status).toBe(400);
    const noFile = new FormData();
    noFile.append("other", "x");
    const missing = await post("/documents", noFile);
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ errors: [{ extensions: { code: "BAD_USER_INPUT" } }] });
    const notMultipart = await fetch(`${base}/documents`, {
      method: "POST",
      headers: { "x-api-key": apiKey, "content-type": "application/json" },
      body: "{}",
    });
    expect(notMultipart.status).toBe(415);
  });

  it("answers 404 for a document without an original and 400 for an id that is not a document's", async () => {
    const none = await fetch(
      `${base}/documents/${encodeURIComponent(Buffer.from("Document:NQ|0-NQ/NONE|1900").toString("base64url"))}/original`,
    );
    expect(none.status).toBe(404);
    const bad = await fetch(`${base}/documents/not-an-id/original`);
    expect(bad.status).toBe(400);
  });
});
