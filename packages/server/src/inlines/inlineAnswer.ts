/**
 * `GET /api/records/{key}/{id}/inlines`: the rows of a record's inlines, for its edit form. Each is read through
 * the child's list (`filter.<backField>.eq=<$id>`), so hidden fields, the child's view permission and its
 * ordering apply as on its own list page; inlines of a child the user may not view are left out.
 */
import type { ModelAction } from "@atrium/auth";
import { AtriumError, findModelByKey, type WireRow } from "@atrium/core";
import type { Context } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { accessOf } from "../auth/requestAccess.js";
import { resolveModel } from "../resolveModel.js";
import { recordActions } from "../routes/recordActions.js";

export interface InlineAnswer {
  rows: WireRow[];
  /** Rows of the parent in all (more than `rows` only past the inline's `max`). */
  total: number | null;
  /** What the user may do to the rows, so the form offers only that. */
  permissions: Record<Exclude<ModelAction, "view">, boolean>;
}

export async function inlineAnswer(
  options: ResolvedOptions,
  c: Context,
  key: string,
  id: string,
): Promise<Record<string, InlineAnswer>> {
  const actions = recordActions(options, c);
  const parent = resolveModel(options.schema, key);
  const record = await actions.get(key, id);
  if (!record)
    throw new AtriumError("not_found", `No ${parent.label} has the id '${id}'; it may have been deleted`);
  const access = accessOf(c, options.schema);
  const answer: Record<string, InlineAnswer> = {};
  for (const inline of parent.admin?.inlines ?? []) {
    const child = findModelByKey(options.schema, inline.model);
    if (!child || !access.can(child.key, "view")) continue;
    const list = await actions.list(child.key, {
      [`filter.${inline.backField}.eq`]: id,
      perPage: String(inline.max),
      ...(inline.ordering.length > 0 ? { sort: inline.ordering.join(",") } : {}),
    });
    answer[inline.relation] = {
      rows: list.data,
      total: list.total,
      permissions: {
        add: access.can(child.key, "add"),
        change: access.can(child.key, "change"),
        delete: access.can(child.key, "delete"),
      },
    };
  }
  return answer;
}
