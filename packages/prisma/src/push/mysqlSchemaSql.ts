/**
 * The MySQL/MariaDB DDL that creates a schema in an empty database, written from the DMMF datamodel.
 *
 * Why this exists: Prisma's WebAssembly schema engine has no MySQL connector (it panics), and the native one needs
 * the internet. This follows what `prisma db push` creates on MySQL, so that Prisma Client's queries find the
 * column types, names and constraints they expect: Prisma's scalar -> column mapping (mysqlColumns.ts),
 * `utf8mb4_unicode_ci` tables, Prisma's index and constraint names, its referential-action defaults, no foreign
 * keys under relationMode = "prisma", and its implicit many-to-many join tables (mysqlJoinTables.ts). It only
 * creates; it never compares with what a database already holds.
 */
import type { Datamodel, DmmfField, DmmfIndex, DmmfModel } from "../schema/readDatamodel.js";
import type { UnsupportedField } from "../schema/unsupportedFields.js";
import { columnDefinition, columnType, unsupportedColumnDefinition } from "./mysqlColumns.js";
import { joinTableStatements } from "./mysqlJoinTables.js";
import { constraintName, quote, tableName, tableOptions } from "./mysqlNames.js";
import type { MysqlStatement } from "./mysqlStatement.js";

export interface MysqlSchemaOptions {
  /**
   * `"prisma"`: Prisma Client keeps the relations, so the database gets no foreign keys, as with `prisma db push`
   * (and no index for them either: Prisma leaves those to `@@index`, and warns when one is missing).
   * @default "foreignKeys"
   */
  relationMode?: "foreignKeys" | "prisma";
  /** `Unsupported("...")` fields per model name, which Prisma's datamodel leaves out. @default none */
  unsupportedFields?: Map<string, UnsupportedField[]>;
  /** Names of `view` blocks, listed among the datamodel's models: no table, and no key to or from them. */
  views?: Set<string>;
}

/** One statement per entry, without the trailing semicolon: tables first, then foreign keys. */
export function mysqlSchemaSql(datamodel: Datamodel, options: MysqlSchemaOptions = {}): MysqlStatement[] {
  const views = options.views ?? new Set<string>();
  const tableModels = datamodel.models.filter((model) => !views.has(model.name));
  const models = new Map(tableModels.map((model) => [model.name, model]));
  const enums = new Map(datamodel.enums.map((item) => [item.name, item]));
  const indexes = datamodel.indexes ?? uniqueIndexesOf(datamodel.models);
  const withForeignKeys = options.relationMode !== "prisma";
  const tables: MysqlStatement[] = [];
  const foreignKeys: MysqlStatement[] = [];

  // Column lists MySQL can use as a foreign key's index: the primary key, then every unique and plain index.
  const keysOf = new Map<string, string[][]>();
  for (const model of tableModels) {
    const own = indexes.filter((index) => index.model === model.name && index.type !== "fulltext");
    keysOf.set(model.name, [
      primaryColumns(model),
      ...own
        .filter((index) => index.type !== "id")
        .map((index) => index.fields.map((part) => columnOf(model, part.name))),
    ]);
  }

  for (const model of tableModels) {
    const table = tableName(model);
    const unsupported = options.unsupportedFields?.get(model.name) ?? [];
    const lines = columnLines(model, unsupported, (field) =>
      columnDefinition(field, columnType(field, enums), enums),
    );
    const keyed = [...(keysOf.get(model.name) ?? [])];

    for (const index of indexes.filter((item) => item.model === model.name)) {
      if (index.type === "id") continue;
      const columns = index.fields.map((part) => columnOf(model, part.name));
      if (index.type === "fulltext") {
        const name = index.dbName ?? constraintName(table, columns, "idx");
        lines.push(`FULLTEXT INDEX ${quote(name)}(${columns.map(quote).join(", ")})`);
        continue;
      }
      const name = index.dbName ?? constraintName(table, columns, index.type === "unique" ? "key" : "idx");
      const parts = index.fields.map((part) => indexPart(model, part));
      lines.push(`${index.type === "unique" ? "UNIQUE INDEX" : "INDEX"} ${quote(name)}(${parts.join(", ")})`);
    }

    for (const field of withForeignKeys ? model.fields : []) {
      const from = field.relationFromFields ?? [];
      if (field.kind !== "object" || from.length === 0) continue;
      if (views.has(field.type)) continue;
      const target = models.get(field.type);
      if (!target) throw new Error(`Model ${model.name} relates to unknown model ${field.type}`);
      const name = constraintName(
        table,
        from.map((fieldName) => columnOf(model, fieldName)),
        "fkey",
      );
      const pairs = matchReferencedKey(
        from.map((fieldName, index) => ({
          from: fieldOf(model, fieldName),
          to: fieldOf(target, field.relationToFields?.[index] ?? ""),
        })),
        keysOf.get(target.name) ?? [],
      );
      const columns = pairs.map((pair) => pair.from.dbName ?? pair.from.name);
      const references = pairs.map((pair) => pair.to.dbName ?? pair.to.name);
      const optional = pairs.some((pair) => !pair.from.isRequired);
      const onDelete = field.relationOnDelete ?? (optional ? "SetNull" : "Restrict");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      foreignKeys.push({
        subject: `foreign key ${quote(name)}`,
        sql:
          `ALTER TABLE ${quote(table)} ADD CONSTRAINT ${quote(name)} FOREIGN KEY (${columns.map(quote).join(", ")}) ` +
          `REFERENCES ${quote(tableName(target))}(${references.map(quote).join(", ")}) ` +
          `ON DELETE ${referentialAction(onDelete)} ON UPDATE ${referentialAction(onUpdate)}`,
        foreignKey: {
          name,
          table,
          columns,
          types: pairs.map((pair) => columnType(pair.from, enums)),
          referencedTable: tableName(target),
          referencedColumns: references,
          referencedTypes: pairs.map((pair) => columnType(pair.to, enums)),
        },
      });
      // InnoDB would add one anyway; naming it like Prisma does keeps introspection and error messages stable.
      if (!keyed.some((existing) => startsWith(existing, columns))) {
        lines.push(`INDEX ${quote(name)}(${columns.map(quote).join(", ")})`);
        keyed.push(columns);
      }
    }

    const primary = primaryColumns(model);
    if (primary.length > 0) lines.push(`PRIMARY KEY (${primary.map(quote).join(", ")})`);
    tables.push({
      subject: `table ${quote(table)}`,
      sql: `CREATE TABLE ${quote(table)} (\n    ${lines.join(",\n    ")}\n) ${tableOptions}`,
    });
  }

  const joins = joinTableStatements(tableModels, enums, withForeignKeys);
  return [...tables, ...joins.tables, ...foreignKeys, ...joins.foreignKeys];
}

