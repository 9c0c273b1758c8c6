import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { StaticHandler } from "./http-server.js";
import { graphiqlHeaders } from "./security-headers.js";

const require = createRequire(import.meta.url);

/** The offline IDE's files, from node_modules' UMD builds (the machine may have no internet). */
const assets: Record<string, { file: string; type: string }> = {
  "react.production.min.js": { file: "react/umd/react.production.min.js", type: "text/javascript" },
  "react-dom.production.min.js": {
    file: "react-dom/umd/react-dom.production.min.js",
    type: "text/javascript",
  },
  "graphiql.min.js": { file: "graphiql/graphiql.min.js", type: "text/javascript" },
  "graphiql.min.css": { file: "graphiql/graphiql.min.css", type: "text/css" },
};

const defaultQuery = `# cancu: Vietnamese policy documents and the documents they cite.
# Try: which directives drive task II.1 of the Quảng Ninh 2022 resolution?
{
  search(text: "phong chong dich", first: 3) {
    edges {
      node {
        ... on Task {
          code
          title
          directivesDriving { depth document { symbol type issuedOn } via { quote } }
        }
      }
    }
  }
}
`;

// No inline script or style: the Content-Security-Policy (security-headers.ts) allows only files.
const startScript = `const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(defaultQuery)} }),
);
`;

const pageStyle = `body { margin: 0; }
#graphiql { height: 100vh; }
`;

/** cancu's own files of the page, next to the ones from node_modules */
const ownAssets: Record<string, { body: Buffer; type: string }> = {
  "start.js": { body: Buffer.from(startScript), type: "text/javascript" },
  "page.css": { body: Buffer.from(pageStyle), type: "text/css" },
};

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>cancu · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<link rel="stylesheet" href="/graphiql/page.css">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script src="/graphiql/start.js"></script>
</body>
</html>
`;

function resolveAsset(file: string): string {
  const [pkg, ...rest] = file.split("/");
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), ...rest);
}

/**
 * GraphiQL 3 at GET /graphiql (its assets under /graphiql/), and GET / redirecting there unless
 * `redirectRoot` is false (or a handler before this one, such as the explorer, serves /).
 */
export function graphiqlHandler(options: { redirectRoot?: boolean } = {}): StaticHandler {
  const redirectRoot = options.redirectRoot ?? true;
  const cache = new Map<string, Buffer>();
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (pathname === "/" && redirectRoot) {
      res.writeHead(302, { location: "/graphiql" });
      res.end();
      return true;
    }
    if (pathname === "/graphiql" || pathname === "/graphiql/") {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-cache",
        ...graphiqlHeaders,
      });
      res.end(req.method === "HEAD" ? undefined : page);
      return true;
    }
    const name = pathname.startsWith("/graphiql/") ? pathname.slice("/graphiql/".length) : null;
    const own = name ? ownAssets[name] : undefined;
    if (own) {
      res.writeHead(200, {
        "content-type": `${own.type}; charset=utf-8`,
        "content-length": own.body.length,
        "cache-control": "no-cache",
        ...graphiqlHeaders,
      });
      res.end(req.method === "HEAD" ? undefined : own.body);
      return true;
    }
    const asset = name ? assets[name] : undefined;
    if (!name || !asset) return false;
    let body = cache.get(name);
    if (!body) {
      body = await readFile(resolveAsset(asset.file));
      cache.set(name, body);
    }
    res.writeHead(200, {
      "content-type": `${asset.type}; charset=utf-8`,
      "content-length": body.length,
      "cache-control": "public, max-age=86400",
      ...graphiqlHeaders,
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
