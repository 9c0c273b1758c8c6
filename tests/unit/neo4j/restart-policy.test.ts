import { describe, expect, it } from "vitest";
import { restartPolicy } from "../../../src/neo4j/local-neo4j.js";

describe("restartPolicy: how often a dead local Neo4j is started again", () => {
  it("restarts a serving Neo4j 3 times within 5 minutes, a bulk load's never", () => {
    expect(restartPolicy("serve", {}, {})).toEqual({ maxRestarts: 3, windowMs: 300_000 });
    expect(restartPolicy("load", {}, {})).toEqual({ maxRestarts: 0, windowMs: 300_000 });
    expect(restartPolicy("load", {}, { CANCU_NEO4J_RESTARTS: "5" }).maxRestarts).toBe(0);
  });

  it("takes CANCU_NEO4J_RESTARTS, and options before it", () => {
    expect(restartPolicy("serve", {}, { CANCU_NEO4J_RESTARTS: "0" }).maxRestarts).toBe(0);
    expect(restartPolicy("serve", {}, { CANCU_NEO4J_RESTARTS: "7" }).maxRestarts).toBe(7);
    expect(
      restartPolicy("serve", { restarts: { maxRestarts: 1, windowMs: 1000 } }, { CANCU_NEO4J_RESTARTS: "7" }),
    ).toEqual({ maxRestarts: 1, windowMs: 1000 });
  });

  it("refuses a CANCU_NEO4J_RESTARTS that is not a whole number from 0", () => {
    for (const raw of ["-1", "1.5", "three"]) {
      expect(() => restartPolicy("serve", {}, { CANCU_NEO4J_RESTARTS: raw })).toThrow(/CANCU_NEO4J_RESTARTS/);
    }
  });
});
