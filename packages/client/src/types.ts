import type { CountResult, DatabaseProvider, DeletePreview, EnumMeta, ModelMeta } from "@atrium/core";

/** A related record as the API addresses and labels it. */
export interface RecordRef {
  $id: string;
  $label: string;
}

/**
 * A record in wire encoding: `$id` (opaque, URL-encode it) and `$label`, scalars as JSON values (BigInt and
 * Decimal as strings), to-one relations as `RecordRef | null`, to-many relations as a count.
 */
export type Row = RecordRef & { [field: string]: unknown };

export interface AdminMeta {
  models: ModelMeta[];
  enums: EnumMeta[];
  provider?: DatabaseProvider;
}

export type Counts = Record<string, CountResult>;

export interface ListResponse {
  data: Row[];
  total: number | null;
  totalIsEstimate: boolean;
  page: number;
  perPage: number;
}

export type { DeletePreview };

/** What an audit entry records (see the API's "Audit history and revert"). */
export type HistoryAction =
  | "create"
  | "update"
  | "delete"
  | "bulk_delete"
  | "revert"
  | "login"
  | "login_failed"
  | "logout";

/** One audit entry; `changes` holds wire-encoded old and new values per field. */
export interface HistoryEntry {
  id: string;
  /** ISO instant. */
  at: string;
  actor: { id: string | null; email: string };
  action: HistoryAction;
  model: string | null;
  recordId: string | null;
  changes: Record<string, { old: unknown; new: unknown }>;
  revertOf: string | null;
}

/** A page of entries, newest first; `nextBefore` asks for the next (older) page. */
export interface HistoryPage {
  data: HistoryEntry[];
  nextBefore: string | null;
}

/** Filters of `GET /api/history`; `record` needs `model`. */
export interface HistoryFilter {
  model?: string;
  record?: string;
  actor?: string;
  action?: HistoryAction;
  /** @default 50 (server) */
  limit?: number;
}
