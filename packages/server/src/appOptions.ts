import {
  type FieldVisibilityConfig,
  isIdentityField,
  isSecretFieldName,
  isWriteOnlyField,
} from "@atrium/auth";
import type { AuditSink, DataSource, SchemaMeta, WriteContext } from "@atrium/core";
import type { Context, MiddlewareHandler } from "hono";
import type { ModelActionsMap } from "./actions/actionTypes.js";
import type { AuthOptions } from "./auth/authOptions.js";
import { accessOf } from "./auth/requestAccess.js";
import type { ComputedValuesMap } from "./computed/computedValues.js";
import type { RouteSet } from "./custom/defineRoutes.js";
import type { HistoryStore } from "./history/historyStore.js";
import { storeAuditSink } from "./history/storeAuditSink.js";

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
   * Most records one `POST /api/records/{key}/generate` may create (parents it generates first not counted).
   * @default 10000
   */
  maxGenerateCount?: number;
  /**
   * Largest file `POST /api/records/{key}/import` accepts, in bytes (imports are not held to `maxBodyBytes`);
   * bigger files get 413 payload_too_large.
   * @default 52428800 (50 MiB)
   */
  maxImportBytes?: number;
  /**
   * Most rows one import may hold; more get 413 payload_too_large before anything is written.
   * @default 100000
   */
  maxImportRows?: number;
  /**
   * Longest an import's commit may keep its one transaction open, in ms; past it, nothing is written.
   * @default 600000 (10 minutes)
   */
  importTimeoutMs?: number;
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
  /**
   * Where the audit history is kept and read (an AuthStore such as `createSystemStore(...)` fits). Enables
   * `/api/history`, `/api/records/{key}/{id}/history` and revert, and records every write through
   * `storeAuditSink(history)` unless `audit` says otherwise.
   * @default undefined (no history routes, writes are not recorded)
   */
  history?: HistoryStore;
  /**
   * Records every write in the write's own transaction.
   * @default storeAuditSink(history) when `history` is given (secret-named and write-only fields redacted),
   * else undefined
   */
  audit?: AuditSink;
  /**
   * Who makes a request, for the audit history. Sign-in provides it; null is recorded as "system".
   * @default () => null
   */
  actorOf?: (c: Context) => WriteContext["actor"];
  /**
   * Sign-in, per-model permissions, hidden fields and CSRF checks. Every composition root that serves people
   * passes it; without it every request may do everything (for embedding in tests only).
   * @default undefined (no sign-in)
   */
  auth?: AuthOptions;
  /**
   * API routes of the user's project (`defineRoutes(...)`), served under `/api/x/<name>/...` behind sign-in, the
   * CSRF check and the permission `route:<name>:<method>`.
   * @default []
   */
  routes?: readonly RouteSet[];
  /**
   * Actions on a list's selection and on one record, keyed by model URL key (config `models.<Model>.bulkActions`
   * and `recordActions`), run by `POST /api/records/{key}/actions/{name}`; `GET /api/meta` lists those a user may run.
   * @default no actions
   */
  actions?: ModelActionsMap;
  /**
   * The `value` functions of computed list columns (config `models.<Model>.list.computed`), keyed by model URL
   * key, then column name; run for each row of a list page.
   * @default none
   */
  computedValues?: ComputedValuesMap;
}

type OptionalOptions = "staticHandler" | "indexHtml" | "history" | "audit" | "auth";

export type ResolvedOptions = Required<Omit<AtriumAppOptions, OptionalOptions>> &
  Pick<AtriumAppOptions, OptionalOptions>;

export const defaultOptions = {
  maxBodyBytes: 1024 * 1024,
  maxPerPage: 200,
  lookupLimit: 20,
  maxBulkIds: 1000,
  maxGenerateCount: 10_000,
  maxImportBytes: 50 * 1024 * 1024,
  maxImportRows: 100_000,
  importTimeoutMs: 600_000,
} as const;

