/**
 * Why the user may add records of a model by their role yet the admin offers no Add: a required field without a
 * default is hidden from them (`/api/meta` says so with `permissions.addBlockedBy`). Superusers get the fields
 * and the config lines that fix it (they see everything but what is hidden from everyone, which only the config
 * changes); anyone else gets an empty list, never the names of fields hidden from them.
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

/** The fields that block creates, empty for users who may not know them; undefined when nothing blocks. */
export function addBlockersOf(model: ModelMeta): AddBlocker[] | undefined {
  return (model as ModelMeta & { permissions?: { addBlockedBy?: AddBlocker[] } }).permissions?.addBlockedBy;
}

/** The reason (and, for superusers, the fix) when required hidden fields block creates; undefined otherwise. */
export function addBlocked(model: ModelMeta): AddBlocked | undefined {
  const blockers = addBlockersOf(model);
  if (!blockers) return undefined;
  const cannot = `${model.labelPlural} cannot be added here`;
  if (blockers.length === 0) {
    return {
      reason: `${cannot}: a required field is hidden from you. Ask an administrator.`,
      configLines: [],
    };
  }
  const labels = blockers.map((field) => field.label);
  const named = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
  const verb = labels.length === 1 ? "is" : "are";
  const configLines = blockers.map((field) => `"${model.name}.${field.name}": "${field.access}"`);
  return { reason: `${cannot}: ${named} ${verb} required and hidden from everyone.`, configLines };
}
