/**
 * Serving the admin inside another server, under a path such as `/admin`: in a Hono app (`mountAtrium`), in
 * any framework that hands over fetch `Request`s (`toFetchHandler`, e.g. a Next.js route handler), or in Node's
 * `http` / Express (`toNodeListener`).
 */
import { AtriumError } from "@atrium/core";
import { getRequestListener } from "@hono/node-server";
import type { Hono } from "hono";
import { basePathEnvKey, normalizeBasePath } from "./basePath.js";

/** Anything with Hono's `fetch(request, env)`, e.g. what `createAtriumApp` returns. */
export interface FetchApp {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
}

export interface MountOptions {
  /**
   * The URL path the admin is served under: its pages at `<basePath>/`, its API at `<basePath>/api`, its
   * session cookie scoped to it.
   * @default "" (the root)
   */
  basePath?: string;
}

/** A fetch handler: `(request) => response`, plus the env of the hosting runtime when there is one. */
export type FetchHandler = (request: Request, env?: unknown) => Promise<Response>;

/**
 * Answers the requests under `basePath` with the admin app: the prefix is taken off the URL, the app is told
 * the base path (asset URLs, `<meta name="atrium-base-path">`, cookie path), and any other request gets the
 * API's JSON 404.
 */
export function toFetchHandler(app: FetchApp, options: MountOptions = {}): FetchHandler {
  const basePath = normalizeBasePath(options.basePath ?? "", "toFetchHandler");
  return async (request, env) => {
    const url = new URL(request.url);
    const rest = basePath === "" ? url.pathname : pathBelow(url.pathname, basePath);
    if (rest === undefined) {
      const error = new AtriumError("not_found", `Not found; the admin is served under ${basePath}`);
      return Response.json(error.toBody(), { status: 404 });
    }
    url.pathname = rest;
    const forwarded =
      basePath === ""
        ? request
        : new Request(url, {
            method: request.method,
            headers: request.headers,
            body: request.body,
            signal: request.signal,
            redirect: request.redirect,
            // Node's fetch refuses a streamed body without it; it only means "the body may still be arriving".
            duplex: "half",
          } as RequestInit);
    const hostEnv = typeof env === "object" && env !== null ? env : {};
    return app.fetch(forwarded, { ...hostEnv, [basePathEnvKey]: basePath });
  };
}

/** Serves the admin in a Hono app under `basePath`: `mountAtrium(app, "/admin", createAtriumApp({...}))`. */
export function mountAtrium<H extends Pick<Hono, "all">>(parent: H, basePath: string, app: FetchApp): H {
  const prefix = normalizeBasePath(basePath, "mountAtrium");
  const handler = toFetchHandler(app, { basePath: prefix });
  if (prefix === "") {
    parent.all("*", (c) => handler(c.req.raw, c.env));
    return parent;
  }
  parent.all(prefix, (c) => handler(c.req.raw, c.env));
  parent.all(`${prefix}/*`, (c) => handler(c.req.raw, c.env));
  return parent;
}

/**
 * A Node `(req, res)` listener serving the admin under `basePath`, for `http.createServer(...)` or Express
 * (`expressApp.use(toNodeListener(atriumApp, { basePath: "/admin" }))`, without Express's own path argument,
 * which would strip the prefix before the admin sees it).
 */
export function toNodeListener(app: FetchApp, options: MountOptions = {}) {
  const handler = toFetchHandler(app, options);
  return getRequestListener((request, env) => handler(request, env));
}

/** `/admin/x` below `/admin` is `/x`; `/admin` itself is `/`; `/adminx` is not below it. */
function pathBelow(pathname: string, basePath: string): string | undefined {
  if (pathname === basePath) return "/";
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}
