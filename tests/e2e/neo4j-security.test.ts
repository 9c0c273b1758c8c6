import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  passwordFilePath,
  startLocalNeo4j,
  stateFilePath,
  type LocalNeo4jHandle,
} from "../../src/neo4j/local-neo4j.js";
import { connectBoltWebSocket, packMap, packString, packStruct } from "../setup/bolt-websocket.js";
import { testNeo4j } from "../setup/neo4j-context.js";

/**
 * The local Neo4j as another user of this machine, or a web page open in its browser, meets it:
 * the one the global setup started, or (when the tests run against NEO4J_URI) one of our own.
 */
let dataDir: string;
let uri: string;
let own: LocalNeo4jHandle | null = null;
let ownDir: string | null = null;

beforeAll(async () => {
  const given = testNeo4j();
  if (given.dataDir) {
    dataDir = given.dataDir;
    uri = given.uri;
    return;
  }
  ownDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-security-neo4j-"));
  dataDir = ownDir;
  own = await startLocalNeo4j({ kind: "local", dataDir, port: 0, database: "neo4j" }, () => {});
  uri = own.uri;
});

afterAll(async () => {
  await own?.stop();
  if (ownDir) fs.rmSync(ownDir, { recursive: true, force: true });
});

function stateFile(): { boltUri: string; user: string; password: string } {
  return JSON.parse(fs.readFileSync(stateFilePath(dataDir), "utf8")) as never;
}

async function tryQuery(password: string, cypher = "RETURN 1 AS one"): Promise<string> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", password), { connectionTimeout: 5000 });
  try {
    const { records } = await driver.executeQuery(cypher, {}, { database: "neo4j" });
    return `ok ${records.length}`;
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  } finally {
    await driver.close();
  }
}

const port = () => Number(new URL(uri).port);
const hello = packStruct(
  0x01,
  packMap({ user_agent: "evil-page/1.0", bolt_agent: { product: "evil-page/1.0" } }),
);
const logon = (auth: Record<string, string>) => packStruct(0x6a, packMap(auth));
const run = (cypher: string) => packStruct(0x10, packString(cypher), packMap({}), packMap({}));

describe("the local Neo4j is closed to other users and web pages", () => {
  it("keeps its password and state file readable by their owner only (0600), in a 0700 folder", () => {
    expect(fs.statSync(passwordFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(stateFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    const state = stateFile();
    expect(state.boltUri).toBe(uri);
    expect(state.user).toBe("neo4j");
    expect(state.password).toBe(fs.readFileSync(passwordFilePath(dataDir), "utf8").trim());
    // 32 random bytes, base64url
    expect(state.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("refuses Bolt without the password, with Neo4j's default one and with a wrong one", async () => {
    for (const password of ["", "neo4j", "wrong-password"]) {
      expect(await tryQuery(password)).toMatch(/^Neo\.ClientError\.Security\.Unauthorized/);
    }
    // failed attempts lock nobody out: the right password still works at once
    expect(await tryQuery(stateFile().password)).toBe("ok 1");
  });

  it("refuses LOAD CSV from local files and from URLs, even with the password", async () => {
    const secret = path.join(dataDir, "..", `cancu-secret-${process.pid}.csv`);
    fs.writeFileSync(secret, "secret\n");
    try {
      for (const file of ["file:///etc/hostname", `file://${secret}`]) {
        expect(await tryQuery(stateFile().password, `LOAD CSV FROM '${file}' AS line RETURN line`)).toMatch(
          /^Neo\.ClientError\.Statement\.ExternalResourceFailed: .*allow_csv_import_from_file_urls' is false/,
        );
      }
    } finally {
      fs.rmSync(secret, { force: true });
    }
    expect(
      await tryQuery(stateFile().password, `LOAD CSV FROM 'http://127.0.0.1:${port()}/' AS line RETURN line`),
    ).toMatch(/^Neo\.ClientError\.Statement\.ExternalResourceFailed: .*is blocked/);
  });

  it("lets a web page's WebSocket (foreign Origin) reach Bolt, but not log on without the password", async () => {
    // what a page on http://evil.example can do with new WebSocket("ws://127.0.0.1:PORT"):
    // Neo4j upgrades the connection whatever the Origin and speaks Bolt 5 over it...
    const page = await connectBoltWebSocket(port(), "http://evil.example");
    expect(page.upgrade).toMatch(/^HTTP\/1\.1 101/);
    expect(page.version).toMatch(/^5\.\d+$/);
    // ...HELLO only negotiates (Bolt 5.1+ moved authentication to LOGON)...
    expect((await page.request(hello)).kind).toBe("SUCCESS");
    // ...and LOGON without credentials is refused, after which nothing runs
    const anonymous = await page.request(logon({ scheme: "none" }));
    expect(anonymous.kind).toBe("FAILURE");
    expect(anonymous.text).toContain("Neo.ClientError.Security.Unauthorized");
    expect((await page.request(run("MATCH (n) DETACH DELETE n"))).kind).not.toBe("SUCCESS");
    page.close();

    for (const credentials of ["", "neo4j", "wrong-password"]) {
      const guess = await connectBoltWebSocket(port(), "http://evil.example");
      expect((await guess.request(hello)).kind).toBe("SUCCESS");
      const answer = await guess.request(logon({ scheme: "basic", principal: "neo4j", credentials }));
      expect(answer.kind).toBe("FAILURE");
      expect(answer.text).toContain("Neo.ClientError.Security.Unauthorized");
      expect((await guess.request(run("RETURN 1"))).kind).not.toBe("SUCCESS");
      guess.close();
    }

    // the password is the only gate: with it, the same WebSocket runs Cypher
    const owner = await connectBoltWebSocket(port(), "http://evil.example");
    expect((await owner.request(hello)).kind).toBe("SUCCESS");
    const password = stateFile().password;
    expect(
      (await owner.request(logon({ scheme: "basic", principal: "neo4j", credentials: password }))).kind,
    ).toBe("SUCCESS");
    expect((await owner.request(run("RETURN 1"))).kind).toBe("SUCCESS");
    owner.close();
  });
});
