import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/settings.js";
import { postGraphQL, startCancuServer, type RunningServer } from "../setup/cancu-process.js";
import { seedGraph } from "../setup/seed-graph.js";
import {
  ensureExplorerBuilt,
  launchChromium,
  OpenedPages,
  requireChromium,
  type Browser,
} from "./browser.js";

// Legal force and the lược đồ in the explorer (#19), on real circulars loaded in order as a user
// would load them: Thông tư 36/2021/TT-BLĐTBXH, then Thông tư 01/2023/TT-BLĐTBXH, whose Điều 3.2
// says 36/2021 "hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành" (20/02/2023).
// One `cancu serve`, one browser.

const artifacts = path.join(projectRoot, "test-artifacts", "explorer");
const corpus = path.resolve(
  projectRoot,
  "..",
  "shared",
  "corpus",
  "congbao_phapluat-8chude",
  "docs",
  "hd_khoan",
);
const files = ["thong-tu-so-36-2021-tt-bldtbxh-36618.txt", "thong-tu-so-01-2023-tt-bldtbxh-38752.txt"];
const apiKey = `test-key-${randomUUID()}`;
const phone = { width: 390, height: 844 };

const repealed = "36/2021/TT-BLĐTBXH";
const repealing = "01/2023/TT-BLĐTBXH";
/** known only from 36/2021's preamble: nothing ingested says anything of its force */
const unknown = "14/2017/NĐ-CP";

let server: RunningServer;
let base: string;
let browser: Browser;
const pages = new OpenedPages(
  () => browser,
  () => base,
  artifacts,
);
const ids: Record<string, string> = {};
let counts: Array<{ direction: string; kind: string; count: number }> = [];

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await postGraphQL(server.url, query, variables, { "x-api-key": apiKey });
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data as T;
}

const documentPath = (symbol: string) => `/document/${encodeURIComponent(ids[symbol]!)}`;

