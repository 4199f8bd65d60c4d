import type { MiddlewareHandler } from "hono";
import { basePathOf } from "../mount/basePath.js";
import { indexHtmlFor } from "./indexHtml.js";

/** True for paths the API owns; the SPA must never answer them, or API typos would come back as HTML. */
export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/** The SPA's page itself: always the fallback's copy, whose asset URLs are made absolute for its path. */
const isIndexPage = (path: string) => path === "/" || path === "/index.html";

/** Runs the static file handler for the built assets: never for the API, nor for the index page. */
export function staticFiles(handler: MiddlewareHandler): MiddlewareHandler {
  return (c, next) => (isApiPath(c.req.path) || isIndexPage(c.req.path) ? next() : handler(c, next));
}

/**
 * Answers the SPA's index.html to browser navigations (deep links, reloads) that no file matched; the SPA's
 * router then renders the page. Requests that do not accept HTML (scripts, fetches) fall through to the 404.
 */
export function spaFallback(indexHtml: string): MiddlewareHandler {
  // One page per base path the app is mounted under (usually one), built on first use.
  const pages = new Map<string, string>();
  return async (c, next) => {
    const accept = c.req.header("Accept") ?? "";
    if (isApiPath(c.req.path) || !accept.includes("text/html")) return next();
    // index.html names the hashed asset files of one build; a cached copy would point at deleted files.
    c.header("Cache-Control", "no-cache");
    const basePath = basePathOf(c);
    let page = pages.get(basePath);
    if (page === undefined) {
      page = indexHtmlFor(indexHtml, basePath);
      pages.set(basePath, page);
    }
    return c.html(page);
  };
}
