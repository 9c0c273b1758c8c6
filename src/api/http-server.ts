import http from "node:http";
import { HeaderMap } from "@apollo/server";
import type { Api } from "./create-server.js";

const maxBodyBytes = 10 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(Object.assign(new Error("request body too large"), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

async function handleGraphQL(api: Api, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  let body: unknown;
  if (req.method === "POST") {
    const raw = await readBody(req);
    const contentType = headers.get("content-type") ?? "";
    if (contentType.includes("application/json")) {
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        sendJson(res, 400, {
          errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }],
        });
        return;
      }
    } else {
      body = raw;
    }
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  const response = await api.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body },
    context: () => api.contextFor(req.headers),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export type StaticHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;

/** Serves GraphQL at /graphql, then whatever the static handlers take, else 404. */
export function createHttpServer(api: Api, staticHandlers: StaticHandler[] = []): http.Server {
  return http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const work = async () => {
      if (pathname === "/graphql") return handleGraphQL(api, req, res);
      if (pathname === "/health") return sendJson(res, 200, { status: "ok" });
      for (const handler of staticHandlers) if (await handler(req, res)) return;
      sendJson(res, 404, { error: `nothing at ${pathname}; the GraphQL endpoint is /graphql` });
    };
    work().catch((error: Error & { status?: number }) => {
      if (!res.headersSent)
        sendJson(res, error.status ?? 500, {
          errors: [
            {
              message: error.status ? error.message : "Internal server error",
              extensions: { code: "INTERNAL_SERVER_ERROR" },
            },
          ],
        });
      else res.end();
    });
  });
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
