/**
 * @atrium/client: the headless half of the admin. A project's custom pages, slots and widgets import from
 * here (and building blocks from @atrium/ui); every hook shares the admin's TanStack Query cache, so a change
 * made on a custom page shows in the generated pages and the other way round. See docs/extending.md.
 */

// ---- Registering extensions -------------------------------------------------------------------------------

/** What pages, widgets and slots are declared with, and what their components receive. */
export type {
  CellWidgetProps,
  CustomPageDefinition,
  FieldWidgetProps,
  PageAccessRule,
  SlotDefinition,
  SlotName,
  SlotProps,
  WidgetDefinition,
  WidgetKey,
  WidgetTarget,
} from "./extensionTypes.js";
/** The slot names, for code that checks a name given at run time. */
export { slotNames } from "./extensionTypes.js";
/** `createRegistry()` and its `registerPage`, `registerWidget` and `registerSlot`. */
export { createRegistry, type Registry } from "./registry.js";

// ---- Session and permissions ------------------------------------------------------------------------------

/** Shapes of the session answer. */
export type { ModelPermissions, SessionInfo, SessionUser } from "./authTypes.js";
/** What the user may do with one model (view, add, change, delete) and the sentence explaining a refusal. */
export { permissionsOf, readOnlyMessage } from "./modelPermissions.js";
/** Whether the user may open a custom page, by its `permission`, `role` or `page:<key>:view`. */
export { canViewPage, usePageAccess } from "./pageAccess.js";
/** `useCan("model:order:change")`: whether the user is granted a permission; plain functions for tests. */
export { sessionCan, sessionHasRole, useCan } from "./sessionAccess.js";
/** The signed-in user, their roles and permissions (`GET /api/auth/me`). */
export { useSession } from "./useSession.js";

// ---- Where the admin is served ---------------------------------------------------------------------------

/** The path the server mounted the admin under, from index.html's `atrium-base-path`. */
export { basePathMetaName, readBasePath } from "./basePath.js";

// ---- Model metadata, records and their mutations -----------------------------------------------------------

/**
 * Reads (`useModels`, `useModel`, `useRecordList`, `useRecord`, `useLookup`, `useCounts`...) and writes
 * (`useCreateRecord`, `useUpdateRecord`, `useDeleteRecords`) over the admin's shared query cache.
 */
export {
  type DeleteTarget,
  useCounts,
  useCreateRecord,
  useDeletePreview,
  useDeleteRecords,
  useHistory,
  useHistoryEntry,
  useLookup,
  useMeta,
  useModel,
  useModels,
  useRecord,
  useRecordLabels,
  useRecordList,
  useRelatedModel,
  useRevertEntry,
  useRouteQuery,
  useUpdateRecord,
} from "./hooks.js";
/** What a list shows (page, sort, search, filters) and `emptyListState({ perPage: 10 })` to build one. */
export {
  defaultPerPage,
  emptyListState,
  type FilterEntry,
  filterValue,
  formatSort,
  type ListDefaults,
  type ListState,
  listDefaults,
  listStateFromSearchParams,
  parseSort,
  perPageChoices,
  type SortEntry,
  toApiParams,
  toggleSort,
  toSearchParams,
  withFilter,
  withoutFiltersOn,
} from "./listState.js";
/** Records, metadata and history as the API sends them. */
export type * from "./types.js";

// ---- The API and its errors -------------------------------------------------------------------------------

/** The provider the admin renders inside, and `useAdmin()` for its API client, registry and queries. */
export { type AdminContextValue, AdminProvider, type AdminProviderProps, useAdmin } from "./AdminProvider.js";
/** The API's one error shape, and a sentence for any error. */
export { ApiError, type ApiErrorCode, describeError, isApiError, parseApiError } from "./ApiError.js";
/** The typed HTTP client (every method throws `ApiError`). */
export { type AdminApi, type AdminApiOptions, createAdminApi } from "./createAdminApi.js";
/** Query keys and `queryOptions` of every read, to prefetch or invalidate by hand. */
export { type AdminQueries, adminKeys, createQueries } from "./queries.js";

// ---- Used by @atrium/ui's own views; stable, but rarely needed by a project ----------------------------

/** Why a model cannot be added here (a required field the user may not see). */
export { type AddBlocked, type AddBlocker, addBlocked, addBlockersOf } from "./addBlocked.js";
export {
  type ApiToken,
  type ApiTokensApi,
  apiTokenKeys,
  type CreatedApiToken,
  type NewApiToken,
} from "./apiTokensApi.js";
export type * from "./exchangeApi.js";
export type * from "./generateApi.js";
/** Shapes of the users and roles API (superusers only). */
export type * from "./usersAdminApi.js";
/** Query keys of the users and roles pages. */
export { adminUserKeys } from "./useSession.js";
