/**
 * The project's own routes (`defineRoutes`, served under `/api/x/<name>`) that the caller holds the permission
 * for. Atrium knows their methods and paths but not what their handlers read or answer, so bodies and answers
 * are any JSON. A path Hono matches by wildcard (`*`) or with an optional parameter (`:id?`) has no OpenAPI
 * form and is left out.
 */
import type { ParameterObject, PathItemObject, PathsObject } from "openapi3-ts/oas31";
import type { RouteMethod } from "../custom/defineRoutes.js";
import { json, operation } from "./operation.js";

/** One route the caller may call: its set's name, method and Hono path below `/api/x/<name>`. */
export interface ProjectRoute {
  set: string;
  method: RouteMethod;
  path: string;
}

/** `:id` or `:id{[0-9]+}`: a Hono path parameter, with its optional pattern. */
const parameterPattern = /:([A-Za-z0-9_]+)(?:\{([^}]*)\})?/g;

export function projectRouteTag(set: string): string {
  return `Project routes: ${set}`;
}

export function projectRoutePaths(routes: readonly ProjectRoute[]): PathsObject {
  const paths: Record<string, PathItemObject> = {};
  for (const route of routes) {
    if (route.path.includes("*") || /:[A-Za-z0-9_]+(\{[^}]*\})?\?/.test(route.path)) continue;
    const parameters: ParameterObject[] = [];
    const path = route.path.replace(parameterPattern, (_match, name: string, pattern?: string) => {
      parameters.push({
        name,
        in: "path",
        required: true,
        schema: { type: "string", ...(pattern ? { pattern: `^(?:${pattern})$` } : {}) },
      });
      return `{${name}}`;
    });
    const key = `/api/x/${encodeURIComponent(route.set)}${path === "/" ? "" : path}`;
    const writes = route.method !== "get";
    const item = paths[key] ?? {};
    if (parameters.length > 0) item.parameters = parameters;
    item[route.method] = operation({
      operationId: `${route.set}_${route.method}${path.replace(/[^A-Za-z0-9]+/g, "_")}`,
      summary: `${route.method.toUpperCase()} ${path} of the project's '${route.set}' routes`,
      description: `Needs the permission \`route:${route.set}:${route.method}\`. What it reads and answers is the project's own.`,
      tag: projectRouteTag(route.set),
      kind: writes ? "write" : "read",
      responses: { "200": { description: "The route's answer", content: json({}) } },
    });
    if (writes) {
      item[route.method] = {
        ...item[route.method],
        requestBody: { required: false, content: json({}) },
      };
    }
    paths[key] = item;
  }
  return paths;
}
