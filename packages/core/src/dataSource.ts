/**
 * The one interface between the HTTP server and a database. `@atrium/prisma` implements it over a Prisma
 * Client; the server never imports Prisma. Every implementation runs the same contract test suite.
 *
 * Values crossing this interface are JavaScript values, not wire strings: Date, bigint, Decimal (as a
 * string of digits), Uint8Array, parsed JSON. `@atrium/core`'s wire codec converts at the HTTP edge.
 */
import type { IdValues, ListCursor, ListQuery } from "./listQuery.js";
import type { DatabaseProvider, ModelMeta, SchemaMeta } from "./metadata.js";
import type { SearchMatch } from "./searchMatch.js";

/**
 * A record as a data source returns it:
 * - scalar and enum fields with their values,
 * - to-one relation fields as the related record's id and title fields (`RelatedRecord`) or null,
 * - to-many relation fields as the number of related records.
 */
export type StoredRow = Record<string, unknown>;

/** A related record reduced to what is needed to address and label it. */
export type RelatedRecord = Record<string, unknown>;

/** A decoded, validated write. */
export interface WriteData {
  /** Scalar and enum fields (foreign-key scalars included) with typed values; `null` clears. */
  scalars: Record<string, unknown>;
  /** To-one relation fields to connect (IdValues of the related record) or disconnect (null). */
  connect: Record<string, IdValues | null>;
  /** To-many relation fields (implicit many-to-many) whose related set is replaced. */
  setMany: Record<string, IdValues[]>;
}

export interface ListResult {
  rows: StoredRow[];
  total: number | null;
  totalIsEstimate: boolean;
  /** Where the page after this one starts (its last row's sort values); null on the last page. */
  next?: ListCursor | null;
  /** Where the page before this one ends (its first row's sort values); null on the first page. */
  prev?: ListCursor | null;
  /**
   * True when the list is bigger than the data source sorts without an index: only sorts an index serves
   * (indexedSort.ts) are accepted, others answer `sort_needs_index`.
   */
  sortNeedsIndex?: boolean;
  /** How `q` matches on this list: anywhere in a search field, or at its start (searchMatch.ts). */
  searchMatch?: SearchMatch;
}

export interface DeletePreviewGroup {
  /** URL key of the affected model. */
  model: string;
  /** Plural label, ready to show. */
  label: string;
  /** Relation field (on the affected model) through which the delete reaches it. */
  via: string;
  count: number;
  /** Labels of the first few affected records. */
  examples: string[];
}

export interface DeletePreview {
  /** Records deleted with it through `onDelete: Cascade` (followed transitively). */
  cascades: DeletePreviewGroup[];
  /** Records whose foreign key becomes null (`onDelete: SetNull`). */
  setNull: DeletePreviewGroup[];
  /** Records that prevent the delete (`Restrict`/`NoAction` with existing rows). */
  blockers: DeletePreviewGroup[];
  canDelete: boolean;
}

export interface CountResult {
  total: number | null;
  isEstimate: boolean;
}

/** What an audit entry records; the sink adds who and when. */
export interface AuditRecord {
  action: "create" | "update" | "delete" | "bulk_delete" | "revert" | "action";
  /** URL key of the model. */
  model: string;
  /** The record's `$id`; null for an `action` run on a selection of several records. */
  recordId: string | null;
  /**
   * Field name -> value before and after, wire-encoded (JSON-safe), see recordChanges. Creates and deletes hold
   * every scalar field (a full snapshot, so a deleted record can be re-created); updates only the fields that
   * changed. To-one relations appear as their foreign-key scalars; implicit many-to-many sets as sorted arrays of
   * the related `$id`s (when the write replaced them; always in a delete's snapshot); relation counts do not.
   */
  changes: Record<string, { old: unknown; new: unknown }>;
  /** For `revert`: the id of the entry being undone. */
  revertOf?: string;
  /**
   * The entry (its id, as `AuditSink.record` resolved it) of the user's action this change followed from: a
   * record deleted by `onDelete: Cascade`, or whose reference `SetNull` cleared, when the user deleted another;
   * the parts of a revert. Absent for the user's own action.
   */
  causeId?: string;
  /** WriteContext.actor, passed on so that one sink serves every request. */
  actor?: { id: string; email: string } | null;
}

/**
 * Where a data source records its writes. `record` is called INSIDE the write's transaction, with that
 * transaction's client (`tx`, e.g. Prisma's interactive-transaction client), after the change and before the
 * commit: if it throws, the change is rolled back with it. No change without its entry, no entry without its change.
 */
export interface AuditSink {
  /** Resolves the id of the entry, so that the entries a change caused can name it (`causeId`). */
  record(tx: unknown, entry: AuditRecord): Promise<string>;
  /**
   * Many entries at once, in the same transaction (bulk creates: generated records, imports): one statement per
   * few hundred entries instead of one each. Optional; without it each entry goes through `record`.
   */
  recordMany?(tx: unknown, entries: AuditRecord[]): Promise<void>;
}

