/**
 * Which fields of a model a Prisma error is about, from whatever the database reported: column names, a
 * constraint name, or (PostgreSQL's NOT NULL, which Prisma reports as "not available") only the message text.
 */
import type { FieldMeta, ModelMeta } from "@atrium/core";

/** What Prisma's known request errors carry (recognised by name and code, not `instanceof`). */
export interface KnownRequestError {
  code: string;
  meta?: Record<string, unknown>;
}

/** The driver adapter's description of the database error, when Prisma passed one on. */
export function adapterCause(error: KnownRequestError): Record<string, unknown> | undefined {
  return (error.meta?.driverAdapterError as { cause?: Record<string, unknown> } | undefined)?.cause;
}

/**
 * The fields an error is about. With driver adapters Prisma reports the database's view (column names, or a
 * constraint name) under `meta.driverAdapterError.cause.constraint`; older paths use `meta.target`.
 */
export function errorFields(error: KnownRequestError, model: ModelMeta): FieldMeta[] {
  const meta = error.meta ?? {};
  const cause = adapterCause(error);
  const constraint = cause?.constraint as { fields?: unknown; index?: unknown } | undefined;
  const candidates: unknown[] = [
    constraint?.fields,
    constraint?.index,
    cause?.column,
    meta.target,
    meta.field_name,
    meta.column_name,
    columnInMessage(cause?.originalMessage),
  ];
  for (const candidate of candidates) {
    const names = typeof candidate === "string" ? [candidate] : Array.isArray(candidate) ? candidate : [];
    const fields = names.flatMap((name) => (typeof name === "string" ? resolveName(model, name) : []));
    if (fields.length > 0) return [...new Set(fields)];
  }
  return [];
}

/**
 * The column a database message names: PostgreSQL `null value in column "x" of relation ...`, MySQL
 * `Column 'x' cannot be null` / `Field 'x' doesn't have a default value`, SQLite `... failed: Table.x`.
 */
function columnInMessage(message: unknown): string | undefined {
  if (typeof message !== "string") return undefined;
  const match =
    /\bcolumn "((?:[^"]|"")+)"/i.exec(message) ??
    /\b(?:column|field) '((?:[^']|'')+)'/i.exec(message) ??
    /constraint failed: ([\w$]+\.[\w$]+)/i.exec(message);
  return match?.[1];
}

/** A column name, a field name, `Table.column`, or a constraint name following Prisma's naming. */
function resolveName(model: ModelMeta, name: string): FieldMeta[] {
  const bare = name.replace(/^"|"$/g, "").replace(/ \(index\)$/, "");
  const column = bare.includes(".") ? (bare.split(".").pop() ?? bare) : bare;
  const direct = model.fields.find(
    (field) => field.kind !== "relation" && (columnName(field) === column || field.name === column),
  );
  if (direct) return [direct];
  return constraintFields(model, bare);
}

/** Prisma's default constraint names: `Table_a_b_key` (unique), `Table_a_fkey` (foreign key), `Table_pkey`. */
function constraintFields(model: ModelMeta, constraint: string): FieldMeta[] {
  const table = model.dbName ?? model.name;
  // MySQL names every primary key index PRIMARY.
  if (constraint === `${table}_pkey` || constraint === "PRIMARY") return fieldsNamed(model, model.idFields);
  const groups = [
    ...model.fields.filter((field) => field.isUnique).map((field) => [field.name]),
    ...model.uniqueIndexes,
    ...model.fields.flatMap((field) =>
      field.relation?.fromFields.length ? [field.relation.fromFields] : [],
    ),
  ];
  for (const group of groups) {
    const fields = fieldsNamed(model, group);
    const columns = fields.map(columnName).join("_");
    if (constraint === `${table}_${columns}_key` || constraint === `${table}_${columns}_fkey`) return fields;
  }
  return [];
}

function fieldsNamed(model: ModelMeta, names: string[]): FieldMeta[] {
  return names.flatMap((name) => model.fields.filter((field) => field.name === name));
}

function columnName(field: FieldMeta): string {
  return field.dbName ?? field.name;
}
