import { describe, expect, it } from "vitest";
import { paceLine } from "../../../src/cli/commands/ingest.js";
import { bottleneck, emptyTimings } from "../../../src/graph/ingest-many.js";

describe("what set an ingest's pace (#21)", () => {
  it("is the largest share of the run's time", () => {
    expect(bottleneck({ readingMs: 1_000, extractingMs: 20_000, waitingForDatabaseMs: 40_000 })).toBe(
      "the database",
    );
    expect(bottleneck({ readingMs: 1_000, extractingMs: 40_000, waitingForDatabaseMs: 2_000 })).toBe(
      "the extractor",
    );
    expect(bottleneck({ readingMs: 90_000, extractingMs: 4_000, waitingForDatabaseMs: 2_000 })).toBe(
      "reading the files",
    );
    // nothing measured yet: no share is larger; the database is named, as for a tie
    expect(bottleneck(emptyTimings())).toBe("the database");
  });

  it("is said in seconds, with each share", () => {
    expect(paceLine({ readingMs: 1_000, extractingMs: 20_123, waitingForDatabaseMs: 40_300 })).toBe(
      "reading 1.0 s, extracting 20.1 s, waiting for the database 40.3 s: the database set the pace",
    );
  });
});