describe("legal force and the lược đồ in Chromium against cancu serve", () => {
  beforeAll(async () => {
    requireChromium();
    ensureExplorerBuilt();
    await seedGraph();
    server = await startCancuServer({ CANCU_API_KEY: apiKey });
    base = new URL(server.url).origin;
    for (const file of files) {
      const written = await graphql<{ ingestDocument: { status: string } }>(
        `
          mutation Ingest($text: String!, $sourceName: String) {
            ingestDocument(text: $text, sourceName: $sourceName) {
              documentKey
              status
            }
          }
        `,
        { text: readFileSync(path.join(corpus, file), "utf8"), sourceName: file },
      );
      expect(written.ingestDocument.status).toMatch(/created|upgraded|replaced|unchanged/);
    }
    for (const symbol of [repealed, repealing, unknown]) {
      const found = await graphql<{ document: { id: string } | null }>(
        `
          query Id($symbol: String!) {
            document(symbol: $symbol) {
              id
            }
          }
        `,
        { symbol },
      );
      ids[symbol] = found.document!.id;
    }
    const relations = await graphql<{ document: { relations: { counts: typeof counts } } }>(
      `
        query Counts($symbol: String!) {
          document(symbol: $symbol) {
            relations(first: 1) {
              counts {
                direction
                kind
                count
              }
            }
          }
        }
      `,
      { symbol: repealed },
    );
    counts = relations.document.relations.counts;
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

  it("36/2021/TT-BLĐTBXH's page: repealed, with 01/2023's quote and a link to it; in force as of 2022-06-01", async () => {
    const tracked = await pages.open(documentPath(repealed));
    const { page } = tracked;
    const badge = page.locator("#status-badge");
    await badge.waitFor();
    expect(await badge.getAttribute("data-code")).toBe("REPEALED");
    expect(await badge.textContent()).toContain("Hết hiệu lực (bãi bỏ)");
    expect(await badge.textContent()).toContain("20/2/2023");
    const statement = page.locator("#status-evidence li.statement");
    await expect(statement.count()).resolves.toBe(1);
    expect(await statement.locator("blockquote").textContent()).toContain(repealed);
    // the sentence that says it, the citation marked in it
    expect(await statement.locator("blockquote").textContent()).toContain(
      "hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành.",
    );
    expect(await statement.locator("blockquote mark.citation").textContent()).toContain(repealed);
    const by = statement.locator(".statement-title a", { hasText: repealing });
    expect(await by.getAttribute("href")).toBe(documentPath(repealing));
    expect(await statement.locator(".statement-from").textContent()).toContain("ngày có hiệu lực");
    await pages.screenshot(tracked, "status-repealed");

    // as of a date before the repeal: in force, the repeal listed as coming; the date kept in the URL
    await page.getByLabel("Tính hiệu lực tại ngày").fill("2022-06-01");
    await page.getByRole("button", { name: "Áp dụng" }).click();
    await page.waitForURL(/\?asOf=2022-06-01$/);
    await page.locator('#status-badge[data-code="IN_FORCE"]', { hasText: "Còn hiệu lực" }).waitFor();
    expect(await page.locator("#status-upcoming").textContent()).toContain(repealing);
    expect(await page.locator("#status-own-quote").textContent()).toContain("20 tháng 02 năm 2022");
    await expect(page.locator(":focus").getAttribute("id")).resolves.toBe("as-of-input");

    await page.locator("#status-upcoming a", { hasText: repealing }).first().click();
    await page.locator("h1", { hasText: repealing }).waitFor();
    expect(await page.locator("#status-badge").getAttribute("data-code")).not.toBe("UNKNOWN");
  });

  it("says plainly when its force is not known (a decree known only from a citation), and speaks English", async () => {
    const tracked = await pages.open(documentPath(unknown));
    const { page } = tracked;
    const badge = page.locator('#status-badge[data-code="UNKNOWN"]');
    await badge.waitFor();
    expect(await badge.textContent()).toBe("Chưa rõ hiệu lực");
    expect(await page.locator("#status-unknown").textContent()).toContain(
      "Không biết được từ các văn bản đã nạp",
    );
    expect(await page.locator("#legal-status").textContent()).not.toContain("Còn hiệu lực");
    await pages.screenshot(tracked, "status-unknown");

    await page.goto(`${base}${documentPath(repealed)}?lang=en`);
    await page.locator("#status-badge", { hasText: "No longer in force (repealed)" }).waitFor();
    expect(await page.locator("#status-evidence").textContent()).toContain("Repealed by");
    await page.goto(`${base}${documentPath(unknown)}`);
    expect(await page.locator("#status-unknown").textContent()).toContain(
      "Not known from the ingested texts",
    );
    await page.goto(`${base}${documentPath(unknown)}?lang=vi`);
    await page.locator("#status-badge", { hasText: "Chưa rõ hiệu lực" }).waitFor();
  });

  it("its lược đồ: incoming REPEALS from 01/2023, outgoing BASED_ON and REPEALS, counts as the API gives them, kind chips in the URL", async () => {
    const tracked = await pages.open(documentPath(repealed));
    const { page } = tracked;
    const link = page.locator("#open-relations");
    await link.waitFor();
    const total = counts.reduce((sum, entry) => sum + entry.count, 0);
    expect(await link.textContent()).toContain(`(${total})`);
    await link.click();
    await page.waitForURL(/\/relations$/);
    const diagram = page.locator("#relations-diagram");
    await diagram.waitFor();
    const count = (direction: string, kind: string) =>
      counts.find((entry) => entry.direction === direction && entry.kind === kind)?.count ?? 0;
    expect(count("INCOMING", "REPEALS")).toBeGreaterThanOrEqual(1);
    expect(count("OUTGOING", "BASED_ON")).toBeGreaterThanOrEqual(3);
    expect(count("OUTGOING", "REPEALS")).toBeGreaterThanOrEqual(1);

    const repeals = page.locator("#incoming-repeals");
    expect(await repeals.locator("h3").textContent()).toContain(
      `Bị bãi bỏ bởi (${count("INCOMING", "REPEALS")})`,
    );
    const edge = repeals.locator("li.relation").first();
    expect(await edge.locator(".relation-title a").textContent()).toContain(repealing);
    expect(await edge.locator(".relation-title a").getAttribute("href")).toBe(documentPath(repealing));
    expect(await edge.locator("blockquote").textContent()).toContain(repealed);
    expect(await diagram.locator(".relations-side.incoming").textContent()).toContain(repealing);

    // its preamble's "Căn cứ Nghị định số 14/2017/NĐ-CP …", and its own Điều 4.2 on 23/2020/TT-BLĐTBXH
    const basedOn = page.locator("#outgoing-based-on");
    expect(await basedOn.locator("h3").textContent()).toContain(`Căn cứ (${count("OUTGOING", "BASED_ON")})`);
    await expect(basedOn.locator("li.relation").count()).resolves.toBe(count("OUTGOING", "BASED_ON"));
    expect(await basedOn.textContent()).toContain("14/2017/NĐ-CP");
    const ownRepeal = page.locator("#outgoing-repeals");
    expect(await ownRepeal.locator("h3").textContent()).toContain(`Bãi bỏ (${count("OUTGOING", "REPEALS")})`);
    expect(await ownRepeal.textContent()).toContain("23/2020/TT-BLĐTBXH");
    // every group of the API's counts is drawn and listed, with its count
    for (const entry of counts) {
      const id = `${entry.direction.toLowerCase()}-${entry.kind.toLowerCase().replace(/_/g, "-")}`;
      expect(await page.locator(`#${id} h3`).textContent()).toContain(`(${entry.count})`);
      await expect(
        diagram
          .locator(`.relations-side.${entry.direction.toLowerCase()} [data-kind="${entry.kind}"]`)
          .count(),
      ).resolves.toBe(1);
    }
    const incoming = counts.filter((e) => e.direction === "INCOMING").reduce((s, e) => s + e.count, 0);
    const outgoing = total - incoming;
    expect(await page.locator("#relations-summary").textContent()).toBe(
      `${incoming} quan hệ đến, ${outgoing} quan hệ đi`,
    );
    expect(await diagram.getAttribute("aria-label")).toContain(`${incoming} quan hệ đến`);
    await pages.screenshot(tracked, "relations");

    // a kind chip, from the keyboard: only repeals; the choice in the URL, focus kept on the chip
    await page.locator("#kind-repeals").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/relations\?kind=REPEALS$/);
    await page.locator('#kind-repeals[aria-pressed="true"]').waitFor();
    await expect(page.locator(":focus").getAttribute("id")).resolves.toBe("kind-repeals");
    await expect(page.locator("#outgoing-based-on").count()).resolves.toBe(0);
    expect(await page.locator("#incoming-repeals").textContent()).toContain(repealing);
    expect(await page.locator("#outgoing-repeals").textContent()).toContain("23/2020/TT-BLĐTBXH");
    await page.locator("#kind-based_on").click();
    await page.waitForURL(/kind=BASED_ON%2CREPEALS$/);
    await page.locator("#outgoing-based-on").waitFor();
    await page.locator("#kind-all").click();
    await page.waitForURL(/\/relations$/);

    const shared = await pages.open(`${documentPath(repealed)}/relations?kind=REPEALS`, phone);
    await shared.page.locator("#incoming-repeals li.relation").first().waitFor();
    await pages.screenshot(shared, "relations-phone");
  });

  it("pages a large group with 'more': the first page cut to 3 relations, each group then loads the rest", async () => {
    const tracked = await pages.open("/");
    const { page } = tracked;
    // the lược đồ asks for 100 relations at first; 3 here, so that groups are cut short
    await page.route("**/graphql", async (route) => {
      const body = route.request().postDataJSON() as { query: string; variables: Record<string, unknown> };
      if (!body.query.includes("query ExplorerRelations(")) return route.continue();
      await route.continue({
        postData: JSON.stringify({ ...body, variables: { ...body.variables, first: 3 } }),
      });
    });
    await page.goto(`${base}${documentPath(repealed)}/relations`);
    const count = (direction: string, kind: string) =>
      counts.find((entry) => entry.direction === direction && entry.kind === kind)?.count ?? 0;
    const basedOn = page.locator("#outgoing-based-on");
    await basedOn.waitFor();
    await expect(basedOn.locator("li.relation").count()).resolves.toBe(3);
    const more = page.locator("#more-outgoing-based-on");
    expect(await more.textContent()).toContain(`${count("OUTGOING", "BASED_ON") - 3} còn lại`);
    await more.click();
    // hidden once the group holds all its count
    await more.waitFor({ state: "hidden" });
    await expect(basedOn.locator("li.relation").count()).resolves.toBe(count("OUTGOING", "BASED_ON"));
    // no edge twice
    const quotes = await basedOn
      .locator("li.relation")
      .evaluateAll((items) =>
        items.map(
          (item) =>
            item.querySelector("p.meta")!.textContent! + item.querySelector("blockquote")!.textContent!,
        ),
      );
    expect(new Set(quotes).size).toBe(quotes.length);

    // a group the first page did not reach at all
    const repeals = page.locator("#incoming-repeals");
    await expect(repeals.locator("li.relation").count()).resolves.toBe(0);
    await page.locator("#more-incoming-repeals").click();
    await repeals.locator("li.relation .relation-title a", { hasText: repealing }).waitFor();
    await page.locator("#more-incoming-repeals").waitFor({ state: "hidden" });
    // the drawing's card leads to its group in place: focus there, nothing loaded again or lost
    const url = page.url();
    await page.locator('#relations-diagram [data-kind="BASED_ON"] a.relation-card-title').click();
    await expect(page.locator(":focus").getAttribute("id")).resolves.toBe("outgoing-based-on-heading");
    expect(page.url()).toBe(url);
    await expect(basedOn.locator("li.relation").count()).resolves.toBe(count("OUTGOING", "BASED_ON"));
    await page.unroute("**/graphql");
  });

  it("the checker with the citing text's date 2023-06-01 warns that 36/2021 was repealed by 01/2023", async () => {
    const tracked = await pages.open("/check");
    const { page } = tracked;
    await page.getByLabel("Căn cứ như viết trong dự thảo").fill(`Thông tư số ${repealed}`);
    await page.getByLabel("Ngày của văn bản trích dẫn").fill("2023-06-01");
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    const finding = page.locator('#findings li.finding[data-code="REPEALED"]');
    await finding.waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get("asOf")).toBe("2023-06-01");
    expect(url.searchParams.get("text")).toBe(`Thông tư số ${repealed}`);
    expect(await page.locator("#checked-as-of").textContent()).toContain("1/6/2023");
    expect(await finding.textContent()).toContain(repealing);
    expect(await finding.locator("blockquote").textContent()).toContain(repealed);
    expect(await finding.locator("a.finding-by").getAttribute("href")).toBe(documentPath(repealing));
    await pages.screenshot(tracked, "check-finding");

    // before the repeal took effect: no warning
    await page.getByLabel("Ngày của văn bản trích dẫn").fill("2022-06-01");
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.waitForURL(/asOf=2022-06-01/);
    await page.locator("#no-findings").waitFor();
    await expect(page.locator("#findings").count()).resolves.toBe(0);
  });
});
