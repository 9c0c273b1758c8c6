import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCancuServer, type RunningServer } from "../setup/cancu-process.js";
import { seedGraph } from "../setup/seed-graph.js";
import { launchChromium, requireChromium, type Browser } from "./browser.js";

// GraphiQL as a user opens it: `cancu serve` on the seeded test Neo4j, the page in Debian's
// Chromium with no network, its example query run. (Its HTML and assets over plain HTTP are
// checked in tests/integration/api/graphql-http.test.ts.)

let server: RunningServer;
let browser: Browser;

describe("GraphiQL in Chromium against cancu serve", () => {
  beforeAll(async () => {
    requireChromium();
    await seedGraph();
    server = await startCancuServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("renders without the network and runs its example query", async () => {
    const { page, errors } = await browser.newPage();
    await page.goto(`${new URL(server.url).origin}/graphiql`);
    await page.waitForSelector(".graphiql-container", { timeout: 30_000 });
    await page.click(".graphiql-execute-button");
    // a locator, not waitForFunction: its string would be run with eval, which the page's CSP forbids
    await page.locator(".result-window", { hasText: "directivesDriving" }).waitFor({ timeout: 30_000 });
    expect(page.url()).toMatch(/\/graphiql$/);
    expect(errors).toEqual([]);
  });
});
