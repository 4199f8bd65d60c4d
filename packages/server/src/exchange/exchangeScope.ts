import type { DataSource, SchemaMeta, WriteContext } from "@atrium/core";
import type { RequestAccess } from "../auth/requestAccess.js";

/**
 * What an export or an import runs with: the route builds it from the request (its principal's access and write
 * context), `atrium export` and `atrium import` from the config, as the system.
 */
export interface ExchangeScope {
  schema: SchemaMeta;
  dataSource: DataSource;
  /** Who exports or imports: what they may see, filter, write (the same rule as the list and the forms). */
  access: RequestAccess;
  /** The actor and audit sink an import's writes are recorded with. */
  context: WriteContext;
  limits: ExchangeLimits;
}

export interface ExchangeLimits {
  /** Most `ids` an export of a selection may name. */
  maxIds: number;
  /** Most rows one import may hold; more is refused (413) before anything is written. */
  maxRows: number;
  /** Longest an import's commit may keep its transaction open, in ms. */
  commitTimeoutMs: number;
}
