/** Which field labels a record (like Django's `__str__`) and which fields free-text search looks in. */
import { isSecretFieldName } from "@atrium/auth";
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

/** Text fields that hold a code shared by many records, never a name, whatever their default. */
const codeNames = new Set([
  "currency",
  "country",
  "language",
  "locale",
  "timezone",
  "status",
  "type",
  "kind",
]);

/** Defaults that read as codes: upper-case tokens ("USD", "ECB", "EU-1") or language tags ("en", "pt-BR"). */
const codeDefault = /^(?:[A-Z0-9][A-Z0-9_-]{0,7}|[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$/;

/**
 * A code rather than a name: a well-known code field, or text whose default looks like a code
 * (`currency String @default("USD")`): most records keep the default, so every label would read "USD".
 */
export function isCodeField(field: FieldMeta): boolean {
  if (codeNames.has(field.name.toLowerCase())) return true;
  const literal = field.default?.kind === "literal" ? field.default.value : undefined;
  return typeof literal === "string" && codeDefault.test(literal);
}

/**
 * The first well-known label field (name, title, email...); else, when `plainText`, the first required text
 * field that is not an id, a foreign key or a code. Undefined when the model has no natural title.
 */
export function naturalTitleField(fields: FieldMeta[], plainText = true): string | undefined {
  const text = fields.filter(isTextField);
  for (const wanted of titleNames) {
    const hit = text.find((field) => field.name.toLowerCase() === wanted);
    if (hit) return hit.name;
  }
  if (!plainText) return undefined;
  return text.find((field) => field.isRequired && !field.isId && !field.isForeignKey && !isCodeField(field))
    ?.name;
}

/** The natural title field (see naturalTitleField), else the first id field. */
export function chooseTitleField(fields: FieldMeta[], idFields: string[]): string {
  return naturalTitleField(fields) ?? idFields[0] ?? fields[0]?.name ?? "";
}

/**
 * What `q` searches: the title field when it is text, plus other well-known text fields; when there are none,
 * the model's other text (see plainTextSearchFields), so that a model of `content` and `body` is searchable too.
 * At most four, never a secret-named field (hidden by default, so searching it would answer nothing).
 */
export function chooseSearchFields(fields: FieldMeta[], titleField: string): string[] {
  const known = wellKnownSearchFields(fields, titleField);
  // A title that fell back to a generated id still finds a pasted id, but says nothing about the record.
  const meaningful = known.some((name) => !isGeneratedId(fields.find((field) => field.name === name)));
  if (meaningful) return known;
  return [...new Set([...known, ...plainTextSearchFields(fields)])].slice(0, maxSearchFields);
}

function isGeneratedId(field: FieldMeta | undefined): boolean {
  return Boolean(field?.isId && field.default !== undefined && field.default.kind !== "literal");
}

/** The title field when it is text, plus other well-known text fields (name, email, slug...), at most four. */
export function wellKnownSearchFields(fields: FieldMeta[], titleField: string): string[] {
  const text = fields.filter((field) => isTextField(field) && !isSecretFieldName(field.name));
  const chosen: string[] = [];
  if (text.some((field) => field.name === titleField)) chosen.push(titleField);
  for (const field of text) {
    if (chosen.length >= maxSearchFields) break;
    if (field.name !== titleField && searchNames.has(field.name.toLowerCase())) chosen.push(field.name);
  }
  return chosen;
}

/**
 * Text worth searching in a model without well-known fields, in schema order, at most four: not an id the
 * database or Prisma makes up (searching part of a cuid finds nothing meant), not the key of a relation (an id
 * too), not a secret-named field.
 */
export function plainTextSearchFields(fields: FieldMeta[]): string[] {
  return fields
    .filter(
      (field) =>
        isTextField(field) && !isSecretFieldName(field.name) && !field.isForeignKey && !isGeneratedId(field),
    )
    .slice(0, maxSearchFields)
    .map((field) => field.name);
}
