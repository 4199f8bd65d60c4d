import { Hono } from "hono";
import { type AtriumAppOptions, resolveOptions } from "./appOptions.js";
import { adminUsersRoutes } from "./auth/adminUsersRoutes.js";
import { apiTokenRoutes } from "./auth/apiTokenRoutes.js";
import { authGuard } from "./auth/authGuard.js";
import { authRoutes } from "./auth/authRoutes.js";
import { createAuthRuntime } from "./auth/authRuntime.js";
import { csrfGuard } from "./auth/csrfGuard.js";
import { accessOf } from "./auth/requestAccess.js";
import { securityHeaders } from "./auth/securityHeaders.js";
import { customRoutes, customRoutesPrefix } from "./custom/customRoutes.js";
import { exchangeRoutes } from "./exchange/exchangeRoutes.js";
import { isImportRequest } from "./exchange/importRoute.js";
import { historyRoutes } from "./history/historyRoutes.js";
import { bodyLimit } from "./middleware/bodyLimit.js";
import { errorHandler } from "./middleware/errorHandler.js";
import { notFound } from "./middleware/notFound.js";
import { spaFallback, staticFiles } from "./middleware/spaFallback.js";
import { openApiRoutes } from "./openapi/openApiRoutes.js";
import { countRoutes } from "./routes/counts.js";
import { healthRoutes } from "./routes/health.js";
import { lookupRoutes } from "./routes/lookup.js";
import { metaRoutes } from "./routes/meta.js";
import { recordRoutes } from "./routes/records.js";

/**
 * Builds the Atrium HTTP app: the JSON API under `/api`, `/healthz`, and optionally the built SPA.
 * Runtime-neutral (a fetch handler); the composition root decides how to listen.
 */
export function createAtriumApp(input: AtriumAppOptions): Hono {
  const options = resolveOptions(input);
  const app = new Hono();
  app.onError(errorHandler(options.logger, (c) => accessOf(c, options.schema).principal));
  app.notFound(notFound);
  const alwaysHttps = options.auth?.secureCookies === true;
  app.use(
    "*",
    securityHeaders((url) => alwaysHttps || url.startsWith("https:"), options.indexHtml),
  );
  const runtime = options.auth ? createAuthRuntime(options.schema, options.auth) : undefined;
  if (runtime) {
    // App-level, before every route: a route added later cannot be reached without a session.
    app.use("*", csrfGuard(runtime.options.trustedOrigins));
    app.use("*", authGuard(runtime));
  }

  app.route("/healthz", healthRoutes());

  const limitBody = bodyLimit(options.maxBodyBytes);
  // An import's file is held to its own limit (maxImportBytes) while it is spooled.
  app.use("/api/*", (c, next) => (isImportRequest(c) ? next() : limitBody(c, next)));
  app.use("/api/*", async (c, next) => {
    await next();
    // Admin data changes under the user's feet; a heuristically cached list would show deleted rows.
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
  });
  if (runtime) app.route("/api/auth", authRoutes(options.schema, runtime));
  if (runtime) app.route("/api/admin", adminUsersRoutes(options.schema, runtime, options.routes));
  if (runtime) app.route("/api/tokens", apiTokenRoutes(options.schema, runtime));
  app.route("/api/meta", metaRoutes(options));
  app.route("/api/openapi.json", openApiRoutes(options, runtime));
  // Before the record routes: `/api/records/{key}/{id}/history` lives with the other history routes.
  if (options.history) app.route("/api", historyRoutes(options, options.history));
  app.route("/api/records", recordRoutes(options));
  app.route("/api/lookup", lookupRoutes(options));
  // Beside the records, not under them: `GET /api/records/{key}/export` would shadow a record whose `$id` is
  // "export".
  app.route("/api", exchangeRoutes(options));
  app.route("/api/counts", countRoutes(options));
  if (options.routes.length > 0)
    app.route(`/api${customRoutesPrefix}`, customRoutes(options, options.routes));

  if (options.staticHandler) app.on(["GET", "HEAD"], "*", staticFiles(options.staticHandler));
  if (options.indexHtml !== undefined) app.on(["GET", "HEAD"], "*", spaFallback(options.indexHtml));
  return app;
}
