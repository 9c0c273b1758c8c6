import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { createHash, timingSafeEqual } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import type { GraphExecutor } from "../graph/executor.js";
import { readGraphVersion } from "../graph/graph-version.js";
import { answerOutcomePlugin } from "./cache/answer-outcome.plugin.js";
import { GraphVersionReader } from "./cache/graph-version-reader.js";
import type { HttpCaching } from "./cache/http-cache.js";
import { ResponseCache } from "./cache/response-cache.js";
import { buildApiSchema } from "./build-schema.js";
import type { ApiContext } from "./context.js";
import { formatApiError } from "./errors.js";
import { limits, quoted } from "./limits.js";
import { ApiMetrics } from "./metrics.js";
import { operationLimitsPlugin } from "./operation-limits.plugin.js";
import { operationLimitsRule } from "./operation-limits.rule.js";
import { GraphLoaders } from "./services/graph-loaders.js";

export interface ApiOptions {
  graph: GraphExecutor;
  /** CANCU_API_KEY: required for mutations; without it no mutation is allowed */
  apiKey?: string | undefined;
  /** development mode shows stack traces in errors */
  development?: boolean;
  /**
   * The answer cache and HTTP caching (#21, src/api/cache/): Settings.cache (CANCU_CACHE_BYTES,
   * CANCU_HTTP_MAX_AGE). Left out or `bytes: 0`, no answer is kept and no version is read.
   */
  cache?: { bytes: number; maxAgeSeconds?: number };
}

type ApiContextHeaders = Headers | Record<string, string | string[] | undefined>;

export interface Api {
  apollo: ApolloServer<ApiContext>;
  /**
   * A fresh request context: its own executor view (round trips counted from 0) and loaders; its
   * reads start from `bookmarks` when given (those of the request's version read).
   */
  contextFor(headers: ApiContextHeaders, bookmarks?: readonly string[]): Promise<ApiContext>;
  /** what GET /metrics shows */
  metrics: ApiMetrics;
  /** the answer cache, the graph's version per request, HTTP caching; absent when off */
  caching?: HttpCaching;
}

function header(headers: ApiContextHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The presented key against the server's, in constant time: both are hashed first (SHA-256), so
 * neither their contents nor their lengths change how long the comparison takes.
 */
export function keyMatches(presented: string | undefined, expected: string | undefined): boolean {
  if (!expected || presented === undefined) return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** No error message is longer than this. */
const maxMessageChars = 1_000;
/** A quoted argument longer than this in an error message is cut to its first limits.quotedChars. */
const longQuote = new RegExp(`"([^"]{${limits.quotedChars + 1},})"`, "g");

/**
 * Error messages and extensions quote at most a short prefix of what the client sent (a 1 MB id
 * or cursor is not sent back whole): quoted strings are cut to limits.quotedChars characters.
 */
export function shortenQuotes(formatted: GraphQLFormattedError): GraphQLFormattedError {
  let message = formatted.message.replace(longQuote, (_all, inner: string) => quoted(inner));
  // a value quoted in many short pieces (escaped quotes) is still cut
  if (message.length > maxMessageChars) message = `${message.slice(0, maxMessageChars)}…`;
  let extensions = formatted.extensions;
  if (extensions) {
    for (const [key, value] of Object.entries(extensions)) {
      if (typeof value === "string" && value.length > limits.quotedChars && key !== "code") {
        extensions = { ...extensions, [key]: quoted(value).slice(1, -1) };
      }
    }
  }
  return message === formatted.message && extensions === formatted.extensions
    ? formatted
    : { ...formatted, message, ...(extensions ? { extensions } : {}) };
}

/** Builds the Apollo server; listening is the job of http-server.ts, so tests can run it in-process. */
export async function createApi(options: ApiOptions): Promise<Api> {
  const schema = await buildApiSchema();
  const development = options.development ?? false;
  const formatError = formatApiError(development);
  // the answer cache's evictions are counted as they happen, by the metrics made next
  let evicted = () => {};
  const caching = httpCaching(options, () => evicted());
  const metrics = new ApiMetrics({ cache: caching?.cache, versions: caching?.versions });
  evicted = () => metrics.cacheEvictions.inc();
  const apollo = new ApolloServer<ApiContext>({
    schema,
    includeStacktraceInErrorResponses: development,
    formatError: (formatted, error) => shortenQuotes(formatError(formatted, error)),
    // graphql's parser stops past this many tokens: a 1 MB document of braces, or a nesting deep
    // enough to exhaust the parser's stack, is GRAPHQL_PARSE_FAILED at once
    parseOptions: { maxTokens: limits.maxQueryTokens },
    validationRules: [operationLimitsRule()],
    csrfPrevention: true,
    introspection: true,
    plugins: [
      // Apollo installs cache control by default, and its willResolveField hook wraps every field
      // resolver of every response, at a cost on each request; cancu sets no cache hints. The landing page is GraphiQL at /graphiql, the same whatever NODE_ENV says.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // what validation cannot see: variables (cost), over-long strings, subscriptions
      operationLimitsPlugin(),
      // the operation's type and whether its answer is clean, for the answer cache and /metrics
      answerOutcomePlugin(),
    ],
  });
  await apollo.start();
  return {
    apollo,
    metrics,
    ...(caching ? { caching } : {}),
    async contextFor(headers, bookmarks) {
      const presented =
        header(headers, "x-api-key") ?? header(headers, "authorization")?.replace(/^Bearer\s+/i, "");
      const graph = metrics.timeDatabase(options.graph.scoped(bookmarks));
      return {
        graph,
        loaders: new GraphLoaders(graph),
        canWrite: keyMatches(presented, options.apiKey),
      };
    },
  };
}

/** The answer cache of options.cache, with its own reader of the graph's version; none for 0 bytes. */
function httpCaching(options: ApiOptions, onEvict: () => void): HttpCaching | undefined {
  const bytes = options.cache?.bytes ?? 0;
  if (bytes <= 0) return undefined;
  const graph = options.graph;
  return {
    cache: new ResponseCache({ maxBytes: bytes, onEvict }),
    versions: new GraphVersionReader(
      () => readGraphVersion(graph),
      (read) => read.version,
    ),
    maxAgeSeconds: options.cache?.maxAgeSeconds ?? 0,
  };
}
