/**
 * The MySQL/MariaDB DDL that creates a schema in an empty database, written from the DMMF datamodel.
 *
 * Why this exists: Prisma's WebAssembly schema engine has no MySQL connector (it panics), and the native one needs
 * the internet. This follows what `prisma db push` creates on MySQL, so that Prisma Client's queries find the
 * column types, names and constraints they expect: Prisma's scalar -> column mapping, `@db.*` native types,
 * `utf8mb4_unicode_ci` tables, Prisma's index and constraint names, its referential-action defaults and its
 * implicit many-to-many join tables. It only creates; it never compares with what a database already holds.
 */
import type { Datamodel, DmmfField, DmmfModel } from "../schema/readDatamodel.js";

/** `get_datamodel` also lists every index (`@@index` and `map:` names included); readDatamodel's type omits it. */
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  name?: string | null;
  dbName?: string | null;
  fields: { name: string; sortOrder?: "asc" | "desc" | null; length?: number | null }[];
}

type DatamodelWithIndexes = Datamodel & { indexes?: DmmfIndex[] };

/** Prisma's column type for each scalar when the field has no `@db.*` attribute. */
const scalarColumn: Record<string, string> = {
  String: "VARCHAR(191)",
  Boolean: "BOOLEAN",
  Int: "INTEGER",
  BigInt: "BIGINT",
  Float: "DOUBLE",
  Decimal: "DECIMAL(65, 30)",
  DateTime: "DATETIME(3)",
  Json: "JSON",
  Bytes: "LONGBLOB",
};

/** MySQL refuses identifiers longer than this; Prisma shortens its default names to fit. */
const maxIdentifier = 64;

const tableOptions = "DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

