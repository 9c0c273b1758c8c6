import { createHash } from "node:crypto";
import type http from "node:http";

/**
 * What identifies a GraphQL request's answer, read from the request before Apollo sees it: the
 * operation (the SHA-256 of its text, or the persisted-query hash sent in its place, which by
 * Apollo's protocol is that same SHA-256), the operation name, the variables and the Accept header
 * (Apollo picks the response's content type from it). The graph's version completes the key
 * (response-cache.ts). A request that cannot be read this way (a batch, a body that is not JSON, no
 * operation, a request Apollo's CSRF prevention would refuse) has no key: Apollo answers it as
 * always, uncached.
 */
export interface RequestKey {
  /** SHA-256 (hex) of operation, operation name, variables and Accept */
  key: string;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const persistedHash = /^[0-9a-f]{64}$/i;

/** Content types a browser sends without a CORS preflight: Apollo's CSRF prevention refuses them alone. */
const simpleContentTypes = new Set([
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "text/plain",
]);
/** Headers that make any request preflighted (Apollo's recommended CSRF-prevention headers). */
const preflightHeaders = ["x-apollo-operation-name", "apollo-require-preflight"];

function headerValue(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * Whether Apollo's CSRF prevention (csrfPrevention: true) lets this request through: a content type
 * that a simple request cannot have, or one of its preflight headers. A request it would refuse is
 * never answered from the cache, so the refusal stays Apollo's.
 */
export function passesCsrfPrevention(req: http.IncomingMessage): boolean {
  const contentType = headerValue(req, "content-type");
  if (contentType !== undefined) {
    const essence = contentType.split(";")[0]!.trim().toLowerCase();
    if (!simpleContentTypes.has(essence)) return true;
  }
  return preflightHeaders.some((name) => (headerValue(req, name) ?? "").length > 0);
}

function parseJsonParam(raw: string | null): { ok: boolean; value: unknown } {
  if (raw === null || raw === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The persisted-query hash of `extensions`, when it is a well-formed APQ extension. */
function apqHash(extensions: unknown): string | undefined {
  if (!isRecord(extensions) || !isRecord(extensions.persistedQuery)) return undefined;
  const { version, sha256Hash } = extensions.persistedQuery;
  return version === 1 && typeof sha256Hash === "string" && persistedHash.test(sha256Hash)
    ? sha256Hash.toLowerCase()
    : undefined;
}

/**
 * The key of a GET (`?query=…&variables=…&operationName=…&extensions=…`, variables and extensions
 * as JSON) or of a POST whose parsed JSON body is one operation; undefined when there is none.
 */
export function requestKey(req: http.IncomingMessage, url: URL, body: unknown): RequestKey | undefined {
  if (!passesCsrfPrevention(req)) return undefined;
  let query: unknown;
  let operationName: unknown;
  let variables: unknown;
  let extensions: unknown;
  if (req.method === "GET") {
    const params = url.searchParams;
    const parsedVariables = parseJsonParam(params.get("variables"));
    const parsedExtensions = parseJsonParam(params.get("extensions"));
    if (!parsedVariables.ok || !parsedExtensions.ok) return undefined;
    query = params.get("query") ?? undefined;
    operationName = params.get("operationName") ?? undefined;
    variables = parsedVariables.value;
    extensions = parsedExtensions.value;
  } else if (req.method === "POST" && isRecord(body)) {
    ({ query, operationName, variables, extensions } = body);
  } else {
    return undefined;
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string")
    return undefined;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
  // the text's own hash, never the one a client sends beside a text (Apollo refuses a mismatch)
  const operation = typeof query === "string" && query !== "" ? sha256(query) : apqHash(extensions);
  if (operation === undefined || (query !== undefined && typeof query !== "string")) return undefined;
  const accept = headerValue(req, "accept") ?? "";
  return { key: sha256(JSON.stringify([operation, operationName ?? null, variables ?? null, accept])) };
}
