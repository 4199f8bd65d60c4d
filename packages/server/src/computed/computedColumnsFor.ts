import {
  type ComputedColumnMeta,
  findModelByName,
  type ModelMeta,
  type SchemaMeta,
  visibleComputedColumns,
} from "@atrium/core";
import type { RequestAccess } from "../auth/requestAccess.js";

/**
 * The computed columns of `model` this request's principal may see, for the list and for `GET /api/meta`
 * alike: an aggregate needs its relation and field in their view, and the related model viewable by them
 * (a count of records they may not view is theirs neither).
 */
export function computedColumnsFor(
  access: RequestAccess,
  schema: SchemaMeta,
  model: ModelMeta,
): ComputedColumnMeta[] {
  return visibleComputedColumns(access.view.schema, access.viewModel(model)).filter((column) => {
    if (column.kind === "value") return true;
    const name = model.fields.find((field) => field.name === column.relation)?.relation?.model ?? "";
    const related = findModelByName(schema, name);
    return related !== undefined && access.can(related.key, "view");
  });
}
