/** Prisma datamodel -> Atrium's SchemaMeta: labels, identity, relations, title and search fields per model. */
import {
  AtriumError,
  type DatabaseProvider,
  type FieldMeta,
  type IndexMeta,
  type ModelMeta,
  type SchemaMeta,
} from "@atrium/core";
import { buildFieldMeta, buildUnsupportedFieldMeta } from "./buildFieldMeta.js";
import { buildRelationMeta, keyIsRequired } from "./buildRelationMeta.js";
import { humanize, kebabCase, pluralize } from "./labels.js";
import type { Datamodel, DmmfIndex, DmmfModel } from "./readDatamodel.js";
import { chooseSearchFields } from "./titleField.js";
import { chooseTitle, mergeSearchFields, partSearchFields } from "./titleParts.js";
import { uniqueModelKeys } from "./uniqueModelKeys.js";
import type { UnsupportedField } from "./unsupportedFields.js";

export interface BuildSchemaMetaInput {
  provider: DatabaseProvider;
  datamodel: Datamodel;
  /** Fields Prisma's datamodel leaves out, per model name (see unsupportedFields.ts). */
  unsupportedFields?: Map<string, UnsupportedField[]>;
}

export function buildSchemaMeta(input: BuildSchemaMetaInput): SchemaMeta {
  const { datamodel } = input;
  const modelsByName = new Map(datamodel.models.map((model) => [model.name, model]));
  const enumValues = new Map(
    datamodel.enums.map((item) => [item.name, item.values.map((value) => value.name)]),
  );
  const models = uniqueModelKeys(
    datamodel.models.map((model) =>
      buildModelMeta(model, modelsByName, enumValues, input.unsupportedFields?.get(model.name) ?? []),
    ),
  );
  if (datamodel.indexes) {
    for (const model of models) model.indexes = indexesOf(model.name, datamodel.indexes);
  }
  // Derived labels search the related records' fields, so they wait until every model has its own.
  const ownSearch = new Map(models.map((model) => [model.name, model]));
  const withDerivedSearch = models.map((model) =>
    model.titleParts
      ? {
          ...model,
          searchFields: mergeSearchFields(partSearchFields(model, ownSearch), model.fields),
        }
      : model,
  );
  return {
    provider: input.provider,
    models: withDerivedSearch,
    enums: datamodel.enums.map((item) => ({
      name: item.name,
      values: item.values.map((value) => value.name),
    })),
  };
}

function buildModelMeta(
  model: DmmfModel,
  modelsByName: Map<string, DmmfModel>,
  enumValues: Map<string, string[]>,
  unsupported: UnsupportedField[],
): ModelMeta {
  const foreignKeys = new Set(model.fields.flatMap((field) => field.relationFromFields ?? []));
  const singleUniques = new Set(
    model.uniqueIndexes.filter((index) => index.fields.length === 1).flatMap((index) => index.fields),
  );
  const fields: FieldMeta[] = model.fields.map((field) => {
    const meta = buildFieldMeta(
      field,
      foreignKeys,
      field.kind === "enum" ? enumValues.get(field.type) : undefined,
    );
    if (singleUniques.has(field.name)) meta.isUnique = true;
    if (field.kind === "object") {
      meta.relation = buildRelationMeta(model, field, modelsByName);
      if (keyIsRequired(model, meta.relation.fromFields)) meta.isRequired = true;
      // Prisma keeps the key on the other side; such lists are edited there, except implicit many-to-many.
      meta.isReadOnly = meta.relation.toMany && !meta.relation.isManyToMany;
    }
    return meta;
  });
  insertUnsupported(fields, unsupported);

  const identity = findIdentity(model);
  const uniqueIndexes = model.uniqueIndexes.map((index) => [...index.fields]);
  const { titleField, titleParts } = chooseTitle(fields, { ...identity, uniqueIndexes });
  const meta: ModelMeta = {
    key: kebabCase(model.name),
    name: model.name,
    label: humanize(model.name),
    labelPlural: pluralize(humanize(model.name)),
    idFields: identity.idFields,
    idKind: identity.idKind,
    titleField,
    searchFields: chooseSearchFields(fields, titleField),
    uniqueIndexes,
    fields,
  };
  if (titleParts) meta.titleParts = titleParts;
  if (identity.idSelectorName) meta.idSelectorName = identity.idSelectorName;
  if (model.dbName) meta.dbName = model.dbName;
  if (model.schema) meta.dbSchema = model.schema;
  if (model.documentation) meta.help = model.documentation;
  return meta;
}

function indexesOf(modelName: string, indexes: DmmfIndex[]): IndexMeta[] {
  return indexes
    .filter((index) => index.model === modelName)
    .map((index) => {
      const meta: IndexMeta = { fields: index.fields.map((field) => field.name), kind: index.type };
      // Prisma names the B-tree default too when it is written out (`type: BTree`).
      if (index.algorithm && index.algorithm !== "BTree") meta.algorithm = index.algorithm;
      const operatorClass = index.fields[0]?.operatorClass;
      if (operatorClass) meta.operatorClass = operatorClass;
      return meta;
    });
}

function insertUnsupported(fields: FieldMeta[], unsupported: UnsupportedField[]): void {
  for (const field of unsupported) {
    const afterIndex = field.after ? fields.findIndex((candidate) => candidate.name === field.after) : -1;
    const position = field.after && afterIndex >= 0 ? afterIndex + 1 : field.after ? fields.length : 0;
    fields.splice(position, 0, buildUnsupportedFieldMeta(field));
  }
}

interface Identity {
  idFields: string[];
  idKind: ModelMeta["idKind"];
  idSelectorName?: string;
}

/** @id, @@id, or (without them) the first unique criterion made only of required fields, as Prisma demands. */
function findIdentity(model: DmmfModel): Identity {
  if (model.primaryKey && model.primaryKey.fields.length > 0) {
    const idFields = [...model.primaryKey.fields];
    if (idFields.length === 1) return { idFields, idKind: "id" };
    return { idFields, idKind: "compoundId", idSelectorName: model.primaryKey.name ?? idFields.join("_") };
  }
  const idField = model.fields.find((field) => field.isId);
  if (idField) return { idFields: [idField.name], idKind: "id" };

  const isRequired = (name: string) => model.fields.find((field) => field.name === name)?.isRequired === true;
  const uniqueField = model.fields.find((field) => field.isUnique && field.isRequired);
  if (uniqueField) return { idFields: [uniqueField.name], idKind: "unique" };
  const index = model.uniqueIndexes.find((candidate) => candidate.fields.every(isRequired));
  if (index) {
    const idFields = [...index.fields];
    if (idFields.length === 1) return { idFields, idKind: "unique" };
    return { idFields, idKind: "compoundUnique", idSelectorName: index.name ?? idFields.join("_") };
  }
  throw new AtriumError(
    "bad_request",
    `Model ${model.name} has no @id, @@id or unique field made of required fields; Atrium cannot address its records`,
    { fields: { [model.name]: "no identity" } },
  );
}
