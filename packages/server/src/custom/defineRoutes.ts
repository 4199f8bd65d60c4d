/**
 * Routes of the user's project, served by the admin's API under `/api/x/<name>/...` behind its sign-in, CSRF
 * check and a permission per route set and method: `route:<name>:<method>`.
 */
import type { Context, Env, Handler } from "hono";
import type { RecordActions } from "../routes/recordActions.js";

/** Methods a custom route may answer; each is one permission, `route:<name>:<method>`. */
export type RouteMethod = "get" | "post" | "put" | "patch" | "delete";

export const routeMethods: readonly RouteMethod[] = ["get", "post", "put", "patch", "delete"];

/** What a custom route's handler gets as `c.var.atrium`. */
export interface AtriumRouteContext {
  /** The signed-in user; null only in an app built without `auth` (tests). */
  user: { id: string; email: string; isSuperuser: boolean } | null;
  /** Whether the user has a permission, e.g. `can("model:book:change")` (always true without `auth`). */
  can(permission: string): boolean;
  /**
   * The records, as this user may read and write them through the admin: model permissions are checked,
   * hidden fields are left out, and writes are recorded in the history with the user as the actor.
   */
  records: RecordActions;
  /**
   * The request's JSON body, with the admin's checks: JSON content type (415), size limit (413), valid JSON
   * (400 invalid_json).
   */
  body(): Promise<unknown>;
}

/** The Hono environment of custom routes: `c.var.atrium` is typed. */
export interface AtriumEnv extends Env {
  Variables: { atrium: AtriumRouteContext };
}

/** A custom route's handler: any Hono handler over `AtriumEnv`; what it throws becomes the API's error shape. */
export type RouteHandler<P extends string = string> = Handler<AtriumEnv, P>;

export type AtriumContext<P extends string = string> = Context<AtriumEnv, P>;

export interface RouteDefinition {
  method: RouteMethod;
  /** Below `/api/x/<name>`, starting with `/`; Hono's syntax (`/books/:id`). */
  path: string;
  handler: RouteHandler;
}

/** A named set of routes, passed to `createAtriumApp({ routes: [...] })`. */
export interface RouteSet {
  /** The URL segment (`/api/x/<name>`) and the permission's middle part (`route:<name>:get`). */
  readonly name: string;
  readonly routes: readonly RouteDefinition[];
}

/** Registers routes; each method returns the builder so calls can be chained. */
export interface RouteBuilder {
  get<P extends string>(path: P, handler: RouteHandler<P>): RouteBuilder;
  post<P extends string>(path: P, handler: RouteHandler<P>): RouteBuilder;
  put<P extends string>(path: P, handler: RouteHandler<P>): RouteBuilder;
  patch<P extends string>(path: P, handler: RouteHandler<P>): RouteBuilder;
  delete<P extends string>(path: P, handler: RouteHandler<P>): RouteBuilder;
}

/** Letters, digits, `_`, `.`, `-`: a URL segment that is also a segment of a permission string. */
const namePattern = /^[A-Za-z0-9_.-]+$/;

/**
 * Defines a set of API routes named `name`, served under `/api/x/<name>`:
 *
 * ```ts
 * export const reports = defineRoutes("reports", (routes) => {
 *   routes.get("/summary", async (c) => {
 *     const books = await c.var.atrium.records.list("book", { perPage: "1" });
 *     return c.json({ books: books.total });
 *   });
 * });
 * ```
 *
 * Calling it needs the permission `route:reports:get` (superusers have every permission).
 */
export function defineRoutes(name: string, register: (routes: RouteBuilder) => void): RouteSet {
  if (!namePattern.test(name)) {
    throw new TypeError(
      `defineRoutes: the name '${name}' must be letters, digits, '_', '.' or '-' (it is a URL segment and part of the permission 'route:<name>:<method>')`,
    );
  }
  const routes: RouteDefinition[] = [];
  const builder = {} as RouteBuilder;
  for (const method of routeMethods) {
    builder[method] = <P extends string>(path: P, handler: RouteHandler<P>) => {
      if (!path.startsWith("/")) {
        throw new TypeError(`defineRoutes('${name}'): the path '${path}' must start with '/'`);
      }
      if (typeof handler !== "function") {
        throw new TypeError(`defineRoutes('${name}'): ${method} '${path}' needs a handler function`);
      }
      routes.push({ method, path, handler: handler as unknown as RouteHandler });
      return builder;
    };
  }
  register(builder);
  if (routes.length === 0) {
    throw new TypeError(`defineRoutes('${name}'): no routes registered; call routes.get(path, handler)`);
  }
  return { name, routes };
}

/** The permissions a route set can need, one per method it answers: `route:<name>:get`, ... */
export function routeSetPermissions(set: RouteSet): string[] {
  const methods = routeMethods.filter((method) => set.routes.some((route) => route.method === method));
  return methods.map((method) => `route:${set.name}:${method}`);
}
