import http from "node:http";
import { parse as parseCsv } from "csv-parse/sync";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type Api } from "../../../src/api/create-server.js";
import { deadlineUid } from "../../../src/api/exports/index.js";
import { createHttpServer, listen } from "../../../src/api/http-server.js";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { taskKey } from "../../../src/graph/keys.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";
import { ensureSeed } from "../../setup/seed-graph.js";

// Exports of deadlines (.ics) and duties (.csv) (#20) over HTTP, on the seed resolution (Quảng
// Ninh, 2022). Expected values are written from the seed's text (II.3.4: "đến 31/12/2022", "đến
// hết Quý III/2022"; III.1, III.2: the bodies of section III), and the files are read back with
// parsers of their formats (ical.js, csv-parse), never with string matching alone.

const driver = testDriver();
const executor = new GraphExecutor(driver, testNeo4j().database);
let api: Api;
let server: http.Server;
let small: http.Server;
let base: string;
let smallBase: string;
let seedKey: string;

const committee = "ban-can-su-dang-uy-ban-nhan-dan-tinh-quang-ninh";
const council = "dang-doan-hoi-dong-nhan-dan-tinh-quang-ninh";

beforeAll(async () => {
  await ensureSeed();
  const { records } = await driver.executeQuery(
    "MATCH (d:Document {ingested: true})<-[:SET_BY]-(:Target) WHERE d.key CONTAINS 'quang-ninh' RETURN DISTINCT d.key AS key",
    {},
    { database: testNeo4j().database },
  );
  expect(records).toHaveLength(1);
  seedKey = records[0]!.get("key") as string;
  api = await createApi({ graph: executor });
  server = createHttpServer(api);
  base = `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`;
  small = createHttpServer(api, [], { exportLimits: { maxTasks: 1_000, maxRows: 2 } });
  smallBase = `http://127.0.0.1:${await listen(small, 0, "127.0.0.1")}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await new Promise((resolve) => small?.close(resolve));
  await api?.apollo.stop();
  await driver.close();
});

const query = (parameters: Record<string, string>) => new URLSearchParams(parameters).toString();

async function get(path: string, init: RequestInit = {}, at = base) {
  const response = await fetch(`${at}${path}`, init);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString("utf8") };
}

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  stamp: string | null;
}

function events(ics: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      stamp: vevent.getFirstPropertyValue("dtstamp")?.toString() ?? null,
    };
  });
}

/** A task's deadlines as the loader stored them (JSON on the node), read with raw Cypher. */
async function storedDeadlines(key: string): Promise<{ quote: string; due: string }[]> {
  const { records } = await driver.executeQuery(
    "MATCH (t:Task {key: $key}) RETURN t.deadlines AS deadlines",
    { key },
    { database: testNeo4j().database },
  );
  return JSON.parse(records[0]!.get("deadlines") as string) as { quote: string; due: string }[];
}

async function organizationName(key: string): Promise<string> {
  const { records } = await driver.executeQuery(
    "MATCH (o:Organization {key: $key}) RETURN o.name AS name",
    { key },
    { database: testNeo4j().database },
  );
  return records[0]!.get("name") as string;
}

type CsvRow = Record<string, string>;
const csvRows = (text: string): CsvRow[] => parseCsv(text, { columns: true, bom: true }) as CsvRow[];

describe("GET /export/deadlines.ics", () => {
  it("a document: one all-day event per deadline of its tasks, as many as the graph holds", async () => {
    const answer = await get(`/export/deadlines.ics?${query({ document: seedKey })}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const all = events(answer.text);
    // checked again with raw Cypher: every deadline stored on the seed's tasks is one event
    const { records } = await driver.executeQuery(
      "MATCH (:Document {key: $key})<-[:IN_DOCUMENT]-(t:Task) RETURN t.deadlines AS deadlines",
      { key: seedKey },
      { database: testNeo4j().database },
    );
    const everyDeadline = records.flatMap(
      (r) => JSON.parse(r.get("deadlines") as string) as { due: string | null }[],
    );
    expect(all).toHaveLength(everyDeadline.filter((d) => d.due).length);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.every((e) => e.allDay && e.stamp !== null)).toBe(true);

    // II.3.4 "… giải ngân … đến 31/12/2022 … đạt trên 80% … đến hết Quý III/2022"; the UID of each
    // names the deadline's place among the task's own deadlines, as stored
    const task = taskKey(seedKey, "II.3.4");
    const stored = await storedDeadlines(task);
    const placeOf = (quote: string) => stored.findIndex((d) => d.quote === quote);
    expect(placeOf("đến 31/12/2022")).toBeGreaterThanOrEqual(0);
    const ii34 = all.filter((e) => e.summary.startsWith("II.3.4 "));
    expect(ii34).toHaveLength(stored.length);
    const year = ii34.find((e) => e.start === "2022-12-31")!;
    expect([year.end, year.uid]).toEqual(["2023-01-01", deadlineUid(task, placeOf("đến 31/12/2022"))]);
    expect(year.summary).toMatch(/^II\.3\.4 Nâng cao hiệu lực, hiệu quả điều hành thu, chi ngân sách/);
    expect(year.description).toContain('Deadline: 2022-12-31 ("đến 31/12/2022")');
    expect(year.description).toContain("Nghị quyết về phương hướng, nhiệm vụ năm 2022");
    const quarter = ii34.find((e) => e.start === "2022-09-30")!;
    expect([quarter.end, quarter.uid]).toEqual([
      "2022-10-01",
      deadlineUid(task, placeOf("đến hết Quý III/2022")),
    ]);
    expect(quarter.description).toContain("the last day of the period 2022-Q3");
    expect(quarter.description).toContain('"đến hết Quý III/2022"');

    // III.1: the bodies and their duties, the passage quoted
    const iii1 = all.find((e) => e.summary.startsWith("III.1 "))!;
    expect(iii1.start).toBe("2021-12-31");
    expect(iii1.description).toMatch(
      /\n- Đảng Đoàn Hội đồng nhân dân tỉnh[^:\n]*: chỉ đạo thể chế hóa Nghị quyết\n/,
    );
    expect(iii1.description).toContain("hoàn thành trước ngày 31/12/2021");
  });

  it("an organization: the deadlines of the passages that assign it, with the same UIDs as its document's", async () => {
    const own = events((await get(`/export/deadlines.ics?${query({ organization: committee })}`)).text);
    expect(own.map((e) => [e.start, e.uid])).toEqual([
      ["2021-12-31", deadlineUid(taskKey(seedKey, "III.1"), 0)],
    ]);
    expect(own[0]!.description).toMatch(
      /\n- Ban cán sự đảng ủy ban nhân dân tỉnh[^:\n]*: căn cứ Nghị quyết này/,
    );
    expect(own[0]!.description).not.toContain("- Đảng Đoàn Hội đồng nhân dân tỉnh");
    // the council leads III.1 too, but its own passage sets no deadline
    const councilAnswer = await get(`/export/deadlines.ics?${query({ organization: council })}`);
    expect(councilAnswer.status).toBe(200);
    expect(events(councilAnswer.text)).toEqual([]);
  });

  it("from/to keep the deadlines due in the range; a second export gives the same UIDs", async () => {
    const path = `/export/deadlines.ics?${query({ document: seedKey, from: "2022-10-01", to: "2022-12-31" })}`;
    const first = events((await get(path)).text);
    expect(first.map((e) => [e.start, e.summary.split(" ")[0]])).toEqual([
      ["2022-12-31", "II.3.3"],
      ["2022-12-31", "II.3.4"],
      ["2022-12-31", "II.4.3"],
    ]);
    const again = events((await get(path)).text);
    expect(again.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
  });

  it("folds its lines at 75 octets with CRLF, Vietnamese included", async () => {
    const { bytes } = await get(`/export/deadlines.ics?${query({ document: seedKey })}`);
    const lines = bytes.toString("utf8").split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).every((line) => Buffer.byteLength(line) <= 75 && !line.includes("\n"))).toBe(
      true,
    );
  });
});

