import type { FieldAccess } from "@atrium/auth";
import type { SearchMode } from "@atrium/core";
import type { RouteSet } from "@atrium/server";
import type { ModelsConfig } from "./modelOptions.js";
import type { FieldKey, ModelFieldRef, ModelName } from "./registeredSchema.js";
import type { SeedConfig } from "./seedPlan.js";

/** A page of the project's own, rendered inside the admin shell at `/pages/<key>` and listed in the sidebar. */
export interface PageConfig {
  /** URL segment: lowercase letters, digits and dashes. */
  key: string;
  title: string;
  description?: string;
  /** Module that default-exports the page's React component, relative to the config file. */
  component: string;
  /** Name of a lucide-react icon for the sidebar, e.g. `"TrendingUp"`. @default a generic page icon */
  icon?: string;
  /**
   * Who may open it besides roles granted `page:<key>:view`: holders of this permission, e.g.
   * `"model:order:view"` or `"route:sales:get"`. Superusers always may.
   */
  permission?: string;
  /** ...and members of this role. */
  role?: string;
}

/**
 * A React component that replaces the default form input or list cell, for one field of one model or for
 * every field of a type (`"String"`, `"Boolean"`, `"DateTime"`, `"enum"`, `"relation"`...). A field's own
 * widget wins over its type's.
 */
export type WidgetConfig = { kind: "input" | "cell"; component: string } & (
  | ({ type?: never } & Required<Pick<ModelFieldRef, "model">> & ModelFieldRef)
  | { type: string; model?: never; field?: never }
);

/** Where a slot's component is rendered on the generated pages. */
export type SlotName = "list.toolbar" | "record.panel" | "record.actions";

/** A component added to the generated list or record pages, of one model or of every model. */
export interface SlotConfig {
  slot: SlotName;
  /** Module that default-exports the slot's React component, relative to the config file. */
  component: string;
  /** @default every model */
  model?: ModelName;
  /** Heading of a `record.panel`. */
  title?: string;
}

/** How searches match the models' search fields (docs/api.md, "How q matches, per database"). */
export interface SearchConfig {
  /**
   * `contains`: the text anywhere in a search field (no B-tree index can serve it). `prefix`: a field starts
   * with the text, which an index on it can serve (on PostgreSQL one with `text_pattern_ops`). `auto`: `prefix`
   * on tables with more rows than `unindexedSortLimit` whose search fields all have such an index, else
   * `contains`. Case is ignored in every mode, on every database.
   * @default "auto"
   */
  mode?: SearchMode;
}

/** What a project writes in `atrium.config.ts` (or `.json`) to run Atrium on its schema. */
export interface AtriumConfig {
  /** Path of the Prisma schema file, relative to the config file. */
  schema: string;
  /**
   * Database URL: `file:./dev.db` (SQLite), `postgresql://...` or `mysql://...`. Relative SQLite paths are
   * resolved from the config file's folder. The project's `.env` is read first.
   * @default process.env.DATABASE_URL
   */
  databaseUrl?: string;
  /**
   * Port to listen on.
   * @default process.env.PORT, else 4000
   */
  port?: number;
  /**
   * Interface to listen on.
   * @default "127.0.0.1"
   */
  host?: string;
  /**
   * Longest one database statement may run, in milliseconds, on PostgreSQL and MariaDB; past it the request
   * answers 503 ("took longer than the time allowed") and frees its connection. 0: no limit. SQLite cannot
   * stop a running statement, so the limit does not apply to it (docs/scaling.md).
   * @default 5000
   */
  statementTimeoutMs?: number;
  /**
   * Lists with more rows than this (filters included) accept only sorts an index serves: the first sort
   * field leads the primary key, a @unique/@@unique or an @@index (on MySQL/MariaDB also a foreign key).
   * Another sort would read and sort every matching row for each page; it answers 400 `sort_needs_index`
   * with the index to add, and the list offers only the sortable columns. 0: no limit.
   * @default 100000
   */
  unindexedSortLimit?: number;
  /**
   * A list's total is counted exactly up to this many matching rows; past it the list says "more than N" and
   * counting stops, so a page costs the same on a table of a million rows as on one of ten million.
   * @default 100000
   */
  maxExactCount?: number;
  /**
   * Milliseconds a list's filtered count may run on PostgreSQL and MariaDB before the list shows "many" instead
   * of waiting for it; 0: no limit. SQLite cannot stop a count, so its counts are bounded by `maxExactCount` only.
   * @default 1000
   */
  countBudgetMs?: number;
  /** How a list's search box (`q`) and relation pickers match text. @default { mode: "auto" } */
  search?: SearchConfig;
  /**
   * Fields hidden for everyone or per role, keyed `"Model.field"`: `"hidden"`, `"visible"` (shows a
   * secret-named field), `"writeOnly"` (set in forms, never shown), `{ visibleTo: ["role"] }` or
   * `{ hiddenFrom: ["role"] }`. Checked against the schema at start-up (docs/checks.md).
   * @default {} (only secret-named fields are hidden)
   */
  fields?: Partial<Record<FieldKey, FieldAccess>>;
  /**
   * Per-model admin options keyed by model name: labels, title field, list columns, search, filters,
   * ordering, page sizes, read-only fields, fieldsets, help, placeholders, hidden models and which of add,
   * change and delete are offered. Checked against the schema at start-up (docs/checks.md).
   * @default {} (every model with the defaults)
   */
  models?: ModelsConfig;
  /**
   * The seed plan `atrium seed` writes: per model, how many rows and how chosen fields are made (a list to
   * pick from, or a function of the seeded faker and the row). Checked against the schema at start-up.
   * @default none (`atrium seed` says there is nothing to do)
   */
  seed?: SeedConfig;
  /** The project's own pages. @default [] */
  pages?: PageConfig[];
  /** The project's own inputs and cells. @default [] */
  widgets?: WidgetConfig[];
  /** The project's own panels and buttons on generated pages. @default [] */
  slots?: SlotConfig[];
  /**
   * The project's API routes (`defineRoutes` from "atrium/server"), served under `/api/x/<name>/` behind the
   * admin's sign-in, CSRF and `route:<name>:<method>` permission checks.
   * @default []
   */
  routes?: RouteSet[];
  /**
   * Folder `atrium build` writes the admin into and `atrium serve` serves, relative to the config file.
   * @default ".atrium/build"
   */
  outDir?: string;
}

/** Gives a config file type checking and editor completion; returns the config as it is. */
export function defineConfig(config: AtriumConfig): AtriumConfig {
  return config;
}
