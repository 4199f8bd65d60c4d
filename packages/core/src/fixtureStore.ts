/**
 * What `atrium dumpdata` and `atrium loaddata` need from a database, beside the DataSource: every column of every
 * row (ids, hidden and secret fields included: fixtures are an operator's copy of the database, never served over
 * HTTP), the links of implicit many-to-many relations, and writes that keep the ids they are given. Values are
 * typed JavaScript values as in the DataSource (Date, bigint, Decimal text, Uint8Array, parsed JSON).
 */
import type { ModelMeta } from "./metadata.js";

export type FixtureRow = Record<string, unknown>;

/** One record of an implicit many-to-many relation's owning side and the ids of the records it links to. */
export interface FixtureLinks {
  id: unknown;
  related: unknown[];
}

export interface FixtureReader {
  /**
   * Up to `limit` rows of `model` with the values of `fields`, in id order, after the row whose id fields hold
   * `after` (from the start when null): a page of a dump, so a table of any size is read a page at a time.
   */
  readRows(
    model: ModelMeta,
    fields: string[],
    after: FixtureRow | null,
    limit: number,
  ): Promise<FixtureRow[]>;
  /**
   * The links of the implicit many-to-many `field` (the model and its related model have single-field ids), for
   * up to `limit` records after the record whose id is `after`, records without links left out of the answer
   * but counted in the page (the answer's `last` is where the next page starts; null after the last page).
   */
  readLinks(
    model: ModelMeta,
    field: string,
    after: unknown,
    limit: number,
  ): Promise<{ links: FixtureLinks[]; last: unknown }>;
}

export interface FixtureStore {
  /**
   * Runs `work` on one snapshot of the database (a read transaction): every page it reads shows the database as
   * it was when the first was read, so a dump taken while others write still has every row its rows point at.
   */
  snapshot<T>(work: (reader: FixtureReader) => Promise<T>): Promise<T>;
  /** How many rows each model's table holds. */
  countRows(model: ModelMeta): Promise<number>;
  /** Runs `work` in one transaction: every write it makes through the store it is given is kept, or none. */
  transaction<T>(work: (store: FixtureWriter) => Promise<T>): Promise<T>;
}

export interface FixtureWriter {
  /** Inserts rows as they are, ids included (no defaults drawn for what they hold). */
  insertRows(model: ModelMeta, rows: FixtureRow[]): Promise<void>;
  /** Sets scalar `values` on the record whose id fields hold `id` (a back-reference left empty at insert). */
  updateRow(model: ModelMeta, id: FixtureRow, values: FixtureRow): Promise<void>;
  /** Links records to others through the implicit many-to-many `field` (this model's side owns the links). */
  link(model: ModelMeta, field: string, links: FixtureLinks[]): Promise<void>;
  /**
   * Makes the next create of each model number its records after the loaded ones, where the database does not
   * do it by itself (PostgreSQL sequences).
   */
  resetSequences(models: ModelMeta[]): Promise<void>;
}