/** One statement per entry, without the trailing semicolon: tables first, then foreign keys. */
export function mysqlSchemaSql(datamodel: DatamodelWithIndexes): string[] {
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const enums = new Map(datamodel.enums.map((item) => [item.name, item]));
  const indexes = datamodel.indexes ?? uniqueIndexesOf(datamodel.models);
  const tables: string[] = [];
  const foreignKeys: string[] = [];

  const columnType = (field: DmmfField): string => {
    if (field.kind === "enum") {
      const values = enums.get(field.type)?.values ?? [];
      return `ENUM(${values.map((value) => quoteText(value.dbName ?? value.name)).join(", ")})`;
    }
    if (field.nativeType) return nativeColumn(field.nativeType);
    const type = scalarColumn[field.type];
    if (!type) throw new Error(`No MySQL column type for ${field.type} (field ${field.name})`);
    return type;
  };

  // An enum default names the Prisma value; the column holds its @map name.
  const withDbEnumDefault = (field: DmmfField): DmmfField => {
    if (field.kind !== "enum" || typeof field.default !== "string") return field;
    const value = enums.get(field.type)?.values.find((item) => item.name === field.default);
    return { ...field, default: value?.dbName ?? field.default };
  };

  for (const model of datamodel.models) {
    const table = tableName(model);
    const primary = primaryColumns(model);
    const scalars = model.fields.filter((field) => field.kind === "scalar" || field.kind === "enum");
    const lines = scalars.map((field) => columnDefinition(withDbEnumDefault(field), columnType(field)));
    const keyed: string[][] = [];

    const own = indexes.filter((index) => index.model === model.name);
    for (const index of own.filter((item) => item.type === "unique" || item.type === "normal")) {
      const columns = index.fields.map((part) => columnOf(model, part.name));
      const suffix = index.type === "unique" ? "key" : "idx";
      const name = index.dbName ?? constraintName(table, columns, suffix);
      const parts = index.fields.map((part) => indexPart(model, part));
      lines.push(`${index.type === "unique" ? "UNIQUE INDEX" : "INDEX"} ${quote(name)}(${parts.join(", ")})`);
      keyed.push(columns);
    }
    for (const index of own.filter((item) => item.type === "fulltext")) {
      const columns = index.fields.map((part) => columnOf(model, part.name));
      const name = index.dbName ?? constraintName(table, columns, "idx");
      lines.push(`FULLTEXT INDEX ${quote(name)}(${columns.map(quote).join(", ")})`);
    }

    for (const field of model.fields) {
      const from = field.relationFromFields ?? [];
      if (field.kind !== "object" || from.length === 0) continue;
      const target = models.get(field.type);
      if (!target) throw new Error(`Model ${model.name} relates to unknown model ${field.type}`);
      const columns = from.map((name) => columnOf(model, name));
      const references = (field.relationToFields ?? []).map((name) => columnOf(target, name));
      const optional = from.some((name) => !model.fields.find((item) => item.name === name)?.isRequired);
      const onDelete = field.relationOnDelete ?? (optional ? "SetNull" : "Restrict");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      const name = constraintName(table, columns, "fkey");
      foreignKeys.push(
        `ALTER TABLE ${quote(table)} ADD CONSTRAINT ${quote(name)} FOREIGN KEY (${columns.map(quote).join(", ")}) ` +
          `REFERENCES ${quote(tableName(target))}(${references.map(quote).join(", ")}) ` +
          `ON DELETE ${referentialAction(onDelete)} ON UPDATE ${referentialAction(onUpdate)}`,
      );
      // InnoDB would add one anyway; naming it like Prisma does keeps introspection and error messages stable.
      if (![primary, ...keyed].some((existing) => startsWith(existing, columns))) {
        lines.push(`INDEX ${quote(name)}(${columns.map(quote).join(", ")})`);
        keyed.push(columns);
      }
    }

    if (primary.length > 0) lines.push(`PRIMARY KEY (${primary.map(quote).join(", ")})`);
    tables.push(`CREATE TABLE ${quote(table)} (\n    ${lines.join(",\n    ")}\n) ${tableOptions}`);
  }

  for (const join of implicitJoinTables(datamodel.models)) {
    const { name, a, b } = join;
    const idA = singleId(a, name);
    const idB = singleId(b, name);
    tables.push(
      `CREATE TABLE ${quote(name)} (\n` +
        `    \`A\` ${columnType(idA)} NOT NULL,\n` +
        `    \`B\` ${columnType(idB)} NOT NULL,\n` +
        `    UNIQUE INDEX ${quote(`${name}_AB_unique`)}(\`A\`, \`B\`),\n` +
        `    INDEX ${quote(`${name}_B_index`)}(\`B\`)\n` +
        `) ${tableOptions}`,
    );
    for (const [column, model, id] of [
      ["A", a, idA],
      ["B", b, idB],
    ] as const) {
      foreignKeys.push(
        `ALTER TABLE ${quote(name)} ADD CONSTRAINT ${quote(`${name}_${column}_fkey`)} FOREIGN KEY (\`${column}\`) ` +
          `REFERENCES ${quote(tableName(model))}(${quote(id.dbName ?? id.name)}) ON DELETE CASCADE ON UPDATE CASCADE`,
      );
    }
  }
  return [...tables, ...foreignKeys];
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

function columnDefinition(field: DmmfField, type: string): string {
  const parts = [quote(field.dbName ?? field.name), type];
  if (field.isRequired) parts.push("NOT NULL");
  const extra = defaultClause(field, type);
  if (extra) parts.push(extra);
  return parts.join(" ");
}

/**
 * uuid(), cuid(), nanoid(), ulid() and @updatedAt are filled in by Prisma Client, so the column has no default,
 * as with `prisma db push`. now() gets a database default too, for rows written without Prisma.
 */
function defaultClause(field: DmmfField, type: string): string | undefined {
  const value = field.default;
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object" && !Array.isArray(value)) {
    switch (value.name) {
      case "autoincrement":
        return "AUTO_INCREMENT";
      case "now": {
        if (!/^(DATETIME|TIMESTAMP)/.test(type)) return undefined;
        const precision = /\((\d+)\)/.exec(type)?.[1] ?? "0";
        return `DEFAULT CURRENT_TIMESTAMP(${precision})`;
      }
      case "dbgenerated": {
        const expression = value.args[0];
        return typeof expression === "string" && expression !== "" ? `DEFAULT ${expression}` : undefined;
      }
      default:
        return undefined;
    }
  }
  if (Array.isArray(value)) return undefined;
  const literal = literalSql(field, value);
  // TEXT, BLOB and JSON columns take a default only as an expression (MySQL 8.0.13+, MariaDB 10.2+).
  return /^(JSON|(TINY|MEDIUM|LONG)?(TEXT|BLOB))/.test(type) ? `DEFAULT (${literal})` : `DEFAULT ${literal}`;
}

