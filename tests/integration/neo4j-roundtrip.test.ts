import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { GraphExecutor } from "../../src/graph/executor.js";
import { testDriver, testNeo4j } from "../setup/neo4j-context.js";

const driver = testDriver();
afterAll(() => driver.close());

describe("the real Neo4j over Bolt", () => {
  it("is Neo4j Community 5.26", async () => {
    const { records } = await driver.executeQuery(
      "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition",
      {},
      { database: testNeo4j().database },
    );
    expect(records[0]?.get("edition")).toBe("community");
    expect(String(records[0]?.get("version"))).toMatch(/^5\.26\./);
  });

  it("writes in a write transaction and reads it back in a read transaction", async () => {
    const executor = new GraphExecutor(driver, testNeo4j().database);
    const marker = randomUUID();
    await executor.write({
      cypher: "CREATE (:RoundTripProbe {marker: $marker, text: $text})",
      params: { marker, text: "Nghị quyết số 26-NQ/TW" },
    });
    const records = await executor.read({
      cypher: "MATCH (p:RoundTripProbe {marker: $marker}) RETURN p.text AS text",
      params: { marker },
    });
    expect(records.map((r) => r.get("text"))).toEqual(["Nghị quyết số 26-NQ/TW"]);
    expect(executor.roundTrips).toBe(2);
    await executor.write({
      cypher: "MATCH (p:RoundTripProbe {marker: $marker}) DELETE p",
      params: { marker },
    });
  });

  it("rolls back a failed write transaction entirely", async () => {
    const executor = new GraphExecutor(driver, testNeo4j().database);
    const marker = randomUUID();
    await expect(
      executor.writeTransaction(async (tx) => {
        await tx.run("CREATE (:RoundTripProbe {marker: $marker})", { marker });
        throw new Error("injected failure");
      }),
    ).rejects.toThrow("injected failure");
    const records = await executor.read({
      cypher: "MATCH (p:RoundTripProbe {marker: $marker}) RETURN count(p) AS n",
      params: { marker },
    });
    expect(Number(records[0]?.get("n"))).toBe(0);
  });
});
