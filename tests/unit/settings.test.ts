import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  loadSettings,
  localNeo4jDefaults,
  projectRoot,
  SettingsError,
  type Env,
} from "../../src/config/settings.js";
import { extraSettingArgs, jvmOptions } from "../../src/neo4j/local-neo4j.js";

// The README's table of environment variables is the contract: each row here is one of its lines.

const localDefaults = {
  kind: "local",
  dataDir: path.join(projectRoot, ".cancu", "neo4j"),
  port: 0,
  database: "neo4j",
  heap: "2g",
  pageCache: "512m",
  jvmOptions: [],
  extraSettings: [],
  maxRestarts: 3,
};

describe("loadSettings: every variable, its default and its meaning", () => {
  it("gives the README's defaults for an empty environment", () => {
    expect(loadSettings({})).toEqual({
      http: { port: 4000, host: "127.0.0.1", allowedHosts: [] },
      neo4j: localDefaults,
      databaseTimeoutMs: 5_000,
      apiKey: undefined,
      cache: { bytes: 256 * 1024 * 1024, maxAgeSeconds: 0 },
      development: false,
      sourceMaps: false,
      debug: false,
    });
    expect(localNeo4jDefaults).toMatchObject({ heap: "2g", pageCache: "512m", maxRestarts: 3 });
  });

  it.each<[string, Env, Record<string, unknown>]>([
    ["PORT", { PORT: "8080" }, { http: expect.objectContaining({ port: 8080 }) }],
    ["PORT 0: any free port", { PORT: "0" }, { http: expect.objectContaining({ port: 0 }) }],
    ["HOST", { HOST: "0.0.0.0" }, { http: expect.objectContaining({ host: "0.0.0.0" }) }],
    [
      "CANCU_ALLOWED_HOSTS",
      { CANCU_ALLOWED_HOSTS: " API.example.org, .proxy.example ,," },
      { http: expect.objectContaining({ allowedHosts: ["api.example.org", ".proxy.example"] }) },
    ],
    ["CANCU_DB_TIMEOUT_MS", { CANCU_DB_TIMEOUT_MS: "1500" }, { databaseTimeoutMs: 1500 }],
    ["CANCU_API_KEY", { CANCU_API_KEY: "secret" }, { apiKey: "secret" }],
    ["CANCU_API_KEY empty: none", { CANCU_API_KEY: "" }, { apiKey: undefined }],
    ["NODE_ENV=development", { NODE_ENV: "development" }, { development: true, sourceMaps: true }],
    ["NODE_ENV=production", { NODE_ENV: "production" }, { development: false, sourceMaps: false }],
    ["CANCU_SOURCE_MAPS=1", { CANCU_SOURCE_MAPS: "1" }, { development: false, sourceMaps: true }],
    ["CANCU_DEBUG", { CANCU_DEBUG: "1" }, { debug: true }],
    [
      "CANCU_CACHE_BYTES",
      { CANCU_CACHE_BYTES: "1048576" },
      { cache: expect.objectContaining({ bytes: 1048576 }) },
    ],
    [
      "CANCU_CACHE_BYTES 64m",
      { CANCU_CACHE_BYTES: "64m" },
      { cache: expect.objectContaining({ bytes: 64 * 1024 ** 2 }) },
    ],
    [
      "CANCU_CACHE_BYTES 1GiB",
      { CANCU_CACHE_BYTES: "1GiB" },
      { cache: expect.objectContaining({ bytes: 1024 ** 3 }) },
    ],
    [
      "CANCU_CACHE_BYTES 0: no cache",
      { CANCU_CACHE_BYTES: "0" },
      { cache: expect.objectContaining({ bytes: 0 }) },
    ],
    [
      "CANCU_HTTP_MAX_AGE",
      { CANCU_HTTP_MAX_AGE: "60" },
      { cache: expect.objectContaining({ maxAgeSeconds: 60 }) },
    ],
  ])("%s", (_name, env, expected) => {
    expect(loadSettings(env)).toMatchObject(expected);
  });

  it.each<[string, Env, Record<string, unknown>]>([
    ["CANCU_DATA_DIR", { CANCU_DATA_DIR: "/tmp/x" }, { dataDir: "/tmp/x" }],
    ["CANCU_DATA_DIR, relative", { CANCU_DATA_DIR: "store" }, { dataDir: path.resolve("store") }],
    ["CANCU_NEO4J_PORT", { CANCU_NEO4J_PORT: "7999" }, { port: 7999 }],
    ["NEO4J_DATABASE", { NEO4J_DATABASE: "db" }, { database: "db" }],
    ["CANCU_NEO4J_HEAP", { CANCU_NEO4J_HEAP: "3g" }, { heap: "3g" }],
    ["CANCU_NEO4J_PAGE_CACHE", { CANCU_NEO4J_PAGE_CACHE: "1536MiB" }, { pageCache: "1536MiB" }],
    [
      "CANCU_NEO4J_JVM_OPTS",
      { CANCU_NEO4J_JVM_OPTS: " -XX:+UseSerialGC  -Xss2m " },
      { jvmOptions: ["-XX:+UseSerialGC", "-Xss2m"] },
    ],
    [
      "CANCU_NEO4J_SETTINGS",
      { CANCU_NEO4J_SETTINGS: "db.logs.query.enabled=OFF; server.threads.worker_count=4;" },
      { extraSettings: ["db.logs.query.enabled=OFF", "server.threads.worker_count=4"] },
    ],
    ["CANCU_NEO4J_RESTARTS", { CANCU_NEO4J_RESTARTS: "0" }, { maxRestarts: 0 }],
    ["JAVA_HOME", { JAVA_HOME: "/opt/jdk" }, { javaHome: "/opt/jdk" }],
  ])("the local Neo4j: %s", (_name, env, expected) => {
    expect(loadSettings(env).neo4j).toMatchObject({ kind: "local", ...expected });
  });

  it("NEO4J_URI selects a server of yours, with NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE", () => {
    const env = {
      NEO4J_URI: "neo4j+s://abc.databases.neo4j.io",
      NEO4J_USER: "u",
      NEO4J_PASSWORD: "p",
      NEO4J_DATABASE: "db",
      // the local Neo4j's variables do not matter then, not even a bad one
      CANCU_NEO4J_PORT: "not a port",
    };
    expect(loadSettings(env).neo4j).toEqual({
      kind: "remote",
      uri: "neo4j+s://abc.databases.neo4j.io",
      user: "u",
      password: "p",
      database: "db",
    });
    expect(loadSettings({ NEO4J_URI: "bolt://h:7687" }).neo4j).toMatchObject({ user: "neo4j", password: "" });
  });

  it.each<[Env, RegExp]>([
    [{ PORT: "abc" }, /PORT must be a port number from 0 to 65535, got "abc"/],
    [{ PORT: "70000" }, /PORT must be a port number/],
    [{ PORT: "-1" }, /PORT must be a port number/],
    [{ PORT: "1.5" }, /PORT must be a port number/],
    [{ CANCU_NEO4J_PORT: "x" }, /CANCU_NEO4J_PORT must be a port number/],
    [{ CANCU_DB_TIMEOUT_MS: "5s" }, /CANCU_DB_TIMEOUT_MS must be a number of milliseconds/],
    [{ CANCU_DB_TIMEOUT_MS: "50" }, /CANCU_DB_TIMEOUT_MS must be a number of milliseconds from 100/],
    [{ CANCU_NEO4J_RESTARTS: "-1" }, /CANCU_NEO4J_RESTARTS must be a whole number from 0, got "-1"/],
    [{ CANCU_NEO4J_RESTARTS: "1.5" }, /CANCU_NEO4J_RESTARTS must be a whole number/],
    [{ CANCU_NEO4J_RESTARTS: "three" }, /CANCU_NEO4J_RESTARTS must be a whole number/],
    [{ CANCU_NEO4J_HEAP: "lots" }, /CANCU_NEO4J_HEAP must be a memory size such as 512m or 2g, got "lots"/],
    [{ CANCU_NEO4J_PAGE_CACHE: "-5m" }, /CANCU_NEO4J_PAGE_CACHE must be a memory size/],
    [{ CANCU_NEO4J_SETTINGS: "novalue" }, /CANCU_NEO4J_SETTINGS takes name=value pairs/],
    [{ CANCU_CACHE_BYTES: "lots" }, /CANCU_CACHE_BYTES must be a size in bytes/],
    [{ CANCU_CACHE_BYTES: "-1" }, /CANCU_CACHE_BYTES must be a size in bytes/],
    [{ CANCU_HTTP_MAX_AGE: "1.5" }, /CANCU_HTTP_MAX_AGE must be a whole number/],
  ])("refuses %j with a clear SettingsError", (env, message) => {
    expect(() => loadSettings(env)).toThrow(SettingsError);
    expect(() => loadSettings(env)).toThrow(message);
  });
});

describe("the local Neo4j's JVM options and settings", () => {
  it("pick the collector by workload: G1 to serve the API, the parallel collector for a bulk load", () => {
    expect(jvmOptions(undefined)).toEqual(["-XX:+UseG1GC"]);
    expect(jvmOptions([], "serve")).toEqual(["-XX:+UseG1GC"]);
    expect(jvmOptions(undefined, "load")).toEqual(["-XX:+UseParallelGC"]);
  });

  it("are replaced whole by CANCU_NEO4J_JVM_OPTS, whatever the workload", () => {
    const given = loadSettings({ CANCU_NEO4J_JVM_OPTS: " -XX:+UseSerialGC  -Xss2m " }).neo4j;
    expect(given.kind === "local" && jvmOptions(given.jvmOptions, "load")).toEqual([
      "-XX:+UseSerialGC",
      "-Xss2m",
    ]);
    expect(jvmOptions(["-XX:+UseParallelGC"], "serve")).toEqual(["-XX:+UseParallelGC"]);
  });

  it("pass CANCU_NEO4J_SETTINGS to the launcher one --setting each", () => {
    expect(extraSettingArgs(["a=1", "b=2"])).toEqual(["--setting", "a=1", "--setting", "b=2"]);
  });
});
