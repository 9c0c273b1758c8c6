import path from "node:path";
import { describe, expect, it } from "vitest";
import { httpPort, neo4jSettings, projectRoot, SettingsError } from "../../src/config/settings.js";
import { jvmOptions } from "../../src/neo4j/local-neo4j.js";

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

describe("the local Neo4j's JVM options", () => {
  it("pick the collector by workload: G1 to serve the API, the parallel collector for a bulk load", () => {
    expect(jvmOptions(undefined)).toEqual(["-XX:+UseG1GC"]);
    expect(jvmOptions("", "serve")).toEqual(["-XX:+UseG1GC"]);
    expect(jvmOptions(undefined, "load")).toEqual(["-XX:+UseParallelGC"]);
  });

  it("are replaced whole by CANCU_NEO4J_JVM_OPTS, whatever the workload", () => {
    expect(jvmOptions(" -XX:+UseSerialGC  -Xss2m ", "load")).toEqual(["-XX:+UseSerialGC", "-Xss2m"]);
    expect(jvmOptions("-XX:+UseParallelGC", "serve")).toEqual(["-XX:+UseParallelGC"]);
  });
});
