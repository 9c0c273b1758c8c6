import { ApolloServer } from "@apollo/server";
import type { GraphExecutor } from "../graph/executor.js";
import { buildApiSchema } from "./build-schema.js";
import type { ApiContext } from "./context.js";

export interface ApiOptions {
  graph: GraphExecutor;
  /** CANCU_API_KEY: required for mutations; without it no mutation is allowed */
  apiKey?: string | undefined;
  /** development mode shows stack traces in errors */
  development?: boolean;
}

export interface Api {
  apollo: ApolloServer<ApiContext>;
  contextFor(headers: Headers | Record<string, string | string[] | undefined>): Promise<ApiContext>;
}

function header(headers: ApiContextHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
type ApiContextHeaders = Headers | Record<string, string | string[] | undefined>;

/** Builds the Apollo server; listening is the job of http-server.ts, so tests can run it in-process. */
export async function createApi(options: ApiOptions): Promise<Api> {
  const schema = await buildApiSchema();
  const apollo = new ApolloServer<ApiContext>({
    schema,
    includeStacktraceInErrorResponses: options.development ?? false,
    csrfPrevention: true,
    introspection: true,
  });
  await apollo.start();
  return {
    apollo,
    async contextFor(headers) {
      const presented =
        header(headers, "x-api-key") ?? header(headers, "authorization")?.replace(/^Bearer\s+/i, "");
      return {
        graph: options.graph.scoped(),
        canWrite: Boolean(options.apiKey) && presented === options.apiKey,
      };
    },
  };
}
