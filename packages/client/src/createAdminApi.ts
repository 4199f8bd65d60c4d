import { ApiError, parseApiError } from "./ApiError.js";
import { type ApiTokensApi, apiTokensApi } from "./apiTokensApi.js";
import type { SessionInfo } from "./authTypes.js";
import { type ExchangeApi, exchangeApi } from "./exchangeApi.js";
import { type GenerateApi, generateApi } from "./generateApi.js";
import { ndjsonType, type RawPost, readProgress } from "./progressLines.js";
import type {
  AdminMeta,
  Counts,
  DeletePreview,
  HistoryEntry,
  HistoryFilter,
  HistoryPage,
  InlineRows,
  ListResponse,
  RecordRef,
  RevertResult,
  Row,
} from "./types.js";
import { type UsersAdminApi, usersAdminApi } from "./usersAdminApi.js";

export interface AdminApiOptions {
  /** Prefix of every request, e.g. `https://admin.example.com`. @default "" (same origin) */
  baseUrl?: string;
  /** The fetch to use (tests pass a double). @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Called when a request other than sign-in answers 401 (no session, or it expired), e.g. to go to the login
   * page. The call still throws its ApiError.
   * @default nothing
   */
  onUnauthorized?: () => void;
}

/** Typed wrapper over Atrium's HTTP API; every method throws ApiError on failure. */
export interface AdminApi {
  /**
   * Calls one of the project's own routes (`defineRoutes(name, ...)`, served under `/api/x/<name>`) with the
   * admin's session, base path and error handling: `route("sales", "GET", "/pending")`.
   */
  route<T = unknown>(
    name: string,
    method: string,
    path: string,
    init?: { body?: unknown; signal?: AbortSignal },
  ): Promise<T>;
  meta(signal?: AbortSignal): Promise<AdminMeta>;
  counts(signal?: AbortSignal): Promise<Counts>;
  /** `params` are list parameters as built by `toApiParams`. */
  list(modelKey: string, params: URLSearchParams, signal?: AbortSignal): Promise<ListResponse>;
  get(modelKey: string, id: string, signal?: AbortSignal): Promise<Row>;
  create(modelKey: string, body: Record<string, unknown>): Promise<Row>;
  update(modelKey: string, id: string, body: Record<string, unknown>): Promise<Row>;
  /** `version`: the `$version` the user saw; a stale one answers 409 conflict and deletes nothing. */
  remove(modelKey: string, id: string, version?: string): Promise<void>;
  /** `versions`: `$id` -> `$version` of the rows as listed; any stale one answers 409 and deletes nothing. */
  removeMany(modelKey: string, ids: string[], versions?: Record<string, string>): Promise<number>;
  /**
   * Saves several records at once, all or nothing (a list's editable cells): each row's `values` as an update's
   * body, `$version` included. A refusal names its row: field errors keyed `rows.<index>.<field>`.
   */
  updateMany(modelKey: string, rows: { $id: string; values: Record<string, unknown> }[]): Promise<Row[]>;
  deletePreview(modelKey: string, id: string, signal?: AbortSignal): Promise<DeletePreview>;
  /** The rows of a record's inlines (config `inlines`), by relation, for its edit form. */
  inlines(modelKey: string, id: string, signal?: AbortSignal): Promise<Record<string, InlineRows>>;
  lookup(modelKey: string, search: string, signal?: AbortSignal): Promise<RecordRef[]>;
  /** Audit entries, newest first; `before` is the `nextBefore` of the previous page. */
  history(filter: HistoryFilter, before?: string, signal?: AbortSignal): Promise<HistoryPage>;
  /** One audit entry (404 when it does not exist or is of a model the user may not view). */
  historyEntry(entryId: string, signal?: AbortSignal): Promise<HistoryEntry>;
  /**
   * Undoes one entry (and what it caused); a record changed since answers 409 conflict with a message naming the
   * fields. `entry` is the revert's own entry; `unrecorded` the labels of re-created fields whose values the
   * history never kept (secrets), which come back empty.
   */
  revert(entryId: string): Promise<RevertResult>;
  /**
   * Runs a configured action (`bulkActions`/`recordActions` of the model's metadata) on `ids`; with `onProgress`
   * the server streams how far it is. A refusal is an ApiError (422 with `fields["params.<name>"]`, 403...).
   */
  runAction(
    modelKey: string,
    name: string,
    body: { ids: string[]; params?: Record<string, unknown> },
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ message: string; count: number }>;
  /** Signs in; 401 for wrong credentials (one message for every cause), 429 while throttled. */
  login(email: string, password: string): Promise<SessionInfo>;
  logout(): Promise<void>;
  /** The signed-in user, or ApiError 401. */
  me(signal?: AbortSignal): Promise<SessionInfo>;
  /** Users and roles (superusers only). */
  admin: UsersAdminApi;
  /** API tokens: the signed-in user's own, or anyone's for superusers. */
  tokens: ApiTokensApi;
  /** Realistic records for a model: a preview, and a run with progress that can be cancelled. */
  generate: GenerateApi;
  /** Export downloads and imports with their dry run. */
  exchange: ExchangeApi;
}

