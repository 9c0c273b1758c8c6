import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { explorerHandler } from "../../src/api/explorer.static.js";
import { projectRoot } from "../../src/config/settings.js";
import { startCancuServer, type RunningServer } from "../setup/cancu-process.js";
import { seedGraph } from "../setup/seed-graph.js";
import {
  ensureExplorerBuilt,
  launchChromium,
  OpenedPages,
  requireChromium,
  type Browser,
} from "./browser.js";

const distDir = path.join(projectRoot, "web", "dist");
const artifacts = path.join(projectRoot, "test-artifacts", "explorer");
const phone = { width: 390, height: 844 };

let server: RunningServer;
let base: string;
let browser: Browser;
const pages = new OpenedPages(
  () => browser,
  () => base,
  artifacts,
);

describe("the explorer in Chromium against cancu serve", () => {
  beforeAll(async () => {
    requireChromium();
    ensureExplorerBuilt();
    await seedGraph();
    server = await startCancuServer();
    base = new URL(server.url).origin;
    const home = await fetch(`${base}/`);
    const html = await home.text();
    if (!home.ok || !html.includes('id="main"'))
      throw new Error(
        `cancu serve does not serve the explorer at / (got HTTP ${home.status} from ${home.url}): add explorerHandler() from ` +
          `src/api/explorer.static.ts to the static handlers in src/cli/commands/serve.ts`,
      );
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

  it("searches as you type: 'chuyen doi so' finds task II.4.3, with and without diacritics", async () => {
    const tracked = await pages.open("/");
    const { page } = tracked;
    await page.locator("#search-results li").first().waitFor();
    await pages.screenshot(tracked, "home");
    await page.getByLabel(/Tìm văn bản và nhiệm vụ/).fill("chuyen doi so");
    const hit = page.locator("#search-results a", { hasText: "II.4.3" });
    await hit.waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("chuyen doi so");
    await pages.screenshot(tracked, "search");

    await page.locator("#search-input").fill("chuyển đổi số");
    await page.waitForURL(/q=chuy%E1%BB%83n/);
    // the earlier answer's list stays on screen (aria-busy) until this one replaces it: clicking
    // into the old list can land on whatever the new one puts under the pointer
    const settled = page.locator("#search-results:not([aria-busy]) a", { hasText: "II.4.3" });
    await settled.waitFor();

    await settled.click();
    await page.waitForURL(/\/task\//);
    await expect(page.locator("h1").textContent()).resolves.toContain("II.4.3");
    await page.goBack();
    await expect(page.locator("#search-input").inputValue()).resolves.toBe("chuyển đổi số");
  });

  it("opens task II.1 from its document: 128/NQ-CP and 18-CT/TU in its graph, quotes highlighted", async () => {
    const tracked = await pages.open("/");
    const { page } = tracked;
    await page.locator("#search-results a", { hasText: "phương hướng, nhiệm vụ năm 2022" }).first().click();
    await page.locator("h1", { hasText: "phương hướng, nhiệm vụ năm 2022" }).waitFor();
    await page.locator(".tree a", { hasText: /^II\.1 / }).click();
    await page.locator("h1", { hasText: "II.1" }).waitFor();

    const graph = page.locator("#driving-graph");
    await graph.locator("canvas").first().waitFor();
    const described = await graph.getAttribute("aria-label");
    expect(described).toContain("128/NQ-CP");
    expect(described).toContain("18-CT/TU");
    expect(Number(await graph.getAttribute("data-node-count"))).toBeGreaterThanOrEqual(3);
    expect(Number(await graph.getAttribute("data-edge-count"))).toBeGreaterThanOrEqual(2);
    const drivers = await page.locator("#drivers-list").textContent();
    expect(drivers).toContain("128/NQ-CP");
    expect(drivers).toContain("18-CT/TU");
    expect(drivers).toContain("Chỉ thị số 18-CT/TU ngày 18/10/2021");

    const marks = await page.locator("#task-text mark a").allTextContents();
    expect(marks.join(" | ")).toMatch(/Nghị quyết số 128\/NQ-CP ngày\s+11\/10\/2021 của Chính phủ/);
    expect(marks.join(" | ")).toContain("18-CT/TU");
    const crumbs = await page.locator("nav.breadcrumbs").textContent();
    expect(crumbs).toMatch(/phương hướng.*II.*II\.1/s);
    await pages.screenshot(tracked, "task");

    await page.getByLabel("Độ sâu").selectOption("1");
    await page.waitForURL(/depth=1/);
    await page.locator("#driving-graph canvas").first().waitFor();
    expect(await page.locator("#drivers-list").textContent()).toContain("128/NQ-CP");
    await expect(page.locator(":focus").getAttribute("id")).resolves.toBe("depth");

    const shared = await pages.open(new URL(page.url()).pathname + "?depth=1", phone);
    await shared.page.locator("#driving-graph canvas").first().waitFor();
    expect(await shared.page.locator("#drivers-list").textContent()).toContain("18-CT/TU");
    await pages.screenshot(shared, "task-phone");
  });

  it("shows a document: its facts, the tasks implementing it with quotes, what its tasks cite", async () => {
    const tracked = await pages.open("/search?q=128%2FNQ-CP");
    const { page } = tracked;
    await page.locator("#search-results a", { hasText: "Nghị quyết 128/NQ-CP" }).first().click();
    await page.locator("h1", { hasText: "128/NQ-CP" }).waitFor();
    const facts = await page.locator("dl.facts").textContent();
    expect(facts).toContain("11/10/2021");
    expect(facts).toContain("Chưa có toàn văn");
    const implementing = await page.locator("#implementing-tasks").textContent();
    expect(implementing).toContain("II.1");
    expect(implementing).toContain("Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ");
    await pages.screenshot(tracked, "document-stub");

    await page.locator("#implementing-tasks .meta a").first().click();
    await page.locator("#cited-documents").waitFor();
    const cited = await page.locator("#cited-documents").textContent();
    expect(cited).toContain("128/NQ-CP");
    expect(cited).toContain("26-NQ/TW");
    expect(await page.locator("dl.facts").textContent()).toContain("Đã nạp toàn văn");
    await pages.screenshot(tracked, "document");
  });

  it("checks 'Nghị quyết số 26-NQ/TW ngày 19/5/2019': the date conflict and the source quote", async () => {
    const tracked = await pages.open("/check");
    const { page } = tracked;
    await page.getByLabel("Căn cứ như viết trong dự thảo").fill("Nghị quyết số 26-NQ/TW ngày 19/5/2019");
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    const conflict = page.locator('#conflicts li[data-field="date"]');
    await conflict.waitFor();
    expect(new URL(page.url()).searchParams.get("text")).toBe("Nghị quyết số 26-NQ/TW ngày 19/5/2019");
    const text = await conflict.textContent();
    expect(text).toContain("19/5/2019");
    expect(text).toContain("19/5/2018");
    expect(await conflict.locator("blockquote").textContent()).toContain(
      "Nghị quyết 26-NQ/TW ngày 19/5/2018",
    );
    await pages.screenshot(tracked, "check");

    const shared = await pages.open(new URL(page.url()).pathname + new URL(page.url()).search, phone);
    await shared.page.locator('#conflicts li[data-field="date"] blockquote').waitFor();
    await pages.screenshot(shared, "check-phone");

    await page.getByLabel("Căn cứ như viết trong dự thảo").fill("Nghị quyết số 26-NQ/TW ngày 19/5/2018");
    await page.keyboard.press("Enter");
    await page.locator("#verdict.ok").waitFor();
  });

  it("draws the neighbourhood of a node, depth in the URL", async () => {
    const tracked = await pages.open("/search?q=128%2FNQ-CP");
    const { page } = tracked;
    await page.locator("#search-results a", { hasText: "Nghị quyết 128/NQ-CP" }).first().click();
    await page.getByRole("link", { name: "Xem lân cận" }).click();
    await page.locator("#neighborhood-graph canvas").first().waitFor();
    expect(await page.locator("#neighborhood-nodes").textContent()).toContain("II.1");
    await page.getByLabel("Độ sâu").selectOption("2");
    await page.waitForURL(/\/neighborhood\/.+\?depth=2/);
    await page.locator("#neighborhood-graph canvas").first().waitFor();
    expect(Number(await page.locator("#neighborhood-graph").getAttribute("data-node-count"))).toBeGreaterThan(
      3,
    );
    await pages.screenshot(tracked, "neighborhood");
  });

  it("switches to English and back, keeps the choice, and works from the keyboard", async () => {
    const tracked = await pages.open(
      "/check?text=" + encodeURIComponent("Nghị quyết số 26-NQ/TW ngày 19/5/2019"),
    );
    const { page } = tracked;
    await page.locator("#verdict").waitFor();
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.locator("h1", { hasText: "Check a reference" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.reload();
    await page.locator("#verdict", { hasText: "Differs from the graph" }).waitFor();
    await pages.screenshot(tracked, "check-en");

    await page.keyboard.press("Tab");
    await expect(page.locator(":focus").textContent()).resolves.toBe("Skip to content");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/" || url.pathname === "/search");
    await page.locator("#search-results li").first().waitFor();
    await page.locator("#search-input").focus();
    await page.keyboard.type("chuyen doi so");
    await expect(page.locator("#search-input").inputValue()).resolves.toBe("chuyen doi so");
    await page.keyboard.press("Enter");
    await page.locator("#search-results a", { hasText: "II.4.3" }).waitFor();

    await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();
    await page.locator("label", { hasText: "Tìm văn bản và nhiệm vụ" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
  });

  it("says plainly that the database is not answering, and its retry button loads the page again", async () => {
    const tracked = await pages.open("/");
    const { page } = tracked;
    await page.locator("#search-results li").first().waitFor();
    // the answer the API gives when its database is out of reach (tests/faults/database-loss.test.ts
    // produces it for real); here it stands in for the database so the page can be looked at
    await page.route("**/graphql", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({
          errors: [
            {
              message: "The database is unavailable; try again in a moment",
              extensions: { code: "DATABASE_UNAVAILABLE" },
            },
          ],
        }),
      }),
    );
    await page.locator("#search-input").fill("chuyen doi so");
    const alert = page.locator('#search-results [role="alert"][data-code="DATABASE_UNAVAILABLE"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Cơ sở dữ liệu tạm thời không trả lời");
    await pages.screenshot(tracked, "database-unavailable");
    await page.unroute("**/graphql");
    await alert.getByRole("button", { name: "Thử lại" }).click();
    await page.locator("#search-results a", { hasText: "II.4.3" }).waitFor();
    // the browser logs the 503 itself; that one was asked for
    tracked.errors.splice(
      0,
      tracked.errors.length,
      ...tracked.errors.filter((e) => !/status of 503/.test(e)),
    );
  });

  it("serves the build: hashed assets cached for good, app routes as index.html, API paths left alone", async () => {
    const asset = readdirSync(path.join(distDir, "assets")).find((name) => name.endsWith(".js"));
    const script = await fetch(`${base}/assets/${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("cache-control")).toContain("immutable");

    const deep = await fetch(`${base}/task/abc?depth=2`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(deep.headers.get("cache-control")).toBe("no-cache");

    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
    const api = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await api.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("explorerHandler without a build", () => {
  it("answers 503 with a page that says to run npm run build:web", async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "cancu-no-dist-"));
    const handler = explorerHandler({ distDir: empty });
    const plain = http.createServer((req, res) => {
      void handler(req, res).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = plain.address() as AddressInfo;
      const page = await fetch(`http://127.0.0.1:${port}/task/x`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("npm run build:web");
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
    } finally {
      plain.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
