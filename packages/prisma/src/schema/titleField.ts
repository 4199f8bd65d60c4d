/** Which field labels a record (like Django's `__str__`) and which fields free-text search looks in. */
import type { FieldMeta } from "@atrium/core";

const titleNames = [
  "name",
  "title",
  "label",
  "displayname",
  "fullname",
  "username",
  "email",
  "slug",
  "code",
  "subject",
  "headline",
];

const searchNames = new Set([
  "name",
  "title",
  "email",
  "slug",
  "code",
  "username",
  "firstname",
  "lastname",
  "sku",
]);

const maxSearchFields = 4;

function isTextField(field: FieldMeta): boolean {
  return field.kind === "scalar" && field.type === "String" && !field.isList;
}

/**
 * The first well-known label field (name, title, email...); else the first required text field that is not an id
 * or a foreign key; else the first id field.
 */
export function chooseTitleField(fields: FieldMeta[], idFields: string[]): string {
  const text = fields.filter(isTextField);
  for (const wanted of titleNames) {
    const hit = text.find((field) => field.name.toLowerCase() === wanted);
    if (hit) return hit.name;
  }
  const plain = text.find((field) => field.isRequired && !field.isId && !field.isForeignKey);
  if (plain) return plain.name;
  return idFields[0] ?? fields[0]?.name ?? "";
}

/** The title field when it is text, plus other well-known text fields, at most four. */
export function chooseSearchFields(fields: FieldMeta[], titleField: string): string[] {
  const text = fields.filter(isTextField);
  const chosen: string[] = [];
  if (text.some((field) => field.name === titleField)) chosen.push(titleField);
  for (const field of text) {
    if (chosen.length >= maxSearchFields) break;
    if (field.name !== titleField && searchNames.has(field.name.toLowerCase())) chosen.push(field.name);
  }
  return chosen;
}
