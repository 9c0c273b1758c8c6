/**
 * cancu as the benchmark runs it: the real API (createApi + createHttpServer from src/api, the same
 * GraphExecutor, error masking, depth/cost rule and CSRF prevention as `cancu serve`) on NEO4J_URI.
 * Unlike `cancu serve` it applies no migrations and seeds nothing (the benchmark owns its database),
 * serves no explorer or GraphiQL, and prints `READY <port>`. The answer cache (#21) is taken from
 * the environment as `cancu serve` takes it (CANCU_CACHE_BYTES, CANCU_HTTP_MAX_AGE); bench/run.ts
 * sets CANCU_CACHE_BYTES=0 (off) unless the run was given one.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 PORT=0 CANCU_CACHE_BYTES=0 node --import tsx bench/scale/cancu-server.ts
 */
import { createApi } from "../../src/api/create-server.js";
import { createHttpServer } from "../../src/api/http-server.js";
import { loadSettings } from "../../src/config/settings.js";
import { GraphExecutor } from "../../src/graph/executor.js";
import { connect, READ_TIMEOUT_MS, serveUntilStopped } from "./server-common.js";

await serveUntilStopped(async () => {
  const { cache } = loadSettings(process.env);
  const connection = await connect();
  try {
    const graph = new GraphExecutor(connection.driver, connection.database, {
      readTimeoutMs: READ_TIMEOUT_MS,
    });
    const api = await createApi({ graph, cache });
    process.stderr.write(`cancu: answer cache ${cache.bytes > 0 ? `${cache.bytes} bytes` : "off"}\n`);
    return {
      server: createHttpServer(api),
      close: async () => {
        await api.apollo.stop();
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
});
