import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium (`.ci/run` installs it with apt); never a browser downloaded by Playwright. */
export const chromiumPath = process.env.CANCU_CHROMIUM ?? "/usr/bin/chromium";

/**
 * The one policy for a missing browser: every browser test fails (never skips) and says how to
 * install it. Call it first in a browser test's beforeAll, before starting anything.
 */
export function requireChromium(): void {
  if (!existsSync(chromiumPath))
    throw new Error(
      `no Chromium at ${chromiumPath}: the browser tests need Debian's chromium package ` +
        `(sudo apt-get install chromium; .ci/run installs it), or CANCU_CHROMIUM set to another Chromium`,
    );
}

// Headless as root in a sandbox with no network: without the background-networking flags Chromium
// keeps opening connections that the closed network refuses.
const chromiumArgs = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface Browser {
  context: BrowserContext;
  /** A new tab whose console errors and uncaught exceptions are collected in `errors`. */
  newPage(viewport?: { width: number; height: number }): Promise<TrackedPage>;
  close(): Promise<void>;
}

export interface TrackedPage {
  page: Page;
  errors: string[];
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "cancu-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1366, height: 900 },
    locale: "vi-VN",
  });
  return {
    context,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
      });
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      return { page, errors };
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
