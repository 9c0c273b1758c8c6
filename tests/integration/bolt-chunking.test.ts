import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { enableLargeBoltChunks } from "../../src/graph/bolt-chunking.js";
import { testDriver, testNeo4j } from "../setup/neo4j-context.js";

describe("large Bolt messages (enableLargeBoltChunks)", () => {
  const patched = enableLargeBoltChunks();
  const driver = testDriver();
  afterAll(() => driver.close());

  it("applies to the pinned driver, and a second call changes nothing", () => {
    expect(patched).toBe(true);
    expect(enableLargeBoltChunks()).toBe(true);
  });

  it("sends a megabyte of parameters in few socket writes, and it arrives intact", async () => {
    const text = "Nghị quyết số 26-NQ/TW ngày 19/5/2018 về tập trung xây dựng đội ngũ cán bộ. ".repeat(8000);
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      key: `NQ|${i}-NQ/TW|2018`,
      start: i,
      quote: "chuyển đổi số",
    }));
    const session = driver.session({ database: testNeo4j().database });
    const write = net.Socket.prototype.write;
    let writes = 0;
    let bytes = 0;
    net.Socket.prototype.write = function (this: net.Socket, chunk: unknown, ...rest: unknown[]) {
      writes += 1;
      bytes += (chunk as Buffer).length ?? 0;
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof write;
    try {
      const result = await session.run(
        "RETURN size($text) AS chars, $text = $expected AS same, size($rows) AS n, $rows[2999].key AS last",
        { text, expected: text, rows },
      );
      const record = result.records[0]!;
      expect(record.get("same")).toBe(true);
      expect(record.get("chars").toNumber()).toBe(text.length);
      expect(record.get("n").toNumber()).toBe(3000);
      expect(record.get("last")).toBe("NQ|2999-NQ/TW|2018");
    } finally {
      net.Socket.prototype.write = write;
      await session.close();
    }
    // two copies of the text, ~1.4 MB in UTF-8, plus the rows: with the driver's 1,400-byte
    // buffer that is over a thousand writes; with 64 KiB chunks a few dozen
    expect(bytes).toBeGreaterThan(1_400_000);
    expect(writes).toBeLessThan(bytes / 20_000);
  });
});
