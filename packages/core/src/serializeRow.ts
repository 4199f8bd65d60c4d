import type { StoredRow } from "./dataSource.js";
import type { FieldMeta, ModelMeta, SchemaMeta } from "./metadata.js";
import { encodeRecordId, idValuesOf } from "./recordId.js";
import { recordLabel } from "./recordLabel.js";
import { recordVersion } from "./recordVersion.js";
import { relatedModel } from "./relatedModel.js";
import { encodeWireValue } from "./wireCodec.js";

/**
 * A record as the API sends it: wire-encoded fields plus its address, label and `$version` (recordVersion.ts;
 * optional in the type only so that hand-built rows in tests and fakes stay valid).
 */
export type WireRow = Record<string, unknown> & { $id: string; $label: string; $version?: string };

/** A related record as the API sends it. */
export interface RecordRef {
  $id: string;
  $label: string;
}

/**
 * Address and label of a record (a related record or a look-up hit), from its id and title fields; `schema`
 * lets derived labels (titleParts) use the related records the row carries.
 */
export function toRecordRef(model: ModelMeta, row: Record<string, unknown>, schema?: SchemaMeta): RecordRef {
  return { $id: encodeRecordId(model, idValuesOf(model, row)), $label: recordLabel(model, row, schema) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function serializeRelation(schema: SchemaMeta, field: FieldMeta, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  const related = relatedModel(schema, field);
  // Data sources send counts for to-many fields; a list of records is accepted too and becomes references.
  if (Array.isArray(value)) return value.filter(isRecord).map((item) => toRecordRef(related, item, schema));
  if (isRecord(value)) return toRecordRef(related, value, schema);
  throw new Error(`Relation field ${field.name} holds ${typeof value}; expected a related record or a count`);
}

/**
 * StoredRow -> the JSON the API sends: `$id`, `$label` and `$version` first, then the fields the row holds, in schema
 * order, each wire-encoded. Fields the data source did not return are left out rather than sent as null,
 * so the client can tell "not loaded" from "empty".
 */
export function serializeRow(schema: SchemaMeta, model: ModelMeta, row: StoredRow): WireRow {
  const wire: WireRow = {
    $id: encodeRecordId(model, idValuesOf(model, row)),
    $label: recordLabel(model, row, schema),
    $version: recordVersion(model, row),
  };
  for (const field of model.fields) {
    if (!Object.hasOwn(row, field.name)) continue;
    const value = row[field.name];
    wire[field.name] =
      field.kind === "relation" ? serializeRelation(schema, field, value) : encodeWireValue(field, value);
  }
  return wire;
}
