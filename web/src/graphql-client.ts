import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

/** A GraphQL error as the API reports it (message, and a code such as BAD_USER_INPUT). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const printed = new WeakMap<object, string>();

/**
 * Runs one codegen-typed operation against /graphql (a JSON POST, which Apollo's CSRF prevention
 * accepts). The result is typed by the operation: no hand-written response types.
 */
export async function request<Result, Variables extends Record<string, unknown>>(
  operation: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  signal?: AbortSignal,
): Promise<Result> {
  let query = printed.get(operation);
  if (!query) {
    query = print(operation);
    printed.set(operation, query);
  }
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: { data?: Result | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`HTTP ${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!body.data) throw new ApiError(`HTTP ${response.status}: no data`);
  return body.data;
}
