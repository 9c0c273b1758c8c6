import { createRequire } from "node:module";

/**
 * neo4j-driver (6.3) writes every Bolt message through a 1,400-byte buffer: each time it fills, the
 * driver sends a chunk of that size with its own socket write. An ingest batch sends megabytes of
 * parameters (source texts, task texts, rows), so a batch of 100 seed-sized documents became about
 * 10,000 socket writes, and the server's network thread read and reassembled as many chunks.
 * Measured on the ingest benchmark: Neo4j's network thread fell from ~0.7 ms to under 0.3 ms of CPU
 * per document, about 5 % more relationships/s.
 *
 * The driver has no setting for it, so this grows the buffer of a connection whose message
 * outgrows it, up to the largest chunk Bolt allows (a chunk's size is a 16-bit field). Small
 * messages, which are all the API sends, keep the driver's default. The driver is pinned to an exact
 * version; if its internals are not the ones expected, nothing is patched and the driver works as
 * shipped.
 */
const largestChunkBuffer = 65_535;

interface ChunkerInternals {
  _bufferSize: number;
  _chunkOpen: boolean;
  _buffer: { remaining(): number };
  _ensure(size: number): void;
}

let state: "unpatched" | "patched" | "unavailable" = "unpatched";

/** Idempotent; returns whether the driver's chunker now grows its buffer for large messages. */
export function enableLargeBoltChunks(): boolean {
  if (state !== "unpatched") return state === "patched";
  state = "unavailable";
  try {
    // resolved from neo4j-driver itself, so that this is the copy the driver loads
    const fromDriver = createRequire(createRequire(import.meta.url).resolve("neo4j-driver"));
    const chunking = fromDriver("neo4j-driver-bolt-connection/lib/channel/chunking.js") as {
      Chunker?: { prototype: ChunkerInternals };
    };
    const prototype = chunking.Chunker?.prototype;
    if (!prototype || typeof prototype._ensure !== "function") return false;
    const ensure = prototype._ensure;
    prototype._ensure = function (this: ChunkerInternals, size: number) {
      // the buffer is about to be flushed in the middle of a message: the next one is allocated
      // (by the driver's flush) at the larger size
      const needed = this._chunkOpen ? size : size + 2;
      if (
        typeof this._bufferSize === "number" &&
        this._bufferSize < largestChunkBuffer &&
        this._buffer.remaining() < needed
      ) {
        this._bufferSize = Math.min(largestChunkBuffer, this._bufferSize * 8);
      }
      ensure.call(this, size);
    };
    state = "patched";
  } catch {
    // a different driver layout: leave it as shipped
  }
  return state === "patched";
}
