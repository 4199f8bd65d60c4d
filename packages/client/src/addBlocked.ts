/**
 * Why the user may add records of a model by their role yet the admin offers no Add: a required field without a
 * default is hidden from them (`/api/meta` lists such fields in `permissions.addBlockedBy`). Superusers also get
 * the config lines that fix it; they see everything but what is hidden from everyone, which only the config changes.
 */
import type { ModelMeta } from "@atrium/core";

/** A field that blocks creates, and the access that would let forms set it. */
export interface AddBlocker {
  name: string;
  label: string;
  access: "writeOnly" | "visible";
}

export interface AddBlocked {
  /** e.g. "Sessions cannot be added here: Session token is required and hidden from you." */
  reason: string;
  /** The `fields` entries of the config that let forms set them, e.g. `"Session.sessionToken": "writeOnly"`. */
  configLines: string[];
}

export function addBlockersOf(model: ModelMeta): AddBlocker[] {
  const given = (model as ModelMeta & { permissions?: { addBlockedBy?: AddBlocker[] } }).permissions;
  return given?.addBlockedBy ?? [];
}

/** The reason (and, for superusers, the fix) when required hidden fields block creates; undefined otherwise. */
export function addBlocked(model: ModelMeta, isSuperuser: boolean): AddBlocked | undefined {
  const blockers = addBlockersOf(model);
  if (blockers.length === 0) return undefined;
  const labels = blockers.map((field) => field.label);
  const named = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
  const verb = labels.length === 1 ? "is" : "are";
  const whom = isSuperuser ? "from everyone" : "from you";
  const reason = `${model.labelPlural} cannot be added here: ${named} ${verb} required and hidden ${whom}.`;
  if (!isSuperuser) return { reason: `${reason} Ask an administrator.`, configLines: [] };
  const configLines = blockers.map((field) => `"${model.name}.${field.name}": "${field.access}"`);
  return { reason, configLines };
}
