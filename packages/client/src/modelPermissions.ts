import { inSentence, type ModelMeta, modelActionEnabled } from "@atrium/core";
import type { ModelPermissions } from "./authTypes.js";

/**
 * What the signed-in user may do with a model, as `/api/meta` says. The UI only mirrors this to hide what
 * would be refused; the server checks every request regardless.
 */
export function permissionsOf(model: ModelMeta | undefined): ModelPermissions {
  if (!model) return { view: false, add: false, change: false, delete: false };
  const given = (model as ModelMeta & { permissions?: Partial<ModelPermissions> }).permissions;
  // What the config turns off (`models.<Model>.actions`) is off with or without sign-in.
  const on = (action: "add" | "change" | "delete") =>
    modelActionEnabled(model, action) && (!given || given[action] === true);
  return { view: !given || given.view === true, add: on("add"), change: on("change"), delete: on("delete") };
}

const actionWords = { add: "added", change: "changed", delete: "deleted" } as const;

/** The sentence shown instead of a form the user cannot use, e.g. "You can view but not change books." */
export function readOnlyMessage(model: ModelMeta, action: "add" | "change" | "delete" = "change"): string {
  const plural = inSentence(model.labelPlural);
  // Turned off for everyone by the config: no administrator can grant it, so none is suggested.
  if (!modelActionEnabled(model, action))
    return `${model.labelPlural} cannot be ${actionWords[action]} in this admin.`;
  return permissionsOf(model).view
    ? `You can view but not ${action} ${plural}. Ask an administrator for the permission if you need it.`
    : `You do not have access to ${plural}. Ask an administrator for the permission if you need it.`;
}
