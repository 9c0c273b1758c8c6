import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { projectRoot } from "../../src/config/settings.js";

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

/** `npm test` builds the explorer first; a lone run of a browser test builds it when it is missing. */
export function ensureExplorerBuilt(): void {
  const distDir = path.join(projectRoot, "web", "dist");
  if (existsSync(path.join(distDir, "index.html"))) return;
  const vite = path.join(projectRoot, "node_modules", "vite", "bin", "vite.js");
  const build = spawnSync(process.execPath, [vite, "build", "--config", "web/vite.config.ts"], {
    cwd: projectRoot,
    encoding: "utf8",
  });
  if (build.status !== 0 || !existsSync(path.join(distDir, "index.html")))
    throw new Error(
      `web/dist is missing and \`npm run build:web\` failed:\n${build.stdout}\n${build.stderr}`,
    );
}

/**
 * The pages a browser test opens on one server: each kept until `closeAll` (the test's afterEach),
 * which closes them and gives their console errors; full-page screenshots in `artifacts`.
 */
export class OpenedPages {
  private opened: TrackedPage[] = [];

  constructor(
    private readonly browser: () => Browser,
    private readonly origin: () => string,
    private readonly artifacts: string,
  ) {
    mkdirSync(artifacts, { recursive: true });
  }

  async open(route: string, viewport?: { width: number; height: number }): Promise<TrackedPage> {
    const tracked = await this.browser().newPage(viewport);
    this.opened.push(tracked);
    await tracked.page.goto(`${this.origin()}${route}`);
    return tracked;
  }

  async screenshot(tracked: TrackedPage, name: string): Promise<void> {
    await tracked.page.screenshot({ path: path.join(this.artifacts, `${name}.png`), fullPage: true });
  }

  /** Closes every page opened since the last call; the errors they logged. */
  async closeAll(): Promise<string[]> {
    const pages = this.opened;
    this.opened = [];
    for (const tracked of pages) await tracked.page.close();
    return pages.flatMap((tracked) => tracked.errors);
  }
}
