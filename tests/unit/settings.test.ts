import path from "node:path";
import { describe, expect, it } from "vitest";
import { httpPort, neo4jSettings, projectRoot, SettingsError } from "../../src/config/settings.js";

describe("neo4jSettings", () => {
  it.each([
    [{}, { kind: "local", dataDir: path.join(projectRoot, ".cancu", "neo4j"), port: 0, database: "neo4j" }],
    [
      { CANCU_DATA_DIR: "/tmp/x", CANCU_NEO4J_PORT: "7999" },
      { kind: "local", dataDir: "/tmp/x", port: 7999, database: "neo4j" },
    ],
    [
      {
        NEO4J_URI: "neo4j+s://abc.databases.neo4j.io",
        NEO4J_USER: "u",
        NEO4J_PASSWORD: "p",
        NEO4J_DATABASE: "db",
      },
      { kind: "remote", uri: "neo4j+s://abc.databases.neo4j.io", user: "u", password: "p", database: "db" },
    ],
  ])("%j gives %j", (env, expected) => {
    expect(neo4jSettings(env)).toEqual(expected);
  });

  it.each([["abc"], ["70000"], ["-1"], ["1.5"]])("rejects the port %s with a clear message", (raw) => {
    expect(() => httpPort({ PORT: raw })).toThrow(SettingsError);
    expect(() => httpPort({ PORT: raw })).toThrow(/PORT must be a port number/);
  });
});
