import { describe, expect, it } from "vitest";
import { localNeo4jSettings } from "../../../src/config/settings.js";
import { restartPolicy } from "../../../src/neo4j/local-neo4j.js";

const configured = (raw: string) => localNeo4jSettings({ CANCU_NEO4J_RESTARTS: raw }).maxRestarts;

describe("restartPolicy: how often a dead local Neo4j is started again", () => {
  it("restarts a serving Neo4j 3 times within 5 minutes, a bulk load's never", () => {
    expect(restartPolicy("serve")).toEqual({ maxRestarts: 3, windowMs: 300_000 });
    expect(restartPolicy("load")).toEqual({ maxRestarts: 0, windowMs: 300_000 });
    expect(restartPolicy("load", {}, configured("5")).maxRestarts).toBe(0);
  });

  it("takes CANCU_NEO4J_RESTARTS (through the settings), and options before it", () => {
    expect(restartPolicy("serve", {}, configured("0")).maxRestarts).toBe(0);
    expect(restartPolicy("serve", {}, configured("7")).maxRestarts).toBe(7);
    expect(restartPolicy("serve", { restarts: { maxRestarts: 1, windowMs: 1000 } }, configured("7"))).toEqual(
      {
        maxRestarts: 1,
        windowMs: 1000,
      },
    );
  });
});
