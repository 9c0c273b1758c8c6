import { ApiError } from "./graphql-client.js";
import type { PageRange, SourceFacts } from "./source-file.js";

/** `[start, end)`: UTF-16 offsets into the text the file gave, end exclusive. */
export type Span = [start: number, end: number];

/**
 * The part of the extractor's answer (src/extract/model.ts, ParsedDocument) that the page shows:
 * written out here because web/ takes from src/ only the generated GraphQL types.
 */
export interface Extraction {
  document: {
    key: string;
    type: string;
    symbol: string | null;
    issuedOn: string | null;
    issuer: { name: string } | null;
    title: string | null;
    signer: string | null;
  };
  tasks: Array<{ code: string; title: string; parent: string | null; span: Span }>;
  citations: Array<{
    key: string;
    type: string;
    symbol: string;
    task: string | null;
    quote: string;
    span: Span;
  }>;
  namedReferences: Array<{ quote: string; kind: string; resolvedKey: string | null; span: Span }>;
  warnings: Array<{ kind: string; message: string; span?: Span }>;
}

/** `POST /documents?preview=1`: what was read from the file and what the extractor found in it. */
export interface UploadPreview {
  source: SourceFacts & { pages: PageRange[] | null; notes: string[] };
  text: string;
  extraction: Extraction;
}

/** `POST /documents`: the ingest's result, the new document's id and where its original is served. */
export interface UploadWritten {
  result: {
    documentKey: string;
    status: string;
    tasks: number;
    citations: number;
    namedReferences: number;
    stubsCreated: number;
    warnings: string[];
  };
  documentId: string;
  downloadUrl: string;
  source: SourceFacts;
}

/**
 * Sends one file to the API (multipart/form-data, field `file`, the key in x-api-key). Any answer
 * but 2xx becomes an ApiError with the API's message and code (UNAUTHENTICATED, UNSUPPORTED_FORMAT…).
 */
export function uploadDocument(
  file: File,
  apiKey: string,
  preview: true,
  signal?: AbortSignal,
): Promise<UploadPreview>;
export function uploadDocument(
  file: File,
  apiKey: string,
  preview: false,
  signal?: AbortSignal,
): Promise<UploadWritten>;
export async function uploadDocument(
  file: File,
  apiKey: string,
  preview: boolean,
  signal?: AbortSignal,
): Promise<UploadPreview | UploadWritten> {
  const body = new FormData();
  body.append("file", file, file.name);
  const response = await fetch(preview ? "/documents?preview=1" : "/documents", {
    method: "POST",
    headers: { "x-api-key": apiKey, accept: "application/json" },
    body,
    signal,
  });
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    throw new ApiError(`HTTP ${response.status} ${response.statusText}`.trim());
  }
  if (!response.ok) {
    const first = (answer as { errors?: Array<{ message?: string; extensions?: { code?: string } }> })
      .errors?.[0];
    throw new ApiError(first?.message ?? `HTTP ${response.status}`, first?.extensions?.code);
  }
  return answer as UploadPreview | UploadWritten;
}