/** The model's columns in schema order, each Unsupported field after the field written before it. */
function columnLines(
  model: DmmfModel,
  unsupported: UnsupportedField[],
  definition: (field: DmmfField) => string,
): string[] {
  const lines = unsupported.filter((field) => !field.after).map(unsupportedColumnDefinition);
  for (const field of model.fields) {
    if (field.kind === "scalar" || field.kind === "enum") lines.push(definition(field));
    lines.push(...unsupported.filter((item) => item.after === field.name).map(unsupportedColumnDefinition));
  }
  return lines;
}

interface KeyPair {
  from: DmmfField;
  to: DmmfField;
}

/**
 * MySQL needs an index on the referenced table that starts with the referenced columns *in the foreign key's
 * order*; a relation written `references: [a, b]` to an `@@unique([b, a])` fails with errno 150 (so does
 * `prisma db push`). The same key with its column pairs in the unique's order is the same constraint, and valid.
 */
function matchReferencedKey(pairs: KeyPair[], keys: string[][]): KeyPair[] {
  const wanted = pairs.map((pair) => pair.to.dbName ?? pair.to.name);
  if (keys.some((key) => startsWith(key, wanted))) return pairs;
  for (const key of keys) {
    const head = key.slice(0, wanted.length);
    if (head.length !== wanted.length || !head.every((column) => wanted.includes(column))) continue;
    return head.flatMap((column) => pairs.filter((pair) => (pair.to.dbName ?? pair.to.name) === column));
  }
  return pairs;
}

/** Without the datamodel's index list: the uniques its models name (no `map:` names, no @@index). */
function uniqueIndexesOf(models: DmmfModel[]): DmmfIndex[] {
  return models.flatMap((model) => [
    ...model.fields
      .filter((field) => field.isUnique)
      .map((field): DmmfIndex => ({ model: model.name, type: "unique", fields: [{ name: field.name }] })),
    ...model.uniqueIndexes.map(
      (index): DmmfIndex => ({
        model: model.name,
        type: "unique",
        fields: index.fields.map((name) => ({ name })),
      }),
    ),
  ]);
}

function indexPart(model: DmmfModel, part: DmmfIndex["fields"][number]): string {
  const length = part.length ? `(${part.length})` : "";
  const order = part.sortOrder === "desc" ? " DESC" : "";
  return `${quote(columnOf(model, part.name))}${length}${order}`;
}

function primaryColumns(model: DmmfModel): string[] {
  const names =
    model.primaryKey?.fields ?? model.fields.filter((field) => field.isId).map((field) => field.name);
  return names.map((name) => columnOf(model, name));
}

function fieldOf(model: DmmfModel, fieldName: string): DmmfField {
  const field = model.fields.find((item) => item.name === fieldName);
  if (!field) throw new Error(`Model ${model.name} has no field ${fieldName}`);
  return field;
}

function columnOf(model: DmmfModel, fieldName: string): string {
  const field = model.fields.find((item) => item.name === fieldName);
  return field?.dbName ?? fieldName;
}

function startsWith(existing: string[], columns: string[]): boolean {
  return columns.length <= existing.length && columns.every((column, index) => existing[index] === column);
}

function referentialAction(action: string): string {
  switch (action) {
    case "Cascade":
      return "CASCADE";
    case "Restrict":
      return "RESTRICT";
    case "NoAction":
      return "NO ACTION";
    case "SetNull":
      return "SET NULL";
    case "SetDefault":
      return "SET DEFAULT";
    default:
      throw new Error(`Unknown referential action ${action}`);
  }
}
