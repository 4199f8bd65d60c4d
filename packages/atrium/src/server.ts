/**
 * `atrium/server`: server code of a project's own. Routes for `atrium.config.ts` (`defineRoutes`), and Atrium
 * as a fetch handler to serve it from an existing server under a path (`createAtrium` + `mountAtrium`,
 * `toFetchHandler` or `toNodeListener`).
 */
export { AtriumError } from "@atrium/core";
export {
  type ActionContext,
  type ActionHandler,
  type ActionResult,
  type AtriumContext,
  type AtriumEnv,
  type AtriumRouteContext,
  defineRoutes,
  type FetchHandler,
  type MountOptions,
  mountAtrium,
  type RecordActions,
  type RouteHandler,
  type RouteSet,
  toFetchHandler,
  toNodeListener,
} from "@atrium/server";
export { loadConfig } from "./config/loadConfig.js";
export {
  type Atrium,
  createAtrium,
  type RunningServer,
  type StartOptions,
  startServer,
} from "./startServer.js";
