/**
 * WriteData -> Prisma `data`, in Prisma's "unchecked" form: foreign keys as raw scalars, nested writes only for
 * relations whose key lives elsewhere (implicit many-to-many, the back side of a one-to-one).
 *
 * Why unchecked: Prisma rejects an input that mixes a raw foreign key (`authorId`) with relation syntax on a
 * relation holding a key (`editor: { connect }`). Turning every keyed `connect` into its key columns keeps one
 * form whatever the write contains, and needs no name for compound unique selectors.
 */
import { AtriumError, type FieldMeta, type ModelMeta, type SchemaMeta, type WriteData } from "@atrium/core";
import { DbNull, JsonNull } from "@prisma/client/runtime/client";
import { findModel } from "./buildSelect.js";
import { type ForeignKeyInput, foreignKeyValues } from "./foreignKeyValues.js";
import { uniqueWhere } from "./idWhere.js";
import type { Args, QueryClient } from "./prismaClient.js";

export interface BuildWriteDataInput {
  /** Used to read the key of a related record when the relation references something other than its id. */
  tx: QueryClient;
  schema: SchemaMeta;
  model: ModelMeta;
  data: WriteData;
  mode: "create" | "update";
}

export async function buildWriteData(input: BuildWriteDataInput): Promise<Args> {
  const { model, data, mode } = input;
  const out: Args = {};
  for (const [name, value] of Object.entries(data.scalars)) {
    const field = requireField(model, name, (candidate) => candidate.kind !== "relation");
    if (field.type === "Unsupported") throw invalid(name, "This field cannot be written");
    out[name] = value === null && field.type === "Json" ? jsonNull(field) : value;
  }
  const keyed: ForeignKeyInput["relations"] = [];
  for (const [name, id] of Object.entries(data.connect)) {
    const field = requireField(model, name, (candidate) => candidate.relation?.toMany === false);
    const related = relatedModel(input.schema, field);
    if (field.relation && field.relation.fromFields.length > 0) {
      keyed.push([field, id]);
    } else if (id !== null) {
      out[name] = { connect: uniqueWhere(related, id) };
    } else if (mode === "update") {
      out[name] = { disconnect: true };
    }
  }
  if (keyed.length > 0) {
    const { tx, schema } = input;
    Object.assign(
      out,
      await foreignKeyValues({ tx, schema, model, scalars: data.scalars, relations: keyed }),
    );
  }
  for (const [name, ids] of Object.entries(data.setMany)) {
    const field = requireField(model, name, (candidate) => candidate.relation?.toMany === true);
    const related = relatedModel(input.schema, field);
    const wheres = ids.map((id) => uniqueWhere(related, id));
    if (mode === "update") out[name] = { set: wheres };
    else if (wheres.length > 0) out[name] = { connect: wheres };
  }
  return out;
}

/** An optional Json column cleared means SQL NULL; a required one can only hold JSON's `null`. */
function jsonNull(field: FieldMeta): unknown {
  return field.isRequired ? JsonNull : DbNull;
}

function requireField(model: ModelMeta, name: string, accepts: (field: FieldMeta) => boolean): FieldMeta {
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!field || !accepts(field))
    throw invalid(name, `${model.label} has no writable field "${name}" of this kind`);
  return field;
}

function relatedModel(schema: SchemaMeta, field: FieldMeta): ModelMeta {
  const related = field.relation ? findModel(schema, field.relation.model) : undefined;
  if (!related) throw invalid(field.name, "The related model is unknown");
  return related;
}

function invalid(name: string, message: string): AtriumError {
  return new AtriumError("validation_failed", message, { fields: { [name]: message } });
}
