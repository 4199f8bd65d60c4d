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
