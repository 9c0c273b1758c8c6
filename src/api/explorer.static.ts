import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "../config/settings.js";
import type { StaticHandler } from "./http-server.js";
import { explorerHeaders, plainPageHeaders } from "./security-headers.js";

/** Paths that belong to the API or to other handlers: the explorer never answers them. */
const reservedPaths = /^\/(graphql|graphiql|health|documents)(\/|$)/;

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Vite puts content-hashed files under assets/: they never change, so they may be cached for good. */
const immutable = "public, max-age=31536000, immutable";
/** index.html names the current hashed assets: always revalidate it. */
const revalidate = "no-cache";

const missingBuildPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>cancu · explorer not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>The explorer is not built</h1>
<p>This server found no <code>web/dist/index.html</code>. Build the web explorer with</p>
<pre>npm run build:web</pre>
<p>then reload this page. The GraphQL API works meanwhile at <a href="/graphql">/graphql</a>.</p>
</body>
</html>
`;

export interface ExplorerOptions {
  /** The Vite build output; default web/dist in the checkout */
  distDir?: string;
}

interface Found {
  file: string;
  size: number;
}

async function regularFile(file: string): Promise<Found | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? { file, size: info.size } : null;
  } catch {
    return null;
  }
}

/**
 * The explorer (web/dist, built by Vite) at `/`: its files by path, and index.html for every other
 * GET that is not an API path, so that shared links (`/task/<id>`, `/check?text=…`) open the
 * single-page app. Without a build it answers 503 with a page that says how to build it.
 */
export function explorerHandler(options: ExplorerOptions = {}): StaticHandler {
  const distDir = path.resolve(options.distDir ?? path.join(projectRoot, "web", "dist"));
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      return false;
    }
    if (reservedPaths.test(pathname) || pathname.includes("\0")) return false;

    const index = await regularFile(path.join(distDir, "index.html"));
    if (!index) {
      res.writeHead(503, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        ...plainPageHeaders,
      });
      res.end(req.method === "HEAD" ? undefined : missingBuildPage);
      return true;
    }

    const requested = path.resolve(distDir, `.${pathname}`);
    const inside = requested.startsWith(distDir + path.sep);
    const asset = inside ? await regularFile(requested) : null;
    const extension = path.extname(pathname);
    // A missing file that looks like an asset (has an extension) is a 404, not the app: a browser
    // would otherwise parse index.html as a script or stylesheet.
    if (!asset && extension !== "" && extension !== ".html") {
      res.writeHead(404, {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        ...explorerHeaders,
      });
      res.end(req.method === "HEAD" ? undefined : `nothing at ${pathname}\n`);
      return true;
    }

    const served = asset ?? index;
    const type = contentTypes[path.extname(served.file)] ?? "application/octet-stream";
    const hashed = served !== index && pathname.startsWith("/assets/");
    const body = req.method === "HEAD" ? undefined : await readFile(served.file);
    res.writeHead(200, {
      "content-type": type,
      "content-length": served.size,
      "cache-control": hashed ? immutable : revalidate,
      ...explorerHeaders,
    });
    res.end(body);
    return true;
  };
}
