import type { DataSource, SchemaMeta } from "@atrium/core";
import type { MiddlewareHandler } from "hono";

/** Receives every error the API could not attribute to the request (answered as a generic 500). */
export type ErrorLogger = (message: string, error: unknown) => void;

export interface AtriumAppOptions {
  /** Model metadata served by `GET /api/meta`; every route resolves its model key against it. */
  schema: SchemaMeta;
  /** Where records are read and written. */
  dataSource: DataSource;
  /**
   * Largest accepted request body, in bytes; bigger bodies get 413 payload_too_large.
   * @default 1048576 (1 MiB)
   */
  maxBodyBytes?: number;
  /**
   * Largest `perPage` a list request may ask for.
   * @default 200
   */
  maxPerPage?: number;
  /**
   * Most records one relation look-up returns; a bigger `limit` is capped to it.
   * @default 20
   */
  lookupLimit?: number;
  /**
   * Most ids one `delete-many` request may name.
   * @default 1000
   */
  maxBulkIds?: number;
  /**
   * Called for unexpected errors before the client gets a generic 500.
   * @default console.error
   */
  logger?: ErrorLogger;
  /**
   * Serves the files of the built SPA and calls `next()` when no file matches (e.g. `serveStatic` of
   * `@hono/node-server`, passed by the composition root so that this package stays runtime-neutral).
   * @default undefined (no SPA is served)
   */
  staticHandler?: MiddlewareHandler;
  /**
   * The SPA's `index.html`, answered to any other non-API GET that accepts HTML so deep links and reloads work.
   * @default undefined (no fallback; such requests get the JSON 404)
   */
  indexHtml?: string;
}

export type ResolvedOptions = Required<Omit<AtriumAppOptions, "staticHandler" | "indexHtml">> &
  Pick<AtriumAppOptions, "staticHandler" | "indexHtml">;

export const defaultOptions = {
  maxBodyBytes: 1024 * 1024,
  maxPerPage: 200,
  lookupLimit: 20,
  maxBulkIds: 1000,
} as const;

const defaultLogger: ErrorLogger = (message, error) => console.error(message, error);

/** Fills in defaults and refuses to build an app from limits that would reject every request. */
export function resolveOptions(options: AtriumAppOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    ...options,
    maxBodyBytes: options.maxBodyBytes ?? defaultOptions.maxBodyBytes,
    maxPerPage: options.maxPerPage ?? defaultOptions.maxPerPage,
    lookupLimit: options.lookupLimit ?? defaultOptions.lookupLimit,
    maxBulkIds: options.maxBulkIds ?? defaultOptions.maxBulkIds,
    logger: options.logger ?? defaultLogger,
  };
  for (const name of ["maxBodyBytes", "maxPerPage", "lookupLimit", "maxBulkIds"] as const) {
    const value = resolved[name];
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new TypeError(
        `createAtriumApp: option '${name}' must be a positive integer, got ${String(value)}`,
      );
    }
  }
  return resolved;
}
