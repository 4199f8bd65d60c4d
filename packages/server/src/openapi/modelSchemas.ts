/**
 * A model's component schemas: `<Model>` (a row as lists, reads and write answers carry it), `<Model>Create` and
 * `<Model>Update` (the bodies), built from one principal's view of the model so hidden fields never appear.
 */
import type { ModelMeta, SchemaMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import type { SchemaObject } from "openapi3-ts/oas31";
import { readFieldSchema, type Schema, writeFieldSchema } from "./fieldSchema.js";

/** `viewModel`: what the caller reads; fields absent from it are never described. */
export function readSchema(schema: SchemaMeta, viewModel: ModelMeta): SchemaObject {
  const properties: Record<string, Schema> = {
    $id: { type: "string", description: "The record's address in URLs (see docs/api.md, Record ids)" },
    $label: { type: "string", description: "The record's title as text" },
    $version: {
      type: "string",
      description:
        "Fingerprint of the stored values you may see; send it back to save without losing updates",
    },
  };
  for (const field of viewModel.fields) {
    const value = readFieldSchema(schema, field);
    if (value) properties[field.name] = value;
  }
  return {
    type: "object",
    title: viewModel.label,
    ...(viewModel.help ? { description: viewModel.help } : {}),
    properties,
    required: Object.keys(properties),
  };
}

/** The fields a body may carry: `writeModel` holds the caller's write-only fields too, marked `writeOnly`. */
function writeProperties(schema: SchemaMeta, viewModel: ModelMeta, writeModel: ModelMeta) {
  const readable = new Set(viewModel.fields.map((field) => field.name));
  const properties: Record<string, Schema> = {};
  for (const field of writeModel.fields) {
    const value = writeFieldSchema(schema, field);
    if (!value) continue;
    properties[field.name] = readable.has(field.name) ? value : { ...value, writeOnly: true };
  }
  return properties;
}

/**
 * What a create must carry: required fields without a default. A to-one relation and its key scalars stand for
 * each other (either may be sent), so neither is listed as required; a create without them answers 422 naming
 * the relation.
 */
function requiredOnCreate(writeModel: ModelMeta, properties: Record<string, Schema>): string[] {
  return writeModel.fields
    .filter(
      (field) =>
        field.kind !== "relation" &&
        !field.isForeignKey &&
        field.isRequired &&
        !field.hasDefault &&
        !field.isList &&
        field.name in properties,
    )
    .map((field) => field.name);
}

export function createSchema(schema: SchemaMeta, viewModel: ModelMeta, writeModel: ModelMeta): SchemaObject {
  const properties = writeProperties(schema, viewModel, writeModel);
  const required = requiredOnCreate(writeModel, properties);
  return {
    type: "object",
    title: `New ${inSentence(viewModel.label)}`,
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

export function updateSchema(schema: SchemaMeta, viewModel: ModelMeta, writeModel: ModelMeta): SchemaObject {
  return {
    type: "object",
    title: `Changes to ${viewModel.label}`,
    description:
      "Only the fields sent change. `null` clears an optional field. Other keys starting with `$` are ignored, so a row read can be sent back.",
    properties: {
      $version: {
        type: "string",
        description:
          "The $version the change was made from: a 409 conflict answers when the record changed since",
      },
      ...writeProperties(schema, viewModel, writeModel),
    },
  };
}
