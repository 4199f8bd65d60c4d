/**
 * The look-ups an import makes for a chunk of rows at once: the records their keys, relations and unique values
 * name, read by `in` filters of a few hundred values (ListQuery.bulk: their own columns only), never a query per
 * row except for compound ids, which no one column holds.
 */
import {
  type DataSource,
  encodeRecordId,
  encodeWireValue,
  type FieldMeta,
  type IdValues,
  idValuesOf,
  type ModelMeta,
  type StoredRow,
} from "@atrium/core";

/** Values per `in` filter: well below every database's limit on bound parameters. */
const lookupChunk = 500;

/** A typed value as a map key: its wire text, so `12n` and `12n` (and two equal dates) are one key. */
export function valueKey(field: FieldMeta, value: unknown): string {
  return JSON.stringify(encodeWireValue(field, value));
}

/** The records of `model` whose `field` holds one of `values` (typed), keyed by valueKey. */
export async function findByField(
  source: DataSource,
  model: ModelMeta,
  field: FieldMeta,
  values: unknown[],
): Promise<Map<string, StoredRow>> {
  const found = new Map<string, StoredRow>();
  const distinct = [...new Map(values.map((value) => [valueKey(field, value), value])).values()];
  for (let start = 0; start < distinct.length; start += lookupChunk) {
    const chunk = distinct.slice(start, start + lookupChunk);
    const { rows } = await source.list(model, {
      page: 1,
      perPage: chunk.length,
      sort: [],
      filters: [{ path: [field.name], op: "in", value: chunk }],
      bulk: true,
    });
    for (const row of rows) found.set(valueKey(field, row[field.name]), row);
  }
  return found;
}

/** The records of `model` with these ids, keyed by their `$id`. */
export async function findByIds(
  source: DataSource,
  model: ModelMeta,
  ids: IdValues[],
): Promise<Map<string, StoredRow>> {
  const [idName] = model.idFields;
  const idField = model.fields.find((field) => field.name === idName);
  const keyed = new Map<string, StoredRow>();
  if (model.idFields.length === 1 && idField) {
    const rows = await findByField(
      source,
      model,
      idField,
      ids.map((id) => id[idField.name]),
    );
    for (const row of rows.values()) keyed.set(encodeRecordId(model, idValuesOf(model, row)), row);
    return keyed;
  }
  for (const id of ids) {
    const row = await source.get(model, id);
    if (row) keyed.set(encodeRecordId(model, idValuesOf(model, row)), row);
  }
  return keyed;
}
