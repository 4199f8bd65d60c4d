/**
 * The checks of an import, a chunk of rows at a time, as the forms check a write and then some a file needs:
 * - which record a row updates (its id, or the unique field it is matched by), else it creates one, and whether
 *   the user may add or change;
 * - the records its relation columns name (by `$id` or a unique field) and its foreign keys point at exist;
 * - decodeWrite, the forms' own parsing and validation, against what the user may write;
 * - unique fields: no two rows with one value, no row with another record's value.
 * Every problem is a `{ row, field, message }`. The same checker runs in the dry run and, inside the commit's
 * transaction, again before each chunk is written.
 */
import {
  AtriumError,
  type DataSource,
  decodeRecordId,
  decodeWireValue,
  decodeWrite,
  encodeRecordId,
  encodeWireValue,
  exchangeFields,
  type FieldMeta,
  type IdValues,
  type ImportPlanShape,
  idValuesOf,
  inSentence,
  type ModelMeta,
  relatedModel,
  type SchemaMeta,
  type StoredRow,
  type WriteData,
} from "@atrium/core";
import type { RequestAccess } from "../auth/requestAccess.js";
import { draftOf, type ImportDraft, type RowError } from "./importDraft.js";
import { checkForeignKeys } from "./importForeignKeys.js";
import { findByField, findByIds, valueKey } from "./importLookups.js";
import type { ImportRecord } from "./importRecords.js";

export interface CheckedRow {
  row: number;
  action: "create" | "update";
  /** The `$id` of the record an update changes. */
  id?: string;
  /** The decoded write; absent when the row has errors. */
  data?: WriteData;
}

export interface CheckedChunk {
  rows: CheckedRow[];
  errors: RowError[];
}

export interface ImportCheckerInput {
  /** The whole schema: look-ups read related records as the data source knows them. */
  schema: SchemaMeta;
  model: ModelMeta;
  shape: ImportPlanShape;
  access: RequestAccess;
  /** Where look-ups read: the data source, or the commit's transaction. */
  source: DataSource;
}

interface Pending extends ImportDraft {
  action: "create" | "update";
  id?: IdValues;
  $id?: string;
}

