import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/settings.js";
import { postGraphQL, startCancuServer, type RunningServer } from "../setup/cancu-process.js";
import { ensureSeed } from "../setup/seed-graph.js";
import {
  ensureExplorerBuilt,
  launchChromium,
  OpenedPages,
  requireChromium,
  type Browser,
} from "./browser.js";

// Who does what, by when, towards which targets (#20) in the explorer, on the seed resolution
// (Tỉnh ủy Quảng Ninh, phương hướng, nhiệm vụ năm 2022): an organization's page with its duties,
// deadlines, timeline and exports; the seed's 16 targets as a table; 128/NQ-CP's page listing the
// bodies of section III that carry it out, each with its proof. One `cancu serve`, one browser.

const artifacts = path.join(projectRoot, "test-artifacts", "explorer");
const phone = { width: 390, height: 844 };

/** the seed resolution's global id (its key: NQ|tinh-uy-quang-ninh|2022|ve-phuong-huong-nhiem-vu-nam-2022) */
const seedId = "RG9jdW1lbnQ6TlF8dGluaC11eS1xdWFuZy1uaW5ofDIwMjJ8dmUtcGh1b25nLWh1b25nLW5oaWVtLXZ1LW5hbS0yMDIy";
const banCanSu = "ban-can-su-dang-uy-ban-nhan-dan-tinh-quang-ninh";
/** section III of the seed: the bodies its four items assign (III.1 … III.4) */
const sectionThree = [
  "dang-doan-hoi-dong-nhan-dan-tinh-quang-ninh",
  banCanSu,
  "huyen-uy-quang-ninh",
  "thi-uy-quang-ninh",
  "thanh-uy-quang-ninh",
  "dang-uy-truc-thuoc-quang-ninh",
  "ban-xay-dung-dang-cua-tinh-uy-quang-ninh",
  "mat-tran-to-quoc-quang-ninh",
  "to-chuc-chinh-tri-xa-hoi-tinh-quang-ninh",
  "ban-tuyen-giao-tinh-uy-quang-ninh",
  "so-thong-tin-va-truyen-thong-quang-ninh",
  "trung-tam-truyen-thong-tinh-quang-ninh",
  "uy-ban-kiem-tra-tinh-uy-quang-ninh",
  "van-phong-tinh-uy-quang-ninh",
  "uy-vien-ban-thuong-vu-tinh-uy-quang-ninh",
  "uy-vien-ban-chap-hanh-dang-bo-tinh-quang-ninh",
];

let server: RunningServer;
let base: string;
let browser: Browser;
const pages = new OpenedPages(
  () => browser,
  () => base,
  artifacts,
);
let directiveId = "";
/** 128/NQ-CP's implementers as the API gives them (the page must show the same) */
let implementers: { totalCount: number; keys: string[] } = { totalCount: 0, keys: [] };

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await postGraphQL(server.url, query, variables);
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data as T;
}

