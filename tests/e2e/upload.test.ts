import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/settings.js";
import { startCancuServer, type RunningServer } from "../setup/cancu-process.js";
import { seedGraph } from "../setup/seed-graph.js";
import {
  ensureExplorerBuilt,
  launchChromium,
  OpenedPages,
  requireChromium,
  type Browser,
  type TrackedPage,
} from "./browser.js";

// The explorer's "add a document" page (issue #18) in Chromium against `cancu serve` with an API
// key: drop a PDF, see what the extractor found before anything is written, write it, open the
// document and a citation's page in the original. The PDF is Công văn 7432/UBND-XD (two pages,
// citing 1074/QĐ-BXD on both), made by tests/fixtures/sources/make-upload.ts.

const artifacts = path.join(projectRoot, "test-artifacts", "upload");
const fixtures = path.join(projectRoot, "tests", "fixtures", "sources");
const pdfName = "7432-UBND-XD-2026.pdf";
const pdfBytes = readFileSync(path.join(fixtures, "upload", pdfName));
const apiKey = `test-key-${randomUUID()}`;
const keyLabel = /Khóa API/;

let server: RunningServer;
let base: string;
let browser: Browser;
const pages = new OpenedPages(
  () => browser,
  () => base,
  artifacts,
);

/** Chromium logs every refused request itself; the ones a test asks for are not the page's errors. */
function forgiveRefusals(tracked: TrackedPage, ...statuses: number[]): void {
  const asked = new RegExp(`status of (${statuses.join("|")})`);
  tracked.errors.splice(0, tracked.errors.length, ...tracked.errors.filter((e) => !asked.test(e)));
}

