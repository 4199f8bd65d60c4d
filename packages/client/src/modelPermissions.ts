import type { ModelMeta } from "@atrium/core";
import type { ModelPermissions } from "./authTypes.js";

/** What an app without sign-in allows: everything (the server enforces nothing either). */
const everything: ModelPermissions = { view: true, add: true, change: true, delete: true };

/**
 * What the signed-in user may do with a model, as `/api/meta` says. The UI only mirrors this to hide what
 * would be refused; the server checks every request regardless.
 */
export function permissionsOf(model: ModelMeta | undefined): ModelPermissions {
  if (!model) return { view: false, add: false, change: false, delete: false };
  const given = (model as ModelMeta & { permissions?: Partial<ModelPermissions> }).permissions;
  if (!given) return everything;
  return {
    view: given.view === true,
    add: given.add === true,
    change: given.change === true,
    delete: given.delete === true,
  };
}

/** The sentence shown instead of a form the user cannot use, e.g. "You can view but not change books." */
export function readOnlyMessage(model: ModelMeta, action: "add" | "change" | "delete" = "change"): string {
  const plural = model.labelPlural.toLowerCase();
  return permissionsOf(model).view
    ? `You can view but not ${action} ${plural}. Ask an administrator for the permission if you need it.`
    : `You do not have access to ${plural}. Ask an administrator for the permission if you need it.`;
}
