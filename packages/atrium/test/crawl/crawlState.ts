/** What the crawler knows while it walks one schema: each model as the API describes it, and its records. */
import type { DataSource, ModelMeta, SchemaMeta } from "@atrium/core";
import type { TestApi } from "../openTestApi.js";
import type { CrawlLog } from "./crawlLog.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
export type Row = any;

/** A model as `GET /api/meta` describes it to one principal. */
export type ViewedModel = ModelMeta & {
  permissions?: { view: boolean; add: boolean; change: boolean; delete: boolean };
};

export interface CrawledModel {
  /** The model as `GET /api/meta` describes it to the superuser (hidden fields left out). */
  meta: ViewedModel;
  /** The model as the schema declares it, every field included. */
  full: ModelMeta;
  /** Its records as the API last answered them. */
  rows: Row[];
  /** Bodies the API accepted on create, by `$id`: what every read must give back. */
  sent: Map<string, Record<string, unknown>>;
  /** Why the crawler created no record through the API, when it could not. */
  notCreated?: string;
  /**
   * Whether every channel is crawled; otherwise (a sample of a schema of hundreds of models of one shape) only
   * one record is created, listed, counted and read back.
   */
  everyChannel: boolean;
}

export interface CrawlState {
  api: TestApi;
  log: CrawlLog;
  /** The superuser's view of the schema (from `GET /api/meta`). */
  view: SchemaMeta;
  /** Parents before the models that require them. */
  order: CrawledModel[];
  byName: Map<string, CrawledModel>;
  /** Arranges records the API cannot create (fields hidden by default), so their reads are crawled too. */
  dataSource: DataSource;
}

export function modelPath(model: CrawledModel, suffix = ""): string {
  return `/api/records/${model.meta.key}${suffix}`;
}

export function recordPath(model: CrawledModel, row: Row, suffix = ""): string {
  return `/api/records/${model.meta.key}/${encodeURIComponent(row.$id)}${suffix}`;
}
