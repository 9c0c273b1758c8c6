import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

/** One kept answer: the bytes Apollo sent, the headers that go with them, its entity tag. */
export interface CachedAnswer {
  body: Buffer;
  /** Apollo's headers for it (content-type, vary), content-length left out */
  headers: ReadonlyArray<readonly [string, string]>;
  etag: string;
}

/** What an entry costs besides its body: its key, the headers, the cache's own bookkeeping. */
const entryOverheadBytes = 512;

export interface ResponseCacheOptions {
  /** the most the kept answers may take, in bytes (bodies, keys, headers, bookkeeping) */
  maxBytes: number;
  /** an answer larger than this is not kept; default an eighth of maxBytes */
  maxEntryBytes?: number;
  /** called once per answer pushed out to make room */
  onEvict?: () => void;
}

/** The entity tag of an answer: its request key under one graph version (weak: same meaning, not bytes promised). */
export function entityTag(version: string, requestKey: string): string {
  return `W/"${createHash("sha256").update(`${version}\n${requestKey}`).digest("base64url").slice(0, 32)}"`;
}

/** Whether `If-None-Match` names this tag (or `*`), weak comparison as RFC 9110 asks for GET. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}

/**
 * Answers kept per (graph version, request key), least recently used pushed out first, bounded in
 * bytes: lru-cache with maxSize and a size per entry. The version is part of the key, so an ingest,
 * which raises it, leaves every older answer unreachable at once; they go as room is needed.
 */
export class ResponseCache {
  private readonly lru: LRUCache<string, CachedAnswer>;

  constructor(readonly options: ResponseCacheOptions) {
    this.lru = new LRUCache<string, CachedAnswer>({
      maxSize: options.maxBytes,
      maxEntrySize: options.maxEntryBytes ?? Math.max(1, Math.floor(options.maxBytes / 8)),
      sizeCalculation: (value, key) =>
        value.body.byteLength +
        key.length * 2 +
        value.etag.length * 2 +
        value.headers.reduce((n, [name, text]) => n + (name.length + text.length) * 2, 0) +
        entryOverheadBytes,
      dispose: (_value, _key, reason) => {
        if (reason === "evict") options.onEvict?.();
      },
    });
  }

  get(version: string, requestKey: string): CachedAnswer | undefined {
    return this.lru.get(`${version}\n${requestKey}`);
  }

  set(version: string, requestKey: string, answer: CachedAnswer): void {
    this.lru.set(`${version}\n${requestKey}`, answer);
  }

  /** bytes taken by the kept answers, as sizeCalculation counts them */
  get bytes(): number {
    return this.lru.calculatedSize;
  }

  get entries(): number {
    return this.lru.size;
  }

  clear(): void {
    this.lru.clear();
  }
}