/** Who writes, how to record it, and which state of the record the write was made from. */
export interface WriteContext {
  /** The signed-in user; null or absent for system writes (and until sign-in exists). */
  actor?: { id: string; email: string } | null;
  /** When given, every write is recorded through it in the write's own transaction. */
  audit?: AuditSink;
  /**
   * update/delete: the `$version` (recordVersion) the client loaded. Compared with the stored record inside the
   * write's transaction, with the record locked from the comparison to the commit (of concurrent writes from the
   * same version exactly one is accepted); a mismatch throws AtriumError("conflict") with `details.current` = the
   * current wire row. Absent: the write is accepted whatever the stored state (API clients that do not track
   * versions), never with a "conflict".
   */
  expectedVersion?: string;
  /**
   * deleteMany: `$id` -> expected `$version` for the records that carry one; if any is stale nothing is deleted
   * and AtriumError("conflict") lists the current rows of the stale ones in `details.current`.
   */
  expectedVersions?: Readonly<Record<string, string>>;
  /**
   * The schema as the writing user sees it (hidden fields removed). Versions are computed over its fields and a
   * conflict's `details.current` shows only them, so a `$version` reveals nothing about values hidden from the
   * user, and a change of such a value never conflicts with an edit that could not have touched it.
   * @default the data source's own schema
   */
  viewSchema?: SchemaMeta;
  /**
   * When given, a delete refuses (403 forbidden) to take with it (`onDelete: Cascade`) records of a model for
   * which this answers false: deleting through a parent must not let a user delete what they may not delete.
   * @default every model allowed
   */
  mayDelete?: (modelKey: string) => boolean;
  /**
   * create/update: called INSIDE the write's transaction with the row as written, before the commit; if it
   * throws, the write is rolled back and the error is the write's. The server builds its answer here, so a row
   * it cannot answer with (a serialisation that fails) is never left written behind a 500.
   */
  beforeCommit?: (row: StoredRow) => void;
}

export interface LookupOptions {
  /**
   * The schema as the asking user sees it: the label order uses only its title fields, so a title field
   * hidden from the user (theirs or a related model's) does not order the picker and leak its values.
   * @default the data source's own schema
   */
  viewSchema?: SchemaMeta;
  /**
   * When given, a delete refuses (403 forbidden) to take with it (`onDelete: Cascade`) records of a model for
   * which this answers false: deleting through a parent must not let a user delete what they may not delete.
   * @default every model allowed
   */
  mayDelete?: (modelKey: string) => boolean;
}

export interface PreviewOptions {
  /**
   * The schema as the asking user sees it: examples are labelled with it, so records of a model they may not
   * view (or whose title is hidden from them) are named by their id.
   * @default the data source's own schema
   */
  viewSchema?: SchemaMeta;
}

export interface TransactionOptions {
  /**
   * Longest the transaction may stay open, in ms, for work known to be long (an import of many rows); past it
   * the transaction is rolled back and the work fails.
   * @default the implementation's own limit for one write (15 s for Prisma)
   */
  timeoutMs?: number;
}

export interface DataSource {
  readonly provider: DatabaseProvider;
  list(model: ModelMeta, query: ListQuery): Promise<ListResult>;
  /** Resolves null when no record has this id. */
  get(model: ModelMeta, id: IdValues): Promise<StoredRow | null>;
  create(model: ModelMeta, data: WriteData, context?: WriteContext): Promise<StoredRow>;
  /** Throws AtriumError("not_found") when no record has this id, ("conflict") on a stale expectedVersion. */
  update(model: ModelMeta, id: IdValues, data: WriteData, context?: WriteContext): Promise<StoredRow>;
  /**
   * Throws AtriumError("not_found") / ("delete_restricted") / ("conflict"). Audited as a `delete` entry, plus one
   * entry (caused by it) per record the database deletes with it (`delete`) or whose reference it clears
   * (`update`), so that a revert can bring them all back.
   */
  delete(model: ModelMeta, id: IdValues, context?: WriteContext): Promise<void>;
  /**
   * All or nothing, in one transaction; resolves the number deleted. Audited as one `bulk_delete` entry per
   * record, each with the entries of what it took with it (as `delete`).
   */
  deleteMany(model: ModelMeta, ids: IdValues[], context?: WriteContext): Promise<number>;
  deletePreview(model: ModelMeta, id: IdValues, options?: PreviewOptions): Promise<DeletePreview>;
  /** Up to `limit` records whose search fields match `search`, for relation pickers, ordered by label. */
  lookup(
    model: ModelMeta,
    search: string | undefined,
    limit: number,
    options?: LookupOptions,
  ): Promise<StoredRow[]>;
  /**
   * The sorted `$id`s of the records an implicit many-to-many `field` links this record to; null when no record
   * has this id. Optional: without it, a revert of a set change cannot check it and is refused.
   */
  relatedIds?(model: ModelMeta, id: IdValues, field: string): Promise<string[] | null>;
  /**
   * Creates `rows` in order, all in one transaction (all or none), for bulk writers (generated records, later
   * imports and fixtures); resolves each created record's scalar and enum values, those the database filled in
   * (generated ids, defaults) included, without relation labels or counts. Audited as one `create` entry per
   * record, like `create`.
   */
  createMany(model: ModelMeta, rows: WriteData[], context?: WriteContext): Promise<StoredRow[]>;
  /**
   * The values of scalar `fields` of up to `limit` records, in id order (the same records every time): the keys
   * bulk writers pick related records from and the values their unique constraints must not repeat.
   */
  readValues(model: ModelMeta, fields: string[], limit: number): Promise<Record<string, unknown>[]>;
  /**
   * Runs `work` in one transaction: the writes it makes through the data source it is given (audit entries
   * included) are all kept or, when it throws, none. Reads through it see those writes.
   */
  transaction<T>(work: (source: DataSource) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Row count for overviews; may be an estimate on big tables. */
  count(model: ModelMeta): Promise<CountResult>;
  close(): Promise<void>;
}
