import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FieldAccess } from "@atrium/auth";
import type { SearchMode } from "@atrium/core";
import {
  applySqliteSettings,
  createClientForSchema,
  createPrismaDataSource,
  createSystemStore,
  ensureSystemTables,
  loadSchemaMetaCached,
  redactUrl,
  type SystemStoreClient,
} from "@atrium/prisma";
import { createAtriumApp, type RouteSet } from "@atrium/server";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import { checkFieldsConfig } from "./config/checkFieldsConfig.js";
import { checkModelsConfig } from "./config/checkModelsConfig.js";
import { formatChecks, formatWarnings } from "./config/configCheck.js";
import { readSeedPlan } from "./config/readSeedPlan.js";
import { ConfigError } from "./config/resolveConfig.js";
import { openWhenDatabaseAnswers } from "./databaseGate.js";

export interface StartOptions {
  schemaPath: string;
  databaseUrl: string;
  port: number;
  host: string;
  /** Folder of the built SPA (`atrium build`'s, or the prebuilt one); no UI is served when it is missing. */
  webRoot?: string;
  /** Printed at start-up while the database has no users (how to create one). @default nothing */
  noUsersHint?: string;
  /** Secure `__Host-` cookies and HSTS: true behind a TLS proxy. @default "auto" (from the request URL) */
  secureCookies?: boolean | "auto";
  /**
   * Field rules of the config file (hidden, visible, write-only); a rule that does not match the schema stops
   * the start, a model nobody can create is warned about (atrium.W001).
   * @default {}
   */
  fields?: Record<string, FieldAccess>;
  /**
   * Per-model admin options of the config file (`models`); checked against the schema, every problem stops the
   * start (docs/checks.md).
   * @default {}
   */
  models?: unknown;
  /** The config's seed plan: only checked here (a misspelt plan stops the start too); `atrium seed` runs it. */
  seed?: unknown;
  /** The project's API routes, under `/api/x/<name>/`. @default [] */
  routes?: readonly RouteSet[];
  /** Longest a statement may run on PostgreSQL and MariaDB, in ms; 0: no limit. @default 5000 */
  statementTimeoutMs?: number;
  /** Lists bigger than this accept only sorts an index serves; 0: no limit. @default 100000 */
  unindexedSortLimit?: number;
  /** Lists count their rows exactly up to this many, then say "more than N". @default 100000 */
  maxExactCount?: number;
  /** Longest a filtered count may run on PostgreSQL and MariaDB, in ms; 0: no limit. @default 1000 */
  countBudgetMs?: number;
  /** How searches match: `contains`, `prefix` or `auto`. @default "auto" */
  searchMode?: SearchMode;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The admin as a fetch handler, before it listens anywhere: what `startServer` and `atrium dev` serve. */
export interface Atrium {
  /** Takes the host's `env` along: `toFetchHandler`/`mountAtrium` pass the base path through it. */
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
  close(): Promise<void>;
}

/** Composition root: schema -> metadata, Prisma client -> data source, both -> HTTP app. */
export async function createAtrium(options: Omit<StartOptions, "port" | "host">): Promise<Atrium> {
  const { schema: schemaAsWritten } = await loadSchemaMetaCached(options.schemaPath);
  const fieldRules = checkFieldsConfig(options.fields, schemaAsWritten);
  const modelOptions = checkModelsConfig(options.models, schemaAsWritten);
  const problems = [
    ...fieldRules.checks,
    ...modelOptions.checks,
    ...readSeedPlan(options.seed, schemaAsWritten).checks,
  ];
  if (problems.length > 0) throw new ConfigError(formatChecks(problems));
  const warnings = [...fieldRules.warnings, ...modelOptions.warnings];
  if (warnings.length > 0) console.warn(formatWarnings(warnings));
  // Labels, title fields, search fields and read-only flags as configured, for every route and the data source.
  const schema = modelOptions.schema;
  const client = await createClientForSchema(options.schemaPath, options.databaseUrl, {
    statementTimeoutMs: options.statementTimeoutMs ?? 5000,
    // Says why this start took longer than the next ones will; the bench reads the figure too.
    onGenerated: (ms) =>
      console.log(
        `Generated the Prisma client for this schema in ${(ms / 1000).toFixed(1)} s (once per schema)`,
      ),
  });
  const dataSource = createPrismaDataSource({
    client,
    schema,
    ...(options.unindexedSortLimit === undefined ? {} : { unindexedSortLimit: options.unindexedSortLimit }),
    ...(options.maxExactCount === undefined ? {} : { maxExactCount: options.maxExactCount }),
    ...(options.countBudgetMs === undefined ? {} : { countBudgetMs: options.countBudgetMs }),
    ...(options.searchMode === undefined ? {} : { searchMode: options.searchMode }),
  });
  // Atrium's own tables (audit history, users and sessions) live in the application's database, so an audit
  // entry can commit in the same transaction as the change it records.
  // Every generated client has raw SQL and interactive transactions; GenericPrismaClient does not list them.
  const systemClient = client as unknown as SystemStoreClient;
  const history = createSystemStore(systemClient, schema.provider);
  const gate = await openWhenDatabaseAnswers({
    target: redactUrl(options.databaseUrl),
    prepare: async () => {
      if (schema.provider === "sqlite") await applySqliteSettings(client as never);
      await ensureSystemTables(systemClient, schema.provider);
      if (options.noUsersHint && (await history.countUsers()) === 0) console.log(options.noUsersHint);
    },
  });
  const auth = {
    store: history,
    secureCookies: options.secureCookies ?? ("auto" as const),
    fields: fieldRules.visibility,
  };
  const spa = options.webRoot ? await spaOptions(options.webRoot) : {};
  const app = createAtriumApp({
    schema,
    dataSource,
    history,
    auth,
    routes: options.routes ?? [],
    actions: modelOptions.actions,
    computedValues: modelOptions.computedValues,
    ...spa,
  });
  return {
    fetch: (request, env) => (gate.isOpen() ? app.fetch(request, env as never) : gate.closedResponse()),
    close: () => {
      gate.stop();
      return dataSource.close();
    },
  };
}

const KEEP_ALIVE_MS = 65_000;

/** `createAtrium`, listening on the options' port and host. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const atrium = await createAtrium(options);
  const server = await new Promise<ReturnType<typeof serve>>((resolveListening, reject) => {
    const listening = serve({ fetch: atrium.fetch, port: options.port, hostname: options.host }, () =>
      resolveListening(listening),
    );
    listening.once("error", reject);
  });
  // Node closes an idle kept-alive connection after 5 s. A client (or a load balancer, which typically keeps
  // connections 60 s) that reuses it at that moment gets ECONNRESET on a request the server never saw. Keep
  // connections longer than the usual balancer's idle timeout, so the client always closes first.
  if ("keepAliveTimeout" in server) {
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1000;
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${port}`,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await atrium.close();
    },
  };
}

/**
 * The built SPA: real files as they are (hashed assets cached for a year), and index.html for every other
 * page so that deep links and reloads work. Nothing when the SPA was not built.
 */
async function spaOptions(
  webRoot: string,
): Promise<{ staticHandler?: MiddlewareHandler; indexHtml?: string }> {
  const indexPath = join(webRoot, "index.html");
  if (!existsSync(indexPath)) return {};
  const staticHandler = serveStatic({
    root: webRoot,
    onFound: (path, context) => {
      const isHashedAsset = path.includes("/assets/");
      context.header("Cache-Control", isHashedAsset ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  return { staticHandler, indexHtml: await readFile(indexPath, "utf8") };
}
