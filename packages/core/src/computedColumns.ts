/**
 * Computed list columns (config `models.<Model>.list.computed`): an aggregate of a to-many relation, read for
 * the page's rows only, or a server function of a row's visible fields. Their values travel in each list row
 * under the reserved key `$computed`, apart from the fields, so a column name can never shadow a field.
 */
import type { ModelMeta, SchemaMeta } from "./metadata.js";

export type ComputedAggregate = "count" | "sum" | "average" | "min" | "max";

/** One computed column as the server and the UI know it; a `value` function stays on the server. */
export type ComputedColumnMeta =
  | {
      kind: "aggregate";
      name: string;
      label: string;
      aggregate: ComputedAggregate;
      /** The to-many relation field of the model. */
      relation: string;
      /** The numeric field of the related model; absent for `count`. */
      field?: string;
      /** True for `count`: the database orders by a relation's count (Prisma's `_count` order). */
      sortable: boolean;
    }
  | { kind: "value"; name: string; label: string; sortable: false };

/** The reserved key of a list row that holds its computed values, by column name. */
export const computedKey = "$computed";
/** The reserved key of a list row that holds, by column name, why a `value` function failed on it. */
export const computedErrorsKey = "$computedErrors";

export type ComputedValue = string | number | null;

export function computedColumnsOf(model: ModelMeta): ComputedColumnMeta[] {
  return model.admin?.list?.computed ?? [];
}

/**
 * The computed columns a viewer may see: an aggregate needs its relation in their view of the model and, for a
 * field aggregate, that field in their view of the related model (a hidden field is not summed either).
 */
export function visibleComputedColumns(view: SchemaMeta, model: ModelMeta): ComputedColumnMeta[] {
  return computedColumnsOf(model).filter((column) => {
    if (column.kind === "value") return true;
    const relation = model.fields.find((field) => field.name === column.relation)?.relation;
    if (!relation) return false;
    const related = view.models.find((candidate) => candidate.name === relation.model);
    if (!related) return false;
    return column.field === undefined || related.fields.some((field) => field.name === column.field);
  });
}

/** `model` with only the computed columns given (the admin options stay otherwise as they are). */
export function withComputedColumns(model: ModelMeta, columns: ComputedColumnMeta[]): ModelMeta {
  const list = model.admin?.list;
  if (!list?.computed) return model;
  return { ...model, admin: { ...model.admin, list: { ...list, computed: columns } } };
}