describe("GET /export/duties.csv", () => {
  it("a document: one row per task and body, a task without a body once, RFC 4180 with CRLF", async () => {
    const answer = await get(`/export/duties.csv?${query({ document: seedKey })}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(answer.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(answer.text.split("\r\n")[0]).toBe(
      "document,task_code,task_title,body,duty,deadlines,quote,document_key,task_key,body_key",
    );
    const rows = csvRows(answer.text);
    const ii34 = rows.filter((r) => r.task_code === "II.3.4");
    expect(ii34).toEqual([
      expect.objectContaining({ body: "", duty: "", task_key: taskKey(seedKey, "II.3.4") }),
    ]);
    // the task's own deadlines in text order, as stored
    const stored = await storedDeadlines(taskKey(seedKey, "II.3.4"));
    expect(ii34[0]!.deadlines).toBe(stored.map((d) => d.due).join("; "));
    expect(ii34[0]!.deadlines).toMatch(/2022-12-31; 2022-09-30$/);
    expect(ii34[0]!.quote).toMatch(/đến 31\/12\/2022; đến hết Quý III\/2022$/);
    // III.2 "Ban Tuyên giáo Tỉnh ủy, Sở Thông tín Truyền thông, Trung tâm Truyền thông tỉnh chủ trì, …"
    const iii2 = rows.filter((r) => r.task_code === "III.2");
    // the bodies as the graph names them (names are repaired where OCR damaged them), in text order
    const { records: bodies } = await driver.executeQuery(
      `MATCH (t:Task {key: $key})-[a:ASSIGNED_TO]->(o) WITH a, o ORDER BY a.start, o.key
       RETURN collect(o.name) AS names`,
      { key: taskKey(seedKey, "III.2") },
      { database: testNeo4j().database },
    );
    expect(iii2.map((r) => r.body)).toEqual(bodies[0]!.get("names"));
    expect(iii2.map((r) => r.body)).toHaveLength(3);
    expect(iii2[0]!.body).toMatch(/^Ban Tuyên giáo Tỉnh ủy/);
    expect(iii2[2]!.body).toMatch(/^Trung tâm Truyền thông tỉnh/);
    expect(iii2[0]!.duty).toMatch(/^chủ trì, phối hợp với các cơ quan liên quan tổ chức phổ biến/);
    expect(iii2[0]!.quote).toMatch(/^Ban Tuyên giáo Tỉnh ủy, Sở Thông tín Truyền thông/);
    // checked again with raw Cypher: one row per assignment, plus one per task that has none
    const { records } = await driver.executeQuery(
      `MATCH (:Document {key: $key})<-[:IN_DOCUMENT]-(t:Task)
       OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->()
       WITH t, count(a) AS n RETURN sum(CASE WHEN n = 0 THEN 1 ELSE n END) AS rows`,
      { key: seedKey },
      { database: testNeo4j().database },
    );
    expect(rows).toHaveLength(Number(records[0]!.get("rows")));
  });

  it("an organization: its assignments only; bom=1 starts with a byte order mark for Excel", async () => {
    const answer = await get(`/export/duties.csv?${query({ organization: committee, bom: "1" })}`);
    expect(answer.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const rows = csvRows(answer.text);
    expect(rows).toEqual([
      expect.objectContaining({
        task_code: "III.1",
        body: expect.stringMatching(/^Ban cán sự đảng ủy ban nhân dân tỉnh/),
        deadlines: "2021-12-31",
        body_key: committee,
      }),
    ]);
    expect(rows[0]!.quote).toContain("hoàn thành trước ngày 31/12/2021");
    expect(rows[0]!.quote).not.toContain("\n");
    const ranged = csvRows(
      (await get(`/export/duties.csv?${query({ organization: committee, from: "2022-01-01" })}`)).text,
    );
    expect(ranged).toEqual([]);
  });
});

describe("the export routes' answers", () => {
  it("an attachment with an ASCII filename and its UTF-8 name, read-only headers, HEAD without a body", async () => {
    const answer = await get(`/export/deadlines.ics?${query({ organization: committee })}`);
    expect(answer.headers.get("content-disposition")).toBe(
      `attachment; filename="deadlines-${committee}.ics"; filename*=UTF-8''${encodeURIComponent(`deadlines-${await organizationName(committee)}.ics`)}`,
    );
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("content-security-policy")).toContain("sandbox");
    expect(Number(answer.headers.get("content-length"))).toBe(answer.bytes.length);
    const head = await get(`/export/deadlines.ics?${query({ organization: committee })}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.bytes.length).toBe(0);
    const csv = await get(`/export/duties.csv?${query({ document: seedKey })}`);
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="duties-NQ_tinh-uy-quang-ninh_2022_[A-Za-z0-9_.-]+\.csv"; filename\*=UTF-8''/,
    );
  });

  it("a document by its symbol (a cited one the graph holds as a stub: no tasks, an empty calendar)", async () => {
    const answer = await get(`/export/deadlines.ics?${query({ document: "Nghị quyết số 26-NQ/TW" })}`);
    expect(answer.status).toBe(200);
    expect(events(answer.text)).toEqual([]);
    expect(answer.headers.get("content-disposition")).toBe(
      `attachment; filename="deadlines-NQ_26-NQ_TW_2018.ics"; filename*=UTF-8''deadlines-26-NQ_TW.ics`,
    );
  });

  it.each([
    ["no scope", "/export/deadlines.ics", 400, "BAD_USER_INPUT", "name a scope"],
    [
      "two scopes",
      `/export/deadlines.ics?organization=${committee}&document=x`,
      400,
      "BAD_USER_INPUT",
      "not both",
    ],
    [
      "a date that is no date",
      `/export/duties.csv?organization=${committee}&from=2022-02-30`,
      400,
      "BAD_USER_INPUT",
      "yyyy-mm-dd",
    ],
    [
      "a backwards range",
      `/export/duties.csv?organization=${committee}&from=2022-12-31&to=2022-01-01`,
      400,
      "BAD_USER_INPUT",
      "is after",
    ],
    [
      "an unknown parameter",
      `/export/duties.csv?organisation=${committee}`,
      400,
      "BAD_USER_INPUT",
      "unknown parameter",
    ],
    [
      "a repeated parameter",
      `/export/duties.csv?organization=${committee}&organization=x`,
      400,
      "BAD_USER_INPUT",
      "more than once",
    ],
    [
      "bom on a calendar",
      `/export/deadlines.ics?organization=${committee}&bom=1`,
      400,
      "BAD_USER_INPUT",
      "unknown parameter",
    ],
    ["a bad bom", `/export/duties.csv?organization=${committee}&bom=yes`, 400, "BAD_USER_INPUT", "bom is 1"],
    [
      "an unknown organization",
      "/export/duties.csv?organization=no-such-body",
      404,
      "NOT_FOUND",
      "no organization",
    ],
    ["an unknown document", "/export/deadlines.ics?document=99999-NQ/TW", 404, "NOT_FOUND", "no document"],
    ["an unknown export", "/export/tasks.xlsx?document=x", 404, "NOT_FOUND", "the exports are"],
  ])("%s: %i %s", async (_case, path, status, code, message) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    const body = JSON.parse(answer.text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe(code);
    expect(body.errors[0]!.message).toContain(message);
  });

  it("refuses writes (405), more rows than allowed (413) and a host it does not serve (403)", async () => {
    const post = await get(`/export/duties.csv?organization=${committee}`, { method: "POST" });
    expect(post.status).toBe(405);
    const tooMany = await get(`/export/duties.csv?${query({ document: seedKey })}`, {}, smallBase);
    expect(tooMany.status).toBe(413);
    expect(JSON.parse(tooMany.text)).toMatchObject({
      errors: [
        { extensions: { code: "EXPORT_TOO_LARGE" }, message: expect.stringContaining("more than the 2") },
      ],
    });
    // two events fit
    const fits = await get(
      `/export/deadlines.ics?${query({ document: seedKey, from: "2022-09-01", to: "2022-09-30" })}`,
      {},
      smallBase,
    );
    expect(fits.status).toBe(200);
    const foreign = await new Promise<number>((resolve, reject) => {
      const request = http.get(
        `${base}/export/duties.csv?organization=${committee}`,
        { headers: { host: "evil.example" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      request.on("error", reject);
    });
    expect(foreign).toBe(403);
  });
});