export function createAdminApi(options: AdminApiOptions = {}): AdminApi {
  const baseUrl = (options.baseUrl ?? "").replace(/\/+$/, "");
  // Resolved per call (not bound once) so a fetch installed after start-up is still used.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const seg = encodeURIComponent;

  async function request<T>(
    method: string,
    path: string,
    init: { body?: unknown; signal?: AbortSignal } = {},
  ): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers:
          init.body === undefined
            ? { accept: "application/json" }
            : { accept: "application/json", "content-type": "application/json" },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
        credentials: "same-origin",
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
      throw new ApiError(0, "network_error", "Could not reach the server; check your connection and retry.");
    }
    const text = await response.text();
    if (response.status === 401 && !path.startsWith("/api/auth/")) options.onUnauthorized?.();
    if (!response.ok) throw parseApiError(response.status, text);
    if (response.status === 204 || text === "") return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(
        response.status,
        "bad_response",
        `The server sent a response that is not JSON (${path}).`,
      );
    }
  }

  /** A POST whose answer the caller reads (progress streams, uploads); network failures as ApiError. */
  const rawPost: RawPost = async (path, init) => {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { accept: init.accept, "content-type": init.contentType },
        body: init.body,
        signal: init.signal,
        credentials: "same-origin",
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
      throw new ApiError(0, "network_error", "Could not reach the server; check your connection and retry.");
    }
    if (response.status === 401) options.onUnauthorized?.();
    return response;
  };

  return {
    route(name, method, path, init = {}) {
      const below = path.startsWith("/") ? path : `/${path}`;
      return request(method.toUpperCase(), `/api/x/${seg(name)}${below}`, init);
    },
    async meta(signal) {
      const body = await request<AdminMeta | { data: AdminMeta }>("GET", "/api/meta", { signal });
      // Tolerate a `{ data }` envelope: every other endpoint has one.
      return "models" in body ? body : body.data;
    },
    async counts(signal) {
      return (await request<{ data: Counts }>("GET", "/api/counts", { signal })).data;
    },
    list(modelKey, params, signal) {
      const query = params.toString();
      return request<ListResponse>("GET", `/api/records/${seg(modelKey)}${query ? `?${query}` : ""}`, {
        signal,
      });
    },
    async get(modelKey, id, signal) {
      return (await request<{ data: Row }>("GET", `/api/records/${seg(modelKey)}/${seg(id)}`, { signal }))
        .data;
    },
    async create(modelKey, body) {
      return (await request<{ data: Row }>("POST", `/api/records/${seg(modelKey)}`, { body })).data;
    },
    async update(modelKey, id, body) {
      return (await request<{ data: Row }>("PATCH", `/api/records/${seg(modelKey)}/${seg(id)}`, { body }))
        .data;
    },
    async remove(modelKey, id, version) {
      const query = version ? `?version=${encodeURIComponent(version)}` : "";
      await request<void>("DELETE", `/api/records/${seg(modelKey)}/${seg(id)}${query}`);
    },
    async removeMany(modelKey, ids, versions) {
      const body = await request<{ deleted: number }>("POST", `/api/records/${seg(modelKey)}/delete-many`, {
        body: versions && Object.keys(versions).length > 0 ? { ids, versions } : { ids },
      });
      return body.deleted;
    },
    async updateMany(modelKey, rows) {
      const path = `/api/records/${seg(modelKey)}/update-many`;
      return (await request<{ data: Row[] }>("POST", path, { body: { rows } })).data;
    },
    async inlines(modelKey, id, signal) {
      const path = `/api/records/${seg(modelKey)}/${seg(id)}/inlines`;
      return (await request<{ data: Record<string, InlineRows> }>("GET", path, { signal })).data;
    },
    async deletePreview(modelKey, id, signal) {
      const path = `/api/records/${seg(modelKey)}/${seg(id)}/delete-preview`;
      return (await request<{ data: DeletePreview }>("GET", path, { signal })).data;
    },
    async lookup(modelKey, search, signal) {
      const query = search ? `?q=${encodeURIComponent(search)}` : "";
      return (await request<{ data: RecordRef[] }>("GET", `/api/lookup/${seg(modelKey)}${query}`, { signal }))
        .data;
    },
    history(filter, before, signal) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(filter)) {
        if (value !== undefined && value !== "") params.set(name, String(value));
      }
      if (before) params.set("before", before);
      const query = params.toString();
      return request<HistoryPage>("GET", `/api/history${query ? `?${query}` : ""}`, { signal });
    },
    async historyEntry(entryId, signal) {
      return (await request<{ data: HistoryEntry }>("GET", `/api/history/${seg(entryId)}`, { signal })).data;
    },
    async runAction(modelKey, name, body, onProgress) {
      const path = `/api/records/${seg(modelKey)}/actions/${seg(name)}`;
      if (!onProgress)
        return (await request<{ data: { message: string; count: number } }>("POST", path, { body })).data;
      const response = await rawPost(path, {
        body: JSON.stringify(body),
        contentType: "application/json",
        accept: ndjsonType,
      });
      return readProgress<{ done: number; total: number }, { message: string; count: number }>(
        response,
        (line) => onProgress(line.done, line.total),
        "The action's answer ended early; reload to see what it did.",
      );
    },
    async revert(entryId) {
      const path = `/api/history/${seg(entryId)}/revert`;
      return (await request<{ data: RevertResult }>("POST", path, { body: {} })).data;
    },
    login(email, password) {
      return request<SessionInfo>("POST", "/api/auth/login", { body: { email, password } });
    },
    async logout() {
      await request<void>("POST", "/api/auth/logout", { body: {} });
    },
    me(signal) {
      return request<SessionInfo>("GET", "/api/auth/me", { signal });
    },
    admin: usersAdminApi(request),
    tokens: apiTokensApi(request),
    exchange: exchangeApi(baseUrl, rawPost),
    generate: generateApi(rawPost),
  };
}
