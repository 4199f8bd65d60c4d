export { type AdminContextValue, AdminProvider, type AdminProviderProps, useAdmin } from "./AdminProvider.js";
export { ApiError, type ApiErrorCode, describeError, isApiError, parseApiError } from "./ApiError.js";
export type { ModelPermissions, SessionInfo, SessionUser } from "./authTypes.js";
export { type AdminApi, type AdminApiOptions, createAdminApi } from "./createAdminApi.js";
export * from "./hooks.js";
export * from "./listState.js";
export { type AdminQueries, adminKeys, createQueries } from "./queries.js";
export * from "./registry.js";
export type * from "./types.js";
