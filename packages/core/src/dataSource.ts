/**
 * The one interface between the HTTP server and a database. `@atrium/prisma` implements it over a Prisma
 * Client; the server never imports Prisma. Every implementation runs the same contract test suite.
 *
 * Values crossing this interface are JavaScript values, not wire strings: Date, bigint, Decimal (as a
 * string of digits), Uint8Array, parsed JSON. `@atrium/core`'s wire codec converts at the HTTP edge.
 */
import type { IdValues, ListQuery } from "./listQuery.js";
import type { DatabaseProvider, ModelMeta } from "./metadata.js";

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

export interface DataSource {
  readonly provider: DatabaseProvider;
  list(model: ModelMeta, query: ListQuery): Promise<ListResult>;
  /** Resolves null when no record has this id. */
  get(model: ModelMeta, id: IdValues): Promise<StoredRow | null>;
  create(model: ModelMeta, data: WriteData): Promise<StoredRow>;
  /** Throws AtriumError("not_found") when no record has this id. */
  update(model: ModelMeta, id: IdValues, data: WriteData): Promise<StoredRow>;
  /** Throws AtriumError("not_found") / ("delete_restricted"). */
  delete(model: ModelMeta, id: IdValues): Promise<void>;
  /** All or nothing, in one transaction; resolves the number deleted. */
  deleteMany(model: ModelMeta, ids: IdValues[]): Promise<number>;
  deletePreview(model: ModelMeta, id: IdValues): Promise<DeletePreview>;
  /** Up to `limit` records whose search fields match `search`, for relation pickers. */
  lookup(model: ModelMeta, search: string | undefined, limit: number): Promise<StoredRow[]>;
  /** Row count for overviews; may be an estimate on big tables. */
  count(model: ModelMeta): Promise<CountResult>;
  close(): Promise<void>;
}