describe("the explorer's upload page in Chromium against cancu serve", () => {
  beforeAll(async () => {
    requireChromium();
    ensureExplorerBuilt();
    await seedGraph();
    server = await startCancuServer({ CANCU_API_KEY: apiKey });
    base = new URL(server.url).origin;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Every page must work without a console error or an uncaught exception.
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  it("previews a dropped PDF, writes it with the key, opens the document and a citation's page", async () => {
    const tracked = await pages.open("/");
    const { page } = tracked;
    await page.getByRole("link", { name: "Thêm văn bản" }).click();
    await page.waitForURL(/\/add$/);
    await page.locator("h1", { hasText: "Thêm văn bản" }).waitFor();
    expect(await page.getByRole("link", { name: "Thêm văn bản" }).getAttribute("aria-current")).toBe("page");

    // drop the file on the zone, as a user dragging it from a file manager would
    // (run in the page: tests are type-checked without the DOM library, hence the shapes spelt out)
    const dataTransfer = await page.evaluateHandle(
      ({ bytes, name }) => {
        const dom = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: unknown): void } };
          File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
        };
        const transfer = new dom.DataTransfer();
        transfer.items.add(new dom.File([new Uint8Array(bytes)], name, { type: "application/pdf" }));
        return transfer;
      },
      { bytes: [...pdfBytes], name: pdfName },
    );
    await page.locator("#drop-zone").dispatchEvent("dragenter", { dataTransfer });
    await page.locator("#drop-zone").dispatchEvent("drop", { dataTransfer });
    expect(await page.locator("#chosen-file").textContent()).toContain(pdfName);
    expect(
      await page
        .locator("#upload-file")
        .evaluate((input) => (input as unknown as { files: Array<{ name: string }> }).files[0]?.name),
    ).toBe(pdfName);

    await page.getByLabel(keyLabel).fill(apiKey);
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.locator("#preview").waitFor();
    await expect(page.locator(":focus").getAttribute("id")).resolves.toBe("preview-heading");

    // what was read from the file: a PDF's text layer, two pages
    const source = await page.locator("#source-facts").textContent();
    expect(source).toContain(pdfName);
    expect(source).toContain("application/pdf");
    expect(source).toContain("lớp chữ của PDF");
    expect(
      await page.locator("#source-facts dt", { hasText: "Số trang" }).locator("+ dd").textContent(),
    ).toBe("2");
    // what the extractor found: the header, the tree, the citations marked in the text with their pages
    const header = await page.locator("#preview-header").textContent();
    expect(header).toContain("VB|7432/UBND-XD|2026");
    expect(header).toContain("7432/UBND-XD");
    expect(header).toContain("21/7/2026");
    expect(header).toContain("Ủy ban nhân dân tỉnh Lào Cai");
    const tree = await page.locator("#preview-tree").textContent();
    expect(tree).toContain("Giao Sở Xây dựng");
    expect(tree).toContain("Tổ chức thực hiện");
    await page.locator("#preview-warnings").waitFor();
    const marks = page.locator("#preview-text mark.citation");
    expect(await marks.count()).toBe(5);
    expect(await marks.first().getAttribute("data-page")).toBe("1");
    expect(await marks.first().textContent()).toMatch(/^Quyết định số\s+1074\/QĐ-BXD/);
    const onPage2 = page.locator('#preview-text mark.citation[data-page="2"]');
    expect(await onPage2.count()).toBe(2);
    expect(await onPage2.first().textContent()).toBe("Quyết định số 1074/QĐ-BXD");
    const listed = page.locator('#preview-citations li[data-page="2"]');
    expect(await listed.count()).toBe(2);
    expect(await listed.first().textContent()).toContain("trang 2");
    expect(await listed.first().textContent()).toContain("QĐ|1074/QĐ-BXD|2026");
    await pages.screenshot(tracked, "preview");

    await page.getByRole("button", { name: "Ghi vào đồ thị" }).click();
    const written = page.locator("#written-link");
    await written.waitFor();
    expect(await page.locator("#written-heading").textContent()).toMatch(
      /^Đã ghi \(.+\): 4 nhiệm vụ, 5 trích dẫn\.$/,
    );
    const documentPath = (await written.getAttribute("href"))!;
    expect(documentPath).toMatch(/^\/document\/[^/]+$/);
    const documentId = decodeURIComponent(documentPath.split("/")[2]!);
    const downloadUrl = `/documents/${encodeURIComponent(documentId)}/original`;
    expect(await page.locator("#written-original").getAttribute("href")).toBe(downloadUrl);
    await pages.screenshot(tracked, "written");

    // the new document's page: the original's facts, and the page of each quote of its tasks
    await written.click();
    await page.locator("h1", { hasText: "7432/UBND-XD" }).waitFor();
    const facts = await page.locator("#source-facts").textContent();
    expect(facts).toContain(pdfName);
    expect(facts).toContain("application/pdf");
    expect(facts).toContain("lớp chữ của PDF");
    expect(await page.locator("#download-original").getAttribute("href")).toBe(downloadUrl);
    const cited = page.locator("#cited-documents > li", { hasText: "1074/QĐ-BXD" });
    const quoteOnPage2 = cited.locator('.own-quote[data-page="2"]').first();
    expect(await quoteOnPage2.textContent()).toContain("trang 2");
    const atPage = quoteOnPage2.locator("a.open-at-page");
    expect(await atPage.getAttribute("href")).toBe(`${downloadUrl}?inline=1#page=2`);
    expect(await atPage.textContent()).toBe("mở bản gốc tại trang 2");
    expect(await cited.locator('.own-quote[data-page="1"]').count()).toBeGreaterThan(0);
    await pages.screenshot(tracked, "document");

    // the original, as the links fetch it: the very bytes sent, a PDF, shown inline on request
    const download = await fetch(`${base}${downloadUrl}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdfBytes)).toBe(true);
    const inline = await fetch(`${base}${downloadUrl}?inline=1`);
    expect(inline.status).toBe(200);
    expect(inline.headers.get("content-type")).toBe("application/pdf");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline;/);

    // "open at page 2" opens a new tab on the original at that page
    const [viewer] = await Promise.all([page.context().waitForEvent("page"), atPage.click()]);
    await viewer.waitForLoadState("domcontentloaded").catch(() => {});
    expect(viewer.url()).toBe(`${base}${downloadUrl}?inline=1#page=2`);
    await viewer.waitForTimeout(1500);
    await viewer.screenshot({ path: path.join(artifacts, "original-at-page-2.png") }).catch(() => {});
    await viewer.close();
  });

  it("shows the API's refusal in the page: a legacy .doc, an empty file, a wrong key", async () => {
    const tracked = await pages.open("/add");
    const { page } = tracked;
    await page.locator("h1", { hasText: "Thêm văn bản" }).waitFor();
    const alert = page.locator('#upload-error [role="alert"]');

    // nothing chosen: said before anything is sent
    await page.getByRole("button", { name: "Xem trước" }).click();
    expect(await alert.textContent()).toContain("Hãy chọn một tệp trước.");

    // the file input, from its label as a keyboard or a screen reader reaches it
    await page.getByLabel("Tệp văn bản").setInputFiles(path.join(fixtures, "docx", "legacy.doc"));
    await page.getByLabel(keyLabel).fill(apiKey);
    await page.getByLabel(keyLabel).press("Enter");
    await page.locator('#upload-error [role="alert"][data-code="UNSUPPORTED_FORMAT"]').waitFor();
    const refused = await alert.textContent();
    expect(refused).toMatch(/^Lỗi: .+/);
    expect(refused).toContain("UNSUPPORTED_FORMAT");
    expect(await page.locator("#preview").count()).toBe(0);
    await pages.screenshot(tracked, "refused-doc");

    await page
      .getByLabel("Tệp văn bản")
      .setInputFiles({ name: "empty.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) });
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.locator('#upload-error [role="alert"][data-code="EMPTY"]').waitFor();
    expect(await alert.textContent()).toContain("EMPTY");

    await page
      .getByLabel("Tệp văn bản")
      .setInputFiles({ name: pdfName, mimeType: "application/pdf", buffer: pdfBytes });
    await page.getByLabel(keyLabel).fill("not-the-key");
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.locator('#upload-error [role="alert"][data-code="UNAUTHENTICATED"]').waitFor();
    expect(await alert.textContent()).toContain("x-api-key");
    expect(await page.locator("#preview").count()).toBe(0);
    await pages.screenshot(tracked, "refused-key");
    forgiveRefusals(tracked, 400, 401, 415);
  });

  it("keeps the key only when asked, and only for the tab", async () => {
    const tracked = await pages.open("/add");
    const { page } = tracked;
    await page.getByLabel(keyLabel).fill("a-key");
    const stored = () =>
      page.evaluate(() => {
        type Store = { getItem(key: string): string | null; length: number; key(i: number): string | null };
        const { sessionStorage, localStorage } = globalThis as unknown as Record<string, Store>;
        const local = Array.from({ length: localStorage!.length }, (_, i) => localStorage!.key(i)!);
        return {
          session: sessionStorage!.getItem("cancu.apiKey"),
          local: local.filter((key) => localStorage!.getItem(key)?.includes("a-key")),
        };
      });
    expect(await stored()).toEqual({ session: null, local: [] });
    await page.getByLabel(/Nhớ khóa trong thẻ này/).check();
    expect(await stored()).toEqual({ session: "a-key", local: [] });
    await page.reload();
    await expect(page.getByLabel(keyLabel).inputValue()).resolves.toBe("a-key");
    expect(await page.getByLabel(/Nhớ khóa trong thẻ này/).isChecked()).toBe(true);
    await page.getByLabel(/Nhớ khóa trong thẻ này/).uncheck();
    expect(await stored()).toEqual({ session: null, local: [] });
  });
});
