import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphExecutor } from "../graph/executor.js";
import { buildApiSchema } from "./build-schema.js";
import type { ApiContext } from "./context.js";
import { formatApiError } from "./errors.js";
import { operationLimitsRule } from "./operation-limits.rule.js";
import { GraphLoaders } from "./services/graph-loaders.js";

export interface ApiOptions {
  graph: GraphExecutor;
  /** CANCU_API_KEY: required for mutations; without it no mutation is allowed */
  apiKey?: string | undefined;
  /** development mode shows stack traces in errors */
  development?: boolean;
}

type ApiContextHeaders = Headers | Record<string, string | string[] | undefined>;

export interface Api {
  apollo: ApolloServer<ApiContext>;
  /** A fresh request context: its own executor view (round trips counted from 0) and loaders. */
  contextFor(headers: ApiContextHeaders): Promise<ApiContext>;
}

function header(headers: ApiContextHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Builds the Apollo server; listening is the job of http-server.ts, so tests can run it in-process. */
export async function createApi(options: ApiOptions): Promise<Api> {
  const schema = await buildApiSchema();
  const development = options.development ?? false;
  const apollo = new ApolloServer<ApiContext>({
    schema,
    includeStacktraceInErrorResponses: development,
    formatError: formatApiError(development),
    validationRules: [operationLimitsRule()],
    csrfPrevention: true,
    introspection: true,
    plugins: [
      // Apollo installs cache control by default, and its willResolveField hook wraps every field
      // resolver of every response (profiled: a share of each request's CPU); cancu sets no cache
      // hints. The landing page is GraphiQL at /graphiql, the same whatever NODE_ENV says.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  return {
    apollo,
    async contextFor(headers) {
      const presented =
        header(headers, "x-api-key") ?? header(headers, "authorization")?.replace(/^Bearer\s+/i, "");
      const graph = options.graph.scoped();
      return {
        graph,
        loaders: new GraphLoaders(graph),
        canWrite: Boolean(options.apiKey) && presented === options.apiKey,
      };
    },
  };
}
