import { can, routePermission } from "@atrium/auth";
import { AtriumError } from "@atrium/core";
import { Hono, type MiddlewareHandler } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { accessOf } from "../auth/requestAccess.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { readJsonBody } from "../readJsonBody.js";
import { recordActions } from "../routes/recordActions.js";
import { type AtriumEnv, type RouteMethod, type RouteSet, routeMethods } from "./defineRoutes.js";

/** Where the route sets are served, below the API prefix: `/api/x/<name>/...`. */
export const customRoutesPrefix = "/x";

/**
 * The route sets of the user's project, one sub-app per set. The app-level guards already refused requests
 * without a session and cross-site writes; here each request needs `route:<name>:<method>`.
 */
export function customRoutes(options: ResolvedOptions, sets: readonly RouteSet[]): Hono {
  refuseDuplicates(sets);
  const app = new Hono();
  for (const set of sets) app.route(`/${set.name}`, routeSetApp(options, set));
  return app;
}

function routeSetApp(options: ResolvedOptions, set: RouteSet): Hono<AtriumEnv> {
  const app = new Hono<AtriumEnv>();
  app.use("*", routeContext(options, set.name));
  const methodsByPath = new Map<string, RouteMethod[]>();
  for (const route of set.routes) {
    app.on(route.method.toUpperCase(), route.path, route.handler);
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
  }
  for (const [path, methods] of methodsByPath) {
    app.all(path, methodNotAllowed(methods.map((method) => method.toUpperCase())));
  }
  return app;
}

/** Checks the route permission, then gives the handler `c.var.atrium`. */
function routeContext(options: ResolvedOptions, name: string): MiddlewareHandler<AtriumEnv> {
  return async (c, next) => {
    const access = accessOf(c, options.schema);
    const principal = access.principal;
    // HEAD is answered by the GET route; other methods no route takes fall through to the 405.
    const method = c.req.method === "HEAD" ? "get" : c.req.method.toLowerCase();
    if (principal && (routeMethods as readonly string[]).includes(method)) {
      const permission = routePermission(name, method);
      if (!can(principal, permission)) {
        throw new AtriumError(
          "forbidden",
          `You may not use the '${name}' routes with ${method.toUpperCase()}; ask an administrator for the permission '${permission}'`,
        );
      }
    }
    c.set("atrium", {
      user: principal
        ? { id: principal.userId, email: principal.email, isSuperuser: principal.isSuperuser }
        : null,
      can: (permission) => principal === null || can(principal, permission),
      records: recordActions(options, c),
      body: () => readJsonBody(c, options.maxBodyBytes),
    });
    return next();
  };
}

function refuseDuplicates(sets: readonly RouteSet[]): void {
  const seen = new Set<string>();
  for (const set of sets) {
    if (seen.has(set.name)) {
      throw new TypeError(
        `createAtriumApp: two route sets are named '${set.name}'; give each defineRoutes(...) its own name`,
      );
    }
    seen.add(set.name);
  }
}