export function importChecker(input: ImportCheckerInput) {
  const { model, shape, access, source } = input;
  const dataModel = access.dataModel(model);
  const writeModel = access.writeModel(model);
  const soleId = model.idFields.length === 1 ? model.idFields[0] : undefined;
  const uniques = exchangeFields(writeModel).filter(
    (field) => (field.isUnique || field.name === soleId) && !field.isReadOnly,
  );
  const seenValues = new Map(uniques.map((field) => [field.name, new Map<string, number>()]));
  const seenRecords = new Map<string, number>();
  const fail = (draft: ImportDraft, field: string | null, message: string) =>
    draft.errors.push({ row: draft.row, field, message });

  /** Each draft's record to update, by its key; a draft without one creates. */
  const match = async (drafts: Pending[]) => {
    if (shape.matchFields.length === 0) return;
    const keyed = drafts.flatMap((draft) => {
      if (shape.matchFields.some((field) => draft.key[field.name] == null)) return [];
      const id: IdValues = {};
      for (const field of shape.matchFields) {
        try {
          id[field.name] = decodeWireValue(field, draft.key[field.name]);
        } catch (error) {
          if (!(error instanceof AtriumError)) throw error;
          fail(draft, field.name, error.fields?.[field.name] ?? error.message);
          return [];
        }
      }
      return [{ draft, id }];
    });
    if (keyed.length === 0) return;
    const byId = shape.match === "$id";
    const [unique] = shape.matchFields;
    const found = byId
      ? await findByIds(
          source,
          dataModel,
          keyed.map(({ id }) => id),
        )
      : await findByField(
          source,
          dataModel,
          unique as FieldMeta,
          keyed.map(({ id }) => id[(unique as FieldMeta).name]),
        );
    for (const { draft, id } of keyed) {
      const record = byId
        ? found.get(encodeRecordId(model, id))
        : found.get(valueKey(unique as FieldMeta, id[(unique as FieldMeta).name]));
      if (!record) continue;
      draft.action = "update";
      draft.id = idValuesOf(model, record);
      draft.$id = encodeRecordId(model, draft.id);
      const earlier = seenRecords.get(draft.$id);
      if (earlier !== undefined)
        fail(draft, null, `Row ${earlier} already updates this ${inSentence(model.label)}`);
      else seenRecords.set(draft.$id, draft.row);
    }
  };

  /** Replaces each relation column's value by the foreign key of the record it names, or says none has it. */
  const resolveRelations = async (drafts: Pending[]) => {
    for (const column of shape.columns) {
      if (column.kind !== "relation") continue;
      const related = relatedModel(access.view.schema, column.field);
      const relatedData = access.dataModel(relatedModel(input.schema, column.field));
      const wanted = drafts.flatMap((draft) => {
        if (!draft.refs.has(column)) return [];
        const value = draft.refs.get(column);
        try {
          const typed =
            column.by === "$id" ? decodeRecordId(related, String(value)) : decodeWireValue(column.by, value);
          return [{ draft, value, typed }];
        } catch (error) {
          if (!(error instanceof AtriumError)) throw error;
          fail(draft, column.field.name, Object.values(error.fields ?? {})[0] ?? error.message);
          return [];
        }
      });
      if (wanted.length === 0) continue;
      const by = column.by;
      const found =
        by === "$id"
          ? await findByIds(
              source,
              relatedData,
              wanted.map(({ typed }) => typed as IdValues),
            )
          : await findByField(
              source,
              relatedData,
              by,
              wanted.map(({ typed }) => typed),
            );
      for (const { draft, value, typed } of wanted) {
        const record =
          by === "$id"
            ? found.get(encodeRecordId(related, typed as IdValues))
            : found.get(valueKey(by, typed));
        if (record) connect(draft, column.field, related, record);
        else {
          const what = by === "$id" ? "id" : inSentence(by.label);
          fail(
            draft,
            column.field.name,
            `No ${inSentence(related.label)} has the ${what} '${String(value)}'`,
          );
        }
      }
    }
  };

  /** The relation as its foreign-key values when the user may write them (one INSERT for many rows), else by id. */
  const connect = (draft: ImportDraft, field: FieldMeta, related: ModelMeta, record: StoredRow) => {
    const relation = field.relation;
    const keys = relation?.fromFields ?? [];
    const writable = keys.length > 0 && keys.every((name) => writeModel.fields.some((f) => f.name === name));
    if (!relation || !writable) {
      draft.body[field.name] = encodeRecordId(related, idValuesOf(related, record));
      return;
    }
    for (const [index, name] of keys.entries()) {
      const target = related.fields.find((candidate) => candidate.name === relation.toFields[index]);
      const keyField = writeModel.fields.find((candidate) => candidate.name === name);
      if (target && keyField) draft.body[name] = encodeWireValue(keyField, record[target.name]);
    }
  };

  return {
    async check(records: ImportRecord[]): Promise<CheckedChunk> {
      const drafts: Pending[] = records.map((record) => ({ ...draftOf(record, shape), action: "create" }));
      await match(drafts);
      await resolveRelations(drafts);
      await checkForeignKeys(input, drafts, fail);
      const rows: CheckedRow[] = [];
      for (const draft of drafts) {
        const permitted = draft.action === "create" ? "add" : "change";
        if (!access.can(model.key, permitted)) {
          const verb = draft.action === "create" ? "add" : "change";
          fail(draft, null, `You may not ${verb} ${inSentence(model.labelPlural)}`);
        }
        const hidden = draft.action === "create" ? access.hiddenRequired(model) : [];
        if (hidden.length > 0) {
          fail(
            draft,
            null,
            `${hidden.map((field) => field.label).join(", ")} is required but hidden from you`,
          );
        }
        let data: WriteData | undefined;
        try {
          data = decodeWrite(access.view.writeSchema, writeModel, draft.body, draft.action);
        } catch (error) {
          if (!(error instanceof AtriumError)) throw error;
          for (const [field, message] of Object.entries(error.fields ?? {})) fail(draft, field, message);
          if (!error.fields) fail(draft, null, error.message);
        }
        rows.push({
          row: draft.row,
          action: draft.action,
          ...(draft.$id ? { id: draft.$id } : {}),
          ...(data && draft.errors.length === 0 ? { data } : {}),
        });
      }
      await checkUniques(drafts);
      const errors = drafts.flatMap((draft) => draft.errors);
      for (const row of rows) if (errors.some((error) => error.row === row.row)) delete row.data;
      return { rows, errors };
    },
  };

  async function checkUniques(drafts: Pending[]) {
    for (const field of uniques) {
      const seen = seenValues.get(field.name) ?? new Map<string, number>();
      const typed = drafts.flatMap((draft) => {
        const wire = draft.body[field.name];
        if (wire == null) return [];
        try {
          const value = decodeWireValue(field, wire);
          const key = valueKey(field, value);
          const earlier = seen.get(key);
          if (earlier !== undefined) {
            fail(draft, field.name, `Row ${earlier} has the same ${inSentence(field.label)}`);
            return [];
          }
          seen.set(key, draft.row);
          return [{ draft, value, key }];
        } catch {
          return []; // decodeWrite has said what is wrong with it
        }
      });
      if (typed.length === 0) continue;
      const found = await findByField(
        source,
        dataModel,
        field,
        typed.map(({ value }) => value),
      );
      for (const { draft, key } of typed) {
        const other = found.get(key);
        if (other && encodeRecordId(model, idValuesOf(model, other)) !== draft.$id) {
          const label = inSentence(model.label);
          fail(draft, field.name, `Another ${label} has this ${inSentence(field.label)} already`);
        }
      }
    }
  }
}
