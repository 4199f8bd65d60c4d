import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createClientForSchema,
  createPrismaDataSource,
  createSystemStore,
  ensureSystemTables,
  loadSchemaMetaCached,
  type SystemStoreClient,
} from "@atrium/prisma";
import { createAtriumApp } from "@atrium/server";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import type { AtriumConfig } from "./config/atriumConfig.js";
import { checkFieldsConfig, formatChecks, formatWarnings } from "./config/checkFieldsConfig.js";
import { ConfigError } from "./config/loadConfig.js";

/** Where `npm run build` puts the admin SPA. */
export const webDistDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../web/dist");

export interface StartOptions {
  schemaPath: string;
  databaseUrl: string;
  port: number;
  host: string;
  /** Folder of the built SPA; the admin UI is not served when it is missing. @default apps/web/dist */
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
  fields?: AtriumConfig["fields"];
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Composition root: schema -> metadata, Prisma client -> data source, both -> HTTP app, app -> socket. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { schema } = await loadSchemaMetaCached(options.schemaPath);
  const fieldRules = checkFieldsConfig(options.fields, schema);
  if (fieldRules.checks.length > 0) throw new ConfigError(formatChecks(fieldRules.checks));
  if (fieldRules.warnings.length > 0) console.warn(formatWarnings(fieldRules.warnings));
  const client = await createClientForSchema(options.schemaPath, options.databaseUrl);
  const dataSource = createPrismaDataSource({ client, schema });
  // Atrium's own tables (audit history, later users and sessions) live in the application's database, so an
  // audit entry can commit in the same transaction as the change it records.
  // Every generated client has raw SQL and interactive transactions; GenericPrismaClient does not list them.
  const systemClient = client as unknown as SystemStoreClient;
  await ensureSystemTables(systemClient, schema.provider);
  const history = createSystemStore(systemClient, schema.provider);
  const webRoot = options.webRoot ?? webDistDir;
  const auth = {
    store: history,
    secureCookies: options.secureCookies ?? ("auto" as const),
    fields: fieldRules.visibility,
  };
  const app = createAtriumApp({ schema, dataSource, history, auth, ...(await spaOptions(webRoot)) });
  if (options.noUsersHint && (await history.countUsers()) === 0) console.log(options.noUsersHint);

  const server = await new Promise<ReturnType<typeof serve>>((resolveListening, reject) => {
    const listening = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () =>
      resolveListening(listening),
    );
    listening.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${port}`,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await dataSource.close();
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
