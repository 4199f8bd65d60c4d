/**
 * What the `fields` configuration can say to let forms set a field: `"writeOnly"` where a form can type it as
 * text without showing it, `"visible"` otherwise. Shared by the start-up check (atrium.E007, atrium.W001) and the
 * admin's explanation of a model it cannot create, so both give advice the config accepts.
 */
import type { FieldMeta, ModelMeta } from "@atrium/core";

/** Why `field` cannot be configured `"writeOnly"` (a password-type input sends text, only for fields a form writes). */
export function writeOnlyProblem(model: ModelMeta, field: FieldMeta): string | undefined {
  if (field.kind === "relation") return `'${field.name}' is a relation`;
  if (field.isReadOnly || field.isUpdatedAt) return `'${field.name}' is read-only (the database sets it)`;
  if (field.isList) return `'${field.name}' is a list`;
  if (field.kind !== "scalar" || field.type !== "String") return `'${field.name}' is of type ${field.type}`;
  const relation = model.fields.find((candidate) => candidate.relation?.fromFields.includes(field.name));
  if (relation) return `'${field.name}' is the key of the relation '${relation.name}', chosen in its picker`;
  return undefined;
}

/** The access that lets forms set a hidden field: write-only text stays unseen, anything else must be shown. */
export function accessToSet(model: ModelMeta, field: FieldMeta): "writeOnly" | "visible" {
  return writeOnlyProblem(model, field) === undefined ? "writeOnly" : "visible";
}

/** The `fields` entry that lets forms set the field, as it is written in the config file. */
export function configLineToSet(model: ModelMeta, field: FieldMeta): string {
  return `"${model.name}.${field.name}": "${accessToSet(model, field)}"`;
}
