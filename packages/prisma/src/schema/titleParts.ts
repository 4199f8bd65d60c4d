/**
 * Labels for models without a natural title field (join rows, editions, one-to-one extras): the label is made
 * from what identifies the record, with each foreign key shown as the related record's own label, so an order
 * line reads "BK-2026-025000 · Dune" instead of its order's numeric id.
 */
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { naturalTitleField, plainTextSearchFields, wellKnownSearchFields } from "./titleField.js";

export interface TitleIdentity {
  idFields: string[];
  idKind: ModelMeta["idKind"];
  /** Compound unique constraints, in schema order. */
  uniqueIndexes: string[][];
}

export interface TitleChoice {
  titleField: string;
  titleParts?: string[];
}

/** Ids nobody reads: the database or Prisma makes them up. */
const surrogateDefaults = new Set(["autoincrement", "uuid", "cuid", "nanoid", "ulid", "dbgenerated"]);

const unlabelledTypes = new Set(["Json", "Bytes", "Unsupported"]);

/** How many search fields a model gets in all; its parts share them. */
const maxSearchFields = 4;

/**
 * A natural title field when there is one; else parts derived from the identity (see deriveTitleParts). A
 * compound key (`@@id([orderId, bookId])`) names the record better than any of its own text fields, so plain
 * text only counts when the identity is a single field. `titleField` stays a scalar: the first part's own field,
 * or its foreign key for a relation part, since it is what sorts and searches by label.
 */
export function chooseTitle(fields: FieldMeta[], identity: TitleIdentity): TitleChoice {
  const compoundKey = identity.idKind === "compoundId" || identity.idKind === "compoundUnique";
  const natural = naturalTitleField(fields, !compoundKey);
  if (natural) return { titleField: natural };
  const parts = deriveTitleParts(fields, identity);
  const first = parts[0] === undefined ? undefined : fields.find((field) => field.name === parts[0]);
  if (first?.kind === "relation" || (first && parts.length > 1)) {
    return { titleField: first.relation?.fromFields[0] ?? first.name, titleParts: parts };
  }
  if (first) return { titleField: first.name };
  return { titleField: naturalTitleField(fields) ?? identity.idFields[0] ?? fields[0]?.name ?? "" };
}

/**
 * The identity's fields when they mean something (anything but one generated id), else the first required
 * single `@unique`, else the first compound unique; each foreign key replaced by its relation field.
 */
export function deriveTitleParts(fields: FieldMeta[], identity: TitleIdentity): string[] {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const [onlyId, ...moreIds] = identity.idFields;
  const idDefault = onlyId === undefined ? undefined : byName.get(onlyId)?.default?.kind;
  const surrogate = moreIds.length === 0 && idDefault !== undefined && surrogateDefaults.has(idDefault);
  const singleUnique = fields.find(
    (field) => field.isUnique && field.isRequired && !field.isId && !identity.idFields.includes(field.name),
  );
  const key = !surrogate
    ? identity.idFields
    : singleUnique
      ? [singleUnique.name]
      : (identity.uniqueIndexes.find((index) => index.length > 0) ?? []);
  const parts: string[] = [];
  for (const name of key) {
    const field = byName.get(name);
    if (!field) continue;
    const part = field.isForeignKey ? relationOf(fields, name)?.name : labelable(field) ? name : undefined;
    if (part && !parts.includes(part)) parts.push(part);
  }
  return parts;
}

function relationOf(fields: FieldMeta[], foreignKey: string): FieldMeta | undefined {
  return fields.find(
    (field) => field.relation && !field.relation.toMany && field.relation.fromFields.includes(foreignKey),
  );
}

function labelable(field: FieldMeta): boolean {
  return field.kind !== "relation" && !field.isList && !unlabelledTypes.has(field.type);
}

/**
 * Search fields of a model with titleParts: its text parts, and each relation part's related search fields as
 * dotted paths (`book.title`), so a picker finds an edition by its book's title. `models` holds every model
 * with its own (undotted) search fields; related models with parts of their own are followed one level more,
 * as deep as their labels go.
 */
export function partSearchFields(model: ModelMeta, models: Map<string, ModelMeta>, depth = 0): string[] {
  const found: string[] = [];
  const parts = model.titleParts ?? [];
  const perPart = Math.max(1, Math.floor(maxSearchFields / parts.length));
  for (const name of parts) {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field) continue;
    if (field.kind !== "relation") {
      if (field.kind === "scalar" && field.type === "String") found.push(name);
      continue;
    }
    const related = field.relation ? models.get(field.relation.model) : undefined;
    if (!related) continue;
    const inner =
      related.titleParts && depth < 1 ? partSearchFields(related, models, depth + 1) : related.searchFields;
    found.push(...inner.slice(0, perPart).map((path) => `${name}.${path}`));
  }
  return found;
}

/**
 * Derived search fields first, then the model's own well-known text fields, at most four; the model's other text
 * when that leaves none. The titleField of a model with parts is a foreign key, not worth searching as text.
 */
export function mergeSearchFields(derived: string[], own: FieldMeta[]): string[] {
  const merged = [...new Set([...derived, ...wellKnownSearchFields(own, "")])];
  return merged.length > 0 ? merged.slice(0, maxSearchFields) : plainTextSearchFields(own);
}
