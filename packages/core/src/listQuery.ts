/**
 * A list request after validation: what `GET /api/records/{key}` asked for, with every field checked against
 * the metadata and every value decoded to its JavaScript type. Data sources only ever see this shape.
 */

export type FilterOperator =
  | "eq"
  | "neq"
  | "in"
  | "lt"
  | "lte"
  | "gt"
  | "gte"
  | "contains"
  | "startsWith"
  | "isNull";

export const filterOperators: readonly FilterOperator[] = [
  "eq",
  "neq",
  "in",
  "lt",
  "lte",
  "gt",
  "gte",
  "contains",
  "startsWith",
  "isNull",
];

/**
 * One `filter.{path}.{op}=value` parameter.
 * `path` walks relations: `["author", "name"]` filters on the related author's name; a path that ends on a
 * relation field compares the related record's identity (`value` is then `IdValues` or `IdValues[]`).
 */
export interface FilterSpec {
  path: string[];
  op: FilterOperator;
  /** Decoded value: typed scalar, array of them for `in`, boolean for `isNull`, IdValues for relations. */
  value: unknown;
}

export interface SortSpec {
  /** Field path; only scalar fields, optionally through to-one relations (a to-many relation with `count`). */
  path: string[];
  direction: "asc" | "desc";
  /**
   * Sorts by how many records the one-to-many relation `path` names has (a computed `count` column). No index
   * serves it and no cursor can seek by it: such a list pages by number.
   */
  count?: true;
}

/**
 * Where a keyset page starts: the sort values of the row at the edge of the page the user comes from, one per
 * entry of the query's sort (id fields included). "next" reads the rows after it, "prev" the rows before it.
 */
export interface ListCursor {
  direction: "next" | "prev";
  values: unknown[];
}

export interface ListQuery {
  /** 1 when `cursor` is set: a cursor page has no known page number. */
  page: number;
  perPage: number;
  /** Always ends with the id fields so that pages never shuffle. */
  sort: SortSpec[];
  /** Free text searched (case-insensitively, on every database) in the model's search fields. */
  search?: string;
  filters: FilterSpec[];
  /** Keyset paging instead of an offset (see listCursor.ts). */
  cursor?: ListCursor;
  /**
   * A page for a bulk reader (exports, an import's look-ups), not for people: only the rows' own columns, no
   * count (`total` null), no to-one labels and no to-many counts, and no check of the sort against the list's
   * size, which the reader made once on its first page. A million-row export then costs its pages, not a count
   * and the relations' reads per page.
   */
  bulk?: boolean;
}

/** Typed values of a record's id fields, keyed by field name. */
export type IdValues = Record<string, unknown>;
