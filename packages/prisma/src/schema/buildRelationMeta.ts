/** A relation field's other end, keys and referential actions, with Prisma's defaults made explicit. */
import type { ReferentialAction, RelationMeta } from "@atrium/core";
import type { DmmfField, DmmfModel } from "./readDatamodel.js";

const referentialActions: readonly ReferentialAction[] = [
  "Cascade",
  "Restrict",
  "NoAction",
  "SetNull",
  "SetDefault",
];

/** Finds the field on the other model with the same relation name; for a self-relation, the other field. */
export function findBackField(model: DmmfModel, field: DmmfField, related: DmmfModel | undefined) {
  return related?.fields.find(
    (candidate) =>
      candidate.kind === "object" &&
      candidate.relationName === field.relationName &&
      candidate.type === model.name &&
      !(related.name === model.name && candidate.name === field.name),
  );
}

export function buildRelationMeta(
  model: DmmfModel,
  field: DmmfField,
  modelsByName: Map<string, DmmfModel>,
): RelationMeta {
  const related = modelsByName.get(field.type);
  const back = findBackField(model, field, related);
  const fromFields = field.relationFromFields ?? [];
  const relation: RelationMeta = {
    name: field.relationName ?? "",
    model: field.type,
    toMany: field.isList,
    fromFields: [...fromFields],
    toFields: [...(field.relationToFields ?? [])],
    isManyToMany: field.isList && back?.isList === true,
  };
  if (back) relation.backField = back.name;
  if (fromFields.length > 0) {
    // Prisma's defaults: an optional key is cleared when its target goes, a required one blocks the delete.
    const keyIsOptional = fromFields.every(
      (name) => model.fields.find((candidate) => candidate.name === name)?.isRequired === false,
    );
    relation.onDelete = toAction(field.relationOnDelete) ?? (keyIsOptional ? "SetNull" : "Restrict");
    relation.onUpdate = toAction(field.relationOnUpdate) ?? "Cascade";
  }
  return relation;
}

/**
 * Whether every column of a relation's key is required. Then the relation cannot be empty whatever the schema
 * writes after its type: `author User?` over a required `authorId` is allowed with `relationMode = "prisma"`,
 * yet no record can be saved without an author.
 */
export function keyIsRequired(model: DmmfModel, fromFields: string[]): boolean {
  return (
    fromFields.length > 0 &&
    fromFields.every((name) => model.fields.find((candidate) => candidate.name === name)?.isRequired === true)
  );
}

function toAction(value: string | undefined): ReferentialAction | undefined {
  return referentialActions.find((action) => action === value);
}
