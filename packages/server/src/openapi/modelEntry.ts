import type { ActionMeta, ModelMeta, SchemaMeta } from "@atrium/core";
import type { ProjectRoute } from "./projectRoutePaths.js";

/** One model as the caller may use it: what they read, what they may write, which operations they may call. */
export interface ModelEntry {
  /** Their view of the model: hidden fields removed. */
  viewModel: ModelMeta;
  /** What their writes are decoded against: the view plus their write-only fields. */
  writeModel: ModelMeta;
  /** `add` is false also when a required field is hidden from them (the create would fail), as in `GET /api/meta`. */
  can: { add: boolean; change: boolean; delete: boolean };
  /** The configured actions they may run. */
  actions: ActionMeta[];
}

/** Everything the document is built from; nothing of it needs a request. */
export interface DocumentInput {
  /** The caller's view of the schema. */
  schema: SchemaMeta;
  /** Only the models the caller may view, in schema order. */
  models: ModelEntry[];
  /** Whether the caller is a superuser: only they manage users and roles (`/api/admin`). */
  superuser: boolean;
  /** The project's own routes (`/api/x/...`) the caller holds the permission for. */
  projectRoutes: ProjectRoute[];
  /** Whether the audit history routes exist (a history store is configured). */
  history: boolean;
  /** The session cookie requests carry, when the app has sign-in; null without it. */
  sessionCookie: string | null;
  /** Where the API is served: `/`, or the base path the admin is mounted under (`/admin`). */
  serverUrl: string;
  limits: { maxPerPage: number; maxBulkIds: number; lookupLimit: number; maxGenerateCount: number };
  /** The API's title and version, shown by viewers. */
  info: { title: string; version: string };
}