/** What a write route passes to the data source: who writes, what they see and may delete, and the audit. */
export function writeContext(options: ResolvedOptions, c: Context): WriteContext {
  const access = accessOf(c, options.schema);
  return {
    actor: options.actorOf(c) ?? null,
    viewSchema: access.view.schema,
    ...(access.principal || someDeleteTurnedOff(options.schema)
      ? { mayDelete: (modelKey: string) => access.mayCascadeInto(modelKey) }
      : {}),
    ...(options.audit ? { audit: options.audit } : {}),
  };
}

// Without sign-in nothing is checked, except what the config turns off for everyone.
const deleteTurnedOff = new WeakMap<SchemaMeta, boolean>();
function someDeleteTurnedOff(schema: SchemaMeta): boolean {
  let found = deleteTurnedOff.get(schema);
  if (found === undefined) {
    found = schema.models.some((model) => model.admin?.actions?.delete === false);
    deleteTurnedOff.set(schema, found);
  }
  return found;
}

const defaultLogger: ErrorLogger = (message, error) => console.error(message, error);

/** Fills in defaults and refuses to build an app from limits that would reject every request. */
export function resolveOptions(options: AtriumAppOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    ...options,
    maxBodyBytes: options.maxBodyBytes ?? defaultOptions.maxBodyBytes,
    maxPerPage: options.maxPerPage ?? defaultOptions.maxPerPage,
    lookupLimit: options.lookupLimit ?? defaultOptions.lookupLimit,
    maxBulkIds: options.maxBulkIds ?? defaultOptions.maxBulkIds,
    maxGenerateCount: options.maxGenerateCount ?? defaultOptions.maxGenerateCount,
    maxImportBytes: options.maxImportBytes ?? defaultOptions.maxImportBytes,
    maxImportRows: options.maxImportRows ?? defaultOptions.maxImportRows,
    importTimeoutMs: options.importTimeoutMs ?? defaultOptions.importTimeoutMs,
    routes: options.routes ?? [],
    actions: options.actions ?? new Map(),
    computedValues: options.computedValues ?? new Map(),
    logger: options.logger ?? defaultLogger,
    audit:
      options.audit ??
      (options.history ? storeAuditSink(options.history, { redact: auditRedaction(options) }) : undefined),
    actorOf: options.actorOf ?? ((c) => signedInActor(options.schema, c)),
  };
  for (const name of [
    "maxBodyBytes",
    "maxPerPage",
    "lookupLimit",
    "maxBulkIds",
    "maxGenerateCount",
    "maxImportBytes",
    "maxImportRows",
    "importTimeoutMs",
  ] as const) {
    const value = resolved[name];
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new TypeError(
        `createAtriumApp: option '${name}' must be a positive integer, got ${String(value)}`,
      );
    }
  }
  return resolved;
}

/**
 * Fields whose values the audit log never keeps: secret-named ones (storeAuditSink's default) and the ones
 * configured `"writeOnly"`, whatever their names, since nobody may read them back. Never an identity field: its
 * values are the entry's record id anyway, and a delete could not be reverted without them.
 */
function auditRedaction(options: AtriumAppOptions): (model: string, field: string) => boolean {
  return auditRedactionFor(options.schema, options.auth?.fields ?? {});
}

/** auditRedaction for a schema and field rules, for writers outside the app (`atrium import`). */
export function auditRedactionFor(
  schema: SchemaMeta,
  fields: FieldVisibilityConfig,
): (model: string, field: string) => boolean {
  const identity = new Map(schema.models.map((model) => [model.key, model]));
  return (modelKey, field) => {
    const model = identity.get(modelKey);
    if (model && isIdentityField(model, field)) return false;
    return isSecretFieldName(field) || isWriteOnlyField(fields, modelKey, field);
  };
}

/** The signed-in user as the audit history records them; null without sign-in. */
function signedInActor(schema: AtriumAppOptions["schema"], c: Context): WriteContext["actor"] {
  const principal = accessOf(c, schema).principal;
  return principal ? { id: principal.userId, email: principal.email } : null;
}
