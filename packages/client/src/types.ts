import type {
  CountResult,
  DatabaseProvider,
  DeletePreview,
  EnumMeta,
  ModelMeta,
  SearchMatch,
} from "@atrium/core";

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
  /** `"prisma"` when Prisma, not the database, keeps the relations (no foreign keys, so none indexed). */
  relationMode?: "prisma";
}

export type Counts = Record<string, CountResult>;

export interface ListResponse {
  data: Row[];
  total: number | null;
  totalIsEstimate: boolean;
  /** Null for a page read by cursor. */
  page: number | null;
  perPage: number;
  /** The `cursor` of the next page; null on the last page; absent when sorted by a computed count (page by number). */
  nextCursor?: string | null;
  /** The `cursor` of the previous page; null on the first page; absent when sorted by a computed count. */
  prevCursor?: string | null;
  /** The list is too big to sort without an index: only sorts an index serves are accepted (indexedSort.ts). */
  sortNeedsIndex?: boolean;
  /** How `q` matches on this list: anywhere in a search field, or at its start (the search box says which). */
  searchMatch?: SearchMatch;
}

export type { DeletePreview };

/** One inline of a record as `GET /api/records/{key}/{id}/inlines` answers it. */
export interface InlineRows {
  rows: Row[];
  total: number | null;
  /** What the user may do to the rows. */
  permissions: { add: boolean; change: boolean; delete: boolean };
}

/** What an audit entry records (see the API's "Audit history and revert"). */
export type HistoryAction =
  | "create"
  | "update"
  | "delete"
  | "bulk_delete"
  | "revert"
  | "login"
  | "login_failed"
  | "logout"
  | "action";

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
  /** The entry this one followed from (a delete that took this record with it, a revert it is part of). */
  causeId: string | null;
  /** How many entries (of models the user may view) followed from this one. */
  caused: number;
}

/** What `POST /api/history/{id}/revert` answers. */
export interface RevertResult {
  /** The record as the revert left it; null when the revert deleted it. */
  record: Row | null;
  /** The revert's own entry. */
  entry: HistoryEntry | null;
  /** Labels of re-created fields whose values the history never kept (secrets): they come back empty. */
  unrecorded: string[];
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
  /** Only the entries that followed from this entry. */
  cause?: string;
  /** Only what users did themselves, not what followed from it. */
  top?: boolean;
  /** @default 50 (server) */
  limit?: number;
}