function literalSql(field: DmmfField, value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  switch (field.type) {
    case "DateTime":
      // DATETIME literals carry no zone; Prisma writes and reads them as UTC.
      return quoteText(new Date(value).toISOString().replace("T", " ").replace("Z", ""));
    case "Bytes":
      return `0x${Buffer.from(value, "base64").toString("hex")}`;
    case "BigInt":
    case "Decimal":
    case "Int":
    case "Float":
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value) ? value : quoteText(value);
    default:
      return quoteText(value);
  }
}

/** `["VarChar", ["20"]]` -> `VARCHAR(20)`, `["UnsignedInt", []]` -> `INT UNSIGNED`. */
function nativeColumn([name, args]: [string, string[]]): string {
  const unsigned = name.startsWith("Unsigned");
  const base = (unsigned ? name.slice("Unsigned".length) : name).toUpperCase();
  const withArgs = args.length > 0 ? `${base}(${args.join(", ")})` : base;
  return unsigned ? `${withArgs} UNSIGNED` : withArgs;
}

function indexPart(model: DmmfModel, part: DmmfIndex["fields"][number]): string {
  const length = part.length ? `(${part.length})` : "";
  const order = part.sortOrder === "desc" ? " DESC" : "";
  return `${quote(columnOf(model, part.name))}${length}${order}`;
}

interface JoinTable {
  name: string;
  a: DmmfModel;
  b: DmmfModel;
}

/** Many-to-many relations without a join model: Prisma's `_RelationName` tables, A being the model named first. */
function implicitJoinTables(models: DmmfModel[]): JoinTable[] {
  const byName = new Map(models.map((model) => [model.name, model]));
  const found = new Map<string, JoinTable>();
  for (const model of models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.isList || !field.relationName) continue;
      const other = byName.get(field.type);
      const back = other?.fields.find(
        (item) =>
          item.kind === "object" && item.relationName === field.relationName && item.type === model.name,
      );
      if (!other || !back?.isList || found.has(field.relationName)) continue;
      const [a, b] = model.name < other.name ? [model, other] : [other, model];
      found.set(field.relationName, { name: `_${field.relationName}`, a, b });
    }
  }
  return [...found.values()];
}

function singleId(model: DmmfModel, joinTable: string): DmmfField {
  const ids = primaryFields(model);
  const [id] = ids;
  if (ids.length !== 1 || !id) {
    throw new Error(
      `${joinTable}: an implicit many-to-many relation needs a single-field @id on ${model.name}`,
    );
  }
  return id;
}

function primaryFields(model: DmmfModel): DmmfField[] {
  const names =
    model.primaryKey?.fields ?? model.fields.filter((field) => field.isId).map((field) => field.name);
  return names.flatMap((name) => model.fields.filter((field) => field.name === name));
}

function primaryColumns(model: DmmfModel): string[] {
  return primaryFields(model).map((field) => field.dbName ?? field.name);
}

function columnOf(model: DmmfModel, fieldName: string): string {
  const field = model.fields.find((item) => item.name === fieldName);
  return field?.dbName ?? fieldName;
}

function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

function startsWith(existing: string[], columns: string[]): boolean {
  return columns.length <= existing.length && columns.every((column, index) => existing[index] === column);
}

/** `Table_a_b_key`; cut to MySQL's 64 characters while keeping the suffix, as Prisma does. */
export function constraintName(table: string, columns: string[], suffix: string): string {
  const body = `${table}_${columns.join("_")}`;
  const tail = `_${suffix}`;
  return body.length + tail.length > maxIdentifier
    ? `${body.slice(0, maxIdentifier - tail.length)}${tail}`
    : body + tail;
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

function quote(identifier: string): string {
  return `\`${identifier.replaceAll("`", "``")}\``;
}

/** Backslashes escape in MySQL's default SQL mode, so they are doubled along with quotes. */
function quoteText(text: string): string {
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}