describe("organizations, targets and implementers in Chromium against cancu serve", () => {
  beforeAll(async () => {
    requireChromium();
    ensureExplorerBuilt();
    await ensureSeed();
    server = await startCancuServer();
    base = new URL(server.url).origin;
    const found = await graphql<{
      document: {
        id: string;
        implementers: { totalCount: number; edges: Array<{ node: { organization: { key: string } } }> };
      };
    }>(`
      query {
        document(symbol: "128/NQ-CP") {
          id
          implementers(first: 100) {
            totalCount
            edges {
              node {
                organization {
                  key
                }
              }
            }
          }
        }
      }
    `);
    directiveId = found.document.id;
    implementers = {
      totalCount: found.document.implementers.totalCount,
      keys: found.document.implementers.edges.map((edge) => edge.node.organization.key),
    };
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Every page must load and work without a console error or an uncaught exception.
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it("an organization's page: what it must do (III.1, by 31/12/2021), its timeline, its exports", async () => {
    const tracked = await pages.open(`/organization/${banCanSu}`);
    const { page } = tracked;
    await page
      .locator("main:not([aria-busy]) h1", { hasText: "Ban cán sự đảng ủy ban nhân dân tỉnh" })
      .waitFor();
    expect(await page.title()).toContain("Ban cán sự đảng ủy ban nhân dân tỉnh");
    const facts = await page.locator("#organization-facts").textContent();
    expect(facts).toContain("Quảng Ninh");
    expect(facts).toContain("Đảng");

    const assignment = page.locator('#assignments li.assignment[data-task="III.1"]');
    await expect(assignment.count()).resolves.toBe(1);
    expect(await assignment.getAttribute("data-due")).toBe("2021-12-31");
    expect(await assignment.locator(".duty").textContent()).toContain(
      "căn cứ Nghị quyết này và Nghị quyết của Hội đồng nhân dân tỉnh để xây dựng kế hoạch",
    );
    expect(await assignment.locator(".deadlines").textContent()).toContain(
      "hoàn thành trước ngày 31/12/2021 (hạn 31/12/2021)",
    );
    expect(await assignment.locator("blockquote").textContent()).toContain(
      "Ban cán sự đảng ủy ban nhân dân tỉnh",
    );
    expect(await assignment.locator(".meta").textContent()).toContain("phương hướng, nhiệm vụ năm 2022");

    // the timeline: December 2021, with III.1 in it
    const december = page.locator('#timeline li.timeline-month[data-month="2021-12"]');
    expect(await december.locator("h4").textContent()).toMatch(/^Tháng 12.*2021 · 1 nhiệm vụ$/);
    expect(await december.locator(".timeline-tasks").textContent()).toContain("31/12/2021 · III.1");
    expect(await december.getAttribute("aria-labelledby")).toBe("timeline-2021-12");

    // the exports: links that the page does not take over, with real answers
    const ics = page.locator("#export-ics");
    expect(await ics.getAttribute("href")).toBe(`/export/deadlines.ics?organization=${banCanSu}`);
    expect(await ics.getAttribute("download")).toBe("");
    const calendar = await page.request.get(`${base}${await ics.getAttribute("href")}`);
    expect(calendar.headers()["content-type"]).toContain("text/calendar");
    const icsText = await calendar.text();
    expect(icsText).toContain("BEGIN:VCALENDAR");
    expect(icsText).toContain("DTSTART;VALUE=DATE:20211231");
    const csv = await page.request.get(`${base}${await page.locator("#export-csv").getAttribute("href")}`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toMatch(/III\.1.*Ban cán sự đảng ủy ban nhân dân tỉnh.*2021-12-31/);
    await pages.screenshot(tracked, "organization");

    // from the keyboard: the task's link leads to the task, whose bodies link back here
    await assignment.locator("a", { hasText: "III.1" }).first().focus();
    await page.keyboard.press("Enter");
    await page.locator("main:not([aria-busy]) h1", { hasText: "III.1" }).waitFor();
    await expect(page.locator(":focus").getAttribute("id")).resolves.toBe("page-title");
    const assigned = page.locator("#task-assigned");
    const bodies = await assigned
      .locator("li.assignment")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-key")));
    expect(bodies).toEqual(
      expect.arrayContaining([
        "dang-doan-hoi-dong-nhan-dan-tinh-quang-ninh",
        banCanSu,
        "mat-tran-to-quoc-quang-ninh",
        "to-chuc-chinh-tri-xa-hoi-tinh-quang-ninh",
      ]),
    );
    expect(await assigned.textContent()).toContain("hoàn thành trước ngày 31/12/2021");
    await assigned.locator(`li[data-key="${banCanSu}"] a`).click();
    await page.waitForURL(new RegExp(`/organization/${banCanSu}$`));
    await page.locator("main:not([aria-busy]) #assignments").waitFor();
    await expect(page.locator('nav a[aria-current="page"]').textContent()).resolves.toBe("Cơ quan, tổ chức");
  });

  it("an organization's structure: Sở Thông tin và Truyền thông under the province's People's Committee, its printed name kept", async () => {
    const tracked = await pages.open("/organization/so-thong-tin-va-truyen-thong-quang-ninh");
    const { page } = tracked;
    await page
      .locator("main:not([aria-busy]) h1", { hasText: "Sở Thông tin và Truyền thông Quảng Ninh" })
      .waitFor();
    expect(await page.locator("#aliases").textContent()).toContain("Sở Thông tín Truyền thông");
    const parent = page.locator("#parent-organization");
    expect(await parent.textContent()).toBe("Ủy ban nhân dân tỉnh Quảng Ninh");
    // III.2 assigns it, with no deadline: listed, and counted apart from the timeline
    expect(await page.locator('#assignments li.assignment[data-task="III.2"] .deadlines').textContent()).toBe(
      "không có thời hạn",
    );
    expect(await page.locator("#timeline-undated").textContent()).toContain("1");
    await parent.click();
    await page.locator("main:not([aria-busy]) h1", { hasText: "Ủy ban nhân dân tỉnh Quảng Ninh" }).waitFor();
    expect(await page.locator("#children").textContent()).toContain(
      "Sở Thông tin và Truyền thông Quảng Ninh",
    );

    // Tỉnh ủy Quảng Ninh: its boards under it, the seed among what it issued
    await page.goto(`${base}/organization/tinh-uy-quang-ninh`);
    await page.locator("main:not([aria-busy]) h1", { hasText: "Tỉnh ủy Quảng Ninh" }).waitFor();
    const children = await page.locator("#children").textContent();
    expect(children).toContain("Ban Thường vụ Tỉnh ủy Quảng Ninh");
    expect(children).toContain("Văn phòng Tỉnh ủy Quảng Ninh");
    expect(await page.locator("#issued-heading").textContent()).toMatch(/Văn bản đã ban hành \(\d+\)/);
    const issued = page.locator("#documents-issued");
    await issued.locator(`a[href="/document/${seedId}"]`).first().waitFor();
    expect(await page.locator("#aliases").textContent()).toContain("Ban Chấp hành Đảng bộ tỉnh Quảng Ninh");
    await pages.screenshot(tracked, "organization-structure");

    await page.goto(`${base}/organization/khong-co-co-quan-nay`);
    await page.locator("main:not([aria-busy]) h1", { hasText: "Cơ quan, tổ chức" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Không tìm thấy trong đồ thị.");
  });

  it("finds organizations by name as you type (without diacritics), from the header's link", async () => {
    const tracked = await pages.open("/");
    const { page } = tracked;
    await page.locator("#search-results:not([aria-busy]) li").first().waitFor();
    await page.getByRole("link", { name: "Cơ quan, tổ chức" }).click();
    await page.waitForURL(/\/organizations$/);
    await page.locator("#organization-results:not([aria-busy]) #organization-list li").first().waitFor();
    await page.getByLabel(/Tìm cơ quan, tổ chức theo tên/).fill("so thong tin truyen thong");
    await page.waitForURL(/q=so\+thong\+tin\+truyen\+thong/);
    const hit = page.locator(
      '#organization-results:not([aria-busy]) li[data-key="so-thong-tin-va-truyen-thong-quang-ninh"] a',
    );
    await hit.waitFor();
    expect(await hit.textContent()).toBe("Sở Thông tin và Truyền thông Quảng Ninh");
    await pages.screenshot(tracked, "organizations");
    await hit.click();
    await page.waitForURL(/\/organization\/so-thong-tin-va-truyen-thong-quang-ninh$/);
    await page.locator("main:not([aria-busy]) #assignments").waitFor();
    await page.goBack();
    await expect(page.locator("#organization-search").inputValue()).resolves.toBe(
      "so thong tin truyen thong",
    );

    await page.locator("#organization-search").fill("khong co co quan nao ten nay");
    await page.locator("#organization-results:not([aria-busy]) #no-organizations").waitFor();
  });

  it("the seed's 16 targets as a table: (4) GRDP 'trên 10%', (3) the range 3 – 3,5%, each printed value beside the parsed one", async () => {
    const tracked = await pages.open(`/document/${seedId}`);
    const { page } = tracked;
    const table = page.locator("main:not([aria-busy]) table#targets");
    await table.waitFor();
    expect(await page.locator("#targets-heading").textContent()).toBe("Chỉ tiêu (16)");
    await expect(table.locator("tbody tr").count()).resolves.toBe(16);
    expect(await table.locator("caption").textContent()).toContain("như in");
    const headers = await table.locator("thead th").allTextContents();
    expect(headers).toEqual(["Số", "Nhóm", "Nội dung", "Giá trị đã đọc"]);
    await expect(table.locator('tbody th[scope="row"]').count()).resolves.toBe(16);

    const grdp = table.locator('tr[data-ordinal="4"]');
    expect(await grdp.locator("th").textContent()).toBe("(4)");
    expect(await grdp.locator(".group").textContent()).toBe("kinh tế");
    expect(await grdp.locator(".text").textContent()).toContain("(GRDP) đạt trên 10%");
    const quantity = grdp.locator("li.quantity");
    await expect(quantity.count()).resolves.toBe(1);
    expect(await quantity.locator(".comparator").textContent()).toBe("trên");
    expect(await quantity.locator("data.value").getAttribute("value")).toBe("10");
    expect(await quantity.locator(".unit").textContent()).toBe("%");
    expect(await quantity.locator(".printed-quote").textContent()).toBe("10%");

    const range = table.locator('tr[data-ordinal="3"] li.quantity');
    expect(await range.locator("data.value").textContent()).toBe("3 – 3,5");
    expect(await range.locator("data.value").getAttribute("value")).toBe("3/3.5");
    expect(await range.locator(".comparator").textContent()).toBe("tăng");
    expect(await range.locator(".printed-quote").textContent()).toBe("3 - 3,5%");
    const budget = table.locator('tr[data-ordinal="5"] li.quantity').first();
    expect(await budget.locator(".comparator").textContent()).toBe("không thấp hơn");
    expect(await budget.locator(".unit").textContent()).toBe("tỷ đồng");
    expect(await budget.locator(".printed-quote").textContent()).toBe("52.600 tỷ đồng");
    expect(await table.locator('tr[data-ordinal="9"] .values').textContent()).toBe("không có số liệu");
    // every printed quantity of the table is shown as printed
    const printed = await table.locator(".printed-quote").allTextContents();
    expect(printed).toEqual(expect.arrayContaining(["90%", "80%", "68,5%", "85,85%", "0,11%", "55%"]));

    // the issuer's name leads to its page; the document's own exports
    expect(await page.locator("#issuer-link").getAttribute("href")).toBe("/organization/tinh-uy-quang-ninh");
    expect(await page.locator("#export-csv").getAttribute("href")).toBe(
      `/export/duties.csv?document=${encodeURIComponent("NQ|tinh-uy-quang-ninh|2022|ve-phuong-huong-nhiem-vu-nam-2022")}`,
    );
    await pages.screenshot(tracked, "targets");

    const narrow = await pages.open(`/document/${seedId}`, phone);
    const scroller = narrow.page.locator(".table-scroll");
    await scroller.waitFor();
    expect(await scroller.getAttribute("tabindex")).toBe("0");
    expect(await scroller.getAttribute("role")).toBe("region");
    await pages.screenshot(narrow, "targets-phone");
  });

  it("128/NQ-CP's page lists the bodies of section III that carry it out, each with its proof; 'more' and the transitive toggle from the keyboard", async () => {
    expect(implementers.totalCount).toBeGreaterThan(10);
    expect(implementers.keys).toEqual(expect.arrayContaining(sectionThree));
    const tracked = await pages.open(`/document/${encodeURIComponent(directiveId)}`);
    const { page } = tracked;
    const list = page.locator("main:not([aria-busy]) #implementers");
    await list.waitFor();
    expect(await page.locator("#implementers-heading").textContent()).toBe(
      `Cơ quan thực hiện văn bản này (${implementers.totalCount})`,
    );
    await expect(list.locator("li.implementer").count()).resolves.toBe(10);

    // the proof: II.1 cites 128/NQ-CP; its document assigns the body in III.1, by 31/12/2021
    const body = list.locator(`li.implementer[data-key="${banCanSu}"]`);
    expect(await body.locator("h3 a").textContent()).toBe("Ban cán sự đảng ủy ban nhân dân tỉnh");
    expect(await body.locator("h3 a").getAttribute("href")).toBe(`/organization/${banCanSu}`);
    const proof = body.locator("li.proof").first();
    expect(await proof.getAttribute("data-basis")).toBe("DOCUMENT");
    expect(await proof.locator(".proof-basis").textContent()).toContain("Văn bản giao (tổ chức thực hiện)");
    expect(await proof.locator(".implementing-task").textContent()).toMatch(
      /^II\.1 .*phương hướng, nhiệm vụ năm 2022/,
    );
    expect(await proof.locator(".assigning-task").textContent()).toMatch(/^III\.1 /);
    expect(await proof.locator(".duty").textContent()).toContain("căn cứ Nghị quyết này");
    expect(await proof.locator(".deadlines").textContent()).toContain("hoàn thành trước ngày 31/12/2021");

    // "more" from the keyboard until every body is listed, each once
    const more = page.locator("#more-implementers");
    while (await more.isVisible()) {
      const before = await list.locator("li.implementer").count();
      await more.focus();
      await page.keyboard.press("Enter");
      await page.locator("#implementers:not([aria-busy])").waitFor();
      await expect.poll(() => list.locator("li.implementer").count()).toBeGreaterThan(before);
    }
    const keys = await list
      .locator("li.implementer")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-key")));
    expect(keys).toHaveLength(implementers.totalCount);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(implementers.keys);
    expect(keys).toEqual(expect.arrayContaining(sectionThree));
    await pages.screenshot(tracked, "implementers");

    // the transitive toggle, from the keyboard: kept in the URL, focus kept on it
    const toggle = page.getByLabel("Cả qua các văn bản trung gian đã nạp");
    await toggle.focus();
    await page.keyboard.press("Space");
    await page.waitForURL(/\?transitive=1$/);
    await page.locator("main:not([aria-busy]) #implementers-transitive:checked").waitFor();
    await expect(page.locator(":focus").getAttribute("id")).resolves.toBe("implementers-transitive");
    await page.locator(`#implementers li.implementer[data-key="${banCanSu}"]`).waitFor();

    // English
    await page.goto(`${base}/document/${encodeURIComponent(directiveId)}?lang=en`);
    await page
      .locator("#implementers-heading", { hasText: `Bodies that carry it out (${implementers.totalCount})` })
      .waitFor();
    expect(
      await page.locator(`li.implementer[data-key="${banCanSu}"] .proof-basis`).first().textContent(),
    ).toContain("Its document assigns it");
    await page.goto(`${base}/organization/${banCanSu}?lang=vi`);
    await page
      .locator("main:not([aria-busy]) #assignments-heading", { hasText: "Nhiệm vụ được giao" })
      .waitFor();
  });
});
