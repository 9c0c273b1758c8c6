import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postGraphQL, startCancuServer, type RunningServer } from "../setup/cancu-process.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startCancuServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("cancu serve", () => {
  it("answers { __typename } over HTTP", async () => {
    const { status, body } = await postGraphQL(server.url, "{ __typename }");
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: "Query" } });
  });

  it("connects to NEO4J_URI instead of starting a Neo4j of its own", () => {
    expect(server.output.join("\n")).not.toMatch(/starting Neo4j/);
  });

  it("stops cleanly on SIGTERM with exit code 0", async () => {
    expect(await server.stop()).toBe(0);
  });
});
