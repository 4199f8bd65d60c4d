/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document of the API for the signed-in caller, from the same access
 * rules every route applies (requestAccess.ts): models they may not view are absent, hidden fields absent, write
 * operations present only where they hold the permission.
 */
import { can, routePermission, sessionCookieName } from "@atrium/auth";
import { findModelByKey } from "@atrium/core";
import { Hono } from "hono";
import { mayRun } from "../actions/runAction.js";
import type { ResolvedOptions } from "../appOptions.js";
import type { AuthRuntime } from "../auth/authRuntime.js";
import { accessOf, type RequestAccess } from "../auth/requestAccess.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { basePathOf } from "../mount/basePath.js";
import type { DocumentInput, ModelEntry } from "./modelEntry.js";
import { buildOpenApiDocument } from "./openApiDocument.js";

/** Shown by viewers; the document describes this server's API as it runs, not a published release. */
const apiInfo = { title: "Atrium API", version: "1" };

export function openApiRoutes(options: ResolvedOptions, runtime: AuthRuntime | undefined): Hono {
  const app = new Hono();
  app.get("/", (c) => {
    const access = accessOf(c, options.schema);
    const document = buildOpenApiDocument({
      ...documentInput(options, access),
      sessionCookie: runtime ? sessionCookieName(runtime.cookieOptions(c)) : null,
      serverUrl: basePathOf(c) || "/",
    });
    return c.json(document);
  });
  app.all("/", methodNotAllowed(["GET"]));
  return app;
}

/** What the caller may see and do, in the terms of the document (the same answers `GET /api/meta` gives). */
export function documentInput(
  options: ResolvedOptions,
  access: RequestAccess,
): Omit<DocumentInput, "sessionCookie" | "serverUrl"> {
  const models: ModelEntry[] = access.view.schema.models
    .filter((model) => access.can(model.key, "view"))
    .map((viewModel) => {
      const full = findModelByKey(options.schema, viewModel.key) ?? viewModel;
      return {
        viewModel,
        writeModel: access.writeModel(full),
        can: {
          // A create that must set a field hidden from the caller would fail: the admin offers no add then.
          add: access.can(full.key, "add") && access.hiddenRequired(full).length === 0,
          change: access.can(full.key, "change"),
          delete: access.can(full.key, "delete"),
        },
        actions: (options.actions.get(full.key) ?? [])
          .filter((action) => mayRun(access, full, action))
          .map(({ handler: _handler, permission: _permission, ...shown }) => shown),
      };
    });
  const principal = access.principal;
  const projectRoutes = options.routes.flatMap((set) =>
    set.routes
      .filter((route) => principal === null || can(principal, routePermission(set.name, route.method)))
      .map((route) => ({ set: set.name, method: route.method, path: route.path })),
  );
  return {
    schema: access.view.schema,
    models,
    superuser: principal?.isSuperuser ?? false,
    projectRoutes,
    history: options.history !== undefined,
    limits: {
      maxPerPage: options.maxPerPage,
      maxBulkIds: options.maxBulkIds,
      lookupLimit: options.lookupLimit,
      maxGenerateCount: options.maxGenerateCount,
    },
    info: apiInfo,
  };
}
